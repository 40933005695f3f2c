// parley/store/event_log.h — the workspace's signed record: its node identity and the one
// function every state change calls to append its event.
//
// What it is for: each state change (a list version submitted today; match decisions, plans,
// interviews and handovers later) appends one ledger event in the SQLite transaction of the
// change, and a fresh signed checkpoint of the node's log in that same transaction. The node
// also keeps replicas of other parties' logs (imported from bundles, one per origin).
//
// Keys and actors (the choice, and why):
//   - `parley init` creates the node key (Ed25519, WORKSPACE/keys/NODE.key, mode 0600, not
//     passphrase-encrypted so that the node can sign unattended) and the origin
//     "parley/NODE/<16 hex random>", stored in ledger_node. The node key signs checkpoints.
//   - An event names its actor. A user who brings a key (`--key FILE` or $PARLEY_KEY)
//     signs their own events, and the actor is that key's name. Otherwise the node key signs
//     the event under the actor's name (ledger events bind actor and key id, so the leaf
//     carries "ACTOR + node public key"): the event says who acted, the signature proves
//     which key vouched for it — the node, not the person. A verifier sees the difference,
//     because the public key in the leaf is the node's.
//   - Events never carry personal data: bodies hold list names, versions, counts and hashes.
//     Record contents travel only in a bundle's disclosure section, under the agreement's
//     sharing policy, against the records root the event signs (store/record_sharing.h).
//
// Contract:
//   - Append must be called inside a transaction the caller has begun on the workspace
//     database; hold an EventLog::Change across it so that a rollback of that transaction
//     also rolls back the in-memory tree (Change's destructor, unless Keep() was called).
//   - Opening trusts the stored leaf hashes and checks only the stored checkpoint against
//     them (LedgerOptions::verify_on_open = false): signatures are checked in full by
//     `parley verify --workspace` (VerifyWorkspaceLedger), not on every command. Cost of
//     opening: reading 32 bytes per entry and rebuilding the tree, no signature checks.
//
// Why this design: one append function for every kind of change, called inside that change's
// own transaction, makes "the change happened" and "the change is in the signed record" the
// same commit; a checkpoint per change costs one signature, so every committed state has a
// signed tree head without a separate step that a crash could skip.
//
// Every write path does this through a LoggedTransaction (transaction, Change, append,
// checkpoint, commit, keep, in that order):
//
//   LoggedTransaction tx(workspace);
//   PARLEY_TRY(tx.Begin());        // BEGIN IMMEDIATE, then the log opened inside it
//   ... the state change's own rows ...
//   PARLEY_TRY(tx.Commit({.name = "alice"}, "list.version_submitted", {{"list", "ua-request"}}));
//
// A change whose rows need the event's sequence number calls tx.Append first and tx.Commit()
// last; so does one that appends only sometimes (Commit() checkpoints only if the log grew).
// Any return before Commit() rolls back the transaction and the in-memory log together.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/ledger.h"
#include "ledger/party_signatures.h"
#include "ledger/pinned_checkpoints.h"
#include "store/ledger_storage.h"
#include "store/sqlite_db.h"

namespace parley::store {

class Workspace;  // store/workspace.h

struct Actor {
  std::string name;                         // who acted ($PARLEY_USER, $USER, "demo", ...)
  const ledger::SigningKey* key = nullptr;  // their own key; null: the node key vouches
};

struct NodeIdentity {
  std::string origin;
  std::string key_name;
  std::string verifier_key;
};

// Creates the node key in DIR/keys and the ledger_node row, unless the row exists.
// `node_name` must be a valid key name (ledger/keys.h).
[[nodiscard]] Result<NodeIdentity> EnsureNodeIdentity(Database& db,
                                                      const std::filesystem::path& dir,
                                                      const std::string& node_name);
[[nodiscard]] Result<std::optional<NodeIdentity>> LoadNodeIdentity(Database& db);
[[nodiscard]] Result<std::optional<NodeIdentity>> LoadNodeIdentity(Workspace& ws);
[[nodiscard]] std::filesystem::path NodeKeyPath(const std::filesystem::path& dir,
                                                const std::string& key_name);

// WORKSPACE/keys/trusted.keys: verifier keys of the other parties and the mediator, one per
// line. Bundle import accepts checkpoints they signed; the node's own log accepts (and
// exports) their cosignatures.
[[nodiscard]] std::filesystem::path TrustedKeysPath(const std::filesystem::path& dir);
// WORKSPACE/ledger-checkpoints.pinned: every checkpoint of the node's log that left the node,
// signed by the node key (ledger/pinned_checkpoints.h). It pins the log's length outside the
// database, so that deleting the last entries with their checkpoint is detected.
[[nodiscard]] std::filesystem::path PinnedCheckpointsPath(const std::filesystem::path& dir);
// Appends `key` unless it is already listed.
[[nodiscard]] Result<void> AddTrustedKey(const std::filesystem::path& dir,
                                         const ledger::PublicKey& key);

class EventLog {
 public:
  [[nodiscard]] static Result<std::unique_ptr<EventLog>> Open(Database& db,
                                                              const std::filesystem::path& dir);

  // Rolls the in-memory log back to where it was unless Keep() is called (after Commit).
  class Change {
   public:
    explicit Change(EventLog& log) : log_(log), size_(log.Size()) {}
    ~Change();
    Change(const Change&) = delete;
    Change& operator=(const Change&) = delete;
    void Keep() { kept_ = true; }

   private:
    EventLog& log_;
    std::uint64_t size_;
    bool kept_ = false;
  };

  [[nodiscard]] Result<ledger::SignedEvent> Append(const Actor& actor, std::string type,
                                                   nlohmann::json body);
  // Signs a checkpoint of the current log with the node key and stores it.
  [[nodiscard]] Result<std::string> Checkpoint();
  // The latest checkpoint if it covers the whole log (keeping its cosignatures), else a new
  // one (Checkpoint()). Call inside a transaction.
  [[nodiscard]] Result<std::string> CurrentCheckpoint();
  // Pins the current size and root in PinnedCheckpointsPath: call it whenever a checkpoint of
  // the log leaves the node (ExportBundle does). Writes a file, so call it after the commit
  // that made the checkpoint.
  [[nodiscard]] Result<void> PinCheckpoint();
  // The log against the largest checkpoint pinned in PinnedCheckpointsPath: it must hold at
  // least that many entries, and a consistency proof from it must verify (kCorruption naming
  // the pinned size and line otherwise). No file: PinCheck::latest is empty.
  [[nodiscard]] Result<ledger::PinCheck> CheckPinned() const;
  // Makes the disclosure section for entries [since, size), or none (store/record_sharing.h).
  using DisclosureMaker = std::function<Result<std::optional<ledger::SignedDisclosure>>(
      std::uint64_t since, std::uint64_t size)>;
  // A bundle of the node's log from the size of `since_note` (a checkpoint of this log,
  // which must lie on its history) or from the start, with a current checkpoint. Runs its
  // own transaction (it may store a new checkpoint) unless the caller holds one. Refuses a log
  // that does not extend its pinned checkpoints (CheckPinned); the exported checkpoint is
  // pinned (PinCheckpoint) before the bundle is returned.
  [[nodiscard]] Result<std::string> ExportBundle(std::optional<std::string_view> since_note,
                                                 const DisclosureMaker& disclose = {});

  [[nodiscard]] std::uint64_t Size() const { return ledger_->Size(); }
  [[nodiscard]] const NodeIdentity& Node() const { return node_; }
  [[nodiscard]] const ledger::SigningKey& NodeKey() const { return node_key_; }
  [[nodiscard]] ledger::Ledger& Log() { return *ledger_; }

 private:
  EventLog(Database& db, std::filesystem::path dir, NodeIdentity node, ledger::SigningKey node_key)
      : db_(db), dir_(std::move(dir)), node_(std::move(node)), node_key_(std::move(node_key)) {}
  void Rollback(std::uint64_t size);
  [[nodiscard]] Result<const ledger::SigningKey*> KeyFor(const Actor& actor);

  Database& db_;
  std::filesystem::path dir_;
  NodeIdentity node_;
  ledger::SigningKey node_key_;
  SqliteEntryStorage* storage_ = nullptr;  // owned by ledger_
  std::optional<ledger::Ledger> ledger_;
  std::optional<ledger::SigningKey> vouching_key_;  // node seed under the last actor's name
};

// One state change of a workspace and the ledger event(s) it appends: the transaction, the
// node's log opened inside it, and the EventLog::Change that rolls the in-memory log back with
// the transaction. Commit() is the tail every write path shares: checkpoint (if the change
// appended), commit, keep. Destroyed without a successful Commit() — an error, an early
// "nothing to do" return — both the transaction and the in-memory log roll back.
class LoggedTransaction {
 public:
  explicit LoggedTransaction(Workspace& workspace);
  LoggedTransaction(const LoggedTransaction&) = delete;
  LoggedTransaction& operator=(const LoggedTransaction&) = delete;

  // Begins the write transaction, then opens the log inside it, so that no other writer can
  // grow the log between the two (Workspace::Events()).
  [[nodiscard]] Result<void> Begin();
  // The node's log (its key, identity, size). Only after a successful Begin().
  [[nodiscard]] EventLog& Log() { return *log_; }
  // Appends an event now, for rows that refer to its sequence number or an event that is
  // appended only under a condition; Commit() then checkpoints it.
  [[nodiscard]] Result<ledger::SignedEvent> Append(const Actor& actor, std::string type,
                                                   nlohmann::json body);
  // Signs a checkpoint if the log grew since Begin(), commits, and keeps the in-memory log.
  [[nodiscard]] Result<void> Commit();
  // Append(actor, type, body), then Commit(): the last step of most changes.
  [[nodiscard]] Result<void> Commit(const Actor& actor, std::string type, nlohmann::json body);

 private:
  Workspace& workspace_;
  Transaction tx_;  // declared before change_: the in-memory log rolls back first, as before
  EventLog* log_ = nullptr;
  std::uint64_t size_at_begin_ = 0;
  std::optional<EventLog::Change> change_;
};

// `parley bundle import`: another party's bundle into the replica of its log (one per
// origin), all or nothing (one transaction). Refuses the node's own origin, bundles whose
// checkpoint no `trusted` key signed, forks, replays and any tampering, naming the entry.
// The records a disclosure section showed are kept in the same transaction
// (store/record_sharing.h); ImportReport::disclosure says what they were.
// What ImportAndCosign (store/checkpoint_cosignatures.h) adds to an import: `fork` receives
// the proof of a refused fork; `in_transaction` runs after the entries are stored and before
// the commit (an error rolls the whole import back).
struct ReplicaImportHooks {
  std::optional<ledger::ForkProof>* fork = nullptr;
  std::function<Result<void>(const ledger::ImportReport&)> in_transaction;
};
[[nodiscard]] Result<ledger::ImportReport> ImportReplicaBundle(
    Database& db, std::string_view bytes, const std::vector<ledger::PublicKey>& trusted,
    const ReplicaImportHooks* hooks = nullptr);
// On a workspace, the disclosed list versions also become read-only received lists, vouched for
// by this node's own list.version_received events, in the same transaction
// (store/received_lists.h). `parley bundle import` and the API run it through the cosigning
// workflow, ImportAndCosign (store/checkpoint_cosignatures.h), which passes its hooks here.
struct ReceivedListVersion;  // store/received_lists.h
struct ReplicaImportOptions {
  std::string list_prefix;                               // empty: the sender's node name
  std::vector<ReceivedListVersion>* received = nullptr;  // filled when given
  const ReplicaImportHooks* hooks = nullptr;
};
[[nodiscard]] Result<ledger::ImportReport> ImportReplicaBundle(
    Workspace& ws, std::string_view bytes, const std::vector<ledger::PublicKey>& trusted,
    const ReplicaImportOptions& options = {});

struct LedgerVerification {
  std::string origin;
  std::uint64_t size = 0;
  bool own = false;                 // the node's own log (else a replica)
  bool checkpoint_checked = false;  // the latest checkpoint matched the entries
};

// `parley verify --workspace`: every entry of every log in the workspace (signatures, leaf
// hashes, tree) and each log's latest checkpoint (the node's own must be signed by the node
// key). Errors name the origin and the first bad entry.
[[nodiscard]] Result<std::vector<LedgerVerification>> VerifyWorkspaceLedger(Database& db,
                                                                            unsigned threads);
[[nodiscard]] Result<std::vector<LedgerVerification>> VerifyWorkspaceLedger(Workspace& ws,
                                                                            unsigned threads);

// The party-signature part of `parley verify --workspace`: in every log, each party signature
// and witness against the keys its agreement.added event pinned (ledger/party_signatures.h).
struct LogPartySignatures {
  std::string origin;
  bool own = false;
  ledger::PartySignatureReport report;
};
[[nodiscard]] Result<std::vector<LogPartySignatures>> VerifyWorkspacePartySignatures(Workspace& ws);

}  // namespace parley::store
