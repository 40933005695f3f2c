#include "server/link_review.h"

#include "core/try.h"

namespace parley::server {

Result<LinkOwners> FindLinkOwners(store::Database& db, std::int64_t link_id) {
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT ll.id, ll.name, ls.name, rl.id, rl.name, rs.name FROM links k "
                 "JOIN lists ll ON ll.id = k.left_list_id JOIN sides ls ON ls.id = ll.side_id "
                 "JOIN lists rl ON rl.id = k.right_list_id JOIN sides rs ON rs.id = rl.side_id "
                 "WHERE k.id = ?"));
  st.Bind(1, link_id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    return Fail(ErrorCode::kNotFound, "no link with ID " + std::to_string(link_id) +
                                          "; GET /api/v1/links lists the links you may see");
  }
  return LinkOwners{{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2)},
                    {st.ColumnInt(3), st.ColumnText(4), st.ColumnText(5)}};
}

Result<store::LinkPage> QueryLinks(store::Workspace& ws, const store::LinkQuery& query) {
  store::LinkStore links(ws);
  return links.Query(query);
}

Result<store::StoredLink> ReadLink(store::Workspace& ws, std::int64_t link_id) {
  store::LinkStore links(ws);
  return links.Link(link_id);
}

Result<std::int64_t> DecideLink(store::Workspace& ws, std::int64_t link_id,
                                store::LinkDecision decision,
                                std::optional<std::int64_t> expected_version,
                                const std::string& actor) {
  store::LinkStore links(ws);
  return links.Decide(link_id, decision, store::Actor{actor, nullptr}, UtcNow(), expected_version);
}

}  // namespace parley::server
