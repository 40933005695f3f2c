// parley/server/http/connection_limits.h — how long and how much a client may take before parley
// has a request to answer, and how many connections one address may hold.
//
// Contract: a request head (request line and headers) must be complete within `header_timeout`
// of the connection's accept or of the previous response on it, however the bytes are paced,
// and within `max_header_bytes`; a keep-alive connection with nothing sent is closed after
// `keep_alive_timeout`; one client address holds at most `max_connections_per_address`
// connections at once, idle or busy (0: no cap, for a reverse proxy that enforces its own).
// Body reads and response writes are bounded per read/write, as httplib did (`read_timeout`,
// `write_timeout`). docs/server.md ("Slow and idle clients") lists them with their flags.
#pragma once

#include <chrono>
#include <cstddef>

namespace parley::server {

struct ConnectionLimits {
  std::chrono::milliseconds header_timeout{10'000};
  std::size_t max_header_bytes = 64 * 1024;
  std::size_t max_connections_per_address = 64;
  std::chrono::milliseconds keep_alive_timeout{5'000};
  std::chrono::milliseconds read_timeout{5'000};
  std::chrono::milliseconds write_timeout{30'000};
  // Requests served on one connection before it is closed (httplib's own default).
  std::size_t max_requests_per_connection = 5;
};

}  // namespace parley::server
