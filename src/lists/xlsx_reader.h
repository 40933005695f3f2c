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
// send, but the DOM costs several times the XML (~7x for typical cells), so a sheet near the
// part limit below needs a few GB. Streaming was not done: pugixml has no streaming reader,
// and a hand-written sheetData scanner (entities, CDATA, namespaces, rich text) is a change of
// its own; the limits below bound what a small upload can cost meanwhile.
// A workbook is a zip, so a small upload can claim to unpack to gigabytes (a decompression
// bomb, issue 16 item 4). Nothing here trusts the sizes a zip declares: parts are inflated in
// chunks and refused as soon as the bytes actually produced pass XlsxLimits (per part, in all,
// or at an inflation ratio no real workbook has); rows, columns and cells are capped too.
//
//   auto table = ReadXlsxSheet("list.xlsx", "");   // first sheet
//   if (!table) return Fail(table.error());
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "lists/cell_table.h"

namespace parley {

// Why these numbers: a list sheet as Excel or libxlsxwriter writes it takes ~380 bytes of XML
// per row of 10 columns (measured on generated rows: `<c r="J1000000" t="s"><v>123</v></c>` is
// ~38 bytes a cell), so a full sheet of Excel's 1,048,576 rows is ~400 MB inflated; 512 MiB
// admits it and the other parts (shared strings, styles) fit in the 768 MiB total. Sheet XML
// of generated list rows deflates ~6x; 200x only comes from padding built to inflate (300 MiB
// of spaces deflate ~1000x), so a part past 8 MiB that has inflated more than 200x the packed
// bytes read so far is refused as it grows: a 2 MB upload never costs more than ~400 MB of XML.
// (The DOM estimate above, ~7x, is from pugixml's node and attribute sizes, not measured.)
inline constexpr std::uint64_t kXlsxMaxPartBytes = std::uint64_t{512} << 20;
inline constexpr std::uint64_t kXlsxMaxTotalBytes = std::uint64_t{768} << 20;
inline constexpr std::uint64_t kXlsxMaxRatio = 200;
inline constexpr std::uint64_t kXlsxRatioCheckedFrom = std::uint64_t{8} << 20;
// Excel's own limits (1,048,576 rows, column XFD = 16,384); openpyxl and libxlsxwriter refuse
// to write past them, so a sheet beyond them was not made by a spreadsheet.
inline constexpr std::int64_t kXlsxMaxRows = 1'048'576;
inline constexpr std::size_t kXlsxMaxColumns = 16'384;
// Cells the table may hold (each a 16-byte view, gaps included: one cell at XFD pads its row
// to 16,384): 2^25 is a million rows of 32 columns, 512 MiB of views at most.
inline constexpr std::size_t kXlsxMaxCells = std::size_t{1} << 25;

// The limits above as one value, so tests can shrink them instead of building huge files.
struct XlsxLimits {
  std::uint64_t max_part_bytes = kXlsxMaxPartBytes;          // inflated bytes of any one part
  std::uint64_t max_total_bytes = kXlsxMaxTotalBytes;        // inflated bytes of all parts read
  std::uint64_t max_ratio = kXlsxMaxRatio;                   // inflated / packed, for a part ...
  std::uint64_t ratio_checked_from = kXlsxRatioCheckedFrom;  // ... once it passes this size
  std::int64_t max_rows = kXlsxMaxRows;                      // the last worksheet row number
  std::size_t max_cells = kXlsxMaxCells;                     // cells in the table, gaps included
};

// `sheet` = the worksheet's name; empty = the first worksheet in the workbook.
[[nodiscard]] Result<CellTable> ReadXlsxSheet(const std::filesystem::path& path,
                                              std::string_view sheet,
                                              const XlsxLimits& limits = {});

// Every worksheet of a workbook, in the workbook's order, read under one set of limits (the
// byte and cell caps are for the whole workbook, not each sheet): for workbooks whose sheets
// mean something together, such as a plan's phases (report/plan_workbook_reader.h). The
// tables' shared-string cells are views of `shared`: keep the XlsxSheets alive while they
// are used.
struct XlsxSheets {
  // Moved, never copied: a copied table's cells would view the original's strings.
  XlsxSheets() = default;
  XlsxSheets(XlsxSheets&&) = default;
  XlsxSheets& operator=(XlsxSheets&&) = default;

  struct Sheet {
    std::string name;
    CellTable table;
  };
  std::vector<Sheet> sheets;
  std::deque<std::string> shared;
};
[[nodiscard]] Result<XlsxSheets> ReadXlsxSheets(const std::filesystem::path& path,
                                                const XlsxLimits& limits = {});

// "C" for column 2 (0-based): how a user finds a cell in the spreadsheet.
[[nodiscard]] std::string XlsxColumnLetters(std::size_t column);

// Days since the Excel epoch (fractions ignored) as "YYYY-MM-DD"; "" when out of range.
[[nodiscard]] std::string ExcelSerialToIso(double serial, bool date1904);

}  // namespace parley
