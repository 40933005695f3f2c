#include "store/sqlite_db.h"

#include <mutex>
#include <unordered_map>

#include "core/file_io.h"
#include "core/try.h"
#include "store/workspace.h"

namespace parley::store {

// Guarded by a mutex although a connection serves one thread at a time: SQLite's serialized
// mode allows sharing one, and a lock nobody contends costs nanoseconds.
class StatementCache {
 public:
  static constexpr std::size_t kMaxIdle = 256;

  ~StatementCache() {
    for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
  }
  sqlite3_stmt* Take(const std::string& sql) {
    std::lock_guard lock(mutex_);
    auto it = idle_.find(sql);
    if (it == idle_.end()) return nullptr;
    sqlite3_stmt* stmt = it->second;
    idle_.erase(it);
    return stmt;
  }
  // Keeps `stmt` for reuse. A full cache is emptied first: one-off texts (values spliced
  // into the SQL) then cost what they cost without a cache, and cannot crowd out the rest.
  void Give(const std::string& sql, sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    std::lock_guard lock(mutex_);
    if (idle_.size() >= kMaxIdle) {
      for (auto& [text, idle] : idle_) sqlite3_finalize(idle);
      idle_.clear();
    }
    idle_.emplace(sql, stmt);
  }

 private:
  std::mutex mutex_;
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

void Statement::Release::operator()(sqlite3_stmt* stmt) const {
  if (cache) {
    cache->Give(sql, stmt);
  } else {
    sqlite3_finalize(stmt);
  }
}

Error SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_extended_errcode(db);
  ErrorCode kind = ErrorCode::kInternal;
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      kind = ErrorCode::kConflict;
      break;
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      kind = ErrorCode::kIoError;
      break;
    case SQLITE_IOERR:
      if (code == SQLITE_IOERR_DATA) {  // a sealed page failed its authentication check
        return Error{ErrorCode::kCorruption,
                     std::string(what) + ": " + LastSealFailure() +
                         " failed its authentication check: it was altered (tampering) or "
                         "damaged after parley wrote it; nothing was read from it. Restore the "
                         "workspace from a backup",
                     {}};
      }
      kind = ErrorCode::kIoError;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = ErrorCode::kCorruption;
      break;
    default:
      break;
  }
  return Error{kind, std::string(what) + ": " + sqlite3_errmsg(db), {}};
}

void Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

void Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
}

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_.get(), index); }

void Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = SqliteError(db_, "database step failed");
  sqlite3_reset(stmt_.get());
  return std::unexpected(e);
}

Result<void> Statement::Run() {
  Result<bool> r;
  do {
    r = Step();
  } while (r && *r);
  Reset();
  if (!r) return std::unexpected(r.error());
  return {};
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::ColumnInt(int index) const {
  return sqlite3_column_int64(stmt_.get(), index);
}

std::string Statement::ColumnText(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), index);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), index)));
}

std::string Statement::ColumnBlob(int index) const {
  const void* data = sqlite3_column_blob(stmt_.get(), index);
  if (data == nullptr) return {};
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), index)));
}

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL;
}

namespace {

// A new sealed database gets the fixed page size and the reserved bytes that carry each
// page's nonce and tag (store/sealed_vfs.h); an existing one must have them.
Result<void> UseSealedLayout(Database& db, const std::filesystem::path& file) {
  int reserve = kSealReserveBytes;
  sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
  PARLEY_TRY(
      db.Exec("PRAGMA page_size=" + std::to_string(kSealedPageSize) + "; PRAGMA mmap_size=0"));
  PARLEY_ASSIGN_OR_RETURN(auto page_size, db.QueryInt("PRAGMA page_size"));
  reserve = -1;
  sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
  if (page_size != kSealedPageSize || reserve != kSealReserveBytes) {
    return Fail(ErrorCode::kCorruption, file.string() +
                                            " does not have the sealed page layout "
                                            "(page size " +
                                            std::to_string(page_size.value_or(0)) +
                                            ", reserved bytes " + std::to_string(reserve) +
                                            "); restore the workspace from a backup");
  }
  return {};
}

}  // namespace

Result<Database> Database::Open(const std::filesystem::path& file, bool create,
                                const PageKey* seal) {
  // SQLite would create the database 0644 less the umask; created here first, it is 0600
  // whatever the umask, and SQLite gives its -wal and -shm files the database file's mode.
  if (create) PARLEY_TRY(CreatePrivateFileIfMissing(file));
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  std::string name = file.string();
  const char* vfs = nullptr;
  if (seal != nullptr) {
    name = SealedDatabaseUri(file, *seal);
    flags |= SQLITE_OPEN_URI;
    vfs = kSealedVfsName;
  }
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags, vfs);
  Database db(raw);
  if (rc != SQLITE_OK) {
    Error e = raw != nullptr ? SqliteError(raw, "cannot open " + file.string())
                             : Error{ErrorCode::kIoError, "cannot open " + file.string(), {}};
    return std::unexpected(e);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 10000);
  if (seal != nullptr) PARLEY_TRY(UseSealedLayout(db, file));
  auto pragmas = db.Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
      "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
  if (!pragmas) return std::unexpected(pragmas.error());
  return db;
}

Database::Database(sqlite3* db)
    : db_(db, &sqlite3_close_v2), statements_(std::make_shared<StatementCache>()) {}

Result<Statement> Database::Prepare(std::string_view sql) {
  std::string text(sql);
  if (sqlite3_stmt* cached = statements_->Take(text)) {
    return Statement(db_.get(), cached, statements_, std::move(text));
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_.get(), text.data(), static_cast<int>(text.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    return std::unexpected(SqliteError(db_.get(), "cannot prepare statement"));
  }
  return Statement(db_.get(), stmt, statements_, std::move(text));
}

Result<void> Database::Exec(std::string_view sql) {
  std::string owned(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error e = SqliteError(db_.get(), "database command failed");
    sqlite3_free(message);
    return std::unexpected(e);
  }
  return {};
}

Result<std::optional<std::int64_t>> Database::QueryInt(std::string_view sql) {
  auto st = Prepare(sql);
  if (!st) return std::unexpected(st.error());
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row || st->ColumnIsNull(0)) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{st->ColumnInt(0)};
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }

Transaction::Transaction(Database& db) : db_(db) {}

Transaction::Transaction(Workspace& ws) : db_(ws.db()) {}

Transaction::~Transaction() {
  if (open_) (void)db_.Exec("ROLLBACK");
}

Result<void> Transaction::Begin() {
  auto r = db_.Exec("BEGIN IMMEDIATE");
  if (r) open_ = true;
  return r;
}

Result<void> Transaction::Commit() {
  auto r = db_.Exec("COMMIT");
  if (r) open_ = false;
  return r;
}

}  // namespace parley::store
