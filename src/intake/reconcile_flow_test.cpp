#include "intake/reconcile_flow.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "intake/import_flow.h"
#include "store/event_log.h"
#include "store/link_store.h"
#include "store/test_workspace.h"

namespace parley::intake {
namespace {

using Row = std::vector<std::string>;
using Pair = std::pair<std::string, std::string>;

// Filler people so that the model has non-matches to learn from; distinct on both sides
// (the same shape as tests/e2e/test_link.py's filler).
std::vector<Row> Filler(const std::string& prefix, bool russian, int offset) {
  static const char* kSurnames[] = {"Бондар",   "Ткачук",     "Мельничук", "Гнатюк",
                                    "Савчук",   "Руденко",    "Марченко",  "Клименко",
                                    "Павленко", "Левченко",   "Кравчук",   "Олійник",
                                    "Поліщук",  "Гончаренко", "Костенко",  "Демченко"};
  static const Pair kGiven[] = {
      {"Тарас", "Тарас"}, {"Богдан", "Богдан"}, {"Ігор", "Игорь"}, {"Віктор", "Виктор"}};
  std::vector<Row> rows;
  int i = 0;
  for (const char* surname : kSurnames) {
    const Pair& given = kGiven[(i + offset) % 4];
    const int year = 1960 + (i * 7 + offset * 13) % 40;
    char date[16];
    std::snprintf(date, sizeof date, "%02d.%02d.%d", 1 + i % 28, 1 + (i + offset) % 12, year);
    rows.push_back({prefix + std::to_string(i), std::string(surname) + (russian ? "ов" : ""),
                    russian ? given.second : given.first, "", date, ""});
    ++i;
  }
  return rows;
}

const std::vector<Row> kRequest = {
    {"U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ"},
    {"U2", "Лисенко", "Андрій", "Юрійович", "1985", "Харків"},
};
const std::vector<Row> kCustody = {
    {"R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев"},
    {"R2", "Лысенко", "Андрей", "", "03.05.1985", ""},
};

class ReconcileFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Import("ua-request", ListKind::kRequest, "ua", kRequest, Filler("UF", false, 0));
    Import("ru-custody", ListKind::kCustody, "ru", kCustody, Filler("RF", true, 3));
  }

  // ROWS (and FILLER) written to a CSV file of their own, imported as the next version of LIST.
  void Import(const std::string& list, ListKind kind, const std::string& side,
              const std::vector<Row>& rows, const std::vector<Row>& filler) {
    const std::filesystem::path file = t_.dir() / (list + "-" + std::to_string(files_++) + ".csv");
    {
      std::ofstream out(file, std::ios::binary);
      out << "id,surname,given_name,patronymic,birth_date,birth_place\n";
      for (const auto* part : {&rows, &filler}) {
        for (const Row& row : *part) {
          for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << row[c];
          out << "\n";
        }
      }
    }
    ImportFileRequest req;
    req.file = file;
    req.list = list;
    req.kind = kind;
    req.side = side;
    req.actor = "clerk1";
    auto report = ImportListFile(t_.ws(), req);
    ASSERT_TRUE(report.has_value()) << report.error().Describe();
  }

  Result<ReconcileReport> Reconcile(bool full = false) {
    ReconcileRequest req;
    req.left = "ua-request";
    req.right = "ru-custody";
    req.actor = "analyst1";
    req.full = full;
    return ReconcileLists(t_.ws(), req);
  }

  // Every stored link, by the pair of row ids.
  std::map<Pair, store::StoredLink> Links() {
    store::LinkStore links(t_.ws());
    auto all = links.Links(std::nullopt);
    EXPECT_TRUE(all.has_value());
    std::map<Pair, store::StoredLink> out;
    for (auto& l : all.value_or(std::vector<store::StoredLink>{})) {
      out.emplace(Pair{l.left_key, l.right_key}, l);
    }
    return out;
  }

  std::uint64_t EventCount() { return (*t_.ws().Events())->Size(); }

  store::testing::TempWorkspace t_{"parley-intake-reconcile"};
  int files_ = 0;
};

TEST_F(ReconcileFlowTest, FirstRunWritesEveryProposedPairAutoAcceptedOrQueued) {
  const std::uint64_t events = EventCount();
  auto r = Reconcile();
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_FALSE(r->incremental);
  EXPECT_EQ(r->left_count, kRequest.size() + 16);
  EXPECT_EQ(r->right_count, kCustody.size() + 16);
  EXPECT_GT(r->scored_pairs, 0u);

  const auto links = Links();
  ASSERT_TRUE(links.count({"U1", "R1"})) << "the transliterated pair is found";
  ASSERT_TRUE(links.count({"U2", "R2"}));
  EXPECT_EQ(r->proposed, links.size());
  EXPECT_EQ(r->saved.inserted, static_cast<std::int64_t>(links.size()));
  EXPECT_EQ(r->saved.removed, 0);
  // The promise: at or above auto_accept a link is accepted, and at or above
  // auto_accept_unique when it is the only link of both its records; otherwise it waits for an
  // analyst; nothing below the review threshold is stored.
  const ReconcileRequest defaults;
  std::map<std::string, int> per_left;
  std::map<std::string, int> per_right;
  for (const auto& [pair, link] : links) ++per_left[pair.first], ++per_right[pair.second];
  std::int64_t auto_accepted = 0;
  for (const auto& [pair, link] : links) {
    EXPECT_GE(link.probability, defaults.review_threshold) << pair.first << "-" << pair.second;
    const bool unique = per_left[pair.first] == 1 && per_right[pair.second] == 1;
    const bool sure = link.probability >= defaults.auto_accept ||
                      (unique && link.probability >= defaults.auto_accept_unique);
    EXPECT_EQ(link.state, sure ? store::LinkState::kAutoAccepted : store::LinkState::kNeedsReview)
        << pair.first << "-" << pair.second << " p=" << link.probability;
    auto_accepted += sure ? 1 : 0;
    EXPECT_NE(link.explanation.find("\"field\""), std::string::npos);
  }
  EXPECT_EQ(r->auto_accepted, auto_accepted);
  // One signed event for the run.
  EXPECT_TRUE(r->saved.event_appended);
  EXPECT_EQ(EventCount(), events + 1);
}

TEST_F(ReconcileFlowTest, AutoAcceptOfOneQueuesEveryLinkForReview) {
  ReconcileRequest req;
  req.left = "ua-request";
  req.right = "ru-custody";
  req.auto_accept = 1.5;
  req.auto_accept_unique = 1.5;
  req.actor = "analyst1";
  auto r = ReconcileLists(t_.ws(), req);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->auto_accepted, 0);
  for (const auto& [pair, link] : Links()) EXPECT_EQ(link.state, store::LinkState::kNeedsReview);
}

// A pair with no rival (no other link of either record) is accepted at auto_accept_unique; a
// second person of the same name in custody makes both of U1's pairs wait for an analyst.
TEST_F(ReconcileFlowTest, OnlyPairOfBothRecordsIsAcceptedAtTheUniqueThreshold) {
  ReconcileRequest req;
  req.left = "ua-request";
  req.right = "ru-custody";
  req.auto_accept = 1.5;       // nothing is accepted for its probability alone
  req.auto_accept_unique = 0;  // every pair without a rival is
  req.actor = "analyst1";
  ASSERT_TRUE(ReconcileLists(t_.ws(), req).has_value());
  auto links = Links();
  ASSERT_TRUE(links.count({"U1", "R1"}));
  EXPECT_EQ(links.at({"U1", "R1"}).state, store::LinkState::kAutoAccepted);

  std::vector<Row> custody = kCustody;
  custody.push_back({"R3", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев"});
  Import("ru-custody", ListKind::kCustody, "ru", custody, Filler("RF", true, 3));
  req.full = true;
  ASSERT_TRUE(ReconcileLists(t_.ws(), req).has_value());
  links = Links();
  ASSERT_TRUE(links.count({"U1", "R3"}));
  EXPECT_EQ(links.at({"U1", "R3"}).state, store::LinkState::kNeedsReview) << "R1 is its rival";
  EXPECT_EQ(links.at({"U1", "R1"}).state, store::LinkState::kNeedsReview) << "R3 is its rival";
  EXPECT_EQ(links.at({"U2", "R2"}).state, store::LinkState::kAutoAccepted) << "still alone";
}

TEST_F(ReconcileFlowTest, SecondRunWithNoChangeIsIncrementalAndAppendsNoEvent) {
  auto first = Reconcile();
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  const auto before = Links();
  const std::uint64_t events = EventCount();

  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_TRUE(second->incremental);
  EXPECT_FALSE(second->last_run_at.empty());
  EXPECT_EQ(second->changed, 0u);
  EXPECT_EQ(second->saved.inserted, 0);
  EXPECT_EQ(second->saved.removed, 0);
  EXPECT_FALSE(second->saved.event_appended);
  EXPECT_EQ(EventCount(), events);
  const auto after = Links();
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [pair, link] : before) {
    ASSERT_TRUE(after.count(pair));
    EXPECT_EQ(after.at(pair).id, link.id);
    EXPECT_EQ(after.at(pair).state, link.state);
  }
}

// A model stored by a parley with other comparison levels (here: before the birth date's
// "two slips" level, with no "levels" entry) cannot score new pairs; the run estimates afresh.
TEST_F(ReconcileFlowTest, ModelOfOtherComparisonLevelsGivesAFullRun) {
  ASSERT_TRUE(Reconcile().has_value());
  ASSERT_TRUE(t_.ws()
                  .db()
                  .Exec("UPDATE reconcile_runs SET model = json_remove(model, '$.levels')")
                  .has_value());
  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_FALSE(second->incremental);
  auto third = Reconcile();
  ASSERT_TRUE(third.has_value()) << third.error().Describe();
  EXPECT_TRUE(third->incremental) << "the fresh model is stored with its levels";
}

// A workspace reconciled by the parley before the rank field stored six fields and eight date
// levels: upgrading must not make its next reconciliation fail; it estimates afresh.
TEST_F(ReconcileFlowTest, ModelOfFewerFieldsGivesAFullRunNotAnError) {
  ASSERT_TRUE(Reconcile().has_value());
  ASSERT_TRUE(t_.ws()
                  .db()
                  .Exec("UPDATE reconcile_runs SET model = json_set(json_remove(model, "
                        "'$.fields[6]'), '$.levels', json_array(6, 6, 6, 8, 4, 4))")
                  .has_value());
  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_FALSE(second->incremental);
}

// The database file is input too: a stored model of the wrong shape is an error, never a
// thrown exception, and changes nothing.
TEST_F(ReconcileFlowTest, MalformedStoredModelIsAnErrorAndWritesNothing) {
  ASSERT_TRUE(Reconcile().has_value());
  ASSERT_TRUE(t_.ws()
                  .db()
                  .Exec("UPDATE reconcile_runs SET model = json_set(model, '$.fields[3].m', "
                        "json_array('x'))")
                  .has_value());
  const std::uint64_t events = EventCount();
  auto second = Reconcile();
  ASSERT_FALSE(second.has_value());
  EXPECT_NE(second.error().message.find("--full"), std::string::npos);
  EXPECT_EQ(EventCount(), events);
}

// The namesake share is stored with the model (an incremental run caps names as the full run
// did); one that is not a share of pairs is refused like any other malformed model.
TEST_F(ReconcileFlowTest, StoredNamesakeShareMustBeAShare) {
  ASSERT_TRUE(Reconcile().has_value());
  for (const char* bad :
       {"'$.namesake_share', 'x'", "'$.namesake_share', -0.5", "'$.namesake_share', 2"}) {
    ASSERT_TRUE(
        t_.ws()
            .db()
            .Exec(std::string("UPDATE reconcile_runs SET model = json_set(model, ") + bad + ")")
            .has_value());
    const std::uint64_t events = EventCount();
    auto again = Reconcile();
    ASSERT_FALSE(again.has_value()) << bad;
    EXPECT_NE(again.error().message.find("--full"), std::string::npos);
    EXPECT_EQ(EventCount(), events);
  }
  // A model stored before the share existed reads as "no namesakes seen".
  ASSERT_TRUE(t_.ws()
                  .db()
                  .Exec("UPDATE reconcile_runs SET model = json_remove(model, '$.namesake_share')")
                  .has_value());
  auto old = Reconcile();
  ASSERT_TRUE(old.has_value()) << old.error().Describe();
  EXPECT_TRUE(old->incremental);
}

TEST_F(ReconcileFlowTest, NewVersionIsScoredIncrementallyAndKeepsDecisions) {
  ASSERT_TRUE(Reconcile().has_value());
  const std::int64_t rejected = Links().at({"U2", "R2"}).id;
  store::LinkStore store(t_.ws());
  ASSERT_TRUE(
      store.Decide(rejected, store::LinkDecision::kReject, {"analyst7"}, UtcNow()).has_value());
  // A new pair on both sides; everything else unchanged.
  std::vector<Row> request = kRequest;
  request.push_back({"U3", "Ковальчук", "Петро", "Іванович", "01.01.1970", ""});
  std::vector<Row> custody = kCustody;
  custody.push_back({"R3", "Ковальчук", "Пётр", "Иванович", "01.01.1970", ""});
  Import("ua-request", ListKind::kRequest, "ua", request, Filler("UF", false, 0));
  Import("ru-custody", ListKind::kCustody, "ru", custody, Filler("RF", true, 3));

  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_TRUE(second->incremental);
  EXPECT_EQ(second->changed, 2u);  // U3 and R3
  const auto links = Links();
  EXPECT_TRUE(links.count({"U3", "R3"}));
  EXPECT_TRUE(links.count({"U1", "R1"})) << "untouched links survive an incremental run";
  EXPECT_EQ(links.at({"U2", "R2"}).state, store::LinkState::kRejected);

  auto full = Reconcile(/*full=*/true);
  ASSERT_TRUE(full.has_value()) << full.error().Describe();
  EXPECT_FALSE(full->incremental);
  EXPECT_EQ(Links().at({"U2", "R2"}).state, store::LinkState::kRejected);
}

// A new register row that rivals an unchanged request's link (a second row of the same
// person) changes that link's odds: the incremental run scores the request again whole, with
// its new rival.
TEST_F(ReconcileFlowTest, NewRivalOfAnUnchangedRequestRescoresItsLinks) {
  ASSERT_TRUE(Reconcile().has_value());
  const double alone = Links().at({"U1", "R1"}).probability;
  std::vector<Row> custody = kCustody;
  custody.push_back({"R1B", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев"});
  Import("ru-custody", ListKind::kCustody, "ru", custody, Filler("RF", true, 3));

  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_TRUE(second->incremental);
  const auto links = Links();
  ASSERT_TRUE(links.count({"U1", "R1B"}));
  EXPECT_LT(links.at({"U1", "R1"}).probability, alone) << "R1 now has a rival";
  EXPECT_NEAR(links.at({"U1", "R1"}).probability, links.at({"U1", "R1B"}).probability, 1e-6);
}

TEST_F(ReconcileFlowTest, RemovedRecordsUndecidedLinkIsWithdrawnAndDecidedOneStays) {
  ASSERT_TRUE(Reconcile().has_value());
  const auto before = Links();
  ASSERT_TRUE(before.count({"U2", "R2"}));
  store::LinkStore store(t_.ws());
  ASSERT_TRUE(
      store.Decide(before.at({"U1", "R1"}).id, store::LinkDecision::kAccept, {"analyst7"}, UtcNow())
          .has_value());
  // Version 2 of the register drops R1 (decided) and R2 (undecided).
  Import("ru-custody", ListKind::kCustody, "ru", {}, Filler("RF", true, 3));
  const std::uint64_t events = EventCount();

  auto second = Reconcile();
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_TRUE(second->incremental);
  EXPECT_GE(second->saved.removed, 1);
  EXPECT_TRUE(second->saved.event_appended);
  EXPECT_EQ(EventCount(), events + 1);
  const auto after = Links();
  EXPECT_FALSE(after.count({"U2", "R2"})) << "the undecided link of a removed record is withdrawn";
  ASSERT_TRUE(after.count({"U1", "R1"})) << "a decided link outlives its record's removal";
  EXPECT_EQ(after.at({"U1", "R1"}).state, store::LinkState::kConfirmed);
  EXPECT_FALSE(after.at({"U1", "R1"}).right_listed);
  EXPECT_TRUE(after.at({"U1", "R1"}).left_listed);
}

TEST_F(ReconcileFlowTest, UnknownListIsAnErrorAndWritesNothing) {
  const std::uint64_t events = EventCount();
  ReconcileRequest req;
  req.left = "ua-request";
  req.right = "no-such-list";
  auto r = ReconcileLists(t_.ws(), req);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Links().empty());
  EXPECT_EQ(EventCount(), events);
}

TEST(ReconcileReportJsonTest, NamesTheListsAndAddsLastRunOnlyWhenIncremental) {
  ReconcileReport r;
  r.left_count = 3;
  r.right_count = 4;
  r.proposed = 2;
  r.auto_accepted = 1;
  r.saved.inserted = 2;
  EXPECT_EQ(ReconcileReportJson(r, "a", "b").dump(),
            R"({"auto_accepted":1,"changed_records":0,"incremental":false,"inserted":2,)"
            R"("kept_decisions":0,"left":"a","left_count":3,"proposed":2,"removed":0,)"
            R"("right":"b","right_count":4,"scored_pairs":0,"updated":0})");
  r.incremental = true;
  r.last_run_at = "2026-12-04T10:00:00Z";
  EXPECT_EQ(ReconcileReportJson(r, "a", "b").value("last_run_at", ""), "2026-12-04T10:00:00Z");
}

}  // namespace
}  // namespace parley::intake
