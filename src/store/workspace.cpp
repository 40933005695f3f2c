#include "store/workspace.h"

#include <charconv>
#include <system_error>

#include "core/try.h"
#include "store/migrations.h"

namespace parley::store {

std::filesystem::path DatabasePath(const std::filesystem::path& dir) { return dir / "parley.db"; }

Result<Workspace> Workspace::Create(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Fail(ErrorCode::kIoError,
                "cannot create workspace folder " + dir.string() + ": " + ec.message());
  }
  PARLEY_ASSIGN_OR_RETURN(Database db, Database::Open(DatabasePath(dir), /*create=*/true));
  PARLEY_TRY(Migrate(db));
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
