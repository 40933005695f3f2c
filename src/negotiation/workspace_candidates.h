// parley/negotiation/workspace_candidates.h — who may be planned: the confirmed persons a side
// holds, as the planner reads them.
//
// What it does. For a holding side H (a workspace side such as "ua") and the other side O,
// H's candidates are the records of H's custody lists (each list's latest version) that
// reconciliation links, automatically (auto_accepted) or by an analyst (confirmed), to a
// record of one of O's request lists (O asks for them by name) or of a mediator list.
// `all_held` takes every custody record instead. Excluded, whatever the links say:
//   - people whose current interview outcome excludes them from any exchange
//     (handover::ExcludesFromExchange: refuses, unfit, deceased, not_presented; the same rule
//     by which plan progress counts them excluded);
//   - people with any handover event (handed over or received already).
// Interviews and handovers are looked up on the custody record and on every record linked to
// it, since an interviewer may have recorded them against the mediator's or the request
// list's row. (In handover/person_status.h's terms: refused, unfit, deceased, withheld,
// handed_over, received are not candidates.) The rows come from the store
// (store/candidate_sources.h; interviews and handovers through src/handover).
//
// The planner's record. A candidate's PersonRecord is the custody record version with:
//   id            "LIST:KEY" (the custody list and its row id; unique across lists)
//   rank, category, sex, birth_date, unit, ... the custody record's own canonical fields
//   extra health        from the column health / Стан здоров'я / Состояние здоровья
//   extra capture_date  from capture_date / Дата полонення / Дата пленения (ISO form)
//   extra requested     "yes" when an O request list links him, else "no"
//   extra requested_by  the names of those request lists, comma-separated
// The other extra columns of the record are kept. These four "facts" are what a stored plan
// keeps beside each record reference, so a plan reloads exactly as it was made even after
// links change.
//
//   PARLEY_ASSIGN_OR_RETURN(CandidateSelection ua, SelectCandidates(ws, "ua", "ru", false));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"
#include "store/workspace.h"

namespace parley::negotiation {

struct WorkspaceCandidate {
  std::int64_t record_id = 0;
  std::int64_t record_version = 0;
  std::string list;
  std::vector<ExtraField> facts;  // health, capture_date, requested, requested_by
  PersonRecord record;            // the planner's form (see above)
};

struct CandidateSelection {
  std::vector<WorkspaceCandidate> people;  // custody list order, lists by name
  std::int64_t held = 0;                   // records in the side's custody lists
  std::int64_t linked = 0;                 // of those, linked to a request or mediator list
  std::int64_t excluded_by_interview = 0;  // handover::ExcludesFromExchange
  std::int64_t excluded_by_handover = 0;   // already handed over or received
};

[[nodiscard]] Result<CandidateSelection> SelectCandidates(store::Workspace& ws,
                                                          const std::string& holding_side,
                                                          const std::string& other_side,
                                                          bool all_held);

// The planner's form of a stored record with its facts (used when a stored plan is loaded).
[[nodiscard]] PersonRecord PlannerRecord(const std::string& list, const PersonRecord& stored,
                                         const std::vector<ExtraField>& facts);
// The facts derivable from the record alone (health, capture_date); the caller adds the
// link-derived ones.
[[nodiscard]] std::vector<ExtraField> RecordFacts(const PersonRecord& stored);

}  // namespace parley::negotiation
