// parley/store/agreements.h — the rows of agreements kept in the workspace: each version's
// text and the parties' signatures on it.
//
// What it is for: every SQL statement about agreements lives here; negotiation
// (negotiation/agreement_store.h) parses the text, derives the state and writes the ledger
// events. Rows are plain strings and integers: the store knows nothing of rules::Agreement.
//
// Contract:
// - Agreement rows and signatures are never edited or deleted (triggers refuse it).
// - The writes (InsertAgreement, InsertAgreementSignature) run inside the caller's
//   LoggedTransaction (store/event_log.h), so that a row and its ledger event commit together.
// - Reads return every signature of a version, ordered by party ("a" before "b").
// - "In force" means signed by both parties; the agreement in force is the one whose second
//   signature came last in the node's log.
//
//   LoggedTransaction tx(ws);
//   PARLEY_TRY(tx.Begin());
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t id, InsertAgreement(ws, row));
//   PARLEY_TRY(tx.Commit(actor, "agreement.added", body));
//   PARLEY_ASSIGN_OR_RETURN(auto latest, FindAgreementRow(ws, "istanbul", std::nullopt));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

struct AgreementSignatureRow {
  std::string party;  // "a" / "b"
  std::string signer;
  std::string signed_at;
  std::int64_t ledger_seq = 0;
};

struct AgreementRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t version = 0;
  std::string title;
  std::string party_a;
  std::string party_b;
  std::string source;  // the TOML text as added
  std::string sha256;  // of `source`
  std::string added_by;
  std::string created_at;
  std::vector<AgreementSignatureRow> signatures;  // by party
};

struct NewAgreementRow {
  std::string name;
  std::int64_t version = 0;
  std::string title;
  std::string party_a;
  std::string party_b;
  std::string source;
  std::string sha256;
  std::string added_by;
  std::string created_at;
};

struct NewAgreementSignature {
  std::int64_t agreement_id = 0;
  std::string party;  // "a" / "b"
  std::string signer;
  std::string content_sha256;   // of the text signed
  std::int64_t ledger_seq = 0;  // the agreement.signed event
  std::string signed_at;
};

// Every version of every agreement, by name then version.
[[nodiscard]] Result<std::vector<AgreementRow>> ListAgreementRows(Workspace& ws);
// One version by row id (nullopt when there is none).
[[nodiscard]] Result<std::optional<AgreementRow>> AgreementRowById(Workspace& ws, std::int64_t id);
// Version `version` of agreement `name`, or its latest when nullopt (nullopt when absent).
[[nodiscard]] Result<std::optional<AgreementRow>> FindAgreementRow(
    Workspace& ws, const std::string& name, std::optional<std::int64_t> version);
// The version signed by both parties whose later signature has the highest ledger seq.
[[nodiscard]] Result<std::optional<AgreementRow>> AgreementRowInForce(Workspace& ws);

// Inserts an agreement version (inside the caller's transaction); returns its row id.
[[nodiscard]] Result<std::int64_t> InsertAgreement(Workspace& ws, const NewAgreementRow& row);
// Inserts one party's signature (inside the caller's transaction).
[[nodiscard]] Result<void> InsertAgreementSignature(Workspace& ws,
                                                    const NewAgreementSignature& signature);

}  // namespace parley::store
