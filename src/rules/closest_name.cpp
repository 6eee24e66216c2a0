#include "closest_name.h"

#include <algorithm>

namespace nwaudit {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string ClosestName::find(std::string_view wanted, const std::vector<std::string_view>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(2, wanted.size() / 3);
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t gap = candidate.size() > wanted.size() ? candidate.size() - wanted.size() : wanted.size() - candidate.size();
    const std::size_t cost = gap >= best_distance ? 1 : (wanted.size() + 1) * (candidate.size() + 1);
    if (cost > budget_) return {};
    budget_ -= cost;
    if (gap >= best_distance) continue;  // at least that many insertions or deletions
    if (const std::size_t distance = edit_distance(wanted, candidate); distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return std::string(best);
}

}  // namespace nwaudit
