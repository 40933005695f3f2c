// parley/server/handlers/handlers.h — the API's handlers, one area a class, one route a method.
//
// Contract: a handler answers one route of route_table.cpp for a request that the Api has
// already matched, size-checked, authenticated, authorised and CSRF-checked (api.h); it never
// decides who may call it. It gets the request (with `principal` and `path_params` filled in)
// and a pooled workspace connection, and reaches the Api's long-lived state through the
// HandlerContext it derives from. Each area's methods are defined in the api_*.cpp file named
// beside it; the route table binds each route to its method with Call<>.
//
// Why an area is a class: its handlers share helpers (the session cookie, the review queue's
// page builder) that belong to no other area, and each handler reaches the context by member
// name. An area holds nothing but the context, so Call<> builds one per request.
//
//   {"GET", "/api/v1/lists/{list}", "getList", Scope::kListRead, RoleSet::All(),
//    Call<&ListHandlers::GetList>},
#pragma once

#include <chrono>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "server/api_types.h"
#include "server/auth/principal.h"
#include "server/caches/review_page_cache.h"
#include "server/handlers/handler_context.h"
#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::server {

// The OpenAPI document, health, and signing in and out (api_session.cpp).
class SessionHandlers : public HandlerContext {
 public:
  ApiResponse GetOpenApi(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetHealth(ApiRequest& req, store::Workspace& ws);
  ApiResponse Login(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetSession(ApiRequest& req, store::Workspace& ws);
  ApiResponse PutLanguage(ApiRequest& req, store::Workspace& ws);
  ApiResponse Logout(ApiRequest& req, store::Workspace& ws);

 private:
  [[nodiscard]] std::string SessionCookie(std::string_view value, bool http_only,
                                          std::chrono::seconds max_age) const;
};

// Users and API tokens (api_users.cpp).
class UserHandlers : public HandlerContext {
 public:
  ApiResponse ListUsersHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse CreateUser(ApiRequest& req, store::Workspace& ws);
  ApiResponse UpdateUserHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse CreateTokenHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListTokensHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse RevokeTokenHandler(ApiRequest& req, store::Workspace& ws);
};

// Lists, their versions, uploads, exports and shares (api_lists.cpp).
class ListHandlers : public HandlerContext {
 public:
  ApiResponse ListLists(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetList(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListVersions(ApiRequest& req, store::Workspace& ws);
  ApiResponse UploadListVersion(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListRecords(ApiRequest& req, store::Workspace& ws);
  ApiResponse ExportList(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListChangesHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListSharesHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse PutShare(ApiRequest& req, store::Workspace& ws);
};

// Person records, interviews, handovers, the access log and integrity (api_records.cpp).
class RecordHandlers : public HandlerContext {
 public:
  ApiResponse GetRecord(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetRecordHistory(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetInterview(ApiRequest& req, store::Workspace& ws);
  ApiResponse PutInterview(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListHandovers(ApiRequest& req, store::Workspace& ws);
  ApiResponse AppendHandoverHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetAccessLog(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListAccessLog(ApiRequest& req, store::Workspace& ws);
  ApiResponse CheckIntegrityHandler(ApiRequest& req, store::Workspace& ws);
};

// The ledger, a record's events and bundles (api_ledger.cpp).
class LedgerHandlers : public HandlerContext {
 public:
  ApiResponse GetLedger(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLedgerEntries(ApiRequest& req, store::Workspace& ws);
  ApiResponse VerifyLedger(ApiRequest& req, store::Workspace& ws);
  ApiResponse ExportBundleHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ImportBundleHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse VerifyBundleHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetRecordEvents(ApiRequest& req, store::Workspace& ws);
};

// Reconciliation runs, the review queue and link decisions (api_links.cpp).
class LinkHandlers : public HandlerContext {
 public:
  ApiResponse Reconcile(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLinks(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetLink(ApiRequest& req, store::Workspace& ws);
  ApiResponse DecideLinkHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLinkDecisions(ApiRequest& req, store::Workspace& ws);

 private:
  // Names of the lists `who` may see.
  [[nodiscard]] Result<std::set<std::string>> VisibleLists(store::Workspace& ws,
                                                           const Principal& who);
  // Each link with both records, as JSON texts; appends the records' IDs to `record_ids` (the
  // caller writes them to the access log).
  [[nodiscard]] Result<std::vector<std::string>> LinksWithRecords(
      store::Workspace& ws, std::span<const store::StoredLink> links,
      std::vector<std::int64_t>& record_ids);
  // A page of the review queue (`query` with the caller's visible lists), built from the store.
  [[nodiscard]] Result<ReviewPageCache::Page> BuildReviewPage(store::Workspace& ws,
                                                              const store::LinkQuery& query);
};

// Agreements: drafts, validation, signatures (api_agreements.cpp).
class AgreementHandlers : public HandlerContext {
 public:
  ApiResponse ListAgreementsHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse AddAgreementHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ValidateAgreement(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetAgreement(ApiRequest& req, store::Workspace& ws);
  ApiResponse SignAgreementHandler(ApiRequest& req, store::Workspace& ws);
};

// Plans: proposals, counters, repairs, progress, acceptance and signatures (api_plans.cpp).
class PlanHandlers : public HandlerContext {
 public:
  ApiResponse ListPlansHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ProposePlanHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetPlan(ApiRequest& req, store::Workspace& ws);
  ApiResponse ExplainPlan(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetPlanProgress(ApiRequest& req, store::Workspace& ws);
  ApiResponse CheckPlan(ApiRequest& req, store::Workspace& ws);
  ApiResponse CounterPlanHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse RepairPlanHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse AcceptPlan(ApiRequest& req, store::Workspace& ws);
  ApiResponse SignPlan(ApiRequest& req, store::Workspace& ws);
};

namespace internal {
template <class Method>
struct AreaOf;
template <class Area>
struct AreaOf<ApiResponse (Area::*)(ApiRequest&, store::Workspace&)> {
  using type = Area;
};
}  // namespace internal

// The route's handler as route_table.h stores it: builds the method's area over the context
// (an area is an aggregate of its HandlerContext) and calls the method.
template <auto kMethod>
ApiResponse Call(HandlerContext& context, ApiRequest& req, store::Workspace& ws) {
  typename internal::AreaOf<decltype(kMethod)>::type area{context};
  return (area.*kMethod)(req, ws);
}

}  // namespace parley::server
