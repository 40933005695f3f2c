#include "server/http/response_compression.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>

namespace parley::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// "q=0", "q=0.0", "q=0.000": the coding is refused (RFC 9110, 12.4.2).
bool RefusedByWeight(std::string_view parameters) {
  for (std::size_t start = 0; start <= parameters.size();) {
    std::size_t end = std::min(parameters.find(';', start), parameters.size());
    std::string_view p = Trim(parameters.substr(start, end - start));
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      std::string_view weight = p.substr(2);
      return !weight.empty() && weight.find_first_not_of("0.") == std::string_view::npos;
    }
    start = end + 1;
  }
  return false;
}

bool IsText(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/javascript") ||
         content_type.starts_with("image/svg+xml");
}

bool HasHeader(const ApiResponse& response, std::string_view name) {
  return std::ranges::any_of(response.headers,
                             [&](const auto& h) { return EqualsIgnoringCase(h.first, name); });
}

bool Gzip(std::string_view in, std::string& out) {
  if (in.size() > std::numeric_limits<uInt>::max()) return false;
  z_stream stream{};
  // 15 + 16: zlib's window with a gzip wrapper; level 6 is zlib's default speed/size balance.
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&stream, static_cast<uLong>(in.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const bool done = deflate(&stream, Z_FINISH) == Z_STREAM_END;
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return done;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  for (std::size_t start = 0; start <= accept_encoding.size();) {
    std::size_t end = std::min(accept_encoding.find(',', start), accept_encoding.size());
    std::string_view item = accept_encoding.substr(start, end - start);
    std::size_t semicolon = std::min(item.find(';'), item.size());
    std::string_view coding = Trim(item.substr(0, semicolon));
    if ((EqualsIgnoringCase(coding, "gzip") || coding == "*") &&
        !RefusedByWeight(item.substr(semicolon))) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

void CompressForClient(std::string_view accept_encoding, ApiResponse& response) {
  if (!IsText(response.content_type) || HasHeader(response, "Content-Encoding")) return;
  if (!HasHeader(response, "Vary")) response.headers.emplace_back("Vary", "Accept-Encoding");
  if (response.body.size() < kMinCompressedBody || !AcceptsGzip(accept_encoding)) return;
  std::string compressed;
  if (!Gzip(response.body, compressed)) return;
  response.body = std::move(compressed);
  response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace parley::server
