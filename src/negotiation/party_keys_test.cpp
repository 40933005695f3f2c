// Who may sign for a party and who may witness: each wrong signer is refused naming why, and
// nothing is written (no signature row, no ledger event).
#include "negotiation/party_keys.h"

#include <gtest/gtest.h>

#include "negotiation/agreement_store.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kUa{"ua", &testing::UaKey()};
const store::Actor kRu{"ru", &testing::RuKey()};
const store::Actor kMediator{"icrc", &testing::MediatorKey()};
const store::Actor kNodeVouches{"someone", nullptr};

std::uint64_t LogSize(store::Workspace& ws) { return (*ws.Events())->Size(); }

class PartyKeys : public ::testing::Test {
 protected:
  testing::TestWorkspace t_;
  void SetUp() override {
    ASSERT_TRUE(AddAgreement(t_.ws(), "deal", testing::kTestAgreement, "deal.toml", kUa));
  }
  // Refused with field "key", a message holding `says`, and nothing written.
  void ExpectRefused(rules::Side party, const store::Actor& actor, const std::string& says) {
    const std::uint64_t before = LogSize(t_.ws());
    auto r = SignAgreement(t_.ws(), "deal", std::nullopt, party, actor);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().where.field, "key");
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("nothing was signed"), std::string::npos);
    EXPECT_EQ(LogSize(t_.ws()), before);
    EXPECT_TRUE(FindAgreement(t_.ws(), "deal", std::nullopt)->signatures.empty());
  }
};

TEST_F(PartyKeys, EachPartySignsWithItsOwnPinnedKey) {
  auto a = SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kA, kUa);
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto b = SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kB, kRu);
  ASSERT_TRUE(b.has_value()) << b.error().Describe();
  EXPECT_EQ(b->agreement.state, AgreementState::kInForce);
  EXPECT_EQ(b->agreement.signatures[0].signer, "signer-ua");  // the key's name signs
  EXPECT_EQ(b->agreement.signatures[1].signer, "signer-ru");
}

TEST_F(PartyKeys, TheNodeKeyNeverSignsForAParty) {
  ExpectRefused(rules::Side::kA, kNodeVouches, "needs that party's own key 'signer-ua'");
  ExpectRefused(rules::Side::kA, kNodeVouches, "the node key never signs for a party");
  auto events = t_.ws().Events();
  ASSERT_TRUE(events.has_value());
  const store::Actor node{"node", &(*events)->NodeKey()};
  ExpectRefused(rules::Side::kA, node, "is this node's key");
}

TEST_F(PartyKeys, AnotherPartysOrTheMediatorsOrAStrangersKeyIsRefused) {
  ExpectRefused(rules::Side::kA, kRu, "is the key agreement 'deal' version 1 pins for party b");
  ExpectRefused(rules::Side::kB, kUa, "pins for party a (Ukraine), not for party b (Russia)");
  ExpectRefused(rules::Side::kA, kMediator, "is a mediator key");
  ExpectRefused(rules::Side::kA, kMediator, "never sign for a party");
  // Same name as party a's key, another key: the name proves nothing.
  auto impostor = ledger::GenerateSigningKey("signer-ua");
  ASSERT_TRUE(impostor.has_value());
  ExpectRefused(rules::Side::kA, {"x", &*impostor},
                "is not the key agreement 'deal' version 1 pins for party a");
}

TEST_F(PartyKeys, AnUnpinnedAgreementCannotBeSignedByAnyone) {
  ASSERT_TRUE(AddAgreement(t_.ws(), "loose", testing::kUnpinnedTestAgreement, "loose.toml", kUa));
  const std::uint64_t before = LogSize(t_.ws());
  auto r = SignAgreement(t_.ws(), "loose", std::nullopt, rules::Side::kA, kUa);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("pins no key for party a (Ukraine)"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("add a_key ="), std::string::npos);
  EXPECT_EQ(LogSize(t_.ws()), before);
}

TEST_F(PartyKeys, TheMediatorWitnessesAndOnlyWithAPinnedMediatorKey) {
  const std::uint64_t before = LogSize(t_.ws());
  auto refused = WitnessAgreement(t_.ws(), "deal", std::nullopt, kUa);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("is not a mediator key"), std::string::npos);
  EXPECT_EQ(LogSize(t_.ws()), before);
  auto w = WitnessAgreement(t_.ws(), "deal", std::nullopt, kMediator);
  ASSERT_TRUE(w.has_value()) << w.error().Describe();
  EXPECT_FALSE(w->unchanged);
  EXPECT_EQ(w->witness, "mediator");
  EXPECT_EQ(w->agreement.state, AgreementState::kDraft);  // a witness is no party's signature
  EXPECT_EQ(LogSize(t_.ws()), before + 1);
  auto again = WitnessAgreement(t_.ws(), "deal", std::nullopt, kMediator);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(LogSize(t_.ws()), before + 1);
}

TEST_F(PartyKeys, PlanApprovalsNeedThePartysKeyToo) {
  ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kA, kUa));
  ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kB, kRu));
  ProposeRequest request;
  request.agreement = "deal";
  request.side_a = "ua";
  request.side_b = "ru";
  auto p = ProposePlan(t_.ws(), request, kUa);
  ASSERT_TRUE(p.has_value()) << p.error().Describe();
  const std::uint64_t before = LogSize(t_.ws());
  for (const store::Actor* wrong : {&kRu, &kMediator, &kNodeVouches}) {
    auto r = ApprovePlan(t_.ws(), p->info.id, Approval::kAccept, rules::Side::kA, *wrong);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().where.field, "key");
    EXPECT_NE(r.error().message.find("plan " + std::to_string(p->info.id)), std::string::npos)
        << r.error().message;
  }
  EXPECT_EQ(LogSize(t_.ws()), before);
  EXPECT_TRUE(PlanInfo(t_.ws(), p->info.id)->approvals.empty());
  ASSERT_TRUE(ApprovePlan(t_.ws(), p->info.id, Approval::kAccept, rules::Side::kA, kUa));
  // Even where party a already accepted, party b's key is refused for a (not a silent no-op).
  EXPECT_FALSE(ApprovePlan(t_.ws(), p->info.id, Approval::kAccept, rules::Side::kA, kRu));
  auto w = WitnessPlan(t_.ws(), p->info.id, kMediator);
  ASSERT_TRUE(w.has_value()) << w.error().Describe();
  EXPECT_FALSE(WitnessPlan(t_.ws(), p->info.id, kRu).has_value());
}

}  // namespace
}  // namespace parley::negotiation
