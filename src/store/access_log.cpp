#include "store/access_log.h"

#include "core/try.h"

namespace parley::store {

Result<void> AppendAccessRows(Workspace& ws, std::span<const AccessRow> rows) {
  Transaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, ws.db().Prepare("INSERT INTO access_log(at, user_name, record_id, action, "
                                    "reads) VALUES (?, ?, ?, ?, ?)"));
  for (const AccessRow& row : rows) {
    st.Bind(1, row.at);
    st.Bind(2, row.user);
    st.Bind(3, row.record_id);
    st.Bind(4, row.action);
    st.Bind(5, row.reads);
    PARLEY_TRY(st.Run());
  }
  return tx.Commit();
}

Result<std::vector<AccessRow>> AccessRowsOfRecord(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT at, user_name, record_id, action, reads FROM "
                                          "access_log WHERE record_id = ? ORDER BY id DESC"));
  st.Bind(1, record_id);
  return ReadRows(st, [](const Statement& row) {
    return AccessRow{row.ColumnText(0), row.ColumnText(1), row.ColumnInt(2), row.ColumnText(3),
                     row.ColumnInt(4)};
  });
}

}  // namespace parley::store
