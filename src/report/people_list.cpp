// A list version for people (people_list.h): human heads, real dates, no internal columns.
#include "report/people_list.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>

#include "core/file_io.h"
#include "lists/csv_writer.h"

namespace parley::report {
namespace {

// The canonical columns (person_record.h kCanonicalColumns) and their words, in export order.
constexpr std::array<std::pair<std::string_view, Word>, 13> kColumnWords = {{
    {"id", Word::kPersonId},
    {"surname", Word::kSurname},
    {"given_name", Word::kGivenName},
    {"patronymic", Word::kPatronymic},
    {"full_name", Word::kFullName},
    {"birth_date", Word::kBirthDate},
    {"birth_place", Word::kBirthPlace},
    {"service_number", Word::kServiceNumber},
    {"rank", Word::kRank},
    {"unit", Word::kUnit},
    {"sex", Word::kSex},
    {"category", Word::kCategory},
    {"notes", Word::kNotes},
}};
static_assert(std::size(kColumnWords) == std::size(kCanonicalColumns),
              "every canonical column has a word");

struct Column {
  std::string head;
  std::string_view canonical;  // "" for an extra column
  std::string extra;           // the extra column's name
};

// The columns worth a reader's time: canonical ones some record fills, then every extra one.
std::vector<Column> PeopleColumns(const std::vector<PersonRecord>& records,
                                  const std::vector<ReportLanguage>& languages) {
  std::vector<Column> columns;
  for (const auto& [canonical, word] : kColumnWords) {
    const std::string_view name = canonical;
    const bool used = name == "id" || std::ranges::any_of(records, [&](const PersonRecord& r) {
                        return !CanonicalField(r, name).empty();
                      });
    if (used) columns.push_back({Label(languages, word), name, {}});
  }
  std::vector<std::string> seen;
  for (const PersonRecord& r : records) {
    for (const ExtraField& f : r.extra) {
      if (std::ranges::find(seen, f.column) != seen.end()) continue;
      seen.push_back(f.column);
      columns.push_back({f.column, {}, f.column});
    }
  }
  return columns;
}

std::string Cell(const PersonRecord& r, const Column& c) {
  return c.canonical.empty() ? std::string(r.Extra(c.extra)) : CanonicalField(r, c.canonical);
}

Result<void> WriteCsv(const std::filesystem::path& path, const std::vector<PersonRecord>& records,
                      const std::vector<Column>& columns, const CsvStyle& style) {
  return WriteThroughStream(path, [&](std::ostream& out) {
    if (style.bom) out << "\xEF\xBB\xBF";
    CsvWriter csv(out, ',',
                  style.neutralise_formulas ? CsvCells::kFormulasNeutralised : CsvCells::kAsGiven);
    std::vector<std::string> row;
    for (const Column& c : columns) row.push_back(c.head);
    csv.WriteRow(row);
    for (const PersonRecord& r : records) {
      row.clear();
      for (const Column& c : columns) row.push_back(Cell(r, c));
      csv.WriteRow(row);
    }
  });
}

// Characters, not bytes: a Cyrillic letter is two bytes of UTF-8 but one character wide.
std::size_t CountCodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// Characters wide enough for the head's longest line and the longest cell, within reason.
double Width(const std::vector<PersonRecord>& records, const Column& c) {
  std::size_t widest = 8;
  std::size_t start = 0;
  for (std::size_t end; (end = c.head.find(" / ", start)) != std::string::npos; start = end + 3) {
    widest = std::max(widest, CountCodePoints(c.head.substr(start, end - start)));
  }
  widest = std::max(widest, CountCodePoints(c.head.substr(start)));
  for (const PersonRecord& r : records) widest = std::max(widest, CountCodePoints(Cell(r, c)));
  return static_cast<double>(std::min<std::size_t>(widest + 2, 48));
}

Result<void> WriteXlsx(const std::filesystem::path& temp, const std::filesystem::path& path,
                       const std::vector<PersonRecord>& records, const std::vector<Column>& columns,
                       const std::string& sheet_name) {
  // constant_memory streams rows to a temp file: a 100k-row list stays flat in memory.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  const std::string name = temp.string();
  lxw_workbook* book = workbook_new_opt(name.c_str(), &options);
  if (book == nullptr) {
    return Fail(ErrorCode::kIoError, "cannot create the workbook",
                Location{path.string(), 0, 0, {}});
  }
  const bool valid = workbook_validate_sheet_name(book, sheet_name.c_str()) == LXW_NO_ERROR;
  lxw_worksheet* sheet = workbook_add_worksheet(book, valid ? sheet_name.c_str() : "list");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* date_format = workbook_add_format(book);
  format_set_num_format(date_format, "yyyy-mm-dd");
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(sheet, c, c, Width(records, columns[c]), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(records.size()),
                       static_cast<lxw_col_t>(columns.size() - 1));
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, c, columns[c].head.c_str(), bold);
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(i + 1);
    const PersonRecord& r = records[i];
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
      if (columns[c].canonical == "birth_date" && r.birth_date.day != 0) {
        // A whole date is a date cell (it sorts and filters as one); a partial one is text.
        lxw_datetime date{r.birth_date.year, r.birth_date.month, r.birth_date.day, 0, 0, 0};
        worksheet_write_datetime(sheet, row, c, &date, date_format);
        continue;
      }
      const std::string text = Cell(r, columns[c]);
      // Text cells: ids like "007" and service numbers must not become numbers.
      if (!text.empty()) worksheet_write_string(sheet, row, c, text.c_str(), nullptr);
    }
  }
  if (const lxw_error status = workbook_close(book); status != LXW_NO_ERROR) {
    return Fail(ErrorCode::kIoError,
                std::string("cannot write the workbook: ") + lxw_strerror(status),
                Location{path.string(), 0, 0, {}});
  }
  return {};
}

}  // namespace

Result<void> WritePeopleList(const std::filesystem::path& path, ListFormat format,
                             const std::vector<PersonRecord>& records,
                             const std::vector<ReportLanguage>& languages, const std::string& sheet,
                             const CsvStyle& csv) {
  const std::vector<Column> columns = PeopleColumns(records, languages);
  switch (format) {
    case ListFormat::kCsv:
      return WriteCsv(path, records, columns, csv);
    case ListFormat::kXlsx:
      if (records.size() + 1 > 1'048'576) {
        return Fail(ErrorCode::kInvalidInput, "XLSX holds at most 1048575 records; export as CSV",
                    Location{path.string(), 0, 0, {}});
      }
      return WriteViaTempFile(path, [&](const std::filesystem::path& temp) {
        return WriteXlsx(temp, path, records, columns, sheet);
      });
    case ListFormat::kJson:
      break;
  }
  return Fail(
      ErrorCode::kInvalidInput,
      "--lang is for lists people read (csv or xlsx); JSON is for programs: leave --lang out",
      Location{{}, 0, 0, "--lang"});
}

}  // namespace parley::report
