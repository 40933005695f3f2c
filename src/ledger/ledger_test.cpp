#include "ledger/ledger.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/file_io.h"
#include "ledger/proofs.h"
#include "ledger/test_support.h"

namespace parley::ledger {
namespace {

namespace fs = std::filesystem;
constexpr char kOrigin[] = "parley.test/ledger";

fs::path TempDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("parley_ledger_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

Result<Ledger> OpenAt(const fs::path& dir, bool sync = false) {
  auto storage = FileEntryStorage::Open(dir, {.sync = sync});
  if (!storage) return std::unexpected(storage.error());
  return Ledger::Open(std::move(*storage), {.origin = kOrigin, .trusted = {}, .threads = 2});
}

TEST(Ledger, AppendAssignsSeqAndSurvivesReopen) {
  const fs::path dir = TempDir("reopen");
  auto alice = GenerateSigningKey("alice");
  auto node = GenerateSigningKey("node");
  Hash root{};
  {
    auto ledger = OpenAt(dir);
    ASSERT_TRUE(ledger.has_value()) << ledger.error().Describe();
    for (int i = 0; i < 20; ++i) {
      auto s = ledger->Append(testing::SampleEvent("alice", i), *alice);
      ASSERT_TRUE(s.has_value()) << s.error().message;
      EXPECT_EQ(s->event.seq, static_cast<std::uint64_t>(i));
    }
    ASSERT_TRUE(ledger->MakeCheckpoint(*node).has_value());
    root = ledger->Root();
    auto proof = InclusionProof(ledger->Tree(), 7, 20);
    EXPECT_TRUE(VerifyInclusion(ledger->Tree().LeafHash(7), 7, 20, *proof, root).has_value());
  }
  auto ledger = OpenAt(dir);
  ASSERT_TRUE(ledger.has_value());
  EXPECT_EQ(ledger->Size(), 20u);
  EXPECT_EQ(ledger->Root(), root);
  fs::remove_all(dir);
}

TEST(Ledger, RefusesToOpenATamperedLogNamingTheEntry) {
  const fs::path dir = TempDir("tamper");
  auto alice = GenerateSigningKey("alice");
  {
    auto ledger = OpenAt(dir);
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE(ledger->Append(testing::SampleEvent("alice", i), *alice));
  }
  std::string bytes = *ReadWholeFile(dir / "entries.log");
  const std::size_t pos = bytes.find("P-3");
  bytes[pos + 2] = '4';
  std::ofstream(dir / "entries.log", std::ios::binary | std::ios::trunc) << bytes;
  auto ledger = OpenAt(dir);
  ASSERT_FALSE(ledger.has_value());
  EXPECT_EQ(ledger.error().message, "entry seq 3: signature by 'alice' does not verify");
  fs::remove_all(dir);
}

TEST(Ledger, ActorMustSignWithOwnKeyAndRollbackRestoresTheTree) {
  auto storage = std::make_unique<testing::MemoryStorage>();
  auto* raw = storage.get();
  auto ledger = *Ledger::Open(std::move(storage), {.origin = kOrigin, .trusted = {}, .threads = 2});
  auto alice = GenerateSigningKey("alice");
  auto bob = GenerateSigningKey("bob");
  EXPECT_FALSE(ledger.Append(testing::SampleEvent("alice", 1), *bob).has_value());
  ASSERT_TRUE(ledger.Append(testing::SampleEvent("alice", 1), *alice).has_value());
  const Hash root = ledger.Root();
  ASSERT_TRUE(ledger.Append(testing::SampleEvent("bob", 2), *bob).has_value());
  raw->entries_.pop_back();  // the store's transaction was rolled back
  ledger.Rollback(1);
  EXPECT_EQ(ledger.Size(), 1u);
  EXPECT_EQ(ledger.Root(), root);
  raw->fail_next_append = true;
  EXPECT_EQ(ledger.Append(testing::SampleEvent("bob", 3), *bob).error().message,
            "disk full (simulated)");
  EXPECT_EQ(ledger.Size(), 1u);
}

TEST(Ledger, ExportNeedsACurrentCheckpoint) {
  auto ledger = *Ledger::Open(std::make_unique<testing::MemoryStorage>(),
                              {.origin = kOrigin, .trusted = {}, .threads = 2});
  auto alice = GenerateSigningKey("alice");
  ASSERT_TRUE(ledger.Append(testing::SampleEvent("alice", 1), *alice).has_value());
  EXPECT_EQ(ledger.ExportBundle(0).error().message, "no checkpoint yet: make one before export");
  ASSERT_TRUE(ledger.MakeCheckpoint(*alice).has_value());
  ASSERT_TRUE(ledger.Append(testing::SampleEvent("alice", 2), *alice).has_value());
  EXPECT_EQ(ledger.ExportBundle(0).error().message,
            "the latest checkpoint is for size 1, not the log's 2: make a new checkpoint first");
  EXPECT_EQ(ledger.ExportBundle(3).error().message, "--since 3 is beyond the log's 2 entries");
}

// SIGKILL in the middle of appends (with fdatasync on) leaves a log that opens and verifies.
TEST(Ledger, SigkillDuringAppendsLeavesAVerifiableLog) {
  const fs::path dir = TempDir("sigkill");
  auto alice = GenerateSigningKey("alice");
  for (int round = 0; round < 3; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto ledger = OpenAt(dir, /*sync=*/true);
      if (!ledger) ::_exit(3);
      for (int i = 0;; ++i) {
        if (!ledger->Append(testing::SampleEvent("alice", i), *alice)) ::_exit(4);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + 50 * round));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
    auto ledger = OpenAt(dir);
    ASSERT_TRUE(ledger.has_value()) << ledger.error().Describe();
    EXPECT_GT(ledger->Size(), 0u);
  }
  fs::remove_all(dir);
}

// A trusted open skips signatures but still refuses entries that no longer give the root the
// stored checkpoint signed; a full open also catches a forged signature that a trusted one
// (by design) does not.
TEST(Ledger, TrustedOpenChecksTheCheckpointButNotSignatures) {
  auto alice = GenerateSigningKey("alice");
  auto node = GenerateSigningKey("node");
  auto storage = std::make_unique<testing::MemoryStorage>();
  testing::MemoryStorage* raw = storage.get();  // owned by `ledger`, which outlives its uses
  auto ledger = Ledger::Open(std::move(storage), {.origin = kOrigin, .trusted = {}});
  ASSERT_TRUE(ledger.has_value());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(ledger->Append(testing::SampleEvent("alice", i), *alice));
  ASSERT_TRUE(ledger->MakeCheckpoint(*node).has_value());
  auto copy = [&](bool break_signature, bool drop_last) {
    auto s = std::make_unique<testing::MemoryStorage>();
    s->entries_ = raw->entries_;
    s->checkpoint_ = raw->checkpoint_;
    if (break_signature) s->entries_[2].back() ^= 0x01;
    if (drop_last) s->entries_.pop_back();
    return s;
  };
  LedgerOptions trusted_open{
      .origin = kOrigin, .trusted = {}, .threads = 2, .verify_on_open = false};
  EXPECT_TRUE(Ledger::Open(copy(false, false), trusted_open).has_value());
  // The signature byte is part of the leaf, so the root changes: caught without verifying.
  EXPECT_FALSE(Ledger::Open(copy(true, false), trusted_open).has_value());
  EXPECT_FALSE(Ledger::Open(copy(false, true), trusted_open).has_value());
  LedgerOptions full{.origin = kOrigin, .trusted = {}, .threads = 2};
  auto refused = Ledger::Open(copy(true, false), full);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("entry seq 2"), std::string::npos);
}

}  // namespace
}  // namespace parley::ledger
