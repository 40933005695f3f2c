#include "server/http/request_head.h"

namespace parley::server {

RequestHeadScanner::State RequestHeadScanner::Feed(std::string_view bytes) {
  for (char c : bytes) {
    if (state_ != State::kIncomplete) break;
    ++seen_;
    // A line that is exactly "\r\n" follows the previous line's '\n'; the request line comes
    // first, so the earliest possible end is "X\r\n\r\n" and a leading "\r\n" ends nothing.
    if (c == '\n' && previous_ == '\r' && before_previous_ == '\n') {
      state_ = State::kComplete;
      break;
    }
    if (seen_ >= max_bytes_) state_ = State::kTooLarge;
    before_previous_ = previous_;
    previous_ = c;
  }
  return state_;
}

void RequestHeadScanner::Reset() {
  seen_ = 0;
  previous_ = before_previous_ = 0;
  state_ = State::kIncomplete;
}

}  // namespace parley::server
