// parley/lists/cell_table.h — the rows of cells a CSV or XLSX reader hands to the list reader.
//
// Both readers produce the same shape, so header mapping and validation are written once.
// Cells are string_views kept in one flat array (a row is a slice of it): parsing a
// million-row CSV then costs two vector growths, not a string per cell. A view points either
// into the caller's decoded text (CSV: the caller keeps that text alive as long as the
// table) or into `owned`, a deque whose elements never move (unescaped CSV cells, XLSX
// strings).
//
//   CellTable t = ...;
//   for (std::size_t i = 1; i < t.rows.size(); ++i) Use(t.rows[i].line, t.Cells(i));
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

struct CellTable {
  struct Row {
    std::int64_t line = 0;  // the row number a user sees: CSV line where the record starts,
                            // or the worksheet's row number
    std::size_t first = 0;  // index of the row's first cell in `cells`
    std::size_t count = 0;
  };

  std::vector<std::string_view> cells;
  std::vector<Row> rows;  // rows[0] is the header
  std::deque<std::string> owned;

  [[nodiscard]] std::span<const std::string_view> Cells(std::size_t row) const {
    return std::span<const std::string_view>(cells).subspan(rows[row].first, rows[row].count);
  }
  // Keeps `text` alive in the table and returns a view of it.
  std::string_view Own(std::string text) { return owned.emplace_back(std::move(text)); }
};

}  // namespace parley
