// parley/store/checkpoint_cosignatures.h — the cosigning workflow of bundle import, and the
// cosignatures a node keeps (table ledger_cosignatures, migration 11).
//
// What it is for: checkpoints cosigned by all three nodes, without anyone running a command
// for it. When a node imports another node's bundle (whose checkpoint a trusted key signed):
//   1. the cosignatures the bundle carries of THIS node's checkpoints (the sender made them
//      when it imported this node's bundles) are checked: by a trusted key, of this node's
//      log, of a size and root this log really had. One that fails refuses the whole import,
//      named; nothing is kept.
//   2. the node cosigns the sender's checkpoint that the bundle carried, with its node key,
//      and keeps that cosignature; every bundle it exports afterwards carries all the
//      cosignatures it made (EventLog::ExportBundle), so the sender receives them back.
//   3. a bundle refused as a fork of the replica it extends leaves a fork proof
//      (ledger/fork_proof.h), signed by the node key, in WORKSPACE/forks/, and the refusal
//      names the file.
// `parley ledger checkpoints` reads the kept cosignatures against the pinned checkpoints.
//
// Contract: ImportAndCosign is all or nothing in one transaction (the replica's entries, the
// received records, the kept cosignatures, this node's cosignature); only the fork proof, a
// file, is written when the import is refused. Cosignatures of a third node's log that a
// bundle carries are checked (signature by the sending node) but not kept.
//
//   PARLEY_ASSIGN_OR_RETURN(CosignedImport done, ImportAndCosign(ws, bytes, trusted));
//   // done.report: as ImportReplicaBundle; done.cosigned: this node's new cosignature
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/cosignature.h"
#include "ledger/ledger.h"
#include "store/event_log.h"
#include "store/sqlite_db.h"

namespace parley::store {

class Workspace;  // store/workspace.h

struct StoredCosignature {
  std::string origin;
  std::uint64_t size = 0;
  std::string root;      // base64
  std::string cosigner;  // verifier key line (ledger/keys.h)
  std::string note;      // the cosignature (ledger/cosignature.h)
};

// Keeps `c` unless the same cosigner already cosigned that size of that log; true when new.
// kConflict when the stored cosignature of that size has another root.
[[nodiscard]] Result<bool> KeepCosignature(Database& db, const ledger::Cosignature& c);
// Every cosignature of `origin`'s checkpoints, by size then cosigner.
[[nodiscard]] Result<std::vector<StoredCosignature>> CosignaturesOf(Database& db,
                                                                    const std::string& origin);
// Every cosignature `cosigner` (a verifier key line) made, oldest log first.
[[nodiscard]] Result<std::vector<StoredCosignature>> CosignaturesBy(Database& db,
                                                                    const std::string& cosigner);

struct CosignedImport {
  ledger::ImportReport report;
  std::optional<ledger::Cosignature> cosigned;  // this node's cosignature of the sender's
  std::size_t received_of_own_log = 0;          // new cosignatures of this node's checkpoints
  std::size_t already_held = 0;                 // carried cosignatures this node already had
  std::size_t of_other_logs = 0;                // checked, not kept
};

// One of this node's checkpoints and who has cosigned it (`parley checkpoints`).
struct OwnCheckpointCosigning {
  std::uint64_t size = 0;
  std::string root;     // base64
  bool pinned = false;  // in the pinned checkpoints file: it left the node
  std::vector<ledger::PublicKey> cosigners;
  std::vector<ledger::PublicKey> awaiting;  // expected cosigners who have not cosigned it
};
// This node's checkpoints (those pinned as having left the node, and any that others
// cosigned), smallest first. The expected cosigners are the keys that signed the
// checkpoints of the replicas this node holds (the other nodes it imports from), or, before
// any import, every key in `trusted`.
[[nodiscard]] Result<std::vector<OwnCheckpointCosigning>> OwnCheckpointsCosigning(
    Workspace& ws, const std::vector<ledger::PublicKey>& trusted);

// WORKSPACE/forks: where ImportAndCosign writes fork proofs.
[[nodiscard]] std::filesystem::path ForkProofsPath(const std::filesystem::path& dir);

// `parley bundle import` (and the API's): ImportReplicaBundle with the cosigning workflow
// above. A fork refusal's message ends with the path of the proof it wrote.
[[nodiscard]] Result<CosignedImport> ImportAndCosign(Workspace& ws, std::string_view bytes,
                                                     const std::vector<ledger::PublicKey>& trusted,
                                                     ReplicaImportOptions options = {});

}  // namespace parley::store
