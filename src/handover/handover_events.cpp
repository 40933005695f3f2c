#include "handover/handover_events.h"

#include "core/clock.h"
#include "core/try.h"
#include "handover/event_time.h"
#include "handover/handover_transitions.h"
#include "handover/interviews.h"
#include "store/link_store.h"

namespace parley::handover {
namespace {

Result<void> CheckEvent(const HandoverEvent& e) {
  if (e.phase < 1) {
    return Fail(ErrorCode::kInvalidInput, "the phase is a number from 1", {"", 0, 0, "phase"});
  }
  if (e.place.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the place of the handover is needed",
                {"", 0, 0, "place"});
  }
  if (e.actor.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the actor is needed", {"", 0, 0, "actor"});
  }
  return CheckEventTime(e.at, "at");
}

// The person's events so far and their interview, read in the caller's transaction.
Result<void> CheckTransition(store::Workspace& ws, std::int64_t record_id,
                             const HandoverEvent& event,
                             std::optional<std::int64_t> planned_phase) {
  HandoverFacts facts;
  facts.planned_phase = planned_phase;
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadHandoverEvents(ws, record_id));
  for (const store::HandoverEventRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(HandoverEventKind kind, ParseHandoverEventKind(row.event));
    facts.prior.push_back({kind, row.phase});
  }
  PARLEY_ASSIGN_OR_RETURN(std::optional<Interview> interview, CurrentInterview(ws, record_id));
  if (interview && ExcludesFromExchange(interview->outcome)) facts.excluded_by = interview->outcome;
  Result<void> ok = CheckHandoverTransition(facts, event.event, event.phase);
  if (!ok) {
    Error e = ok.error();
    e.message = "record " + std::to_string(record_id) + ": " + e.message;
    return std::unexpected(std::move(e));
  }
  return {};
}

store::HandoverEventRow ToRow(const HandoverEvent& e) {
  return {e.record_id, e.seq,        std::string(ToString(e.event)), e.phase, e.place, e.at,
          e.actor,     e.recorded_at};
}

}  // namespace

Result<HandoverEvent> FromRow(const store::HandoverEventRow& row) {
  PARLEY_ASSIGN_OR_RETURN(HandoverEventKind kind, ParseHandoverEventKind(row.event));
  return HandoverEvent{row.record_id, row.seq, kind,      row.phase,
                       row.place,     row.at,  row.actor, row.recorded_at};
}

Result<std::vector<HandoverEvent>> HandoverEvents(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadHandoverEvents(ws, record_id));
  std::vector<HandoverEvent> out;
  out.reserve(rows.size());
  for (const store::HandoverEventRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(HandoverEvent e, FromRow(row));
    out.push_back(std::move(e));
  }
  return out;
}

Result<HandoverEvent> AppendHandover(store::Workspace& ws, std::int64_t record_id,
                                     std::int64_t expected_count, const HandoverEvent& event,
                                     const store::Actor& actor,
                                     std::optional<std::int64_t> planned_phase) {
  PARLEY_TRY(CheckEvent(event));
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(store::CheckPersonRecord(ws, record_id));
  PARLEY_ASSIGN_OR_RETURN(const std::int64_t stored, store::CountHandoverEvents(ws, record_id));
  if (stored != expected_count) {
    return Fail(ErrorCode::kConflict,
                "record " + std::to_string(record_id) + " has " + std::to_string(stored) +
                    " handover event(s), not " + std::to_string(expected_count) +
                    "; reload and try again",
                {"", 0, 0, "expected_count"});
  }
  PARLEY_TRY(CheckTransition(ws, record_id, event, planned_phase));
  HandoverEvent saved = event;
  saved.record_id = record_id;
  saved.seq = stored + 1;
  saved.recorded_at = UtcNow();
  PARLEY_TRY(store::InsertHandoverEvent(ws, ToRow(saved)));
  PARLEY_TRY(tx.Commit(actor, "handover.recorded",
                       {{"record_id", record_id},
                        {"seq", saved.seq},
                        {"event", ToString(saved.event)},
                        {"phase", saved.phase},
                        {"place", saved.place},
                        {"at", saved.at},
                        {"actor", saved.actor},
                        {"recorded_at", saved.recorded_at}}));
  return saved;
}

Result<std::set<std::int64_t>> RecordsWithHandovers(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(auto ids, store::RecordsWithHandoverEvents(ws));
  return std::set<std::int64_t>(ids.begin(), ids.end());
}

}  // namespace parley::handover
