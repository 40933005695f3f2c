// The request pipeline of api.h: route, limits, authentication, authorisation, CSRF, handler.
#include "server/api.h"

#include <algorithm>
#include <exception>
#include <iostream>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/plan_negotiation.h"
#include "server/api_error.h"
#include "server/auth/csrf.h"
#include "server/auth/secret_token.h"
#include "server/auth/share_store.h"
#include "server/auth/user_store.h"
#include "server/handlers/json_fields.h"
#include "server/handlers/link_review.h"
#include "server/openapi.h"
#include "server/request_parsing.h"

namespace parley::server {
namespace {

bool IsMultipart(const ApiRequest& req) {
  return req.Header("content-type").starts_with("multipart/form-data");
}

// Files (list uploads, bundles) get the upload limit; everything else is JSON.
bool IsUpload(const ApiRequest& req) {
  return IsMultipart(req) || req.Header("content-type").starts_with("application/octet-stream");
}

}  // namespace

Api::Api(std::unique_ptr<WorkspacePool> pool, store::Workspace access_log_workspace,
         ApiOptions options)
    : pool_(std::move(pool)),
      access_log_(std::move(access_log_workspace)),
      options_(std::move(options)) {
  // Built now rather than on the first GET, so that a route without its documentation stops
  // the server at start (openapi.h) instead of at a client's request.
  static_cast<void>(OpenApiDocument());
}

void Api::Close() { access_log_.Close(); }

Result<std::optional<Principal>> Api::Authenticate(const ApiRequest& req, store::Workspace& ws) {
  std::string auth = req.Header("authorization");
  if (auth.starts_with("Bearer ")) {
    const std::string_view token = std::string_view(auth).substr(7);
    const std::string digest = TokenDigest(token);
    if (auto cached = tokens_.Find(digest)) return cached;
    const std::uint64_t generation = tokens_.Generation();
    auto user = FindUserByToken(ws, token);
    if (!user) {
      if (user.error().code == ErrorCode::kNotFound) return std::optional<Principal>{};
      return std::unexpected(user.error());
    }
    Principal who{user->id, user->name, user->role, user->side, false, {}};
    tokens_.Put(digest, who, generation);
    return std::optional<Principal>{std::move(who)};
  }
  std::string cookie = CookieValue(req.Header("cookie"), kSessionCookie);
  PARLEY_ASSIGN_OR_RETURN(auto session, FindSession(ws, cookie));
  if (!session) return std::optional<Principal>{};
  auto user = FindUserById(ws, session->user_id);
  if (!user || user->disabled) return std::optional<Principal>{};
  return std::optional<Principal>{
      Principal{user->id, user->name, user->role, user->side, true, session->csrf_token}};
}

bool Api::Visible(store::Workspace& ws, const Principal& who, std::int64_t list_id,
                  const std::string& side) {
  if (MaySee(who, side, false)) return true;
  auto shared = IsSharedWith(ws, list_id, who.side);
  return shared && *shared;
}

Result<std::optional<ResourceSide>> Api::ResolveResource(const Route& route, const ApiRequest& req,
                                                         store::Workspace& ws) {
  const Principal& who = *req.principal;
  auto param = [&](const char* name) {
    auto it = req.path_params.find(name);
    return it == req.path_params.end() ? std::string() : it->second;
  };
  switch (route.scope) {
    case Scope::kPublic:
    case Scope::kSignedIn:
      return std::optional<ResourceSide>{};
    case Scope::kListRead:
    case Scope::kListWrite: {
      auto owner = FindListOwner(ws, param("list"));
      if (!owner) {
        // A new list: it will belong to the side named in the upload form.
        if (owner.error().code == ErrorCode::kNotFound && route.scope == Scope::kListWrite &&
            IsMultipart(req)) {
          return std::optional<ResourceSide>{ResourceSide{req.Part("side"), false}};
        }
        return std::unexpected(owner.error());
      }
      bool shared =
          route.scope == Scope::kListRead && Visible(ws, who, owner->list_id, owner->side);
      return std::optional<ResourceSide>{ResourceSide{owner->side, shared}};
    }
    case Scope::kRecordRead:
    case Scope::kRecordWrite: {
      PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(param("id"), "id"));
      PARLEY_ASSIGN_OR_RETURN(ListOwner owner, FindRecordOwner(ws, id));
      bool shared =
          route.scope == Scope::kRecordRead && Visible(ws, who, owner.list_id, owner.side);
      return std::optional<ResourceSide>{ResourceSide{owner.side, shared}};
    }
    case Scope::kUserWrite: {
      std::optional<std::string> body_side;
      if (auto body = ParseJsonObject(req.body);
          body && body->contains("side") && (*body)["side"].is_string()) {
        body_side = (*body)["side"].get<std::string>();
      }
      std::string owner;
      if (std::string name = param("name"); !name.empty()) {
        PARLEY_ASSIGN_OR_RETURN(User target, FindUser(ws, name));
        owner = target.side;
        if (body_side && *body_side != who.side) owner = *body_side;
      } else if (body_side) {
        owner = *body_side;
      } else {
        return Fail(ErrorCode::kInvalidInput, "the user's side is needed", {"", 0, 0, "side"});
      }
      return std::optional<ResourceSide>{ResourceSide{owner, false}};
    }
    case Scope::kPairWrite: {
      PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
      PARLEY_ASSIGN_OR_RETURN(std::string left, RequiredString(body, "left"));
      PARLEY_ASSIGN_OR_RETURN(std::string right, RequiredString(body, "right"));
      PARLEY_ASSIGN_OR_RETURN(ListOwner left_owner, FindListOwner(ws, left));
      PARLEY_ASSIGN_OR_RETURN(ListOwner right_owner, FindListOwner(ws, right));
      return std::optional<ResourceSide>{PairSide(ws, who, left_owner, right_owner)};
    }
    case Scope::kLinkRead:
    case Scope::kLinkWrite: {
      PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(param("id"), "id"));
      PARLEY_ASSIGN_OR_RETURN(LinkOwners owners, FindLinkOwners(ws, id));
      return std::optional<ResourceSide>{PairSide(ws, who, owners.left, owners.right)};
    }
    case Scope::kPlanRead:
    case Scope::kPlanWrite: {
      if (std::string plan = param("plan"); !plan.empty()) {
        PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(plan, "plan"));
        PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, id));
        return std::optional<ResourceSide>{ResourceSide{info.side_a, false, info.side_b, false}};
      }
      PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
      PARLEY_ASSIGN_OR_RETURN(std::string side_a, RequiredString(body, "side_a"));
      PARLEY_ASSIGN_OR_RETURN(std::string side_b, RequiredString(body, "side_b"));
      return std::optional<ResourceSide>{ResourceSide{side_a, false, side_b, false}};
    }
    case Scope::kPlanSideRead: {
      // One party's paper of a plan: the side it names must be the caller's (or a mediator).
      PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(param("plan"), "plan"));
      PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, id));
      auto side = negotiation::ParsePlanSide(info, req.QueryParam("side"));
      if (!side) {
        return Fail(
            ErrorCode::kInvalidInput,
            "name the party: ?side=a (" + info.side_a + ") or ?side=b (" + info.side_b + ")",
            {"", 0, 0, "side"});
      }
      return std::optional<ResourceSide>{
          ResourceSide{*side == rules::Side::kA ? info.side_a : info.side_b, false}};
    }
    case Scope::kPartyWrite:
      return ResolveParty(req, ws);
  }
  return std::optional<ResourceSide>{};
}

// The side a signer acts for: the body's `party` ("a", "b", or the party as the plan or the
// agreement names it); for a plan without one, the caller's own side.
Result<std::optional<ResourceSide>> Api::ResolveParty(const ApiRequest& req, store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
  PARLEY_ASSIGN_OR_RETURN(auto party, OptionalString(body, "party"));
  PARLEY_ASSIGN_OR_RETURN(auto version, OptionalInt(body, "agreement_version"));
  if (auto plan = req.path_params.find("plan"); plan != req.path_params.end()) {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(plan->second, "plan"));
    PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, id));
    auto side = negotiation::ParsePlanSide(info, party.value_or(req.principal->side));
    if (!side) {
      return Fail(
          ErrorCode::kInvalidInput,
          "say which party you act for: party a (" + info.side_a + ") or b (" + info.side_b + ")",
          {"", 0, 0, "party"});
    }
    return std::optional<ResourceSide>{
        ResourceSide{*side == rules::Side::kA ? info.side_a : info.side_b, false}};
  }
  PARLEY_ASSIGN_OR_RETURN(auto agreement,
                          negotiation::FindAgreement(ws, req.path_params.at("name"), version));
  if (!party) {
    return Fail(ErrorCode::kInvalidInput,
                "say which party you sign for: a (" + agreement.party_a + ") or b (" +
                    agreement.party_b + ")",
                {"", 0, 0, "party"});
  }
  PARLEY_ASSIGN_OR_RETURN(rules::Side side, negotiation::ParsePartySide(agreement, *party));
  return std::optional<ResourceSide>{ResourceSide{negotiation::ActingSide(agreement, side), false}};
}

// Shares count for both reads and writes of a pair: a party reconciles its own list against
// the list the other party shared with it (route_table.h).
ResourceSide Api::PairSide(store::Workspace& ws, const Principal& who, const ListOwner& left,
                           const ListOwner& right) {
  return ResourceSide{left.side, Visible(ws, who, left.list_id, left.side), right.side,
                      Visible(ws, who, right.list_id, right.side)};
}

ApiResponse Api::Handle(ApiRequest& req) {
  try {
    bool method_mismatch = false;
    auto match = MatchRoute(req.method, req.path, &method_mismatch);
    if (!match) {
      return method_mismatch
                 ? HttpError(405, "method_not_allowed", "this path does not accept " + req.method)
                 : HttpError(404, "not_found", "no such API route: " + req.path);
    }
    std::size_t limit = IsUpload(req) ? kMaxUploadBody : kMaxJsonBody;
    if (std::max(req.body.size(), req.content_length) > limit) {
      return HttpError(413, "payload_too_large",
                       "the request body is larger than " + std::to_string(limit >> 20) + " MiB");
    }
    const Route& route = *match->route;
    req.path_params = std::move(match->params);
    WorkspacePool::Lease ws = pool_->Acquire();
    if (route.scope != Scope::kPublic) {
      auto who = Authenticate(req, *ws);
      if (!who) return ErrorResponse(who.error());
      req.principal = std::move(*who);
      if (!req.principal) {
        return HttpError(401, "unauthenticated",
                         "sign in (POST /api/v1/session) or send an API token");
      }
      if (!route.roles.Has(req.principal->role)) {
        return HttpError(403, "forbidden", "your role may not do this");
      }
      auto resource = ResolveResource(route, req, *ws);
      if (!resource) return ErrorResponse(resource.error());
      if (Authorize(route, req.principal, *resource) != Decision::kAllow) {
        return HttpError(403, "forbidden", "this belongs to another side");
      }
      if (!CsrfSatisfied(req.method, *req.principal, req.Header("x-csrf-token"))) {
        return HttpError(403, "csrf_failed",
                         "send the session's CSRF token in the X-CSRF-Token header");
      }
    }
    return route.handler(context_, req, *ws);
  } catch (const std::exception& e) {
    // A handler bug (e.g. a JSON type error not caught by validation) must not kill a worker.
    std::cerr << "parley serve: internal error on " << req.method << " " << req.path << ": "
              << e.what() << "\n";
    return HttpError(500, "internal", "internal error; the server log has the detail");
  }
}

}  // namespace parley::server
