#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nwaudit {

using Sha256Digest = std::array<std::uint8_t, 32>;

// How the compression function runs: with the CPU's SHA instructions (x86-64's SHA extensions,
// Armv8's SHA-2 instructions) or in portable code. Both give the same digests.
enum class Sha256Engine { portable, cpu_instructions };

// SHA-256 (FIPS 180-4), fed in pieces of any size.
class Sha256 {
 public:
  // With the CPU's instructions where this build and the CPU have them, else portable.
  Sha256();
  // With `engine` where this build and the CPU have it, else portable: for tests, which compare them.
  explicit Sha256(Sha256Engine engine);
  Sha256Engine engine() const;
  void update(std::string_view bytes);
  // The digest; the object is spent afterwards.
  Sha256Digest finish();

 private:
  using Compress = void (*)(std::array<std::uint32_t, 8>& state, const std::uint8_t* blocks, std::size_t count);
  Compress compress_;
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> pending_{};
  std::size_t pending_size_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// The first `digits` lowercase hex digits of a digest (all 64 by default).
std::string hex_digits(const Sha256Digest& digest, std::size_t digits = 64);

// The SHA-256 of bytes, as its first `digits` lowercase hex digits.
std::string sha256_hex(std::string_view bytes, std::size_t digits = 64);

}  // namespace nwaudit
