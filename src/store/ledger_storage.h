// parley/store/ledger_storage.h — the ledger's entries kept in the workspace database.
//
// What it is for: ledger::EntryStorage (ledger/entry_storage.h) on the workspace's SQLite
// file, so that the event recording a state change is written by the same transaction as
// the change itself: both are committed, or neither is (a SIGKILL mid-import leaves neither).
//
// Contract:
//   - One object per origin (the node's own log, or a replica of another party's log); rows
//     live in ledger_entries(origin, seq, leaf, leaf_hash) and ledger_checkpoints (schema in
//     migrations.cpp, kSchemaLedger). Triggers refuse UPDATE and DELETE of entries.
//   - Append inserts rows Size()..Size()+n-1 in whatever transaction is open on the
//     connection (the caller's); it does not begin or commit one. Size() is cached: when the
//     caller's transaction rolls back after an Append, it must call ForgetFrom(old_size)
//     (EventLog does this) together with ledger::Ledger::Rollback.
//   - ReadLeafHashes returns the stored hashes without rehashing: `parley verify` checks
//     them against the leaves (VerifyStoredHashes), opening the workspace trusts them.
//   - The Database must outlive this object (the Workspace owns both).
//
// Why this design: a WITHOUT ROWID table keyed by (origin, seq) keeps each log's entries
// contiguous on disk, so reading a log in order is a range scan; replicas and the node's own
// log share one table because they are the same kind of data with the same invariants.
//
//   SqliteEntryStorage storage(db, "parley/ua/7f3a9c01");   // after storage.Load()
//   Transaction tx(db); tx.Begin();
//   storage.Append({leaf});  ...  tx.Commit();               // or ForgetFrom(old) on failure
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/entry_storage.h"
#include "store/sqlite_db.h"

namespace parley::store {

class Workspace;  // store/workspace.h

class SqliteEntryStorage final : public ledger::EntryStorage {
 public:
  // Reads the log's size once; kCorruption if seqs are not 0..n-1 without gaps.
  [[nodiscard]] static Result<std::unique_ptr<SqliteEntryStorage>> Open(Database& db,
                                                                        std::string origin);
  // On the workspace's connection, which must outlive the storage.
  [[nodiscard]] static Result<std::unique_ptr<SqliteEntryStorage>> Open(Workspace& ws,
                                                                        std::string origin);

  [[nodiscard]] std::uint64_t Size() const override { return size_; }
  [[nodiscard]] Result<std::vector<std::string>> Read(std::uint64_t begin,
                                                      std::uint64_t count) const override;
  [[nodiscard]] Result<void> Append(std::span<const std::string> leaf_data) override;
  [[nodiscard]] Result<void> AppendHashed(std::span<const std::string> leaf_data,
                                          std::span<const ledger::Hash> leaf_hashes) override;
  [[nodiscard]] Result<std::optional<std::string>> LoadCheckpoint() const override;
  [[nodiscard]] Result<void> SaveCheckpoint(std::string_view note) override;
  [[nodiscard]] Result<std::vector<ledger::Hash>> ReadLeafHashes(
      std::uint64_t begin, std::uint64_t count) const override;

  // After the surrounding transaction rolled back: the rows from `size` on are gone.
  void ForgetFrom(std::uint64_t size) { size_ = std::min(size_, size); }
  // kCorruption naming the first entry whose stored leaf_hash is not the hash of its leaf.
  [[nodiscard]] Result<void> VerifyStoredHashes() const;
  [[nodiscard]] const std::string& Origin() const { return origin_; }

 private:
  SqliteEntryStorage(Database& db, std::string origin) : db_(db), origin_(std::move(origin)) {}
  Database& db_;
  std::string origin_;
  std::uint64_t size_ = 0;
  std::optional<Statement> insert_;
};

// Every origin with entries or a checkpoint in the workspace, sorted.
[[nodiscard]] Result<std::vector<std::string>> LedgerOrigins(Database& db);
[[nodiscard]] Result<std::vector<std::string>> LedgerOrigins(Workspace& ws);

}  // namespace parley::store
