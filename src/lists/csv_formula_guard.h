// parley/lists/csv_formula_guard.h — keeping a spreadsheet from running a list's cells as
// formulas when a person opens a CSV parley wrote (CSV injection, OWASP "CSV Injection").
//
// Excel, LibreOffice and Google Sheets read a CSV cell that begins with `=`, `+`, `-` or `@`
// as a formula, and a leading tab or CR is dropped before that decision; a list from the other
// side (or a hostile upload) can so put `=HYPERLINK("http://x","y")` or a DDE call
// (`+cmd|' /C calc'!A0`) in a name cell and have it run on the clerk's machine. OWASP's
// advice, followed here: prefix such a cell with a single quote, so the spreadsheet shows it as
// text, and quote the field. The stored value is never changed: the guard is applied only
// where CSV is written for people (CsvWriter with CsvCells::kFormulasNeutralised).
//
// Contract: a cell that is a plain number (an optional sign, digits, at most one `.` or `,`
// with digits after it: `-5`, `+380501234567`, `-1,5`) is left alone. A spreadsheet reads it
// as that number, nothing runs, and a quote would corrupt negative figures and phone numbers
// in the extra columns. Everything else that begins with one of the six characters is guarded,
// a lone `-` placeholder included: cheaper than deciding which formulas are harmless.
// Only these ASCII characters are checked (OWASP's list); full-width look-alikes are not.
//
//   ReadsAsFormula("=HYPERLINK(\"http://x\",\"y\")")  // true: written "'=HYPERLINK(...)"
//   ReadsAsFormula("-5")                              // false: written as it is
#pragma once

#include <string_view>

namespace parley {

// True when a spreadsheet opening a CSV holding `cell` could run it as a formula.
[[nodiscard]] bool ReadsAsFormula(std::string_view cell);

}  // namespace parley
