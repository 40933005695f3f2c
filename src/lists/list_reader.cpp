// ReadListFile: file -> bytes -> UTF-8 -> cells -> canonical columns -> validated records.
// Each stage lives in its own file; this one only wires them and validates rows. Validation
// collects every bad row (one reject per row, its first problem) so a clerk fixes the file
// in one pass; only problems that make the whole file unreadable are returned as errors.
#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "core/file_io.h"
#include "lists/control_characters.h"
#include "lists/csv_reader.h"
#include "lists/extra_column_names.h"
#include "lists/header_map.h"
#include "lists/list_file.h"
#include "lists/text_encoding.h"
#include "lists/xlsx_reader.h"
#include "names/full_name_split.h"

namespace parley {
namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

std::string LowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

Result<ListFormat> FormatFromExtension(const std::filesystem::path& path) {
  std::string ext = LowerExtension(path);
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return ListFormat::kCsv;
  if (ext == ".xlsx") return ListFormat::kXlsx;
  return Fail(ErrorCode::kInvalidInput,
              "cannot tell the list format from the extension '" + ext +
                  "'; use .csv, .tsv, .txt or .xlsx (save .xls files as .xlsx)",
              Location{path.string(), 0, 0, {}});
}

Result<std::string> ReadBytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "no such list file", Location{path.string(), 0, 0, {}});
  }
  return ReadWholeFile(path);
}

// Spreadsheets pad cells with spaces, tabs, stray line ends and no-break spaces (U+00A0);
// none of them is content.
std::size_t LeadingBlank(std::string_view s) {
  if (s.starts_with("\xC2\xA0")) return 2;
  return !s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n');
}

std::size_t TrailingBlank(std::string_view s) {
  if (s.ends_with("\xC2\xA0")) return 2;
  return !s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n');
}

std::string_view TrimCell(std::string_view s) {
  while (std::size_t n = LeadingBlank(s)) s.remove_prefix(n);
  while (std::size_t n = TrailingBlank(s)) s.remove_suffix(n);
  return s;
}

// A cell holding a control character (control_characters.h): the message names it by code,
// never prints it.
std::optional<std::string> ControlCharacterProblem(std::string_view cell) {
  auto c = FirstControlCharacter(cell);
  if (!c) return std::nullopt;
  return "control character " + ControlCharacterName(c->code_point) + " at character " +
         std::to_string(c->position) +
         " of the cell: parley does not keep control characters, which act on a terminal "
         "when printed; remove it from the file";
}

using TextMember = std::string PersonRecord::*;

// The record field a canonical text column fills; null for birth_date (parsed, not copied).
TextMember TextField(std::string_view column) {
  if (column == "id") return &PersonRecord::id;
  if (column == "surname") return &PersonRecord::surname;
  if (column == "given_name") return &PersonRecord::given_name;
  if (column == "patronymic") return &PersonRecord::patronymic;
  if (column == "full_name") return &PersonRecord::full_name;
  if (column == "birth_place") return &PersonRecord::birth_place;
  if (column == "service_number") return &PersonRecord::service_number;
  if (column == "rank") return &PersonRecord::rank;
  if (column == "unit") return &PersonRecord::unit;
  if (column == "sex") return &PersonRecord::sex;
  if (column == "category") return &PersonRecord::category;
  if (column == "notes") return &PersonRecord::notes;
  return nullptr;
}

Result<CellTable> LoadCells(const std::filesystem::path& path, ListFormat format,
                            const ListReadOptions& options, std::string& text, ListFile& list) {
  if (format == ListFormat::kXlsx) {
    list.encoding = "utf-8";  // XLSX parts are XML, which declares its own Unicode form
    return ReadXlsxSheet(path, options.sheet);
  }
  auto bytes = ReadBytes(path);
  if (!bytes) return Fail(bytes.error());
  auto decoded = DecodeToUtf8(*bytes, options.encoding, path.string());
  if (!decoded) return Fail(decoded.error());
  list.encoding = std::move(decoded->encoding);
  text = std::move(decoded->utf8);
  // Detected here, not in ParseCsv, so the rejects file can be written with it.
  list.delimiter = LowerExtension(path) == ".tsv" ? '\t' : DetectCsvDelimiter(text);
  return ParseCsv(text, CsvOptions{list.delimiter, path.string()});
}

bool IsBlankRow(std::span<const std::string_view> cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](std::string_view c) { return TrimCell(c).empty(); });
}

// Turns the rows after the header into records or rejects.
class RowValidator {
 public:
  RowValidator(std::string file, const ListFile& list, const ListReadOptions& options)
      : file_(std::move(file)),
        list_(list),
        bounds_(options.date_bounds),
        extra_names_(ExtraColumnNames(list.header)) {
    // One "today" for the whole file: the clock is read once, not once per row.
    if (bounds_.today.IsUnknown()) bounds_.today = TodayUtc();
    for (std::size_t i = 0; i < list.canonical_columns.size(); ++i) {
      const std::string& c = list.canonical_columns[i];
      if (c == "id") id_column_ = i;
      if (c == "surname") surname_column_ = i;
      if (c == "full_name") full_name_column_ = i;
      // Resolved once per column, not once per cell: a million rows have ten million cells.
      text_fields_.push_back(TextField(c));
    }
  }

  void SetNameOrder(names::NameOrderPrior prior) { name_order_ = prior; }
  void ExpectRows(std::size_t rows) { first_row_of_id_.reserve(rows); }
  std::size_t full_name_column() const { return full_name_column_; }
  std::size_t surname_column() const { return surname_column_; }
  std::int64_t rows_with_names_moved() const { return rows_with_names_moved_; }

  // Returns the record, or fills `reject` with the row's first problem and returns nothing.
  // Every check runs even after a failure, so that the row's id is still registered: a
  // duplicate of a row rejected for its date is reported in the same pass.
  std::optional<PersonRecord> Build(std::int64_t line, std::span<const std::string_view> cells,
                                    std::optional<Error>& reject) {
    PersonRecord r;
    r.source_row = line;
    auto keep_first = [&reject](std::optional<Error> e) {
      if (e && !reject) reject = std::move(e);
    };
    keep_first(CheckWidth(line, cells));
    // Missing trailing cells are empty (XLSX and many CSV writers leave them out), so every
    // record has the same extra columns whatever its width.
    for (std::size_t i = 0; i < list_.header.size(); ++i) {
      keep_first(SetCell(r, line, i, i < cells.size() ? TrimCell(cells[i]) : std::string_view{}));
    }
    if (r.surname.empty() && !r.full_name.empty()) {
      names::NameParts parts = names::SplitFullName(r.full_name, name_order_);
      r.surname = std::move(parts.surname);
      if (r.given_name.empty()) r.given_name = std::move(parts.given_name);
      if (r.patronymic.empty()) r.patronymic = std::move(parts.patronymic);
    } else if (r.full_name.empty() && !r.surname.empty()) {
      names::ColumnsRead read = names::ReadNameColumns(
          {std::move(r.surname), std::move(r.given_name), std::move(r.patronymic)}, name_order_);
      r.surname = std::move(read.parts.surname);
      r.given_name = std::move(read.parts.given_name);
      r.patronymic = std::move(read.parts.patronymic);
      if (read.reading != names::ColumnReading::kAsWritten) ++rows_with_names_moved_;
    }
    if (r.surname.empty() && r.given_name.empty()) {
      keep_first(At(line, NameColumn(), "no name: the name cells of this row are empty"));
    }
    keep_first(CheckId(r, line));
    if (reject) return std::nullopt;
    return r;
  }

 private:
  Error At(std::int64_t line, std::size_t column, std::string message) const {
    Location where{file_, line, 0, {}};
    if (column != kNoColumn) {
      where.column = static_cast<std::int64_t>(column + 1);
      where.field = list_.header[column];
    }
    return Error{ErrorCode::kInvalidInput, std::move(message), std::move(where)};
  }

  std::size_t NameColumn() const {
    return surname_column_ != kNoColumn ? surname_column_ : full_name_column_;
  }

  // Fewer cells than the header are padded (spreadsheets drop trailing empty cells). More
  // non-empty cells than the header mean an unquoted delimiter inside a cell has shifted the
  // row, so every later cell would land in the wrong column: reject. Trailing empty cells
  // beyond the header ("a,b,c,") are harmless and tolerated.
  std::optional<Error> CheckWidth(std::int64_t line,
                                  std::span<const std::string_view> cells) const {
    std::size_t width = list_.header.size();
    if (cells.size() <= width) return std::nullopt;
    for (std::size_t i = width; i < cells.size(); ++i) {
      if (TrimCell(cells[i]).empty()) continue;
      Error e = At(line, kNoColumn,
                   "the row has " + std::to_string(cells.size()) + " cells but the header has " +
                       std::to_string(width) + "; a cell probably holds an unquoted delimiter");
      e.where.column = static_cast<std::int64_t>(i + 1);
      return e;
    }
    return std::nullopt;
  }

  std::optional<Error> SetCell(PersonRecord& r, std::int64_t line, std::size_t i,
                               std::string_view value) {
    // First, so no later message quotes the cell with its control character.
    if (auto problem = ControlCharacterProblem(value)) return At(line, i, std::move(*problem));
    const std::string& column = list_.canonical_columns[i];
    if (column.empty()) {
      if (value.empty() && list_.header[i].empty()) return std::nullopt;
      if (list_.header[i].starts_with(kDerivedColumnPrefix)) return std::nullopt;
      r.extra.push_back(ExtraField{extra_names_[i], std::string(value)});
      return std::nullopt;
    }
    if (column == "birth_date") {
      auto date = ParsePartialDate(value, bounds_);
      if (!date) return At(line, i, "invalid birth date: " + date.error().message);
      r.birth_date = *date;
      return std::nullopt;
    }
    if (TextMember field = text_fields_[i]) (r.*field).assign(value);
    return std::nullopt;
  }

  std::optional<Error> CheckId(PersonRecord& r, std::int64_t line) {
    if (id_column_ == kNoColumn) {
      r.id = "row-" + std::to_string(line);
      return std::nullopt;
    }
    if (r.id.empty()) return At(line, id_column_, "empty id: every row needs its own id");
    auto [it, inserted] = first_row_of_id_.try_emplace(r.id, line);
    if (!inserted) {
      return At(
          line, id_column_,
          "duplicate id '" + r.id + "': row " + std::to_string(it->second) + " has the same id");
    }
    return std::nullopt;
  }

  std::string file_;
  const ListFile& list_;
  std::int64_t rows_with_names_moved_ = 0;
  DateBounds bounds_;
  names::NameOrderPrior name_order_;
  std::size_t id_column_ = kNoColumn;
  std::size_t surname_column_ = kNoColumn;
  std::size_t full_name_column_ = kNoColumn;
  std::vector<TextMember> text_fields_;   // per column
  std::vector<std::string> extra_names_;  // per column
  std::unordered_map<std::string, std::int64_t> first_row_of_id_;
};

// Bureaus' spreadsheets often open with a title ("Список військовополонених ...") or a date
// line above the header. The header is the first of the first kMaxHeaderCandidates non-blank
// rows that maps to a name column; if none does, the first non-blank row's error stands
// (that is the row a clerk would take for the header). Title rows are ignored, not rejected.
constexpr int kMaxHeaderCandidates = 10;

struct HeaderRow {
  std::size_t index = 0;
  std::vector<std::string> cells;
  std::vector<std::string> columns;
};

Result<HeaderRow> FindHeader(const CellTable& table, const ListReadOptions& options,
                             const std::string& file) {
  std::optional<Error> first_error;
  int candidates = 0;
  for (std::size_t i = 0; i < table.rows.size() && candidates < kMaxHeaderCandidates; ++i) {
    if (IsBlankRow(table.Cells(i))) continue;
    ++candidates;
    HeaderRow header{i, {}, {}};
    for (std::string_view h : table.Cells(i)) header.cells.emplace_back(TrimCell(h));
    // Checked before the header is read: its errors quote header cells.
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      if (auto problem = ControlCharacterProblem(header.cells[c])) {
        return Fail(ErrorCode::kInvalidInput, std::move(*problem),
                    Location{file, table.rows[i].line, static_cast<std::int64_t>(c + 1), {}});
      }
    }
    auto columns =
        MapHeader(header.cells, options.column_map, Location{file, table.rows[i].line, 0, {}});
    if (columns) {
      header.columns = std::move(*columns);
      return header;
    }
    if (!first_error) first_error = std::move(columns.error());
  }
  if (first_error) return Fail(std::move(*first_error));
  return Fail(ErrorCode::kInvalidInput, "the file is empty: no header row",
              Location{file, 0, 0, {}});
}

names::NameOrder DetectOrder(const CellTable& table, std::size_t first_row, std::size_t column) {
  std::vector<std::string_view> full_names;
  full_names.reserve(table.rows.size());
  for (std::size_t i = first_row; i < table.rows.size(); ++i) {
    auto cells = table.Cells(i);
    if (column < cells.size()) full_names.push_back(TrimCell(cells[column]));
  }
  return names::DetectNameOrder(full_names);
}

std::vector<std::string> RawCells(std::span<const std::string_view> cells) {
  return std::vector<std::string>(cells.begin(), cells.end());
}

}  // namespace

Result<ListFile> ReadListFile(const std::filesystem::path& path, const ListReadOptions& options) {
  auto format = FormatFromExtension(path);
  if (!format) return Fail(format.error());
  ListFile list;
  list.format = *format;
  std::string text;  // the decoded CSV text; the table's cells point into it
  auto table = LoadCells(path, *format, options, text, list);
  if (!table) return Fail(table.error());

  std::string file = path.string();
  auto header = FindHeader(*table, options, file);
  if (!header) return Fail(header.error());
  std::size_t header_index = header->index;
  list.header_row = table->rows[header_index].line;
  list.header = std::move(header->cells);
  list.canonical_columns = std::move(header->columns);

  RowValidator validator(file, list, options);
  if (validator.surname_column() != kNoColumn) {
    list.name_order = "split columns";
  } else {
    // The file's order is a prior for each row, which its own evidence may outweigh; a
    // declared order holds unless a row marks its parts itself (names/full_name_parser.h).
    names::NameOrderPrior prior;
    if (options.name_order.empty()) {
      prior = names::NameOrderPrior::File(
          DetectOrder(*table, header_index + 1, validator.full_name_column()));
    } else {
      auto forced = names::ParseNameOrder(options.name_order);
      if (!forced) return Fail(forced.error());
      prior = names::NameOrderPrior::Forced(*forced);
    }
    validator.SetNameOrder(prior);
    list.name_order = std::string(names::NameOrderName(prior.order));
  }

  list.records.reserve(table->rows.size() - header_index - 1);
  validator.ExpectRows(table->rows.size() - header_index - 1);
  for (std::size_t i = header_index + 1; i < table->rows.size(); ++i) {
    auto cells = table->Cells(i);
    if (IsBlankRow(cells)) continue;
    std::optional<Error> reject;
    auto record = validator.Build(table->rows[i].line, cells, reject);
    if (record) {
      list.records.push_back(std::move(*record));
    } else {
      list.rejects.push_back(RowReject{std::move(*reject), RawCells(cells)});
    }
  }
  list.rows_with_names_moved = validator.rows_with_names_moved();
  return list;
}

}  // namespace parley
