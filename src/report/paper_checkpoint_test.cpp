#include "report/paper_checkpoint.h"

#include <gtest/gtest.h>

#include "store/event_log.h"
#include "store/test_workspace.h"

namespace parley::report {
namespace {

const std::string kRoot(64, 'c');

TEST(PaperCheckpoint, FormatsAndParsesTheLine) {
  const PaperCheckpoint cp{
      .origin = "parley/n/ab", .size = 12, .root_hex = kRoot, .doc_id = "act-plan1-phase2"};
  const std::string line = FormatPaperCheckpoint(cp);
  EXPECT_EQ(line, "parley-checkpoint v1 parley/n/ab 12 " + kRoot + " act-plan1-phase2");
  auto parsed = ParsePaperCheckpoint("  " + line + "\n");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  EXPECT_EQ(*parsed, cp);
}

TEST(PaperCheckpoint, RefusesEachWayTheLineCanBeWrong) {
  const std::string tail = " " + kRoot + " doc";
  EXPECT_FALSE(ParsePaperCheckpoint("hello").has_value());
  EXPECT_EQ(ParsePaperCheckpoint("parley-checkpoint v2 o 1" + tail).error().code,
            ErrorCode::kUnsupported);
  EXPECT_FALSE(ParsePaperCheckpoint("parley-checkpoint v1 o x1" + tail).has_value());
  EXPECT_FALSE(ParsePaperCheckpoint("parley-checkpoint v1 o 01" + tail).has_value());
  EXPECT_FALSE(ParsePaperCheckpoint("parley-checkpoint v1 o 1 " + std::string(63, 'c') + " doc")
                   .has_value());
  EXPECT_FALSE(ParsePaperCheckpoint("parley-checkpoint v1 o 1 " + std::string(64, 'C') + " doc")
                   .has_value());
  EXPECT_FALSE(ParsePaperCheckpoint("parley-checkpoint v1 o  1" + tail).has_value());
}

class PaperCheckpointWorkspace : public ::testing::Test {
 protected:
  store::testing::TempWorkspace t_{"parley-report"};

  void AppendEvent() {
    store::LoggedTransaction tx(t_.ws());
    ASSERT_TRUE(tx.Begin().has_value());
    ASSERT_TRUE(tx.Commit({.name = "test"}, "test.probe", {{"n", 1}}).has_value());
  }
};

TEST_F(PaperCheckpointWorkspace, APaperFromAnEarlierStateStillChecksAForgedRootDoesNot) {
  AppendEvent();
  auto cp = CurrentPaperCheckpoint(t_.ws(), "doc-1");
  ASSERT_TRUE(cp.has_value()) << cp.error().Describe();
  EXPECT_EQ(cp->size, 1u);
  AppendEvent();  // the log moves on; the paper stays true of its prefix
  auto ok = VerifyPaperCheckpoint(t_.ws(), FormatPaperCheckpoint(*cp));
  ASSERT_TRUE(ok.has_value()) << ok.error().Describe();
  EXPECT_EQ(ok->log_size, 2u);

  PaperCheckpoint forged = *cp;
  forged.root_hex[0] = forged.root_hex[0] == 'a' ? 'b' : 'a';
  auto refused = VerifyPaperCheckpoint(t_.ws(), FormatPaperCheckpoint(forged));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kCorruption);

  PaperCheckpoint future = *cp;
  future.size = 9;
  EXPECT_EQ(VerifyPaperCheckpoint(t_.ws(), FormatPaperCheckpoint(future)).error().code,
            ErrorCode::kConflict);
  PaperCheckpoint elsewhere = *cp;
  elsewhere.origin = "parley/other/00";
  EXPECT_EQ(VerifyPaperCheckpoint(t_.ws(), FormatPaperCheckpoint(elsewhere)).error().code,
            ErrorCode::kConflict);
}

}  // namespace
}  // namespace parley::report
