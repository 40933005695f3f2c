#include "lists/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace parley {
namespace {

// Parses one record starting at `pos`; appends its cells and advances `pos` and `line`
// past the record's line end. The state lives in a class so each step stays short.
class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter, CellTable& table, const std::string& file)
      : text_(text), delimiter_(delimiter), table_(table), file_(file) {}

  Result<void> Run() {
    while (pos_ < text_.size()) {
      CellTable::Row row{line_, table_.cells.size(), 0};
      if (auto ok = ParseRecord(); !ok) return ok;
      row.count = table_.cells.size() - row.first;
      table_.rows.push_back(row);
    }
    return {};
  }

 private:
  Result<void> ParseRecord() {
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (auto ok = ParseQuoted(); !ok) return ok;
      } else {
        ParseUnquoted();
      }
      if (pos_ >= text_.size()) return {};
      char c = text_[pos_];
      if (c == delimiter_) {
        ++pos_;
        if (pos_ >= text_.size()) {
          table_.cells.emplace_back();  // "a,b," ends in an empty cell
          return {};
        }
        continue;
      }
      // c is CR or LF: the record ends here.
      ++pos_;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return {};
    }
  }

  void ParseUnquoted() {
    std::size_t start = pos_;
    const char* p = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    while (p < end && *p != delimiter_ && *p != '\n' && *p != '\r') ++p;
    pos_ = static_cast<std::size_t>(p - text_.data());
    table_.cells.push_back(text_.substr(start, pos_ - start));
  }

  Result<void> ParseQuoted() {
    std::int64_t quote_line = line_;
    std::size_t start = ++pos_;
    bool doubled = false;
    while (true) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return Fail(ErrorCode::kInvalidInput,
                    "unbalanced quote: the quoted field that starts on this row never ends, so "
                    "it swallows the rest of the file; close the quote or double it (\"\")",
                    Location{file_, quote_line, 0, {}});
      }
      line_ += std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                          text_.begin() + static_cast<std::ptrdiff_t>(quote), '\n');
      if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
        doubled = true;
        pos_ = quote + 2;
        continue;
      }
      std::string_view raw = text_.substr(start, quote - start);
      pos_ = quote + 1;
      return FinishQuoted(raw, doubled);
    }
  }

  // Text after the closing quote and before the delimiter ("ab"cd) is not RFC 4180; Excel
  // keeps it appended, and so do we rather than refuse a file over a stray character.
  Result<void> FinishQuoted(std::string_view raw, bool doubled) {
    std::size_t tail_start = pos_;
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
      ++pos_;
    }
    std::string_view tail = text_.substr(tail_start, pos_ - tail_start);
    if (!doubled && tail.empty()) {
      table_.cells.push_back(raw);
      return {};
    }
    std::string cell;
    cell.reserve(raw.size() + tail.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      cell.push_back(raw[i]);
      if (raw[i] == '"') ++i;  // the second quote of a doubled pair
    }
    cell.append(tail);
    table_.cells.push_back(table_.Own(std::move(cell)));
    return {};
  }

  std::string_view text_;
  char delimiter_;
  CellTable& table_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
};

}  // namespace

namespace {

constexpr int kSampleRecords = 50;
constexpr std::size_t kSampleBytes = 64 * 1024;

// Cells per record of the first records if `delimiter` were the delimiter (quote-aware;
// blank lines left out).
std::vector<std::size_t> SampleWidths(std::string_view text, char delimiter) {
  std::vector<std::size_t> widths;
  std::size_t cells = 1;
  bool quoted = false;
  bool blank = true;
  std::size_t end = std::min(text.size(), kSampleBytes);
  for (std::size_t i = 0; i < end && widths.size() < kSampleRecords; ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) {
      blank = false;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!blank) widths.push_back(cells);
      if (c == '\r' && i + 1 < end && text[i + 1] == '\n') ++i;
      cells = 1;
      blank = true;
      continue;
    }
    blank = false;
    if (c == delimiter) ++cells;
  }
  if (!blank && widths.size() < kSampleRecords) widths.push_back(cells);
  return widths;
}

}  // namespace

// A header cell may itself hold the other delimiters ("Прізвище, ім'я, по батькові;Стать"),
// so counting them in the header alone misleads. The delimiter is the candidate that splits
// the header (its first record of more than one cell: title lines above are skipped) and
// gives the most of the following records the header's width (as Python's csv.Sniffer does); ties
// go to the wider header, then to the order comma, semicolon, tab. A one-column file gets the
// comma.
char DetectCsvDelimiter(std::string_view text) {
  constexpr char kCandidates[3] = {',', ';', '\t'};
  char best = ',';
  std::size_t best_consistent = 0;
  std::size_t best_width = 1;
  for (char candidate : kCandidates) {
    std::vector<std::size_t> widths = SampleWidths(text, candidate);
    // The header is the first record this delimiter splits: title lines above it don't.
    auto header = std::find_if(widths.begin(), widths.end(), [](std::size_t w) { return w > 1; });
    if (header == widths.end()) continue;
    auto consistent = static_cast<std::size_t>(std::count(header, widths.end(), *header));
    if (consistent > best_consistent || (consistent == best_consistent && *header > best_width)) {
      best = candidate;
      best_consistent = consistent;
      best_width = *header;
    }
  }
  return best;
}

Result<CellTable> ParseCsv(std::string_view text, const CsvOptions& options) {
  CellTable table;
  char delimiter = options.delimiter != 0 ? options.delimiter : DetectCsvDelimiter(text);
  // Lines times the header's width is a close guess of the cell count: reserving it avoids
  // regrowing (and copying) a multi-megabyte cell array.
  std::size_t newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  std::string_view first_line = text.substr(0, text.find('\n'));
  std::size_t width =
      1 + static_cast<std::size_t>(std::count(first_line.begin(), first_line.end(), delimiter));
  table.rows.reserve(newlines + 1);
  table.cells.reserve((newlines + 1) * width);
  CsvParser parser(text, delimiter, table, options.file);
  if (auto ok = parser.Run(); !ok) return Fail(ok.error());
  return table;
}

}  // namespace parley
