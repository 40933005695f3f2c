#pragma once
// gzip for the server's answers, done here rather than by httplib. The packaged httplib (0.11)
// compresses by itself with Brotli at its slowest quality (11) whenever a client lists `br`, as
// every browser does: measured on this machine, 65 ms for a 48 KB page of records and 770 ms
// for the UI's script, against about a millisecond with gzip; and it compresses again a body
// that is already compressed. So the transport hides Accept-Encoding from httplib and calls
// this, one place for every answer (the API's and the UI's).
#include <string_view>

#include "server/api_types.h"

namespace parley::server {

// Whether an Accept-Encoding header lets the answer be gzip (`gzip` or `*`, unless `q=0`).
[[nodiscard]] bool AcceptsGzip(std::string_view accept_encoding);

// Compresses the body when the client accepts gzip, the type is text (JSON, HTML, CSS, script,
// CSV, SVG), it is at least kMinCompressedBody bytes and nothing encoded it yet; says so in
// Content-Encoding and Vary. A body zlib fails on is sent as it was.
inline constexpr std::size_t kMinCompressedBody = 1024;
void CompressForClient(std::string_view accept_encoding, ApiResponse& response);

}  // namespace parley::server
