#include "plan/internal/candidate_csv.h"

#include <fstream>
#include <set>
#include <sstream>

namespace parley::plan::internal {
namespace {

struct Row {
  std::vector<std::string> cells;
  std::int64_t line = 0;
};

bool ValidUtf8(std::string_view s, size_t& bad) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      bad = i;
      return false;
    }
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) {
        bad = i;
        return false;
      }
    }
    i += n;
  }
  return true;
}

Result<std::vector<Row>> SplitRows(std::string_view text, const std::string& file) {
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool quoted = false, cell_started = false;
  std::int64_t line = 1;
  row.line = 1;
  std::int64_t quote_line = 0;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    cell_started = false;
  };
  auto end_row = [&] {
    end_cell();
    bool empty = row.cells.size() == 1 && row.cells[0].empty();
    if (!empty) rows.push_back(std::move(row));
    row = Row{};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == '"' && !cell_started) {
      quoted = true;
      cell_started = true;
      quote_line = line;
    } else if (ch == ',') {
      end_cell();
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      cell += ch;
      cell_started = true;
    }
  }
  if (quoted) {
    return Fail(ErrorCode::kInvalidInput, "a quoted cell is never closed; add the closing \"",
                Location{file, quote_line, 0, {}});
  }
  if (!cell.empty() || !row.cells.empty()) end_row();
  return rows;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

void SetField(PersonRecord& r, std::string_view column, std::string value) {
  if (column == "id")
    r.id = std::move(value);
  else if (column == "surname")
    r.surname = std::move(value);
  else if (column == "given_name")
    r.given_name = std::move(value);
  else if (column == "patronymic")
    r.patronymic = std::move(value);
  else if (column == "full_name")
    r.full_name = std::move(value);
  else if (column == "birth_place")
    r.birth_place = std::move(value);
  else if (column == "service_number")
    r.service_number = std::move(value);
  else if (column == "rank")
    r.rank = std::move(value);
  else if (column == "unit")
    r.unit = std::move(value);
  else if (column == "sex")
    r.sex = std::move(value);
  else if (column == "category")
    r.category = std::move(value);
  else if (column == "notes")
    r.notes = std::move(value);
}

}  // namespace

Result<std::vector<PersonRecord>> ParseCandidatesCsv(std::string_view text,
                                                     std::string_view file_view) {
  const std::string file(file_view);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t bad = 0;
  if (!ValidUtf8(text, bad)) {
    std::int64_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    return Fail(ErrorCode::kInvalidInput,
                "not UTF-8 (byte " + std::to_string(bad) +
                    "); save the file as UTF-8 CSV (Windows-1251 and UTF-16 need the full "
                    "list reader)",
                Location{file, line, 0, {}});
  }
  auto rows = SplitRows(text, file);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kInvalidInput, "the file is empty; the first row must be the header",
                Location{file, 1, 0, {}});
  }
  std::vector<std::string> header;
  std::vector<bool> canonical;
  int id_col = -1, birth_col = -1;
  for (std::string h : (*rows)[0].cells) {
    h = Trim(h);
    std::string folded = h;
    for (char& ch : folded) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    bool is_canonical = false;
    for (std::string_view c : kCanonicalColumns) {
      if (c == folded) is_canonical = true;
    }
    if (folded == "id") id_col = static_cast<int>(header.size());
    if (folded == "birth_date") birth_col = static_cast<int>(header.size());
    header.push_back(is_canonical ? folded : h);
    canonical.push_back(is_canonical);
  }
  if (id_col < 0) {
    return Fail(ErrorCode::kInvalidInput,
                "no 'id' column; the header needs id, surname, given_name, patronymic, "
                "birth_date, rank, category, sex and the columns the agreement uses",
                Location{file, 1, 0, "id"});
  }
  std::vector<PersonRecord> out;
  out.reserve(rows->size());
  std::set<std::string> ids;
  DateBounds bounds;
  bounds.earliest_year = 1700;
  for (size_t r = 1; r < rows->size(); ++r) {
    const Row& row = (*rows)[r];
    if (row.cells.size() != header.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  "this row has " + std::to_string(row.cells.size()) + " cells; the header has " +
                      std::to_string(header.size()),
                  Location{file, row.line, 0, {}});
    }
    PersonRecord p;
    p.source_row = row.line;
    for (size_t c = 0; c < header.size(); ++c) {
      std::string v = Trim(row.cells[c]);
      if (static_cast<int>(c) == birth_col) {
        auto d = ParsePartialDate(v, bounds);
        if (!d) {
          return Fail(ErrorCode::kInvalidInput, d.error().message,
                      Location{file, row.line, static_cast<std::int64_t>(c + 1), "birth_date"});
        }
        p.birth_date = *d;
      } else if (canonical[c]) {
        SetField(p, header[c], std::move(v));
      } else {
        p.extra.push_back({header[c], std::move(v)});
      }
    }
    if (p.id.empty()) {
      return Fail(ErrorCode::kInvalidInput, "the id is empty; every candidate needs one",
                  Location{file, row.line, id_col + 1, "id"});
    }
    if (!ids.insert(p.id).second) {
      return Fail(ErrorCode::kInvalidInput, "id '" + p.id + "' appears twice in this file",
                  Location{file, row.line, id_col + 1, "id"});
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<PersonRecord>> ReadCandidates(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kNotFound, "cannot open the candidate file; check the path",
                Location{path, 0, 0, {}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseCandidatesCsv(text.str(), path);
}

}  // namespace parley::plan::internal
