// parley/server/web/web_ui.h — answering a browser's request for the UI (not the API).
//
// Contract: WebUiResponse() answers GET and HEAD for every path outside /api/: `/` is the
// application page (index.html; the pages are addressed after `#`, so the server knows one
// page), `/assets/NAME` a built asset. Asset names carry a hash of their content, so they are
// cached for a year; the page itself is revalidated on every load. A client that accepts gzip
// gets the compressed twin. Every answer carries the UI's security headers: a strict
// Content-Security-Policy (scripts and styles only from this origin, no inline script, no
// framing), no referrer, nosniff. Anything else is a 404 (405 for other methods) as JSON,
// like the API's errors.
//
//   if (!IsApiPath(request.path)) return WebUiResponse(request);
#pragma once

#include <span>
#include <string_view>

#include "server/api_types.h"
#include "server/web/web_assets.h"

namespace parley::server {

inline constexpr std::string_view kWebContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

[[nodiscard]] bool IsApiPath(std::string_view path);

// Served from `assets` (the embedded ones by default; tests pass their own).
[[nodiscard]] ApiResponse WebUiResponse(const ApiRequest& request,
                                        std::span<const WebAsset> assets = EmbeddedWebAssets());

}  // namespace parley::server
