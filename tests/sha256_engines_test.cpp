#include <doctest/doctest.h>

#include <fstream>

#if defined(__linux__) && defined(__aarch64__)
#include <sys/auxv.h>
#endif
#include <string>

#include "base/sha256_engines.h"
#include "nwaudit/base/sha256.h"

// The compression function runs with the CPU's SHA instructions where it has them, else in
// portable code: both must give FIPS 180-4's digests, for every length and however the bytes
// are fed.

using nwaudit::hex_digits;
using nwaudit::Sha256;
using nwaudit::Sha256Engine;

namespace {

constexpr Sha256Engine kEngines[] = {Sha256Engine::portable, Sha256Engine::cpu_instructions};

std::string digest(Sha256Engine engine, std::string_view bytes) {
  Sha256 hash(engine);
  hash.update(bytes);
  return hex_digits(hash.finish());
}

// Bytes that differ from one position to the next, so that a word read from the wrong place shows.
std::string varied_bytes(std::size_t size) {
  std::string bytes;
  for (std::size_t at = 0; at < size; ++at) bytes += static_cast<char>((at * 31 + 7) & 0xff);
  return bytes;
}

// Whether the processor says it has SHA-256 instructions, asked apart from nwaudit's own check:
// every Apple arm64 processor has them; Linux lists them in /proc/cpuinfo's flags on x86-64 and
// among the hardware capabilities on arm64 (which an emulator such as qemu-user sets, though it
// shows the host's /proc/cpuinfo).
bool processor_has_sha_instructions() {
#if defined(__APPLE__) && defined(__aarch64__)
  return true;
#elif defined(__linux__) && defined(__aarch64__)
  return (::getauxval(AT_HWCAP) & HWCAP_SHA2) != 0;
#elif defined(__x86_64__)
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.starts_with("flags") && (line + " ").find(" sha_ni ") != std::string::npos) return true;
  }
  return false;
#else
  return false;
#endif
}

}  // namespace

TEST_CASE("sha256 engines: FIPS 180-4's examples") {
  for (Sha256Engine engine : kEngines) {
    CAPTURE(static_cast<int>(engine));
    CHECK(digest(engine, "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(digest(engine, "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest(engine, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(digest(engine, "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                         "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(digest(engine, std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

TEST_CASE("sha256 engines: every length from 0 to 300 bytes, each engine the same digests") {
  // The digests of the first 0, 1, 2, ... 300 varied bytes, written one after the other and
  // hashed again; the value is Python's hashlib's.
  for (Sha256Engine engine : kEngines) {
    CAPTURE(static_cast<int>(engine));
    std::string digests;
    for (std::size_t length = 0; length <= 300; ++length) {
      const std::string one = digest(engine, varied_bytes(length));
      if (engine != Sha256Engine::portable) REQUIRE(one == digest(Sha256Engine::portable, varied_bytes(length)));
      digests += one;
    }
    CHECK(digest(engine, digests) == "d7a9b90d98debd1b5175288331c6bd26e947bf41f61bb9808d40b97606258ca9");
  }
}

TEST_CASE("sha256 engines: a message fed in two pieces, split at every offset, gives its digest") {
  for (std::size_t size : {0u, 1u, 55u, 64u, 127u, 129u, 300u}) {
    const std::string message = varied_bytes(size);
    const std::string whole = digest(Sha256Engine::portable, message);
    for (Sha256Engine engine : kEngines) {
      for (std::size_t split = 0; split <= size; ++split) {
        CAPTURE(size);
        CAPTURE(split);
        CAPTURE(static_cast<int>(engine));
        Sha256 hash(engine);
        hash.update(std::string_view(message).substr(0, split));
        hash.update(std::string_view(message).substr(split));
        CHECK(hex_digits(hash.finish()) == whole);
      }
    }
  }
}

TEST_CASE("sha256 engines: the portable code when asked for, the CPU's instructions wherever it has them") {
  CHECK(Sha256(Sha256Engine::portable).engine() == Sha256Engine::portable);
#ifndef NWAUDIT_SHA256_CPU_ENGINE
  MESSAGE("SKIPPED: this build has no code for this processor's SHA-256 instructions");
  CHECK(Sha256().engine() == Sha256Engine::portable);
  return;
#endif
  if (!processor_has_sha_instructions()) {
    MESSAGE("SKIPPED: this processor has no SHA-256 instructions, so only the portable code was tested");
    CHECK(Sha256().engine() == Sha256Engine::portable);
    return;
  }
  // What every Sha256 uses unless told otherwise, and what the tests above compared.
  CHECK(Sha256().engine() == Sha256Engine::cpu_instructions);
  CHECK(Sha256(Sha256Engine::cpu_instructions).engine() == Sha256Engine::cpu_instructions);
}
