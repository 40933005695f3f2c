#include "store/ledger_storage.h"

#include <algorithm>
#include <cstring>

#include "core/try.h"
#include "ledger/merkle_tree.h"
#include "store/workspace.h"

namespace parley::store {

Result<std::unique_ptr<SqliteEntryStorage>> SqliteEntryStorage::Open(Workspace& ws,
                                                                     std::string origin) {
  return Open(ws.db(), std::move(origin));
}

Result<std::unique_ptr<SqliteEntryStorage>> SqliteEntryStorage::Open(Database& db,
                                                                     std::string origin) {
  std::unique_ptr<SqliteEntryStorage> s(new SqliteEntryStorage(db, std::move(origin)));
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT count(*), coalesce(max(seq), -1) FROM ledger_entries "
                                     "WHERE origin = ?"));
  st.Bind(1, s->origin_);
  PARLEY_TRY(st.Step());
  const std::int64_t count = st.ColumnInt(0);
  if (st.ColumnInt(1) != count - 1) {
    // The primary key makes seqs unique, so max == count - 1 means exactly 0..count-1.
    return Fail(ErrorCode::kCorruption, "ledger of " + s->origin_ + ": entries are missing (" +
                                            std::to_string(count) + " rows, last seq " +
                                            std::to_string(st.ColumnInt(1)) + ")");
  }
  s->size_ = static_cast<std::uint64_t>(count);
  return s;
}

Result<std::vector<std::string>> SqliteEntryStorage::Read(std::uint64_t begin,
                                                          std::uint64_t count) const {
  if (begin > size_ || count > size_ - begin) {
    return Fail(ErrorCode::kInvalidInput, "entries [" + std::to_string(begin) + ", " +
                                              std::to_string(begin + count) +
                                              ") are beyond the log's " + std::to_string(size_));
  }
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("SELECT seq, leaf FROM ledger_entries WHERE origin = ? AND "
                                      "seq >= ? AND seq < ? ORDER BY seq"));
  st.Bind(1, origin_);
  st.Bind(2, static_cast<std::int64_t>(begin));
  st.Bind(3, static_cast<std::int64_t>(begin + count));
  std::vector<std::string> out;
  out.reserve(count);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.ColumnBlob(1));
  }
  if (out.size() != count) {
    return Fail(ErrorCode::kCorruption, "ledger of " + origin_ + ": entries [" +
                                            std::to_string(begin) + ", " +
                                            std::to_string(begin + count) + ") are incomplete");
  }
  return out;
}

Result<std::vector<ledger::Hash>> SqliteEntryStorage::ReadLeafHashes(std::uint64_t begin,
                                                                     std::uint64_t count) const {
  if (begin > size_ || count > size_ - begin) {
    return Fail(ErrorCode::kInvalidInput, "leaf hashes beyond the log's end");
  }
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("SELECT leaf_hash FROM ledger_entries WHERE origin = ? AND "
                                      "seq >= ? AND seq < ? ORDER BY seq"));
  st.Bind(1, origin_);
  st.Bind(2, static_cast<std::int64_t>(begin));
  st.Bind(3, static_cast<std::int64_t>(begin + count));
  std::vector<ledger::Hash> out;
  out.reserve(count);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    const std::string bytes = st.ColumnBlob(0);
    ledger::Hash h{};
    if (bytes.size() != h.size()) {
      return Fail(ErrorCode::kCorruption, "ledger of " + origin_ + ": entry seq " +
                                              std::to_string(begin + out.size()) +
                                              " has a malformed leaf hash");
    }
    std::memcpy(h.data(), bytes.data(), h.size());
    out.push_back(h);
  }
  if (out.size() != count) {
    return Fail(ErrorCode::kCorruption, "ledger of " + origin_ + ": leaf hashes are incomplete");
  }
  return out;
}

Result<void> SqliteEntryStorage::Append(std::span<const std::string> leaf_data) {
  std::vector<ledger::Hash> hashes;
  hashes.reserve(leaf_data.size());
  for (const std::string& leaf : leaf_data) hashes.push_back(ledger::HashLeaf(leaf));
  return AppendHashed(leaf_data, hashes);
}

Result<void> SqliteEntryStorage::AppendHashed(std::span<const std::string> leaf_data,
                                              std::span<const ledger::Hash> leaf_hashes) {
  if (leaf_hashes.size() != leaf_data.size()) {
    return Fail(ErrorCode::kInternal, "AppendHashed: one hash per leaf is needed");
  }
  if (!insert_) {
    // Prepared once per object: parsing the SQL cost as much as the insert itself.
    PARLEY_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare("INSERT INTO ledger_entries(origin, seq, leaf, leaf_hash) VALUES(?, ?, ?, ?)"));
    insert_.emplace(std::move(st));
  }
  Statement& st = *insert_;
  std::uint64_t seq = size_;
  for (std::size_t i = 0; i < leaf_data.size(); ++i) {
    const ledger::Hash& h = leaf_hashes[i];
    st.Bind(1, origin_);
    st.Bind(2, static_cast<std::int64_t>(seq));
    st.BindBlob(3, leaf_data[i]);
    st.BindBlob(4, std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
    // On failure the rows already inserted by this call stay in the caller's transaction,
    // which the caller then rolls back: all or nothing comes from that transaction.
    PARLEY_TRY(st.Run());
    ++seq;
  }
  size_ = seq;
  return {};
}

Result<std::optional<std::string>> SqliteEntryStorage::LoadCheckpoint() const {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("SELECT note FROM ledger_checkpoints WHERE origin = ?"));
  st.Bind(1, origin_);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<std::string>{};
  return std::optional<std::string>(st.ColumnText(0));
}

Result<void> SqliteEntryStorage::SaveCheckpoint(std::string_view note) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("INSERT INTO ledger_checkpoints(origin, note) VALUES(?, ?) "
                                      "ON CONFLICT(origin) DO UPDATE SET note = excluded.note"));
  st.Bind(1, origin_);
  st.Bind(2, note);
  return st.Run();
}

Result<void> SqliteEntryStorage::VerifyStoredHashes() const {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("SELECT seq, leaf, leaf_hash FROM ledger_entries WHERE origin = ? ORDER BY seq"));
  st.Bind(1, origin_);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    const ledger::Hash h = ledger::HashLeaf(st.ColumnBlob(1));
    const std::string stored = st.ColumnBlob(2);
    if (stored.size() != h.size() || std::memcmp(stored.data(), h.data(), h.size()) != 0) {
      return Fail(ErrorCode::kCorruption, "ledger of " + origin_ + ": entry seq " +
                                              std::to_string(st.ColumnInt(0)) +
                                              ": stored leaf hash does not match the entry");
    }
  }
  return {};
}

Result<std::vector<std::string>> LedgerOrigins(Workspace& ws) { return LedgerOrigins(ws.db()); }

Result<std::vector<std::string>> LedgerOrigins(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT DISTINCT origin FROM ledger_entries UNION "
                                     "SELECT origin FROM ledger_checkpoints ORDER BY 1"));
  std::vector<std::string> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.ColumnText(0));
  }
  return out;
}

}  // namespace parley::store
