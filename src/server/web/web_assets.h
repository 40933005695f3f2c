// parley/server/web/web_assets.h — the browser UI's files, embedded in the binary at build time.
//
// Contract: EmbeddedWebAssets() lists every file esbuild wrote for web/ (web/build.mjs), by URL
// path ("/index.html", "/assets/app-3F2A1C.js", and a ".gz" twin of each compressible file).
// The bytes live in the binary's read-only data; nothing is read from disk or fetched at run
// time, so `parley serve` stays one file that works offline.
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

struct WebAsset {
  std::string_view path;
  std::string_view bytes;
};

[[nodiscard]] std::span<const WebAsset> EmbeddedWebAssets();

}  // namespace parley::server
