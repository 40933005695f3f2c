#include "server/http/connection.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "server/api_error.h"

namespace parley::server {
namespace {

constexpr std::size_t kChunk = 16 * 1024;

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 408:
      return "Request Timeout";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    default:
      return "Error";
  }
}

}  // namespace

std::string RawErrorResponse(int status, std::string_view code, std::string_view message) {
  ApiResponse body = HttpError(status, code, message);
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(ReasonPhrase(status)) +
                    "\r\nContent-Type: " + body.content_type +
                    "\r\nContent-Length: " + std::to_string(body.body.size()) +
                    "\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n";
  return out + body.body;
}

Connection::Connection(int fd, AddressSlots::Slot slot, std::string address,
                       ssl_ctx_st* tls_context, std::size_t max_header_bytes)
    : head(max_header_bytes),
      fd_(fd),
      slot_(std::move(slot)),
      address_(std::move(address)),
      tls_context_(tls_context) {
  fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL, 0) | O_NONBLOCK);
}

Connection::~Connection() {
  if (tls_ != nullptr) {
    SSL_shutdown(tls_);  // best effort: the socket is non-blocking, nothing waits for the peer
    SSL_free(tls_);
  }
  shutdown(fd_, SHUT_RDWR);
  close(fd_);
}

bool Connection::WaitFor(Want want, SteadyTime deadline) const {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, static_cast<short>(want == Want::kRead ? POLLIN : POLLOUT), 0};
    int n = poll(&p, 1, static_cast<int>(std::min<long long>(left.count() + 1, 60'000)));
    if (n > 0) return true;  // readable, writable, or an error the next call will report
    if (n < 0 && errno != EINTR) return false;
  }
}

bool Connection::Handshake(SteadyTime deadline) {
  if (tls_context_ == nullptr) return true;
  if (tls_ == nullptr) {
    tls_ = SSL_new(tls_context_);
    if (tls_ == nullptr || SSL_set_fd(tls_, fd_) != 1) return false;
  }
  for (;;) {
    ERR_clear_error();
    int r = SSL_accept(tls_);
    if (r == 1) return true;
    int e = SSL_get_error(tls_, r);
    if (e == SSL_ERROR_WANT_READ) {
      if (!WaitFor(Want::kRead, deadline)) return false;
    } else if (e == SSL_ERROR_WANT_WRITE) {
      if (!WaitFor(Want::kWrite, deadline)) return false;
    } else {
      return false;
    }
  }
}

Connection::Io Connection::ReceiveOnce(Want& want) {
  if (read_ == input_.size()) {
    input_.clear();
    read_ = 0;
  }
  std::size_t old = input_.size();
  input_.resize(old + kChunk);
  long n = 0;
  want = Want::kRead;
  if (tls_ != nullptr) {
    ERR_clear_error();
    int r = SSL_read(tls_, input_.data() + old, static_cast<int>(kChunk));
    n = r;
    if (r <= 0) {
      int e = SSL_get_error(tls_, r);
      input_.resize(old);
      if (e == SSL_ERROR_WANT_READ) return Io::kTimeout;
      if (e == SSL_ERROR_WANT_WRITE) {
        want = Want::kWrite;
        return Io::kTimeout;
      }
      return e == SSL_ERROR_ZERO_RETURN ? Io::kClosed : Io::kFailed;
    }
  } else {
    n = recv(fd_, input_.data() + old, kChunk, 0);
    if (n <= 0) {
      input_.resize(old);
      if (n == 0) return Io::kClosed;
      return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Io::kTimeout : Io::kFailed;
    }
  }
  input_.resize(old + static_cast<std::size_t>(n));
  return Io::kData;
}

Connection::Io Connection::ReceiveNow() {
  Want want = Want::kRead;
  return ReceiveOnce(want);
}

Connection::Io Connection::Receive(SteadyTime deadline) {
  for (;;) {
    Want want = Want::kRead;
    Io io = ReceiveOnce(want);
    if (io != Io::kTimeout) return io;
    if (!WaitFor(want, deadline)) return Io::kTimeout;
  }
}

bool Connection::Send(std::string_view bytes, SteadyTime deadline) {
  while (!bytes.empty()) {
    long n = 0;
    Want want = Want::kWrite;
    if (tls_ != nullptr) {
      ERR_clear_error();
      int r = SSL_write(tls_, bytes.data(),
                        static_cast<int>(std::min<std::size_t>(bytes.size(), 1 << 30)));
      n = r;
      if (r <= 0) {
        int e = SSL_get_error(tls_, r);
        if (e == SSL_ERROR_WANT_READ) {
          want = Want::kRead;
        } else if (e != SSL_ERROR_WANT_WRITE) {
          return false;
        }
        n = 0;
      }
    } else {
      n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
        n = 0;
      }
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
    if (n == 0 && !WaitFor(want, deadline)) return false;
  }
  return true;
}

bool Connection::HasPending() const {
  return read_ < input_.size() || (tls_ != nullptr && SSL_pending(tls_) > 0);
}

void Connection::Refuse(int status, std::string_view code, std::string_view message) {
  // A TLS connection whose handshake has not happened cannot be answered in HTTP.
  if (tls_context_ != nullptr && tls_ == nullptr) return;
  (void)Send(RawErrorResponse(status, code, message),
             std::chrono::steady_clock::now() + std::chrono::seconds(1));
}

void Connection::Consume(std::size_t n) { read_ = std::min(read_ + n, input_.size()); }

}  // namespace parley::server
