#include "store/ledger_storage.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "ledger/checkpoint.h"
#include "ledger/event.h"
#include "ledger/keys.h"
#include "ledger/signed_note.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

class SqliteLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-ledger-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto ws = Workspace::Create(dir_, {.node_name = "ua-node"});
    ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  static ImportRequest Request(std::vector<std::string> surnames, std::string actor = "clerk1") {
    ImportRequest req;
    req.list_name = "ua-request";
    req.kind = ListKind::kRequest;
    req.side = "ua";
    req.source_file = "ua.csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = std::move(actor);
    int n = 0;
    for (auto& s : surnames) {
      PersonRecord r;
      r.id = std::to_string(++n);
      r.surname = std::move(s);
      r.given_name = "Олег";
      req.records.push_back(std::move(r));
    }
    return req;
  }

  std::int64_t Count(const std::string& sql) { return ws_->db().QueryInt(sql)->value_or(-1); }

  std::filesystem::path dir_;
  std::optional<Workspace> ws_;
};

TEST_F(SqliteLedgerTest, AppendReadAndCommitInsideTheCallersTransaction) {
  auto storage = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  ASSERT_TRUE(storage.has_value()) << storage.error().Describe();
  {
    Transaction tx(ws_->db());
    ASSERT_TRUE(tx.Begin().has_value());
    const std::string with_nul("a\0b", 3);
    ASSERT_TRUE((*storage)->Append(std::vector<std::string>{with_nul, "second"}).has_value());
    ASSERT_TRUE(tx.Commit().has_value());
  }
  EXPECT_EQ((*storage)->Size(), 2u);
  auto again = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ((*again)->Size(), 2u);
  auto read = (*again)->Read(0, 2);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ((*read)[0], std::string("a\0b", 3));  // a BLOB keeps the NUL of the leaf trailer
  EXPECT_EQ((*read)[1], "second");
  auto hashes = (*again)->ReadLeafHashes(0, 2);
  ASSERT_TRUE(hashes.has_value());
  EXPECT_EQ((*hashes)[1], ledger::HashLeaf("second"));
  EXPECT_TRUE((*again)->VerifyStoredHashes().has_value());
  EXPECT_FALSE((*again)->Read(1, 2).has_value());
}

TEST_F(SqliteLedgerTest, RollbackOfTheTransactionDropsTheAppend) {
  auto storage = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  ASSERT_TRUE(storage.has_value());
  {
    Transaction tx(ws_->db());
    ASSERT_TRUE(tx.Begin().has_value());
    ASSERT_TRUE((*storage)->Append(std::vector<std::string>{"x"}).has_value());
    EXPECT_EQ((*storage)->Size(), 1u);
  }  // rolled back
  (*storage)->ForgetFrom(0);
  EXPECT_EQ((*storage)->Size(), 0u);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries WHERE origin = 'test/origin'"), 0);
  auto reopened = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  EXPECT_EQ((*reopened)->Size(), 0u);
}

TEST_F(SqliteLedgerTest, TriggersRefuseUpdateAndDelete) {
  auto storage = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  {
    Transaction tx(ws_->db());
    ASSERT_TRUE(tx.Begin().has_value());
    ASSERT_TRUE((*storage)->Append(std::vector<std::string>{"x"}).has_value());
    ASSERT_TRUE(tx.Commit().has_value());
  }
  auto update = ws_->db().Exec("UPDATE ledger_entries SET leaf = x'00'");
  ASSERT_FALSE(update.has_value());
  EXPECT_NE(update.error().message.find("append-only"), std::string::npos);
  EXPECT_FALSE(ws_->db().Exec("DELETE FROM ledger_entries").has_value());
}

TEST_F(SqliteLedgerTest, CheckpointIsSavedAndLoaded) {
  auto storage = SqliteEntryStorage::Open(ws_->db(), "test/origin");
  EXPECT_FALSE((*storage)->LoadCheckpoint()->has_value());
  ASSERT_TRUE((*storage)->SaveCheckpoint("first\n").has_value());
  ASSERT_TRUE((*storage)->SaveCheckpoint("second\n").has_value());
  auto loaded = (*storage)->LoadCheckpoint();
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ(**loaded, "second\n");
}

TEST_F(SqliteLedgerTest, ImportAppendsOneSignedEventWithoutPersonalData) {
  auto out = ws_->ImportList(Request({"Шевченко", "Лисенко"}));
  ASSERT_TRUE(out.has_value()) << out.error().Describe();
  auto events = ws_->Events();
  ASSERT_TRUE(events.has_value()) << events.error().Describe();
  ASSERT_EQ((*events)->Size(), 1u);
  auto leaves = (*events)->Log().Storage().Read(0, 1);
  ASSERT_TRUE(leaves.has_value());
  auto opened = ledger::OpenLeaf((*leaves)[0], 0);
  ASSERT_TRUE(opened.has_value()) << opened.error().Describe();
  const ledger::Event& e = opened->event;
  EXPECT_EQ(e.type, "list.version_submitted");
  EXPECT_EQ(e.actor, "clerk1");
  EXPECT_EQ(e.body["list"], "ua-request");
  EXPECT_EQ(e.body["version"], 1);
  EXPECT_EQ(e.body["record_count"], 2);
  EXPECT_EQ(e.body["side"], "ua");
  EXPECT_EQ(e.body["kind"], "request");
  EXPECT_EQ(e.body["content_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ((*leaves)[0].find("Шевченко"), std::string::npos);
  // No own key was given: the node key vouched for the clerk.
  EXPECT_EQ(opened->signer.key, (*events)->NodeKey().Public().key);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_list_events"), 1);

  auto checkpoint = (*events)->Log().LatestCheckpoint();
  ASSERT_TRUE(checkpoint.has_value() && checkpoint->has_value());
  auto cp = ledger::OpenCheckpoint(**checkpoint, std::vector{(*events)->NodeKey().Public()});
  ASSERT_TRUE(cp.has_value()) << cp.error().Describe();
  EXPECT_EQ(cp->checkpoint.size, 1u);
  EXPECT_EQ(cp->checkpoint.origin, (*events)->Node().origin);
}

TEST_F(SqliteLedgerTest, UnchangedReimportAppendsNoEvent) {
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко"})).has_value());
  auto again = ws_->ImportList(Request({"Шевченко"}));
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ((*ws_->Events())->Size(), 1u);
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко", "Бойко"})).has_value());
  EXPECT_EQ((*ws_->Events())->Size(), 2u);
}

TEST_F(SqliteLedgerTest, OwnKeySignsAsItsName) {
  auto key = ledger::GenerateSigningKey("alice");
  ASSERT_TRUE(key.has_value());
  ImportRequest req = Request({"Шевченко"});
  req.actor_key = &*key;
  ASSERT_TRUE(ws_->ImportList(req).has_value());
  auto leaves = (*ws_->Events())->Log().Storage().Read(0, 1);
  auto opened = ledger::OpenLeaf((*leaves)[0], 0);
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->event.actor, "alice");
  EXPECT_EQ(opened->signer.key, key->Public().key);
}

TEST_F(SqliteLedgerTest, FailedImportLeavesNoEventAndNoVersion) {
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко"})).has_value());
  // An actor name a key cannot carry makes the event append fail after the rows were written.
  auto failed = ws_->ImportList(Request({"Шевченко", "Бойко"}, "two words"));
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ((*ws_->Events())->Size(), 1u);
  EXPECT_EQ(Count("SELECT count(*) FROM list_versions"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries"), 1);
  // The in-memory log was rolled back too: the next import gets seq 1 and verifies.
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко", "Бойко"})).has_value());
  EXPECT_EQ((*ws_->Events())->Size(), 2u);
  auto verified = VerifyWorkspaceLedger(ws_->db(), 2);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  ASSERT_EQ(verified->size(), 1u);
  EXPECT_EQ((*verified)[0].size, 2u);
  EXPECT_TRUE((*verified)[0].checkpoint_checked);
  auto report = ws_->CheckIntegrity();
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->ok()) << report->problems.front();
}

TEST_F(SqliteLedgerTest, VerifyNamesATamperedEntry) {
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко"})).has_value());
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко", "Бойко"})).has_value());
  ASSERT_TRUE(ws_->db()
                  .Exec("DROP TRIGGER ledger_entries_are_immutable; UPDATE ledger_entries SET "
                        "leaf = CAST(replace(CAST(leaf AS TEXT), '\"version\":2', "
                        "'\"version\":3') AS BLOB) WHERE seq = 1")
                  .has_value());
  auto verified = VerifyWorkspaceLedger(ws_->db(), 2);
  ASSERT_FALSE(verified.has_value());
  EXPECT_NE(verified.error().message.find("entry seq 1"), std::string::npos)
      << verified.error().message;
}

TEST_F(SqliteLedgerTest, OpeningChecksTheStoredCheckpointCheaply) {
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко"})).has_value());
  ws_.reset();
  {
    auto ws = Workspace::Open(dir_);
    ASSERT_TRUE(ws.has_value());
    ASSERT_TRUE(ws->db()
                    .Exec("DROP TRIGGER ledger_entries_are_immutable; UPDATE ledger_entries SET "
                          "leaf_hash = zeroblob(32)")
                    .has_value());
    auto events = ws->Events();
    ASSERT_FALSE(events.has_value());
    EXPECT_NE(events.error().message.find("checkpoint"), std::string::npos);
  }
  auto ws = Workspace::Open(dir_);
  auto verified = VerifyWorkspaceLedger(ws->db(), 2);
  ASSERT_FALSE(verified.has_value());
  EXPECT_NE(verified.error().message.find("entry seq 0"), std::string::npos);
}

TEST_F(SqliteLedgerTest, NodeIdentityIsMadeOnceWithAPrivateKeyFile) {
  auto node = LoadNodeIdentity(ws_->db());
  ASSERT_TRUE(node.has_value() && node->has_value());
  EXPECT_TRUE((*node)->origin.starts_with("parley/ua-node/"));
  const auto key_file = NodeKeyPath(dir_, "ua-node");
  const auto perms = std::filesystem::status(key_file).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  ws_.reset();
  auto again = Workspace::Create(dir_, {.node_name = "other-name"});
  ASSERT_TRUE(again.has_value());
  auto same = LoadNodeIdentity(again->db());
  EXPECT_EQ((*same)->origin, (*node)->origin);  // a second init keeps the identity
  EXPECT_FALSE(again->db().Exec("DELETE FROM ledger_node").has_value());
}

TEST_F(SqliteLedgerTest, CheckReportsAListVersionWithoutItsEvent) {
  ASSERT_TRUE(ws_->ImportList(Request({"Шевченко"})).has_value());
  ASSERT_TRUE(ws_->db()
                  .Exec("DROP TRIGGER ledger_list_events_are_kept; DELETE FROM ledger_list_events")
                  .has_value());
  auto report = ws_->CheckIntegrity();
  ASSERT_TRUE(report.has_value());
  ASSERT_FALSE(report->ok());
  EXPECT_NE(report->problems.front().find("no ledger event"), std::string::npos)
      << report->problems.front();
}

}  // namespace
}  // namespace parley::store
