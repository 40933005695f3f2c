// Handlers: users and API tokens (api.h). Who may call them is decided in route_table.cpp.
#include <charconv>

#include "core/try.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/user_store.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/json_shapes.h"

namespace parley::server {
namespace {

Result<std::int64_t> TokenId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 1) {
    return Fail(ErrorCode::kInvalidInput, "'" + text + "' is not an API token id",
                {"", 0, 0, "token"});
  }
  return id;
}

}  // namespace

ApiResponse UserHandlers::ListUsersHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto users, ListUsers(ws));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : users) {
      if (MaySee(*req.principal, u.side, false)) out.push_back(UserJson(u));
    }
    return JsonResponse(200, {{"users", out}});
  }());
}

ApiResponse UserHandlers::CreateUser(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    NewUser u;
    PARLEY_ASSIGN_OR_RETURN(u.name, RequiredString(body, "name"));
    PARLEY_ASSIGN_OR_RETURN(std::string role, RequiredString(body, "role"));
    PARLEY_ASSIGN_OR_RETURN(u.role, ParseRole(role));
    PARLEY_ASSIGN_OR_RETURN(u.side, RequiredString(body, "side"));
    PARLEY_ASSIGN_OR_RETURN(std::string password, RequiredString(body, "password"));
    PARLEY_ASSIGN_OR_RETURN(User saved, AddUser(ws, u, password));
    return JsonResponse(201, UserJson(saved));
  }());
}

ApiResponse UserHandlers::UpdateUserHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t version, RequiredInt(body, "version"));
    UserChange change;
    PARLEY_ASSIGN_OR_RETURN(auto role, OptionalString(body, "role"));
    if (role) {
      PARLEY_ASSIGN_OR_RETURN(change.role, ParseRole(*role));
    }
    PARLEY_ASSIGN_OR_RETURN(change.side, OptionalString(body, "side"));
    PARLEY_ASSIGN_OR_RETURN(change.disabled, OptionalBool(body, "disabled"));
    PARLEY_ASSIGN_OR_RETURN(change.password, OptionalString(body, "password"));
    PARLEY_ASSIGN_OR_RETURN(User saved,
                            UpdateUser(ws, req.path_params.at("name"), version, change));
    // A changed role, side, password or a disabled account takes effect at once: UpdateUser
    // ended the user's sessions in its transaction, and no cached token lookup survives.
    tokens_.Clear();
    return JsonResponse(200, UserJson(saved));
  }());
}

ApiResponse UserHandlers::CreateTokenHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string& name = req.path_params.at("name");
    PARLEY_ASSIGN_OR_RETURN(IssuedToken issued, IssueToken(ws, name));
    nlohmann::json out = TokenJson(name, issued.token);
    out["token"] = issued.secret;  // the only time the secret is sent
    return JsonResponse(201, out);
  }());
}

ApiResponse UserHandlers::ListTokensHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string& name = req.path_params.at("name");
    PARLEY_ASSIGN_OR_RETURN(std::vector<ApiToken> tokens, ListTokens(ws, name));
    nlohmann::json out = nlohmann::json::array();
    for (const ApiToken& t : tokens) out.push_back(TokenJson(name, t));
    return JsonResponse(200, {{"user", name}, {"tokens", out}});
  }());
}

ApiResponse UserHandlers::RevokeTokenHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string& name = req.path_params.at("name");
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, TokenId(req.path_params.at("token")));
    PARLEY_ASSIGN_OR_RETURN(ApiToken revoked, RevokeToken(ws, name, id));
    // The revoked token stops on the next request: no cached lookup survives.
    tokens_.Clear();
    return JsonResponse(200, TokenJson(name, revoked));
  }());
}

}  // namespace parley::server
