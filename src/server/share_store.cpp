#include "server/share_store.h"

#include "core/try.h"
#include "server/roles.h"
#include "server/timestamp.h"

namespace parley::server {
namespace {

Result<ListOwner> ReadOwner(store::Statement& st, std::string what) {
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, std::move(what));
  return ListOwner{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2)};
}

Result<std::vector<Share>> CollectShares(store::Statement& st) {
  std::vector<Share> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnInt(2) != 0, st.ColumnInt(3),
                   st.ColumnText(4), st.ColumnText(5)});
  }
  return out;
}

constexpr const char* kShareColumns =
    "SELECT l.name, s.side, s.active, s.version, s.updated_by, s.updated_at FROM list_shares s "
    "JOIN lists l ON l.id = s.list_id ";

}  // namespace

Result<ListOwner> FindListOwner(store::Database& db, std::string_view list) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare("SELECT l.id, l.name, s.name FROM lists l JOIN sides s ON "
                                     "s.id = l.side_id WHERE l.name = ?"));
  st.Bind(1, list);
  return ReadOwner(st, "no list named '" + std::string(list) + "'");
}

Result<ListOwner> FindRecordOwner(store::Database& db, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT l.id, l.name, s.name FROM person_records pr JOIN lists l ON l.id = "
                 "pr.list_id JOIN sides s ON s.id = l.side_id WHERE pr.id = ?"));
  st.Bind(1, record_id);
  return ReadOwner(st, "no person record with ID " + std::to_string(record_id));
}

Result<bool> IsSharedWith(store::Database& db, std::int64_t list_id, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT 1 FROM list_shares WHERE list_id = ? AND side = ? AND active = 1"));
  st.Bind(1, list_id);
  st.Bind(2, side);
  return st.Step();
}

Result<std::vector<std::string>> ListsSharedWith(store::Database& db, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare("SELECT l.name FROM list_shares s JOIN lists l ON l.id = "
                                     "s.list_id WHERE s.side = ? AND s.active = 1"));
  st.Bind(1, side);
  std::vector<std::string> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.ColumnText(0));
  }
  return out;
}

Result<std::vector<Share>> ListShares(store::Database& db, std::string_view list) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st, db.Prepare(std::string(kShareColumns) +
                                                          "WHERE l.name = ? ORDER BY s.side"));
  st.Bind(1, list);
  return CollectShares(st);
}

Result<Share> SetShare(store::Database& db, std::string_view list, std::string_view side,
                       bool active, std::int64_t expected_version, std::string_view actor) {
  PARLEY_TRY(CheckSideName(side));
  store::Transaction tx(db);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(ListOwner owner, FindListOwner(db, list));
  if (owner.side == side) {
    return Fail(ErrorCode::kInvalidInput, "a list is always visible to its own side",
                {"", 0, 0, "side"});
  }
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement find,
      db.Prepare("SELECT version FROM list_shares WHERE list_id = ? AND side = ?"));
  find.Bind(1, owner.list_id);
  find.Bind(2, side);
  PARLEY_ASSIGN_OR_RETURN(bool exists, find.Step());
  std::int64_t stored = exists ? find.ColumnInt(0) : 0;
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
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare(exists ? "UPDATE list_shares SET active = ?3, version = version + 1, "
                          "updated_by = ?4, updated_at = ?5 WHERE list_id = ?1 AND side = ?2"
                        : "INSERT INTO list_shares(list_id, side, active, updated_by, updated_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.Bind(1, owner.list_id);
  st.Bind(2, side);
  st.Bind(3, std::int64_t{active ? 1 : 0});
  st.Bind(4, actor);
  st.Bind(5, UtcNow());
  PARLEY_TRY(st.Run());
  PARLEY_TRY(tx.Commit());
  PARLEY_ASSIGN_OR_RETURN(auto shares, ListShares(db, list));
  for (auto& s : shares) {
    if (s.side == side) return s;
  }
  return Fail(ErrorCode::kInternal, "a share just written is missing");
}

}  // namespace parley::server
