// parley/lists/list_file.h — reading and writing list files (SYSTEM.md "List file").
//
// ReadListFile turns a CSV or XLSX file, as a bureau really writes it, into PersonRecords:
// it detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1251) and says
// which it used, recognises Ukrainian, Russian and English header names (overridable with
// `column_map`), splits a single full-name column, parses dates, and validates every row.
// It never stops at the first bad row: every reject is reported with its row and reason so
// the clerk can fix the file in one pass. Whether rejects refuse the whole import is the
// caller's decision (the store's import transaction), not the reader's.
//
//   ListReadOptions opts;
//   auto list = ReadListFile("ua-request.csv", opts);
//   if (!list) return Fail(list.error());          // unreadable file: nothing to import
//   if (!list->rejects.empty()) ...                 // refuse, or --skip-invalid
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"

namespace parley {

enum class ListFormat { kCsv, kXlsx, kJson };

struct ListReadOptions {
  // Header overrides: {"ПІБ", "full_name"} maps the file's column "ПІБ" to full_name.
  std::vector<std::pair<std::string, std::string>> column_map;
  // CSV only: force an encoding ("utf-8", "utf-16le", "utf-16be", "windows-1251"); empty =
  // detect. XLSX is XML, whose encoding is declared, so this is ignored there.
  std::string encoding;
  // Today's date for the "not in the future" check; year 0 = the system clock.
  DateBounds date_bounds;
  // XLSX only: the worksheet to read; empty = the first one.
  std::string sheet;
  // Order of a single full-name column: "surname-first", "given-first"; empty = detect
  // (a list without patronymics gives no evidence, and then surname-first is assumed). A
  // detected order is a prior: a row whose own words say otherwise (a patronymic form, a
  // comma, capitals, initials, a known given name beside a word that is none) is read by them.
  // A declared order binds every row that does not mark its parts itself with a comma,
  // capitals or initials.
  std::string name_order;
};

// A row that could not be read, with the reason; `where` names the file, row and column.
struct RowReject {
  Error error;
  std::vector<std::string> cells;  // the raw cells, for the rejects file
};

struct ListFile {
  ListFormat format = ListFormat::kCsv;
  // What was detected or forced: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1251 (XLSX: utf-8).
  std::string encoding;
  char delimiter = ',';             // CSV: the delimiter detected (or tab for .tsv); XLSX: ','
  std::vector<std::string> header;  // as written in the file
  std::int64_t header_row = 1;      // where the header is (title rows may precede it)
  std::vector<std::string> canonical_columns;  // canonical name per header cell ("" = extra)
  std::string name_order;                      // "surname-first" / "given-first" / "split columns"
  // Rows of separate name columns whose names were found in other columns than their own and
  // moved (names::ReadNameColumns): a whole name in the surname cell, or given name and
  // surname in each other's cell.
  std::int64_t rows_with_names_moved = 0;
  std::vector<PersonRecord> records;  // the good rows, in file order
  std::vector<RowReject> rejects;     // the bad rows, in file order
};

// Reads a whole list file. The format comes from the extension (.csv, .tsv, .txt = CSV;
// .xlsx = XLSX). The header is the first non-blank row that names a name column (title rows
// above it are skipped; see `header_row`). When the file has no id column, each record's id
// is "row-<N>", N being its row number, so ids stay unique and point back at the file.
// Errors (returned, not in `rejects`) mean the file as a whole cannot be read: missing, no
// header, no name column, two columns meaning the same field, unknown or broken encoding,
// an unterminated quote that swallows the rest of the file.
[[nodiscard]] Result<ListFile> ReadListFile(const std::filesystem::path& path,
                                            const ListReadOptions& options);

// Columns whose header starts with this prefix hold forms parley derived from the names
// (export writes them); the reader skips them, so an exported file imports as the same
// records: derived values are recomputed, never taken as data.
inline constexpr std::string_view kDerivedColumnPrefix = "derived_";

// Writes records as a list file: the canonical columns (birth dates in ISO 8601), then the
// extra columns (the union over records, in first-seen order), then `derived` columns if the
// caller supplies them (one value per record per derived column name). XLSX writes every cell
// as a string (ids like "007" survive, and no cell is a formula); JSON is an array of objects
// with the canonical fields, an "extra" object and, when given, a "derived" object. CSV is
// UTF-8, written as `csv` says (the default is for people: see CsvStyle).
struct DerivedColumns {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> values;  // values[record][column]
};

// How a CSV export is written. The defaults are for a person who opens it in a spreadsheet:
// a UTF-8 BOM (without it Excel reads UTF-8 as the locale's code page, and Cyrillic becomes
// mojibake) and formula-like cells neutralised (csv_formula_guard.h). Scripts turn both off
// (`--no-bom`, `--raw`) to get the stored values byte for byte. parley reads either.
struct CsvStyle {
  bool bom = true;
  bool neutralise_formulas = true;
};

[[nodiscard]] Result<void> WriteListFile(const std::filesystem::path& path, ListFormat format,
                                         const std::vector<PersonRecord>& records,
                                         const DerivedColumns& derived = {},
                                         const CsvStyle& csv = {});

// Writes rejected rows (header + raw cells + a `reject_reason` column) as CSV in the input
// file's own encoding and delimiter (ListFile::encoding, ListFile::delimiter), so the clerk
// opens, fixes and re-imports it as they would the input. Cells are written as they were
// read: the file holds only what the clerk's own file held. An XLSX input gives UTF-8 with a
// BOM and `,`.
struct RejectsLayout {
  std::string encoding = "utf-8";  // a DecodedText::encoding name (text_encoding.h)
  char delimiter = ',';
};
[[nodiscard]] Result<void> WriteRejects(const std::filesystem::path& path,
                                        const std::vector<std::string>& header,
                                        const std::vector<RowReject>& rejects,
                                        const RejectsLayout& layout = {});

// The rejects layout that mirrors `file` (see WriteRejects).
[[nodiscard]] RejectsLayout RejectsLayoutOf(const ListFile& file);

[[nodiscard]] Result<ListFormat> ParseListFormat(std::string_view text);

}  // namespace parley
