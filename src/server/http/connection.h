// parley/server/http/connection.h — one accepted client socket, plain or TLS, read and written
// against deadlines.
//
// Contract: a Connection owns its socket (non-blocking from construction), its TLS session if
// any, its address slot (address_slots.h) and the bytes received but not yet consumed; when it
// is destroyed the TLS session is ended, the socket closed and the slot given back. Every wait
// is bounded by a deadline the caller gives: Receive and Send never block past it, however the
// peer paces its bytes. One thread at a time uses a Connection (the waiting room while it
// waits for a request head, then one worker).
//
// Why non-blocking I/O with poll(): a blocking read's timeout restarts with every byte, so a
// client that trickles one byte a second would never time out; a deadline checked around each
// poll() bounds the whole wait.
//
//   Connection c(fd, std::move(slot), "203.0.113.7", nullptr);
//   if (c.Receive(deadline) == Connection::Io::kData) Scan(c.input());
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "server/http/address_slots.h"
#include "server/http/request_head.h"

struct ssl_st;
struct ssl_ctx_st;

namespace parley::server {

using SteadyTime = std::chrono::steady_clock::time_point;

class Connection {
 public:
  enum class Io { kData, kClosed, kTimeout, kFailed };

  // `tls_context` non-null: a TLS connection, whose handshake Handshake() performs.
  Connection(int fd, AddressSlots::Slot slot, std::string address, ssl_ctx_st* tls_context,
             std::size_t max_header_bytes);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] bool tls() const { return tls_context_ != nullptr; }
  [[nodiscard]] const std::string& address() const { return address_; }

  // TLS only: completes the handshake by `deadline`; false if it failed or took too long.
  [[nodiscard]] bool Handshake(SteadyTime deadline);
  // Appends up to one chunk of received bytes to input(), waiting until `deadline` at most.
  [[nodiscard]] Io Receive(SteadyTime deadline);
  // Appends what has arrived without waiting; kTimeout means nothing had.
  [[nodiscard]] Io ReceiveNow();
  // Sends all of `bytes` by `deadline`; false if the peer is gone or too slow.
  [[nodiscard]] bool Send(std::string_view bytes, SteadyTime deadline);
  // Something to read already: bytes in input() or inside the TLS session.
  [[nodiscard]] bool HasPending() const;
  // Sends `status` with a JSON error body and "Connection: close", waiting at most a second.
  void Refuse(int status, std::string_view code, std::string_view message);

  // Bytes received and not yet handed to httplib.
  [[nodiscard]] std::string_view input() const { return std::string_view(input_).substr(read_); }
  void Consume(std::size_t n);

  // The current request's head: where it ends, and by when it must have arrived.
  RequestHeadScanner head;
  SteadyTime head_deadline{};
  std::size_t requests_served = 0;

 private:
  enum class Want { kRead, kWrite };
  Io ReceiveOnce(Want& want);
  bool WaitFor(Want want, SteadyTime deadline) const;

  int fd_;
  AddressSlots::Slot slot_;
  std::string address_;
  ssl_ctx_st* tls_context_;
  ssl_st* tls_ = nullptr;
  std::string input_;
  std::size_t read_ = 0;  // input_[0, read_) was consumed
};

// "HTTP/1.1 <status> ...\r\n...Connection: close" with parley's JSON error body: for answers
// given before httplib has a request (refused connections, heads too slow or too large).
[[nodiscard]] std::string RawErrorResponse(int status, std::string_view code,
                                           std::string_view message);

}  // namespace parley::server
