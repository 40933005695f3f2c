// parley/store/candidate_sources.h — the rows candidate selection reads besides the records:
// which custody lists a side holds, and every accepted link with both ends' list, kind and
// side (negotiation/workspace_candidates.h decides who may be planned from them).
//
// Contract: plain rows of stored strings; no rule lives here. CustodyListNames is empty for a
// side that holds no custody list (and for an unknown side: SideExists tells them apart).
// A link is accepted when its state is auto_accepted or confirmed.
//
//   PARLEY_ASSIGN_OR_RETURN(bool known, SideExists(ws, "ua"));
//   PARLEY_ASSIGN_OR_RETURN(std::vector<AcceptedLinkRow> links, AcceptedLinks(ws));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

// One end of a link: the record and the list it belongs to.
struct LinkEndRow {
  std::int64_t record_id = 0;
  std::string list;
  std::string kind;  // the list's kind (custody, request, mediator, ...)
  std::string side;  // the list's side
};

struct AcceptedLinkRow {
  LinkEndRow left;
  LinkEndRow right;
};

[[nodiscard]] Result<bool> SideExists(Workspace& ws, std::string_view side);
// The names of the side's custody lists, by name.
[[nodiscard]] Result<std::vector<std::string>> CustodyListNames(Workspace& ws,
                                                                std::string_view side);
[[nodiscard]] Result<std::vector<AcceptedLinkRow>> AcceptedLinks(Workspace& ws);

}  // namespace parley::store
