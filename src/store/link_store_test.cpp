#include "store/link_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "ledger/event.h"
#include "ledger/keys.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

class LinkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-links-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto ws = Workspace::Create(dir_);
    ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
    Import("ua-request", ListKind::kRequest, "ua", {"1", "2"});
    Import("ru-custody", ListKind::kCustody, "ru", {"A", "B"});
    left_ = {*ws_->FindRecord("ua-request", "1"), *ws_->FindRecord("ua-request", "2")};
    right_ = {*ws_->FindRecord("ru-custody", "A"), *ws_->FindRecord("ru-custody", "B")};
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Import(std::string list, ListKind kind, std::string side, std::vector<std::string> ids) {
    ImportRequest req;
    req.list_name = std::move(list);
    req.kind = kind;
    req.side = std::move(side);
    req.source_file = "f.csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "clerk1";
    for (auto& id : ids) {
      PersonRecord r;
      r.id = id;
      r.surname = "Шевченко";
      r.given_name = "Дмитро";
      req.records.push_back(r);
    }
    ASSERT_TRUE(ws_->ImportList(req).has_value());
  }
  LinkProposal Proposal(int l, int r, double p, bool auto_accept) {
    return {left_[l], right_[r], 1, 1, p, 10 * p, "[]", auto_accept};
  }
  Result<SaveRunOutcome> Save(LinkStore& links, const std::vector<LinkProposal>& proposals,
                              const std::string& now, std::string_view left = "ua-request") {
    return links.SaveRun(left, "ru-custody", proposals, {1, 1, false, "{}", "analyst1", now},
                         {"analyst1"});
  }
  std::uint64_t EventCount() { return (*ws_->Events())->Size(); }
  // The last event of the node's log, opened.
  ledger::SignedEvent LastEvent() {
    const std::uint64_t n = EventCount();
    auto leaves = (*ws_->Events())->Log().Storage().Read(n - 1, 1);
    EXPECT_TRUE(leaves.has_value());
    auto opened = ledger::OpenLeaf((*leaves)[0], n - 1);
    EXPECT_TRUE(opened.has_value());
    return *opened;
  }

  std::filesystem::path dir_;
  std::optional<Workspace> ws_;
  std::vector<std::int64_t> left_;
  std::vector<std::int64_t> right_;
};

TEST_F(LinkStoreTest, RejectedPairStaysRejectedAfterRerun) {
  LinkStore links(*ws_);
  auto first = Save(links, {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.7, false)}, "t1");
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(first->inserted, 2);
  auto queue = links.Links(LinkState::kNeedsReview);
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->size(), 1u);
  const std::int64_t id = (*queue)[0].id;
  EXPECT_EQ((*queue)[0].left_key, "2");
  EXPECT_EQ((*queue)[0].right_key, "B");
  ASSERT_TRUE(links.Decide(id, LinkDecision::kReject, {"analyst1"}, "t2").has_value());

  // The next run proposes the same pair, now even with auto-accept: the decision stands.
  auto second = Save(links, {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.999, true)}, "t3");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->kept_decisions, 1);
  auto link = links.Link(id);
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->state, LinkState::kRejected);
  EXPECT_EQ(link->decided_by, "analyst1");
  EXPECT_NEAR(link->probability, 0.999, 1e-9);
}

TEST_F(LinkStoreTest, UndecidedLinksNoLongerProposedAreWithdrawn) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false), Proposal(1, 1, 0.8, false)}, "t1"));
  auto all = links.Links(std::nullopt);
  ASSERT_EQ(all->size(), 2u);
  ASSERT_TRUE(links.Decide((*all)[0].id, LinkDecision::kAccept, {"analyst1"}, "t2"));
  auto rerun = Save(links, {}, "t3");
  ASSERT_TRUE(rerun.has_value());
  EXPECT_EQ(rerun->removed, 1);
  all = links.Links(std::nullopt);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].state, LinkState::kConfirmed);
}

TEST_F(LinkStoreTest, DecisionsAreAppendOnly) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "t1"));
  auto all = links.Links(std::nullopt);
  ASSERT_TRUE(links.Decide((*all)[0].id, LinkDecision::kAccept, {"analyst1"}, "t2"));
  EXPECT_FALSE(ws_->db().Exec("UPDATE link_decisions SET actor = 'someone else'").has_value());
  EXPECT_FALSE(ws_->db().Exec("DELETE FROM link_decisions").has_value());
}

TEST_F(LinkStoreTest, UnknownLinkAndUnknownListAreErrors) {
  LinkStore links(*ws_);
  auto d = links.Decide(999, LinkDecision::kAccept, {"analyst1"}, "t");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::kNotFound);
  auto s = Save(links, {}, "t", "nope");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(ParseLinkDecision("maybe").has_value());
}

TEST_F(LinkStoreTest, DecisionAppendsSignedEventWithoutNames) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "t1"));
  const std::uint64_t before = EventCount();
  auto all = links.Links(std::nullopt);
  const std::int64_t id = (*all)[0].id;
  ASSERT_TRUE(links.Decide(id, LinkDecision::kReject, {"analyst2"}, "t2"));
  ASSERT_EQ(EventCount(), before + 1);
  const ledger::SignedEvent e = LastEvent();
  EXPECT_EQ(e.event.type, "link.decided");
  EXPECT_EQ(e.event.actor, "analyst2");
  EXPECT_EQ(e.event.body["link"], id);
  EXPECT_EQ(e.event.body["decision"], "reject");
  EXPECT_EQ(e.event.body["left_list"], "ua-request");
  EXPECT_EQ(e.event.body["right_record"], right_[0]);
  EXPECT_EQ(e.event.body["right_record_version"], 1);
  EXPECT_NEAR(e.event.body["probability"].get<double>(), 0.9, 1e-9);
  EXPECT_EQ(e.event.body.dump().find("Шевченко"), std::string::npos);
  auto verified = VerifyWorkspaceLedger(ws_->db(), 1);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_TRUE((*verified)[0].checkpoint_checked);
}

TEST_F(LinkStoreTest, DecisionWithOwnKeyIsSignedAndAttributedToTheKey) {
  auto key = ledger::GenerateSigningKey("alice");
  ASSERT_TRUE(key.has_value());
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "t1"));
  const std::int64_t id = (*links.Links(std::nullopt))[0].id;
  ASSERT_TRUE(links.Decide(id, LinkDecision::kAccept, {"local", &*key}, "t2"));
  const ledger::SignedEvent e = LastEvent();
  EXPECT_EQ(e.event.actor, "alice");
  EXPECT_EQ(e.signer.key, key->Public().key);
  EXPECT_EQ(links.Link(id)->decided_by, "alice");
}

TEST_F(LinkStoreTest, FailedDecisionLeavesNoEventAndNoDecision) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "t1"));
  const std::uint64_t before = EventCount();
  const std::int64_t id = (*links.Links(std::nullopt))[0].id;
  // An actor name no key can carry makes the append fail after the rows were written.
  ASSERT_FALSE(links.Decide(id, LinkDecision::kAccept, {"two words"}, "t2").has_value());
  EXPECT_EQ(EventCount(), before);
  EXPECT_EQ(links.Link(id)->state, LinkState::kNeedsReview);
  EXPECT_EQ(*ws_->db().QueryInt("SELECT count(*) FROM link_decisions"), 0);
}

TEST_F(LinkStoreTest, RunThatChangesLinksAppendsOneEventAndAnIdleRunNone) {
  LinkStore links(*ws_);
  const std::uint64_t before = EventCount();
  auto first = Save(links, {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.7, false)}, "t1");
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(first->event_appended);
  ASSERT_EQ(EventCount(), before + 1);
  const ledger::SignedEvent e = LastEvent();
  EXPECT_EQ(e.event.type, "reconcile.run");
  EXPECT_EQ(e.event.body["inserted"], 2);
  EXPECT_EQ(e.event.body["links_by_state"]["auto_accepted"], 1);
  EXPECT_EQ(e.event.body["links_by_state"]["needs_review"], 1);
  EXPECT_EQ(e.event.body["right_version"], 1);
  // The same proposals again: nothing changes, no event; the run itself is still recorded.
  auto again = Save(links, {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.7, false)}, "t2");
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->event_appended);
  EXPECT_EQ(EventCount(), before + 1);
  EXPECT_EQ(*ws_->db().QueryInt("SELECT count(*) FROM reconcile_runs"), 2);
  EXPECT_EQ(links.LastRun("ua-request", "ru-custody")->value().created_at, "t2");
}

TEST_F(LinkStoreTest, LinksOfRecordsNoLongerListedAreWithdrawnUnlessDecided) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false), Proposal(1, 1, 0.8, false)}, "t1"));
  auto all = links.Links(std::nullopt);
  const std::int64_t decided = (*all)[0].id;  // 1-A, the more probable
  ASSERT_TRUE(links.Decide(decided, LinkDecision::kAccept, {"analyst1"}, "t2"));
  // A new custody version drops both rows; an incremental run whose scope is empty.
  Import("ru-custody", ListKind::kCustody, "ru", {"C"});
  const std::set<std::int64_t> scope;
  auto run = links.SaveRun("ua-request", "ru-custody", {}, {1, 2, true, "{}", "analyst1", "t3"},
                           {"analyst1"}, &scope);
  ASSERT_TRUE(run.has_value()) << run.error().Describe();
  EXPECT_EQ(run->removed, 1);
  all = links.Links(std::nullopt);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].id, decided);
  EXPECT_TRUE((*all)[0].left_listed);
  EXPECT_FALSE((*all)[0].right_listed);
}

TEST_F(LinkStoreTest, QueryFiltersPagesAndCountsInSql) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links,
                   {Proposal(0, 0, 0.9, true), Proposal(0, 1, 0.5, false),
                    Proposal(1, 0, 0.4, false), Proposal(1, 1, 0.8, true)},
                   "t1"));
  Import("mediator", ListKind::kMediator, "mediator", {"M"});
  const std::int64_t m = *ws_->FindRecord("mediator", "M");
  ASSERT_TRUE(links.SaveRun("mediator", "ru-custody", {{m, right_[1], 1, 1, 0.6, 6, "[]", false}},
                            {1, 1, false, "{}", "analyst1", "t2"}, {"analyst1"}));

  LinkQuery review;
  review.state = LinkState::kNeedsReview;
  auto queue = links.Query(review);
  ASSERT_TRUE(queue.has_value()) << queue.error().Describe();
  EXPECT_EQ(queue->total, 3);
  ASSERT_EQ(queue->links.size(), 3u);
  EXPECT_DOUBLE_EQ(queue->links[0].probability, 0.6);  // most probable first

  review.offset = 1;
  review.limit = 1;
  auto page = links.Query(review);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->total, 3);  // the total ignores the page
  ASSERT_EQ(page->links.size(), 1u);
  EXPECT_DOUBLE_EQ(page->links[0].probability, 0.5);

  LinkQuery by_list;
  by_list.left_list = "mediator";
  EXPECT_EQ(links.Query(by_list)->total, 1);
  by_list.left_list = "";
  by_list.right_list = "ru-custody";
  EXPECT_EQ(links.Query(by_list)->total, 5);
}

TEST_F(LinkStoreTest, QueryVisibilityIsExactlyBothListsVisible) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, true), Proposal(1, 1, 0.5, false)}, "t1"));
  Import("mediator", ListKind::kMediator, "mediator", {"M"});
  const std::int64_t m = *ws_->FindRecord("mediator", "M");
  ASSERT_TRUE(links.SaveRun("mediator", "ru-custody", {{m, right_[0], 1, 1, 0.6, 6, "[]", false}},
                            {1, 1, false, "{}", "analyst1", "t2"}, {"analyst1"}));
  auto all = links.Links(std::nullopt);
  ASSERT_TRUE(all.has_value());
  const std::vector<std::string> names = {"ua-request", "ru-custody", "mediator"};
  // Every subset of the lists: SQL agrees with the rule applied to every link in memory.
  for (unsigned mask = 0; mask < 8; ++mask) {
    std::set<std::string> visible;
    for (unsigned i = 0; i < names.size(); ++i) {
      if (mask & (1u << i)) visible.insert(names[i]);
    }
    std::vector<std::int64_t> expected;
    for (const auto& l : *all) {
      if (visible.contains(l.left_list) && visible.contains(l.right_list)) expected.push_back(l.id);
    }
    LinkQuery query;
    query.visible_lists = visible;
    auto seen = links.Query(query);
    ASSERT_TRUE(seen.has_value()) << seen.error().Describe();
    std::vector<std::int64_t> got;
    for (const auto& l : seen->links) got.push_back(l.id);
    EXPECT_EQ(got, expected) << "mask " << mask;
    EXPECT_EQ(seen->total, static_cast<std::int64_t>(expected.size())) << "mask " << mask;
  }
}

TEST_F(LinkStoreTest, ReviewQueueGenerationMovesWithEveryChangeToAPageAndOnlyThen) {
  auto generation = [this] { return ReviewQueueGeneration(ws_->db()).value(); };
  const std::int64_t start = generation();
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "2026-01-01T00:00:00Z").has_value());
  const std::int64_t after_run = generation();
  EXPECT_GT(after_run, start);
  ASSERT_TRUE(links.Query({}).has_value());  // reading changes nothing
  EXPECT_EQ(generation(), after_run);
  const std::int64_t id = links.Links(std::nullopt)->front().id;
  ASSERT_TRUE(links.Decide(id, LinkDecision::kAccept, {"analyst1"}, "2026-01-01T00:01:00Z"));
  const std::int64_t after_decision = generation();
  EXPECT_GT(after_decision, after_run);
  Import("ru-custody", ListKind::kCustody, "ru", {"A"});
  EXPECT_GT(generation(), after_decision);
}

TEST_F(LinkStoreTest, AnExplanationThatIsNotJsonIsRefused) {
  LinkStore links(*ws_);
  LinkProposal broken = Proposal(0, 0, 0.9, false);
  broken.explanation = "[{\"field\":";
  auto saved = Save(links, {broken}, "2026-01-01T00:00:00Z");
  ASSERT_FALSE(saved.has_value());
  EXPECT_NE(saved.error().message.find("valid JSON"), std::string::npos);
  EXPECT_EQ(links.Links(std::nullopt)->size(), 0u);  // the whole run rolled back
}

TEST_F(LinkStoreTest, AStaleExpectedVersionIsAConflictEvenAcrossConnections) {
  LinkStore links(*ws_);
  ASSERT_TRUE(Save(links, {Proposal(0, 0, 0.9, false)}, "2026-01-01T00:00:00Z").has_value());
  const std::int64_t id = links.Links(std::nullopt)->front().id;
  // Two connections (two processes, say) both read version 0 and decide; exactly one wins.
  std::atomic<int> won = 0;
  std::atomic<int> conflicts = 0;
  std::vector<std::thread> analysts;
  for (int i = 0; i < 4; ++i) {
    analysts.emplace_back([&, i] {
      auto ws = Workspace::Open(dir_);
      ASSERT_TRUE(ws.has_value());
      LinkStore mine(*ws);
      auto decided = mine.Decide(id, i % 2 ? LinkDecision::kAccept : LinkDecision::kReject,
                                 {"analyst" + std::to_string(i)}, "2026-01-01T00:01:00Z", 0);
      if (decided) {
        EXPECT_EQ(*decided, 1);
        ++won;
      } else {
        EXPECT_EQ(decided.error().code, ErrorCode::kConflict);
        EXPECT_EQ(decided.error().where.field, "expected_version");
        ++conflicts;
      }
    });
  }
  for (auto& t : analysts) t.join();
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicts, 3);
  EXPECT_EQ(ws_->db().QueryInt("SELECT count(*) FROM link_decisions")->value_or(-1), 1);
  EXPECT_EQ(links.Link(id)->decisions, 1);
}

// The decisions the review UI adds: unsure, undo and notes, each a row of its own and a signed
// event, the link's version counting them all.
class LinkDecisionsTest : public LinkStoreTest {
 protected:
  // One needs-review link (1-A) and one auto-accepted (2-B); returns the needs-review one's id.
  std::int64_t Queue() {
    LinkStore links(*ws_);
    EXPECT_TRUE(Save(links, {Proposal(0, 0, 0.7, false), Proposal(1, 1, 0.999, true)}, "t0"));
    return links.Links(LinkState::kNeedsReview)->front().id;
  }
  std::int64_t AutoAccepted() {
    return LinkStore(*ws_).Links(LinkState::kAutoAccepted)->front().id;
  }
  void ExpectLedgerVerifies() {
    auto verified = VerifyWorkspaceLedger(ws_->db(), 1);
    ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
    EXPECT_TRUE((*verified)[0].checkpoint_checked);
  }
};

TEST_F(LinkDecisionsTest, UnsureKeepsTheLinkInTheQueueAndSaysSo) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  auto v = links.Decide(id, LinkDecision::kUnsure, {"analyst1"}, "t1", 0, "  same unit? ");
  ASSERT_TRUE(v.has_value()) << v.error().Describe();
  EXPECT_EQ(*v, 1);
  auto link = links.Link(id);
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->state, LinkState::kNeedsReview);
  EXPECT_EQ(link->decisions, 1);
  ASSERT_TRUE(link->last_decision.has_value());
  EXPECT_EQ(link->last_decision->decision, LinkDecision::kUnsure);
  EXPECT_EQ(link->last_decision->by, "analyst1");
  EXPECT_EQ(link->last_decision->at, "t1");
  EXPECT_EQ(link->last_decision->note, "same unit?");  // trimmed
  EXPECT_EQ(links.Links(LinkState::kNeedsReview)->size(), 1u);
  const ledger::SignedEvent e = LastEvent();
  EXPECT_EQ(e.event.type, "link.decided");
  EXPECT_EQ(e.event.body["decision"], "unsure");
  EXPECT_EQ(e.event.body["state"], "needs_review");
  EXPECT_EQ(e.event.body["with_note"], true);
  EXPECT_EQ(e.event.body.dump().find("same unit"), std::string::npos);  // never the note's text
  ExpectLedgerVerifies();
}

TEST_F(LinkDecisionsTest, UnsureIsOnlyForLinksThatNeedReview) {
  const std::int64_t queued = Queue();
  LinkStore links(*ws_);
  const std::uint64_t before = EventCount();
  auto automatic = links.Decide(AutoAccepted(), LinkDecision::kUnsure, {"analyst1"}, "t1");
  ASSERT_FALSE(automatic.has_value());
  EXPECT_EQ(automatic.error().code, ErrorCode::kConflict);
  EXPECT_EQ(automatic.error().where.field, "decision");
  EXPECT_NE(automatic.error().message.find("auto_accepted"), std::string::npos);
  ASSERT_TRUE(links.Decide(queued, LinkDecision::kAccept, {"analyst1"}, "t2"));
  EXPECT_EQ(links.Decide(queued, LinkDecision::kUnsure, {"analyst1"}, "t3").error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(EventCount(), before + 1);  // the accept only
  EXPECT_EQ(links.Link(queued)->decisions, 1);
}

TEST_F(LinkDecisionsTest, UndoRestoresTheStateBeforeTheLatestDecision) {
  const std::int64_t queued = Queue();
  const std::int64_t automatic = AutoAccepted();
  LinkStore links(*ws_);
  ASSERT_TRUE(links.Decide(queued, LinkDecision::kAccept, {"analyst1"}, "t1"));
  ASSERT_TRUE(links.Decide(queued, LinkDecision::kReject, {"analyst1"}, "t2"));
  // Whoever decided last, the undo is the caller's.
  auto undone = links.Decide(queued, LinkDecision::kUndo, {"analyst2"}, "t3", 2, "slipped");
  ASSERT_TRUE(undone.has_value()) << undone.error().Describe();
  EXPECT_EQ(*undone, 3);
  auto link = links.Link(queued);
  EXPECT_EQ(link->state, LinkState::kConfirmed);
  EXPECT_EQ(link->decided_by, "analyst2");
  EXPECT_EQ(link->last_decision->decision, LinkDecision::kUndo);
  const ledger::SignedEvent e = LastEvent();
  EXPECT_EQ(e.event.body["decision"], "undo");
  EXPECT_EQ(e.event.body["state"], "confirmed");
  EXPECT_EQ(e.event.body["undoes"], 2);
  EXPECT_EQ(e.event.actor, "analyst2");
  // An undo of the first decision restores what the run had made of the link.
  ASSERT_TRUE(links.Decide(automatic, LinkDecision::kReject, {"analyst1"}, "t4"));
  ASSERT_TRUE(links.Decide(automatic, LinkDecision::kUndo, {"analyst1"}, "t5"));
  EXPECT_EQ(links.Link(automatic)->state, LinkState::kAutoAccepted);
  EXPECT_EQ(links.Links(LinkState::kAutoAccepted)->size(), 1u);
  ExpectLedgerVerifies();
}

TEST_F(LinkDecisionsTest, UndoWithNothingToUndoOrOfAnUndoIsAConflict) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  const std::uint64_t before = EventCount();
  auto nothing = links.Decide(id, LinkDecision::kUndo, {"analyst1"}, "t1");
  ASSERT_FALSE(nothing.has_value());
  EXPECT_EQ(nothing.error().code, ErrorCode::kConflict);
  EXPECT_EQ(nothing.error().where.field, "decision");
  EXPECT_NE(nothing.error().message.find("no decision to undo"), std::string::npos);
  ASSERT_TRUE(links.Decide(id, LinkDecision::kAccept, {"analyst1"}, "t2"));
  ASSERT_TRUE(links.Decide(id, LinkDecision::kUndo, {"analyst1"}, "t3"));
  auto again = links.Decide(id, LinkDecision::kUndo, {"analyst1"}, "t4");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("is an undo"), std::string::npos);
  EXPECT_EQ(EventCount(), before + 2);
  EXPECT_EQ(links.Link(id)->state, LinkState::kNeedsReview);
  EXPECT_EQ(links.Link(id)->decisions, 2);
}

TEST_F(LinkDecisionsTest, ANoteAloneChangesNothingButTheHistory) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  ASSERT_TRUE(links.Decide(id, LinkDecision::kReject, {"analyst1"}, "t1"));
  auto noted = links.Decide(id, LinkDecision::kNote, {"analyst2"}, "t2", 1, "Born 1990 in both.");
  ASSERT_TRUE(noted.has_value()) << noted.error().Describe();
  EXPECT_EQ(*noted, 2);
  auto link = links.Link(id);
  EXPECT_EQ(link->state, LinkState::kRejected);
  EXPECT_EQ(link->last_decision->decision, LinkDecision::kNote);
  EXPECT_EQ(link->last_decision->note, "Born 1990 in both.");
  EXPECT_EQ(LastEvent().event.body["state"], "rejected");
  // An undo of the note takes nothing back but the note's place as the latest decision.
  ASSERT_TRUE(links.Decide(id, LinkDecision::kUndo, {"analyst2"}, "t3"));
  EXPECT_EQ(links.Link(id)->state, LinkState::kRejected);
  auto history = links.Decisions(id);
  ASSERT_TRUE(history.has_value()) << history.error().Describe();
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].decision, LinkDecision::kReject);
  EXPECT_EQ((*history)[0].by, "analyst1");
  EXPECT_FALSE((*history)[0].note.has_value());
  EXPECT_EQ((*history)[0].state_after, LinkState::kRejected);
  EXPECT_EQ((*history)[1].decision, LinkDecision::kNote);
  EXPECT_EQ((*history)[1].note, "Born 1990 in both.");
  EXPECT_EQ((*history)[2].decision, LinkDecision::kUndo);
  EXPECT_EQ((*history)[2].at, "t3");
  ExpectLedgerVerifies();
}

TEST_F(LinkDecisionsTest, NotesAreCheckedBeforeAnythingIsWritten) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  const std::uint64_t before = EventCount();
  for (std::string_view empty : {"", "   \n\t "}) {
    auto refused = links.Decide(id, LinkDecision::kNote, {"analyst1"}, "t1", std::nullopt, empty);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(refused.error().where.field, "note");
  }
  // 2,000 characters (Cyrillic: 4,000 bytes) are kept; one more is refused.
  std::string longest;
  for (int i = 0; i < 2000; ++i) longest += "ж";
  auto too_long =
      links.Decide(id, LinkDecision::kAccept, {"analyst1"}, "t1", std::nullopt, longest + "ж");
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(too_long.error().where.field, "note");
  auto bad = links.Decide(id, LinkDecision::kAccept, {"analyst1"}, "t1", std::nullopt, "\xff");
  EXPECT_EQ(bad.error().where.field, "note");
  EXPECT_EQ(EventCount(), before);
  EXPECT_EQ(links.Link(id)->decisions, 0);
  ASSERT_TRUE(links.Decide(id, LinkDecision::kAccept, {"analyst1"}, "t2", 0, "  " + longest));
  EXPECT_EQ(links.Link(id)->last_decision->note, longest);
  // A blank note on another decision is no note at all.
  ASSERT_TRUE(links.Decide(id, LinkDecision::kReject, {"analyst1"}, "t3", 1, "  "));
  EXPECT_FALSE(links.Link(id)->last_decision->note.has_value());
  EXPECT_FALSE(LastEvent().event.body.contains("with_note"));
}

TEST_F(LinkDecisionsTest, EveryKindOfDecisionHonoursTheExpectedVersion) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  ASSERT_TRUE(links.Decide(id, LinkDecision::kUnsure, {"analyst1"}, "t1", 0));
  for (LinkDecision d : {LinkDecision::kAccept, LinkDecision::kReject, LinkDecision::kUnsure,
                         LinkDecision::kUndo, LinkDecision::kNote}) {
    auto stale = links.Decide(id, d, {"analyst1"}, "t2", 0, "late");
    ASSERT_FALSE(stale.has_value()) << LinkDecisionName(d);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    EXPECT_EQ(stale.error().where.field, "expected_version") << LinkDecisionName(d);
  }
  EXPECT_EQ(links.Link(id)->decisions, 1);
  EXPECT_EQ(*links.Decide(id, LinkDecision::kUndo, {"analyst1"}, "t3", 1), 2);
  EXPECT_EQ(*links.Decide(id, LinkDecision::kNote, {"analyst1"}, "t4", 2, "n"), 3);
}

TEST_F(LinkDecisionsTest, DecisionsOfAnUnknownLinkAreNotFoundAndOfAnUndecidedOneEmpty) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  EXPECT_EQ(links.Decisions(999).error().code, ErrorCode::kNotFound);
  auto none = links.Decisions(id);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(links.Link(id)->last_decision.has_value());
  for (std::string_view name : {"accept", "reject", "unsure", "undo", "note"}) {
    EXPECT_EQ(LinkDecisionName(*ParseLinkDecision(name)), name);
  }
}

TEST_F(LinkDecisionsTest, EveryNewDecisionMovesTheReviewQueueGeneration) {
  const std::int64_t id = Queue();
  LinkStore links(*ws_);
  std::int64_t last = ReviewQueueGeneration(ws_->db()).value();
  for (LinkDecision d : {LinkDecision::kUnsure, LinkDecision::kNote, LinkDecision::kUndo}) {
    ASSERT_TRUE(links.Decide(id, d, {"analyst1"}, "t", std::nullopt, "n"));
    const std::int64_t now = ReviewQueueGeneration(ws_->db()).value();
    EXPECT_GT(now, last) << LinkDecisionName(d);
    last = now;
  }
}

// right_linked_twice / left_linked_twice: the other links that link one record twice into the
// same list, in a linking state; rejected ones do not count.
TEST_F(LinkDecisionsTest, ConflictsNameTheOtherLinksOfARecord) {
  LinkStore links(*ws_);
  // 1-A, 2-A (right record A linked twice), 1-B (left record 1 linked twice with 1-A).
  ASSERT_TRUE(Save(
      links, {Proposal(0, 0, 0.9, false), Proposal(1, 0, 0.8, true), Proposal(0, 1, 0.4, false)},
      "t0"));
  const std::vector<StoredLink> all = links.Links(std::nullopt).value();
  auto id = [&](int l, int r) {
    for (const StoredLink& link : all) {
      if (link.left_record_id == left_[l] && link.right_record_id == right_[r]) return link.id;
    }
    return std::int64_t{0};
  };
  const std::int64_t a1 = id(0, 0), a2 = id(1, 0), b1 = id(0, 1);
  using Conflicts = std::vector<std::pair<std::string, std::vector<std::int64_t>>>;
  auto named = [](const std::vector<LinkConflict>& found) {
    Conflicts out;
    for (const LinkConflict& c : found) {
      out.emplace_back(std::string(LinkConflictName(c.kind)), c.links);
    }
    return out;
  };
  auto conflicts = [&](std::int64_t link_id) { return named(links.Link(link_id)->conflicts); };
  EXPECT_EQ(conflicts(a1), (Conflicts{{"right_linked_twice", {a2}}, {"left_linked_twice", {b1}}}));
  EXPECT_EQ(conflicts(a2), (Conflicts{{"right_linked_twice", {a1}}}));
  EXPECT_EQ(conflicts(b1), (Conflicts{{"left_linked_twice", {a1}}}));
  // A rejected link links nothing: 2-A rejected frees A for 1-A (but 2-A still sees 1-A).
  ASSERT_TRUE(links.Decide(a2, LinkDecision::kReject, {"analyst1"}, "t1"));
  EXPECT_EQ(conflicts(a1), (Conflicts{{"left_linked_twice", {b1}}}));
  EXPECT_EQ(conflicts(a2), (Conflicts{{"right_linked_twice", {a1}}}));
  // A page reads the same as the links one by one.
  auto page = links.Query({});
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->links.size(), 3u);
  for (const StoredLink& l : page->links) EXPECT_EQ(named(l.conflicts), conflicts(l.id)) << l.id;
  // Links into another left list are no conflict: the mediator's list links A too.
  Import("mediator", ListKind::kMediator, "mediator", {"M"});
  const std::int64_t m = *ws_->FindRecord("mediator", "M");
  ASSERT_TRUE(links.SaveRun("mediator", "ru-custody", {{m, right_[0], 1, 1, 0.6, 6, "[]", true}},
                            {1, 1, false, "{}", "analyst1", "t2"}, {"analyst1"}));
  EXPECT_EQ(conflicts(a1), (Conflicts{{"left_linked_twice", {b1}}}));
}

}  // namespace
}  // namespace parley::store
