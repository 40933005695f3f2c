// parley/store/vouched_rows.h — the rows of the workspace checked against the ledger events
// that vouch for them: what `parley verify --workspace` adds to the log's own checks.
//
// What it is for: every state change appends a signed event in the same transaction as its
// rows (store/event_log.h), but the rows stay plain SQLite rows that anyone with write access
// to parley.db can edit. This check recomputes, from the stored rows, what each event of the
// node's own log committed to (a hash, a value, a salted commitment) and compares; it also
// finds rows that exist without their event (a row inserted behind parley's back, or a log
// emptied or shortened under its rows). The signatures and the tree themselves are checked
// before, by VerifyWorkspaceLedger; the records behind list versions by VerifyListRecords.
//
// Table by table (event → what it vouches for):
//   list_versions, lists    list.version_submitted: list, kind, side, version, content hash,
//                           record count (the records: VerifyListRecords)
//   agreements              agreement.added: name, version, the text's SHA-256 (recomputed from
//                           the stored text); title, parties and added_by in events made since
//                           this check existed
//   agreement_signatures    agreement.signed (row's ledger_seq): agreement, version, party,
//                           signer, the text hash signed
//   plans                   plan.proposed/countered/repaired: id, kind, parent, agreement,
//                           sides, the plan JSON's SHA-256 (recomputed from the stored
//                           document: phases and people), objective, counts; created_by in new
//                           events; the state, replayed from the plan events (accepts, signs,
//                           counters and repairs that superseded it)
//   plan_people             people_sha256 in plan events made since this check existed
//   plan_approvals          plan.accepted/plan.signed (row's ledger_seq): plan, action, party,
//                           actor, the plan hash approved
//   link_decisions, links   link.decided: the Nth decision row of a link is its Nth event:
//                           decision, actor, state after, whether it had a note (and the note's
//                           salted commitment in new events); a decided link's state is its
//                           last decision's state, and its two records are the event's
//   interviews              interview.recorded: record, version, outcome, time, interviewer;
//                           the notes' salted commitment and recorded_at in new events
//   handover_events         handover.recorded: record, seq, event, phase, place, time, actor;
//                           recorded_at in new events
// Tables no event vouches for: UnvouchedTables().
//
// Contract: problems are reported, not returned as errors: each names the table, the row
// (id, list, person record), the field or event that differs, and the event's seq; the
// caller says what to do. Errors are kept for what stops the check (an unreadable database).
// Events of older versions that carry less are checked for what they carry; `unproved` counts
// what they cannot prove.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/plans.h"

namespace parley::store {

class EventLog;
class Workspace;

struct VouchedTable {
  std::string table;
  std::int64_t rows = 0;  // rows checked against an event
};

struct VouchedRowsReport {
  std::vector<VouchedTable> tables;
  std::vector<std::string> problems;  // empty: every vouched row matches its event
  std::vector<std::string> unproved;  // what events made before a field was added cannot prove
};

[[nodiscard]] Result<VouchedRowsReport> VerifyVouchedRows(Workspace& ws);

struct UnvouchedTable {
  std::string_view table;
  std::string_view why;
};
// Tables whose rows no ledger event vouches for, and why that is acceptable or what would.
[[nodiscard]] const std::vector<UnvouchedTable>& UnvouchedTables();

// What a plan event commits to of its plan_people rows: SHA-256 (hex) of
// "record_id record_version phase\n" lines in record id order.
[[nodiscard]] std::string PlanPeopleDigest(std::vector<PlanPersonRow> people);

// A salted commitment (base64) to a free text that may name people (an interview's notes, a
// link decision's note), so that an event can vouch for it without carrying it: the salt is
// derived from the node key for (table, row, version, field), as record fields' are
// (ledger/field_commitment.h).
[[nodiscard]] Result<std::string> TextCommitment(const EventLog& log, std::string_view table,
                                                 std::int64_t row, std::int64_t version,
                                                 std::string_view field, std::string_view text);

}  // namespace parley::store
