// The pinned checkpoints file: what it accepts, and each way a log or the file can be wrong.
#include "ledger/pinned_checkpoints.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/file_io.h"
#include "ledger/proofs.h"

namespace parley::ledger {
namespace {

namespace fs = std::filesystem;

MerkleTree Tree(std::size_t n, const std::string& prefix = "e") {
  MerkleTree tree;
  for (std::size_t i = 0; i < n; ++i) tree.Append(HashLeaf(prefix + std::to_string(i)));
  return tree;
}

class PinnedCheckpoints : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-pin-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_.emplace(*GenerateSigningKey("node"));
  }
  void TearDown() override { fs::remove_all(dir_); }
  Result<void> Pin(const MerkleTree& tree) {
    return PinCheckpoint(file(), "o", tree.Size(), tree.Root(), *key_);
  }
  fs::path file() const { return dir_ / "pinned"; }

  fs::path dir_;
  std::optional<SigningKey> key_;
};

TEST_F(PinnedCheckpoints, NoFilePinsNothing) {
  auto check = CheckPinnedCheckpoints(file(), "o", key_->Public(), Tree(3));
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_FALSE(check->latest);
}

TEST_F(PinnedCheckpoints, AGrownLogPassesAndTheSamePinIsWrittenOnce) {
  ASSERT_TRUE(Pin(Tree(5)));
  ASSERT_TRUE(Pin(Tree(5)));
  ASSERT_TRUE(Pin(Tree(9)));
  auto lines = ReadPinnedCheckpoints(file(), "o", key_->Public());
  ASSERT_TRUE(lines);
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].size, 9u);
  for (std::size_t n : {9u, 10u, 40u}) {
    auto check = CheckPinnedCheckpoints(file(), "o", key_->Public(), Tree(n));
    ASSERT_TRUE(check) << n << ": " << check.error().message;
    EXPECT_EQ(check->latest->size, 9u);
  }
}

TEST_F(PinnedCheckpoints, AShorterLogIsRefusedNamingBothSizes) {
  ASSERT_TRUE(Pin(Tree(16)));
  for (std::size_t n : {0u, 15u}) {
    auto check = CheckPinnedCheckpoints(file(), "o", key_->Public(), Tree(n));
    ASSERT_FALSE(check);
    EXPECT_EQ(check.error().code, ErrorCode::kCorruption);
    EXPECT_NE(check.error().message.find("has " + std::to_string(n) + " entries"),
              std::string::npos)
        << check.error().message;
    EXPECT_NE(check.error().message.find("size 16"), std::string::npos);
  }
}

TEST_F(PinnedCheckpoints, ARewrittenHistoryFailsTheConsistencyProof) {
  ASSERT_TRUE(Pin(Tree(6)));
  MerkleTree forked = Tree(6, "x");
  for (int i = 0; i < 4; ++i) forked.Append(HashLeaf("y" + std::to_string(i)));
  auto check = CheckPinnedCheckpoints(file(), "o", key_->Public(), forked);
  ASSERT_FALSE(check);
  EXPECT_NE(check.error().message.find("is not an extension of"), std::string::npos);
  // Same size, other root: refused too.
  EXPECT_FALSE(CheckPinnedCheckpoints(file(), "o", key_->Public(), Tree(6, "x")));
}

TEST_F(PinnedCheckpoints, AnEditedForgedOrMovedLineIsRefusedNamingTheLine) {
  ASSERT_TRUE(Pin(Tree(3)));
  ASSERT_TRUE(Pin(Tree(4)));
  auto text = ReadWholeFile(file());
  ASSERT_TRUE(text);
  // Lower the size of the second line to make a shortened log pass.
  const auto second = text->find('\n') + 1;
  std::string edited = *text;
  edited[second] = '2';
  ASSERT_TRUE(WriteFileAtomically(file(), edited));
  auto lines = ReadPinnedCheckpoints(file(), "o", key_->Public());
  ASSERT_FALSE(lines);
  EXPECT_NE(lines.error().message.find("line 2:"), std::string::npos) << lines.error().message;
  // Another log's origin, or another key: refused.
  ASSERT_TRUE(WriteFileAtomically(file(), *text));
  EXPECT_FALSE(ReadPinnedCheckpoints(file(), "other", key_->Public()));
  auto stranger = GenerateSigningKey("node");
  EXPECT_FALSE(ReadPinnedCheckpoints(file(), "o", stranger->Public()));
  ASSERT_TRUE(WriteFileAtomically(file(), *text + "4 half"));
  EXPECT_FALSE(ReadPinnedCheckpoints(file(), "o", key_->Public()));
}

}  // namespace
}  // namespace parley::ledger
