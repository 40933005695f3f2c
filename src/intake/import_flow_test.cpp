#include "intake/import_flow.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "store/event_log.h"
#include "store/test_workspace.h"

namespace parley::intake {
namespace {

class ImportFlowTest : public ::testing::Test {
 protected:
  // A file beside the workspace (in its temporary folder, so it goes with it).
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    const std::filesystem::path path = t_.dir() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  ImportFileRequest Request(const std::filesystem::path& file) {
    ImportFileRequest req;
    req.file = file;
    req.list = "ua-request";
    req.kind = ListKind::kRequest;
    req.side = "ua";
    req.actor = "clerk1";
    return req;
  }
  std::uint64_t EventCount() { return (*t_.ws().Events())->Size(); }

  store::testing::TempWorkspace t_{"parley-intake-import"};
};

constexpr char kGood[] =
    "id,surname,given_name,birth_date\n"
    "1,Шевченко,Дмитро,1990-01-01\n"
    "2,Лисенко,Андрій,03.05.1985\n";
constexpr char kOneBadRow[] =
    "id,surname,given_name,birth_date\n"
    "1,Шевченко,Дмитро,1990-01-01\n"
    "2,Лисенко,Андрій,31.02.1990\n"
    "3,Ковальчук,Петро,1970\n";

TEST_F(ImportFlowTest, GoodFileImportsEveryRowAsVersionOne) {
  const std::uint64_t events = EventCount();
  auto report = ImportListFile(t_.ws(), Request(Write("good.csv", kGood)));
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  EXPECT_EQ(report->list, "ua-request");
  EXPECT_EQ(report->record_count, 2u);
  EXPECT_TRUE(report->file.rejects.empty());
  EXPECT_TRUE(report->rejects_file.empty());
  EXPECT_EQ(report->file.encoding, "utf-8");
  EXPECT_FALSE(report->outcome.unchanged);
  EXPECT_EQ(report->outcome.version, 1);
  EXPECT_EQ(report->outcome.added, 2);
  // The records are given back once stored, so a caller can still show them.
  EXPECT_EQ(report->file.records.size(), 2u);

  auto records = t_.ws().Records("ua-request", std::nullopt);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].record.surname, "Шевченко");
  auto version = t_.ws().Version("ua-request", std::nullopt);
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(version->kind, "request");
  EXPECT_EQ(version->side, "ua");
  EXPECT_EQ(version->imported_by, "clerk1");
  EXPECT_EQ(version->source_file, (t_.dir() / "good.csv").string());
  EXPECT_EQ(EventCount(), events + 1);  // the import is a signed event
}

TEST_F(ImportFlowTest, SameFileAgainIsUnchangedAndWritesNothing) {
  const auto file = Write("good.csv", kGood);
  ASSERT_TRUE(ImportListFile(t_.ws(), Request(file)).has_value());
  const std::uint64_t events = EventCount();
  auto again = ImportListFile(t_.ws(), Request(file));
  ASSERT_TRUE(again.has_value()) << again.error().Describe();
  EXPECT_TRUE(again->outcome.unchanged);
  EXPECT_EQ(again->outcome.version, 1);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(ImportFlowTest, OneBadRowRefusesTheWholeFileAndNothingChanges) {
  ASSERT_TRUE(ImportListFile(t_.ws(), Request(Write("good.csv", kGood))).has_value());
  const std::uint64_t events = EventCount();
  const auto bad = Write("bad.csv", kOneBadRow);
  ListFile rejected;
  auto report = ImportListFile(t_.ws(), Request(bad), &rejected);
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(report.error().message.find("1 invalid row(s); nothing was imported"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(report.error().where.file, bad.string());
  // The caller is given every bad row, with where and why.
  ASSERT_EQ(rejected.rejects.size(), 1u);
  EXPECT_EQ(rejected.rejects[0].error.where.row, 3);
  EXPECT_EQ(rejected.rejects[0].error.where.field, "birth_date");
  // Nothing changed: still version 1 with its two rows, no event, no rejects file.
  auto version = t_.ws().Version("ua-request", std::nullopt);
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(version->version, 1);
  EXPECT_EQ(version->record_count, 2);
  EXPECT_EQ(t_.ws().FindRecord("ua-request", "3").has_value(), false);
  EXPECT_EQ(EventCount(), events);
  EXPECT_FALSE(std::filesystem::exists(t_.dir() / "bad.rejects.csv"));
}

TEST_F(ImportFlowTest, BadRowInANewListLeavesNoList) {
  auto report = ImportListFile(t_.ws(), Request(Write("bad.csv", kOneBadRow)));
  ASSERT_FALSE(report.has_value());
  auto lists = t_.ws().Lists();
  ASSERT_TRUE(lists.has_value());
  EXPECT_TRUE(lists->empty());
}

TEST_F(ImportFlowTest, SkipInvalidImportsTheRestAndWritesTheRejectsBesideTheInput) {
  ImportFileRequest req = Request(Write("bad.csv", kOneBadRow));
  req.skip_invalid = true;
  auto report = ImportListFile(t_.ws(), req);
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  EXPECT_EQ(report->record_count, 2u);
  ASSERT_EQ(report->file.rejects.size(), 1u);
  EXPECT_EQ(report->rejects_file, (t_.dir() / "bad.rejects.csv").string());
  EXPECT_TRUE(std::filesystem::exists(report->rejects_file));
  EXPECT_TRUE(t_.ws().FindRecord("ua-request", "3").has_value());
  EXPECT_FALSE(t_.ws().FindRecord("ua-request", "2").has_value());
}

TEST_F(ImportFlowTest, FileWithoutAGoodRowIsRefusedEvenWithSkipInvalid) {
  ImportFileRequest req = Request(Write("none.csv",
                                        "id,surname,given_name,birth_date\n"
                                        "1,Шевченко,Дмитро,31.02.1990\n"));
  req.skip_invalid = true;
  auto report = ImportListFile(t_.ws(), req);
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(report.error().message, "no valid rows to import");
  EXPECT_FALSE(std::filesystem::exists(t_.dir() / "none.rejects.csv"));
}

TEST_F(ImportFlowTest, SourceNameIsRecordedInsteadOfTheTemporaryPath) {
  auto report =
      ImportListFile(t_.ws(), Request(Write("upload.csv", kGood)), nullptr, "upload:register.csv");
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  auto version = t_.ws().Version("ua-request", std::nullopt);
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(version->source_file, "upload:register.csv");
}

TEST_F(ImportFlowTest, ForcedEncodingAndColumnMapAreApplied) {
  ImportFileRequest req = Request(Write("mapped.csv",
                                        "Номер,ПРІЗВИЩЕ,Імя\n"
                                        "7,Шевченко,Дмитро\n"));
  req.read.column_map = {{"Номер", "id"}, {"ПРІЗВИЩЕ", "surname"}, {"Імя", "given_name"}};
  req.read.encoding = "utf-8";
  auto report = ImportListFile(t_.ws(), req);
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  EXPECT_EQ(report->file.encoding, "utf-8");
  EXPECT_TRUE(t_.ws().FindRecord("ua-request", "7").has_value());
}

}  // namespace
}  // namespace parley::intake
