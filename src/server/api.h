// parley/server/api.h — the JSON API under /api/v1, independent of the HTTP transport.
//
// Contract: Handle() answers every request. In order it: matches the route table (404/405),
// enforces body limits (413: kMaxJsonBody for JSON, kMaxUploadBody for uploads: multipart
// forms and application/octet-stream bodies),
// authenticates (Bearer API token, else the session cookie), resolves the side of the list,
// record or user the route touches, asks route_table.h's Authorize (401/403), checks CSRF for
// cookie sessions (403 csrf_failed), and only then runs the route's handler with a pooled
// workspace connection. Handlers never decide who may call them. A 403 names no data of the
// other side. Every person record a handler returns is written to the access log.
//
// Why transport-free: the authorisation matrix, CSRF, 409 and rate-limit behaviour are tested
// by calling Handle() directly, thousands of cases in milliseconds, and the same object
// serves HTTP and HTTPS (http_server.h).
//
//   Api api(std::move(pool), std::move(access_log_workspace), options);
//   ApiResponse res = api.Handle(request);
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "server/access_log.h"
#include "server/api_types.h"
#include "server/login_rate_limiter.h"
#include "server/record_json_cache.h"
#include "server/review_page_cache.h"
#include "server/route_table.h"
#include "server/session_store.h"
#include "server/share_store.h"
#include "server/token_cache.h"
#include "server/workspace_pool.h"
#include "store/link_store.h"

namespace parley::server {

inline constexpr std::size_t kMaxJsonBody = 1 << 20;     // 1 MiB
inline constexpr std::size_t kMaxUploadBody = 64 << 20;  // 64 MiB
inline constexpr std::string_view kSessionCookie = "parley_session";
// Record versions whose JSON text the server keeps (about 1 KB each).
inline constexpr std::size_t kCachedRecordVersions = 100'000;
// Review-queue pages the server keeps (review_page_cache.h; about 80 KB each).
inline constexpr std::size_t kCachedReviewPages = 256;

struct ApiOptions {
  bool secure_cookies = false;  // true under TLS: cookies get the Secure attribute
};

class Api {
 public:
  Api(std::unique_ptr<WorkspacePool> pool, store::Workspace access_log_workspace,
      ApiOptions options);

  [[nodiscard]] ApiResponse Handle(ApiRequest& request);
  // True when the route with this operation id has a handler (tested for every route).
  [[nodiscard]] static bool HasHandler(std::string_view operation_id);
  // Writes the queued access-log rows and stops its thread (graceful shutdown).
  void Close();

  AccessLog& access_log() { return access_log_; }
  LoginRateLimiter& rate_limiter() { return limiter_; }

 private:
  using Handler = ApiResponse (Api::*)(ApiRequest&, store::Workspace&);
  struct HandlerEntry {
    std::string_view operation_id;
    Handler handler;
  };
  static const std::vector<HandlerEntry>& Handlers();

  [[nodiscard]] Result<std::optional<Principal>> Authenticate(const ApiRequest& req,
                                                              store::Workspace& ws);
  [[nodiscard]] Result<std::optional<ResourceSide>> ResolveResource(const Route& route,
                                                                    const ApiRequest& req,
                                                                    store::Workspace& ws);
  [[nodiscard]] bool Visible(store::Workspace& ws, const Principal& who, std::int64_t list_id,
                             const std::string& side);
  [[nodiscard]] Result<std::optional<ResourceSide>> ResolveParty(const ApiRequest& req,
                                                                 store::Workspace& ws);
  [[nodiscard]] ResourceSide PairSide(store::Workspace& ws, const Principal& who,
                                      const ListOwner& left, const ListOwner& right);
  // Names of the lists `who` may see (api_links.cpp).
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
  [[nodiscard]] std::string SessionCookie(std::string_view value, bool http_only,
                                          std::chrono::seconds max_age) const;

  // Handlers, one per route (api_session.cpp, api_users.cpp, api_lists.cpp, api_records.cpp,
  // api_links.cpp).
  ApiResponse GetOpenApi(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetHealth(ApiRequest& req, store::Workspace& ws);
  ApiResponse Login(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetSession(ApiRequest& req, store::Workspace& ws);
  ApiResponse Logout(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListUsersHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse CreateUser(ApiRequest& req, store::Workspace& ws);
  ApiResponse UpdateUserHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse CreateTokenHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLists(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetList(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListVersions(ApiRequest& req, store::Workspace& ws);
  ApiResponse UploadListVersion(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListRecords(ApiRequest& req, store::Workspace& ws);
  ApiResponse ExportList(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListSharesHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse PutShare(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetRecord(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetRecordHistory(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetInterview(ApiRequest& req, store::Workspace& ws);
  ApiResponse PutInterview(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListHandovers(ApiRequest& req, store::Workspace& ws);
  ApiResponse AppendHandoverHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetAccessLog(ApiRequest& req, store::Workspace& ws);
  ApiResponse CheckIntegrityHandler(ApiRequest& req, store::Workspace& ws);
  // The ledger and bundles (api_ledger.cpp).
  ApiResponse GetLedger(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLedgerEntries(ApiRequest& req, store::Workspace& ws);
  ApiResponse VerifyLedger(ApiRequest& req, store::Workspace& ws);
  ApiResponse ExportBundleHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ImportBundleHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetRecordEvents(ApiRequest& req, store::Workspace& ws);
  // api_links.cpp
  ApiResponse Reconcile(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListLinks(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetLink(ApiRequest& req, store::Workspace& ws);
  ApiResponse DecideLinkHandler(ApiRequest& req, store::Workspace& ws);
  // api_agreements.cpp
  ApiResponse ListAgreementsHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse AddAgreementHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ValidateAgreement(ApiRequest& req, store::Workspace& ws);
  ApiResponse GetAgreement(ApiRequest& req, store::Workspace& ws);
  ApiResponse SignAgreementHandler(ApiRequest& req, store::Workspace& ws);
  // api_plans.cpp
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

  std::unique_ptr<WorkspacePool> pool_;
  AccessLog access_log_;
  ApiOptions options_;
  LoginRateLimiter limiter_;
  TokenCache tokens_;
  RecordJsonCache record_texts_{kCachedRecordVersions};
  ReviewPageCache review_pages_{kCachedReviewPages};
};

// Parses a JSON request body: kInvalidInput naming the problem when it is not a JSON object.
[[nodiscard]] Result<nlohmann::json> ParseJsonObject(std::string_view body);
// The query parameter `name` as a number in [0, max] (`fallback` when absent); kInvalidInput
// naming the parameter otherwise.
[[nodiscard]] Result<std::int64_t> QueryInt(const ApiRequest& req, const char* name,
                                            std::int64_t fallback, std::int64_t max);

}  // namespace parley::server
