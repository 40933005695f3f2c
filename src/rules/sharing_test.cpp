// The agreement's [sharing] table: what each recipient sees, the default when it is absent, and
// every malformed policy refused with its line and column.
#include "rules/sharing.h"

#include <gtest/gtest.h>

#include "rules/agreement_parser.h"

namespace parley::rules {
namespace {

constexpr const char* kHead = R"([agreement]
title = "Test"
date = 2025-06-09

[parties]
a = "A"
b = "B"
mediators = ["Türkiye"]

[[category]]
id = "soldiers"
when = { category = "military" }

)";

Result<Agreement> Parse(const std::string& sharing) {
  return ParseAgreement(std::string(kHead) + sharing, "deal.toml");
}

std::string ErrorOf(const std::string& sharing) {
  auto a = Parse(sharing);
  return a ? "" : a.error().Describe();
}

TEST(SharingPolicy, DefaultShowsTheMediatorIdentityNeverHealthAndTheOtherPartyNothing) {
  const SharingPolicy p = DefaultSharingPolicy();
  EXPECT_FALSE(p.from_agreement);
  for (const char* f : {"surname", "given_name", "birth_date", "service_number", "rank"}) {
    EXPECT_TRUE(p.Shares(Recipient::kMediator, f)) << f;
  }
  EXPECT_FALSE(p.Shares(Recipient::kMediator, "health"));
  EXPECT_FALSE(p.Shares(Recipient::kMediator, "notes"));
  EXPECT_FALSE(p.Shares(Recipient::kMediator, "capture_place"));  // extra columns: not listed
  EXPECT_FALSE(p.Shares(Recipient::kOtherParty, "surname"));
  EXPECT_TRUE(p.SharesAnything(Recipient::kMediator));
  EXPECT_FALSE(p.SharesAnything(Recipient::kOtherParty));
}

TEST(SharingPolicy, AnAgreementWithoutSharingGetsTheDefault) {
  auto a = Parse("");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_FALSE(a->sharing.from_agreement);
  EXPECT_TRUE(a->sharing.Shares(Recipient::kMediator, "surname"));
}

TEST(SharingPolicy, ParsedListsStarAndNever) {
  auto a = Parse(R"([sharing]
mediator = "*"
other_party = ["surname", "given_name", "capture_place"]
never = ["health"]
)");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  const SharingPolicy& p = a->sharing;
  EXPECT_TRUE(p.from_agreement);
  EXPECT_TRUE(p.Shares(Recipient::kMediator, "notes"));
  EXPECT_TRUE(p.Shares(Recipient::kMediator, "capture_place"));
  EXPECT_FALSE(p.Shares(Recipient::kMediator, "health"));  // never wins over "*"
  EXPECT_TRUE(p.Shares(Recipient::kOtherParty, "capture_place"));
  EXPECT_FALSE(p.Shares(Recipient::kOtherParty, "birth_date"));
}

TEST(SharingPolicy, AnExplicitPolicyStartsFromNothingShared) {
  auto a = Parse("[sharing]\nmediator = [\"surname\"]\n");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_FALSE(a->sharing.Shares(Recipient::kMediator, "birth_date"));
  EXPECT_FALSE(a->sharing.SharesAnything(Recipient::kOtherParty));
  EXPECT_TRUE(a->sharing.never.empty());
}

TEST(SharingPolicyErrors, EachNamesLineColumnAndFix) {
  EXPECT_EQ(ErrorOf("[sharing]\nmediators = [\"surname\"]\n"),
            "deal.toml: row 15, column 1: unknown key 'mediators' in [sharing]; allowed keys: "
            "mediator, other_party, never");
  EXPECT_EQ(ErrorOf("[sharing]\nmediator = [\"surnme\"]\n"),
            "deal.toml: row 15, column 13: unknown field 'surnme' in [sharing] mediator; did you "
            "mean 'surname'?");
  EXPECT_EQ(ErrorOf("[sharing]\nmediator = [\"id\"]\n"),
            "deal.toml: row 15, column 13: 'id' is always shown with a disclosed record; remove "
            "it from [sharing] mediator");
  EXPECT_EQ(ErrorOf("[sharing]\nother_party = [\"rank\", \"rank\"]\n"),
            "deal.toml: row 15, column 24: 'rank' is listed twice in [sharing] other_party");
  EXPECT_EQ(ErrorOf("[sharing]\nmediator = \"surname\"\n"),
            "deal.toml: row 15, column 12: 'mediator' must be a list of fields, e.g. mediator = "
            "[\"surname\", \"birth_date\"], or \"*\" for every field");
  EXPECT_NE(ErrorOf("[sharing]\nmediator = [\"*\", \"rank\"]\n")
                .find("write [sharing] mediator = "
                      "\"*\" alone"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[sharing]\nnever = \"*\"\n").find("'never' must be a list of fields"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("[sharing]\nmediator = [\"surname\", \"health\"]\nnever = [\"health\"]\n"),
            "deal.toml: row 15, column 12: contradictory: 'health' is shared with the mediator "
            "but [sharing] never lists it; remove it from one");
  auto top = ParseAgreement("sharing = 3\n" + std::string(kHead), "deal.toml");
  ASSERT_FALSE(top.has_value());
  EXPECT_NE(top.error().message.find("'sharing' must be a table"), std::string::npos);
  EXPECT_NE(ErrorOf("[sharing]\nmediator = [3]\n").find("must be a string"), std::string::npos);
}

}  // namespace
}  // namespace parley::rules
