// The authorisation matrix: every route × every role × own side / other side (shared or not)
// / the mediator, against an expectation written out here independently of route_table.cpp.
#include "server/route_table.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace parley::server {
namespace {

enum class Kind { kPublic, kSignedIn, kRead, kWrite };

struct Expected {
  Kind kind;
  std::set<std::string> roles;  // empty with kPublic
};

const std::set<std::string> kEveryone = {"admin",  "clerk",    "analyst",     "negotiator",
                                         "signer", "observer", "interviewer", "checkpoint"};

const std::map<std::string, Expected>& ExpectedTable() {
  static const std::map<std::string, Expected> kTable = {
      {"GET /api/v1/openapi.json", {Kind::kPublic, {}}},
      {"GET /api/v1/health", {Kind::kPublic, {}}},
      {"POST /api/v1/session", {Kind::kPublic, {}}},
      {"GET /api/v1/session", {Kind::kSignedIn, kEveryone}},
      {"DELETE /api/v1/session", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/users", {Kind::kSignedIn, {"admin"}}},
      {"POST /api/v1/users", {Kind::kWrite, {"admin"}}},
      {"PATCH /api/v1/users/{name}", {Kind::kWrite, {"admin"}}},
      {"POST /api/v1/users/{name}/tokens", {Kind::kWrite, {"admin"}}},
      {"GET /api/v1/lists", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/lists/{list}", {Kind::kRead, kEveryone}},
      {"GET /api/v1/lists/{list}/versions", {Kind::kRead, kEveryone}},
      {"POST /api/v1/lists/{list}/versions", {Kind::kWrite, {"clerk"}}},
      {"GET /api/v1/lists/{list}/versions/{version}/records", {Kind::kRead, kEveryone}},
      {"GET /api/v1/lists/{list}/versions/{version}/export",
       {Kind::kRead,
        {"admin", "clerk", "analyst", "negotiator", "signer", "interviewer", "checkpoint"}}},
      {"GET /api/v1/lists/{list}/shares", {Kind::kRead, kEveryone}},
      {"PUT /api/v1/lists/{list}/shares/{side}", {Kind::kWrite, {"admin"}}},
      {"GET /api/v1/records/{id}", {Kind::kRead, kEveryone}},
      {"GET /api/v1/records/{id}/history", {Kind::kRead, kEveryone}},
      {"GET /api/v1/records/{id}/interview", {Kind::kRead, kEveryone}},
      {"PUT /api/v1/records/{id}/interview", {Kind::kWrite, {"interviewer"}}},
      {"GET /api/v1/records/{id}/handovers", {Kind::kRead, kEveryone}},
      {"POST /api/v1/records/{id}/handovers", {Kind::kWrite, {"checkpoint"}}},
      {"GET /api/v1/records/{id}/access-log", {Kind::kRead, {"admin"}}},
      {"GET /api/v1/records/{id}/events", {Kind::kRead, kEveryone}},
      {"GET /api/v1/integrity", {Kind::kSignedIn, {"admin"}}},
      {"GET /api/v1/ledger", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/ledger/entries", {Kind::kSignedIn, kEveryone}},
      {"POST /api/v1/ledger/verify", {Kind::kSignedIn, {"admin", "signer"}}},
      {"POST /api/v1/bundles/export", {Kind::kSignedIn, {"admin", "signer"}}},
      {"POST /api/v1/bundles/import", {Kind::kSignedIn, {"admin"}}},
  };
  return kTable;
}

std::string Key(const Route& r) { return std::string(r.method) + " " + std::string(r.pattern); }

TEST(RouteTable, EveryRouteHasAnExpectationAndEveryExpectationARoute) {
  std::set<std::string> routes;
  for (const Route& r : RouteTable()) {
    EXPECT_TRUE(routes.insert(Key(r)).second) << "duplicate route " << Key(r);
    EXPECT_TRUE(ExpectedTable().contains(Key(r))) << "no expectation for " << Key(r);
  }
  for (const auto& [key, e] : ExpectedTable()) EXPECT_TRUE(routes.contains(key)) << key;
}

// Who may call, for each combination. `owner` is the resource's side; `shared` whether it was
// shared with the principal's side.
bool ExpectAllowed(const Expected& e, Role role, const std::string& side, const std::string& owner,
                   bool shared) {
  if (e.kind == Kind::kPublic) return true;
  if (!e.roles.contains(RoleName(role))) return false;
  if (e.kind == Kind::kSignedIn) return true;
  if (side == "mediator" || side == owner) return true;
  return e.kind == Kind::kRead && shared;
}

TEST(RouteTable, AuthorisationMatrix) {
  int cases = 0;
  for (const Route& route : RouteTable()) {
    const Expected& e = ExpectedTable().at(Key(route));
    // Nobody signed in.
    Decision anon = Authorize(route, std::nullopt, ResourceSide{"ua", false});
    EXPECT_EQ(anon, e.kind == Kind::kPublic ? Decision::kAllow : Decision::kUnauthenticated)
        << Key(route);
    for (Role role : kAllRoles) {
      for (const char* side : {"ua", "ru", "mediator"}) {
        for (bool shared : {false, true}) {
          Principal who{1, "u", role, side, false, ""};
          Decision got = Authorize(route, who, ResourceSide{"ua", shared});
          bool want = ExpectAllowed(e, role, side, "ua", shared);
          EXPECT_EQ(got, want ? Decision::kAllow : Decision::kForbidden)
              << Key(route) << " role " << RoleName(role) << " side " << side << " shared "
              << shared;
          ++cases;
        }
      }
    }
  }
  EXPECT_EQ(cases, static_cast<int>(RouteTable().size()) * 8 * 3 * 2);
}

TEST(RouteTable, SideScopedRoutesFailClosedWithoutAResource) {
  for (const Route& route : RouteTable()) {
    const Expected& e = ExpectedTable().at(Key(route));
    if (e.kind != Kind::kRead && e.kind != Kind::kWrite) continue;
    Principal mediator{1, "m", Role::kAdmin, "mediator", false, ""};
    for (Role role : kAllRoles) {
      mediator.role = role;
      EXPECT_EQ(Authorize(route, mediator, std::nullopt), Decision::kForbidden) << Key(route);
    }
  }
}

TEST(RouteTable, ObserverChangesNothing) {
  Principal observer{1, "o", Role::kObserver, "mediator", false, ""};
  for (const Route& route : RouteTable()) {
    if (route.method == "GET" || route.scope == Scope::kPublic) continue;
    if (route.pattern == "/api/v1/session") continue;  // signing out is not a change of data
    EXPECT_EQ(Authorize(route, observer, ResourceSide{"mediator", false}), Decision::kForbidden)
        << Key(route);
  }
}

TEST(RouteTable, MatchesPatternsAndParameters) {
  auto m = MatchRoute("GET", "/api/v1/lists/ua-request/versions/2/records");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->route->operation_id, "listRecords");
  EXPECT_EQ(m->params.at("list"), "ua-request");
  EXPECT_EQ(m->params.at("version"), "2");
  bool mismatch = false;
  EXPECT_FALSE(MatchRoute("DELETE", "/api/v1/lists", &mismatch).has_value());
  EXPECT_TRUE(mismatch);
  EXPECT_FALSE(MatchRoute("GET", "/api/v1/nothing", &mismatch).has_value());
  EXPECT_FALSE(mismatch);
  EXPECT_FALSE(MatchRoute("GET", "/api/v1/lists//versions").has_value());
  EXPECT_FALSE(MatchRoute("GET", "/api/v1/lists/a/versions/").has_value());
}

}  // namespace
}  // namespace parley::server
