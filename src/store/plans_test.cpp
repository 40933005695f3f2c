#include "store/plans.h"

#include <gtest/gtest.h>

#include <string>

#include "store/agreements.h"
#include "store/test_workspace.h"

namespace parley::store {
namespace {

class PlanRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PersonRecord r;
    r.id = "UA-1";
    r.surname = "Шевченко";
    r.given_name = "Дмитро";
    t_.Import("ua-request", ListKind::kRequest, "ua", {r});
    record_ = t_.Record("ua-request", "UA-1");
    auto id = InsertAgreement(t_.ws(), {.name = "deal",
                                        .version = 1,
                                        .title = "Deal",
                                        .party_a = "Ukraine",
                                        .party_b = "Russia",
                                        .source = "[agreement]",
                                        .sha256 = std::string(64, 'a'),
                                        .added_by = "negotiator1",
                                        .created_at = "2026-01-01T00:00:00Z"});
    ASSERT_TRUE(id.has_value()) << id.error().Describe();
    agreement_ = *id;
  }

  NewPlanRow Row(char hash, std::int64_t parent_id = 0) {
    return {.agreement_id = agreement_,
            .kind = parent_id > 0 ? "counter" : "proposal",
            .parent_id = parent_id,
            .side_a = "ua",
            .side_b = "ru",
            .document = std::string("{\"plan\":\"") + hash + "\"}",
            .sha256 = std::string(64, hash),
            .objective = 4,
            .a_count = 1,
            .b_count = 0,
            .created_by = "negotiator1",
            .now = "2026-01-03T00:00:00Z",
            .people = {{record_, 1, 2}}};
  }

  std::int64_t Insert(const NewPlanRow& row) {
    auto id = InsertPlan(t_.ws(), row);
    EXPECT_TRUE(id.has_value()) << id.error().Describe();
    return id.value_or(0);
  }

  testing::TempWorkspace t_{"parley-plans"};
  std::int64_t record_ = 0;
  std::int64_t agreement_ = 0;
};

TEST_F(PlanRowsTest, RoundTripsAPlanItsDocumentAndItsApprovals) {
  const std::int64_t id = Insert(Row('b'));
  ASSERT_TRUE(InsertPlanApproval(t_.ws(), {.plan_id = id,
                                           .action = "accept",
                                           .party = "b",
                                           .actor = "ru-negotiator",
                                           .content_sha256 = std::string(64, 'b'),
                                           .ledger_seq = 9,
                                           .at = "2026-01-04T00:00:00Z"})
                  .has_value());
  ASSERT_TRUE(InsertPlanApproval(t_.ws(), {.plan_id = id,
                                           .action = "accept",
                                           .party = "a",
                                           .actor = "ua-negotiator",
                                           .content_sha256 = std::string(64, 'b'),
                                           .ledger_seq = 11,
                                           .at = "2026-01-05T00:00:00Z"})
                  .has_value());

  auto found = PlanRowById(t_.ws(), id);
  ASSERT_TRUE(found.has_value()) << found.error().Describe();
  ASSERT_TRUE(found->has_value());
  const PlanRow& p = **found;
  EXPECT_EQ(p.agreement_id, agreement_);
  EXPECT_EQ(p.agreement_name, "deal");
  EXPECT_EQ(p.agreement_version, 1);
  EXPECT_EQ(p.kind, "proposal");
  EXPECT_EQ(p.parent_id, 0);
  EXPECT_EQ(p.side_a, "ua");
  EXPECT_EQ(p.side_b, "ru");
  EXPECT_EQ(p.state, "proposed");
  EXPECT_EQ(p.sha256, std::string(64, 'b'));
  EXPECT_EQ(p.objective, 4);
  EXPECT_EQ(p.a_count, 1);
  EXPECT_EQ(p.b_count, 0);
  EXPECT_EQ(p.created_by, "negotiator1");
  EXPECT_EQ(p.created_at, "2026-01-03T00:00:00Z");
  EXPECT_EQ(p.version, 1);
  ASSERT_EQ(p.approvals.size(), 2u);
  EXPECT_EQ(p.approvals[0].party, "b");  // in ledger order
  EXPECT_EQ(p.approvals[0].ledger_seq, 9);
  EXPECT_EQ(p.approvals[1].actor, "ua-negotiator");

  auto document = PlanDocument(t_.ws(), id);
  ASSERT_TRUE(document.has_value() && document->has_value());
  EXPECT_EQ(**document, "{\"plan\":\"b\"}");
  EXPECT_EQ(*PlansWithRecord(t_.ws(), record_), std::vector<std::int64_t>{id});
  ASSERT_EQ(ListPlanRows(t_.ws())->size(), 1u);
}

TEST_F(PlanRowsTest, NotFoundIsNoRow) {
  EXPECT_FALSE(PlanRowById(t_.ws(), 404)->has_value());
  EXPECT_FALSE(PlanDocument(t_.ws(), 404)->has_value());
  EXPECT_TRUE(PlanFamily(t_.ws(), 404)->empty());
  EXPECT_TRUE(PlansWithRecord(t_.ws(), record_)->empty());
  EXPECT_FALSE(FindLivePlan(t_.ws(), agreement_, std::string(64, 'b'))->has_value());
  EXPECT_TRUE(ListPlanRows(t_.ws())->empty());
}

TEST_F(PlanRowsTest, StateMovesOnlyFromTheVersionRead) {
  const std::int64_t id = Insert(Row('b'));
  EXPECT_TRUE(*UpdatePlanState(t_.ws(), id, 1, "accepted", "2026-01-06T00:00:00Z"));
  EXPECT_FALSE(*UpdatePlanState(t_.ws(), id, 1, "signed", "2026-01-07T00:00:00Z"));  // stale
  EXPECT_FALSE(*UpdatePlanState(t_.ws(), 404, 1, "signed", "2026-01-07T00:00:00Z"));
  auto p = PlanRowById(t_.ws(), id);
  ASSERT_TRUE(p.has_value() && p->has_value());
  EXPECT_EQ((*p)->state, "accepted");
  EXPECT_EQ((*p)->version, 2);
}

TEST_F(PlanRowsTest, LivePlansAndFamilies) {
  const std::int64_t proposal = Insert(Row('b'));
  EXPECT_EQ(*FindLivePlan(t_.ws(), agreement_, std::string(64, 'b')), proposal);
  const std::int64_t counter = Insert(Row('c', proposal));
  const std::int64_t other = Insert(Row('d'));
  ASSERT_TRUE(*UpdatePlanState(t_.ws(), proposal, 1, "superseded", "2026-01-06T00:00:00Z"));
  EXPECT_FALSE(FindLivePlan(t_.ws(), agreement_, std::string(64, 'b'))->has_value());
  EXPECT_EQ(*FindLivePlan(t_.ws(), agreement_, std::string(64, 'c')), counter);
  EXPECT_EQ((*PlanRowById(t_.ws(), counter))->parent_id, proposal);

  const std::set<std::int64_t> family = {proposal, counter};
  EXPECT_EQ(*PlanFamily(t_.ws(), proposal), family);
  EXPECT_EQ(*PlanFamily(t_.ws(), counter), family);
  EXPECT_EQ(*PlanFamily(t_.ws(), other), std::set<std::int64_t>{other});
}

}  // namespace
}  // namespace parley::store
