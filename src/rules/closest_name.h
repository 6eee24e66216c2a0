#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nwaudit {

// Finds the name a misspelled one most likely meant, for "did you mean ...?" in problems.
class ClosestName {
 public:
  // `budget` bounds the work of all searches together, in edit-distance steps: past it
  // they suggest nothing, so that a file full of wrong names stays cheap to check.
  explicit ClosestName(std::size_t budget = 20'000'000) : budget_(budget) {}

  // The candidate fewest edits (insertions, deletions, substitutions) away from `wanted`,
  // when that is at most a third of its length (at least 2); empty when none is that close.
  std::string find(std::string_view wanted, const std::vector<std::string_view>& candidates);

 private:
  std::size_t budget_;
};

}  // namespace nwaudit
