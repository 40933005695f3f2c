// parley/store/received_lists.h — records another party disclosed, kept as read-only versions
// of a list on the receiving node, with where they came from (issue 15 item 4).
//
// What it is for: the mediator's job is to reconcile party A's requests against party B's
// custody lists. A bundle exported `--for mediator` discloses records (ledger/disclosure.h);
// on `parley bundle import` each disclosed list version becomes a version of a list here, so
// that `lists`, `show`, `export`, `reconcile`, `review` and `plan` work on it like on any list.
//
// Naming: `<sender-node>.<sender-list>` (the node name is the middle of the sender's log
// origin "parley/NODE/..."), or `<prefix>.<sender-list>` with `--list-prefix PREFIX`; the name
// must pass the list-name rule (lists/list_name.h). The list has the sender's kind and side,
// read from the sender's signed list.version_submitted event in the replica.
//
// Provenance (table received_list_versions, ListVersionInfo::received): the sender's log and
// node, its list, version and event seq, the SHA-256 of the bundle file, the sender's
// checkpoint the bundle carried (tree size, root), the fields withheld. Withheld fields are
// absent from the records (canonical columns stay empty, extra columns are not there) and named
// in the provenance, so nobody reads "" as what the sender wrote.
//
// Contract:
//   - ReceiveDisclosedLists runs inside the import's LoggedTransaction, after the bundle and
//     its disclosure were verified, and appends one `list.version_received` event per new
//     version (list, kind, side, version, record count, content hash and the provenance; no
//     personal data). A sender version already received is skipped; a disclosure whose content
//     equals the latest received version writes nothing.
//   - It refuses (kConflict, nothing imported) a name that is one of this node's own lists or a
//     list received from another log.
//   - A received list is read-only: Workspace::ImportList refuses it naming the provenance.
//   - VerifyReceivedLists (`parley verify --workspace`) recomputes each received version's
//     content hash from the stored records and compares it with its signed event; a mismatch is
//     kCorruption naming the list, version, event and the first record that differs.
//
// Why this design: a received version goes through the same writer as an imported file
// (store/list_writer.h), so every reader of lists works on it without a second code path; the
// receiving node's own signed event vouches for the rows, so a later edit of the database is
// caught by the same check as for its own lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/disclosure.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::store {

struct ReceivedBundle {
  std::string origin;         // the sender's log
  std::string bundle_sha256;  // hex, of the bundle file's bytes
  std::uint64_t checkpoint_size = 0;
  std::string checkpoint_root;  // hex
  const ledger::Disclosure* disclosure = nullptr;
  std::string list_prefix;  // empty: the sender's node name
};

struct ReceivedListVersion {
  std::string list;  // the local name
  std::int64_t version = 0;
  bool unchanged = false;     // same content as the latest received version: nothing written
  bool already_held = false;  // that sender version was received before
  std::int64_t records = 0;
  std::string sender_list;
  std::int64_t sender_version = 0;
};

// The node name in a log origin "parley/NODE/<hex>" ("" when it has no such form).
[[nodiscard]] std::string SenderNode(std::string_view origin);

[[nodiscard]] Result<std::vector<ReceivedListVersion>> ReceiveDisclosedLists(
    LoggedTransaction& tx, Workspace& ws, const ReceivedBundle& bundle);

// "received from node ru (log parley/ru/..., its list ru-custody version 2) in bundle
// sha256 0123456789abcdef..., under its checkpoint of size 12": for messages and `show`.
[[nodiscard]] std::string DescribeReceivedFrom(const ReceivedFrom& from);

// The provenance of the latest received version of list `list_id`, described, or nothing for
// a list of this node's own.
[[nodiscard]] Result<std::optional<std::string>> ReceivedListProvenance(Database& db,
                                                                        std::int64_t list_id);

struct ReceivedListsCheck {
  std::int64_t lists = 0;    // received list versions checked against their event
  std::int64_t records = 0;  // records in them
};
[[nodiscard]] Result<ReceivedListsCheck> VerifyReceivedLists(Workspace& ws);

}  // namespace parley::store
