// parley/plan/internal/candidate_reader.h — each side's candidates for the stateless planner.
//
// `parley plan --side-a A --side-b B` reads list files exactly as `parley import` does
// (lists/list_file.h: CSV or XLSX, any supported encoding, Ukrainian/Russian/English headers),
// so a negotiator can plan from the files the bureaus sent. Columns the agreement uses that are
// not canonical (health, capture_date, requested, interview, ...) are kept in
// PersonRecord::extra under their header.
//
// Contract: a file with any invalid row is refused (kInvalidInput naming the first bad row's
// file, row and column, and how many rows are bad); a plan is never made from half a list.
//
//   Result<std::vector<PersonRecord>> a =
//   ReadCandidates("examples/candidates/dix-hill-1862-a.csv");
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"

namespace parley::plan::internal {

[[nodiscard]] Result<std::vector<PersonRecord>> ReadCandidates(const std::string& path);

}  // namespace parley::plan::internal
