#include "handover/handover_events.h"

#include <gtest/gtest.h>

#include "handover/test_workspace.h"
#include "ledger/event.h"
#include "store/event_log.h"

namespace parley::handover {
namespace {

const store::Actor kCp{"cp-1"};

HandoverEvent Event(HandoverEventKind event) {
  return {0, 0, event, 1, "Sumy crossing", "2026-05-23T14:05:00Z", "cp-1", ""};
}

TEST(HandoverStore, AppendsInSequence) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  auto a = AppendHandover(tw.ws(), id, 0, Event(HandoverEventKind::kHandedOver), kCp);
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto b = AppendHandover(tw.ws(), id, 1, Event(HandoverEventKind::kReceived), kCp);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->seq, 2);
  auto all = HandoverEvents(tw.ws(), id);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].event, HandoverEventKind::kHandedOver);
}

TEST(HandoverStore, EachEventIsASignedLedgerEvent) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  auto* log = *tw.ws().Events();
  const std::uint64_t before = log->Size();
  ASSERT_TRUE(
      AppendHandover(tw.ws(), id, 0, Event(HandoverEventKind::kHandedOver), kCp).has_value());
  log = *tw.ws().Events();
  ASSERT_EQ(log->Size(), before + 1);
  auto leaves = log->Log().Storage().Read(before, 1);
  ASSERT_TRUE(leaves.has_value());
  auto opened = ledger::OpenLeaf((*leaves)[0], before);
  ASSERT_TRUE(opened.has_value()) << opened.error().Describe();
  const ledger::Event& e = opened->event;
  EXPECT_EQ(e.type, "handover.recorded");
  EXPECT_EQ(e.actor, "cp-1");
  EXPECT_EQ(e.body, nlohmann::json({{"record_id", id},
                                    {"seq", 1},
                                    {"event", "handed_over"},
                                    {"phase", 1},
                                    {"place", "Sumy crossing"},
                                    {"at", "2026-05-23T14:05:00Z"},
                                    {"actor", "cp-1"},
                                    {"recorded_at", e.body.value("recorded_at", "")}}));
  EXPECT_FALSE(e.body.value("recorded_at", "").empty());
  // A stale append is refused and leaves the log as it was.
  ASSERT_FALSE(
      AppendHandover(tw.ws(), id, 0, Event(HandoverEventKind::kReceived), kCp).has_value());
  EXPECT_EQ((*tw.ws().Events())->Size(), before + 1);
  auto verified = store::VerifyWorkspaceLedger(tw.db(), 1);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
}

TEST(HandoverStore, StaleCountIsAConflict) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  ASSERT_TRUE(
      AppendHandover(tw.ws(), id, 0, Event(HandoverEventKind::kHandedOver), kCp).has_value());
  auto stale = AppendHandover(tw.ws(), id, 0, Event(HandoverEventKind::kHandedOver), kCp);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(HandoverEvents(tw.ws(), id)->size(), 1u);
}

TEST(HandoverStore, RefusesBadEvents) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-2");
  // An unknown event never becomes a HandoverEvent: parsing it refuses, naming the field.
  EXPECT_EQ(ParseHandoverEventKind("escaped").error().where.field, "event");
  HandoverEvent e = Event(HandoverEventKind::kReceived);
  e.phase = 0;
  EXPECT_EQ(AppendHandover(tw.ws(), id, 0, e, kCp).error().where.field, "phase");
  e = Event(HandoverEventKind::kReceived);
  e.place = "";
  EXPECT_EQ(AppendHandover(tw.ws(), id, 0, e, kCp).error().where.field, "place");
}

}  // namespace
}  // namespace parley::handover
