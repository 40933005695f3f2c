#include "server/http/response_compression.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace parley::server {
namespace {

std::string Gunzip(const std::string& in) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string HeaderOf(const ApiResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

ApiResponse JsonOf(std::size_t size) {
  ApiResponse r;
  r.body = "[";
  while (r.body.size() + 20 < size) r.body += "{\"surname\":\"Шевченко\"},";
  r.body += "{}]";
  return r;
}

TEST(AcceptsGzip, ReadsTheCodingsAndTheirWeights) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));  // what Chromium sends
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0, br"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("x-gzip-not"));
}

TEST(CompressForClient, GzipsTextForAClientThatAcceptsItAndSaysSo) {
  ApiResponse r = JsonOf(50'000);
  const std::string original = r.body;
  CompressForClient("gzip, deflate, br, zstd", r);
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_LT(r.body.size(), original.size() / 5);
  EXPECT_EQ(Gunzip(r.body), original);
}

TEST(CompressForClient, LeavesWhatItShouldNotTouch) {
  ApiResponse small;
  small.body = std::string(kMinCompressedBody - 1, ' ');
  CompressForClient("gzip", small);
  EXPECT_EQ(HeaderOf(small, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(small, "Vary"), "Accept-Encoding");

  ApiResponse refused = JsonOf(50'000);
  const std::string original = refused.body;
  CompressForClient("br", refused);
  EXPECT_EQ(refused.body, original);

  ApiResponse binary = JsonOf(50'000);
  binary.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  CompressForClient("gzip", binary);
  EXPECT_EQ(HeaderOf(binary, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(binary, "Vary"), "");

  // An asset already compressed at build time is sent as it is, not compressed twice.
  ApiResponse gzipped = JsonOf(50'000);
  gzipped.content_type = "text/javascript; charset=utf-8";
  gzipped.headers.emplace_back("Content-Encoding", "gzip");
  const std::string asset = gzipped.body;
  CompressForClient("gzip", gzipped);
  EXPECT_EQ(gzipped.body, asset);
}

}  // namespace
}  // namespace parley::server
