#include "fingerprint.h"

#include <cstdint>

namespace nwaudit::report {
namespace {

constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
constexpr std::uint64_t kPrime = 1099511628211ULL;

void mix(std::uint64_t& hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
}

}  // namespace

std::string finding_fingerprint(std::string_view rule_id, std::string_view subject) {
  std::uint64_t hash = kOffsetBasis;
  mix(hash, rule_id);
  mix(hash, std::string_view("\0", 1));
  mix(hash, subject);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (std::size_t i = 0; i < 16; ++i) hex[15 - i] = kHex[(hash >> (4 * i)) & 0xFU];
  return hex;
}

}  // namespace nwaudit::report
