#include "store/checkpoint_cosignatures.h"

#include <algorithm>

#include "core/file_io.h"
#include "core/try.h"
#include "ledger/encoding.h"
#include "ledger/pinned_checkpoints.h"
#include "ledger/verify.h"
#include "store/event_log.h"
#include "store/ledger_storage.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

StoredCosignature ReadCosignature(const Statement& row) {
  return {.origin = row.ColumnText(0),
          .size = static_cast<std::uint64_t>(row.ColumnInt(1)),
          .root = row.ColumnText(2),
          .cosigner = row.ColumnText(3),
          .note = row.ColumnText(4)};
}

constexpr const char* kColumns =
    "SELECT origin, size, root, cosigner, note FROM ledger_cosignatures ";

bool IsTrusted(const std::vector<ledger::PublicKey>& trusted, const ledger::PublicKey& key) {
  return std::any_of(trusted.begin(), trusted.end(), [&](const ledger::PublicKey& k) {
    return k.name == key.name && k.key == key.key;
  });
}

// Step 1 of the workflow: the carried cosignatures of this node's own checkpoints.
Result<void> KeepCosignaturesOfOwnLog(Database& db, EventLog& own,
                                      const std::vector<ledger::PublicKey>& trusted,
                                      const ledger::ImportReport& report, CosignedImport& out) {
  for (const ledger::Cosignature& c : report.cosignatures) {
    if (c.checkpoint.origin != own.Node().origin) {
      ++out.of_other_logs;
      continue;
    }
    if (!IsTrusted(trusted, c.cosigner)) {
      return Fail(ErrorCode::kConflict,
                  "the bundle carries a cosignature of this node's checkpoint (size " +
                      std::to_string(c.checkpoint.size) + ") by '" + c.cosigner.name +
                      "', a key not in the trusted keys; nothing was imported");
    }
    if (auto r = ledger::CheckCosignatureOfLog(c, own.Node().origin, own.Log().Tree()); !r) {
      return Fail(ErrorCode::kConflict,
                  "the bundle carries a " + r.error().message +
                      "; nothing was imported: ask the sender where that checkpoint came from");
    }
    PARLEY_ASSIGN_OR_RETURN(const bool fresh, KeepCosignature(db, c));
    ++(fresh ? out.received_of_own_log : out.already_held);
  }
  return {};
}

std::string FileNamePart(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  }
  return text;
}

// Step 3: the refused fork's proof, signed by the node key, in WORKSPACE/forks.
Result<std::filesystem::path> WriteForkProof(Workspace& ws, const ledger::ForkProof& proof) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * own, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(std::string text, ledger::SignForkProof(proof, own->NodeKey()));
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedNote a, ledger::ParseSignedNote(proof.a.note));
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedNote b, ledger::ParseSignedNote(proof.b.note));
  PARLEY_ASSIGN_OR_RETURN(ledger::Checkpoint cp_a, ledger::ParseCheckpointBody(a.text));
  PARLEY_ASSIGN_OR_RETURN(ledger::Checkpoint cp_b, ledger::ParseCheckpointBody(b.text));
  const std::filesystem::path dir = ForkProofsPath(ws.dir());
  PARLEY_TRY(CreatePrivateFolders(dir));
  const std::filesystem::path file =
      dir / ("fork-" + FileNamePart(proof.origin) + "-" + std::to_string(cp_a.size) + "-vs-" +
             std::to_string(cp_b.size) + ".json");
  PARLEY_TRY(WriteFileAtomically(file, text));
  return file;
}

bool SameKey(const ledger::PublicKey& a, const ledger::PublicKey& b) {
  return a.name == b.name && a.key == b.key;
}

void AddUnique(std::vector<ledger::PublicKey>& keys, const ledger::PublicKey& key) {
  if (std::none_of(keys.begin(), keys.end(), [&](const auto& k) { return SameKey(k, key); })) {
    keys.push_back(key);
  }
}

// The keys that signed the latest checkpoint of each replica held: the other nodes.
Result<std::vector<ledger::PublicKey>> ReplicaSigners(
    Database& db, const std::string& own_origin, const std::vector<ledger::PublicKey>& trusted) {
  std::vector<ledger::PublicKey> signers;
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, LedgerOrigins(db));
  for (const std::string& origin : origins) {
    if (origin == own_origin) continue;
    PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> note, storage->LoadCheckpoint());
    if (!note) continue;
    auto opened = ledger::OpenCheckpoint(*note, trusted);
    if (!opened) continue;  // signed by a key no longer trusted: not expected to cosign
    for (const ledger::PublicKey& k : opened->verification.verified_by) AddUnique(signers, k);
  }
  return signers;
}

// A bundle that adds no entries (the sender's log has not grown since its last bundle) but
// carries cosignatures of this node's checkpoints that this node lacks: they are kept, so that
// cosignatures travel even when nothing else does. nullopt: not such a bundle (the import's
// own refusal, a replay, stands).
Result<std::optional<CosignedImport>> KeepCarriedCosignatures(
    Workspace& ws, std::string_view bytes, const std::vector<ledger::PublicKey>& trusted) {
  auto verified = ledger::VerifyBundle(bytes, {.trusted = trusted, .threads = 2});
  if (!verified || verified->cosignatures.empty()) return std::nullopt;
  Database& db = ws.db();
  Transaction tx(db);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(EventLog * own, ws.Events());
  const std::string& origin = verified->bundle.origin;
  if (origin == own->Node().origin) return std::nullopt;
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
  PARLEY_ASSIGN_OR_RETURN(
      ledger::Ledger replica,
      ledger::Ledger::Open(
          std::move(storage),
          {.origin = origin, .trusted = trusted, .threads = 2, .verify_on_open = false}));
  auto fit = replica.FitBundle(*verified);
  if (!fit || fit->adds != 0) return std::nullopt;
  CosignedImport out;
  out.report = {.previous_size = replica.Size(),
                .new_size = replica.Size(),
                .checkpoint_signers = verified->checkpoint_signers,
                .disclosure = std::nullopt,
                .checkpoint = verified->bundle.checkpoint,
                .cosignatures = std::move(verified->cosignatures)};
  PARLEY_TRY(KeepCosignaturesOfOwnLog(db, *own, trusted, out.report, out));
  if (out.received_of_own_log == 0) return std::nullopt;
  PARLEY_TRY(tx.Commit());
  return out;
}

}  // namespace

Result<std::vector<OwnCheckpointCosigning>> OwnCheckpointsCosigning(
    Workspace& ws, const std::vector<ledger::PublicKey>& trusted) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * own, ws.Events());
  const std::string& origin = own->Node().origin;
  std::vector<OwnCheckpointCosigning> out;
  auto entry = [&out](std::uint64_t size) -> OwnCheckpointCosigning& {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.size == size; });
    if (it != out.end()) return *it;
    out.push_back({.size = size, .root = {}, .pinned = false, .cosigners = {}, .awaiting = {}});
    return out.back();
  };
  auto pinned = ledger::ReadPinnedCheckpoints(PinnedCheckpointsPath(ws.dir()), origin,
                                              own->NodeKey().Public());
  if (!pinned && pinned.error().code != ErrorCode::kNotFound)
    return std::unexpected(pinned.error());
  for (const ledger::PinnedCheckpoint& p :
       pinned.value_or(std::vector<ledger::PinnedCheckpoint>{})) {
    OwnCheckpointCosigning& e = entry(p.size);
    e.root = ledger::EncodeBase64(p.root);
    e.pinned = true;
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<StoredCosignature> cosignatures,
                          CosignaturesOf(ws.db(), origin));
  for (const StoredCosignature& c : cosignatures) {
    PARLEY_ASSIGN_OR_RETURN(ledger::PublicKey cosigner, ledger::ParseVerifierKey(c.cosigner));
    OwnCheckpointCosigning& e = entry(c.size);
    e.root = c.root;
    AddUnique(e.cosigners, cosigner);
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<ledger::PublicKey> expected,
                          ReplicaSigners(ws.db(), origin, trusted));
  if (expected.empty()) expected = trusted;
  for (OwnCheckpointCosigning& e : out) {
    for (const ledger::PublicKey& k : expected) {
      const bool cosigned = std::any_of(e.cosigners.begin(), e.cosigners.end(),
                                        [&](const auto& c) { return SameKey(c, k); });
      if (!cosigned && !SameKey(k, own->NodeKey().Public())) e.awaiting.push_back(k);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size < b.size; });
  return out;
}

std::filesystem::path ForkProofsPath(const std::filesystem::path& dir) { return dir / "forks"; }

Result<bool> KeepCosignature(Database& db, const ledger::Cosignature& c) {
  const std::string cosigner = c.cosigner.VerifierKey();
  const std::string root = ledger::EncodeBase64(c.checkpoint.root);
  PARLEY_ASSIGN_OR_RETURN(
      Statement existing,
      db.Prepare("SELECT root FROM ledger_cosignatures WHERE origin = ? AND size = ? AND "
                 "cosigner = ?"));
  existing.Bind(1, c.checkpoint.origin);
  existing.Bind(2, static_cast<std::int64_t>(c.checkpoint.size));
  existing.Bind(3, cosigner);
  PARLEY_ASSIGN_OR_RETURN(const bool found, existing.Step());
  if (found) {
    if (existing.ColumnText(0) == root) return false;
    return Fail(ErrorCode::kConflict, "'" + c.cosigner.name + "' cosigned two different roots of " +
                                          c.checkpoint.origin + " at size " +
                                          std::to_string(c.checkpoint.size));
  }
  PARLEY_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare("INSERT INTO ledger_cosignatures(origin, size, root, "
                                     "cosigner, note) VALUES (?, ?, ?, ?, ?)"));
  insert.Bind(1, c.checkpoint.origin);
  insert.Bind(2, static_cast<std::int64_t>(c.checkpoint.size));
  insert.Bind(3, root);
  insert.Bind(4, cosigner);
  insert.Bind(5, c.note);
  PARLEY_TRY(insert.Run());
  return true;
}

Result<std::vector<StoredCosignature>> CosignaturesOf(Database& db, const std::string& origin) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db.Prepare(std::string(kColumns) + "WHERE origin = ? ORDER BY size, cosigner"));
  st.Bind(1, origin);
  return ReadRows(st, ReadCosignature);
}

Result<std::vector<StoredCosignature>> CosignaturesBy(Database& db, const std::string& cosigner) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db.Prepare(std::string(kColumns) + "WHERE cosigner = ? ORDER BY origin, size"));
  st.Bind(1, cosigner);
  return ReadRows(st, ReadCosignature);
}

Result<CosignedImport> ImportAndCosign(Workspace& ws, std::string_view bytes,
                                       const std::vector<ledger::PublicKey>& trusted,
                                       ReplicaImportOptions options) {
  CosignedImport out;
  std::optional<ledger::ForkProof> fork;
  ReplicaImportHooks hooks;
  hooks.fork = &fork;
  hooks.in_transaction = [&](const ledger::ImportReport& report) -> Result<void> {
    PARLEY_ASSIGN_OR_RETURN(EventLog * own, ws.Events());
    PARLEY_TRY(KeepCosignaturesOfOwnLog(ws.db(), *own, trusted, report, out));
    // Step 2: the sender's checkpoint, which a trusted key signed (ImportBundle checked it).
    PARLEY_ASSIGN_OR_RETURN(ledger::Cosignature mine,
                            ledger::MakeCosignature(report.checkpoint, own->NodeKey()));
    PARLEY_TRY(KeepCosignature(ws.db(), mine));
    out.cosigned = std::move(mine);
    return {};
  };
  options.hooks = &hooks;
  auto report = ImportReplicaBundle(ws, bytes, trusted, options);
  if (!report && !fork && report.error().code == ErrorCode::kConflict) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<CosignedImport> carried,
                            KeepCarriedCosignatures(ws, bytes, trusted));
    if (carried) return std::move(*carried);
  }
  if (!report) {
    if (!fork) return std::unexpected(report.error());
    Error refused = report.error();
    auto written = WriteForkProof(ws, *fork);
    refused.message += written ? "; nothing was imported. A signed proof of this fork was written "
                                 "to " +
                                     written->string() +
                                     ": anyone can check it with `parley verify --fork-proof " +
                                     written->string() + "`"
                               : "; nothing was imported (the fork proof could not be written: " +
                                     written.error().message + ")";
    return std::unexpected(refused);
  }
  out.report = std::move(*report);
  return out;
}

}  // namespace parley::store
