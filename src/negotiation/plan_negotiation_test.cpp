#include "negotiation/plan_negotiation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "negotiation/agreement_store.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kUa{"negotiator-ua", &testing::UaKey()};
const store::Actor kRu{"negotiator-ru", &testing::RuKey()};

class PlanNegotiationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(AddAgreement(t_.ws(), "deal", testing::kTestAgreement, "deal.toml", kUa));
  }
  void SignAgreementBothSides() {
    ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kA, kUa));
    ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kB, kRu));
  }
  PlanOutcome Propose() {
    ProposeRequest req;
    req.agreement = "deal";
    req.side_a = "ua";
    req.side_b = "ru";
    auto p = ProposePlan(t_.ws(), req, kUa);
    EXPECT_TRUE(p.has_value()) << p.error().Describe();
    return p.value_or(PlanOutcome{});
  }
  // The plan's decisions as an edited file would carry them.
  static nlohmann::json Decisions(const plan::Plan& p) {
    nlohmann::json people = nlohmann::json::array();
    for (const plan::Candidate& c : p.people) {
      people.push_back(
          {{"side", rules::SideName(c.side)}, {"id", c.record.id}, {"phase", c.phase}});
    }
    return {{"people", people}};
  }
  std::uint64_t LogSize() { return (*t_.ws().Events())->Size(); }

  testing::TestWorkspace t_;
};

TEST_F(PlanNegotiationTest, ProposePlansConfirmedPersonsAndStoresReferencesNotRecords) {
  PlanOutcome p = Propose();
  EXPECT_FALSE(p.unchanged);
  EXPECT_EQ(p.info.state, PlanState::kProposed);
  EXPECT_EQ(p.info.kind, PlanKind::kProposal);
  EXPECT_EQ(p.a.people.size(), 2u);  // R1 (wounded), R4
  EXPECT_EQ(p.b.people.size(), 5u);  // U1 (wounded), U2..U5
  // Both wounded go outside the ratio; one soldier for one soldier.
  EXPECT_EQ(p.info.a_count, 2);
  EXPECT_EQ(p.info.b_count, 2);
  EXPECT_EQ(p.info.objective, 4);
  auto doc = store::PlanDocument(t_.ws(), p.info.id);
  ASSERT_TRUE(doc.has_value());
  ASSERT_TRUE(doc->has_value());
  const std::string text = **doc;
  EXPECT_EQ(text.find("Шевченко"), std::string::npos);  // records are referred to, not copied
  EXPECT_NE(text.find("\"record_id\""), std::string::npos);

  auto loaded = LoadStoredPlan(t_.ws(), p.info.id);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().Describe();
  ASSERT_EQ(loaded->plan.people.size(), p.plan.people.size());
  for (size_t i = 0; i < p.plan.people.size(); ++i) {
    EXPECT_EQ(loaded->plan.people[i].record.id, p.plan.people[i].record.id);
    EXPECT_EQ(loaded->plan.people[i].phase, p.plan.people[i].phase);
    EXPECT_EQ(loaded->plan.people[i].record.surname, p.plan.people[i].record.surname);
  }
  EXPECT_EQ(loaded->plan.objective, 4);
}

TEST_F(PlanNegotiationTest, AnAgreementThatNamesItsSidesRefusesAPlanForOtherSides) {
  std::string text = testing::kTestAgreement;
  const std::string parties = "b = \"Russia\"\n";
  text.replace(text.find(parties), parties.size(), parties + "a_side = \"ua\"\nb_side = \"ru\"\n");
  ASSERT_TRUE(AddAgreement(t_.ws(), "sided", text, "sided.toml", kUa));
  const std::uint64_t size = LogSize();
  ProposeRequest req;
  req.agreement = "sided";
  req.side_a = "ru";  // the other party's side posing as party a
  req.side_b = "ua";
  auto refused = ProposePlan(t_.ws(), req, kRu);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("side 'ua' acts for Ukraine (party a), not 'ru'"),
            std::string::npos)
      << refused.error().Describe();
  EXPECT_EQ(refused.error().where.field, "side_a");
  EXPECT_EQ(LogSize(), size);  // nothing stored

  req.side_a = "ua";
  req.side_b = "ru";
  auto accepted = ProposePlan(t_.ws(), req, kUa);
  EXPECT_TRUE(accepted.has_value()) << accepted.error().Describe();
}

TEST_F(PlanNegotiationTest, TheSamePlanProposedTwiceIsOneRowAndOneEvent) {
  PlanOutcome first = Propose();
  const std::uint64_t size = LogSize();
  PlanOutcome second = Propose();
  EXPECT_TRUE(second.unchanged);
  EXPECT_EQ(second.info.id, first.info.id);
  EXPECT_EQ(LogSize(), size);
  EXPECT_EQ(ListPlans(t_.ws())->size(), 1u);
}

TEST_F(PlanNegotiationTest, ACounterThatBreaksARuleIsRefusedListingEveryBrokenRule) {
  PlanOutcome p = Propose();
  nlohmann::json edited = Decisions(p.plan);
  for (auto& person : edited["people"]) {
    if (person["id"] == "ua-custody:R1") person["phase"] = 0;  // wounded left behind
    if (person["id"] == "ru-custody:U5") person["phase"] = 1;  // one more from b
  }
  const std::uint64_t size = LogSize();
  auto counter = CounterPlan(t_.ws(), p.info.id, edited.dump(), "edited.json", kRu);
  ASSERT_FALSE(counter.has_value());
  EXPECT_EQ(counter.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(counter.error().message.find("[all_for_all]"), std::string::npos)
      << counter.error().message;
  EXPECT_NE(counter.error().message.find("[balance]"), std::string::npos);
  EXPECT_EQ(counter.error().where.file, "edited.json");
  EXPECT_EQ(LogSize(), size);
  EXPECT_EQ(ListPlans(t_.ws())->size(), 1u);
  auto broken = CheckCounter(t_.ws(), p.info.id, edited.dump(), "edited.json");
  ASSERT_TRUE(broken.has_value());
  EXPECT_GE(broken->violations.size(), 2u);
  EXPECT_EQ(LogSize(), size);
  // The check also gives the edited plan's balance: R1 no longer goes in phase 1, U5 now does.
  int u5_before = -1;
  for (const plan::Candidate& c : p.plan.people) {
    if (c.record.id == "ru-custody:U5") u5_before = c.phase;
  }
  ASSERT_GE(u5_before, 0);
  ASSERT_FALSE(broken->plan.phases.empty());
  EXPECT_EQ(broken->plan.phases[0].a_count, p.plan.phases[0].a_count - 1);
  EXPECT_EQ(broken->plan.phases[0].b_count, p.plan.phases[0].b_count + (u5_before == 1 ? 0 : 1));
}

TEST_F(PlanNegotiationTest, AValidCounterSupersedesItsParent) {
  PlanOutcome p = Propose();
  nlohmann::json edited = Decisions(p.plan);
  // Move the soldiers exchanged one for one to the second phase: still balanced.
  for (auto& person : edited["people"]) {
    if (person["phase"] == 1 && person["id"] != "ua-custody:R1" &&
        person["id"] != "ru-custody:U1") {
      person["phase"] = 2;
    }
  }
  auto counter = CounterPlan(t_.ws(), p.info.id, edited.dump(), "edited.json", kRu);
  ASSERT_TRUE(counter.has_value()) << counter.error().Describe();
  EXPECT_EQ(counter->info.kind, PlanKind::kCounter);
  EXPECT_EQ(counter->info.parent_id, p.info.id);
  EXPECT_EQ(PlanInfo(t_.ws(), p.info.id)->state, PlanState::kSuperseded);
  EXPECT_EQ(counter->info.objective, 4);
  auto accept_old = ApprovePlan(t_.ws(), p.info.id, Approval::kAccept, rules::Side::kA, kUa);
  ASSERT_FALSE(accept_old.has_value());
  EXPECT_EQ(accept_old.error().code, ErrorCode::kConflict);
  // A person the parent never had cannot be smuggled in.
  nlohmann::json stranger = {{"people", {{{"side", "a"}, {"id", "ua-custody:R6"}, {"phase", 1}}}}};
  auto smuggled = CounterPlan(t_.ws(), counter->info.id, stranger.dump(), "x.json", kUa);
  ASSERT_FALSE(smuggled.has_value());
  EXPECT_NE(smuggled.error().message.find("not a candidate"), std::string::npos);
}

TEST_F(PlanNegotiationTest, AcceptThenSignByBothSidesWithOptimisticConcurrency) {
  SignAgreementBothSides();
  PlanOutcome p = Propose();
  const std::int64_t id = p.info.id;
  auto a = ApprovePlan(t_.ws(), id, Approval::kAccept, rules::Side::kA, kUa);
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_EQ(a->info.state, PlanState::kProposed);
  auto twice = ApprovePlan(t_.ws(), id, Approval::kAccept, rules::Side::kA, kUa);
  ASSERT_TRUE(twice.has_value());
  EXPECT_TRUE(twice->unchanged);
  auto early = ApprovePlan(t_.ws(), id, Approval::kSign, rules::Side::kA, kUa);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  auto stale = ApprovePlan(t_.ws(), id, Approval::kAccept, rules::Side::kB, kRu, p.info.version);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto b = ApprovePlan(t_.ws(), id, Approval::kAccept, rules::Side::kB, kRu, a->info.version);
  ASSERT_TRUE(b.has_value()) << b.error().Describe();
  EXPECT_EQ(b->info.state, PlanState::kAccepted);
  ASSERT_TRUE(ApprovePlan(t_.ws(), id, Approval::kSign, rules::Side::kA, kUa));
  auto s = ApprovePlan(t_.ws(), id, Approval::kSign, rules::Side::kB, kRu);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->info.state, PlanState::kSigned);
  EXPECT_EQ(s->info.approvals.size(), 4u);
  EXPECT_FALSE(t_.ws().db().Exec("UPDATE plans SET document = '{}'").has_value());
  EXPECT_FALSE(t_.ws().db().Exec("DELETE FROM plan_approvals").has_value());
}

TEST_F(PlanNegotiationTest, APlanIsSignedOnlyUnderAnAgreementInForce) {
  PlanOutcome p = Propose();
  ASSERT_TRUE(ApprovePlan(t_.ws(), p.info.id, Approval::kAccept, rules::Side::kA, kUa));
  ASSERT_TRUE(ApprovePlan(t_.ws(), p.info.id, Approval::kAccept, rules::Side::kB, kRu));
  auto s = ApprovePlan(t_.ws(), p.info.id, Approval::kSign, rules::Side::kA, kUa);
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("not in force"), std::string::npos);
}

TEST_F(PlanNegotiationTest, RepairMakesANewPlanAndTheLedgerVerifies) {
  SignAgreementBothSides();
  PlanOutcome p = Propose();
  std::string partner;
  for (const plan::Candidate& c : p.plan.people) {
    if (c.side == rules::Side::kB && c.phase > 0 && c.record.id != "ru-custody:U1") {
      partner = c.record.id;
    }
  }
  ASSERT_FALSE(partner.empty());
  plan::RepairRequest r{.drop = {partner}, .reason = "refused", .executed_phases = 0};
  auto repaired = RepairStoredPlan(t_.ws(), p.info.id, r, {}, kRu);
  ASSERT_TRUE(repaired.has_value()) << repaired.error().Describe();
  EXPECT_EQ(repaired->info.kind, PlanKind::kRepair);
  EXPECT_EQ(repaired->info.parent_id, p.info.id);
  EXPECT_EQ(PlanInfo(t_.ws(), p.info.id)->state, PlanState::kSuperseded);
  // Minimal change: another soldier of b takes the dropped man's place.
  EXPECT_EQ(repaired->info.b_count, 2);
  auto loaded = LoadStoredPlan(t_.ws(), repaired->info.id);
  ASSERT_TRUE(loaded.has_value());
  auto who = plan::FindPerson(loaded->plan, partner);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(loaded->plan.people[*who].dropped, "refused");

  auto verified = store::VerifyWorkspaceLedger(t_.ws().db(), 1);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  auto integrity = t_.ws().CheckIntegrity();
  ASSERT_TRUE(integrity.has_value());
  EXPECT_TRUE(integrity->ok()) << integrity->problems.front();
}

}  // namespace
}  // namespace parley::negotiation
