// The sealed VFS (store/sealed_vfs.h) and the workspace seal (store/seal.h): sealed pages
// round-trip and survive a reopen and a crash (WAL recovery); no name of the records reaches
// the database, WAL or journal files; a wrong key, a flipped byte, two swapped pages and a
// frame moved within the WAL are refused as tampering, never read.
#include "store/sealed_vfs.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file_io.h"
#include "store/seal.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

PageKey KeyOf(unsigned char fill) {
  PageKey key;
  key.bytes.fill(fill);
  return key;
}

std::string Raw(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteRaw(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class SealedVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-sealed-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    file_ = dir_ / "parley.db";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A sealed database with `rows` people, each named Surname<i>, checkpointed into the file.
  void Fill(int rows, const PageKey& key) {
    auto db = Database::Open(file_, true, &key);
    ASSERT_TRUE(db.has_value()) << db.error().Describe();
    ASSERT_TRUE(db->Exec("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, note TEXT)"));
    ASSERT_TRUE(db->Exec("BEGIN"));
    auto st = db->Prepare("INSERT INTO people(name, note) VALUES (?, ?)");
    ASSERT_TRUE(st.has_value());
    for (int i = 0; i < rows; ++i) {
      st->Bind(1, "Kovalenko" + std::to_string(i));
      st->Bind(2, std::string(200, 'x') + "asthma");
      ASSERT_TRUE(st->Run());
    }
    ASSERT_TRUE(db->Exec("COMMIT"));
  }

  Result<std::int64_t> CountNamed(const PageKey& key, const std::string& name) {
    auto db = Database::Open(file_, false, &key);
    if (!db) return std::unexpected(db.error());
    auto st = db->Prepare("SELECT count(*) FROM people WHERE name = ?");
    if (!st) return std::unexpected(st.error());
    st->Bind(1, name);
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    return st->ColumnInt(0);
  }

  static inline int counter_ = 0;
  fs::path dir_;
  fs::path file_;
};

TEST_F(SealedVfsTest, RoundTripsAndReopens) {
  Fill(500, KeyOf(1));
  auto count = CountNamed(KeyOf(1), "Kovalenko321");
  ASSERT_TRUE(count.has_value()) << count.error().Describe();
  EXPECT_EQ(*count, 1);
  const std::string raw = Raw(file_);
  EXPECT_GT(raw.size(), 10u * kSealedPageSize);
  EXPECT_EQ(raw.find("Kovalenko"), std::string::npos);
  EXPECT_EQ(raw.find("asthma"), std::string::npos);
  EXPECT_EQ(raw.find("SQLite format 3"), std::string::npos);  // even the header is sealed
}

TEST_F(SealedVfsTest, WalAndJournalHoldNoNames) {
  const PageKey key = KeyOf(2);
  auto db = Database::Open(file_, true, &key);
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(db->Exec("PRAGMA wal_autocheckpoint=0; CREATE TABLE people(name TEXT);"));
  ASSERT_TRUE(db->Exec("INSERT INTO people VALUES ('Shevchenko Taras'), ('Bondarenko Olha')"));
  // The rows are only in the WAL now (no checkpoint): it must be sealed too.
  const std::string wal = Raw(file_.string() + "-wal");
  EXPECT_GT(wal.size(), static_cast<std::size_t>(kSealedPageSize));
  EXPECT_EQ(wal.find("Shevchenko"), std::string::npos);
  EXPECT_EQ(wal.find("Bondarenko"), std::string::npos);
  for (const char* suffix : {"", "-journal", "-shm"}) {
    EXPECT_EQ(Raw(file_.string() + suffix).find("Shevchenko"), std::string::npos) << suffix;
  }
  // A second connection reads them through the sealed WAL.
  auto other = Database::Open(file_, false, &key);
  ASSERT_TRUE(other.has_value());
  auto n = other->QueryInt("SELECT count(*) FROM people WHERE name LIKE 'Bondarenko%'");
  ASSERT_TRUE(n.has_value()) << n.error().Describe();
  EXPECT_EQ(n->value_or(0), 1);
}

// A process killed with rows only in the WAL: the next open recovers them from the WAL, whose
// frame checksums SQLite verifies over the opened pages.
TEST_F(SealedVfsTest, CrashWithRowsInWalRecovers) {
  const PageKey key = KeyOf(3);
  {
    auto db = Database::Open(file_, true, &key);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(db->Exec("PRAGMA wal_autocheckpoint=0; CREATE TABLE people(name TEXT);"));
    ASSERT_TRUE(db->Exec("INSERT INTO people VALUES ('Melnyk Ivan')"));
    // Copy the files as a crash would leave them: database and WAL, no clean close.
    fs::create_directories(dir_ / "crash");
    for (const char* suffix : {"", "-wal"}) {
      fs::copy_file(file_.string() + suffix, (dir_ / "crash" / "parley.db").string() + suffix);
    }
  }
  file_ = dir_ / "crash" / "parley.db";
  auto db = Database::Open(file_, false, &key);
  ASSERT_TRUE(db.has_value()) << db.error().Describe();
  auto n = db->QueryInt("SELECT count(*) FROM people WHERE name = 'Melnyk Ivan'");
  ASSERT_TRUE(n.has_value()) << n.error().Describe();
  EXPECT_EQ(n->value_or(0), 1);
}

TEST_F(SealedVfsTest, WrongKeyIsRefused) {
  Fill(10, KeyOf(4));
  auto count = CountNamed(KeyOf(5), "Kovalenko1");
  ASSERT_FALSE(count.has_value());
  EXPECT_EQ(count.error().code, ErrorCode::kCorruption);
  EXPECT_NE(count.error().message.find("authentication"), std::string::npos)
      << count.error().message;
}

TEST_F(SealedVfsTest, FlippedByteIsNamedAsTampering) {
  Fill(500, KeyOf(6));
  std::string raw = Raw(file_);
  const std::size_t page = raw.size() / kSealedPageSize - 2;  // a leaf page with rows
  raw[page * kSealedPageSize + 100] ^= 0x01;
  WriteRaw(file_, raw);
  auto count = CountNamed(KeyOf(6), "Kovalenko0");
  ASSERT_FALSE(count.has_value());
  EXPECT_EQ(count.error().code, ErrorCode::kCorruption);
  EXPECT_NE(count.error().message.find("page " + std::to_string(page + 1)), std::string::npos)
      << count.error().message;
  EXPECT_NE(count.error().message.find("tampering"), std::string::npos) << count.error().message;
}

TEST_F(SealedVfsTest, SwappedPagesAreDetected) {
  Fill(500, KeyOf(7));
  std::string raw = Raw(file_);
  const std::size_t a = 3, b = raw.size() / kSealedPageSize - 1;
  std::string page_a = raw.substr(a * kSealedPageSize, kSealedPageSize);
  raw.replace(a * kSealedPageSize, kSealedPageSize, raw, b * kSealedPageSize, kSealedPageSize);
  raw.replace(b * kSealedPageSize, kSealedPageSize, page_a);
  WriteRaw(file_, raw);
  const PageKey key = KeyOf(7);
  auto db = Database::Open(file_, false, &key);
  ASSERT_TRUE(db.has_value());
  auto n = db->QueryInt("SELECT count(*) FROM people WHERE note LIKE '%asthma'");
  ASSERT_FALSE(n.has_value());
  EXPECT_EQ(n.error().code, ErrorCode::kCorruption);
  EXPECT_NE(n.error().message.find("tampering"), std::string::npos) << n.error().message;
}

// A committed frame altered in the WAL is tampering, not a torn write: a commit follows it.
TEST_F(SealedVfsTest, AlteredCommittedWalFrameIsDetected) {
  const PageKey key = KeyOf(8);
  {
    auto db = Database::Open(file_, true, &key);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(db->Exec("PRAGMA wal_autocheckpoint=0; CREATE TABLE people(name TEXT);"));
    ASSERT_TRUE(db->Exec("INSERT INTO people VALUES ('Melnyk Ivan')"));
    fs::create_directories(dir_ / "crash");
    for (const char* suffix : {"", "-wal"}) {
      fs::copy_file(file_.string() + suffix, (dir_ / "crash" / "parley.db").string() + suffix);
    }
  }
  file_ = dir_ / "crash" / "parley.db";
  std::string wal = Raw(file_.string() + "-wal");
  ASSERT_GT(wal.size(), 32u + 2 * (24u + kSealedPageSize));
  wal[32 + 24 + 500] ^= 0x01;  // the first frame's page; later frames commit
  WriteRaw(file_.string() + "-wal", wal);
  auto db = Database::Open(file_, false, &key);
  Result<std::optional<std::int64_t>> n =
      db ? db->QueryInt("SELECT count(*) FROM people") : std::unexpected(db.error());
  ASSERT_FALSE(n.has_value());
  EXPECT_NE(n.error().message.find("frame 1"), std::string::npos) << n.error().message;
}

TEST_F(SealedVfsTest, UnknownKeyNeverOpensPlain) {
  (void)SealedDatabaseUri(file_, KeyOf(9));  // registers the VFS
  sqlite3* raw = nullptr;
  const std::string uri = "file:" + file_.string() + "?seal=0000";
  int rc =
      sqlite3_open_v2(uri.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, kSealedVfsName);
  EXPECT_NE(rc, SQLITE_OK);
  sqlite3_close_v2(raw);
}

class SealedWorkspaceTest : public SealedVfsTest {
 protected:
  void TearDown() override {
    SetSealSecretSource(nullptr);
    SealedVfsTest::TearDown();
  }
};

TEST_F(SealedWorkspaceTest, PassphraseOpensAndWrongOneIsRefused) {
  const fs::path ws_dir = dir_ / "ws";
  SealSecret right{SealSecret::kPassphrase, "correct horse battery staple", "test"};
  {
    auto ws = Workspace::Create(ws_dir, {.node_name = "node", .seal = right});
    ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
    EXPECT_TRUE(ws->sealed());
  }
  EXPECT_TRUE(fs::exists(SealSettingsPath(ws_dir)));
  EXPECT_EQ(Raw(DatabasePath(ws_dir)).find("SQLite format 3"), std::string::npos);

  auto wrong = UnlockSeal(ws_dir, {SealSecret::kPassphrase, "wrong", "test"});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_NE(wrong.error().message.find("wrong passphrase or key file for workspace"),
            std::string::npos);

  // No secret at all: the error says how to give one.
  auto none = Workspace::Open(ws_dir);
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message.find("--seal-passphrase-file"), std::string::npos);

  SetSealSecretSource([right] { return Result<std::optional<SealSecret>>(right); });
  auto ws = Workspace::Open(ws_dir);
  ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
  auto report = ws->CheckIntegrity();
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->ok());
}

TEST_F(SealedWorkspaceTest, KeyFileMustBePrivateAndWellFormed) {
  const fs::path key = dir_ / "seal.key";
  ASSERT_TRUE(CreateSealKeyFile(key));
  auto bytes = ReadSealKeyFile(key);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(bytes->size(), 32u);
  EXPECT_FALSE(CreateSealKeyFile(key).has_value());  // never overwritten
  fs::permissions(key, fs::perms::group_read, fs::perm_options::add);
  EXPECT_FALSE(ReadSealKeyFile(key).has_value());
  const fs::path short_key = dir_ / "short.key";
  ASSERT_TRUE(WriteFileAtomically(short_key, "abc"));
  EXPECT_FALSE(ReadSealKeyFile(short_key).has_value());
}

TEST_F(SealedWorkspaceTest, MissingSettingsAreNamed) {
  const fs::path ws_dir = dir_ / "ws";
  SealSecret secret{SealSecret::kKeyFile, std::string(32, 'k'), "test"};
  ASSERT_TRUE(Workspace::Create(ws_dir, {.node_name = "node", .seal = secret}).has_value());
  fs::remove(SealSettingsPath(ws_dir));
  auto ws = Workspace::Open(ws_dir);
  ASSERT_FALSE(ws.has_value());
  EXPECT_NE(ws.error().message.find("seal.json"), std::string::npos) << ws.error().message;
}

}  // namespace
}  // namespace parley::store
