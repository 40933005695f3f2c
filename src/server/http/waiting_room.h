// parley/server/http/waiting_room.h — where connections wait for their request head without
// holding a worker thread.
//
// Contract: Admit() hands over a connection that has no unread bytes. One thread polls every
// connection held; a plain connection is passed to `ready` once its whole request head has
// arrived (connection.head is then complete and its bytes are in connection.input()), a TLS
// connection once its first bytes arrive (its handshake and head are read by the worker, under
// the same deadline). A connection that sends nothing by `idle_deadline` is closed silently;
// one whose head is still incomplete at connection.head_deadline gets 408, one whose head
// outgrows the limit 431, both closed. Stop() closes every connection held and refuses
// later ones; `ready` is never called after Stop() returns.
//
// Why: with httplib's thread per connection, 16 sockets that send one header line and wait
// took every worker and the server stopped answering (issue 16). Here an idle or slow client
// costs a file descriptor and at most a head's bytes, not a thread; workers only ever see
// requests whose head is complete.
//
//   WaitingRoom room([&](std::shared_ptr<Connection> c) { pool.Enqueue(Serve, c); });
//   room.Admit(connection, now + keep_alive);
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "server/http/connection.h"

namespace parley::server {

class WaitingRoom {
 public:
  using Ready = std::function<void(std::shared_ptr<Connection>)>;

  explicit WaitingRoom(Ready ready);
  ~WaitingRoom();
  WaitingRoom(const WaitingRoom&) = delete;
  WaitingRoom& operator=(const WaitingRoom&) = delete;

  // False once stopped: the room did not take the connection.
  [[nodiscard]] bool Admit(const std::shared_ptr<Connection>& connection, SteadyTime idle_deadline);
  void Stop();
  // Connections held now (for tests and the server's own figures).
  [[nodiscard]] std::size_t Held() const;

 private:
  struct Waiting {
    std::shared_ptr<Connection> connection;
    SteadyTime idle_deadline;
  };
  void Run();
  // Reads what arrived; true if the connection stays in the room.
  bool Advance(Waiting& w, SteadyTime now);
  void Wake();

  Ready ready_;
  mutable std::mutex mutex_;
  std::vector<Waiting> incoming_;
  std::size_t held_ = 0;
  bool stopped_ = false;
  int wake_fd_ = -1;
  std::thread thread_;
};

}  // namespace parley::server
