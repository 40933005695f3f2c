// Data-driven import cases (STYLE.md, after DuckDB): every list file in tests/cases/lists/
// is read with ReadListFile and its import report (encoding, header, name order, each record
// and each reject, or the file's error) must equal the `.expected` file beside it. Adding a
// case is adding two files. To create or update expectations after a deliberate change, run
// with PARLEY_UPDATE_CASES=1 and review the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lists/list_file.h"

namespace parley {
namespace {

const std::filesystem::path kCasesDir =
    std::filesystem::path(PARLEY_SOURCE_DIR) / "tests" / "cases" / "lists";

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

std::string WithoutDirectory(Error e) {
  e.where.file = std::filesystem::path(e.where.file).filename().string();
  return e.Describe();
}

std::string RecordLine(const PersonRecord& r) {
  std::string line = "record row " + std::to_string(r.source_row) + ":";
  for (std::string_view column : kCanonicalColumns) {
    std::string value = CanonicalField(r, column);
    if (!value.empty()) line += " " + std::string(column) + "=" + Escape(value) + " |";
  }
  for (const ExtraField& f : r.extra) {
    if (!f.value.empty()) line += " [" + f.column + "]=" + Escape(f.value) + " |";
  }
  if (line.ends_with(" |")) line.resize(line.size() - 2);
  return line;
}

std::string Report(const std::filesystem::path& input) {
  ListReadOptions options;
  options.date_bounds.today = PartialDate{2026, 11, 25};
  auto list = ReadListFile(input, options);
  std::ostringstream out;
  if (!list) {
    out << "error: " << WithoutDirectory(list.error()) << "\n";
    return out.str();
  }
  out << "encoding: " << list->encoding << "\n";
  out << "header row: " << list->header_row << "\n";
  out << "name order: " << list->name_order << "\n";
  if (list->rows_with_names_moved > 0) {
    out << "rows with names moved: " << list->rows_with_names_moved << "\n";
  }
  out << "columns:";
  for (std::size_t i = 0; i < list->header.size(); ++i) {
    const std::string& c = list->canonical_columns[i];
    out << (i == 0 ? " " : " | ") << (c.empty() ? "extra" : c) << "=" << list->header[i];
  }
  out << "\n";
  for (const PersonRecord& r : list->records) out << RecordLine(r) << "\n";
  for (const RowReject& r : list->rejects) {
    out << "reject row " << r.error.where.row << ": " << WithoutDirectory(r.error) << "\n";
  }
  return out.str();
}

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ListCases, EveryCaseGivesItsExpectedReport) {
  ASSERT_TRUE(std::filesystem::is_directory(kCasesDir)) << kCasesDir;
  bool update = std::getenv("PARLEY_UPDATE_CASES") != nullptr;
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCasesDir)) {
    std::filesystem::path input = entry.path();
    if (input.extension() == ".expected") continue;
    ++cases;
    std::filesystem::path expected_path = input;
    expected_path += ".expected";
    std::string report = Report(input);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << report;
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(expected_path))
        << expected_path << " is missing; run with PARLEY_UPDATE_CASES=1 and review it";
    EXPECT_EQ(report, Slurp(expected_path)) << input.filename();
  }
  EXPECT_GE(cases, 8);
}

}  // namespace
}  // namespace parley
