#include "cli/progress_bar.h"

#include <cstdio>

namespace parley::cli {
namespace {
constexpr auto kQuietPeriod = std::chrono::seconds(2);
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr int kBarWidth = 30;
}  // namespace

ProgressBar::ProgressBar(std::string command)
    : command_(std::move(command)), start_(Clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(std::string_view stage, std::uint64_t done, std::uint64_t total) {
  const auto now = Clock::now();
  if (now - start_ < kQuietPeriod) return;
  std::lock_guard lock(mutex_);
  if (drawn_ && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  drawn_ = true;
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kBarWidth);
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s: %-10.*s [%-*.*s] %3d%%  %5.1f s ", command_.c_str(),
               static_cast<int>(stage.size()), stage.data(), kBarWidth, filled,
               "##############################", static_cast<int>(fraction * 100), seconds);
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  std::lock_guard lock(mutex_);
  if (!drawn_) return;
  std::fputc('\n', stderr);
  drawn_ = false;
}

link::ProgressFn ProgressBar::Callback() {
  return [this](std::string_view stage, std::uint64_t done, std::uint64_t total) {
    Update(stage, done, total);
  };
}

}  // namespace parley::cli
