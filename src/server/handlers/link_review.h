// parley/server/handlers/link_review.h — the review queue as the API serves it: who owns a link,
// its version, and an optimistic decision.
//
// A link's version is the number of decisions recorded on it (0: never decided). A decision
// names the version its analyst read; if another decision came first, DecideLink answers
// kConflict (409) and records nothing, so two analysts deciding the same pair never silently
// overwrite each other. Without an expected version the decision is recorded unconditionally,
// as `parley review --decide` does.
//
// The check runs inside the decision's write transaction (store::LinkStore::Decide), so it
// holds against every writer of the workspace: other requests, other servers, the CLI.
//
//   PARLEY_ASSIGN_OR_RETURN(LinkOwners owners, FindLinkOwners(ws, 42));
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t version,
//                           DecideLink(ws, 42, store::LinkDecision::kAccept, 0, "analyst1"));
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "server/auth/share_store.h"
#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::server {

using LinkOwners = store::LinkOwners;

// The two lists of a link (kNotFound when there is no such link).
[[nodiscard]] Result<LinkOwners> FindLinkOwners(store::Workspace& ws, std::int64_t link_id);
// A page of the links matching `query` (filtered in SQL), most probable first; one link.
// (Every use of store::LinkStore in the server is in link_review.cpp.)
[[nodiscard]] Result<store::LinkPage> QueryLinks(store::Workspace& ws,
                                                 const store::LinkQuery& query);
[[nodiscard]] Result<store::StoredLink> ReadLink(store::Workspace& ws, std::int64_t link_id);
// Records the decision (with `note`, trimmed; empty: none); returns the link's new version.
[[nodiscard]] Result<std::int64_t> DecideLink(store::Workspace& ws, std::int64_t link_id,
                                              store::LinkDecision decision,
                                              std::optional<std::int64_t> expected_version,
                                              const std::string& actor, std::string_view note = {});
// Every decision on the link, oldest first.
[[nodiscard]] Result<std::vector<store::RecordedDecision>> LinkDecisions(store::Workspace& ws,
                                                                         std::int64_t link_id);

}  // namespace parley::server
