#include "server/auth/share_store.h"

#include "core/clock.h"
#include "core/try.h"
#include "server/auth/roles.h"

namespace parley::server {
namespace {

Result<ListOwner> Found(Result<std::optional<ListOwner>> owner, std::string what) {
  if (!owner) return std::unexpected(std::move(owner).error());
  if (!*owner) return Fail(ErrorCode::kNotFound, std::move(what));
  return std::move(**owner);
}

}  // namespace

Result<ListOwner> FindListOwner(store::Workspace& ws, std::string_view list) {
  return Found(store::OwnerOfList(ws, list), "no list named '" + std::string(list) + "'");
}

Result<ListOwner> FindRecordOwner(store::Workspace& ws, std::int64_t record_id) {
  return Found(store::OwnerOfRecord(ws, record_id),
               "no person record with ID " + std::to_string(record_id));
}

Result<bool> IsSharedWith(store::Workspace& ws, std::int64_t list_id, std::string_view side) {
  return store::ShareIsActive(ws, list_id, side);
}

Result<std::vector<std::string>> ListsSharedWith(store::Workspace& ws, std::string_view side) {
  return store::ListsActivelySharedWith(ws, side);
}

Result<std::vector<Share>> ListShares(store::Workspace& ws, std::string_view list) {
  return store::SharesOfList(ws, list);
}

Result<Share> SetShare(store::Workspace& ws, std::string_view list, std::string_view side,
                       bool active, std::int64_t expected_version, std::string_view actor) {
  PARLEY_TRY(CheckSideName(side));
  store::Transaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(ListOwner owner, FindListOwner(ws, list));
  if (owner.side == side) {
    return Fail(ErrorCode::kInvalidInput, "a list is always visible to its own side",
                {"", 0, 0, "side"});
  }
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::int64_t> found,
                          store::ShareVersion(ws, owner.list_id, side));
  const bool exists = found.has_value();
  const std::int64_t stored = found.value_or(0);
  if (stored != expected_version) {
    return Fail(ErrorCode::kConflict,
                "the share of '" + owner.list + "' with " + std::string(side) + " is at version " +
                    std::to_string(stored) + ", not " + std::to_string(expected_version) +
                    "; reload and try again",
                {"", 0, 0, "version"});
  }
  if (!exists && !active) {
    return Fail(ErrorCode::kNotFound,
                "'" + owner.list + "' is not shared with " + std::string(side));
  }
  const store::ShareWrite write{owner.list_id, std::string(side), active, std::string(actor),
                                UtcNow()};
  PARLEY_TRY(exists ? store::UpdateShare(ws, write) : store::InsertShare(ws, write));
  PARLEY_TRY(tx.Commit());
  PARLEY_ASSIGN_OR_RETURN(auto shares, ListShares(ws, list));
  for (auto& s : shares) {
    if (s.side == side) return s;
  }
  return Fail(ErrorCode::kInternal, "a share just written is missing");
}

}  // namespace parley::server
