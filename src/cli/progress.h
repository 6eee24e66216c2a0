#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace nwaudit::cli {

// One status line on standard error for work that can take a while (running a Mac's commands,
// copying its files): drawn only when standard error is a terminal, only once the work has
// taken a second, redrawn a few times a second, and erased when the object goes away.
class Progress {
 public:
  Progress();
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // What is being done now ("reading /Library/Extensions").
  void show(std::string status);

 private:
  void draw_until_stopped();

  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string status_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::thread drawer_;  // only for a terminal
};

}  // namespace nwaudit::cli
