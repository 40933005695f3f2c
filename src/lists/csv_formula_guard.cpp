#include "lists/csv_formula_guard.h"

namespace parley {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An optional sign, digits, then at most one decimal separator followed by digits.
bool IsPlainNumber(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  std::size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.' && s[i] != ',') return false;
  std::size_t fraction = ++i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i > fraction && i == s.size();
}

}  // namespace

bool ReadsAsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !IsPlainNumber(cell);
    default:
      return false;
  }
}

}  // namespace parley
