// parley/lists/csv_writer.h — a streaming RFC 4180 CSV writer.
//
// Writes rows of UTF-8 cells to a std::ostream: a cell is quoted only when it holds a comma,
// quote, CR or LF (quotes doubled), lines end in CRLF as RFC 4180 asks. Streaming keeps a
// million-row export or synthetic list flat in memory. A file meant to be opened in a
// spreadsheet by a person is written with CsvCells::kFormulasNeutralised: a cell a
// spreadsheet would run as a formula gets a leading `'` and is quoted (csv_formula_guard.h).
//
//   PARLEY_TRY(WriteThroughStream("list.csv", [&](std::ostream& out) {   // core/file_io.h
//     CsvWriter csv(out);
//     csv.WriteRow({"id", "surname"});
//     csv.WriteRow({"A-1", "Шевченко"});
//   }));
#pragma once

#include <initializer_list>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace parley {

// Whether cells are written as given (files for scripts and for parley itself) or with
// formula-like cells neutralised (files for people and their spreadsheets).
enum class CsvCells { kAsGiven, kFormulasNeutralised };

class CsvWriter {
 public:
  // `out` must outlive the writer. `delimiter` is ',' unless a bureau's layout wants ';'.
  explicit CsvWriter(std::ostream& out, char delimiter = ',', CsvCells cells = CsvCells::kAsGiven)
      : out_(out), delimiter_(delimiter), cells_(cells) {}

  void WriteRow(std::span<const std::string> cells);
  void WriteRow(std::span<const std::string_view> cells);
  void WriteRow(std::initializer_list<std::string_view> cells);

 private:
  void WriteCell(std::string_view cell);

  void WriteQuoted(std::string_view prefix, std::string_view cell);

  std::ostream& out_;
  char delimiter_;
  CsvCells cells_;
};

}  // namespace parley
