// parley/store/sqlite_db.h — a thin RAII layer over the SQLite C API.
//
// Why hand-written: SQLite's C API is the well-kept library; this file only gives it
// value semantics (handles closed in destructors), Result<T> errors instead of return codes,
// and a Transaction guard that rolls back unless committed, so that a failed import can
// never leave half its rows behind. No ORM: the store's queries are few and hot.
//
// Prepared statements are reused: a Statement goes back, reset and with its bindings
// cleared, to its connection's cache when destroyed, and the next Prepare of the same SQL
// text takes it from there. A request of the HTTP API runs about seven small queries;
// compiling each afresh cost more than running it. The cache holds at most 256 idle
// statements and is emptied when full, so SQL with values spliced in cannot grow it.
//
//   auto db = Database::Open("parley.db");
//   Transaction tx(*db);
//   PARLEY_TRY(tx.Begin());
//   auto st = db->Prepare("INSERT INTO sides(name, created_at) VALUES (?, ?)");
//   st->Bind(1, "ua"); st->Bind(2, now); st->Run();
//   PARLEY_TRY(tx.Commit());
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.h"
#include "store/sealed_vfs.h"

namespace parley::store {

// Idle prepared statements of one connection, by SQL text (sqlite_db.cpp).
class StatementCache;
class Workspace;  // store/workspace.h

class Statement {
 public:
  // Hands `stmt` back to `cache` (under `sql`) when destroyed, or finalizes it when null.
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache, std::string sql)
      : db_(db), stmt_(stmt, Release{std::move(cache), std::move(sql)}) {}

  void Bind(int index, std::string_view text);
  void Bind(int index, std::int64_t value);
  void BindNull(int index);
  // Binary data (stored as a BLOB, so embedded NUL bytes survive).
  void BindBlob(int index, std::string_view bytes);
  // Steps once: true when a row is available, false when done. Errors become Error values.
  [[nodiscard]] Result<bool> Step();
  // Steps to completion (for INSERT/UPDATE/DELETE) and resets for the next use.
  [[nodiscard]] Result<void> Run();
  void Reset();

  [[nodiscard]] std::int64_t ColumnInt(int index) const;
  [[nodiscard]] std::string ColumnText(int index) const;
  [[nodiscard]] std::string ColumnBlob(int index) const;
  [[nodiscard]] bool ColumnIsNull(int index) const;

 private:
  struct Release {
    std::shared_ptr<StatementCache> cache;
    std::string sql;
    void operator()(sqlite3_stmt* stmt) const;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Release> stmt_;
};

class Database {
 public:
  // Opens (creating if `create`) the database file with WAL journaling, synchronous=FULL
  // (a committed import survives power loss), foreign keys on, and a busy timeout.
  // With `seal`, through the sealed VFS (store/sealed_vfs.h): a new database gets the sealed
  // page layout, and mmap stays off.
  [[nodiscard]] static Result<Database> Open(const std::filesystem::path& file, bool create,
                                             const PageKey* seal = nullptr);

  [[nodiscard]] Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements that return no rows.
  [[nodiscard]] Result<void> Exec(std::string_view sql);
  // The first column of the first row of a query, as an integer (nullopt when no row).
  [[nodiscard]] Result<std::optional<std::int64_t>> QueryInt(std::string_view sql);
  [[nodiscard]] std::int64_t LastInsertId() const;
  [[nodiscard]] sqlite3* handle() const { return db_.get(); }

 private:
  explicit Database(sqlite3* db);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> db_;
  // Declared after db_: the idle statements are finalized before the connection closes.
  // Shared with the Statements that will return to it, so that its address survives moves.
  std::shared_ptr<StatementCache> statements_;
};

// BEGIN IMMEDIATE in Begin() (the writer lock is taken up front, so two importers
// queue instead of failing halfway); ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  // On the workspace's connection: how code outside the store groups its store calls.
  explicit Transaction(Workspace& ws);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  [[nodiscard]] Result<void> Begin();
  [[nodiscard]] Result<void> Commit();

 private:
  Database& db_;
  bool open_ = false;
};

// Turns the connection's last error into an Error (kConflict for constraint violations,
// kIoError for disk problems, kCorruption for a damaged file, kInternal otherwise).
[[nodiscard]] Error SqliteError(sqlite3* db, std::string_view what);

// The one row-reading loop of the store. `read(st)` turns the current row into a value and
// returns it either plainly or as a Result (an error ends the loop and is returned).
//
//   PARLEY_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, name FROM users"));
//   auto users = ReadRows(st, [](const Statement& row) { return User{row.ColumnInt(0), ...}; });
//   auto user = ReadFirstRow(st, ReadUser);  // Result<std::optional<User>>
namespace internal {
template <class T>
struct RowValue {
  using type = T;
  static Result<T> Wrap(T&& value) { return std::move(value); }
};
template <class T>
struct RowValue<Result<T>> {
  using type = T;
  static Result<T> Wrap(Result<T>&& value) { return std::move(value); }
};
template <class Read>
using RowValueOf = RowValue<std::remove_cvref_t<std::invoke_result_t<Read&, Statement&>>>;
}  // namespace internal

template <class Read>
[[nodiscard]] Result<std::vector<typename internal::RowValueOf<Read>::type>> ReadRows(Statement& st,
                                                                                      Read&& read) {
  using Row = internal::RowValueOf<Read>;
  std::vector<typename Row::type> rows;
  while (true) {
    Result<bool> more = st.Step();
    if (!more) return std::unexpected(std::move(more).error());
    if (!*more) return rows;
    Result<typename Row::type> value = Row::Wrap(read(st));
    if (!value) return std::unexpected(std::move(value).error());
    rows.push_back(std::move(*value));
  }
}

// The loop for a reader that keeps no value: `visit(st)` (returning Result<void>) for every
// row, in order; the first error ends it.
template <class Visit>
[[nodiscard]] Result<void> ForEachRow(Statement& st, Visit&& visit) {
  while (true) {
    Result<bool> more = st.Step();
    if (!more) return std::unexpected(std::move(more).error());
    if (!*more) return {};
    if (Result<void> r = visit(st); !r) return r;
  }
}

// The first row only (nullopt when there is none); the statement is reset afterwards, so a
// cached statement never holds a read snapshot open.
template <class Read>
[[nodiscard]] Result<std::optional<typename internal::RowValueOf<Read>::type>> ReadFirstRow(
    Statement& st, Read&& read) {
  using Row = internal::RowValueOf<Read>;
  Result<bool> found = st.Step();
  if (!found) return std::unexpected(std::move(found).error());
  if (!*found) return std::nullopt;
  Result<typename Row::type> value = Row::Wrap(read(st));
  st.Reset();
  if (!value) return std::unexpected(std::move(value).error());
  return std::optional<typename Row::type>(std::move(*value));
}

}  // namespace parley::store
