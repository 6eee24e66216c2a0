#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace nwaudit {

// Produces the results for 0 .. count-1 on up to `threads` threads, the calling one among
// them, and hands each to `use` on the calling thread in index order, while later ones are
// still being produced: the work is shared, what is done with the results stays as if one
// thread had done everything. `produce` runs on any of the threads and must be safe to call
// concurrently; `use` runs on the calling thread only. Results wait in memory until used.
template <class Result, class Produce, class Use>
void for_each_in_order(std::size_t count, unsigned threads, Produce produce, Use use) {
  if (threads <= 1 || count <= 1) {
    for (std::size_t index = 0; index < count; ++index) {
      Result result = produce(index);
      use(index, result);
    }
    return;
  }
  std::vector<std::optional<Result>> results(count);
  std::unique_ptr<bool[]> done(new bool[count]());
  std::atomic<std::size_t> next{0};  // the first index no thread has taken
  std::mutex mutex;                  // guards done
  std::condition_variable finished;
  constexpr std::size_t kNobody = static_cast<std::size_t>(-1);
  std::atomic<std::size_t> awaited{kNobody};  // the index the calling thread sleeps on, set under mutex
  auto produce_into = [&](std::size_t index) {
    Result result = produce(index);
    {
      const std::lock_guard lock(mutex);
      results[index].emplace(std::move(result));
      done[index] = true;
    }
    if (awaited.load() == index) finished.notify_one();
  };
  auto is_done = [&](std::size_t index) {
    const std::lock_guard lock(mutex);
    return done[index];
  };
  std::vector<std::jthread> helpers;
  const std::size_t helper_count = std::min<std::size_t>(threads - 1, count - 1);
  helpers.reserve(helper_count);
  for (std::size_t helper = 0; helper < helper_count; ++helper) {
    helpers.emplace_back([&] {
      for (std::size_t index = next.fetch_add(1); index < count; index = next.fetch_add(1)) produce_into(index);
    });
  }
  for (std::size_t index = 0; index < count; ++index) {
    std::size_t unclaimed = index;
    if (next.compare_exchange_strong(unclaimed, index + 1)) produce_into(index);
    // While another thread still works on this one, this thread takes later ones rather than wait.
    while (!is_done(index)) {
      const std::size_t later = next.fetch_add(1);
      if (later < count) {
        produce_into(later);
        continue;
      }
      std::unique_lock lock(mutex);
      awaited = index;
      finished.wait(lock, [&] { return done[index]; });
      awaited = kNobody;
    }
    use(index, *results[index]);
    results[index].reset();
  }
}

}  // namespace nwaudit
