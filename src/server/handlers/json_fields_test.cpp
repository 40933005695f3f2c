#include "server/handlers/json_fields.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "server/request_parsing.h"

namespace parley::server {
namespace {

nlohmann::json Body(std::string_view text) { return *ParseJsonObject(text); }

TEST(JsonFields, IntegersReadAsWrittenAtTheEdgesOfInt64) {
  auto body = Body(R"({"low": -9223372036854775808, "high": 9223372036854775807, "n": 3})");
  EXPECT_EQ(*RequiredInt(body, "low"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(*RequiredInt(body, "high"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(**OptionalInt(body, "n"), 3);
  EXPECT_FALSE(OptionalInt(body, "absent")->has_value());
}

// Found by fuzz/api_request_fuzzer.cpp: JSON integers above INT64_MAX (kept by nlohmann as
// unsigned) were read through get<int64_t> and wrapped, so "version": 18446744073709551615
// arrived at a handler as -1.
TEST(JsonFields, IntegersAboveInt64AreRefusedNotWrapped) {
  for (std::string_view text :
       {R"({"version": 18446744073709551615})", R"({"version": 9223372036854775808})"}) {
    auto body = Body(text);
    auto v = RequiredInt(body, "version");
    ASSERT_FALSE(v.has_value()) << text;
    EXPECT_EQ(v.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(v.error().where.field, "version");
    EXPECT_NE(v.error().message.find("too large"), std::string::npos) << v.error().message;
    EXPECT_FALSE(OptionalInt(body, "version").has_value());
  }
}

TEST(JsonFields, WrongTypesNameTheField) {
  auto body = Body(R"({"phase": 1.5, "name": 7, "full": "yes", "gap": 2})");
  EXPECT_EQ(RequiredInt(body, "phase").error().where.field, "phase");
  EXPECT_EQ(RequiredString(body, "name").error().where.field, "name");
  EXPECT_EQ(OptionalBool(body, "full").error().where.field, "full");
  EXPECT_EQ(OptionalNumber(body, "gap", 0, 1).error().where.field, "gap");
  EXPECT_EQ(RequiredString(body, "absent").error().message, "'absent' is required");
}

}  // namespace
}  // namespace parley::server
