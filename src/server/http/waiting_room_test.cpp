#include "server/http/waiting_room.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace parley::server {
namespace {

using namespace std::chrono_literals;

// A connection over one end of a socket pair; the test writes and reads the other end.
struct Pair {
  Pair() {
    int fds[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    server = fds[0];
    client = fds[1];
  }
  ~Pair() { close(client); }
  std::shared_ptr<Connection> Make(AddressSlots& slots, std::chrono::milliseconds deadline) {
    auto c = std::make_shared<Connection>(server, *slots.TryAcquire("peer"), "peer", nullptr, 256);
    c->head_deadline = std::chrono::steady_clock::now() + deadline;
    return c;
  }
  std::string ReadAll() {
    std::string out;
    char buf[512];
    for (ssize_t n; (n = read(client, buf, sizeof buf)) > 0;) out.append(buf, n);
    return out;
  }
  void Write(const std::string& s) {
    ASSERT_EQ(write(client, s.data(), s.size()), ssize_t(s.size()));
  }
  int server = -1;
  int client = -1;
};

// The room closes the socket, then gives the slot back: the client may see the end first.
bool Released(const AddressSlots& slots) {
  for (int i = 0; i < 200 && slots.Held("peer") != 0; ++i) std::this_thread::sleep_for(5ms);
  return slots.Held("peer") == 0;
}

struct Ready {
  std::mutex m;
  std::condition_variable cv;
  std::shared_ptr<Connection> got;
  bool WaitFor(std::chrono::milliseconds d) {
    std::unique_lock lock(m);
    return cv.wait_for(lock, d, [&] { return got != nullptr; });
  }
};

TEST(WaitingRoom, HandsOverAConnectionOnceItsWholeHeadHasArrived) {
  AddressSlots slots(4);
  Ready ready;
  WaitingRoom room([&](std::shared_ptr<Connection> c) {
    std::lock_guard lock(ready.m);
    ready.got = std::move(c);
    ready.cv.notify_all();
  });
  Pair p;
  ASSERT_TRUE(room.Admit(p.Make(slots, 5s), std::chrono::steady_clock::now() + 5s));
  p.Write("GET / HTTP/1.1\r\nHost: x\r\n");
  EXPECT_FALSE(ready.WaitFor(200ms));  // half a head is not a request
  p.Write("\r\n");
  ASSERT_TRUE(ready.WaitFor(5s));
  EXPECT_EQ(ready.got->input(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(ready.got->head.state(), RequestHeadScanner::State::kComplete);
}

TEST(WaitingRoom, ATrickledHeadIsAnswered408AtItsDeadlineNotExtendedByEachByte) {
  AddressSlots slots(4);
  WaitingRoom room([](std::shared_ptr<Connection>) { ADD_FAILURE() << "not a request"; });
  Pair p;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(room.Admit(p.Make(slots, 600ms), start + 600ms));
  p.Write("GET / HTTP/1.1\r\n");
  for (int i = 0; i < 4; ++i) {
    std::this_thread::sleep_for(100ms);
    p.Write("X: y\r\n");
  }
  std::string answer = p.ReadAll();  // until the room closes the connection
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(answer.rfind("HTTP/1.1 408 ", 0), 0u) << answer;
  EXPECT_NE(answer.find("request_timeout"), std::string::npos);
  EXPECT_GE(took, 550ms);
  EXPECT_TRUE(Released(slots));  // closing gave the address's slot back
}

TEST(WaitingRoom, AnOversizedHeadIsAnswered431) {
  AddressSlots slots(4);
  WaitingRoom room([](std::shared_ptr<Connection>) { ADD_FAILURE() << "not a request"; });
  Pair p;
  ASSERT_TRUE(room.Admit(p.Make(slots, 5s), std::chrono::steady_clock::now() + 5s));
  p.Write("GET / HTTP/1.1\r\nX: " + std::string(300, 'a') + "\r\n");
  std::string answer = p.ReadAll();
  EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer;
}

TEST(WaitingRoom, AConnectionThatSendsNothingIsClosedSilentlyAtItsIdleDeadline) {
  AddressSlots slots(4);
  WaitingRoom room([](std::shared_ptr<Connection>) { ADD_FAILURE() << "not a request"; });
  Pair p;
  ASSERT_TRUE(room.Admit(p.Make(slots, 5s), std::chrono::steady_clock::now() + 200ms));
  EXPECT_EQ(p.ReadAll(), "");
  EXPECT_TRUE(Released(slots));
}

TEST(WaitingRoom, StopClosesEveryConnectionHeld) {
  AddressSlots slots(4);
  WaitingRoom room([](std::shared_ptr<Connection>) { ADD_FAILURE() << "not a request"; });
  Pair p;
  ASSERT_TRUE(room.Admit(p.Make(slots, 5s), std::chrono::steady_clock::now() + 5s));
  room.Stop();
  EXPECT_EQ(p.ReadAll(), "");
  Pair later;
  EXPECT_FALSE(room.Admit(later.Make(slots, 5s), std::chrono::steady_clock::now() + 5s));
  EXPECT_TRUE(Released(slots));
}

}  // namespace
}  // namespace parley::server
