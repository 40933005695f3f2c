// WriteListFile, WriteRejects and ParseListFormat. The column layout is decided once
// (ExportColumns) and shared by the three formats, so CSV, XLSX and JSON exports of one list
// always agree. CSV is streamed; XLSX goes through libxlsxwriter's constant-memory mode;
// JSON is streamed one object per record, so a million-record export stays flat in memory.
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "core/file_io.h"
#include "core/try.h"
#include "lists/csv_writer.h"
#include "lists/list_file.h"
#include "lists/text_encoding.h"

namespace parley {
namespace {

struct ExportColumns {
  std::vector<std::string> extra;  // the union of extra columns, in first-seen order
  std::vector<std::string> all;    // canonical + extra + derived: the header
};

ExportColumns MakeColumns(const std::vector<PersonRecord>& records, const DerivedColumns& derived) {
  ExportColumns c;
  std::unordered_set<std::string> seen;
  for (const PersonRecord& r : records) {
    for (const ExtraField& f : r.extra) {
      if (seen.insert(f.column).second) c.extra.push_back(f.column);
    }
  }
  c.all.assign(std::begin(kCanonicalColumns), std::end(kCanonicalColumns));
  c.all.insert(c.all.end(), c.extra.begin(), c.extra.end());
  c.all.insert(c.all.end(), derived.names.begin(), derived.names.end());
  return c;
}

std::vector<std::string> RowCells(const PersonRecord& r, std::size_t index,
                                  const ExportColumns& columns, const DerivedColumns& derived) {
  std::vector<std::string> cells;
  cells.reserve(columns.all.size());
  for (std::string_view c : kCanonicalColumns) cells.push_back(CanonicalField(r, c));
  for (const std::string& c : columns.extra) cells.emplace_back(r.Extra(c));
  for (std::size_t d = 0; d < derived.names.size(); ++d) {
    const auto& values = derived.values[index];
    cells.push_back(d < values.size() ? values[d] : std::string());
  }
  return cells;
}

Result<void> CheckDerived(const std::vector<PersonRecord>& records, const DerivedColumns& derived) {
  if (!derived.names.empty() && derived.values.size() != records.size()) {
    return Fail(ErrorCode::kInternal, "derived columns have " +
                                          std::to_string(derived.values.size()) + " rows for " +
                                          std::to_string(records.size()) + " records");
  }
  return {};
}

Result<void> IoFailure(const std::filesystem::path& path, std::string what) {
  return Fail(ErrorCode::kIoError, std::move(what), Location{path.string(), 0, 0, {}});
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Result<void> WriteCsv(const std::filesystem::path& path, const std::vector<PersonRecord>& records,
                      const DerivedColumns& derived, const CsvStyle& style) {
  return WriteThroughStream(path, [&](std::ostream& out) {
    ExportColumns columns = MakeColumns(records, derived);
    if (style.bom) out << kUtf8Bom;
    CsvWriter csv(out, ',',
                  style.neutralise_formulas ? CsvCells::kFormulasNeutralised : CsvCells::kAsGiven);
    csv.WriteRow(columns.all);
    for (std::size_t i = 0; i < records.size(); ++i) {
      csv.WriteRow(RowCells(records[i], i, columns, derived));
    }
  });
}

Result<void> WriteXlsxTo(const std::filesystem::path& temp, const std::filesystem::path& path,
                         const std::vector<PersonRecord>& records, const DerivedColumns& derived);

Result<void> WriteXlsx(const std::filesystem::path& path, const std::vector<PersonRecord>& records,
                       const DerivedColumns& derived) {
  constexpr std::size_t kMaxRows = 1'048'576;  // Excel's limit, header included
  if (records.size() + 1 > kMaxRows) {
    return Fail(ErrorCode::kInvalidInput, "XLSX holds at most 1048575 records; export as CSV",
                Location{path.string(), 0, 0, {}});
  }
  // libxlsxwriter insists on a path of its own: it writes the temporary file, which is
  // committed only when the workbook closed cleanly.
  return WriteViaTempFile(path, [&](const std::filesystem::path& temp) {
    return WriteXlsxTo(temp, path, records, derived);
  });
}

Result<void> WriteXlsxTo(const std::filesystem::path& temp, const std::filesystem::path& path,
                         const std::vector<PersonRecord>& records, const DerivedColumns& derived) {
  // constant_memory streams rows to a temp file instead of keeping the sheet in memory.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string name = temp.string();
  lxw_workbook* workbook = workbook_new_opt(name.c_str(), &options);
  if (workbook == nullptr) return IoFailure(path, "cannot create the workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "list");
  ExportColumns columns = MakeColumns(records, derived);
  auto write_row = [&](lxw_row_t row, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      // Always a string cell: ids like "007" and service numbers must not become numbers.
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
    }
  };
  write_row(0, columns.all);
  for (std::size_t i = 0; i < records.size(); ++i) {
    write_row(static_cast<lxw_row_t>(i + 1), RowCells(records[i], i, columns, derived));
  }
  lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    return IoFailure(path, std::string("cannot write the workbook: ") + lxw_strerror(status));
  }
  return {};
}

Result<void> WriteJson(const std::filesystem::path& path, const std::vector<PersonRecord>& records,
                       const DerivedColumns& derived) {
  return WriteThroughStream(path, [&](std::ostream& out) {
    out << "[";
    for (std::size_t i = 0; i < records.size(); ++i) {
      const PersonRecord& r = records[i];
      nlohmann::ordered_json object;
      for (std::string_view c : kCanonicalColumns) object[std::string(c)] = CanonicalField(r, c);
      nlohmann::ordered_json extra = nlohmann::ordered_json::object();
      for (const ExtraField& f : r.extra) extra[f.column] = f.value;
      object["extra"] = std::move(extra);
      if (!derived.names.empty()) {
        nlohmann::ordered_json d = nlohmann::ordered_json::object();
        for (std::size_t k = 0; k < derived.names.size(); ++k) {
          d[derived.names[k]] = k < derived.values[i].size() ? derived.values[i][k] : "";
        }
        object["derived"] = std::move(d);
      }
      // Replace, not throw, on invalid UTF-8: records come from a validated reader, but an
      // exception must not cross the module boundary.
      out << (i == 0 ? "\n" : ",\n")
          << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out << "\n]\n";
  });
}

}  // namespace

Result<void> WriteListFile(const std::filesystem::path& path, ListFormat format,
                           const std::vector<PersonRecord>& records, const DerivedColumns& derived,
                           const CsvStyle& csv) {
  if (auto ok = CheckDerived(records, derived); !ok) return ok;
  switch (format) {
    case ListFormat::kCsv:
      return WriteCsv(path, records, derived, csv);
    case ListFormat::kXlsx:
      return WriteXlsx(path, records, derived);
    case ListFormat::kJson:
      return WriteJson(path, records, derived);
  }
  return Fail(ErrorCode::kInternal, "unknown list format");
}

Result<void> WriteRejects(const std::filesystem::path& path, const std::vector<std::string>& header,
                          const std::vector<RowReject>& rejects, const RejectsLayout& layout) {
  // Built in memory, then encoded: a rejects file is a handful of rows, and the encoders
  // work on whole strings.
  std::ostringstream text;
  CsvWriter csv(text, layout.delimiter);
  std::vector<std::string> row = header;
  row.push_back("reject_reason");
  csv.WriteRow(row);
  for (const RowReject& r : rejects) {
    row = r.cells;
    row.resize(std::max(row.size(), header.size()));
    // The reason without the file name: the rejects file sits beside the input.
    Error e = r.error;
    e.where.file.clear();
    row.push_back(e.Describe());
    csv.WriteRow(row);
  }
  PARLEY_ASSIGN_OR_RETURN(std::string bytes, EncodeFromUtf8(text.str(), layout.encoding));
  return WriteFileAtomically(path, bytes);
}

RejectsLayout RejectsLayoutOf(const ListFile& file) {
  if (file.format != ListFormat::kCsv) return RejectsLayout{"utf-8-bom", ','};
  return RejectsLayout{file.encoding, file.delimiter};
}

Result<ListFormat> ParseListFormat(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "csv") return ListFormat::kCsv;
  if (lower == "xlsx") return ListFormat::kXlsx;
  if (lower == "json") return ListFormat::kJson;
  return Fail(ErrorCode::kInvalidInput,
              "unknown list format '" + std::string(text) + "'; use csv, xlsx or json");
}

}  // namespace parley
