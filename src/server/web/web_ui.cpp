#include "server/web/web_ui.h"

#include <algorithm>
#include <string>

#include "server/api_error.h"
#include "server/http/response_compression.h"

namespace parley::server {
namespace {

constexpr std::string_view kGzipSuffix = ".gz";

std::string_view ContentType(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".png")) return "image/png";
  if (path.ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

const WebAsset* Find(std::span<const WebAsset> assets, std::string_view path) {
  auto it = std::ranges::find(assets, path, &WebAsset::path);
  return it == assets.end() ? nullptr : &*it;
}

void AddSecurityHeaders(ApiResponse& response) {
  response.headers.emplace_back("Content-Security-Policy", kWebContentSecurityPolicy);
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
}

}  // namespace

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

ApiResponse WebUiResponse(const ApiRequest& request, std::span<const WebAsset> assets) {
  ApiResponse response;
  if (request.method != "GET" && request.method != "HEAD") {
    response = HttpError(405, "method_not_allowed", "the web UI answers GET and HEAD only");
    response.headers.emplace_back("Allow", "GET, HEAD");
    AddSecurityHeaders(response);
    return response;
  }
  // The client asks for a file, never for its compressed twin by name.
  const std::string_view wanted =
      request.path == "/" ? std::string_view("/index.html") : std::string_view(request.path);
  const WebAsset* asset = wanted.ends_with(kGzipSuffix) ? nullptr : Find(assets, wanted);
  if (asset == nullptr) {
    response = HttpError(404, "not_found", "no such page: " + request.path + " (the UI is at /)");
    AddSecurityHeaders(response);
    return response;
  }
  response.content_type = ContentType(wanted);
  const WebAsset* gzipped = AcceptsGzip(request.Header("accept-encoding"))
                                ? Find(assets, std::string(wanted) + ".gz")
                                : nullptr;
  response.body = std::string(gzipped != nullptr ? gzipped->bytes : asset->bytes);
  if (gzipped != nullptr) response.headers.emplace_back("Content-Encoding", "gzip");
  response.headers.emplace_back("Vary", "Accept-Encoding");
  response.headers.emplace_back("Cache-Control", wanted.starts_with("/assets/")
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  AddSecurityHeaders(response);
  return response;
}

}  // namespace parley::server
