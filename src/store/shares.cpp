#include "store/shares.h"

#include "core/try.h"

namespace parley::store {
namespace {

ListOwner ReadOwner(const Statement& st) {
  return ListOwner{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2)};
}

Share ReadShare(const Statement& st) {
  return Share{st.ColumnText(0), st.ColumnText(1), st.ColumnInt(2) != 0,
               st.ColumnInt(3),  st.ColumnText(4), st.ColumnText(5)};
}

// ?1 list ID, ?2 side, ?3 active, ?4 by, ?5 at: the bindings both writes share.
Result<void> WriteShare(Workspace& ws, std::string_view sql, const ShareWrite& share) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, ws.db().Prepare(sql));
  st.Bind(1, share.list_id);
  st.Bind(2, share.side);
  st.Bind(3, std::int64_t{share.active ? 1 : 0});
  st.Bind(4, share.updated_by);
  st.Bind(5, share.updated_at);
  return st.Run();
}

}  // namespace

Result<std::optional<ListOwner>> OwnerOfList(Workspace& ws, std::string_view list) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT l.id, l.name, s.name FROM lists l JOIN sides s "
                                          "ON s.id = l.side_id WHERE l.name = ?"));
  st.Bind(1, list);
  return ReadFirstRow(st, ReadOwner);
}

Result<std::optional<ListOwner>> OwnerOfRecord(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT l.id, l.name, s.name FROM person_records pr JOIN lists l ON l.id = "
                      "pr.list_id JOIN sides s ON s.id = l.side_id WHERE pr.id = ?"));
  st.Bind(1, record_id);
  return ReadFirstRow(st, ReadOwner);
}

Result<bool> ShareIsActive(Workspace& ws, std::int64_t list_id, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT 1 FROM list_shares WHERE list_id = ? AND side = ? AND active = 1"));
  st.Bind(1, list_id);
  st.Bind(2, side);
  PARLEY_ASSIGN_OR_RETURN(auto found, ReadFirstRow(st, [](const Statement&) { return true; }));
  return found.has_value();
}

Result<std::vector<std::string>> ListsActivelySharedWith(Workspace& ws, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT l.name FROM list_shares s JOIN lists l ON l.id = "
                                          "s.list_id WHERE s.side = ? AND s.active = 1"));
  st.Bind(1, side);
  return ReadRows(st, [](const Statement& row) { return row.ColumnText(0); });
}

Result<std::vector<Share>> SharesOfList(Workspace& ws, std::string_view list) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT l.name, s.side, s.active, s.version, s.updated_by, s.updated_at "
                      "FROM list_shares s JOIN lists l ON l.id = s.list_id "
                      "WHERE l.name = ? ORDER BY s.side"));
  st.Bind(1, list);
  return ReadRows(st, ReadShare);
}

Result<std::optional<std::int64_t>> ShareVersion(Workspace& ws, std::int64_t list_id,
                                                 std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT version FROM list_shares WHERE list_id = ? AND side = ?"));
  st.Bind(1, list_id);
  st.Bind(2, side);
  return ReadFirstRow(st, [](const Statement& row) { return row.ColumnInt(0); });
}

Result<void> InsertShare(Workspace& ws, const ShareWrite& share) {
  return WriteShare(ws,
                    "INSERT INTO list_shares(list_id, side, active, updated_by, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                    share);
}

Result<void> UpdateShare(Workspace& ws, const ShareWrite& share) {
  return WriteShare(ws,
                    "UPDATE list_shares SET active = ?3, version = version + 1, updated_by = ?4, "
                    "updated_at = ?5 WHERE list_id = ?1 AND side = ?2",
                    share);
}

}  // namespace parley::store
