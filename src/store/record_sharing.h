// parley/store/record_sharing.h — record contents in the signed record: the commitments a list
// submission signs, the disclosure a bundle carries for its recipient, what a receiving node
// keeps of it, and the later reveal of one withheld field.
//
// What it is for: a list.version_submitted event signs a records root over salted commitments
// to every field of every record (ledger/field_commitment.h); `parley bundle export --for P`
// shows P the fields the agreement's sharing policy allows (ledger/disclosure.h); `parley
// bundle import` keeps what it was shown (table received_records); `parley disclose` reveals
// one field later, provable against the bundle that carried its commitment.
//
// Committed fields of a record: the canonical columns except `id` (the record key, shown with
// any disclosed record), with their stored values (birth_date in ISO form, "" when empty),
// then every extra column by name. Empty values are committed too: "unknown" is provable.
//
// Contract:
//   - ListRecordsRoot is what Workspace::ImportList puts in the event body ("records_root",
//     base64), with the node's salt key; the same inputs always give the same root.
//   - BuildDisclosure reads the node's list events in [since, size) and, for each whose
//     event carries a records root, discloses every record; events from before record
//     commitments are skipped and counted. `shares(field)` decides which values are shown.
//   - KeepReceivedRecords must run in the import's transaction (all or nothing).
//   - DiscloseField refuses when the stored records no longer produce the signed root.
//
// Why this design: the salt key comes from the node seed, so nothing per field is stored and
// a disclosure can be made years later; the store does not depend on the agreement module:
// callers pass the policy as a predicate.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "ledger/disclosure.h"
#include "ledger/field_commitment.h"
#include "lists/person_record.h"
#include "store/workspace.h"

namespace parley::store {

[[nodiscard]] std::vector<std::pair<std::string, std::string>> CommittedFields(
    const PersonRecord& record);

// `versions[i]` is the record version of `records[i]`.
[[nodiscard]] Result<ledger::Hash> ListRecordsRoot(const ledger::SaltKey& key,
                                                   std::string_view list,
                                                   const std::vector<PersonRecord>& records,
                                                   const std::vector<std::int64_t>& versions);

struct DisclosureRequest {
  std::string recipient;                         // --for PARTY
  std::string role;                              // "mediator" / "other_party"
  std::function<bool(std::string_view)> shares;  // the sharing policy for that recipient
};

struct DisclosureSummary {
  std::int64_t lists = 0;
  std::int64_t records = 0;
  std::int64_t lists_without_commitments = 0;  // submitted before record commitments
};

[[nodiscard]] Result<ledger::Disclosure> BuildDisclosure(Workspace& ws, const ledger::SaltKey& key,
                                                         const DisclosureRequest& request,
                                                         std::uint64_t since, std::uint64_t size,
                                                         DisclosureSummary* summary);

// A bundle of the node's log (EventLog::ExportBundle) with the disclosure for `request`, unless
// the policy shows that recipient nothing (then the bundle carries events only).
[[nodiscard]] Result<std::string> ExportBundleFor(Workspace& ws,
                                                  std::optional<std::string_view> since_note,
                                                  const DisclosureRequest& request,
                                                  DisclosureSummary* summary);

// Keeps the records a checked disclosure showed, for the log `origin`.
[[nodiscard]] Result<std::int64_t> KeepReceivedRecords(Database& db, const std::string& origin,
                                                       const ledger::Disclosure& disclosure);

struct ReceivedRecord {
  std::string origin;
  std::uint64_t seq = 0;
  std::string list;
  std::int64_t list_version = 0;
  std::int64_t position = 0;
  std::string record_key;
  std::int64_t record_version = 0;
  std::vector<std::pair<std::string, std::string>> shown;  // field, value
  std::vector<std::string> withheld;                       // fields carried as commitments
};
// Received records, optionally of one list name, by origin, list, version and position.
[[nodiscard]] Result<std::vector<ReceivedRecord>> ReceivedRecords(Database& db,
                                                                  const std::string& list);
[[nodiscard]] Result<std::vector<ReceivedRecord>> ReceivedRecords(Workspace& ws,
                                                                  const std::string& list);

// What `parley verify --workspace` checks of the records behind the node's own list
// submissions: every list version whose event signed a records root still produces it from
// the stored records. A version that does not is kCorruption naming the list, the version, the
// entry and, when its stored bytes betray it (the record's content hash), the first record
// that differs.
struct ListRecordsCheck {
  std::int64_t lists = 0;                      // list versions checked against their signed root
  std::int64_t records = 0;                    // records in them
  std::int64_t lists_without_commitments = 0;  // submitted before record commitments
};
[[nodiscard]] Result<ListRecordsCheck> VerifyListRecords(Workspace& ws);

// One field of one record of a submitted list version, with its salt and the inclusion proof
// of the record against the records root signed in that version's event.
[[nodiscard]] Result<ledger::FieldDisclosure> DiscloseField(Workspace& ws, const std::string& list,
                                                            std::optional<std::int64_t> version,
                                                            const std::string& record_key,
                                                            const std::string& field);

}  // namespace parley::store
