// Migration 9 on a workspace that already holds decisions: accept and reject rows keep their
// ids, actors and times and gain the states before and after them; the rebuilt table is
// append-only and still moves the review-queue counter; users gain a language, unset.
#include "store/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "store/sqlite_db.h"

namespace parley::store {
namespace {

class MigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("parley-migrations-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(file_);
    auto db = Database::Open(file_, true);
    ASSERT_TRUE(db.has_value()) << db.error().Describe();
    db_.emplace(std::move(*db));
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file_.string() + suffix);
    }
  }
  Database& db() { return *db_; }
  std::string Text(const std::string& sql) {
    auto st = db().Prepare(sql);
    EXPECT_TRUE(st.has_value()) << sql;
    auto row = st->Step();
    EXPECT_TRUE(row.has_value() && *row) << sql;
    return st->ColumnIsNull(0) ? "NULL" : st->ColumnText(0);
  }

  std::filesystem::path file_;
  std::optional<Database> db_;
};

// Two links decided under version 8: link 1 accepted then rejected, link 2 accepted.
constexpr const char* kVersion8Decisions = R"sql(
INSERT INTO sides VALUES (1, 'ua', 't');
INSERT INTO lists VALUES (1, 'a', 'request', 1, 't'), (2, 'b', 'custody', 1, 't');
INSERT INTO person_records VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 2, 'z');
INSERT INTO links VALUES (1, 1, 2, 1, 2, 1, 1, 0.5, 1, '[]', 'rejected', 't', 't'),
                         (2, 1, 2, 1, 3, 1, 1, 0.9, 1, '[]', 'confirmed', 't', 't');
INSERT INTO link_decisions VALUES (1, 1, 'accept', 'anna', 't1'), (2, 2, 'accept', 'anna', 't2'),
                                  (3, 1, 'reject', 'boris', 't3');
INSERT INTO users(name, password_hash, role, side, created_at, updated_at)
  VALUES ('olena', 'h', 'clerk', 'ua', 't', 't');
)sql";

TEST_F(MigrationTest, Version9KeepsEveryDecisionAndAddsItsStates) {
  ASSERT_EQ(MigrateTo(db(), 8).value(), 8);
  ASSERT_TRUE(db().Exec(kVersion8Decisions).has_value());
  auto migrated = Migrate(db());
  ASSERT_TRUE(migrated.has_value()) << migrated.error().Describe();
  EXPECT_EQ(*migrated, LatestSchemaVersion());
  EXPECT_EQ(Text("SELECT group_concat(id || ' ' || link_id || ' ' || decision || ' ' || actor || "
                 "' ' || decided_at || ' ' || state_before || ' ' || state_after || ' ' || "
                 "coalesce(note, '-') || ' ' || coalesce(undoes, '-'), '; ') "
                 "FROM (SELECT * FROM link_decisions ORDER BY id)"),
            "1 1 accept anna t1 needs_review confirmed - -; "
            "2 2 accept anna t2 needs_review confirmed - -; "
            "3 1 reject boris t3 confirmed rejected - -");
  EXPECT_EQ(Text("SELECT language FROM users WHERE name = 'olena'"), "NULL");
  // The rebuilt table is as guarded as the old one, and more.
  EXPECT_FALSE(db().Exec("UPDATE link_decisions SET actor = 'x'").has_value());
  EXPECT_FALSE(db().Exec("DELETE FROM link_decisions").has_value());
  const std::string insert =
      "INSERT INTO link_decisions(link_id, decision, actor, decided_at, note, state_before, "
      "state_after, undoes) VALUES ";
  EXPECT_FALSE(
      db().Exec(insert + "(1, 'maybe', 'a', 't', NULL, 'rejected', 'rejected', NULL)").has_value());
  EXPECT_FALSE(db().Exec(insert + "(1, 'undo', 'a', 't', NULL, 'rejected', 'confirmed', NULL)")
                   .has_value());  // an undo names what it undoes
  EXPECT_FALSE(db().Exec(insert + "(1, 'note', 'a', 't', NULL, 'rejected', 'rejected', NULL)")
                   .has_value());  // a note has one
  EXPECT_FALSE(db().Exec(insert + "(9, 'accept', 'a', 't', NULL, 'rejected', 'confirmed', NULL)")
                   .has_value());  // no link 9
  EXPECT_FALSE(db().Exec(insert + "(1, 'accept', 'a', 't', '" + std::string(2001, 'n') +
                         "', 'rejected', 'confirmed', NULL)")
                   .has_value());
  const std::string generation = Text("SELECT generation FROM review_generation");
  ASSERT_TRUE(db().Exec(insert + "(1, 'undo', 'carl', 't4', 'oops', 'rejected', 'confirmed', 3)"));
  EXPECT_NE(Text("SELECT generation FROM review_generation"), generation);
  EXPECT_EQ(Text("SELECT count(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_EQ(Text("PRAGMA integrity_check"), "ok");
  // The index the conflicts of a page read.
  EXPECT_EQ(Text("SELECT count(*) FROM sqlite_master WHERE name = 'links_by_right_record'"), "1");
}

TEST_F(MigrationTest, AFreshWorkspaceAndASecondRunAreTheSame) {
  ASSERT_EQ(Migrate(db()).value(), LatestSchemaVersion());
  ASSERT_EQ(Migrate(db()).value(), LatestSchemaVersion());
  EXPECT_EQ(Text("SELECT count(*) FROM schema_version"), std::to_string(LatestSchemaVersion()));
  ASSERT_TRUE(
      db().Exec("INSERT INTO users(name, password_hash, role, side, created_at, "
                "updated_at) VALUES ('olena', 'h', 'clerk', 'ua', 't', 't')"));
  EXPECT_FALSE(db().Exec("UPDATE users SET language = 'x'").has_value());
  EXPECT_TRUE(db().Exec("UPDATE users SET language = 'uk'").has_value());
}

}  // namespace
}  // namespace parley::store
