// parley/ledger/disclosure.h — what a bundle shows of the records behind its list events, and
// the later proof of one field it withheld.
//
// What it is for: a `list.version_submitted` event signs a records root (field_commitment.h)
// and no personal data. A bundle exported `--for` a party adds a disclosure section: for each
// list version the sharing policy lets that party see, every record's field commitments, plus
// the value and salt of each field the policy shares. The receiver checks every shown value
// against its commitment and every list's commitments against the root its signed event holds.
// A field withheld then can be revealed later, alone, by a FieldDisclosure file.
//
// Disclosure section (canonical JSON, RFC 8785), signed by a checkpoint signer of the bundle:
//   {"for":PARTY,"lists":[{"list":NAME,"records":[{"fields":{FIELD:{"c":B64}          (withheld)
//                                                          FIELD:{"c":B64,"s":B64,"v":VALUE}},
//                                                          (shown)
//                                                 "id":ID,"v":RECORD_VERSION}, ...],
//                          "seq":EVENT_SEQ,"version":LIST_VERSION}, ...],
//    "role":"mediator"|"other_party","signer":KEY_NAME}
//   signature = Ed25519 over "parley-disclosure-v1\n" || that JSON, by the key named `signer`.
//
// Field disclosure file (JSON): {"format":"parley-field-disclosure-v1","origin","seq","list",
//   "version","index","count","record":{"id","v","c":{FIELD:B64,...}},"proof":[B64...],
//   "field","value","salt"} — the record's commitments, its RFC 9162 inclusion proof (index of
//   count) against the records root of entry `seq`, and the revealed value and salt.
//
// Contract: CheckDisclosure names the list, record and field at fault ("list ua-custody
// version 2, record 17, field surname: the value and salt do not match its commitment"); a
// commitment changed anywhere is "... the records' commitments do not match the records root
// signed in entry seq N". Each list must be the subject of a list.version_submitted event
// inside the bundle, carried once.
//
// Why this design: commitments for every field (not only withheld ones) let the receiver
// name the exact field whose value was altered; the signature over the section binds who it
// was made for and what it chose to show, so no byte of a bundle goes unchecked.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"
#include "ledger/field_commitment.h"
#include "ledger/keys.h"

namespace parley::ledger {

inline constexpr std::string_view kDisclosureSignatureContext = "parley-disclosure-v1\n";
inline constexpr std::string_view kFieldDisclosureFormat = "parley-field-disclosure-v1";

struct DisclosedField {
  std::string field;
  Hash commitment{};
  bool shown = false;  // value and salt are given
  std::string value;
  Hash salt{};
};

struct DisclosedRecord {
  std::string id;
  std::int64_t version = 0;
  std::vector<DisclosedField> fields;  // sorted by name
};

struct DisclosedList {
  std::uint64_t seq = 0;  // the list.version_submitted event
  std::string list;
  std::int64_t version = 0;
  std::vector<DisclosedRecord> records;  // in list order
};

struct Disclosure {
  std::string recipient;  // --for PARTY
  std::string role;       // "mediator" or "other_party"
  std::string signer;     // key name of the signature
  std::vector<DisclosedList> lists;
};

[[nodiscard]] Result<std::string> EncodeDisclosure(const Disclosure& disclosure);
// Strict: `text` must be exactly what EncodeDisclosure writes.
[[nodiscard]] Result<Disclosure> ParseDisclosure(std::string_view text);
[[nodiscard]] std::string SignDisclosure(std::string_view text, const SigningKey& key);
[[nodiscard]] bool VerifyDisclosureSignature(std::string_view text, std::string_view signature,
                                             const PublicKey& key);

// What a list.version_submitted event signs about its records.
struct ListCommitmentEvent {
  std::string list;
  std::int64_t version = 0;
  std::uint64_t record_count = 0;
  std::optional<Hash> records_root;  // absent in events from before record commitments
};
[[nodiscard]] Result<ListCommitmentEvent> ReadListEvent(std::string_view leaf_data,
                                                        std::uint64_t seq);

// Checks `disclosure` against the bundle's entries [since, since + entries.size()), which must
// already be verified (verify.h). Does not check the signature.
[[nodiscard]] Result<void> CheckDisclosure(const Disclosure& disclosure,
                                           std::span<const std::string> entries,
                                           std::uint64_t since);

struct FieldDisclosure {
  std::string origin;
  std::uint64_t seq = 0;
  std::string list;
  std::int64_t list_version = 0;
  std::uint64_t index = 0;  // the record's position in the list version
  std::uint64_t count = 0;  // records in the list version
  RecordCommitment record;
  std::vector<Hash> proof;  // RFC 9162 inclusion proof of the record leaf
  std::string field;
  std::string value;
  Hash salt{};
};

[[nodiscard]] Result<std::string> EncodeFieldDisclosure(const FieldDisclosure& disclosure);
[[nodiscard]] Result<FieldDisclosure> ParseFieldDisclosure(std::string_view text);
// Checks the revealed value against the record's commitment, the record against the records
// root of the entry `seq` in `entries` (a verified bundle's, starting at `since`), and that
// the origin is `origin`.
[[nodiscard]] Result<void> VerifyFieldDisclosure(const FieldDisclosure& disclosure,
                                                 std::string_view origin,
                                                 std::span<const std::string> entries,
                                                 std::uint64_t since);

}  // namespace parley::ledger
