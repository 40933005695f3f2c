#include "ledger/canonical_json.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>

namespace parley::ledger {
namespace {

std::string Canon(std::string_view json_text) {
  auto v = nlohmann::json::parse(json_text);
  auto out = CanonicalJson(v);
  EXPECT_TRUE(out.has_value()) << (out ? "" : out.error().message);
  return out.value_or("");
}

// RFC 8785 §3.2.2: the example of sorting, numbers, strings and literals together.
TEST(CanonicalJson, Rfc8785MainExample) {
  const char* input = R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })";
  EXPECT_EQ(Canon(input),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,"
            "1e-27],\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

// RFC 8785 §3.2.3: member names sorted by UTF-16 code units, not by UTF-8 bytes.
TEST(CanonicalJson, Rfc8785SortingExample) {
  const char* input = R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })";
  EXPECT_EQ(Canon(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

double FromBits(std::uint64_t bits) { return std::bit_cast<double>(bits); }

// RFC 8785 Appendix B: IEEE 754 values and their ECMAScript forms.
TEST(CanonicalJson, Rfc8785NumberSamples) {
  const std::pair<std::uint64_t, const char*> cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& [bits, expected] : cases) {
    EXPECT_EQ(FormatEcmaScriptNumber(FromBits(bits)), expected) << std::hex << bits;
  }
}

TEST(CanonicalJson, IntegersWithinTwoToThe53AreExact) {
  EXPECT_EQ(Canon("[9007199254740991,-9007199254740991,0,-1]"),
            "[9007199254740991,-9007199254740991,0,-1]");
  auto big = CanonicalJson(nlohmann::json::parse(R"({"n":{"m":9007199254740992}})"));
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().message,
            "integer 9007199254740992 is beyond 2^53-1 and cannot be canonical JSON; write it as "
            "a string");
  EXPECT_EQ(big.error().where.field, "n.m");
  EXPECT_FALSE(CanonicalJson(nlohmann::json(-9007199254740992LL)).has_value());
}

TEST(CanonicalJson, ControlCharactersUseShortOrLowercaseHexEscapes) {
  EXPECT_EQ(*CanonicalJson(std::string("\b\t\n\f\r\x01\x1f\x7f/")),
            "\"\\b\\t\\n\\f\\r\\u0001\\u001f\x7f/\"");
}

TEST(CanonicalJson, RejectsInvalidUtf8AndNonFiniteNumbers) {
  auto bad = CanonicalJson(nlohmann::json{{"name", std::string("\xC3\x28")}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message, "string is not valid UTF-8");
  EXPECT_EQ(bad.error().where.field, "name");
  EXPECT_FALSE(CanonicalJson(std::string("\xED\xA0\x80")).has_value());  // a lone surrogate
  EXPECT_FALSE(CanonicalJson(std::string("\xC0\xAF")).has_value());      // overlong '/'
  EXPECT_FALSE(CanonicalJson(nlohmann::json(std::nan(""))).has_value());
}

TEST(CanonicalJson, ParseCanonicalRefusesAnyOtherSpelling) {
  EXPECT_TRUE(ParseCanonicalJson(R"({"a":1,"b":[true,"x"]})").has_value());
  for (const char* text : {R"({"b":1,"a":1})", R"({"a": 1})", R"({"a":1.0})", R"({"a":"\u0041"})",
                           R"({"a":1,"a":2})", R"({"a":1} )", R"({"a":1)"}) {
    EXPECT_FALSE(ParseCanonicalJson(text).has_value()) << text;
  }
  EXPECT_EQ(ParseCanonicalJson(R"({"b":1,"a":1})").error().message,
            "JSON is not in canonical form");
  EXPECT_EQ(ParseCanonicalJson("{").error().message, "not valid JSON");
}

}  // namespace
}  // namespace parley::ledger
