// parley/rules/sharing.h — the agreement's sharing policy: which record fields each recipient
// of a bundle sees.
//
// What it is for: `parley bundle export --for PARTY` shows the recipient only what the
// agreement lets it see (for example no health details to the other side); everything else is
// carried as salted commitments only (ledger/disclosure.h) and stays provable later.
//
// The agreement's [sharing] table (docs/agreements.md):
//   [sharing]
//   mediator = ["surname", "given_name", "birth_date", "service_number"]   # or "*"
//   other_party = []                                                        # or "*", [...]
//   never = ["health", "notes"]          # shared with nobody, whatever the lists above say
// Field names are the canonical columns except `id` (the record's key is always shown with a
// disclosed record) or extra columns ("health", "capture_date", ...).
//
// Contract: a recipient sees a field when its list has it (or is "*") and `never` does not;
// `never` wins over "*". The record id is always shown with the records of a list that is
// disclosed at all. DefaultSharingPolicy() is used when no agreement is given: the mediator
// gets the identity fields of GC III Art. 17 and what tells namesakes apart, never health or
// notes, and the other party gets nothing.
//
// Why this design: named fields and "*" read like the clause a negotiator signs; a separate
// `never` list states the red lines once instead of subtracting them from every recipient.
//
//   SharingPolicy p = DefaultSharingPolicy();
//   bool shown = p.Shares(Recipient::kMediator, "surname");   // true
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::rules {

enum class Recipient { kMediator, kOtherParty };
[[nodiscard]] const char* RecipientName(Recipient r);  // "mediator" / "other_party"

struct RecipientFields {
  bool all = false;                 // "*"
  std::vector<std::string> fields;  // when !all
};

struct SharingPolicy {
  bool from_agreement = false;  // false: DefaultSharingPolicy()
  RecipientFields mediator;
  RecipientFields other_party;
  std::vector<std::string> never;

  [[nodiscard]] bool Shares(Recipient recipient, std::string_view field) const;
  // Does the recipient see any field at all (else it gets no records)?
  [[nodiscard]] bool SharesAnything(Recipient recipient) const;
};

[[nodiscard]] SharingPolicy DefaultSharingPolicy();

}  // namespace parley::rules
