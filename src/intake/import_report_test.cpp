#include "intake/import_report.h"

#include <gtest/gtest.h>

namespace parley::intake {
namespace {

ImportFileReport SkippedOneRow() {
  ImportFileReport r;
  r.list = "ua-request";
  r.file.encoding = "windows-1251";
  r.file.name_order = "surname-first";
  r.file.rejects.push_back(
      {Error{ErrorCode::kInvalidInput, "no such day", {"f.csv", 3, 4, "birth_date"}}, {}});
  r.record_count = 2;
  r.rejects_file = "/data/f.rejects.csv";
  r.outcome = {.unchanged = false, .version = 2, .added = 1, .changed = 1, .kept = 0, .removed = 3};
  return r;
}

// Byte for byte what `parley import --json` prints (fields in key order).
TEST(ImportReportJsonTest, CommandLineNamesTheRejectsFile) {
  EXPECT_EQ(ImportReportJson(SkippedOneRow(), ImportReportReader::kCommandLine).dump(),
            R"({"added":1,"changed":1,"encoding":"windows-1251","kept":0,"list":"ua-request",)"
            R"("name_order":"surname-first","records":2,"rejected":1,)"
            R"("rejects_file":"/data/f.rejects.csv","removed":3,"rows_with_names_moved":0,)"
            R"("unchanged":false,"version":2})");
}

// Byte for byte what an upload answers: the rows, not a server-side path.
TEST(ImportReportJsonTest, ApiListsTheRejectedRows) {
  EXPECT_EQ(ImportReportJson(SkippedOneRow(), ImportReportReader::kApi).dump(),
            R"({"added":1,"changed":1,"encoding":"windows-1251","kept":0,"list":"ua-request",)"
            R"("name_order":"surname-first","records":2,"rejected":1,)"
            R"("rejects":[{"field":"birth_date","message":"no such day","row":3}],)"
            R"("removed":3,"rows_with_names_moved":0,"unchanged":false,"version":2})");
}

TEST(ImportReportJsonTest, CleanImportHasAnEmptyRejectsFileAndNoRows) {
  ImportFileReport r;
  r.list = "x";
  EXPECT_EQ(ImportReportJson(r, ImportReportReader::kCommandLine)["rejects_file"], "");
  EXPECT_EQ(ImportReportJson(r, ImportReportReader::kApi)["rejects"], nlohmann::json::array());
  EXPECT_FALSE(ImportReportJson(r, ImportReportReader::kApi).contains("rejects_file"));
  EXPECT_FALSE(ImportReportJson(r, ImportReportReader::kCommandLine).contains("rejects"));
}

}  // namespace
}  // namespace parley::intake
