// parley/lists/test_files.h — helpers for the lists tests only: scratch files and the
// encodings and workbooks a bureau would send, produced with the same libraries (ICU,
// libxlsxwriter) so no binary fixture has to be committed.
#pragma once

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unicode/ucnv.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace parley::testing_files {

// This test process's scratch directory, removed when the process ends: ctest runs every test
// in a process of its own, and each one left its files behind in /tmp.
inline const std::filesystem::path& ScratchRoot() {
  struct Root {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
                                 ("parley_lists_" + std::to_string(::getpid()));
    ~Root() {
      std::error_code ignored;  // a scratch directory that cannot be removed fails no test
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Root root;
  return root.path;
}

// A fresh path in the test's scratch directory, unique per test and name.
inline std::filesystem::path ScratchPath(std::string_view name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir =
      ScratchRoot() / (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::create_directories(dir);
  return dir / name;
}

inline std::filesystem::path WriteBytes(std::string_view name, std::string_view bytes) {
  std::filesystem::path path = ScratchPath(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// `utf8` converted to `encoding` with ICU ("UTF-16LE", "windows-1251", ...).
inline std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n > 0 ? n : 0));
  return out;
}

// A cell for MakeXlsx: text, a number, or a date (serial number with a date format).
struct XlsxCell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kBool } kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  static XlsxCell Text(std::string s) { return {Kind::kText, std::move(s), 0}; }
  static XlsxCell Number(double v) { return {Kind::kNumber, {}, v}; }
  static XlsxCell Date(double serial) { return {Kind::kDate, {}, serial}; }
  static XlsxCell Bool(bool b) { return {Kind::kBool, {}, b ? 1.0 : 0.0}; }
};

// Writes rows (row 0 = the sheet's row 1) into the sheet `sheet_name`, after an optional
// empty first sheet. `date_format` is the number format of date cells.
inline std::filesystem::path MakeXlsx(std::string_view name,
                                      const std::vector<std::vector<XlsxCell>>& rows,
                                      const char* sheet_name = "list",
                                      bool empty_sheet_first = false,
                                      const char* date_format = "dd.mm.yyyy") {
  std::filesystem::path path = ScratchPath(name);
  lxw_workbook* wb = workbook_new(path.string().c_str());
  if (empty_sheet_first) workbook_add_worksheet(wb, "cover");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, date_format);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const XlsxCell& cell = rows[r][c];
      auto row = static_cast<lxw_row_t>(r);
      auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case XlsxCell::Kind::kEmpty:
          break;
        case XlsxCell::Kind::kText:
          worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
          break;
        case XlsxCell::Kind::kNumber:
          worksheet_write_number(ws, row, col, cell.number, nullptr);
          break;
        case XlsxCell::Kind::kDate:
          worksheet_write_number(ws, row, col, cell.number, date);
          break;
        case XlsxCell::Kind::kBool:
          worksheet_write_boolean(ws, row, col, cell.number != 0, nullptr);
          break;
      }
    }
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

// A part too big to build in memory: `head`, then `filler` written `times` times, then `tail`.
// Deflated as it is written, so a test can make a 300 MiB part that packs to a few hundred KB.
struct RepeatedPart {
  std::string name;
  std::string head;
  std::string filler;
  std::size_t times = 0;
  std::string tail;
};

// A zip of the given parts (and `big`, when it has a name), written with minizip, the library
// the reader uses: for hand-made, deliberately damaged or hostile XLSX packages.
inline std::filesystem::path MakeZip(std::string_view name,
                                     const std::vector<std::pair<std::string, std::string>>& parts,
                                     const RepeatedPart& big = {}) {
  std::filesystem::path path = ScratchPath(name);
  zipFile zip = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(zip, nullptr);
  auto write = [&](const std::string& part, auto&& body) {
    zip_fileinfo info{};
    EXPECT_EQ(zipOpenNewFileInZip64(zip, part.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
              ZIP_OK);
    body([&](std::string_view bytes) {
      EXPECT_EQ(zipWriteInFileInZip(zip, bytes.data(), static_cast<unsigned>(bytes.size())),
                ZIP_OK);
    });
    EXPECT_EQ(zipCloseFileInZip(zip), ZIP_OK);
  };
  for (const auto& [part, content] : parts) {
    write(part, [&](auto&& put) { put(content); });
  }
  if (!big.name.empty()) {
    write(big.name, [&](auto&& put) {
      put(big.head);
      for (std::size_t i = 0; i < big.times; ++i) put(big.filler);
      put(big.tail);
    });
  }
  EXPECT_EQ(zipClose(zip, nullptr), ZIP_OK);
  return path;
}

// The parts of a minimal one-sheet workbook around `sheet_data` (the <sheetData> children),
// with `shared` strings, `styles` (a whole styles.xml, or "" for none) and workbookPr.
inline std::vector<std::pair<std::string, std::string>> MinimalWorkbook(
    const std::string& sheet_data, const std::string& shared = "", const std::string& styles = "",
    const std::string& workbook_pr = "") {
  constexpr const char* kNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  constexpr const char* kRelNs =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", std::string("<workbook xmlns=\"") + kNs + "\" xmlns:r=\"" + kRelNs +
                              "\">" + workbook_pr +
                              "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                              "</workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"x\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet xmlns=\"") + kNs + "\"><sheetData>" +
                                       sheet_data + "</sheetData></worksheet>"},
  };
  if (!shared.empty()) {
    parts.push_back(
        {"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kNs + "\">" + shared + "</sst>"});
  }
  if (!styles.empty()) parts.push_back({"xl/styles.xml", styles});
  return parts;
}

}  // namespace parley::testing_files
