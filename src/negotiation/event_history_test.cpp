#include "negotiation/event_history.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "negotiation/agreement_store.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kSigner{"signer1", &testing::UaKey()};

std::vector<std::string> Types(const Result<std::vector<HistoryEvent>>& events) {
  std::vector<std::string> out;
  if (!events) return {"error: " + events.error().Describe()};
  for (const auto& e : *events) out.push_back(e.event.event.type);
  return out;
}

TEST(EventHistory, ARecordSeesItsListVersionAndItsOwnLinkDecisionOnly) {
  testing::TestWorkspace t;
  // U4 was confirmed by an analyst (link.decided); U1 was linked automatically (no decision).
  const std::int64_t u4 = std::stoll(t.Id("ru-custody", "U4"));
  const std::int64_t u1 = std::stoll(t.Id("ru-custody", "U1"));
  auto decided = RecordEvents(t.ws(), u4);
  ASSERT_TRUE(decided.has_value()) << decided.error().Describe();
  const auto types = Types(decided);
  EXPECT_EQ(types.front(), "list.version_submitted");
  EXPECT_EQ(std::count(types.begin(), types.end(), "link.decided"), 1);
  for (const auto& e : *decided) {
    if (e.event.event.type == "link.decided") {
      EXPECT_EQ(e.event.event.body.value("right_record", std::int64_t{0}), u4);
    }
  }
  EXPECT_EQ(Types(RecordEvents(t.ws(), u1)), std::vector<std::string>{"list.version_submitted"});
}

TEST(EventHistory, AnAgreementSeesItsVersionsAndSignaturesNotAnother) {
  testing::TestWorkspace t;
  ASSERT_TRUE(AddAgreement(t.ws(), "deal", testing::kTestAgreement, "d.toml", kSigner));
  ASSERT_TRUE(AddAgreement(t.ws(), "deal-2", testing::kTestAgreement, "e.toml", kSigner));
  ASSERT_TRUE(SignAgreement(t.ws(), "deal", std::nullopt, rules::Side::kA, kSigner));
  EXPECT_EQ(Types(AgreementEvents(t.ws(), "deal")),
            (std::vector<std::string>{"agreement.added", "agreement.signed"}));
  EXPECT_EQ(Types(AgreementEvents(t.ws(), "deal-2")), std::vector<std::string>{"agreement.added"});
  auto missing = AgreementEvents(t.ws(), "none");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto no_plan = PlanEvents(t.ws(), 42);
  ASSERT_FALSE(no_plan.has_value());
  EXPECT_EQ(no_plan.error().code, ErrorCode::kNotFound);
}

TEST(EventHistory, AListSeesItsVersionsAndTheLinksItTookPartIn) {
  testing::TestWorkspace t;
  auto events = ListEvents(t.ws(), "ru-custody");
  ASSERT_TRUE(events.has_value()) << events.error().Describe();
  const auto types = Types(events);
  EXPECT_EQ(types.front(), "list.version_submitted");
  EXPECT_GE(std::count(types.begin(), types.end(), "link.decided"), 1);
  for (const auto& e : *events) {
    const auto& body = e.event.event.body;
    EXPECT_TRUE(body.value("list", "") == "ru-custody" ||
                body.value("left_list", "") == "ru-custody" ||
                body.value("right_list", "") == "ru-custody")
        << body.dump();
  }
  // ua-custody's own history holds none of ru-custody's events.
  auto other = ListEvents(t.ws(), "ua-custody");
  ASSERT_TRUE(other.has_value());
  for (const auto& e : *other)
    EXPECT_EQ(e.event.event.body.dump().find("ru-custody"), std::string::npos);
  auto missing = ListEvents(t.ws(), "none");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::negotiation
