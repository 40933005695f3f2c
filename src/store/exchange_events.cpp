#include "store/exchange_events.h"

#include "core/try.h"

namespace parley::store {
namespace {

// Each record's highest interview version; callers append "AND ..." to narrow it.
constexpr std::string_view kCurrentInterviews =
    "SELECT i.record_id, i.version, i.outcome, i.interviewer, i.interviewed_at, i.notes, "
    "i.recorded_at FROM interviews i WHERE i.version = (SELECT max(j.version) FROM interviews "
    "j WHERE j.record_id = i.record_id) ";

constexpr std::string_view kHandoverColumns =
    "SELECT h.record_id, h.seq, h.event, h.phase, h.place, h.at, h.actor, h.recorded_at "
    "FROM handover_events h ";

InterviewRow ReadInterview(const Statement& st) {
  return {st.ColumnInt(0),  st.ColumnInt(1),  st.ColumnText(2), st.ColumnText(3),
          st.ColumnText(4), st.ColumnText(5), st.ColumnText(6)};
}

HandoverEventRow ReadHandoverEvent(const Statement& st) {
  return {st.ColumnInt(0),  st.ColumnInt(1),  st.ColumnText(2), st.ColumnInt(3),
          st.ColumnText(4), st.ColumnText(5), st.ColumnText(6), st.ColumnText(7)};
}

Result<Statement> Prepare(Workspace& ws, std::string_view head, std::string_view tail) {
  return ws.db().Prepare(std::string(head) + std::string(tail));
}

}  // namespace

Result<void> CheckPersonRecord(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT 1 FROM person_records WHERE id = ?"));
  st.Bind(1, record_id);
  PARLEY_ASSIGN_OR_RETURN(auto found, ReadFirstRow(st, [](const Statement&) { return true; }));
  if (!found) {
    return Fail(ErrorCode::kNotFound, "no person record with ID " + std::to_string(record_id));
  }
  return {};
}

Result<std::optional<InterviewRow>> ReadCurrentInterview(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, Prepare(ws, kCurrentInterviews, "AND i.record_id = ?"));
  st.Bind(1, record_id);
  return ReadFirstRow(st, ReadInterview);
}

Result<std::vector<InterviewRow>> ReadCurrentInterviewsOfPlan(Workspace& ws, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      Prepare(ws, kCurrentInterviews,
              "AND i.record_id IN (SELECT record_id FROM plan_people WHERE plan_id = ?)"));
  st.Bind(1, plan_id);
  return ReadRows(st, ReadInterview);
}

Result<std::vector<InterviewRow>> ReadCurrentInterviews(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, Prepare(ws, kCurrentInterviews, "ORDER BY i.record_id"));
  return ReadRows(st, ReadInterview);
}

Result<std::vector<InterviewRow>> ReadInterviewHistory(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT record_id, version, outcome, interviewer, interviewed_at, notes, "
                      "recorded_at FROM interviews WHERE record_id = ? ORDER BY version"));
  st.Bind(1, record_id);
  return ReadRows(st, ReadInterview);
}

Result<void> InsertInterview(Workspace& ws, const InterviewRow& row) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("INSERT INTO interviews(record_id, version, outcome, interviewer, "
                      "interviewed_at, notes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, row.record_id);
  st.Bind(2, row.version);
  st.Bind(3, row.outcome);
  st.Bind(4, row.interviewer);
  st.Bind(5, row.interviewed_at);
  st.Bind(6, row.notes);
  st.Bind(7, row.recorded_at);
  return st.Run();
}

Result<std::vector<HandoverEventRow>> ReadHandoverEvents(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          Prepare(ws, kHandoverColumns, "WHERE h.record_id = ? ORDER BY h.seq"));
  st.Bind(1, record_id);
  return ReadRows(st, ReadHandoverEvent);
}

Result<std::vector<HandoverEventRow>> ReadHandoverEventsOfPlan(Workspace& ws,
                                                               std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          Prepare(ws, kHandoverColumns,
                                  "JOIN plan_people pp ON pp.record_id = h.record_id WHERE "
                                  "pp.plan_id = ? ORDER BY h.record_id, h.seq"));
  st.Bind(1, plan_id);
  return ReadRows(st, ReadHandoverEvent);
}

Result<std::int64_t> CountHandoverEvents(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, ws.db().Prepare("SELECT count(*) FROM handover_events WHERE record_id = ?"));
  st.Bind(1, record_id);
  PARLEY_ASSIGN_OR_RETURN(auto count,
                          ReadFirstRow(st, [](const Statement& row) { return row.ColumnInt(0); }));
  return count.value_or(0);
}

Result<std::vector<std::int64_t>> RecordsWithHandoverEvents(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT DISTINCT record_id FROM handover_events ORDER BY record_id"));
  return ReadRows(st, [](const Statement& row) { return row.ColumnInt(0); });
}

Result<void> InsertHandoverEvent(Workspace& ws, const HandoverEventRow& row) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("INSERT INTO handover_events(record_id, seq, event, phase, place, at, "
                      "actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, row.record_id);
  st.Bind(2, row.seq);
  st.Bind(3, row.event);
  st.Bind(4, row.phase);
  st.Bind(5, row.place);
  st.Bind(6, row.at);
  st.Bind(7, row.actor);
  st.Bind(8, row.recorded_at);
  return st.Run();
}

}  // namespace parley::store
