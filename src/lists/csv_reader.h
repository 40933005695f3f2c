// parley/lists/csv_reader.h — an RFC 4180 CSV parser over decoded UTF-8 text.
//
// Handles what bureaus' spreadsheets write: quoted fields with doubled quotes, newlines
// inside quotes, CRLF or LF (or a lone CR) line ends, a trailing line end, and `,` `;` or TAB
// as the delimiter (detected: the one that splits the header and the first records into the
// same number of cells; Excel in Ukrainian and Russian locales saves with `;`). Each record carries
// the physical line where it starts, which is the "row" a clerk looks for in an editor.
//
// Contract: the only error is an unbalanced quote, reported at the line where the quoted
// field began (it swallows the rest of the file, so nothing after it can be trusted). Row
// widths are not checked here; the list reader compares them with the header. Cells are
// views into `text`, which must outlive the table; only cells with doubled quotes are copied.
// Hand-written because none of parley's dependencies parses CSV (ICU does not; Boost is not
// a dependency), and a view-based parser is what makes a million rows take a fraction of a
// second.
//
//   auto table = ParseCsv(text, {.file = "list.csv"});
//   if (!table) return Fail(table.error());   // "list.csv: row 12: unbalanced quote ..."
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "lists/cell_table.h"

namespace parley {

struct CsvOptions {
  char delimiter = 0;  // 0 = detect from the header line
  std::string file;    // names the file in errors
};

// Detects the delimiter from the first records of `text` (see csv_reader.cpp for the rule).
[[nodiscard]] char DetectCsvDelimiter(std::string_view text);

[[nodiscard]] Result<CellTable> ParseCsv(std::string_view text, const CsvOptions& options);

}  // namespace parley
