#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "nwaudit/base/parallel_in_order.h"

using nwaudit::for_each_in_order;

TEST_CASE("for_each_in_order: each result is produced once and used in order, on the calling thread") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{500}}) {
      CAPTURE(threads);
      CAPTURE(count);
      std::vector<std::atomic<int>> produced(count);
      std::vector<std::size_t> used;
      bool used_elsewhere = false;
      const std::thread::id caller = std::this_thread::get_id();
      for_each_in_order<std::size_t>(
          count, threads,
          [&](std::size_t index) {
            ++produced[index];
            return index * 3;
          },
          [&](std::size_t index, std::size_t& result) {
            used_elsewhere = used_elsewhere || std::this_thread::get_id() != caller;
            CHECK(result == index * 3);
            used.push_back(index);
          });
      CHECK_FALSE(used_elsewhere);
      REQUIRE(used.size() == count);
      for (std::size_t index = 0; index < count; ++index) {
        CHECK(used[index] == index);
        CHECK(produced[index] == 1);
      }
    }
  }
}

TEST_CASE("for_each_in_order: with several threads, results are produced while earlier ones are used") {
  std::atomic<std::size_t> produced{0};
  std::size_t most_ahead = 0;
  for_each_in_order<int>(
      200, 4, [&](std::size_t) { return static_cast<int>(++produced); },
      [&](std::size_t index, int&) {
        if (index == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        most_ahead = std::max(most_ahead, produced.load() - index);
      });
  CHECK(most_ahead > 1);
}
