// parley/server/share_store.h — which party may see which other party's list (`list_shares`).
//
// The sharing rule (enforced by route_table.h, stored here): a list belongs to the side that
// imported it. The mediator's users see every list; a party's users see their own side's
// lists and the lists shared with their side (`parley share LIST --with SIDE`, or
// PUT /api/v1/lists/{list}/shares/{side}). A share is a versioned row: re-sharing or revoking
// needs the version last read (kConflict otherwise), and a revoked share stays as history.
//
//   PARLEY_ASSIGN_OR_RETURN(Share s, SetShare(db, "ru-custody", "ua", true, 0, "admin"));
//   bool seen = IsSharedWith(db, list_id, "ua");
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite_db.h"

namespace parley::server {

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

[[nodiscard]] Result<ListOwner> FindListOwner(store::Database& db, std::string_view list);
// The list a person record belongs to.
[[nodiscard]] Result<ListOwner> FindRecordOwner(store::Database& db, std::int64_t record_id);
[[nodiscard]] Result<bool> IsSharedWith(store::Database& db, std::int64_t list_id,
                                        std::string_view side);
// Names of the lists actively shared with `side`.
[[nodiscard]] Result<std::vector<std::string>> ListsSharedWith(store::Database& db,
                                                               std::string_view side);
[[nodiscard]] Result<std::vector<Share>> ListShares(store::Database& db, std::string_view list);
// Creates (expected_version 0) or changes (expected_version = the stored one) a share.
[[nodiscard]] Result<Share> SetShare(store::Database& db, std::string_view list,
                                     std::string_view side, bool active,
                                     std::int64_t expected_version, std::string_view actor);

}  // namespace parley::server
