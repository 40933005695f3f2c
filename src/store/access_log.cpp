#include "store/access_log.h"

#include <variant>

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

Result<AccessLogPage> QueryAccessLog(Workspace& ws, const AccessLogQuery& query) {
  std::string where;
  std::vector<std::variant<std::string, std::int64_t>> params;
  auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (query.user) {
    add("a.user_name = ?");
    params.emplace_back(*query.user);
  }
  if (query.record_id) {
    add("a.record_id = ?");
    params.emplace_back(*query.record_id);
  }
  if (query.visible_lists) {
    std::string marks;
    for (const std::string& list : *query.visible_lists) {
      marks += marks.empty() ? "?" : ",?";
      params.emplace_back(list);
    }
    add(marks.empty() ? "0" : "l.name IN (" + marks + ")");
  }
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT a.at, a.user_name, a.record_id, a.action, a.reads, "
                      "coalesce(l.name, ''), coalesce(r.record_key, '') FROM access_log a "
                      "LEFT JOIN person_records r ON r.id = a.record_id "
                      "LEFT JOIN lists l ON l.id = r.list_id" +
                      where + " ORDER BY a.id DESC LIMIT ? OFFSET ?"));
  int index = 1;
  for (const auto& param : params) {
    std::visit([&](const auto& value) { st.Bind(index++, value); }, param);
  }
  // One row more than the page: whether another page follows, without counting the log.
  st.Bind(index++, query.limit + 1);
  st.Bind(index++, query.offset);
  PARLEY_ASSIGN_OR_RETURN(std::vector<AccessLogRow> rows, ReadRows(st, [](const Statement& row) {
                            return AccessLogRow{
                                {row.ColumnText(0), row.ColumnText(1), row.ColumnInt(2),
                                 row.ColumnText(3), row.ColumnInt(4)},
                                row.ColumnText(5),
                                row.ColumnText(6)};
                          }));
  AccessLogPage page;
  page.more = static_cast<std::int64_t>(rows.size()) > query.limit;
  if (page.more) rows.resize(static_cast<std::size_t>(query.limit));
  page.rows = std::move(rows);
  return page;
}

}  // namespace parley::store
