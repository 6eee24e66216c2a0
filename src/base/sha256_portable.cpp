#include "sha256_engines.h"

namespace nwaudit::sha256_engine {
namespace {

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

void compress_portable(State& state, const std::uint8_t* blocks, std::size_t count) {
  auto [a, b, c, d, e, f, g, h] = state;
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
    a = state[0] += a;
    b = state[1] += b;
    c = state[2] += c;
    d = state[3] += d;
    e = state[4] += e;
    f = state[5] += f;
    g = state[6] += g;
    h = state[7] += h;
  }
}

}  // namespace nwaudit::sha256_engine
