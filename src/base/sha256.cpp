#include "nwaudit/base/sha256.h"

#include <algorithm>

#include "sha256_engines.h"

namespace nwaudit {
namespace {

using sha256_engine::kBlockSize;

// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitialState = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// The CPU's instructions where it has them, found out once.
sha256_engine::Compress fastest_compress() {
#ifdef NWAUDIT_SHA256_CPU_ENGINE
  static const sha256_engine::Compress cpu = sha256_engine::cpu_compress();
  if (cpu != nullptr) return cpu;
#endif
  return sha256_engine::compress_portable;
}

}  // namespace

Sha256::Sha256() : Sha256(Sha256Engine::cpu_instructions) {}

Sha256::Sha256(Sha256Engine engine)
    : compress_(engine == Sha256Engine::cpu_instructions ? fastest_compress() : sha256_engine::compress_portable),
      state_(kInitialState) {}

Sha256Engine Sha256::engine() const {
  return compress_ == sha256_engine::compress_portable ? Sha256Engine::portable : Sha256Engine::cpu_instructions;
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
    compress_(state_, pending_.data(), 1);
    pending_size_ = 0;
  }
  // Whole blocks are read where they are.
  if (left >= kBlockSize) compress_(state_, next, left / kBlockSize);
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
  compress_(state_, tail.data(), size / kBlockSize);

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
