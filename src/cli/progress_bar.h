// parley/cli/progress_bar.h — a progress bar on stderr for long commands.
//
// Linking a million records takes tens of seconds; a silent terminal looks hung. The bar stays
// hidden for the first two seconds (short runs, and the tests, print nothing), then redraws
// one line on stderr at most ten times a second, naming the stage. stdout is never touched,
// so scripts reading a command's output are unaffected.
//
// Contract: Update() is thread-safe and cheap when nothing is drawn; Finish() ends the line if
// one was drawn. The destructor calls Finish().
//
//   ProgressBar bar("link");
//   options.progress = bar.Callback();
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "link/linker.h"

namespace parley::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string command);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::string_view stage, std::uint64_t done, std::uint64_t total);
  void Finish();
  [[nodiscard]] link::ProgressFn Callback();

 private:
  using Clock = std::chrono::steady_clock;
  std::string command_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  std::mutex mutex_;
  bool drawn_ = false;
};

}  // namespace parley::cli
