#include "server/handover_store.h"

#include "core/try.h"
#include "server/share_store.h"
#include "server/timestamp.h"

namespace parley::server {
namespace {

Result<void> CheckEvent(const HandoverEvent& e) {
  if (e.event != "handed_over" && e.event != "received") {
    return Fail(ErrorCode::kInvalidInput,
                "unknown handover event '" + e.event + "'; use handed_over or received",
                {"", 0, 0, "event"});
  }
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
  return CheckTimestamp(e.at, "at");
}

}  // namespace

Result<std::vector<HandoverEvent>> HandoverEvents(store::Database& db, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT record_id, seq, event, phase, place, at, actor, recorded_at FROM "
                 "handover_events WHERE record_id = ? ORDER BY seq"));
  st.Bind(1, record_id);
  std::vector<HandoverEvent> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnInt(0), st.ColumnInt(1), st.ColumnText(2), st.ColumnInt(3),
                   st.ColumnText(4), st.ColumnText(5), st.ColumnText(6), st.ColumnText(7)});
  }
  return out;
}

Result<HandoverEvent> AppendHandover(store::Workspace& ws, std::int64_t record_id,
                                     std::int64_t expected_count, const HandoverEvent& event,
                                     const store::Actor& actor) {
  PARLEY_TRY(CheckEvent(event));
  store::Database& db = ws.db();
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(FindRecordOwner(ws, record_id));
  PARLEY_ASSIGN_OR_RETURN(store::Statement count,
                          db.Prepare("SELECT count(*) FROM handover_events WHERE record_id = ?"));
  count.Bind(1, record_id);
  PARLEY_TRY(count.Step());
  const std::int64_t stored = count.ColumnInt(0);
  count.Reset();
  if (stored != expected_count) {
    return Fail(ErrorCode::kConflict,
                "record " + std::to_string(record_id) + " has " + std::to_string(stored) +
                    " handover event(s), not " + std::to_string(expected_count) +
                    "; reload and try again",
                {"", 0, 0, "expected_count"});
  }
  HandoverEvent saved = event;
  saved.record_id = record_id;
  saved.seq = stored + 1;
  saved.recorded_at = UtcNow();
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("INSERT INTO handover_events(record_id, seq, event, phase, place, at, actor, "
                 "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, record_id);
  st.Bind(2, saved.seq);
  st.Bind(3, saved.event);
  st.Bind(4, saved.phase);
  st.Bind(5, saved.place);
  st.Bind(6, saved.at);
  st.Bind(7, saved.actor);
  st.Bind(8, saved.recorded_at);
  PARLEY_TRY(st.Run());
  PARLEY_TRY(tx.Commit(actor, "handover.recorded",
                       {{"record_id", record_id},
                        {"seq", saved.seq},
                        {"event", saved.event},
                        {"phase", saved.phase},
                        {"place", saved.place},
                        {"at", saved.at},
                        {"actor", saved.actor}}));
  return saved;
}

}  // namespace parley::server
