#include "server/caches/record_json_cache.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/json_shapes.h"
#include "server/test_workspace.h"

namespace parley::server {
namespace {

using nlohmann::json;

TEST(RecordJsonCache, GivesTheLatestVersionAsGetRecordShowsItInTheOrderAsked) {
  testing::TestWorkspace tw;
  const std::int64_t ua1 = tw.Record("ua-request", "UA-1");
  const std::int64_t ru2 = tw.Record("ru-custody", "RU-2");
  RecordJsonCache cache(100);
  auto texts = cache.Latest(tw.ws(), std::vector<std::int64_t>{ru2, ua1, ru2});
  ASSERT_TRUE(texts.has_value()) << texts.error().Describe();
  ASSERT_EQ(texts->size(), 3u);
  EXPECT_EQ(json::parse(*(*texts)[0]), RecordJson(tw.ws().RecordHistory(ru2)->back()));
  EXPECT_EQ(json::parse(*(*texts)[1]), RecordJson(tw.ws().RecordHistory(ua1)->back()));
  EXPECT_EQ((*texts)[0], (*texts)[2]);  // one text, shared
  EXPECT_EQ(cache.size(), 2u);
}

TEST(RecordJsonCache, AChangedRecordIsReadAgainAndAnUnknownOneIsNotFound) {
  testing::TestWorkspace tw;
  const std::int64_t ua1 = tw.Record("ua-request", "UA-1");
  RecordJsonCache cache(100);
  ASSERT_TRUE(cache.Latest(tw.ws(), std::vector<std::int64_t>{ua1}).has_value());
  // A new version of the list changes UA-1's surname: the cache must not answer with version 1.
  PersonRecord changed;
  changed.id = "UA-1";
  changed.surname = "Коваленко";
  changed.given_name = "Дмитро";
  tw.Import("ua-request", ListKind::kRequest, "ua", {changed});
  auto texts = cache.Latest(tw.ws(), std::vector<std::int64_t>{ua1});
  ASSERT_TRUE(texts.has_value());
  json shown = json::parse(*texts->front());
  EXPECT_EQ(shown["surname"], "Коваленко");
  EXPECT_EQ(shown["record_version"], 2);
  auto unknown = cache.Latest(tw.ws(), std::vector<std::int64_t>{ua1, 9999});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().message.find("9999"), std::string::npos);
}

TEST(RecordJsonCache, HoldsNoMoreThanItsCapacity) {
  testing::TestWorkspace tw;
  RecordJsonCache cache(2);
  std::vector<std::int64_t> all = {tw.Record("ua-request", "UA-1"), tw.Record("ua-request", "UA-2"),
                                   tw.Record("ru-custody", "RU-1")};
  auto texts = cache.Latest(tw.ws(), all);
  ASSERT_TRUE(texts.has_value());
  EXPECT_EQ(texts->size(), 3u);
  EXPECT_LE(cache.size(), 2u);
}

}  // namespace
}  // namespace parley::server
