#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

// What the ways of running SHA-256's compression function share (sha256.cpp chooses one):
// the portable code, and the CPU's SHA instructions on x86-64 and arm64.
namespace nwaudit::sha256_engine {

using State = std::array<std::uint32_t, 8>;

inline constexpr std::size_t kBlockSize = 64;

// Runs the compression function over `count` consecutive 64-byte blocks.
using Compress = void (*)(State& state, const std::uint8_t* blocks, std::size_t count);

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
alignas(16) inline constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// FIPS 180-4's arithmetic in plain C++, for every CPU (sha256_portable.cpp).
void compress_portable(State& state, const std::uint8_t* blocks, std::size_t count);

// Where this build has code for the CPU's SHA instructions: x86-64's SHA extensions
// (sha256_x86.cpp) and Armv8's SHA-2 instructions (sha256_arm.cpp). Older clang (14 does;
// 17 no longer) declares the Arm ones only when the whole build targets them, as Apple's arm64
// builds do, and not to a function that asks for them as GCC's and newer clang's do.
#if defined(__x86_64__) || \
    (defined(__aarch64__) && (defined(__ARM_FEATURE_SHA2) || !defined(__clang__) || __clang_major__ >= 17))
#define NWAUDIT_SHA256_CPU_ENGINE 1

// The compression function with the CPU's SHA instructions, or nullptr when the CPU this runs
// on lacks them.
Compress cpu_compress();
#endif

}  // namespace nwaudit::sha256_engine
