#include "core/partial_date.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <vector>

#include "core/clock.h"

namespace parley {
namespace {

constexpr const char* kAcceptedForms =
    "write DD.MM.YYYY, MM.YYYY, YYYY, YYYY-MM-DD or YYYY-MM, or leave it empty if unknown";

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on '.', '-' or '/'; returns the separator used (0 for none, '?' if mixed).
char SplitDate(std::string_view s, std::vector<std::string_view>& parts) {
  char sep = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == '-' || c == '/') {
      if (sep != 0 && sep != c) return '?';
      sep = c;
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return sep;
}

bool ParseDigits(std::string_view s, size_t min_len, size_t max_len, int& out) {
  if (s.size() < min_len || s.size() > max_len) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Result<PartialDate> CheckPlausible(PartialDate d, std::string_view text, DateBounds bounds) {
  PartialDate today = bounds.today.IsUnknown() ? TodayUtc() : bounds.today;
  std::string quoted = "'" + std::string(text) + "'";
  if (d.month != 0 && (d.month < 1 || d.month > 12)) {
    return Fail(ErrorCode::kInvalidInput,
                "date " + quoted + " has month " + std::to_string(d.month) +
                    ", which does not exist; if day and month are swapped, write DD.MM.YYYY");
  }
  if (d.day != 0 && (d.day < 1 || d.day > DaysInMonth(d.year, d.month))) {
    return Fail(ErrorCode::kInvalidInput,
                "date " + quoted + " is impossible: month " + std::to_string(d.month) + " of " +
                    std::to_string(d.year) + " has " +
                    std::to_string(DaysInMonth(d.year, d.month)) + " days");
  }
  if (d.year < bounds.earliest_year) {
    return Fail(ErrorCode::kInvalidInput, "date " + quoted + " has year " + std::to_string(d.year) +
                                              ", before " + std::to_string(bounds.earliest_year) +
                                              "; check the year");
  }
  // Compare only the parts that are known: "2026" is not in the future during 2026.
  PartialDate cut{today.year, d.month != 0 ? today.month : 0, d.day != 0 ? today.day : 0};
  if (d > cut) {
    return Fail(ErrorCode::kInvalidInput,
                "date " + quoted + " is in the future (today is " + today.ToIso() + ")");
  }
  return d;
}

}  // namespace

std::string PartialDate::ToIso() const {
  if (year == 0) return "";
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

PartialDate TodayUtc() {
  auto days = std::chrono::floor<std::chrono::days>(WallNow());
  std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Result<PartialDate> ParsePartialDate(std::string_view raw, DateBounds bounds) {
  std::string_view text = Trim(raw);
  if (text.empty()) return PartialDate{};
  std::vector<std::string_view> parts;
  char sep = SplitDate(text, parts);
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidInput,
                "cannot read date '" + std::string(text) + "': " + kAcceptedForms);
  };
  PartialDate d;
  bool ok = false;
  if (sep == 0) {
    ok = ParseDigits(parts[0], 4, 4, d.year);
  } else if (sep == '-' && parts.size() == 2) {
    ok = ParseDigits(parts[0], 4, 4, d.year) && ParseDigits(parts[1], 1, 2, d.month);
  } else if (sep == '-' && parts.size() == 3) {
    ok = ParseDigits(parts[0], 4, 4, d.year) && ParseDigits(parts[1], 1, 2, d.month) &&
         ParseDigits(parts[2], 1, 2, d.day);
  } else if ((sep == '.' || sep == '/') && parts.size() == 2) {
    ok = ParseDigits(parts[0], 1, 2, d.month) && ParseDigits(parts[1], 4, 4, d.year);
  } else if ((sep == '.' || sep == '/') && parts.size() == 3) {
    ok = ParseDigits(parts[0], 1, 2, d.day) && ParseDigits(parts[1], 1, 2, d.month) &&
         ParseDigits(parts[2], 4, 4, d.year);
  }
  if (!ok) return bad();
  if ((d.month == 0 && parts.size() > 1) || (d.day == 0 && parts.size() > 2)) {
    return Fail(ErrorCode::kInvalidInput, "date '" + std::string(text) +
                                              "' has a zero day or month; leave out a part "
                                              "that is unknown (MM.YYYY or YYYY)");
  }
  return CheckPlausible(d, text, bounds);
}

}  // namespace parley
