// parley/handover/interviews.h — the private interview before departure.
//
// Contract: one person record has at most one current interview outcome (interview_outcome.h)
// with the interviewer and the time. Outcomes are never edited in place: each change is a new
// row with version N+1, and RecordInterview takes the version the caller last saw (0 for
// none), so two interviewers racing on one record cannot overwrite each other — the second
// gets kConflict and the first's answer is kept in full. Each recorded outcome appends a
// signed `interview.recorded` ledger event (record id, version, outcome, time, interviewer;
// never the notes, which may hold personal detail) in the same transaction, signed for
// `actor` (store/event_log.h): the outcome is stored and in the signed record, or neither.
// The rows live in store/exchange_events.h; this file owns the rules.
//
//   Interview i{.outcome = InterviewOutcome::kConsents, .interviewer = "icrc-1",
//               .at = "2026-05-23T10:00:00Z"};
//   PARLEY_ASSIGN_OR_RETURN(Interview saved, RecordInterview(ws, record_id, 0, i, {"icrc-1"}));
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "handover/interview_outcome.h"
#include "store/event_log.h"
#include "store/exchange_events.h"
#include "store/workspace.h"

namespace parley::handover {

struct Interview {
  std::int64_t record_id = 0;
  std::int64_t version = 0;
  InterviewOutcome outcome = InterviewOutcome::kConsents;
  std::string interviewer;
  std::string at;  // when the interview took place (UTC)
  std::string notes;
  std::string recorded_at;
};

// The current interview, or nullopt when the person has not been interviewed.
[[nodiscard]] Result<std::optional<Interview>> CurrentInterview(store::Workspace& ws,
                                                                std::int64_t record_id);
// Every outcome recorded for the record, oldest first.
[[nodiscard]] Result<std::vector<Interview>> InterviewHistory(store::Workspace& ws,
                                                              std::int64_t record_id);
[[nodiscard]] Result<Interview> RecordInterview(store::Workspace& ws, std::int64_t record_id,
                                                std::int64_t expected_version,
                                                const Interview& interview,
                                                const store::Actor& actor);

// The records whose current interview keeps them out of any exchange (ExcludesFromExchange).
[[nodiscard]] Result<std::set<std::int64_t>> RecordsExcludedByInterview(store::Workspace& ws);

// The domain form of a stored row (kInvalidInput for an outcome the schema would not hold).
[[nodiscard]] Result<Interview> FromRow(const store::InterviewRow& row);

}  // namespace parley::handover
