// Handlers: reconciliation runs, the review queue and decisions on links (api.h).
// Who may call them is decided in route_table.cpp (pair scopes: both lists visible, a write
// needs one of them to be the caller's own). GET /links filters by the same rule, link by
// link. Every person record returned beside a link is written to the access log, also when the
// page comes from the cache (review_page_cache.h).
#include <charconv>
#include <set>

#include "core/try.h"
#include "intake/reconcile_flow.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/share_store.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/handlers/link_review.h"
#include "server/json_shapes.h"
#include "store/read_snapshot.h"

namespace parley::server {
namespace {

constexpr std::int64_t kDefaultLinkPage = 50;
constexpr std::int64_t kMaxLinkPage = 1000;

}  // namespace

// Which lists a principal may see, by name: its own side's, the shared ones, or all for a
// mediator (the same rule as GET /lists).
Result<std::set<std::string>> LinkHandlers::VisibleLists(store::Workspace& ws,
                                                         const Principal& who) {
  PARLEY_ASSIGN_OR_RETURN(auto lists, ws.Lists());
  PARLEY_ASSIGN_OR_RETURN(auto shared_names, ListsSharedWith(ws, who.side));
  std::set<std::string> shared(shared_names.begin(), shared_names.end());
  std::set<std::string> out;
  for (const auto& v : lists) {
    if (MaySee(who, v.side, shared.contains(v.list))) out.insert(v.list);
  }
  return out;
}

Result<std::vector<std::string>> LinkHandlers::LinksWithRecords(
    store::Workspace& ws, std::span<const store::StoredLink> links,
    std::vector<std::int64_t>& record_ids) {
  for (const store::StoredLink& l : links) {
    record_ids.push_back(l.left_record_id);
    record_ids.push_back(l.right_record_id);
  }
  PARLEY_ASSIGN_OR_RETURN(auto records, record_texts_.Latest(ws, record_ids));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < links.size(); ++i) {
    out.push_back(LinkText(links[i], links[i].decisions, *records[2 * i], *records[2 * i + 1]));
  }
  return out;
}

ApiResponse LinkHandlers::Reconcile(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    intake::ReconcileRequest request;
    PARLEY_ASSIGN_OR_RETURN(request.left, RequiredString(body, "left"));
    PARLEY_ASSIGN_OR_RETURN(request.right, RequiredString(body, "right"));
    if (request.left == request.right) {
      return Fail(ErrorCode::kInvalidInput, "'left' and 'right' must be two different lists",
                  {"", 0, 0, "right"});
    }
    PARLEY_ASSIGN_OR_RETURN(auto full, OptionalBool(body, "full"));
    PARLEY_ASSIGN_OR_RETURN(auto review, OptionalNumber(body, "review_threshold", 0, 1));
    PARLEY_ASSIGN_OR_RETURN(auto accept, OptionalNumber(body, "auto_accept", 0, 1));
    PARLEY_ASSIGN_OR_RETURN(auto unique, OptionalNumber(body, "auto_accept_unique", 0, 2));
    request.full = full.value_or(false);
    request.review_threshold = review.value_or(request.review_threshold);
    request.auto_accept = accept.value_or(request.auto_accept);
    request.auto_accept_unique = intake::UniqueAcceptThreshold(accept.has_value(), unique);
    request.actor = req.principal->name;
    PARLEY_ASSIGN_OR_RETURN(auto report, intake::ReconcileLists(ws, request));
    return JsonResponse(200, intake::ReconcileReportJson(report, request.left, request.right));
  }());
}

namespace {

// The filters and page of GET /links (without the caller's visible lists).
Result<store::LinkQuery> LinkQueryOf(const ApiRequest& req) {
  store::LinkQuery query;
  if (const std::string s = req.QueryParam("state"); !s.empty()) {
    auto parsed = store::ParseLinkState(s);
    if (!parsed) {
      return Fail(ErrorCode::kInvalidInput,
                  "state must be auto_accepted, needs_review, confirmed or rejected",
                  {"", 0, 0, "state"});
    }
    query.state = *parsed;
  }
  query.left_list = req.QueryParam("left");
  query.right_list = req.QueryParam("right");
  PARLEY_ASSIGN_OR_RETURN(query.min_probability, QueryProbability(req, "min_probability"));
  PARLEY_ASSIGN_OR_RETURN(query.max_probability, QueryProbability(req, "max_probability"));
  PARLEY_ASSIGN_OR_RETURN(query.offset, QueryInt(req, "offset", 0, INT32_MAX));
  PARLEY_ASSIGN_OR_RETURN(query.limit, QueryInt(req, "limit", kDefaultLinkPage, kMaxLinkPage));
  return query;
}

// What a cached page is stored under: the caller's side decides what it may see. Each part is
// length-prefixed, so no choice of list names can make two queries share a key.
std::string ReviewPageKey(const std::string& side, const store::LinkQuery& q) {
  std::string key;
  for (std::string_view part :
       {std::string_view(side), q.state ? store::LinkStateName(*q.state) : std::string_view(),
        std::string_view(q.left_list), std::string_view(q.right_list)}) {
    key += std::to_string(part.size()) + ':' + std::string(part) + ';';
  }
  for (const std::optional<double>& edge : {q.min_probability, q.max_probability}) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, edge.value_or(-1));
    key += std::string(text, ec == std::errc() ? end : text) + ';';
  }
  return key + std::to_string(q.offset) + ';' + std::to_string(q.limit);
}

}  // namespace

Result<ReviewPageCache::Page> LinkHandlers::BuildReviewPage(store::Workspace& ws,
                                                            const store::LinkQuery& query) {
  PARLEY_ASSIGN_OR_RETURN(store::LinkPage links, QueryLinks(ws, query));
  auto page = std::make_shared<ReviewPage>();
  PARLEY_ASSIGN_OR_RETURN(auto shown, LinksWithRecords(ws, links.links, page->record_ids));
  // Assembled as text: the records are cached JSON texts (record_json_cache.h).
  page->body = R"({"links":[)";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i > 0) page->body += ',';
    page->body += shown[i];
  }
  page->body += R"(],"offset":)" + std::to_string(query.offset) + R"(,"total":)" +
                std::to_string(links.total) + "}";
  return page;
}

ApiResponse LinkHandlers::ListLinks(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(store::LinkQuery query, LinkQueryOf(req));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t generation, store::ReviewQueueGeneration(ws));
    const std::string key = ReviewPageKey(req.principal->side, query);
    ReviewPageCache::Page page = review_pages_.Find(key, generation);
    if (!page) {
      // Built in one snapshot with the counter it is kept under, so the page is exactly the
      // state that counter names.
      store::ReadSnapshot snapshot(ws);
      PARLEY_TRY(snapshot.Begin());
      PARLEY_ASSIGN_OR_RETURN(generation, store::ReviewQueueGeneration(ws));
      PARLEY_ASSIGN_OR_RETURN(query.visible_lists, VisibleLists(ws, *req.principal));
      PARLEY_ASSIGN_OR_RETURN(page, BuildReviewPage(ws, query));
      review_pages_.Store(key, generation, page);
    }
    access_log_.Record(req.principal->name, page->record_ids, "review");
    return JsonTextResponse(200, page->body);
  }());
}

ApiResponse LinkHandlers::GetLink(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::int64_t id = std::stoll(req.path_params.at("id"));  // parsed by ResolveResource
    PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, ReadLink(ws, id));
    std::vector<std::int64_t> record_ids;
    PARLEY_ASSIGN_OR_RETURN(auto shown, LinksWithRecords(ws, {&link, 1}, record_ids));
    access_log_.Record(req.principal->name, record_ids, "review");
    return JsonTextResponse(200, std::move(shown.front()));
  }());
}

ApiResponse LinkHandlers::DecideLinkHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::int64_t id = std::stoll(req.path_params.at("id"));  // parsed by ResolveResource
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string text, RequiredString(body, "decision"));
    auto decision = store::ParseLinkDecision(text);
    if (!decision) {
      return Fail(ErrorCode::kInvalidInput, "decision must be accept, reject, unsure, undo or note",
                  {"", 0, 0, "decision"});
    }
    PARLEY_ASSIGN_OR_RETURN(auto expected, OptionalInt(body, "expected_version"));
    PARLEY_ASSIGN_OR_RETURN(auto note, OptionalString(body, "note"));
    PARLEY_ASSIGN_OR_RETURN(
        std::int64_t version,
        DecideLink(ws, id, *decision, expected, req.principal->name, note.value_or("")));
    PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, ReadLink(ws, id));
    return JsonResponse(200, LinkJson(link, version));
  }());
}

ApiResponse LinkHandlers::ListLinkDecisions(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::int64_t id = std::stoll(req.path_params.at("id"));  // parsed by ResolveResource
    PARLEY_ASSIGN_OR_RETURN(auto decisions, LinkDecisions(ws, id));
    nlohmann::json out = nlohmann::json::array();
    for (const store::RecordedDecision& d : decisions) out.push_back(DecisionJson(d));
    return JsonResponse(200, {{"link_id", id}, {"decisions", std::move(out)}});
  }());
}

}  // namespace parley::server
