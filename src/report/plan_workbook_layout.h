// parley/report/plan_workbook_layout.h — what the plan workbook's writer (plan_workbook.cpp)
// and its reader (plan_workbook_reader.h) must agree on: the sheets' names and the columns of
// a phase sheet. One home, so a column moved in the writer moves in the reader too.
//
// A phase sheet is named "<the word Phase in the first language> N" ("Етап 2"); the reader
// accepts the word in any language parley prints (a workbook written with --lang ru,uk is
// read back the same), and skips the progress sheet, which only reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "negotiation/plan_store.h"
#include "report/report_language.h"
#include "rules/agreement.h"
#include "store/workspace.h"

namespace parley::report {

// Columns of a phase sheet (0-based): A number, B name, C romanisation, D birth date,
// E category, F rule, G the person's id in the side's list (the key the reader goes by).
inline constexpr std::size_t kNumberColumn = 0;
inline constexpr std::size_t kNameColumn = 1;
inline constexpr std::size_t kRuleColumn = 5;
inline constexpr std::size_t kPersonIdColumn = 6;

inline std::string PhaseSheetName(ReportLanguage language, int phase) {
  return std::string(WordText(language, Word::kPhase)) + " " + std::to_string(phase);
}

inline std::string ProgressSheetName(ReportLanguage language) {
  return std::string(WordText(language, Word::kHandoverProgress));
}

// The stored plan a workbook is written from or read back into, and the party whose side it
// shows: `side` is a or b or the side's name in the agreement (an error on --side otherwise).
struct PartyPlan {
  negotiation::LoadedPlan loaded;
  rules::Side party;
};
[[nodiscard]] Result<PartyPlan> LoadPartyPlan(store::Workspace& ws, std::int64_t plan_id,
                                              const std::string& side);

}  // namespace parley::report
