// parley/server/http/request_head.h — where a request head ends, seen one chunk at a time.
//
// Contract: Feed() the bytes of a connection in order from the first byte of a request; the
// result says whether the head (request line and headers, up to and including the empty line)
// is complete, still arriving, or already longer than the limit. A head ends at the first line
// that is exactly "\r\n" after the request line: the rule httplib 0.11 itself parses by (a
// bare "\n" line does not end it there either). `HeadLength()` is the head's size once
// complete; bytes after it (a body, a pipelined request) are not looked at.
//
// Why a scanner of its own: the server decides before httplib reads a byte whether a head
// has arrived in time and within bounds (http/guarded_server.h), and a trickled head arrives
// in many small reads whose boundaries say nothing.
//
//   RequestHeadScanner head(64 * 1024);
//   if (head.Feed(chunk) == RequestHeadScanner::State::kComplete) Dispatch();
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::server {

class RequestHeadScanner {
 public:
  enum class State { kIncomplete, kComplete, kTooLarge };

  explicit RequestHeadScanner(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // Scans `bytes`; once complete or too large, later calls change nothing.
  State Feed(std::string_view bytes);
  [[nodiscard]] State state() const { return state_; }
  // Bytes of the head, the final "\r\n" included; meaningful when complete.
  [[nodiscard]] std::size_t HeadLength() const { return seen_; }
  // Seen anything at all: a connection that sent nothing may be closed without an answer.
  [[nodiscard]] bool Started() const { return seen_ > 0; }
  // Forget the last request: the next byte fed starts a new head.
  void Reset();

 private:
  std::size_t max_bytes_;
  std::size_t seen_ = 0;
  // The last two bytes seen, so that "\n\r\n" is found across chunk boundaries.
  char previous_ = 0;
  char before_previous_ = 0;
  State state_ = State::kIncomplete;
};

}  // namespace parley::server
