// parley/server/api.h — the JSON API under /api/v1, independent of the HTTP transport.
//
// Contract: Handle() answers every request. In order it: matches the route table (404/405),
// enforces body limits (413: kMaxJsonBody for JSON, kMaxUploadBody for uploads: multipart
// forms and application/octet-stream bodies),
// authenticates (Bearer API token, else the session cookie), resolves the side of the list,
// record or user the route touches, asks route_table.h's Authorize (401/403), checks CSRF for
// cookie sessions (403 csrf_failed), and only then runs the route's handler with a pooled
// workspace connection: the matched row's handler (route_table.h, api_handlers.h). Handlers
// never decide who may call them. A 403 names no data of the other side. Every person record
// a handler returns is written to the access log.
//
// Why transport-free: the authorisation matrix, CSRF, 409 and rate-limit behaviour are tested
// by calling Handle() directly, thousands of cases in milliseconds, and the same object
// serves HTTP and HTTPS (http_server.h).
//
//   Api api(std::move(pool), std::move(access_log_workspace), options);
//   ApiResponse res = api.Handle(request);
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/access_log.h"
#include "server/api_types.h"
#include "server/auth/login_rate_limiter.h"
#include "server/auth/session_store.h"
#include "server/auth/share_store.h"
#include "server/auth/token_cache.h"
#include "server/caches/record_json_cache.h"
#include "server/caches/review_page_cache.h"
#include "server/handlers/handler_context.h"
#include "server/http/workspace_pool.h"
#include "server/request_parsing.h"
#include "server/route_table.h"

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
  // Writes the queued access-log rows and stops its thread (graceful shutdown).
  void Close();

  AccessLog& access_log() { return access_log_; }
  LoginRateLimiter& rate_limiter() { return limiter_; }

 private:
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

  std::unique_ptr<WorkspacePool> pool_;
  AccessLog access_log_;
  ApiOptions options_;
  LoginRateLimiter limiter_;
  TokenCache tokens_;
  RecordJsonCache record_texts_{kCachedRecordVersions};
  ReviewPageCache review_pages_{kCachedReviewPages};
  // What the handlers reach of the above; declared last, so that it is built after them.
  HandlerContext context_{access_log_, options_, limiter_, tokens_, record_texts_, review_pages_};
};

}  // namespace parley::server
