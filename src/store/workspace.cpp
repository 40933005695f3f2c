#include "store/workspace.h"

#include <charconv>
#include <system_error>

#include "core/file_io.h"
#include "core/try.h"
#include "store/event_log.h"
#include "store/migrations.h"

namespace parley::store {

std::filesystem::path DatabasePath(const std::filesystem::path& dir) { return dir / "parley.db"; }

namespace {

// What SQLite's "not a database" means for a workspace without seal.json: most likely a sealed
// workspace whose settings were lost. Decided from SQLite's own error, never by reading the
// file here: opening and closing another descriptor on a database file drops the POSIX locks
// every SQLite connection of this process holds on it (a server's pooled connections), which
// lets another process's writes overwrite this one's (sqlite.org/howtocorrupt.html, 2.2).
Error ExplainUnreadableDatabase(const std::filesystem::path& dir, Error error) {
  if (error.code != ErrorCode::kCorruption) return error;
  return Error{ErrorCode::kCorruption,
               DatabasePath(dir).string() + " is not a readable SQLite database (" + error.message +
                   ") and " + SealSettingsPath(dir).string() +
                   " is missing: if the workspace was sealed, restore seal.json from its backup",
               {DatabasePath(dir).string(), 0, 0, ""}};
}

}  // namespace

Workspace::Workspace(std::filesystem::path dir, Database db)
    : dir_(std::move(dir)), db_(std::make_unique<Database>(std::move(db))) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Result<EventLog*> Workspace::Events() {
  if (events_) {
    // Another process may have appended since this one opened the log: max(seq) is one
    // index probe, far cheaper than reopening, and keeps the cached size honest.
    PARLEY_ASSIGN_OR_RETURN(Statement st,
                            db_->Prepare("SELECT max(seq) FROM ledger_entries WHERE origin = ?"));
    st.Bind(1, events_->Node().origin);
    PARLEY_TRY(st.Step());
    const std::uint64_t stored = st.ColumnIsNull(0) ? 0 : st.ColumnInt(0) + 1;
    if (stored != events_->Size()) events_.reset();
  }
  if (!events_) {
    PARLEY_ASSIGN_OR_RETURN(events_, EventLog::Open(*db_, dir_));
  }
  return events_.get();
}

Result<Workspace> Workspace::Create(const std::filesystem::path& dir,
                                    const WorkspaceOptions& options) {
  // The workspace holds personal data: its folder is the owner's alone (core/file_io.h).
  PARLEY_TRY(CreatePrivateFolders(dir));
  std::optional<PageKey> key;
  const bool exists = std::filesystem::exists(DatabasePath(dir));
  if (IsSealedWorkspace(dir)) {
    PARLEY_ASSIGN_OR_RETURN(key, WorkspacePageKey(dir));
  } else if (options.seal && exists) {
    return Fail(ErrorCode::kConflict,
                dir.string() +
                    " is an unsealed workspace already; sealing one afterwards is "
                    "not supported: create a new sealed workspace and import the "
                    "lists again");
  } else if (options.seal) {
    PARLEY_ASSIGN_OR_RETURN(key, CreateSeal(dir, *options.seal));
  }
  PARLEY_ASSIGN_OR_RETURN(
      Database db, Database::Open(DatabasePath(dir), /*create=*/true, key ? &*key : nullptr));
  PARLEY_TRY(Migrate(db));
  PARLEY_TRY(EnsureNodeIdentity(db, dir, options.node_name));
  return Workspace(dir, std::move(db));
}

Result<Workspace> Workspace::Open(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(DatabasePath(dir))) {
    return Fail(ErrorCode::kNotFound, "no parley workspace in " + dir.string() +
                                          "; create one with `parley init --workspace " +
                                          dir.string() + "`");
  }
  std::optional<PageKey> key;
  const bool sealed = IsSealedWorkspace(dir);
  if (sealed) {
    PARLEY_ASSIGN_OR_RETURN(key, WorkspacePageKey(dir));
  }
  auto opened = Database::Open(DatabasePath(dir), /*create=*/false, key ? &*key : nullptr);
  if (!opened) {
    return std::unexpected(sealed ? opened.error()
                                  : ExplainUnreadableDatabase(dir, opened.error()));
  }
  Database db = std::move(*opened);
  if (auto migrated = Migrate(db); !migrated) {
    return std::unexpected(sealed ? migrated.error()
                                  : ExplainUnreadableDatabase(dir, migrated.error()));
  }
  // A workspace made before the ledger existed gets its node identity on first open.
  PARLEY_TRY(EnsureNodeIdentity(db, dir, WorkspaceOptions{}.node_name));
  return Workspace(dir, std::move(db));
}

Result<ListRef> ParseListRef(std::string_view text) {
  ListRef ref;
  size_t at = text.rfind('@');
  ref.list = std::string(text.substr(0, at));
  if (ref.list.empty()) {
    return Fail(ErrorCode::kInvalidInput, "a list name is needed, as LIST or LIST@VERSION");
  }
  if (at != std::string_view::npos) {
    std::string_view v = text.substr(at + 1);
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || ptr != v.data() + v.size() || n < 1) {
      return Fail(ErrorCode::kInvalidInput,
                  "'" + std::string(text) + "' has no valid version after '@'; write LIST@N");
    }
    ref.version = n;
  }
  return ref;
}

}  // namespace parley::store
