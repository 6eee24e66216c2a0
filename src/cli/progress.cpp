#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace nwaudit::cli {
namespace {

constexpr auto kQuietFor = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);
constexpr std::size_t kWidth = 78;  // fits an 80-column terminal with the cursor

std::string fitted(const std::string& status) {
  if (status.size() <= kWidth) return status;
  return "..." + status.substr(status.size() - (kWidth - 3));
}

}  // namespace

Progress::Progress() {
  if (::isatty(STDERR_FILENO) == 1) drawer_ = std::thread([this] { draw_until_stopped(); });
}

Progress::~Progress() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (drawer_.joinable()) drawer_.join();
}

void Progress::show(std::string status) {
  std::lock_guard lock(mutex_);
  status_ = std::move(status);
}

void Progress::draw_until_stopped() {
  std::unique_lock lock(mutex_);
  std::string shown;
  while (!wake_.wait_for(lock, kRedrawEvery, [this] { return stopping_; })) {
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    if (elapsed < kQuietFor) continue;
    // The seconds show that a long step (a command with a long timeout) is still going.
    const std::string line = fitted("nwaudit: " + status_ + " (" +
                                    std::to_string(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count()) +
                                    " s)");
    if (line == shown) continue;
    shown = line;
    std::fprintf(stderr, "\r\033[K%s", shown.c_str());
    std::fflush(stderr);
    drawn_ = true;
  }
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }
}

}  // namespace nwaudit::cli
