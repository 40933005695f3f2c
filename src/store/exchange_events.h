// parley/store/exchange_events.h — the rows of the handover day: interviews (`interviews`)
// and handover events (`handover_events`), read and written as plain rows.
//
// Contract: rows hold the stored strings (outcome, event) unchanged; src/handover turns them
// into enums and owns every rule (validation, versions, conflicts, derived status). A
// record's current interview is its highest version; that query is written once here
// (kCurrentInterviews in the .cpp) and serves one record, one plan's people and the whole
// workspace. Inserts assume the caller's LoggedTransaction (store/event_log.h) is open, so
// that the row and its ledger event commit together; the tables' triggers refuse updates.
// Reads of several tables that must agree go inside a ReadSnapshot (store/read_snapshot.h).
//
//   PARLEY_ASSIGN_OR_RETURN(std::optional<InterviewRow> row, ReadCurrentInterview(ws, record_id));
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t n, CountHandoverEvents(ws, record_id));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

struct InterviewRow {
  std::int64_t record_id = 0;
  std::int64_t version = 0;
  std::string outcome;  // consents | refuses | unfit | deceased | not_presented
  std::string interviewer;
  std::string interviewed_at;
  std::string notes;
  std::string recorded_at;
};

struct HandoverEventRow {
  std::int64_t record_id = 0;
  std::int64_t seq = 0;
  std::string event;  // handed_over | received
  std::int64_t phase = 1;
  std::string place;
  std::string at;
  std::string actor;
  std::string recorded_at;
};

// kNotFound ("no person record with ID N") unless the record exists.
[[nodiscard]] Result<void> CheckPersonRecord(Workspace& ws, std::int64_t record_id);

// The record's current interview; nullopt when it has none.
[[nodiscard]] Result<std::optional<InterviewRow>> ReadCurrentInterview(Workspace& ws,
                                                                       std::int64_t record_id);
// The current interview of each person of plan `plan_id` (plan_people) who has one.
[[nodiscard]] Result<std::vector<InterviewRow>> ReadCurrentInterviewsOfPlan(Workspace& ws,
                                                                            std::int64_t plan_id);
// The current interview of every record that has one.
[[nodiscard]] Result<std::vector<InterviewRow>> ReadCurrentInterviews(Workspace& ws);
// Every interview of the record, oldest version first.
[[nodiscard]] Result<std::vector<InterviewRow>> ReadInterviewHistory(Workspace& ws,
                                                                     std::int64_t record_id);
[[nodiscard]] Result<void> InsertInterview(Workspace& ws, const InterviewRow& row);

// The record's handover events, by seq.
[[nodiscard]] Result<std::vector<HandoverEventRow>> ReadHandoverEvents(Workspace& ws,
                                                                       std::int64_t record_id);
// The handover events of plan `plan_id`'s people, by record id and seq.
[[nodiscard]] Result<std::vector<HandoverEventRow>> ReadHandoverEventsOfPlan(Workspace& ws,
                                                                             std::int64_t plan_id);
[[nodiscard]] Result<std::int64_t> CountHandoverEvents(Workspace& ws, std::int64_t record_id);
// Every record with at least one handover event, ascending.
[[nodiscard]] Result<std::vector<std::int64_t>> RecordsWithHandoverEvents(Workspace& ws);
[[nodiscard]] Result<void> InsertHandoverEvent(Workspace& ws, const HandoverEventRow& row);

}  // namespace parley::store
