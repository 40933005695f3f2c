#include "negotiation/agreement_store.h"

#include <gtest/gtest.h>

#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kNegotiator{"negotiator1", nullptr};
const store::Actor kUa{"signer-ua", &testing::UaKey()};
const store::Actor kRu{"signer-ru", &testing::RuKey()};

std::uint64_t LogSize(store::Workspace& ws) { return (*ws.Events())->Size(); }

TEST(AgreementStore, AddIsVersionedAndIdenticalTextIsANoOp) {
  testing::TestWorkspace t;
  const std::uint64_t before = LogSize(t.ws());
  auto first = AddAgreement(t.ws(), "deal", testing::kTestAgreement, "deal.toml", kNegotiator);
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_FALSE(first->unchanged);
  EXPECT_EQ(first->agreement.version, 1);
  EXPECT_EQ(first->agreement.state, AgreementState::kDraft);
  EXPECT_EQ(first->agreement.party_a, "Ukraine");
  EXPECT_EQ(first->agreement.sha256.size(), 64u);
  EXPECT_EQ(LogSize(t.ws()), before + 1);

  auto again = AddAgreement(t.ws(), "deal", testing::kTestAgreement, "deal.toml", kNegotiator);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->agreement.version, 1);
  EXPECT_EQ(LogSize(t.ws()), before + 1);

  std::string changed = std::string(testing::kTestAgreement) + "\n# amended\n";
  auto second = AddAgreement(t.ws(), "deal", changed, "deal.toml", kNegotiator);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->agreement.version, 2);
  auto latest = FindAgreement(t.ws(), "deal", std::nullopt);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->version, 2);
  auto v1 = FindAgreement(t.ws(), "deal", 1);
  ASSERT_TRUE(v1.has_value());
  EXPECT_EQ(v1->source, testing::kTestAgreement);
  EXPECT_EQ(ListAgreements(t.ws())->size(), 2u);
}

TEST(AgreementStore, InvalidTextIsRefusedWithLineAndNothingIsStored) {
  testing::TestWorkspace t;
  const std::uint64_t before = LogSize(t.ws());
  auto bad = AddAgreement(t.ws(), "deal", "[agreement]\ntitle = 3\n", "bad.toml", kNegotiator);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().where.file, "bad.toml");
  EXPECT_GT(bad.error().where.row, 0);
  EXPECT_TRUE(ListAgreements(t.ws())->empty());
  EXPECT_EQ(LogSize(t.ws()), before);
  auto bad_name = AddAgreement(t.ws(), "a b", testing::kTestAgreement, "x", kNegotiator);
  ASSERT_FALSE(bad_name.has_value());
  EXPECT_EQ(bad_name.error().where.field, "--name");
}

TEST(AgreementStore, InForceWhenBothPartiesSignedAndASecondSignatureIsANoOp) {
  testing::TestWorkspace t;
  ASSERT_TRUE(AddAgreement(t.ws(), "deal", testing::kTestAgreement, "deal.toml", kNegotiator));
  auto a = SignAgreement(t.ws(), "deal", std::nullopt, rules::Side::kA, kUa);
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_EQ(a->agreement.state, AgreementState::kSigned);
  const std::uint64_t size = LogSize(t.ws());
  auto again = SignAgreement(t.ws(), "deal", 1, rules::Side::kA, kUa);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(LogSize(t.ws()), size);
  auto b = SignAgreement(t.ws(), "deal", 1, rules::Side::kB, kRu);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->agreement.state, AgreementState::kInForce);
  ASSERT_EQ(b->agreement.signatures.size(), 2u);
  EXPECT_EQ(b->agreement.signatures[1].signer, "signer-ru");
  // Signatures and agreements are never edited or removed.
  EXPECT_FALSE(t.ws().db().Exec("DELETE FROM agreement_signatures").has_value());
  EXPECT_FALSE(t.ws().db().Exec("UPDATE agreements SET title = 'x'").has_value());
}

TEST(AgreementStore, UnknownNameOrVersionAndPartyAreNamed) {
  testing::TestWorkspace t;
  auto none = SignAgreement(t.ws(), "nope", std::nullopt, rules::Side::kA, kNegotiator);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(AddAgreement(t.ws(), "deal", testing::kTestAgreement, "deal.toml", kNegotiator));
  auto v9 = FindAgreement(t.ws(), "deal", 9);
  ASSERT_FALSE(v9.has_value());
  EXPECT_NE(v9.error().message.find("latest is 1"), std::string::npos);
  auto deal = FindAgreement(t.ws(), "deal", std::nullopt);
  EXPECT_EQ(*ParsePartySide(*deal, "russia"), rules::Side::kB);
  EXPECT_EQ(*ParsePartySide(*deal, "a"), rules::Side::kA);
  EXPECT_FALSE(ParsePartySide(*deal, "mediator").has_value());
  EXPECT_EQ(ActingSide(*deal, rules::Side::kA), "Ukraine");  // no a_side: the party's name
}

TEST(AgreementStore, ActingSidesComeFromPartiesTable) {
  testing::TestWorkspace t;
  std::string text = testing::kTestAgreement;
  const std::string parties = "b = \"Russia\"\n";
  text.replace(text.find(parties), parties.size(), parties + "a_side = \"ua\"\nb_side = \"ru\"\n");
  ASSERT_TRUE(AddAgreement(t.ws(), "sided", text, "sided.toml", kNegotiator));
  auto deal = FindAgreement(t.ws(), "sided", std::nullopt);
  ASSERT_TRUE(deal.has_value());
  EXPECT_EQ(ActingSide(*deal, rules::Side::kA), "ua");
  EXPECT_EQ(ActingSide(*deal, rules::Side::kB), "ru");
  EXPECT_EQ(*ParsePartySide(*deal, "RU"), rules::Side::kB);
  EXPECT_EQ(*ParsePartySide(*deal, "ukraine"), rules::Side::kA);
}

TEST(AgreementStore, TheAgreementInForceIsTheLastToComeIntoForce) {
  testing::TestWorkspace t;
  auto none = AgreementInForce(t.ws());
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());
  const std::string other = std::string(testing::kTestAgreement) + "\n# other\n";
  ASSERT_TRUE(AddAgreement(t.ws(), "old", testing::kTestAgreement, "old.toml", kNegotiator));
  ASSERT_TRUE(AddAgreement(t.ws(), "new", other, "new.toml", kNegotiator));
  ASSERT_TRUE(SignAgreement(t.ws(), "new", std::nullopt, rules::Side::kA, kUa));
  ASSERT_TRUE(SignAgreement(t.ws(), "old", std::nullopt, rules::Side::kA, kUa));
  EXPECT_FALSE(AgreementInForce(t.ws())->has_value());  // signed by one party only
  ASSERT_TRUE(SignAgreement(t.ws(), "old", std::nullopt, rules::Side::kB, kRu));
  EXPECT_EQ((*AgreementInForce(t.ws()))->name, "old");
  ASSERT_TRUE(SignAgreement(t.ws(), "new", std::nullopt, rules::Side::kB, kRu));
  auto in_force = AgreementInForce(t.ws());
  ASSERT_TRUE(in_force.has_value() && in_force->has_value());
  EXPECT_EQ((*in_force)->name, "new");
  EXPECT_EQ((*in_force)->state, AgreementState::kInForce);
}

}  // namespace
}  // namespace parley::negotiation
