#include "ledger/party_signatures.h"

#include <gtest/gtest.h>

#include "ledger/event.h"

namespace parley::ledger {
namespace {

class PartySignatures : public ::testing::Test {
 protected:
  SigningKey ua_ = *GenerateSigningKey("ua-signer");
  SigningKey ru_ = *GenerateSigningKey("ru-signer");
  SigningKey icrc_ = *GenerateSigningKey("icrc");
  SigningKey node_ = *GenerateSigningKey("node");
  std::vector<std::string> leaves_;

  void Append(const SigningKey& key, std::string type, nlohmann::json body) {
    Event e{.seq = leaves_.size(),
            .type = std::move(type),
            .actor = key.Name(),
            .time = "2026-12-05T10:00:00Z",
            .body = std::move(body)};
    auto signed_event = SignEvent(std::move(e), key);
    ASSERT_TRUE(signed_event.has_value()) << signed_event.error().Describe();
    leaves_.push_back(signed_event->leaf_data);
  }
  void AddPinned() {
    Append(node_, "agreement.added",
           {{"agreement", "deal"},
            {"version", 1},
            {"a_key", ua_.Public().VerifierKey()},
            {"b_key", ru_.Public().VerifierKey()},
            {"mediator_keys", {icrc_.Public().VerifierKey()}}});
  }
  void SignAgreement(const SigningKey& key, const char* party) {
    Append(key, "agreement.signed", {{"agreement", "deal"}, {"version", 1}, {"party", party}});
  }
  PartySignatureReport Check(std::uint64_t from = 0) {
    auto report = CheckPartySignatures(std::span(leaves_).subspan(from), from);
    EXPECT_TRUE(report.has_value()) << report.error().Describe();
    return report ? *report : PartySignatureReport{};
  }
};

TEST_F(PartySignatures, EachPartyWithItsPinnedKeyAndTheMediatorAsWitnessPass) {
  AddPinned();
  SignAgreement(ua_, "a");
  SignAgreement(ru_, "b");
  Append(icrc_, "agreement.witnessed", {{"agreement", "deal"}, {"version", 1}});
  Append(ua_, "plan.accepted",
         {{"plan", 1}, {"agreement", "deal"}, {"agreement_version", 1}, {"party", "a"}});
  Append(icrc_, "plan.witnessed", {{"plan", 1}, {"agreement", "deal"}, {"agreement_version", 1}});
  const PartySignatureReport r = Check();
  EXPECT_TRUE(r.ok()) << r.mismatches.front();
  EXPECT_EQ(r.party_signatures, 3u);
  EXPECT_EQ(r.witnesses, 2u);
  EXPECT_EQ(r.matched, 3u);
  EXPECT_EQ(r.witnesses_matched, 2u);
}

TEST_F(PartySignatures, EveryWrongSignerIsNamed) {
  AddPinned();
  SignAgreement(node_, "a");  // the node vouching
  SignAgreement(ua_, "b");    // party a's key for party b
  SignAgreement(icrc_, "a");  // the mediator as a party
  Append(ru_, "plan.signed",
         {{"plan", 2}, {"agreement", "deal"}, {"agreement_version", 1}, {"party", "a"}});
  Append(ua_, "agreement.witnessed", {{"agreement", "deal"}, {"version", 1}});
  const PartySignatureReport r = Check();
  ASSERT_EQ(r.mismatches.size(), 5u);
  EXPECT_NE(r.mismatches[0].find("entry seq 1 (agreement.signed, agreement 'deal' version 1, "
                                 "party a) is signed by 'node'"),
            std::string::npos)
      << r.mismatches[0];
  EXPECT_NE(r.mismatches[0].find("not by the key pinned for party a, 'ua-signer'"),
            std::string::npos);
  EXPECT_NE(r.mismatches[1].find("signed by 'ua-signer'"), std::string::npos);
  EXPECT_NE(r.mismatches[2].find("signed by 'icrc'"), std::string::npos);
  EXPECT_NE(r.mismatches[3].find("plan.signed of plan 2"), std::string::npos) << r.mismatches[3];
  EXPECT_NE(r.mismatches[4].find("not a mediator key"), std::string::npos);
  EXPECT_EQ(r.matched, 0u);
}

TEST_F(PartySignatures, AKeyWithThePinnedNameButAnotherKeyIsRefused) {
  AddPinned();
  SigningKey impostor = *GenerateSigningKey("ua-signer");
  SignAgreement(impostor, "a");
  const PartySignatureReport r = Check();
  ASSERT_EQ(r.mismatches.size(), 1u);
  EXPECT_NE(r.mismatches[0].find("signed by 'ua-signer' (key id"), std::string::npos);
}

TEST_F(PartySignatures, UnpinnedAndOutOfRangeAgreementsAreCountedNotFailed) {
  Append(node_, "agreement.added", {{"agreement", "old"}, {"version", 1}});
  Append(node_, "agreement.signed", {{"agreement", "old"}, {"version", 1}, {"party", "a"}});
  AddPinned();
  SignAgreement(ua_, "a");
  EXPECT_EQ(Check().unpinned, 1u);
  // From seq 3 on, the pinning event is not in the range: nothing to compare with.
  const PartySignatureReport tail = Check(3);
  EXPECT_EQ(tail.unchecked, 1u);
  EXPECT_TRUE(tail.ok());
}

}  // namespace
}  // namespace parley::ledger
