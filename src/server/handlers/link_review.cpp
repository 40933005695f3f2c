#include "server/handlers/link_review.h"

#include "core/try.h"

namespace parley::server {

Result<LinkOwners> FindLinkOwners(store::Workspace& ws, std::int64_t link_id) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<LinkOwners> owners, store::OwnersOfLink(ws, link_id));
  if (!owners) {
    return Fail(ErrorCode::kNotFound, "no link with ID " + std::to_string(link_id) +
                                          "; GET /api/v1/links lists the links you may see");
  }
  return std::move(*owners);
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
                                const std::string& actor, std::string_view note) {
  store::LinkStore links(ws);
  return links.Decide(link_id, decision, store::Actor{actor, nullptr}, UtcNow(), expected_version,
                      note);
}

Result<std::vector<store::RecordedDecision>> LinkDecisions(store::Workspace& ws,
                                                           std::int64_t link_id) {
  store::LinkStore links(ws);
  return links.Decisions(link_id);
}

}  // namespace parley::server
