#include "lists/list_name.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

std::string Message(std::string_view name) {
  auto r = CheckListName(name);
  EXPECT_FALSE(r) << name;
  if (r) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().where.field, "list");
  return r.error().message;
}

TEST(ListName, TheNamesParleyAndItsUsersWrite) {
  for (const char* name : {"ua-request", "ru-custody", "ua-custody2", "utf16le-csv", "back-xlsx",
                           "ua_request.v2", "список-УА", "Ґудзь", "mülakat", "قائمة", "7"}) {
    auto r = CheckListName(name);
    ASSERT_TRUE(r) << name << ": " << r.error().Describe();
    EXPECT_EQ(*r, name);
  }
}

TEST(ListName, IsStoredInNfc) {
  // "й" written as и + combining breve is the same name as the precomposed letter.
  auto r = CheckListName("спи\xD0\xB8\xCC\x86ок");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(*r, "спийок");
}

TEST(ListName, PathsAndSeparatorsAreRefused) {
  EXPECT_NE(Message("../../etc/passwd").find("'.' (U+002E) at character 1"), std::string::npos);
  EXPECT_NE(Message("a/b").find("'/' (U+002F) at character 2"), std::string::npos);
  EXPECT_NE(Message("/").find("'/'"), std::string::npos);
  EXPECT_NE(Message("a\\b").find("'\\'"), std::string::npos);
  EXPECT_NE(Message("ua@2").find("'@'"), std::string::npos);
  EXPECT_NE(Message("ua:1").find("':'"), std::string::npos);
  EXPECT_NE(Message(".hidden").find("at character 1"), std::string::npos);
  EXPECT_NE(Message("-flag").find("at character 1"), std::string::npos);
}

TEST(ListName, QuotesSpacesAndInvisibleCharactersAreRefused) {
  EXPECT_NE(Message("a\"b").find("'\"'"), std::string::npos);
  EXPECT_NE(Message("it's").find("'''"), std::string::npos);
  EXPECT_NE(Message(" ").find("a space at character 1"), std::string::npos);
  EXPECT_NE(Message("ua ").find("a space at character 3"), std::string::npos);
  // U+202E RIGHT-TO-LEFT OVERRIDE: named by its code, never printed raw.
  std::string rlo = Message("ua\xE2\x80\xAEtsil");
  EXPECT_NE(rlo.find("list name 'uaU+202Etsil'"), std::string::npos) << rlo;
  EXPECT_NE(rlo.find("control character U+202E at character 3"), std::string::npos) << rlo;
  EXPECT_EQ(rlo.find("\xE2\x80\xAE"), std::string::npos);
  std::string esc = Message("a\x1b[31mb");
  EXPECT_NE(esc.find("U+001B"), std::string::npos) << esc;
  EXPECT_EQ(esc.find('\x1b'), std::string::npos);
  EXPECT_NE(Message(std::string("a\0b", 3)).find("U+0000"), std::string::npos);
  EXPECT_NE(Message("a\xE2\x80\x8B").find("U+200B"), std::string::npos);  // zero-width space
}

TEST(ListName, LengthIsCountedInCharactersAfterNfc) {
  EXPECT_NE(Message("").find("it is empty"), std::string::npos);
  std::string cyrillic;
  for (int i = 0; i < 64; ++i) cyrillic += "ж";  // 128 bytes, 64 characters
  EXPECT_TRUE(CheckListName(cyrillic));
  std::string long_name(5000, 'a');
  std::string m = Message(long_name);
  EXPECT_NE(m.find("it has 5000 characters"), std::string::npos) << m;
  EXPECT_LT(m.size(), 400u) << "the message quotes a shortened name";
  EXPECT_NE(Message(cyrillic + "ж").find("it has 65 characters"), std::string::npos);
}

TEST(ListName, BrokenUtf8IsRefused) { EXPECT_FALSE(CheckListName("ua\xFF")); }

TEST(ListName, TheMessageStatesTheRule) {
  EXPECT_NE(Message("a/b").find("a list name is 1 to 64 letters (any script), digits"),
            std::string::npos);
}

}  // namespace
}  // namespace parley
