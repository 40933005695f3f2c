#include "server/http/content_disposition.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

TEST(ContentDisposition, AsciiNameIsWrittenTwice) {
  EXPECT_EQ(AttachmentDisposition("ua-request-v1.csv"),
            "attachment; filename=\"ua-request-v1.csv\"; filename*=UTF-8''ua-request-v1.csv");
}

TEST(ContentDisposition, CyrillicNameIsPercentEncodedWithAnAsciiFallback) {
  EXPECT_EQ(AttachmentDisposition("спи-v2.xlsx"),
            "attachment; filename=\"___-v2.xlsx\"; "
            "filename*=UTF-8''%D1%81%D0%BF%D0%B8-v2.xlsx");
}

// What a name from before the list-name rule (or another party's name) could hold cannot
// end the quoted string, add a parameter or a header, or leave the download folder.
TEST(ContentDisposition, NothingBreaksOutOfTheHeader) {
  std::string header =
      AttachmentDisposition("../a\"; filename=x\r\nSet-Cookie: y\\z\xE2\x80\xAE.csv");
  EXPECT_EQ(header,
            "attachment; filename=\"_.._a___filename_x__Set-Cookie__y_z_.csv\"; "
            "filename*=UTF-8''..%2Fa%22%3B%20filename%3Dx%0D%0ASet-Cookie%3A%20y%5Cz%E2%80%AE.csv");
  EXPECT_EQ(header.find('\r'), std::string::npos);
  EXPECT_EQ(header.find('\n'), std::string::npos);
}

TEST(ContentDisposition, NoHiddenOrEmptyFallback) {
  EXPECT_EQ(AttachmentDisposition(".bundle"),
            "attachment; filename=\"_.bundle\"; filename*=UTF-8''.bundle");
  EXPECT_EQ(AttachmentDisposition(""), "attachment; filename=\"_\"; filename*=UTF-8''");
}

}  // namespace
}  // namespace parley::server
