// parley/names/internal/csv.h — a minimal RFC 4180 CSV reader and writer for `parley names`.
//
// Not API, and temporary: the lists module (src/lists) is getting the real CSV/XLSX reader
// with encoding and header detection; when it lands, `parley names` should use it and this
// file should go. It exists so that the name engine can be driven end to end today.
//
// Contract: input is the whole file as bytes; a leading UTF-8 BOM is skipped. Fields are
// separated by ',', records by CRLF or LF; a field in double quotes may hold commas, quotes
// (doubled) and line breaks. An unterminated quote, or a quote inside an unquoted field, is
// kInvalidInput with the line where the record starts. Blank lines are skipped. The writer
// quotes a field only when it holds a comma, quote, CR or LF, and ends records with CRLF.
//
//   Result<std::vector<CsvRecord>> rows = ParseCsv("name1,name2\r\n\"Shevchenko, D\",x\r\n",
//                                                  "pairs.csv");
//   std::string out;  AppendCsvRecord({"a,b", "c"}, out);   // "\"a,b\",c\r\n"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parley::names::internal {

struct CsvRecord {
  std::int64_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

[[nodiscard]] Result<std::vector<CsvRecord>> ParseCsv(std::string_view text,
                                                      std::string_view file_name);

void AppendCsvRecord(const std::vector<std::string>& fields, std::string& out);

}  // namespace parley::names::internal
