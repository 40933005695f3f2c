// parley/lists/xlsx_reader.h — reading one worksheet of an XLSX workbook as rows of cells.
//
// An XLSX file is a zip (read with minizip) of XML parts (parsed with pugixml): the workbook
// names the sheets, a relationships part says which XML file holds each, sharedStrings holds
// most text, styles says which number cells are dates. ReadXlsxSheet resolves all that into
// the CellTable the CSV reader produces, so the list reader does not know the difference:
//   - cells are placed by their reference (r="C5"), so skipped cells and rows are handled;
//   - shared strings (plain or rich-text runs), inline strings, booleans (TRUE/FALSE) and
//     formula results are text; numbers are written as Excel shows them in General format
//     (integers without ".0", so a service number 1234567 stays "1234567");
//   - a number whose style is a date (built-in formats 14-22, or a custom format with d, m or
//     y outside quotes and brackets) becomes an ISO date "YYYY-MM-DD" (1900 and 1904 systems);
//   - each row's `line` is the worksheet's own row number, which is what the clerk sees.
// The whole sheet is parsed as one DOM: simple and fast enough for the 100k-row lists bureaus
// send; a million-row workbook needs about 1 GB (see the report: a SAX reader would not).
//
//   auto table = ReadXlsxSheet("list.xlsx", "");   // first sheet
//   if (!table) return Fail(table.error());
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "lists/cell_table.h"

namespace parley {

// `sheet` = the worksheet's name; empty = the first worksheet in the workbook.
[[nodiscard]] Result<CellTable> ReadXlsxSheet(const std::filesystem::path& path,
                                              std::string_view sheet);

// Days since the Excel epoch (fractions ignored) as "YYYY-MM-DD"; "" when out of range.
[[nodiscard]] std::string ExcelSerialToIso(double serial, bool date1904);

}  // namespace parley
