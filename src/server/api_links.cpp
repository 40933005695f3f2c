// Handlers: reconciliation runs, the review queue and decisions on links (api.h).
// Who may call them is decided in route_table.cpp (pair scopes: both lists visible, a write
// needs one of them to be the caller's own). GET /links filters by the same rule, link by
// link. Every person record returned beside a link is written to the access log.
#include <charconv>
#include <set>

#include "core/try.h"
#include "reconcile/reconcile_flow.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/json_fields.h"
#include "server/json_shapes.h"
#include "server/link_review.h"
#include "server/share_store.h"

namespace parley::server {
namespace {

constexpr std::int64_t kDefaultLinkPage = 50;
constexpr std::int64_t kMaxLinkPage = 1000;

// The latest version of a record, as GET /records/{id} shows it.
Result<nlohmann::json> LatestRecordJson(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(record_id));
  if (history.empty()) {
    return Fail(ErrorCode::kCorruption,
                "a link names record " + std::to_string(record_id) + ", which has no version");
  }
  return RecordJson(history.back());
}

}  // namespace

// Which lists a principal may see, by name: its own side's, the shared ones, or all for a
// mediator (the same rule as GET /lists).
Result<std::set<std::string>> Api::VisibleLists(store::Workspace& ws, const Principal& who) {
  PARLEY_ASSIGN_OR_RETURN(auto lists, ws.Lists());
  PARLEY_ASSIGN_OR_RETURN(auto shared_names, ListsSharedWith(ws.db(), who.side));
  std::set<std::string> shared(shared_names.begin(), shared_names.end());
  std::set<std::string> out;
  for (const auto& v : lists) {
    if (MaySee(who, v.side, shared.contains(v.list))) out.insert(v.list);
  }
  return out;
}

Result<nlohmann::json> Api::LinkWithRecords(store::Workspace& ws, const Principal& who,
                                            const store::StoredLink& link, std::int64_t version) {
  nlohmann::json out = LinkJson(link, version);
  PARLEY_ASSIGN_OR_RETURN(out["left"], LatestRecordJson(ws, link.left_record_id));
  PARLEY_ASSIGN_OR_RETURN(out["right"], LatestRecordJson(ws, link.right_record_id));
  access_log_.Record(who.name, std::vector<std::int64_t>{link.left_record_id, link.right_record_id},
                     "review");
  return out;
}

ApiResponse Api::Reconcile(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    reconcile::ReconcileRequest request;
    PARLEY_ASSIGN_OR_RETURN(request.left, RequiredString(body, "left"));
    PARLEY_ASSIGN_OR_RETURN(request.right, RequiredString(body, "right"));
    if (request.left == request.right) {
      return Fail(ErrorCode::kInvalidInput, "'left' and 'right' must be two different lists",
                  {"", 0, 0, "right"});
    }
    PARLEY_ASSIGN_OR_RETURN(auto full, OptionalBool(body, "full"));
    PARLEY_ASSIGN_OR_RETURN(auto review, OptionalNumber(body, "review_threshold", 0, 1));
    PARLEY_ASSIGN_OR_RETURN(auto accept, OptionalNumber(body, "auto_accept", 0, 1));
    request.full = full.value_or(false);
    request.review_threshold = review.value_or(request.review_threshold);
    request.auto_accept = accept.value_or(request.auto_accept);
    request.actor = req.principal->name;
    PARLEY_ASSIGN_OR_RETURN(auto report, reconcile::ReconcileLists(ws, request));
    return JsonResponse(200, reconcile::ReconcileReportJson(report, request.left, request.right));
  }());
}

ApiResponse Api::ListLinks(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::optional<store::LinkState> state;
    if (const std::string s = req.QueryParam("state"); !s.empty()) {
      auto parsed = store::ParseLinkState(s);
      if (!parsed) {
        return Fail(ErrorCode::kInvalidInput,
                    "state must be auto_accepted, needs_review, confirmed or rejected",
                    {"", 0, 0, "state"});
      }
      state = *parsed;
    }
    const std::string left = req.QueryParam("left");
    const std::string right = req.QueryParam("right");
    PARLEY_ASSIGN_OR_RETURN(std::int64_t offset, QueryInt(req, "offset", 0, INT32_MAX));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t limit,
                            QueryInt(req, "limit", kDefaultLinkPage, kMaxLinkPage));
    PARLEY_ASSIGN_OR_RETURN(std::set<std::string> visible, VisibleLists(ws, *req.principal));
    store::LinkQuery query;
    query.state = state;
    query.left_list = left;
    query.right_list = right;
    query.visible_lists = std::move(visible);  // both lists visible, decided in SQL
    query.offset = offset;
    query.limit = limit;
    PARLEY_ASSIGN_OR_RETURN(store::LinkPage page, QueryLinks(ws, query));
    nlohmann::json out = nlohmann::json::array();
    for (const store::StoredLink& l : page.links) {
      PARLEY_ASSIGN_OR_RETURN(std::int64_t version, LinkVersion(ws.db(), l.id));
      PARLEY_ASSIGN_OR_RETURN(auto shown, LinkWithRecords(ws, *req.principal, l, version));
      out.push_back(std::move(shown));
    }
    return JsonResponse(200, {{"total", page.total}, {"offset", offset}, {"links", out}});
  }());
}

ApiResponse Api::GetLink(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::int64_t id = std::stoll(req.path_params.at("id"));  // parsed by ResolveResource
    PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, ReadLink(ws, id));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t version, LinkVersion(ws.db(), id));
    PARLEY_ASSIGN_OR_RETURN(auto shown, LinkWithRecords(ws, *req.principal, link, version));
    return JsonResponse(200, shown);
  }());
}

ApiResponse Api::DecideLinkHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::int64_t id = std::stoll(req.path_params.at("id"));  // parsed by ResolveResource
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string text, RequiredString(body, "decision"));
    auto decision = store::ParseLinkDecision(text);
    if (!decision) {
      return Fail(ErrorCode::kInvalidInput, "decision must be accept or reject",
                  {"", 0, 0, "decision"});
    }
    PARLEY_ASSIGN_OR_RETURN(auto expected, OptionalInt(body, "expected_version"));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t version,
                            DecideLink(ws, id, *decision, expected, req.principal->name));
    PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, ReadLink(ws, id));
    return JsonResponse(200, LinkJson(link, version));
  }());
}

}  // namespace parley::server
