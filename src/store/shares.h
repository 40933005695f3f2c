// parley/store/shares.h — who owns a list or a record, and which lists are shared with which
// side (table `list_shares`).
//
// Contract: a list belongs to the side that imported it; a record to its list. A share is a
// versioned row per (list, side): InsertShare starts it at version 1, UpdateShare bumps the
// version, and a revoked share stays as a row with active = 0 (history). Whether a change is
// allowed (versions, a list's own side) is decided by the caller (server/auth/share_store.h),
// inside a store::Transaction so that the check and the write see one state.
//
//   PARLEY_ASSIGN_OR_RETURN(std::optional<ListOwner> owner, OwnerOfList(ws, "ru-custody"));
//   PARLEY_ASSIGN_OR_RETURN(bool seen, ShareIsActive(ws, owner->list_id, "ua"));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

// Where a list lives, for authorisation.
struct ListOwner {
  std::int64_t list_id = 0;
  std::string list;
  std::string side;
};

struct Share {
  std::string list;
  std::string side;
  bool active = true;
  std::int64_t version = 1;
  std::string updated_by;
  std::string updated_at;
};

// One write of a share: the list (by ID), the side it is shared with, and the new state.
struct ShareWrite {
  std::int64_t list_id = 0;
  std::string side;
  bool active = true;
  std::string updated_by;
  std::string updated_at;
};

[[nodiscard]] Result<std::optional<ListOwner>> OwnerOfList(Workspace& ws, std::string_view list);
// The list a person record belongs to.
[[nodiscard]] Result<std::optional<ListOwner>> OwnerOfRecord(Workspace& ws, std::int64_t record_id);
[[nodiscard]] Result<bool> ShareIsActive(Workspace& ws, std::int64_t list_id,
                                         std::string_view side);
// Names of the lists actively shared with `side`.
[[nodiscard]] Result<std::vector<std::string>> ListsActivelySharedWith(Workspace& ws,
                                                                       std::string_view side);
// Every share of a list, active or revoked, by side.
[[nodiscard]] Result<std::vector<Share>> SharesOfList(Workspace& ws, std::string_view list);
// The stored version of the share of a list with a side (nullopt: never shared).
[[nodiscard]] Result<std::optional<std::int64_t>> ShareVersion(Workspace& ws, std::int64_t list_id,
                                                               std::string_view side);
[[nodiscard]] Result<void> InsertShare(Workspace& ws, const ShareWrite& share);
[[nodiscard]] Result<void> UpdateShare(Workspace& ws, const ShareWrite& share);

}  // namespace parley::store
