#include "lists/text_encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace parley {
namespace {

// Encodes UTF-8 text with ICU, the way a bureau's machine would have saved it.
std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

constexpr std::string_view kText = "ПІБ,Дата\r\nДем'яненко Ігор Васильович,07.03.1991\r\n";

TEST(TextEncoding, PlainUtf8) {
  auto d = DecodeToUtf8(kText, "", "a.csv");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->encoding, "utf-8");
  EXPECT_EQ(d->utf8, kText);
}

TEST(TextEncoding, AsciiIsUtf8) {
  auto d = DecodeToUtf8("id,surname\n1,Shevchenko\n", "", "a.csv");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding, "utf-8");
}

TEST(TextEncoding, Utf8BomIsStripped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBF" + std::string(kText), "", "a.csv");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding, "utf-8-bom");
  EXPECT_EQ(d->utf8, kText);
}

TEST(TextEncoding, Utf16LeWithBom) {
  auto d = DecodeToUtf8("\xFF\xFE" + Encode(kText, "UTF-16LE"), "", "a.csv");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->encoding, "utf-16le");
  EXPECT_EQ(d->utf8, kText);
}

TEST(TextEncoding, Utf16BeWithBom) {
  auto d = DecodeToUtf8("\xFE\xFF" + Encode(kText, "UTF-16BE"), "", "a.csv");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->encoding, "utf-16be");
  EXPECT_EQ(d->utf8, kText);
}

TEST(TextEncoding, Utf16WithoutBomDetectedByNulBytes) {
  auto le = DecodeToUtf8(Encode(kText, "UTF-16LE"), "", "a.csv");
  ASSERT_TRUE(le);
  EXPECT_EQ(le->encoding, "utf-16le");
  EXPECT_EQ(le->utf8, kText);
  auto be = DecodeToUtf8(Encode(kText, "UTF-16BE"), "", "a.csv");
  ASSERT_TRUE(be);
  EXPECT_EQ(be->encoding, "utf-16be");
  EXPECT_EQ(be->utf8, kText);
}

TEST(TextEncoding, Windows1251Detected) {
  std::string bytes = Encode(kText, "windows-1251");
  ASSERT_NE(bytes, kText);
  auto d = DecodeToUtf8(bytes, "", "a.csv");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->encoding, "windows-1251");
  EXPECT_EQ(d->utf8, kText);
}

// "ПІБ" in cp1251 is CF B2 D1: CF B2 is a well-formed UTF-8 pair (U+03F2). Upper-case words
// with і/ї/є form such pairs; the lower-case rest of the text must still win.
TEST(TextEncoding, Windows1251WithWellFormedLookingPairs) {
  std::string text = "ПІБ;ВІК;ЇЖАК\nІваненко Іван Іванович;Київ\n";
  auto d = DecodeToUtf8(Encode(text, "windows-1251"), "", "a.csv");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->encoding, "windows-1251");
  EXPECT_EQ(d->utf8, text);
}

TEST(TextEncoding, Windows1251TypographicApostrophe) {
  std::string text = "Дем’яненко\n";
  auto d = DecodeToUtf8(Encode(text, "windows-1251"), "", "a.csv");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->utf8, text);
}

TEST(TextEncoding, BrokenUtf8NamesLineAndByte) {
  // Line 3 holds a cp1251 byte (0xC8 = И) followed by ASCII: not valid UTF-8, while line 2
  // is valid UTF-8 Cyrillic.
  std::string bytes = "id,name\n1,Шевченко\n2,\xC8van\n";
  auto d = DecodeToUtf8(bytes, "", "broken.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(d.error().where.row, 3);
  EXPECT_EQ(d.error().Describe(),
            "broken.csv: row 3: broken UTF-8 at byte 29 (line 3): the file mixes valid UTF-8 "
            "with invalid bytes; re-save it as UTF-8");
}

TEST(TextEncoding, BrokenUtf8AfterBomCountsTheBom) {
  auto d = DecodeToUtf8("\xEF\xBB\xBFid\n\xFF\n", "", "b.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().where.row, 2);
  EXPECT_NE(d.error().message.find("at byte 6 "), std::string::npos) << d.error().message;
}

TEST(TextEncoding, TruncatedMultibyteAtEndIsBroken) {
  auto d = DecodeToUtf8("Шевченко\n\xD0", "", "c.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().where.row, 2);
}

TEST(TextEncoding, MixedUtf8AndCp1251IsNotGuessed) {
  // "Шев" in UTF-8 (3 well-formed) then "Коваль" in cp1251 (6 ill-formed): neither wins.
  std::string bytes = "id,name\n1,Шев\n2," + Encode("Коваль", "windows-1251") + "\n";
  auto d = DecodeToUtf8(bytes, "", "mixed.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().Describe(),
            "mixed.csv: row 3: cannot tell the encoding: the file has 3 UTF-8 characters and 6 "
            "byte sequences that are not UTF-8 (the first at byte 19, line 3); it may be UTF-8 "
            "with a Windows-1251 part. Re-save it in one encoding, or pass --encoding");
  auto forced = DecodeToUtf8(bytes, "windows-1251", "mixed.csv");
  ASSERT_TRUE(forced);  // forcing is the clerk's way out
}

TEST(TextEncoding, AllCapitalsCp1251) {
  std::string text =
      "ПІБ;МІСЦЕ НАРОДЖЕННЯ\nШЕВЧЕНКО ДМИТРО ОЛЕКСАНДРОВИЧ;КИЇВ\n"
      "ВІКТОРІЯ МИКОЛАЇВНА ІВАНЕНКО;ВІННИЦЯ\nҐУДЗЬ ЄВГЕН ІГОРОВИЧ;ІЗМАЇЛ\n";
  auto d = DecodeToUtf8(Encode(text, "windows-1251"), "", "caps.csv");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->encoding, "windows-1251");
  EXPECT_EQ(d->utf8, text);
}

TEST(TextEncoding, ForcedEncodingWins) {
  // Pure ASCII-with-high-bytes would be detected as cp1251; forcing says what it is.
  std::string bytes = Encode("Шевченко", "windows-1251");
  auto forced = DecodeToUtf8(bytes, "windows-1251", "a.csv");
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->utf8, "Шевченко");
  auto as_utf8 = DecodeToUtf8(bytes, "utf-8", "a.csv");
  ASSERT_FALSE(as_utf8);
  EXPECT_NE(as_utf8.error().message.find("broken UTF-8"), std::string::npos);
}

TEST(TextEncoding, UnknownForcedEncodingIsAnError) {
  auto d = DecodeToUtf8("x", "koi8-u", "a.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "unknown encoding 'koi8-u'; use utf-8, utf-16le, utf-16be or windows-1251");
}

TEST(TextEncoding, UnpairedSurrogateInUtf16IsAnError) {
  std::string bytes = "\xFF\xFE" + Encode("ab\n", "UTF-16LE") + std::string("\x00\xD8", 2) +
                      Encode("c\n", "UTF-16LE");
  auto d = DecodeToUtf8(bytes, "", "s.csv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(d.error().message.find("not valid UTF-16LE"), std::string::npos) << d.error().message;
}

// Encoding back is the inverse of decoding for every encoding parley detects.
TEST(TextEncoding, EncodeFromUtf8RoundTripsEveryEncoding) {
  for (const char* name : {"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1251"}) {
    auto bytes = EncodeFromUtf8(kText, name);
    ASSERT_TRUE(bytes) << name << ": " << bytes.error().Describe();
    auto d = DecodeToUtf8(*bytes, "", "a.csv");
    ASSERT_TRUE(d) << name << ": " << d.error().Describe();
    EXPECT_EQ(d->encoding, name);
    EXPECT_EQ(d->utf8, kText) << name;
  }
}

TEST(TextEncoding, EncodeToWindows1251ReplacesWhatItCannotHold) {
  auto bytes = EncodeFromUtf8("Ωx", "windows-1251");
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, "?x");
  EXPECT_FALSE(EncodeFromUtf8("x", "koi8-u"));
}

// The row is the one holding the bad unit, however small the file (issue 16 item 5: a bad
// byte in the last row was reported in row 1), in both byte orders.
TEST(TextEncoding, DecodeErrorsNameTheRowOfTheBadUnit) {
  std::string head = "id,surname\n1,Шевченко\n2,Лисенко";
  for (bool big_endian : {false, true}) {
    const char* name = big_endian ? "UTF-16BE" : "UTF-16LE";
    std::string lone_surrogate =
        big_endian ? std::string("\xD8\x00", 2) : std::string("\x00\xD8", 2);
    std::string bytes = (big_endian ? "\xFE\xFF" : "\xFF\xFE") + Encode(head, name) +
                        lone_surrogate + Encode("x\n", name);
    auto d = DecodeToUtf8(bytes, "", "s.csv");
    ASSERT_FALSE(d) << name;
    EXPECT_EQ(d.error().where.row, 3) << name << ": " << d.error().Describe();
    // The offset counts the BOM; ICU stops at the end of the bad unit, so "near" it.
    std::size_t start = 2 + Encode(head, name).size();
    std::string message = d.error().message;
    bool near = message.find("near byte " + std::to_string(start) + " ") != std::string::npos ||
                message.find("near byte " + std::to_string(start + 2) + " ") != std::string::npos;
    EXPECT_TRUE(near) << message;
  }
}

}  // namespace
}  // namespace parley
