#include "sha256_engines.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

namespace nwaudit::sha256_engine {
namespace {

// SHA256RNDS2 keeps the working variables in two registers, lanes high to low: A B E F and
// C D G H. Each call runs two rounds; the round words plus constants come in the low half of
// its third operand.

#define NWAUDIT_WITH_SHA __attribute__((target("sha,sse4.1")))

// Four rounds with the next four words of the schedule, `words`, and their constants at `round`.
NWAUDIT_WITH_SHA inline void four_rounds(__m128i& abef, __m128i& cdgh, __m128i words, std::size_t round) {
  const __m128i inputs =
      _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i*>(kRoundConstants.data() + round)));
  // Two rounds make the old A B E F the new C D G H, so the two registers swap roles.
  cdgh = _mm_sha256rnds2_epu32(cdgh, abef, inputs);
  abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(inputs, 0x0e));
}

// Words t to t+3 of the schedule from words t-16 to t-1, four to a register, oldest first:
// SHA256MSG1 adds σ0 of the next word to each of the oldest four, words t-7 to t-4 are added,
// and SHA256MSG2 adds σ1 of the words two before, the last two of them computed in the same step.
NWAUDIT_WITH_SHA inline __m128i next_words(__m128i oldest, __m128i older, __m128i newer, __m128i newest) {
  const __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(oldest, older), _mm_alignr_epi8(newest, newer, 4));
  return _mm_sha256msg2_epu32(partial, newest);
}

NWAUDIT_WITH_SHA void compress_x86_sha(State& state, const std::uint8_t* blocks, std::size_t count) {
  // State a b c d and e f g h, each lowest lane first, into the registers' orders.
  const __m128i badc = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state.data())), 0xb1);
  const __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state.data() + 4)), 0x1b);
  __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);
  __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xf0);
  // The message's words are big-endian.
  const __m128i byte_swap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
  for (const std::uint8_t* block = blocks; block != blocks + count * kBlockSize; block += kBlockSize) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    const auto* words = reinterpret_cast<const __m128i*>(block);
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128(words), byte_swap);
    __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128(words + 1), byte_swap);
    __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128(words + 2), byte_swap);
    __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128(words + 3), byte_swap);
    four_rounds(abef, cdgh, w0, 0);
    four_rounds(abef, cdgh, w1, 4);
    four_rounds(abef, cdgh, w2, 8);
    four_rounds(abef, cdgh, w3, 12);
    for (std::size_t round = 16; round < 64; round += 16) {
      w0 = next_words(w0, w1, w2, w3);
      four_rounds(abef, cdgh, w0, round);
      w1 = next_words(w1, w2, w3, w0);
      four_rounds(abef, cdgh, w1, round + 4);
      w2 = next_words(w2, w3, w0, w1);
      four_rounds(abef, cdgh, w2, round + 8);
      w3 = next_words(w3, w0, w1, w2);
      four_rounds(abef, cdgh, w3, round + 12);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  const __m128i fedc = _mm_blend_epi16(abef, cdgh, 0xf0);
  const __m128i bahg = _mm_alignr_epi8(cdgh, abef, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state.data()), _mm_shuffle_epi32(_mm_blend_epi16(bahg, fedc, 0xf0), 0xb1));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state.data() + 4), _mm_shuffle_epi32(_mm_alignr_epi8(fedc, bahg, 8), 0x1b));
}

}  // namespace

// CPUID's own bits, not __builtin_cpu_supports: clang before 16 does not know "sha" there.
Compress cpu_compress() {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return nullptr;
  const bool shuffles = (ecx & bit_SSSE3) != 0 && (ecx & bit_SSE4_1) != 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return nullptr;
  const bool sha = (ebx & bit_SHA) != 0;
  return shuffles && sha ? compress_x86_sha : nullptr;
}

}  // namespace nwaudit::sha256_engine

#endif
