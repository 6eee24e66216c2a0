#include <doctest/doctest.h>

#include <string>

#include "nwaudit/base/sha256.h"

using nwaudit::hex_digits;
using nwaudit::Sha256;
using nwaudit::sha256_hex;

// FIPS 180-4's examples are in fleet_formats_test.cpp; these are the lengths padding treats apart.
TEST_CASE("sha256: lengths around a block's padding") {
  // 55 bytes leave room for the length in the same block, 56 need one more.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: FIPS 180-4's two-block example") {
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                   "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256: every length from 0 to 199 bytes") {
  // The digests of bytes 3, 10, 17, ... (each 7 more than the last, mod 256) of every length,
  // written one after the other and hashed again; the value is Python's hashlib's.
  std::string bytes;
  std::string digests;
  for (std::size_t length = 0; length < 200; ++length) {
    digests += sha256_hex(bytes);
    bytes += static_cast<char>((length * 7 + 3) & 0xff);
  }
  CHECK(sha256_hex(digests) == "466ee381bbc4a6de34133ad71e2d19bd7ac1efe7fbd78829b39564fb7a8e7d20");
}

TEST_CASE("sha256: fed in pieces, the same digest as at once") {
  const std::string text(1000, 'x');
  for (std::size_t piece : {1u, 7u, 63u, 64u, 65u, 999u}) {
    Sha256 hash;
    for (std::size_t at = 0; at < text.size(); at += piece) hash.update(std::string_view(text).substr(at, piece));
    CHECK(hex_digits(hash.finish()) == sha256_hex(text));
  }
}
