// parley/core/partial_date.h — a birth (or capture) date that may be known only in part.
//
// Lists write dates as DD.MM.YYYY, MM.YYYY, YYYY, or ISO 8601 (YYYY-MM-DD, YYYY-MM); many
// rows know only the year. A PartialDate keeps exactly what was written: unknown parts are 0.
// Parsing refuses what cannot be a person's date (31.02.1990, month 13, year 1812, a date in
// the future) and says why, so the clerk fixes the cell instead of parley guessing.
//
//   auto d = ParsePartialDate("07.1991");          // {1991, 7, 0}
//   d->ToIso();                                     // "1991-07"
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

struct PartialDate {
  int year = 0;   // 0 = unknown (then month and day are unknown too)
  int month = 0;  // 1..12, 0 = unknown (then day is unknown too)
  int day = 0;    // 1..31, 0 = unknown

  [[nodiscard]] bool IsUnknown() const { return year == 0; }
  // "YYYY-MM-DD", "YYYY-MM", "YYYY", or "" when unknown.
  [[nodiscard]] std::string ToIso() const;
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
};

// The date limits a plausible date must fall within. `today` defaults to the system date.
struct DateBounds {
  int earliest_year = 1900;
  PartialDate today;  // year 0 = take the system clock's date
};

// Parses one of: "" (unknown), YYYY, YYYY-MM, YYYY-MM-DD, MM.YYYY, DD.MM.YYYY (also with
// '/' as separator). Surrounding spaces are ignored. Errors are kInvalidInput with a message
// that names the accepted forms or the impossible part.
[[nodiscard]] Result<PartialDate> ParsePartialDate(std::string_view text, DateBounds bounds = {});

[[nodiscard]] PartialDate TodayUtc();
[[nodiscard]] int DaysInMonth(int year, int month);

}  // namespace parley
