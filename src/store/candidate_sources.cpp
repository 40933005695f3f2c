#include "store/candidate_sources.h"

#include "core/try.h"

namespace parley::store {

Result<bool> SideExists(Workspace& ws, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, ws.db().Prepare("SELECT 1 FROM sides WHERE name = ?"));
  st.Bind(1, side);
  PARLEY_ASSIGN_OR_RETURN(auto found, ReadFirstRow(st, [](const Statement&) { return true; }));
  return found.has_value();
}

Result<std::vector<std::string>> CustodyListNames(Workspace& ws, std::string_view side) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT l.name FROM lists l JOIN sides s ON s.id = "
                                          "l.side_id WHERE l.kind = 'custody' AND s.name = ? "
                                          "ORDER BY l.name"));
  st.Bind(1, side);
  return ReadRows(st, [](const Statement& row) { return row.ColumnText(0); });
}

Result<std::vector<AcceptedLinkRow>> AcceptedLinks(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT k.left_record_id, ll.name, ll.kind, ls.name, k.right_record_id, "
                      "rl.name, rl.kind, rs.name FROM links k "
                      "JOIN lists ll ON ll.id = k.left_list_id JOIN sides ls ON ls.id = "
                      "ll.side_id JOIN lists rl ON rl.id = k.right_list_id JOIN sides rs ON "
                      "rs.id = rl.side_id WHERE k.state IN ('auto_accepted', 'confirmed')"));
  return ReadRows(st, [](const Statement& row) {
    return AcceptedLinkRow{
        {row.ColumnInt(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3)},
        {row.ColumnInt(4), row.ColumnText(5), row.ColumnText(6), row.ColumnText(7)}};
  });
}

}  // namespace parley::store
