// parley/server/auth/share_store.h — which party may see which other party's list (`list_shares`).
//
// The sharing rule (enforced by route_table.h, stored here): a list belongs to the side that
// imported it. The mediator's users see every list; a party's users see their own side's
// lists and the lists shared with their side (`parley share LIST --with SIDE`, or
// PUT /api/v1/lists/{list}/shares/{side}). A share is a versioned row: re-sharing or revoking
// needs the version last read (kConflict otherwise), and a revoked share stays as history.
//
// The rows are read and written by store/shares.h; the rules of a change are checked here.
//
//   PARLEY_ASSIGN_OR_RETURN(Share s, SetShare(ws, "ru-custody", "ua", true, 0, "admin"));
//   bool seen = IsSharedWith(ws, list_id, "ua");
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/shares.h"
#include "store/workspace.h"

namespace parley::server {

// Where a list lives, for authorisation; a share as stored.
using ListOwner = store::ListOwner;
using Share = store::Share;

[[nodiscard]] Result<ListOwner> FindListOwner(store::Workspace& ws, std::string_view list);
// The list a person record belongs to.
[[nodiscard]] Result<ListOwner> FindRecordOwner(store::Workspace& ws, std::int64_t record_id);
[[nodiscard]] Result<bool> IsSharedWith(store::Workspace& ws, std::int64_t list_id,
                                        std::string_view side);
// Names of the lists actively shared with `side`.
[[nodiscard]] Result<std::vector<std::string>> ListsSharedWith(store::Workspace& ws,
                                                               std::string_view side);
[[nodiscard]] Result<std::vector<Share>> ListShares(store::Workspace& ws, std::string_view list);
// Creates (expected_version 0) or changes (expected_version = the stored one) a share.
[[nodiscard]] Result<Share> SetShare(store::Workspace& ws, std::string_view list,
                                     std::string_view side, bool active,
                                     std::int64_t expected_version, std::string_view actor);

}  // namespace parley::server
