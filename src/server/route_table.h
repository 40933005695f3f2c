// parley/server/route_table.h — every API route, who may call it, and the one decision.
//
// This file is the only place where authorisation is decided, and the one list of routes.
// Each route names its method, path pattern, operation id, the roles allowed, its scope (how
// the resource's side is found and whether the call reads or changes it) and its handler
// (api_handlers.h). Authorize() turns (route, principal, resource) into allow / 401 / 403;
// the API layer (api.h) calls it before every handler, and a handler never checks a role
// itself. Dispatch calls the matched row's handler, and the OpenAPI document's `paths` are
// generated from these rows (openapi.h): the method and path are written here only, and the
// operation id names the route's documentation in openapi.json.
//
// The side rule. A list belongs to the side that imported it; a person record to its list.
// - Read scopes: the mediator's users see every list; a party's user sees its own side's
//   lists and the lists actively shared with its side (share_store.h).
// - Write scopes: the mediator's users may act on any side (the mediator imports what the
//   parties hand over and records interviews and handovers for both); a party's user may
//   act only on its own side.
// - Pair scopes (a reconciliation of two lists, a link between two records): both lists must
//   be visible to the principal as above (own, shared, or a mediator); a write also needs one
//   of the two to be the principal's own side (a party reconciles its own list against what
//   the other party shared, never two lists of someone else).
// - Plans belong to their two sides (side_a, side_b): the users of either side and the
//   mediator's read them and negotiate on them. Accepting or signing is done for one party:
//   a party's user only for its own side's party, the mediator's for either.
// - A plan's papers (handlers/papers.h): the summary and the acts are the plan's (kPlanRead);
//   one party's exchange list or workbook is that side's alone (kPlanSideRead), as its list is.
// - Agreements are the parties' common text: every signed-in user reads them. Signing for a
//   party needs the party's side: the side whose name the agreement gives that party
//   ([parties] a = "ua"); a party written otherwise ("Ukraine") is signed for by the
//   mediator's signer, who records the party's signature.
// Roles: admin manages users, shares and integrity; clerk imports; analyst reconciles and
// decides links; negotiator drafts agreements and proposes, counters and repairs plans;
// signer signs agreements and accepts and signs plans; interviewer records interviews;
// checkpoint records handovers; observer reads. Nobody else changes anything, so an observer
// can change nothing.
//
//   auto match = MatchRoute("GET", "/api/v1/lists/ua-request");   // route + {list: ua-request}
//   Decision d = Authorize(*match->route, principal, ResourceSide{"ua", false});
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/auth/principal.h"

namespace parley::store {
class Workspace;
}  // namespace parley::store

namespace parley::server {

class HandlerContext;  // handler_context.h
struct ApiRequest;     // api_types.h
struct ApiResponse;

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= Bit(r);
  }
  [[nodiscard]] static constexpr RoleSet All() {
    RoleSet s;
    for (Role r : kAllRoles) s.bits_ |= Bit(r);
    return s;
  }
  [[nodiscard]] constexpr bool Has(Role r) const { return (bits_ & Bit(r)) != 0; }

 private:
  static constexpr std::uint32_t Bit(Role r) { return 1u << static_cast<unsigned>(r); }
  std::uint32_t bits_ = 0;
};

enum class Scope {
  kPublic,        // no sign-in (OpenAPI document, health, login)
  kSignedIn,      // any signed-in user of an allowed role; no side-owned resource
  kListRead,      // {list}: visible to the principal
  kListWrite,     // {list} (or the form's side for a new list): the principal's own side
  kRecordRead,    // {id}: the record's list is visible
  kRecordWrite,   // {id}: the record's list is the principal's own side
  kUserWrite,     // {name} or the body's side: a user of the principal's own side
  kPairWrite,     // the body's two lists {left, right}: both visible, one the principal's own
  kLinkRead,      // {id} of a link: both of its lists are visible
  kLinkWrite,     // {id} of a link: both lists visible, one of them the principal's own
  kPlanRead,      // {plan}: the principal's side is one of the plan's two sides
  kPlanWrite,     // {plan}, or the body's side_a/side_b for a new plan: likewise
  kPlanSideRead,  // {plan} and the query's `side` (a, b or a side of the plan): that side is
                  // the principal's own, or the principal is the mediator's (one party's
                  // exchange list or workbook: papers.h)
  kPartyWrite,    // acting for one party of {plan} or agreement {name}: its side is the
                  // principal's own (see below)
};

// Answers a request the API layer has authorised (api_handlers.h: Call<&Area::Method>).
using Handler = ApiResponse (*)(HandlerContext& context, ApiRequest& req, store::Workspace& ws);

struct Route {
  std::string_view method;
  std::string_view pattern;       // "/api/v1/lists/{list}"; {x} matches one path segment
  std::string_view operation_id;  // the key of its documentation in openapi.json
  Scope scope;
  RoleSet roles;
  Handler handler;
};

// The side that owns the resource a request touches, when the scope has one.
struct ResourceSide {
  ResourceSide(std::string owner, bool shared)
      : owner_side(std::move(owner)), shared_with_principal(shared) {}
  ResourceSide(std::string owner, bool shared, std::string other, bool other_shared)
      : owner_side(std::move(owner)),
        shared_with_principal(shared),
        other_side(std::move(other)),
        other_shared_with_principal(other_shared) {}

  std::string owner_side;
  bool shared_with_principal = false;
  // Pair scopes only: the side of the second list, and whether it was shared with the
  // principal's side. Missing for a pair scope is kForbidden (failing closed).
  std::optional<std::string> other_side;
  bool other_shared_with_principal = false;
};

enum class Decision { kAllow, kUnauthenticated, kForbidden };

[[nodiscard]] const std::vector<Route>& RouteTable();

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
};
// nullopt when no route has this path; a route with the path but another method sets
// `method_mismatch`.
[[nodiscard]] std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path,
                                                   bool* method_mismatch = nullptr);

// `resource` is required for the list, record and user scopes (nullopt there is kForbidden:
// failing closed).
[[nodiscard]] Decision Authorize(const Route& route, const std::optional<Principal>& who,
                                 const std::optional<ResourceSide>& resource);

[[nodiscard]] bool IsReadScope(Scope scope);
[[nodiscard]] bool IsPairScope(Scope scope);
[[nodiscard]] bool IsPlanScope(Scope scope);
// The side rule on its own, for filtering collections (GET /lists, GET /users): may `who`
// see data owned by `side` (shared: whether it was shared with who's side)?
[[nodiscard]] bool MaySee(const Principal& who, std::string_view side, bool shared);

}  // namespace parley::server
