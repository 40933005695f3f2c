// parley/server/handover_store.h — handover events at the crossing point (`handover_events`).
//
// Contract: a person record's handover events form an append-only sequence 1, 2, 3, ...
// (handed_over by the holding side, received by the other; phase, place, time, actor).
// AppendHandover takes the number of events the caller has seen: when another checkpoint
// appended meanwhile it is kConflict, so nobody records a handover without having seen the
// previous one. Each event appends a signed `handover.recorded` ledger event (record id,
// seq, event, phase, place, time, actor) in the same transaction, signed for `actor`
// (store/event_log.h).
//
//   HandoverEvent e{.event = "handed_over", .phase = 1, .place = "Sumy crossing",
//                   .at = "2026-05-23T14:05:00Z", .actor = "cp-1"};
//   PARLEY_ASSIGN_OR_RETURN(HandoverEvent saved, AppendHandover(db, record_id, 0, e));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/event_log.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::server {

struct HandoverEvent {
  std::int64_t record_id = 0;
  std::int64_t seq = 0;
  std::string event;  // handed_over | received
  std::int64_t phase = 1;
  std::string place;
  std::string at;
  std::string actor;
  std::string recorded_at;
};

[[nodiscard]] Result<std::vector<HandoverEvent>> HandoverEvents(store::Database& db,
                                                                std::int64_t record_id);
[[nodiscard]] Result<HandoverEvent> AppendHandover(store::Workspace& ws, std::int64_t record_id,
                                                   std::int64_t expected_count,
                                                   const HandoverEvent& event,
                                                   const store::Actor& actor);

}  // namespace parley::server
