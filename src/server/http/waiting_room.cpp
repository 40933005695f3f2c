#include "server/http/waiting_room.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace parley::server {

WaitingRoom::WaitingRoom(Ready ready)
    : ready_(std::move(ready)), wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  thread_ = std::thread([this] { Run(); });
}

WaitingRoom::~WaitingRoom() {
  Stop();
  if (wake_fd_ >= 0) close(wake_fd_);
}

bool WaitingRoom::Admit(const std::shared_ptr<Connection>& connection, SteadyTime idle_deadline) {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return false;
    incoming_.push_back({connection, idle_deadline});
  }
  Wake();
  return true;
}

void WaitingRoom::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
  }
  Wake();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  incoming_.clear();
}

std::size_t WaitingRoom::Held() const {
  std::lock_guard lock(mutex_);
  return held_ + incoming_.size();
}

void WaitingRoom::Wake() {
  std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
}

bool WaitingRoom::Advance(Waiting& w, SteadyTime now) {
  Connection& c = *w.connection;
  if (c.tls()) {
    // TLS bytes say nothing of the head until the handshake; the worker reads both, bounded
    // by the same head deadline.
    if (c.HasPending()) return false;
  } else {
    for (;;) {
      Connection::Io io = c.ReceiveNow();
      if (io == Connection::Io::kClosed || io == Connection::Io::kFailed) {
        w.connection.reset();
        return false;
      }
      if (io == Connection::Io::kTimeout) break;  // nothing more has arrived
      auto state = c.head.Feed(c.input().substr(c.head.HeadLength()));
      if (state == RequestHeadScanner::State::kComplete) return false;
      if (state == RequestHeadScanner::State::kTooLarge) {
        c.Refuse(431, "headers_too_large",
                 "the request's headers are larger than the server accepts; send fewer or "
                 "smaller headers (an oversized cookie? sign out and in again)");
        w.connection.reset();
        return false;
      }
    }
  }
  if (now >= c.head_deadline || (!c.head.Started() && now >= w.idle_deadline)) {
    // Nothing sent: an idle keep-alive connection, closed without a word as browsers expect.
    if (c.head.Started()) {
      c.Refuse(408, "request_timeout",
               "the request's headers did not arrive in time; send the whole request at once");
    }
    w.connection.reset();
    return false;
  }
  return true;
}

void WaitingRoom::Run() {
  std::vector<Waiting> held;
  std::vector<pollfd> fds;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) break;
      for (auto& w : incoming_) held.push_back(std::move(w));
      incoming_.clear();
      held_ = held.size();
    }
    SteadyTime now = std::chrono::steady_clock::now();
    SteadyTime next = now + std::chrono::hours(1);
    fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
    for (const auto& w : held) {
      next = std::min(next, w.connection->head.Started()
                                ? w.connection->head_deadline
                                : std::min(w.idle_deadline, w.connection->head_deadline));
      fds.push_back(pollfd{w.connection->fd(), POLLIN, 0});
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count();
    poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait + 1, 0, 60'000)));
    if (fds[0].revents != 0) {
      std::uint64_t drained = 0;
      (void)!read(wake_fd_, &drained, sizeof drained);
    }
    now = std::chrono::steady_clock::now();
    std::vector<Waiting> still;
    still.reserve(held.size());
    for (std::size_t i = 0; i < held.size(); ++i) {
      Waiting& w = held[i];
      bool readable = fds[i + 1].revents != 0;
      if (!readable && now < w.connection->head_deadline &&
          (w.connection->head.Started() || now < w.idle_deadline)) {
        still.push_back(std::move(w));
        continue;
      }
      if (readable && w.connection->tls()) {
        ready_(std::move(w.connection));
        continue;
      }
      if (Advance(w, now)) {
        still.push_back(std::move(w));
      } else if (w.connection) {
        ready_(std::move(w.connection));
      }
    }
    held = std::move(still);
  }
  // Stopped: every connection still waiting is closed as `held` goes.
}

}  // namespace parley::server
