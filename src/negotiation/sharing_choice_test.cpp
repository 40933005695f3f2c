#include "negotiation/sharing_choice.h"

#include <gtest/gtest.h>

#include <fstream>

#include "negotiation/agreement_store.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kSigner{"signer1", &testing::UaKey()};
const store::Actor kSignerRu{"signer2", &testing::RuKey()};

// The test agreement with a [sharing] table that shows the mediator surnames only and the other
// party the birth date, so each source of the policy is told apart by what it shares.
std::string WithSharing(const std::string& mediator_field) {
  return std::string(testing::kTestAgreement) + "\n[sharing]\nmediator = [\"" + mediator_field +
         "\"]\nother_party = [\"birth_date\"]\n";
}

void AddAndSign(store::Workspace& ws, const std::string& name, const std::string& text, bool both) {
  ASSERT_TRUE(AddAgreement(ws, name, text, name + ".toml", kSigner).has_value());
  ASSERT_TRUE(SignAgreement(ws, name, std::nullopt, rules::Side::kA, kSigner).has_value());
  if (both) {
    ASSERT_TRUE(SignAgreement(ws, name, std::nullopt, rules::Side::kB, kSignerRu).has_value());
  }
}

TEST(SharingChoice, DefaultPolicyWhenNoAgreementIsInForce) {
  testing::TestWorkspace t;
  AddAndSign(t.ws(), "draft", WithSharing("surname"), /*both=*/false);
  auto choice = ChooseSharing(t.ws(), "mediator", "");
  ASSERT_TRUE(choice.has_value()) << choice.error().Describe();
  EXPECT_EQ(choice->policy_source, "the default policy");
  EXPECT_EQ(choice->request.role, "mediator");
  EXPECT_TRUE(choice->request.shares("given_name"));  // the default shows names
  EXPECT_FALSE(choice->request.shares("health"));
  auto other = ChooseSharing(t.ws(), "ru", "");
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(other->shares_anything);
}

TEST(SharingChoice, TheAgreementInForceIsUsedAndTheLatestSignedWins) {
  testing::TestWorkspace t;
  AddAndSign(t.ws(), "first", WithSharing("surname"), /*both=*/true);
  AddAndSign(t.ws(), "second", WithSharing("patronymic"), /*both=*/true);
  auto choice = ChooseSharing(t.ws(), "mediator", "");
  ASSERT_TRUE(choice.has_value()) << choice.error().Describe();
  EXPECT_EQ(choice->policy_source, "agreement second version 1 (in force)");
  EXPECT_TRUE(choice->request.shares("patronymic"));
  EXPECT_FALSE(choice->request.shares("surname"));
  auto other = ChooseSharing(t.ws(), "ru", "");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->request.role, "other_party");
  EXPECT_TRUE(other->request.shares("birth_date"));
}

TEST(SharingChoice, AgreementByStoredNameOrFile) {
  testing::TestWorkspace t;
  AddAndSign(t.ws(), "draft", WithSharing("surname"), /*both=*/false);
  auto by_name = ChooseSharing(t.ws(), "mediator", "draft");
  ASSERT_TRUE(by_name.has_value()) << by_name.error().Describe();
  EXPECT_EQ(by_name->policy_source, "agreement draft version 1");
  EXPECT_TRUE(by_name->request.shares("surname"));
  EXPECT_FALSE(by_name->request.shares("given_name"));

  const auto file = t.dir() / "file.toml";
  std::ofstream(file) << WithSharing("rank");
  auto by_file = ChooseSharing(t.ws(), "mediator", file.string());
  ASSERT_TRUE(by_file.has_value()) << by_file.error().Describe();
  EXPECT_EQ(by_file->policy_source, "agreement file " + file.string());
  EXPECT_TRUE(by_file->request.shares("rank"));

  auto missing = ChooseSharing(t.ws(), "mediator", "nowhere");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("neither a file nor"), std::string::npos);
}

}  // namespace
}  // namespace parley::negotiation
