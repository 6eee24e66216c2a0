#include "sha256_engines.h"

#if defined(__aarch64__) && defined(NWAUDIT_SHA256_CPU_ENGINE)

#include <arm_neon.h>

#if defined(__linux__)
#include <sys/auxv.h>
#endif

namespace nwaudit::sha256_engine {
namespace {

#if defined(__clang__)
#define NWAUDIT_WITH_SHA2 __attribute__((target("sha2")))
#else
// GCC declares the SHA-256 instructions under its "crypto" extension.
#define NWAUDIT_WITH_SHA2 __attribute__((target("+crypto")))
#endif

// Four rounds with the next four words of the schedule, `words`, and their constants at `round`.
// SHA256H gives the new a b c d and SHA256H2 the new e f g h, both from the old a b c d.
NWAUDIT_WITH_SHA2 inline void four_rounds(uint32x4_t& abcd, uint32x4_t& efgh, uint32x4_t words, std::size_t round) {
  const uint32x4_t inputs = vaddq_u32(words, vld1q_u32(kRoundConstants.data() + round));
  const uint32x4_t abcd_before = abcd;
  abcd = vsha256hq_u32(abcd, efgh, inputs);
  efgh = vsha256h2q_u32(efgh, abcd_before, inputs);
}

// Words t to t+3 of the schedule from words t-16 to t-1, four to a register, oldest first:
// SHA256SU0 adds σ0 of the next word to each of the oldest four, and SHA256SU1 adds words t-7
// to t-4 and σ1 of the words two before, the last two of them computed in the same step.
NWAUDIT_WITH_SHA2 inline uint32x4_t next_words(uint32x4_t oldest, uint32x4_t older, uint32x4_t newer,
                                               uint32x4_t newest) {
  return vsha256su1q_u32(vsha256su0q_u32(oldest, older), newer, newest);
}

// The message's words are big-endian.
NWAUDIT_WITH_SHA2 inline uint32x4_t load_words(const std::uint8_t* bytes) {
  return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(bytes)));
}

NWAUDIT_WITH_SHA2 void compress_arm_sha2(State& state, const std::uint8_t* blocks, std::size_t count) {
  uint32x4_t abcd = vld1q_u32(state.data());
  uint32x4_t efgh = vld1q_u32(state.data() + 4);
  for (const std::uint8_t* block = blocks; block != blocks + count * kBlockSize; block += kBlockSize) {
    const uint32x4_t abcd_before = abcd;
    const uint32x4_t efgh_before = efgh;
    uint32x4_t w0 = load_words(block);
    uint32x4_t w1 = load_words(block + 16);
    uint32x4_t w2 = load_words(block + 32);
    uint32x4_t w3 = load_words(block + 48);
    four_rounds(abcd, efgh, w0, 0);
    four_rounds(abcd, efgh, w1, 4);
    four_rounds(abcd, efgh, w2, 8);
    four_rounds(abcd, efgh, w3, 12);
    for (std::size_t round = 16; round < 64; round += 16) {
      w0 = next_words(w0, w1, w2, w3);
      four_rounds(abcd, efgh, w0, round);
      w1 = next_words(w1, w2, w3, w0);
      four_rounds(abcd, efgh, w1, round + 4);
      w2 = next_words(w2, w3, w0, w1);
      four_rounds(abcd, efgh, w2, round + 8);
      w3 = next_words(w3, w0, w1, w2);
      four_rounds(abcd, efgh, w3, round + 12);
    }
    abcd = vaddq_u32(abcd, abcd_before);
    efgh = vaddq_u32(efgh, efgh_before);
  }
  vst1q_u32(state.data(), abcd);
  vst1q_u32(state.data() + 4, efgh);
}

}  // namespace

Compress cpu_compress() {
#if defined(__APPLE__)
  return compress_arm_sha2;  // every Apple arm64 processor has them
#elif defined(__linux__)
  return (::getauxval(AT_HWCAP) & HWCAP_SHA2) != 0 ? compress_arm_sha2 : nullptr;
#else
  return nullptr;
#endif
}

}  // namespace nwaudit::sha256_engine

#endif
