#include "server/web/web_ui.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::server {
namespace {

constexpr WebAsset kAssets[] = {
    {"/index.html", "<!doctype html><title>parley</title>"},
    {"/index.html.gz", "gzipped page"},
    {"/assets/app-AB12.js", "console.log(1)"},
};

ApiRequest Get(std::string path, std::string accept_encoding = "") {
  ApiRequest r;
  r.method = "GET";
  r.path = std::move(path);
  if (!accept_encoding.empty()) r.headers["accept-encoding"] = accept_encoding;
  return r;
}

std::string HeaderOf(const ApiResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(WebUiTest, TheRootIsTheApplicationPageRevalidatedOnEveryLoad) {
  ApiResponse r = WebUiResponse(Get("/"), kAssets);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>parley</title>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache");
}

TEST(WebUiTest, EveryAnswerCarriesAStrictContentSecurityPolicy) {
  for (const std::string path : {"/", "/assets/app-AB12.js", "/nothing-here"}) {
    std::string csp = HeaderOf(WebUiResponse(Get(path), kAssets), "Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
  }
}

TEST(WebUiTest, HashedAssetsAreCachedForAYear) {
  ApiResponse r = WebUiResponse(Get("/assets/app-AB12.js"), kAssets);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(WebUiTest, AClientThatAcceptsGzipGetsTheCompressedTwin) {
  ApiResponse gz = WebUiResponse(Get("/", "gzip, deflate, br"), kAssets);
  EXPECT_EQ(gz.body, "gzipped page");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(gz, "Vary"), "Accept-Encoding");
  // Without a twin the plain bytes go out, and nobody asks for a twin by its own name.
  EXPECT_EQ(WebUiResponse(Get("/assets/app-AB12.js", "gzip"), kAssets).body, "console.log(1)");
  EXPECT_EQ(WebUiResponse(Get("/index.html.gz"), kAssets).status, 404);
}

TEST(WebUiTest, UnknownPathsAndWritesAreRefused) {
  ApiResponse missing = WebUiResponse(Get("/../etc/passwd"), kAssets);
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("not_found"), std::string::npos);
  ApiRequest post = Get("/");
  post.method = "POST";
  EXPECT_EQ(WebUiResponse(post, kAssets).status, 405);
}

TEST(WebUiTest, OnlyApiPathsGoToTheApi) {
  EXPECT_TRUE(IsApiPath("/api/v1/lists"));
  EXPECT_TRUE(IsApiPath("/api"));
  EXPECT_FALSE(IsApiPath("/apix"));
  EXPECT_FALSE(IsApiPath("/"));
}

TEST(WebUiTest, TheBuiltUiIsEmbeddedWithItsPageAndScript) {
  std::span<const WebAsset> embedded = EmbeddedWebAssets();
  ApiResponse page = WebUiResponse(Get("/"), embedded);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<script"), std::string::npos);
  // The page names its script by hashed name, and that script is embedded too.
  std::size_t at = page.body.find("/assets/app-");
  ASSERT_NE(at, std::string::npos);
  std::string script = page.body.substr(at, page.body.find('"', at) - at);
  EXPECT_EQ(WebUiResponse(Get(script), embedded).status, 200) << script;
}

}  // namespace
}  // namespace parley::server
