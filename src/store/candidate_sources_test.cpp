// What candidate selection reads: sides, their custody lists by name, and only accepted links
// with both ends' list, kind and side.
#include "store/candidate_sources.h"

#include <gtest/gtest.h>

#include "store/link_store.h"
#include "store/test_workspace.h"

namespace parley::store {
namespace {

std::vector<PersonRecord> People(const std::string& prefix) {
  std::vector<PersonRecord> people;
  for (int i = 1; i <= 2; ++i) {
    PersonRecord r;
    r.id = prefix + std::to_string(i);
    r.surname = "Шевченко";
    r.given_name = "Дмитро";
    people.push_back(r);
  }
  return people;
}

TEST(CandidateSources, SidesAndTheirCustodyListsByName) {
  testing::TempWorkspace t("parley-cand");
  t.Import("ua-custody-b", ListKind::kCustody, "ua", People("B"));
  t.Import("ua-custody-a", ListKind::kCustody, "ua", People("A"));
  t.Import("ru-request", ListKind::kRequest, "ru", People("Q"));
  EXPECT_TRUE(*SideExists(t.ws(), "ua"));
  EXPECT_FALSE(*SideExists(t.ws(), "xx"));
  EXPECT_EQ(*CustodyListNames(t.ws(), "ua"),
            (std::vector<std::string>{"ua-custody-a", "ua-custody-b"}));
  EXPECT_TRUE(CustodyListNames(t.ws(), "ru")->empty());
}

TEST(CandidateSources, OnlyAcceptedLinksWithBothEnds) {
  testing::TempWorkspace t("parley-cand");
  t.Import("ua-custody", ListKind::kCustody, "ua", People("R"));
  t.Import("ru-request", ListKind::kRequest, "ru", People("Q"));
  const std::int64_t q1 = t.Record("ru-request", "Q1"), r1 = t.Record("ua-custody", "R1");
  const std::int64_t q2 = t.Record("ru-request", "Q2"), r2 = t.Record("ua-custody", "R2");
  LinkStore links(t.ws());
  ReconcileRun run;
  run.actor = "t";
  run.created_at = "t";
  // Q1-R1 accepted automatically; Q2-R2 awaits review.
  auto saved = links.SaveRun(
      "ru-request", "ua-custody",
      {{q1, r1, 1, 1, 0.99, 5, "[]", true}, {q2, r2, 1, 1, 0.7, 5, "[]", false}}, run, {"t"});
  ASSERT_TRUE(saved.has_value()) << saved.error().Describe();
  auto accepted = AcceptedLinks(t.ws());
  ASSERT_TRUE(accepted.has_value()) << accepted.error().Describe();
  ASSERT_EQ(accepted->size(), 1u);
  const AcceptedLinkRow& link = accepted->front();
  EXPECT_EQ(link.left.record_id, q1);
  EXPECT_EQ(link.left.list, "ru-request");
  EXPECT_EQ(link.left.kind, "request");
  EXPECT_EQ(link.left.side, "ru");
  EXPECT_EQ(link.right.record_id, r1);
  EXPECT_EQ(link.right.list, "ua-custody");
  EXPECT_EQ(link.right.kind, "custody");
  EXPECT_EQ(link.right.side, "ua");
}

}  // namespace
}  // namespace parley::store
