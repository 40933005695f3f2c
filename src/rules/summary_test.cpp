#include "rules/summary.h"

#include <gtest/gtest.h>

#include "rules/agreement_parser.h"

namespace parley::rules {
namespace {

TEST(Summary, IstanbulReadsLikeTheDeal) {
  auto a = LoadAgreementFile("examples/agreements/istanbul-2025.toml");
  ASSERT_TRUE(a.has_value());
  std::string s = DescribeAgreement(*a);
  EXPECT_NE(s.find("Between Ukraine (side a) and Russian Federation (side b), mediated by "
                   "Türkiye."),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("Outside any ratio"), std::string::npos);
  EXPECT_NE(s.find("All for all"), std::string::npos);
  EXPECT_NE(s.find("aged 18 to 25"), std::string::npos);
  EXPECT_NE(s.find("declined repatriation"), std::string::npos);
  EXPECT_NE(s.find("Only in phase 1."), std::string::npos);
}

TEST(Summary, PhasedDealShowsCapsAndTotal) {
  auto a = LoadAgreementFile("examples/agreements/istanbul-1000-for-1000.toml");
  ASSERT_TRUE(a.has_value());
  std::string s = DescribeAgreement(*a);
  EXPECT_NE(s.find("at most 390, 307, 303 people"), std::string::npos) << s;
  EXPECT_NE(s.find("at least 1000 people in all"), std::string::npos) << s;
}

TEST(Summary, DixHillShowsPoints) {
  auto a = LoadAgreementFile("examples/agreements/dix-hill-1862.toml");
  ASSERT_TRUE(a.has_value());
  std::string s = DescribeAgreement(*a);
  EXPECT_NE(s.find("commanding general 60"), std::string::npos) << s;
  EXPECT_NE(s.find("pool 'citizens' counts people"), std::string::npos) << s;
}

}  // namespace
}  // namespace parley::rules
