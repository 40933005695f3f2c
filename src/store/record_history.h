// parley/store/record_history.h — where a person record's history starts in the node's log:
// the ledger events of the list versions that created each version of the record.
//
// What it is for: `parley log --record` and GET /records/{id}/events
// (negotiation/event_history.h) show a record's events. Most of them name the record in
// their body and are found by scanning the log; a list version's event names only the list,
// so the events that brought the record's versions in are looked up here, by the
// ledger_list_events rows written with each submitted version (store/list_import.cpp).
//
// Contract: seqs of the node's own log, ascending; empty for an unknown record.
//
//   PARLEY_ASSIGN_OR_RETURN(std::vector<std::int64_t> seqs, RecordListEventSeqs(ws, 42));
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

[[nodiscard]] Result<std::vector<std::int64_t>> RecordListEventSeqs(Workspace& ws,
                                                                    std::int64_t record_id);

}  // namespace parley::store
