// Handlers: the OpenAPI document, health, and signing in and out (api.h).
#include "core/try.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/csrf.h"
#include "server/auth/user_store.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/json_shapes.h"
#include "server/openapi.h"
#include "server/route_table.h"
#include "store/migrations.h"

namespace parley::server {
namespace {

constexpr std::chrono::seconds kCookieLifetime = std::chrono::hours(12);

}  // namespace

std::string SessionHandlers::SessionCookie(std::string_view value, bool http_only,
                                           std::chrono::seconds max_age) const {
  std::string c =
      std::string(value) + "; Path=/; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
  if (http_only) c += "; HttpOnly";
  if (options_.secure_cookies) c += "; Secure";
  return c;
}

ApiResponse SessionHandlers::GetOpenApi(ApiRequest&, store::Workspace&) {
  ApiResponse r;
  r.body = OpenApiDocument();
  return r;
}

ApiResponse SessionHandlers::GetHealth(ApiRequest&, store::Workspace& ws) {
  auto version = store::SchemaVersion(ws);
  if (!version) return ErrorResponse(version.error());
  return JsonResponse(200, {{"status", "ok"}, {"schema_version", *version}});
}

ApiResponse SessionHandlers::Login(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string name, RequiredString(body, "name"));
    PARLEY_ASSIGN_OR_RETURN(std::string password, RequiredString(body, "password"));
    auto now = LoginRateLimiter::Clock::now();
    if (auto wait = limiter_.RetryAfter(name, req.remote_addr, now)) {
      ApiResponse r = HttpError(
          429, "rate_limited",
          "too many failed sign-ins; try again in " + std::to_string(wait->count()) + " s");
      r.headers.emplace_back("Retry-After", std::to_string(wait->count()));
      return r;
    }
    auto user = CheckPassword(ws, name, password);
    if (!user) {
      if (user.error().code != ErrorCode::kInvalidInput) return std::unexpected(user.error());
      limiter_.RecordFailure(name, req.remote_addr, now);
      return HttpError(401, "unauthenticated", "wrong user name or password");
    }
    limiter_.RecordSuccess(name, req.remote_addr);
    PARLEY_ASSIGN_OR_RETURN(NewSession s, CreateSession(ws, user->id));
    ApiResponse r = JsonResponse(200, {{"user", UserJson(*user)}, {"csrf_token", s.csrf_token}});
    r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" +
                                             SessionCookie(s.id, true, kCookieLifetime));
    r.headers.emplace_back("Set-Cookie", std::string(kCsrfCookie) + "=" +
                                             SessionCookie(s.csrf_token, false, kCookieLifetime));
    return r;
  }());
}

namespace {

// GET /session's answer: the signed-in user, how they signed in, and what their role may call,
// from the one table that decides it, so that the browser UI offers exactly those actions (the
// side of each resource is still checked per call).
nlohmann::json SessionJson(const User& user, const Principal& who) {
  nlohmann::json out = {{"user", UserJson(user)}, {"via", who.via_cookie ? "cookie" : "token"}};
  if (who.via_cookie) out["csrf_token"] = who.csrf_token;
  nlohmann::json operations = nlohmann::json::array();
  for (const Route& route : RouteTable()) {
    if (route.scope != Scope::kPublic && route.roles.Has(who.role)) {
      operations.push_back(route.operation_id);
    }
  }
  out["operations"] = std::move(operations);
  return out;
}

}  // namespace

ApiResponse SessionHandlers::GetSession(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(User u, FindUserById(ws, req.principal->user_id));
    return JsonResponse(200, SessionJson(u, *req.principal));
  }());
}

// The signed-in user's own interface language; answers as GET /session does.
ApiResponse SessionHandlers::PutLanguage(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string language, RequiredString(body, "language"));
    PARLEY_ASSIGN_OR_RETURN(User u, SetLanguage(ws, req.principal->user_id, language));
    return JsonResponse(200, SessionJson(u, *req.principal));
  }());
}

ApiResponse SessionHandlers::Logout(ApiRequest& req, store::Workspace& ws) {
  std::string cookie = req.Header("cookie");
  std::size_t at = cookie.find(std::string(kSessionCookie) + "=");
  if (at != std::string::npos) {
    std::size_t start = at + kSessionCookie.size() + 1;
    std::size_t end = cookie.find(';', start);
    auto ended = EndSession(ws, cookie.substr(start, end == std::string::npos ? end : end - start));
    if (!ended) return ErrorResponse(ended.error());
  }
  ApiResponse r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" +
                                           SessionCookie("", true, std::chrono::seconds(0)));
  r.headers.emplace_back("Set-Cookie", std::string(kCsrfCookie) + "=" +
                                           SessionCookie("", false, std::chrono::seconds(0)));
  return r;
}

}  // namespace parley::server
