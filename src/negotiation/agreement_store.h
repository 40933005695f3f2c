// parley/negotiation/agreement_store.h — agreements kept in the workspace as signed documents.
//
// What it is for: an agreement TOML file becomes a versioned document of the workspace
// (`parley agreement add`), which each party side signs (`parley agreement sign`). The HTTP
// API (issue 6) serves the same functions.
//
// Contract:
// - AddAgreement validates the text (rules::ParseAgreement; the error names line and column).
//   Identical text under the same name as its latest version is a no-op (`unchanged`, no
//   event); a different text is version N+1. Rows are never edited (triggers refuse it).
// - SignAgreement records one signature per party side ("a" / "b") on one version, made with
//   the key the version pins for that party (negotiation/party_keys.h; refused otherwise,
//   before anything is written). The state
//   is derived, never stored: draft (no signature), signed (one side), in_force (both). A
//   second signature by the same side is a no-op.
// - Every change appends its signed ledger event (agreement.added, agreement.signed) in the
//   same transaction as its rows; bodies carry the name, version and sha256, never people.
// - The rows and their SQL are store/agreements.h; this file parses, checks and derives.
//
//   PARLEY_ASSIGN_OR_RETURN(auto added, AddAgreement(ws, "istanbul", text, "deal.toml", actor));
//   PARLEY_ASSIGN_OR_RETURN(auto signed_a, SignAgreement(ws, "istanbul", std::nullopt,
//                                                        rules::Side::kA, actor));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "rules/agreement.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::negotiation {

enum class AgreementState { kDraft, kSigned, kInForce };
[[nodiscard]] const char* AgreementStateName(AgreementState state);

struct AgreementSignature {
  std::string party;  // "a" / "b"
  std::string signer;
  std::string signed_at;
  std::int64_t ledger_seq = 0;  // the agreement.signed event in the node's log
};

struct StoredAgreement {
  std::int64_t id = 0;
  std::string name;
  std::int64_t version = 0;
  std::string title;
  std::string party_a;
  std::string party_b;
  std::string source;  // the TOML text as signed
  std::string sha256;  // of `source`
  std::string added_by;
  std::string created_at;
  std::vector<AgreementSignature> signatures;
  AgreementState state = AgreementState::kDraft;

  [[nodiscard]] bool SignedBy(rules::Side party) const;
};

struct AgreementChange {
  StoredAgreement agreement;
  bool unchanged = false;  // nothing was written (identical text / already signed)
};

// The workspace side whose users act (sign) for `party`: the agreement's [parties] a_side /
// b_side, else the party's name as the agreement writes it.
[[nodiscard]] std::string ActingSide(const StoredAgreement& agreement, rules::Side party);
// "a", "b", a party's name as the agreement writes it, or its acting side (ASCII
// case-insensitive).
[[nodiscard]] Result<rules::Side> ParsePartySide(const StoredAgreement& agreement,
                                                 std::string_view text);

// `name` must be 1..100 characters of letters, digits, '-', '_', '.'.
[[nodiscard]] Result<AgreementChange> AddAgreement(store::Workspace& ws, const std::string& name,
                                                   std::string_view toml_text,
                                                   std::string_view file_for_errors,
                                                   const store::Actor& actor);
[[nodiscard]] Result<AgreementChange> SignAgreement(store::Workspace& ws, const std::string& name,
                                                    std::optional<std::int64_t> version,
                                                    rules::Side party, const store::Actor& actor);

// The mediator witnesses (cosigns) one version with a key the agreement pins in [parties]
// mediator_keys (negotiation/party_keys.h): event agreement.witnessed, never a party's
// signature, so it changes no state. The same key witnessing the same version again is a
// no-op.
struct WitnessChange {
  StoredAgreement agreement;
  std::string witness;     // the key's name
  bool unchanged = false;  // this key had witnessed this version already
};
[[nodiscard]] Result<WitnessChange> WitnessAgreement(store::Workspace& ws, const std::string& name,
                                                     std::optional<std::int64_t> version,
                                                     const store::Actor& actor);
// "agreement 'NAME' version V", as messages name it.
[[nodiscard]] std::string Describe(const StoredAgreement& agreement);

// Every version of every agreement, by name then version.
[[nodiscard]] Result<std::vector<StoredAgreement>> ListAgreements(store::Workspace& ws);
// One version (the latest when nullopt); kNotFound names what exists.
[[nodiscard]] Result<StoredAgreement> FindAgreement(store::Workspace& ws, const std::string& name,
                                                    std::optional<std::int64_t> version);
[[nodiscard]] Result<StoredAgreement> AgreementById(store::Workspace& ws, std::int64_t id);
// The version in force (signed by both parties) whose second signature came last in the
// node's log; nullopt when none is in force.
[[nodiscard]] Result<std::optional<StoredAgreement>> AgreementInForce(store::Workspace& ws);
// The parsed rules of a stored version (the text was validated when added).
[[nodiscard]] Result<rules::Agreement> ParseStored(const StoredAgreement& agreement);

}  // namespace parley::negotiation
