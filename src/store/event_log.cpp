#include "store/event_log.h"

#include "core/clock.h"
#include "core/file_io.h"
#include "core/sha256.h"
#include "core/try.h"
#include "ledger/encoding.h"
#include "ledger/party_signatures.h"
#include "ledger/pinned_checkpoints.h"
#include "ledger/verify.h"
#include "store/checkpoint_cosignatures.h"
#include "store/received_lists.h"
#include "store/record_sharing.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

// The node key as written by an earlier run that died before recording it, or a new one.
Result<ledger::SigningKey> NodeKeyFor(const std::filesystem::path& dir,
                                      const std::string& node_name) {
  const auto path = NodeKeyPath(dir, node_name);
  if (std::filesystem::exists(path)) return ledger::LoadSigningKey(path, std::nullopt);
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key, ledger::GenerateSigningKey(node_name));
  PARLEY_TRY(ledger::WriteKeyFiles(key, dir / "keys", {}));
  return key;
}

}  // namespace

std::filesystem::path NodeKeyPath(const std::filesystem::path& dir, const std::string& key_name) {
  return dir / "keys" / (key_name + ".key");
}

std::filesystem::path TrustedKeysPath(const std::filesystem::path& dir) {
  return dir / "keys" / "trusted.keys";
}

std::filesystem::path PinnedCheckpointsPath(const std::filesystem::path& dir) {
  return dir / "ledger-checkpoints.pinned";
}

Result<void> AddTrustedKey(const std::filesystem::path& dir, const ledger::PublicKey& key) {
  const auto path = TrustedKeysPath(dir);
  std::string text;
  if (std::filesystem::exists(path)) {
    PARLEY_ASSIGN_OR_RETURN(auto keys, ledger::LoadVerifierKeys(path));
    for (const auto& k : keys) {
      if (k == key) return {};
    }
    PARLEY_ASSIGN_OR_RETURN(text, ReadWholeFile(path));
  }
  // Rewritten whole rather than appended, so a crash never leaves half a key line.
  return WriteFileAtomically(path, text + key.VerifierKey() + "\n");
}

Result<std::optional<NodeIdentity>> LoadNodeIdentity(Workspace& ws) {
  return LoadNodeIdentity(ws.db());
}

Result<std::optional<NodeIdentity>> LoadNodeIdentity(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT origin, key_name, verifier_key FROM ledger_node WHERE id = 1"));
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<NodeIdentity>{};
  return std::optional<NodeIdentity>(
      NodeIdentity{st.ColumnText(0), st.ColumnText(1), st.ColumnText(2)});
}

Result<NodeIdentity> EnsureNodeIdentity(Database& db, const std::filesystem::path& dir,
                                        const std::string& node_name) {
  PARLEY_ASSIGN_OR_RETURN(auto existing, LoadNodeIdentity(db));
  if (existing) return *existing;
  PARLEY_TRY(ledger::CheckKeyName(node_name));
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key, NodeKeyFor(dir, node_name));
  // The random part of the origin comes from the fresh public key: two workspaces given the
  // same node name still have different logs, and no second source of randomness is needed.
  const ledger::Hash h = ledger::Sha256(ledger::AsChars(key.Public().key));
  NodeIdentity node{"parley/" + node_name + "/" + ledger::EncodeHex(std::span(h).first(8)),
                    node_name, key.Public().VerifierKey()};
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("INSERT INTO ledger_node(id, origin, key_name, verifier_key, "
                                     "created_at) VALUES(1, ?, ?, ?, ?)"));
  st.Bind(1, node.origin);
  st.Bind(2, node.key_name);
  st.Bind(3, node.verifier_key);
  st.Bind(4, UtcNow());
  PARLEY_TRY(st.Run());
  return node;
}

Result<std::unique_ptr<EventLog>> EventLog::Open(Database& db, const std::filesystem::path& dir) {
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db));
  if (!node) {
    return Fail(ErrorCode::kNotFound, "the workspace " + dir.string() +
                                          " has no node identity; run `parley init --workspace " +
                                          dir.string() + "`");
  }
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key,
                          ledger::LoadSigningKey(NodeKeyPath(dir, node->key_name), std::nullopt));
  if (key.Public().VerifierKey() != node->verifier_key) {
    return Fail(ErrorCode::kConflict, "the node key in " +
                                          NodeKeyPath(dir, node->key_name).string() +
                                          " is not the one this workspace was created with");
  }
  std::unique_ptr<EventLog> log(new EventLog(db, dir, *node, std::move(key)));
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, node->origin));
  log->storage_ = storage.get();
  // The other parties' keys: cosignatures on our checkpoints by them can then be exported.
  std::vector<ledger::PublicKey> trusted{log->node_key_.Public()};
  if (std::filesystem::exists(TrustedKeysPath(dir))) {
    PARLEY_ASSIGN_OR_RETURN(auto keys, ledger::LoadVerifierKeys(TrustedKeysPath(dir)));
    trusted.insert(trusted.end(), keys.begin(), keys.end());
  }
  PARLEY_ASSIGN_OR_RETURN(ledger::Ledger ledger,
                          ledger::Ledger::Open(std::move(storage), {.origin = node->origin,
                                                                    .trusted = std::move(trusted),
                                                                    .threads = 2,
                                                                    .verify_on_open = false}));
  log->ledger_.emplace(std::move(ledger));
  return log;
}

EventLog::Change::~Change() {
  if (!kept_) log_.Rollback(size_);
}

void EventLog::Rollback(std::uint64_t size) {
  storage_->ForgetFrom(size);
  ledger_->Rollback(size);
}

Result<const ledger::SigningKey*> EventLog::KeyFor(const Actor& actor) {
  if (actor.key != nullptr) return actor.key;
  if (actor.name == node_key_.Name()) return &node_key_;
  if (!vouching_key_ || vouching_key_->Name() != actor.name) {
    PARLEY_TRY(ledger::CheckKeyName(actor.name));
    PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key,
                            ledger::SigningKey::FromSeed(actor.name, node_key_.Seed()));
    vouching_key_.emplace(std::move(key));
  }
  return &*vouching_key_;
}

Result<ledger::SignedEvent> EventLog::Append(const Actor& actor, std::string type,
                                             nlohmann::json body) {
  PARLEY_ASSIGN_OR_RETURN(const ledger::SigningKey* key, KeyFor(actor));
  return ledger_->Append({.seq = 0,
                          .type = std::move(type),
                          .actor = key->Name(),
                          .time = UtcNow(),
                          .body = std::move(body)},
                         *key);
}

Result<std::string> EventLog::Checkpoint() { return ledger_->MakeCheckpoint(node_key_); }

Result<ledger::PinCheck> EventLog::CheckPinned() const {
  return ledger::CheckPinnedCheckpoints(PinnedCheckpointsPath(dir_), node_.origin,
                                        node_key_.Public(), ledger_->Tree());
}

Result<void> EventLog::PinCheckpoint() {
  return ledger::PinCheckpoint(PinnedCheckpointsPath(dir_), node_.origin, Size(), ledger_->Root(),
                               node_key_);
}

Result<std::string> EventLog::CurrentCheckpoint() {
  PARLEY_ASSIGN_OR_RETURN(auto latest, ledger_->LatestCheckpoint());
  if (latest) {
    auto note = ledger::ParseSignedNote(*latest);
    auto cp = note ? ledger::ParseCheckpointBody(note->text)
                   : Result<ledger::Checkpoint>(std::unexpected(note.error()));
    if (cp && cp->size == Size() && cp->root == ledger_->Root()) return *latest;
  }
  return Checkpoint();
}

Result<std::string> EventLog::ExportBundle(std::optional<std::string_view> since_note,
                                           const DisclosureMaker& disclose) {
  std::uint64_t since = 0;
  if (since_note) {
    PARLEY_ASSIGN_OR_RETURN(ledger::SignedNote note, ledger::ParseSignedNote(*since_note));
    PARLEY_ASSIGN_OR_RETURN(ledger::Checkpoint cp, ledger::ParseCheckpointBody(note.text));
    if (cp.origin != node_.origin) {
      return Fail(ErrorCode::kInvalidInput, "--since: the checkpoint is of log '" + cp.origin +
                                                "', this workspace's log is '" + node_.origin +
                                                "'");
    }
    auto root = ledger_->Tree().RootAt(cp.size);
    if (!root || *root != cp.root) {
      return Fail(ErrorCode::kConflict, "--since: the checkpoint (size " + std::to_string(cp.size) +
                                            ") is not on this log's history");
    }
    since = cp.size;
  }
  // A log that no longer extends what already left the node is not exported (nor pinned again,
  // which would hide the rollback behind a new, larger pin).
  PARLEY_TRY(CheckPinned());
  // A caller that already holds the write transaction (the server, so that no other
  // connection appends between its Events() and here) keeps it; otherwise one is begun.
  std::optional<Transaction> own;
  if (sqlite3_get_autocommit(db_.handle()) != 0) {
    own.emplace(db_);
    PARLEY_TRY(own->Begin());
  }
  PARLEY_TRY(CurrentCheckpoint());
  if (own) PARLEY_TRY(own->Commit());
  std::optional<ledger::SignedDisclosure> disclosure;
  if (disclose) {
    PARLEY_ASSIGN_OR_RETURN(disclosure, disclose(since, Size()));
  }
  // Every cosignature this node made of the others' checkpoints rides along, so that each
  // node receives the cosignatures of its own checkpoints (store/checkpoint_cosignatures.h).
  std::vector<std::string> cosignatures;
  PARLEY_ASSIGN_OR_RETURN(auto made, CosignaturesBy(db_, node_.verifier_key));
  for (StoredCosignature& c : made) cosignatures.push_back(std::move(c.note));
  PARLEY_ASSIGN_OR_RETURN(
      std::string bundle,
      ledger_->ExportBundle(since, disclosure ? &*disclosure : nullptr, cosignatures));
  PARLEY_TRY(PinCheckpoint());
  return bundle;
}

LoggedTransaction::LoggedTransaction(Workspace& workspace)
    : workspace_(workspace), tx_(workspace.db()) {}

Result<void> LoggedTransaction::Begin() {
  PARLEY_TRY(tx_.Begin());
  PARLEY_ASSIGN_OR_RETURN(log_, workspace_.Events());
  size_at_begin_ = log_->Size();
  change_.emplace(*log_);
  return {};
}

Result<ledger::SignedEvent> LoggedTransaction::Append(const Actor& actor, std::string type,
                                                      nlohmann::json body) {
  return log_->Append(actor, std::move(type), std::move(body));
}

Result<void> LoggedTransaction::Commit() {
  if (log_->Size() > size_at_begin_) PARLEY_TRY(log_->Checkpoint());
  PARLEY_TRY(tx_.Commit());
  change_->Keep();
  return {};
}

Result<void> LoggedTransaction::Commit(const Actor& actor, std::string type, nlohmann::json body) {
  PARLEY_TRY(Append(actor, std::move(type), std::move(body)));
  return Commit();
}

namespace {

struct ReplicaImport {
  ledger::ImportReport report;
  std::string origin;
  std::uint64_t size = 0;
  ledger::Hash root{};
};

// The replica part of an import, inside the caller's transaction.
Result<ReplicaImport> ImportIntoReplica(Database& db, std::string_view bytes,
                                        const std::vector<ledger::PublicKey>& trusted,
                                        const ReplicaImportHooks* hooks) {
  // The header alone names the origin; the content is verified whole by ImportBundle.
  PARLEY_ASSIGN_OR_RETURN(const std::string origin, ledger::PeekBundleOrigin(bytes));
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db));
  if (node && node->origin == origin) {
    return Fail(ErrorCode::kConflict,
                "the bundle is of this workspace's own log (" + origin + "); nothing to import");
  }
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
  PARLEY_ASSIGN_OR_RETURN(
      ledger::Ledger replica,
      ledger::Ledger::Open(
          std::move(storage),
          {.origin = origin, .trusted = trusted, .threads = 2, .verify_on_open = false}));
  PARLEY_ASSIGN_OR_RETURN(ledger::ImportReport report,
                          replica.ImportBundle(bytes, hooks != nullptr ? hooks->fork : nullptr));
  if (report.disclosure) PARLEY_TRY(KeepReceivedRecords(db, origin, *report.disclosure));
  return ReplicaImport{std::move(report), origin, replica.Size(), replica.Root()};
}

}  // namespace

Result<ledger::ImportReport> ImportReplicaBundle(Workspace& ws, std::string_view bytes,
                                                 const std::vector<ledger::PublicKey>& trusted,
                                                 const ReplicaImportOptions& options) {
  LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(ReplicaImport imported,
                          ImportIntoReplica(ws.db(), bytes, trusted, options.hooks));
  // The disclosed records as read-only list versions of this node (issue 15 item 4).
  PARLEY_ASSIGN_OR_RETURN(
      auto received,
      ReceiveDisclosedLists(
          tx, ws,
          {.origin = imported.origin,
           .bundle_sha256 = Sha256Hex(bytes),
           .checkpoint_size = imported.size,
           .checkpoint_root = ledger::EncodeHex(imported.root),
           .disclosure = imported.report.disclosure ? &*imported.report.disclosure : nullptr,
           .list_prefix = options.list_prefix}));
  if (options.hooks != nullptr && options.hooks->in_transaction) {
    PARLEY_TRY(options.hooks->in_transaction(imported.report));
  }
  PARLEY_TRY(tx.Commit());
  if (options.received != nullptr) *options.received = std::move(received);
  return std::move(imported.report);
}

Result<ledger::ImportReport> ImportReplicaBundle(Database& db, std::string_view bytes,
                                                 const std::vector<ledger::PublicKey>& trusted,
                                                 const ReplicaImportHooks* hooks) {
  Transaction tx(db);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(ReplicaImport imported, ImportIntoReplica(db, bytes, trusted, hooks));
  if (hooks != nullptr && hooks->in_transaction) PARLEY_TRY(hooks->in_transaction(imported.report));
  PARLEY_TRY(tx.Commit());
  return std::move(imported.report);
}

Result<std::vector<LedgerVerification>> VerifyWorkspaceLedger(Workspace& ws, unsigned threads) {
  return VerifyWorkspaceLedger(ws.db(), threads);
}

Result<std::vector<LedgerVerification>> VerifyWorkspaceLedger(Database& db, unsigned threads) {
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db));
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, LedgerOrigins(db));
  std::vector<LedgerVerification> out;
  for (const std::string& origin : origins) {
    const bool own = node && node->origin == origin;
    std::vector<ledger::PublicKey> trusted;
    if (own) {
      PARLEY_ASSIGN_OR_RETURN(ledger::PublicKey k, ledger::ParseVerifierKey(node->verifier_key));
      trusted.push_back(k);
    }
    auto named = [&origin](const Error& e) {
      return Error{ErrorCode::kCorruption, "log " + origin + ": " + e.message, e.where};
    };
    PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
    ledger::MerkleTree tree;
    // Replicas' checkpoint signatures were checked against the trusted keys on import;
    // here the point is that the stored entries still produce the signed root.
    auto verified = ledger::VerifyLog(*storage, {.trusted = trusted, .threads = threads}, tree);
    if (!verified) return std::unexpected(named(verified.error()));
    if (auto r = storage->VerifyStoredHashes(); !r) return std::unexpected(named(r.error()));
    out.push_back({origin, verified->size, own, verified->checkpoint_checked});
  }
  return out;
}

Result<std::vector<LogPartySignatures>> VerifyWorkspacePartySignatures(Workspace& ws) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db));
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, LedgerOrigins(db));
  std::vector<LogPartySignatures> out;
  for (const std::string& origin : origins) {
    PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
    PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> leaves, storage->Read(0, storage->Size()));
    auto report = ledger::CheckPartySignatures(leaves, 0);
    if (!report) {
      return Fail(ErrorCode::kCorruption, "log " + origin + ": " + report.error().message);
    }
    out.push_back({origin, node && node->origin == origin, std::move(*report)});
  }
  return out;
}

}  // namespace parley::store
