#include "store/workspace.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.h"

namespace parley::store {
namespace {

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-ws-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto ws = Workspace::Create(dir_);
    ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  static PersonRecord Person(std::string id, std::string surname, std::string given) {
    PersonRecord r;
    r.id = std::move(id);
    r.surname = std::move(surname);
    r.given_name = std::move(given);
    r.birth_date = PartialDate{1990, 5, 0};
    r.extra = {{"Стан здоров'я", "seriously_wounded"}};
    return r;
  }

  ImportRequest Request(std::vector<PersonRecord> records) {
    ImportRequest req;
    req.list_name = "ua-request";
    req.kind = ListKind::kRequest;
    req.side = "ua";
    req.source_file = "ua.csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "clerk1";
    req.records = std::move(records);
    return req;
  }

  std::filesystem::path dir_;
  std::optional<Workspace> ws_;
};

TEST_F(WorkspaceTest, FirstImportMakesVersionOne) {
  auto out =
      ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро"), Person("2", "Лисенко", "Олег")}));
  ASSERT_TRUE(out.has_value()) << out.error().Describe();
  EXPECT_EQ(out->version, 1);
  EXPECT_EQ(out->added, 2);
  auto records = ws_->Records("ua-request", std::nullopt);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].record.surname, "Шевченко");
  EXPECT_EQ((*records)[0].record.birth_date.ToIso(), "1990-05");
  EXPECT_EQ((*records)[0].record.Extra("Стан здоров'я"), "seriously_wounded");
}

TEST_F(WorkspaceTest, APageOfRecordsIsThatSliceOfTheVersionInFileOrder) {
  ASSERT_TRUE(
      ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро"), Person("2", "Лисенко", "Олег"),
                               Person("3", "Мельник", "Іван")}))
          .has_value());
  ASSERT_TRUE(
      ws_->ImportList(Request({Person("2", "Лисенко", "Олег"), Person("3", "Мельник", "Іван")}))
          .has_value());
  auto page = ws_->RecordsPage("ua-request", 1, 1, 5);
  ASSERT_TRUE(page.has_value()) << page.error().Describe();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].record.surname, "Лисенко");
  EXPECT_EQ((*page)[1].record.surname, "Мельник");
  auto latest = ws_->RecordsPage("ua-request", 2, 0, 1);
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ((*latest)[0].record.surname, "Лисенко");
  EXPECT_TRUE(ws_->RecordsPage("ua-request", 2, 2, 10)->empty());
  EXPECT_TRUE(ws_->RecordsPage("no-such-list", 1, 0, 10)->empty());
}

TEST_F(WorkspaceTest, IdenticalReimportIsANoOp) {
  ASSERT_TRUE(ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")})).has_value());
  auto again = ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")}));
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->version, 1);
  EXPECT_EQ(ws_->Versions("ua-request")->size(), 1u);
}

TEST_F(WorkspaceTest, ChangedFileMakesANewVersionAndKeepsTheOld) {
  ASSERT_TRUE(ws_->ImportList(
      Request({Person("1", "Шевченко", "Дмитро"), Person("2", "Лисенко", "Олег")})));
  auto v2 =
      ws_->ImportList(Request({Person("1", "Шевченко", "Дмитрo"), Person("3", "Бондар", "Іван")}));
  ASSERT_TRUE(v2.has_value()) << v2.error().Describe();
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->changed, 1);
  EXPECT_EQ(v2->added, 1);
  EXPECT_EQ(v2->removed, 1);
  EXPECT_EQ(ws_->Records("ua-request", 1)->size(), 2u);
  EXPECT_EQ((*ws_->Records("ua-request", 1))[0].record.given_name, "Дмитро");
  auto id = ws_->FindRecord("ua-request", "1");
  ASSERT_TRUE(id.has_value());
  auto history = ws_->RecordHistory(*id);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].record_version, 2);
  EXPECT_TRUE(ws_->CheckIntegrity()->ok());
}

TEST_F(WorkspaceTest, AVersionIsStampedWithTheWallClock) {
  const ScopedClockOverride fixed(UtcTime(2026, 5, 23, 10));
  ASSERT_TRUE(ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")})));
  auto versions = ws_->Versions("ua-request");
  ASSERT_TRUE(versions.has_value());
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].created_at, "2026-05-23T10:00:00Z");
}

TEST_F(WorkspaceTest, DuplicateIdsAreRefusedAndNothingIsWritten) {
  auto a = Person("1", "Шевченко", "Дмитро");
  auto b = Person("1", "Лисенко", "Олег");
  a.source_row = 2;
  b.source_row = 5;
  auto out = ws_->ImportList(Request({a, b}));
  ASSERT_FALSE(out.has_value());
  EXPECT_NE(out.error().message.find("rows 2 and 5"), std::string::npos);
  EXPECT_FALSE(ws_->Versions("ua-request").has_value());
}

TEST_F(WorkspaceTest, AListKeepsItsKindAndSide) {
  ASSERT_TRUE(ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")})));
  auto req = Request({Person("1", "Шевченко", "Дмитро")});
  req.side = "ru";
  auto out = ws_->ImportList(req);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code, ErrorCode::kConflict);
  EXPECT_NE(out.error().message.find("--side ua"), std::string::npos);
}

TEST_F(WorkspaceTest, TheDatabaseRefusesEditsOfRecordsAndFrozenVersions) {
  ASSERT_TRUE(ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")})));
  auto edit = ws_->db().Exec("UPDATE record_versions SET surname = 'X'");
  ASSERT_FALSE(edit.has_value());
  EXPECT_NE(edit.error().message.find("never edited in place"), std::string::npos);
  auto unfreeze = ws_->db().Exec("UPDATE list_versions SET state = 'draft'");
  ASSERT_FALSE(unfreeze.has_value());
  EXPECT_NE(unfreeze.error().message.find("frozen"), std::string::npos);
  auto remove = ws_->db().Exec("DELETE FROM list_members");
  ASSERT_FALSE(remove.has_value());
}

TEST_F(WorkspaceTest, IntegrityCheckFindsTamperedRecords) {
  ASSERT_TRUE(ws_->ImportList(Request({Person("1", "Шевченко", "Дмитро")})));
  ASSERT_TRUE(
      ws_->db().Exec("DROP TRIGGER record_versions_are_immutable; "
                     "UPDATE record_versions SET surname = 'Forged'"));
  auto report = ws_->CheckIntegrity();
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_NE(report->problems[0].find("content hash"), std::string::npos);
}

TEST_F(WorkspaceTest, OpenRefusesAMissingWorkspaceWithAHint) {
  auto ws = Workspace::Open(dir_ / "nowhere");
  ASSERT_FALSE(ws.has_value());
  EXPECT_NE(ws.error().message.find("parley init"), std::string::npos);
}

TEST(ListRef, ParsesNameAndVersion) {
  EXPECT_EQ(ParseListRef("ua-request@2")->version, 2);
  EXPECT_EQ(ParseListRef("ua-request")->list, "ua-request");
  EXPECT_FALSE(ParseListRef("ua@x").has_value());
  EXPECT_FALSE(ParseListRef("@2").has_value());
}

}  // namespace
}  // namespace parley::store
