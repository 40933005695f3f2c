#include "synth/encoding.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::synth {
namespace {

TEST(EncodingTest, Windows1251CoversUkrainianLetters) {
  std::uint64_t replaced = 0;
  EXPECT_EQ(ToWindows1251("Київ", replaced), "\xCA\xE8\xBF\xE2");
  EXPECT_EQ(ToWindows1251("ҐЄІЇґєії Ёё", replaced), "\xA5\xAA\xB2\xAF\xB4\xBA\xB3\xBF \xA8\xB8");
  EXPECT_EQ(ToWindows1251("№,Дем’ян", replaced), "\xB9,\xC4\xE5\xEC\x92\xFF\xED");
  EXPECT_EQ(replaced, 0u);
}

TEST(EncodingTest, Windows1251ReplacesWhatItCannotHold) {
  std::uint64_t replaced = 0;
  EXPECT_EQ(ToWindows1251("Демʼян Yë", replaced), "\xC4\xE5\xEC'\xFF\xED Ye");
  EXPECT_EQ(replaced, 2u);
}

TEST(EncodingTest, Utf16LeHasABomAndLittleEndianUnits) {
  EXPECT_EQ(ToUtf16Le("Aї"), std::string("\xFF\xFE"
                                         "A\0\x57\x04",
                                         6));
  EXPECT_EQ(ToUtf16Le("\xF0\x9F\x98\x80"), std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6));
}

TEST(EncodingTest, ReencodeFileRewritesInPlace) {
  const auto path = std::filesystem::temp_directory_path() / "parley_synth_encoding_test.csv";
  std::ofstream(path, std::ios::binary) << "№,ПІБ\r\n";
  std::uint64_t replaced = 0;
  ASSERT_TRUE(ReencodeFile(path, FileEncoding::kUtf8Bom, replaced).has_value());
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), "\xEF\xBB\xBF№,ПІБ\r\n");
  std::filesystem::remove(path);
  EXPECT_FALSE(ReencodeFile(path, FileEncoding::kWindows1251, replaced).has_value());
}

}  // namespace
}  // namespace parley::synth
