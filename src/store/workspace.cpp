#include "store/workspace.h"

#include <charconv>
#include <system_error>

#include "core/file_io.h"
#include "core/try.h"
#include "store/event_log.h"
#include "store/migrations.h"

namespace parley::store {

std::filesystem::path DatabasePath(const std::filesystem::path& dir) { return dir / "parley.db"; }

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
  PARLEY_ASSIGN_OR_RETURN(Database db, Database::Open(DatabasePath(dir), /*create=*/true));
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
  PARLEY_ASSIGN_OR_RETURN(Database db, Database::Open(DatabasePath(dir), /*create=*/false));
  PARLEY_TRY(Migrate(db));
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
