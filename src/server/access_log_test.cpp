#include "server/access_log.h"

#include <gtest/gtest.h>

#include <map>

#include "server/test_workspace.h"
#include "store/workspace.h"

namespace parley::server {
namespace {

// Runs `reads` against an access log on its own connection to `tw`, then closes the log.
template <typename Reads>
void WithLog(testing::TestWorkspace& tw, Reads reads) {
  auto ws = store::Workspace::Open(tw.dir());
  ASSERT_TRUE(ws.has_value());
  AccessLog log(std::move(*ws));
  reads(log);
  log.Close();
}

TEST(AccessLog, CloseWritesEverythingQueued) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ua-request", "UA-1");
  WithLog(tw, [&](AccessLog& log) {
    for (int i = 0; i < 1000; ++i) log.Record("olena", id, "read");
    log.Record("petro", std::vector<std::int64_t>{id, id + 1}, "list-records");
  });
  auto rows = ReadAccessLog(tw.ws(), id);
  ASSERT_TRUE(rows.has_value());
  std::int64_t reads = 0;
  for (const AccessEntry& e : *rows) reads += e.reads;
  EXPECT_EQ(reads, 1001);
  // Olena's identical reads share a row per second (the loop spans at most two seconds).
  EXPECT_LE(rows->size(), 3u);
  EXPECT_EQ(rows->front().user, "petro");
  EXPECT_EQ(rows->front().action, "list-records");
  EXPECT_EQ(rows->front().reads, 1);
}

TEST(AccessLog, ReadsDifferingInUserOrActionKeepTheirOwnRows) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ua-request", "UA-1");
  WithLog(tw, [&](AccessLog& log) {
    log.Record("olena", std::vector<std::int64_t>{id, id}, "review");
    log.Record("olena", id, "read");
    log.Record("petro", id, "read");
  });
  auto rows = ReadAccessLog(tw.ws(), id);
  ASSERT_TRUE(rows.has_value());
  std::map<std::pair<std::string, std::string>, std::int64_t> reads;
  for (const AccessEntry& e : *rows) reads[{e.user, e.action}] += e.reads;
  EXPECT_EQ(reads, (std::map<std::pair<std::string, std::string>, std::int64_t>{
                       {{"olena", "read"}, 1}, {{"olena", "review"}, 2}, {{"petro", "read"}, 1}}));
}

TEST(AccessLog, FlushMakesRowsVisibleAtOnce) {
  testing::TestWorkspace tw;
  auto ws = store::Workspace::Open(tw.dir());
  ASSERT_TRUE(ws.has_value());
  AccessLog log(std::move(*ws));
  log.Record("olena", 5, "read");
  ASSERT_TRUE(log.Flush().has_value());
  EXPECT_EQ(ReadAccessLog(tw.ws(), 5)->size(), 1u);
  EXPECT_FALSE(tw.db().Exec("UPDATE access_log SET user_name = 'x'").has_value());
}

}  // namespace
}  // namespace parley::server
