// parley/report/plan_workbook_reader.h — a plan workbook (papers.h, WritePlanWorkbook) edited
// in Excel and sent back as a counter-proposal: read, checked against every rule of the
// agreement, every problem named by sheet, row and column.
//
// What a party may do in the workbook: move a row to another phase's sheet, delete a row
// (that person is not handed over), or add a row with the id of a candidate of the plan in
// column G (the other columns may stay empty). The person is the id in column G, the phase is
// the sheet; the other cells are the parent plan's and are not read, except that a name in
// column B must still be that person's (so a row whose id was typed over is caught) and a
// number in column A must be a number. Only that side's decisions come from the workbook;
// the other side's stay as the parent plan has them. People a repair dropped are not in the
// workbook and stay dropped unless a row brings them back (which the rules then refuse).
//
// Contract: WorkbookCounter returns the edited plan as the JSON a counter-proposal is
// (negotiation/plan_negotiation.h, CounterPlan), or kInvalidInput listing every problem (the
// first 50, and how many more), each as `sheet "Етап 2", row 14, column G: ...`: a sheet with
// content that is not one the workbook had (renamed; an empty sheet someone added is passed
// over), a phase with no sheet or two, a row without an id, an id that is not a candidate of
// the plan for that side, a person twice (in one sheet or in two phases), a name that is not
// the id's, a number cell that is not a number; and then every rule of the agreement the
// edited plan breaks (plan/plan_checker.h), at the row of the person it is about or the sheet
// of the phase. Nothing is stored here; the workbook itself is read with lists/xlsx_reader.h
// under its limits (a decompression bomb is refused there).
//
//   PARLEY_ASSIGN_OR_RETURN(std::string edited, WorkbookCounter(ws, 1, "a", "plan-1-a.xlsx"));
//   PARLEY_ASSIGN_OR_RETURN(auto o, negotiation::CounterPlan(ws, 1, edited, file, actor));
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/error.h"
#include "lists/xlsx_reader.h"
#include "store/workspace.h"

namespace parley::report {

// `side`: "a", "b", a party's name or its workspace side (negotiation::ParsePartySide).
[[nodiscard]] Result<std::string> WorkbookCounter(store::Workspace& ws, std::int64_t plan_id,
                                                  const std::string& side,
                                                  const std::filesystem::path& path,
                                                  const XlsxLimits& limits = {});

}  // namespace parley::report
