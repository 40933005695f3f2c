// Handlers: users and API tokens (api.h). Who may call them is decided in route_table.cpp.
#include "core/try.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/user_store.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/json_shapes.h"

namespace parley::server {

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
    PARLEY_ASSIGN_OR_RETURN(std::string token, CreateToken(ws, req.path_params.at("name")));
    return JsonResponse(201, {{"user", req.path_params.at("name")}, {"token", token}});
  }());
}

}  // namespace parley::server
