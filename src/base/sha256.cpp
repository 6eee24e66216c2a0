#include "nwaudit/base/sha256.h"

#include <algorithm>

namespace nwaudit {
namespace {

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitialState = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::size_t kBlockSize = 64;

constexpr std::uint32_t rotate_right(std::uint32_t value, int bits) {
  return (value >> bits) | (value << (32 - bits));
}

// FIPS 180-4's Σ0 and Σ1, which mix the working variables, and σ0 and σ1, which widen the
// message schedule. Each is written as rotations of rotations: the same value as the rotations
// of x xor-ed together, in fewer instructions where a rotation overwrites its operand.
constexpr std::uint32_t big_sigma0(std::uint32_t x) {
  return rotate_right(rotate_right(rotate_right(x, 9) ^ x, 11) ^ x, 2);
}
constexpr std::uint32_t big_sigma1(std::uint32_t x) {
  return rotate_right(rotate_right(rotate_right(x, 14) ^ x, 5) ^ x, 6);
}
constexpr std::uint32_t small_sigma0(std::uint32_t x) { return rotate_right(rotate_right(x, 11) ^ x, 7) ^ (x >> 3); }
constexpr std::uint32_t small_sigma1(std::uint32_t x) { return rotate_right(rotate_right(x, 2) ^ x, 17) ^ (x >> 10); }

std::uint32_t big_endian_word(const std::uint8_t* bytes) {
  return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
         static_cast<std::uint32_t>(bytes[2]) << 8 | static_cast<std::uint32_t>(bytes[3]);
}

// One round, written for the working variables in their places at that round (a to h): instead
// of moving all eight along, the next seven rounds pass them in rotated order. `input` is the
// round's constant plus its word of the schedule. The majority of a, b and c is taken as
// b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b, kept in `last_a_xor_b`.
inline void one_round(std::uint32_t a, std::uint32_t b, std::uint32_t& d, std::uint32_t e, std::uint32_t f,
                  std::uint32_t g, std::uint32_t& h, std::uint32_t input, std::uint32_t& last_a_xor_b) {
  const std::uint32_t a_xor_b = a ^ b;
  const std::uint32_t majority = b ^ (a_xor_b & last_a_xor_b);
  last_a_xor_b = a_xor_b;
  const std::uint32_t first = h + big_sigma1(e) + (g ^ (e & (f ^ g))) + input;
  d += first;
  h = first + big_sigma0(a) + majority;
}

}  // namespace

Sha256::Sha256() : state_(kInitialState) {}

void Sha256::compress(const std::uint8_t* blocks, std::size_t count) {
  auto [a, b, c, d, e, f, g, h] = state_;
  std::array<std::uint32_t, 64> schedule;
  for (const std::uint8_t* block = blocks; block != blocks + count * kBlockSize; block += kBlockSize) {
    for (std::size_t i = 0; i < 16; ++i) schedule[i] = big_endian_word(block + 4 * i);
    for (std::size_t i = 16; i < 64; ++i) {
      schedule[i] = small_sigma1(schedule[i - 2]) + schedule[i - 7] + small_sigma0(schedule[i - 15]) + schedule[i - 16];
    }
    std::uint32_t last_a_xor_b = b ^ c;
    for (std::size_t i = 0; i < 64; i += 8) {
      const std::uint32_t* constants = kRoundConstants.data() + i;
      const std::uint32_t* words = schedule.data() + i;
      one_round(a, b, d, e, f, g, h, constants[0] + words[0], last_a_xor_b);
      one_round(h, a, c, d, e, f, g, constants[1] + words[1], last_a_xor_b);
      one_round(g, h, b, c, d, e, f, constants[2] + words[2], last_a_xor_b);
      one_round(f, g, a, b, c, d, e, constants[3] + words[3], last_a_xor_b);
      one_round(e, f, h, a, b, c, d, constants[4] + words[4], last_a_xor_b);
      one_round(d, e, g, h, a, b, c, constants[5] + words[5], last_a_xor_b);
      one_round(c, d, f, g, h, a, b, constants[6] + words[6], last_a_xor_b);
      one_round(b, c, e, f, g, h, a, constants[7] + words[7], last_a_xor_b);
    }
    a = state_[0] += a;
    b = state_[1] += b;
    c = state_[2] += c;
    d = state_[3] += d;
    e = state_[4] += e;
    f = state_[5] += f;
    g = state_[6] += g;
    h = state_[7] += h;
  }
}

void Sha256::update(std::string_view bytes) {
  total_bytes_ += bytes.size();
  const auto* next = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t left = bytes.size();
  if (pending_size_ > 0) {
    const std::size_t taken = std::min(left, kBlockSize - pending_size_);
    std::copy_n(next, taken, pending_.begin() + static_cast<std::ptrdiff_t>(pending_size_));
    pending_size_ += taken;
    next += taken;
    left -= taken;
    if (pending_size_ < kBlockSize) return;
    compress(pending_.data(), 1);
    pending_size_ = 0;
  }
  // Whole blocks are read where they are.
  compress(next, left / kBlockSize);
  next += left - left % kBlockSize;
  left %= kBlockSize;
  std::copy_n(next, left, pending_.begin());
  pending_size_ = left;
}

Sha256Digest Sha256::finish() {
  // The bytes left over, a 1 bit, zeros, and the message's length in bits: one block, or two
  // when the length does not fit after the rest.
  std::array<std::uint8_t, 2 * kBlockSize> tail{};
  std::copy_n(pending_.begin(), pending_size_, tail.begin());
  tail[pending_size_] = 0x80;
  const std::size_t size = pending_size_ + 1 + 8 <= kBlockSize ? kBlockSize : 2 * kBlockSize;
  const std::uint64_t total_bits = total_bytes_ * 8;
  for (std::size_t byte = 0; byte < 8; ++byte) {
    tail[size - 1 - byte] = static_cast<std::uint8_t>(total_bits >> (8 * byte));
  }
  compress(tail.data(), size / kBlockSize);

  Sha256Digest digest{};
  for (std::size_t word = 0; word < state_.size(); ++word) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      digest[4 * word + byte] = static_cast<std::uint8_t>(state_[word] >> (24 - 8 * byte));
    }
  }
  return digest;
}

std::string hex_digits(const Sha256Digest& digest, std::size_t digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (std::uint8_t byte : digest) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xf];
  }
  return hex.substr(0, digits);
}

std::string sha256_hex(std::string_view bytes, std::size_t digits) {
  Sha256 hash;
  hash.update(bytes);
  return hex_digits(hash.finish(), digits);
}

}  // namespace nwaudit
