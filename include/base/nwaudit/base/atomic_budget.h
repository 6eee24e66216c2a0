#pragma once

#include <atomic>

namespace nwaudit {

// Takes `amount` from what `budget` has left, unless less is left; safe from several threads.
template <class Count>
bool take_from(std::atomic<Count>& budget, Count amount) {
  Count left = budget.load();
  do {
    if (amount > left) return false;
  } while (!budget.compare_exchange_weak(left, left - amount));
  return true;
}

}  // namespace nwaudit
