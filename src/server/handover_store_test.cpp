#include "server/handover_store.h"

#include <gtest/gtest.h>

#include "server/test_workspace.h"

namespace parley::server {
namespace {

HandoverEvent Event(std::string event) {
  return {0, 0, std::move(event), 1, "Sumy crossing", "2026-05-23T14:05:00Z", "cp-1", ""};
}

TEST(HandoverStore, AppendsInSequence) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  auto a = AppendHandover(tw.db(), id, 0, Event("handed_over"));
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto b = AppendHandover(tw.db(), id, 1, Event("received"));
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->seq, 2);
  auto all = HandoverEvents(tw.db(), id);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].event, "handed_over");
}

TEST(HandoverStore, StaleCountIsAConflict) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  ASSERT_TRUE(AppendHandover(tw.db(), id, 0, Event("handed_over")).has_value());
  auto stale = AppendHandover(tw.db(), id, 0, Event("handed_over"));
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(HandoverEvents(tw.db(), id)->size(), 1u);
}

TEST(HandoverStore, RefusesBadEvents) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  EXPECT_EQ(AppendHandover(tw.db(), id, 0, Event("escaped")).error().where.field, "event");
  HandoverEvent e = Event("received");
  e.phase = 0;
  EXPECT_EQ(AppendHandover(tw.db(), id, 0, e).error().where.field, "phase");
  e = Event("received");
  e.place = "";
  EXPECT_EQ(AppendHandover(tw.db(), id, 0, e).error().where.field, "place");
}

}  // namespace
}  // namespace parley::server
