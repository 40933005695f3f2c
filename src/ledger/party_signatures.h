// parley/ledger/party_signatures.h — checking, from a log alone, that each party signature
// was made with the key its agreement pinned, and each witness with a pinned mediator key.
//
// What it is for: `parley verify --workspace` and `parley verify --bundle`. A valid Ed25519
// signature only says which key signed an event; whether that key was allowed to sign for
// party a is a fact of the agreement. The agreement.added event carries the keys its text
// pins (body a_key, b_key, mediator_keys: verifier-key lines, keys.h), so a verifier holding
// only the entries (a bundle, no workspace) can tell a party's consent from the node vouching.
//
// Contract: the entries' own signatures must have been checked already (VerifyEntries); this
// reads the events and judges their signers.
// - agreement.signed (body agreement, version, party) and plan.accepted / plan.signed (body
//   agreement, agreement_version, party): the signer must be the key pinned for that party by
//   the matching agreement.added (same name and version) — same name and same public key.
// - agreement.witnessed / plan.witnessed: the signer must be one of its mediator_keys.
// - A signature under an agreement that pinned no key for that role is counted as `unpinned`
//   (logs written before keys were pinned); one whose agreement.added is not among the
//   entries (a bundle exported with --since) is counted as `unchecked`. Neither is a mismatch.
// - Every mismatch is one line naming the entry seq, the event, the party and both keys.
//
//   PARLEY_ASSIGN_OR_RETURN(auto report, CheckPartySignatures(leaves, first_seq));
//   for (const auto& line : report.mismatches) std::cerr << line << "\n";
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace parley::ledger {

struct PartySignatureReport {
  std::size_t party_signatures = 0;   // agreement.signed, plan.accepted, plan.signed seen
  std::size_t witnesses = 0;          // agreement.witnessed, plan.witnessed seen
  std::size_t matched = 0;            // party signatures made with the pinned key
  std::size_t witnesses_matched = 0;  // witnesses made with a pinned mediator key
  std::size_t unpinned = 0;           // the agreement pinned no key for that role
  std::size_t unchecked = 0;          // its agreement.added is not in these entries
  std::vector<std::string> mismatches;

  [[nodiscard]] bool ok() const { return mismatches.empty(); }
};

// `leaves`: entries first_seq, first_seq+1, ... as stored (event.h leaf data).
[[nodiscard]] Result<PartySignatureReport> CheckPartySignatures(std::span<const std::string> leaves,
                                                                std::uint64_t first_seq);

}  // namespace parley::ledger
