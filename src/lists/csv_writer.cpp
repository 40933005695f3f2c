#include "lists/csv_writer.h"

#include "lists/csv_formula_guard.h"

namespace parley {

void CsvWriter::WriteCell(std::string_view cell) {
  // Quoted as well as prefixed: OWASP's advice, and a reader that strips the quote mark
  // still sees one text field.
  if (cells_ == CsvCells::kFormulasNeutralised && ReadsAsFormula(cell)) {
    WriteQuoted("'", cell);
    return;
  }
  bool needs_quotes = cell.find_first_of("\"\r\n") != std::string_view::npos ||
                      cell.find(delimiter_) != std::string_view::npos;
  if (!needs_quotes) {
    out_ << cell;
    return;
  }
  WriteQuoted({}, cell);
}

void CsvWriter::WriteQuoted(std::string_view prefix, std::string_view cell) {
  out_.put('"');
  out_ << prefix;
  for (char c : cell) {
    if (c == '"') out_.put('"');
    out_.put(c);
  }
  out_.put('"');
}

void CsvWriter::WriteRow(std::span<const std::string_view> cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_.put(delimiter_);
    WriteCell(cells[i]);
  }
  out_ << "\r\n";
}

void CsvWriter::WriteRow(std::span<const std::string> cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_.put(delimiter_);
    WriteCell(cells[i]);
  }
  out_ << "\r\n";
}

void CsvWriter::WriteRow(std::initializer_list<std::string_view> cells) {
  WriteRow(std::span<const std::string_view>(cells.begin(), cells.size()));
}

}  // namespace parley
