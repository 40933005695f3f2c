#include "names/internal/utf8.h"

#include <gtest/gtest.h>

namespace parley::names::internal {
namespace {

TEST(NamesUtf8Test, RoundTripsEveryLength) {
  const std::u32string cps = U"aЖ\u20AC\U0001F600";  // 1, 2, 3 and 4 bytes
  const std::string utf8 = EncodeUtf8(cps);
  EXPECT_EQ(utf8.size(), 10u);
  auto back = DecodeUtf8(utf8);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, cps);
  EXPECT_TRUE(ValidateUtf8(utf8).has_value());
}

TEST(NamesUtf8Test, RejectsMalformedSequences) {
  for (std::string_view bad : {std::string_view("\xC0\xAF"),          // overlong "/"
                               std::string_view("\xED\xA0\x80"),      // UTF-16 surrogate
                               std::string_view("\xF4\x90\x80\x80"),  // above U+10FFFF
                               std::string_view("\xD0"),              // truncated
                               std::string_view("\x80"),              // stray continuation
                               std::string_view("ok\xFF")}) {
    auto r = DecodeUtf8(bad);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_FALSE(ValidateUtf8(bad).has_value());
  }
}

TEST(NamesUtf8Test, ErrorNamesTheByte) {
  auto r = DecodeUtf8("Шев\xFF");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("byte 7"), std::string::npos) << r.error().message;
}

TEST(NamesUtf8Test, AsciiCheck) {
  EXPECT_TRUE(IsAscii("Shevchenko, D."));
  EXPECT_FALSE(IsAscii("Šev"));
  EXPECT_TRUE(IsAscii(""));
}

}  // namespace
}  // namespace parley::names::internal
