// parley/plan/internal/candidate_csv.h — a small RFC 4180 UTF-8 CSV reader for candidate files.
//
// The stateless `parley plan` reads each side's candidates from a CSV file. The full list
// reader (lists/list_file.h: encodings, XLSX, header synonyms) is built elsewhere; until it
// lands this private reader takes UTF-8 CSV (an optional BOM, CRLF or LF, quoted cells with
// "" escapes) with canonical headers: id, surname, given_name, patronymic, birth_date, rank,
// category, sex (and the other canonical columns of person_record.h). Any other column (health,
// capture_date, requested, interview, ...) is kept in PersonRecord::extra under its header.
// The integrator swaps the body of ReadCandidates for ReadListFile; callers do not change.
//
// Contract: errors are kInvalidInput with the file, the row (header = row 1) and the column:
// no id column, a row with the wrong number of cells, an unterminated quote, a bad birth
// date, invalid UTF-8, an empty or repeated id.
//
//   Result<std::vector<PersonRecord>> a = ReadCandidates("examples/candidates/a.csv");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"

namespace parley::plan::internal {

[[nodiscard]] Result<std::vector<PersonRecord>> ParseCandidatesCsv(std::string_view text,
                                                                   std::string_view file = {});
[[nodiscard]] Result<std::vector<PersonRecord>> ReadCandidates(const std::string& path);

}  // namespace parley::plan::internal
