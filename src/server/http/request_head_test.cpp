#include "server/http/request_head.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::server {
namespace {

using State = RequestHeadScanner::State;

TEST(RequestHeadScanner, EndsAtTheEmptyLineEvenWhenFedOneByteAtATime) {
  std::string head = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  RequestHeadScanner s(1024);
  for (std::size_t i = 0; i + 1 < head.size(); ++i) {
    ASSERT_EQ(s.Feed(head.substr(i, 1)), State::kIncomplete) << i;
  }
  EXPECT_EQ(s.Feed(head.substr(head.size() - 1)), State::kComplete);
  EXPECT_EQ(s.HeadLength(), head.size());
}

TEST(RequestHeadScanner, StopsAtTheHeadAndIgnoresTheBody) {
  RequestHeadScanner s(1024);
  EXPECT_EQ(s.Feed("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab\r\n"), State::kComplete);
  EXPECT_EQ(s.HeadLength(), 38u);
}

TEST(RequestHeadScanner, ABareLineFeedPairDoesNotEndTheHeadAsHttplibWouldNotEither) {
  RequestHeadScanner s(1024);
  EXPECT_EQ(s.Feed("GET / HTTP/1.1\n\nHost: x\r\n"), State::kIncomplete);
  EXPECT_EQ(s.Feed("\r\n"), State::kComplete);
}

TEST(RequestHeadScanner, RefusesAHeadLongerThanTheLimitWhateverItsLines) {
  RequestHeadScanner s(64);
  EXPECT_EQ(s.Feed("GET / HTTP/1.1\r\n"), State::kIncomplete);
  EXPECT_EQ(s.Feed(std::string(100, 'a')), State::kTooLarge);
  // Once too large, it stays so: the end of the head no longer counts.
  EXPECT_EQ(s.Feed("\r\n\r\n"), State::kTooLarge);
}

TEST(RequestHeadScanner, ResetStartsANewHead) {
  RequestHeadScanner s(1024);
  EXPECT_FALSE(s.Started());
  EXPECT_EQ(s.Feed("GET / HTTP/1.1\r\n\r\n"), State::kComplete);
  s.Reset();
  EXPECT_FALSE(s.Started());
  EXPECT_EQ(s.Feed("\r\n"), State::kIncomplete);  // a leading empty line ends nothing
  EXPECT_TRUE(s.Started());
}

}  // namespace
}  // namespace parley::server
