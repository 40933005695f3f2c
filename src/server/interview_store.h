// parley/server/interview_store.h — the private interview before departure (`interviews`).
//
// Contract: one person record has at most one current interview outcome (consents, refuses,
// unfit, deceased, not_presented) with the interviewer and the time. Outcomes are never
// edited in place: each change is a new row with version N+1, and RecordInterview takes the
// version the caller last saw (0 for none), so two interviewers racing on one record cannot
// overwrite each other — the second gets kConflict and the first's answer is kept in full.
// Each recorded outcome appends a signed `interview.recorded` ledger event (record id,
// version, outcome, time, interviewer; never the notes, which may hold personal detail) in
// the same transaction, signed for `actor` (store/event_log.h): the outcome is stored and in
// the signed record, or neither.
//
//   Interview i{.outcome = "consents", .interviewer = "icrc-1", .at = "2026-05-23T10:00:00Z"};
//   PARLEY_ASSIGN_OR_RETURN(Interview saved, RecordInterview(ws, record_id, 0, i, {"icrc-1"}));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/event_log.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::server {

struct Interview {
  std::int64_t record_id = 0;
  std::int64_t version = 0;
  std::string outcome;
  std::string interviewer;
  std::string at;  // when the interview took place (UTC)
  std::string notes;
  std::string recorded_at;
};

[[nodiscard]] Result<void> CheckInterviewOutcome(std::string_view outcome);
// The current interview, or nullopt when the person has not been interviewed.
[[nodiscard]] Result<std::optional<Interview>> CurrentInterview(store::Database& db,
                                                                std::int64_t record_id);
// Every outcome recorded for the record, oldest first.
[[nodiscard]] Result<std::vector<Interview>> InterviewHistory(store::Database& db,
                                                              std::int64_t record_id);
[[nodiscard]] Result<Interview> RecordInterview(store::Workspace& ws, std::int64_t record_id,
                                                std::int64_t expected_version,
                                                const Interview& interview,
                                                const store::Actor& actor);

}  // namespace parley::server
