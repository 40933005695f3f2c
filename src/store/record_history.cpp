#include "store/record_history.h"

#include "core/try.h"

namespace parley::store {

Result<std::vector<std::int64_t>> RecordListEventSeqs(Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT e.seq FROM record_versions rv JOIN "
                                          "ledger_list_events e ON e.list_version_id = "
                                          "rv.created_in WHERE rv.record_id = ? ORDER BY e.seq"));
  st.Bind(1, record_id);
  return ReadRows(st, [](const Statement& row) { return row.ColumnInt(0); });
}

}  // namespace parley::store
