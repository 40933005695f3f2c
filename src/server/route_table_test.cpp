// The authorisation matrix: every route × every role × own side / other side (shared or not)
// / the mediator, against an expectation written out here independently of route_table.cpp.
#include "server/route_table.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace parley::server {
namespace {

// kPairRead / kPairWrite: the resource is two lists (a link, a reconciliation). kPlan: the
// resource is a plan's two sides (reads and writes alike).
enum class Kind { kPublic, kSignedIn, kRead, kWrite, kPairRead, kPairWrite, kPlan };

struct Expected {
  Kind kind;
  std::set<std::string> roles;  // empty with kPublic
};

const std::set<std::string> kEveryone = {"admin",  "clerk",    "analyst",     "negotiator",
                                         "signer", "observer", "interviewer", "checkpoint"};

// Papers that name people: every role but the observer (handlers/papers.h).
const std::set<std::string> kNamesPeople = {"admin",  "clerk",       "analyst",   "negotiator",
                                            "signer", "interviewer", "checkpoint"};

const std::map<std::string, Expected>& ExpectedTable() {
  static const std::map<std::string, Expected> kTable = {
      {"GET /api/v1/openapi.json", {Kind::kPublic, {}}},
      {"GET /api/v1/health", {Kind::kPublic, {}}},
      {"POST /api/v1/session", {Kind::kPublic, {}}},
      {"GET /api/v1/session", {Kind::kSignedIn, kEveryone}},
      {"PUT /api/v1/session/language", {Kind::kSignedIn, kEveryone}},
      {"DELETE /api/v1/session", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/users", {Kind::kSignedIn, {"admin"}}},
      {"POST /api/v1/users", {Kind::kWrite, {"admin"}}},
      {"PATCH /api/v1/users/{name}", {Kind::kWrite, {"admin"}}},
      {"POST /api/v1/users/{name}/tokens", {Kind::kWrite, {"admin"}}},
      {"GET /api/v1/users/{name}/tokens", {Kind::kWrite, {"admin"}}},
      {"DELETE /api/v1/users/{name}/tokens/{token}", {Kind::kWrite, {"admin"}}},
      {"GET /api/v1/lists", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/lists/{list}", {Kind::kRead, kEveryone}},
      {"GET /api/v1/lists/{list}/versions", {Kind::kRead, kEveryone}},
      {"POST /api/v1/lists/{list}/versions", {Kind::kWrite, {"clerk"}}},
      {"GET /api/v1/lists/{list}/versions/{version}/records", {Kind::kRead, kEveryone}},
      {"GET /api/v1/lists/{list}/versions/{version}/export",
       {Kind::kRead,
        {"admin", "clerk", "analyst", "negotiator", "signer", "interviewer", "checkpoint"}}},
      {"GET /api/v1/lists/{list}/versions/{version}/changes", {Kind::kRead, kEveryone}},
      {"GET /api/v1/lists/{list}/shares", {Kind::kRead, kEveryone}},
      {"PUT /api/v1/lists/{list}/shares/{side}", {Kind::kWrite, {"admin"}}},
      {"GET /api/v1/records/{id}", {Kind::kRead, kEveryone}},
      {"GET /api/v1/records/{id}/history", {Kind::kRead, kEveryone}},
      {"GET /api/v1/records/{id}/interview", {Kind::kRead, kEveryone}},
      {"PUT /api/v1/records/{id}/interview", {Kind::kWrite, {"interviewer"}}},
      {"GET /api/v1/records/{id}/handovers", {Kind::kRead, kEveryone}},
      {"POST /api/v1/records/{id}/handovers", {Kind::kWrite, {"checkpoint"}}},
      {"GET /api/v1/records/{id}/access-log", {Kind::kRead, {"admin"}}},
      {"GET /api/v1/access-log", {Kind::kSignedIn, {"admin"}}},
      {"GET /api/v1/records/{id}/events", {Kind::kRead, kEveryone}},
      {"GET /api/v1/integrity", {Kind::kSignedIn, {"admin"}}},
      {"GET /api/v1/ledger", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/ledger/entries", {Kind::kSignedIn, kEveryone}},
      {"POST /api/v1/ledger/verify", {Kind::kSignedIn, {"admin", "signer"}}},
      {"POST /api/v1/bundles/export", {Kind::kSignedIn, {"admin", "signer"}}},
      {"POST /api/v1/bundles/verify", {Kind::kSignedIn, {"admin", "signer"}}},
      {"POST /api/v1/bundles/import", {Kind::kSignedIn, {"admin"}}},
      {"POST /api/v1/reconciliations", {Kind::kPairWrite, {"analyst"}}},
      {"GET /api/v1/links", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/links/{id}", {Kind::kPairRead, kEveryone}},
      {"POST /api/v1/links/{id}/decision", {Kind::kPairWrite, {"analyst"}}},
      {"GET /api/v1/links/{id}/decisions", {Kind::kPairRead, kEveryone}},
      {"GET /api/v1/agreements", {Kind::kSignedIn, kEveryone}},
      {"POST /api/v1/agreements", {Kind::kSignedIn, {"negotiator"}}},
      {"POST /api/v1/agreements/validate", {Kind::kSignedIn, {"negotiator", "signer"}}},
      {"GET /api/v1/agreements/{name}", {Kind::kSignedIn, kEveryone}},
      {"POST /api/v1/agreements/{name}/signatures", {Kind::kWrite, {"signer"}}},
      {"GET /api/v1/plans", {Kind::kSignedIn, kEveryone}},
      {"POST /api/v1/plans", {Kind::kPlan, {"negotiator"}}},
      {"GET /api/v1/plans/{plan}", {Kind::kPlan, kEveryone}},
      {"GET /api/v1/plans/{plan}/explain", {Kind::kPlan, kEveryone}},
      {"GET /api/v1/plans/{plan}/progress", {Kind::kPlan, kEveryone}},
      {"POST /api/v1/plans/{plan}/check", {Kind::kPlan, {"negotiator", "signer"}}},
      {"POST /api/v1/plans/{plan}/counter", {Kind::kPlan, {"negotiator"}}},
      {"POST /api/v1/plans/{plan}/repair", {Kind::kPlan, {"negotiator"}}},
      {"POST /api/v1/plans/{plan}/acceptances", {Kind::kWrite, {"signer"}}},
      {"POST /api/v1/plans/{plan}/signatures", {Kind::kWrite, {"signer"}}},
      // The papers: one party's list or workbook is its own side's alone (as a write is:
      // shares do not open it); the summary and the acts are the plan's.
      {"GET /api/v1/agreements/{name}/paper.pdf", {Kind::kSignedIn, kEveryone}},
      {"GET /api/v1/plans/{plan}/papers/plan.pdf", {Kind::kPlan, kEveryone}},
      {"GET /api/v1/plans/{plan}/papers/plan.xlsx", {Kind::kWrite, kNamesPeople}},
      {"GET /api/v1/plans/{plan}/papers/list.pdf", {Kind::kWrite, kNamesPeople}},
      {"GET /api/v1/plans/{plan}/papers/act.pdf", {Kind::kPlan, kNamesPeople}},
      {"GET /api/v1/plans/{plan}/papers/act.xlsx", {Kind::kPlan, kNamesPeople}},
      {"GET /api/v1/links/{id}/paper.pdf", {Kind::kPairRead, kEveryone}},
  };
  return kTable;
}

std::string Key(const Route& r) { return std::string(r.method) + " " + std::string(r.pattern); }

TEST(RouteTable, EveryRouteHasAnExpectationAndEveryExpectationARoute) {
  std::set<std::string> routes;
  for (const Route& r : RouteTable()) {
    EXPECT_TRUE(routes.insert(Key(r)).second) << "duplicate route " << Key(r);
    EXPECT_TRUE(ExpectedTable().contains(Key(r))) << "no expectation for " << Key(r);
    EXPECT_NE(r.handler, nullptr) << "no handler for " << Key(r);
  }
  for (const auto& [key, e] : ExpectedTable()) EXPECT_TRUE(routes.contains(key)) << key;
}

// One resource of the matrix: the owning side and whether it was shared with the principal's
// side; pair resources have a second list.
struct Owner {
  std::string side;
  bool shared;
};
struct Resource {
  Owner first;
  std::optional<Owner> second;
};

bool IsPair(Kind k) { return k == Kind::kPairRead || k == Kind::kPairWrite || k == Kind::kPlan; }

// Who may call, for each combination, written from SYSTEM.md's rule rather than from
// route_table.cpp: a mediator sees and acts on everything; a party sees its own and what was
// shared with it, and changes only its own (for a pair: both visible, one its own).
bool ExpectAllowed(const Expected& e, Role role, const std::string& side, const Resource& r) {
  if (e.kind == Kind::kPublic) return true;
  if (!e.roles.contains(RoleName(role))) return false;
  if (e.kind == Kind::kSignedIn) return true;
  auto own = [&](const Owner& o) { return side == "mediator" || side == o.side; };
  auto sees = [&](const Owner& o) { return own(o) || o.shared; };
  if (e.kind == Kind::kPlan) return r.second && (own(r.first) || own(*r.second));
  if (IsPair(e.kind)) {
    if (!r.second) return false;
    if (!sees(r.first) || !sees(*r.second)) return false;
    return e.kind == Kind::kPairRead || own(r.first) || own(*r.second);
  }
  return own(r.first) || (e.kind == Kind::kRead && r.first.shared);
}

std::vector<Resource> ResourcesFor(Kind kind) {
  std::vector<Resource> out;
  for (bool shared : {false, true}) {
    if (!IsPair(kind)) {
      out.push_back({{"ua", shared}, std::nullopt});
      continue;
    }
    for (const char* second : {"ua", "ru"}) {
      for (bool second_shared : {false, true}) {
        out.push_back({{"ua", shared}, Owner{second, second_shared}});
        out.push_back({{"ru", shared}, Owner{second, second_shared}});
      }
    }
  }
  return out;
}

ResourceSide ToResourceSide(const Resource& r) {
  ResourceSide out{r.first.side, r.first.shared};
  if (r.second) {
    out.other_side = r.second->side;
    out.other_shared_with_principal = r.second->shared;
  }
  return out;
}

TEST(RouteTable, AuthorisationMatrix) {
  int cases = 0;
  int expected_cases = 0;
  for (const Route& route : RouteTable()) {
    const Expected& e = ExpectedTable().at(Key(route));
    // Nobody signed in.
    Decision anon = Authorize(route, std::nullopt, ResourceSide{"ua", false});
    EXPECT_EQ(anon, e.kind == Kind::kPublic ? Decision::kAllow : Decision::kUnauthenticated)
        << Key(route);
    const std::vector<Resource> resources = ResourcesFor(e.kind);
    expected_cases += 8 * 3 * (IsPair(e.kind) ? 16 : 2);
    for (Role role : kAllRoles) {
      for (const char* side : {"ua", "ru", "mediator"}) {
        for (const Resource& r : resources) {
          Principal who{1, "u", role, side, false, ""};
          Decision got = Authorize(route, who, ToResourceSide(r));
          bool want = ExpectAllowed(e, role, side, r);
          EXPECT_EQ(got, want ? Decision::kAllow : Decision::kForbidden)
              << Key(route) << " role " << RoleName(role) << " side " << side << " first "
              << r.first.side << (r.first.shared ? " (shared)" : "") << " second "
              << (r.second ? r.second->side + (r.second->shared ? " (shared)" : "") : "-");
          ++cases;
        }
      }
    }
  }
  EXPECT_EQ(cases, expected_cases);
}

// The pair rule in words, for the cases a reader checks first.
TEST(RouteTable, APartyReconcilesItsOwnListAgainstASharedOneOnly) {
  auto reconcile = MatchRoute("POST", "/api/v1/reconciliations");
  ASSERT_TRUE(reconcile.has_value());
  Principal ua_analyst{1, "a", Role::kAnalyst, "ua", false, ""};
  ResourceSide ua_with_shared_ru{"ua", false, "ru", true};
  ResourceSide ua_with_unshared_ru{"ua", false, "ru", false};
  ResourceSide ru_with_ru{"ru", true, "ru", true};  // both shared, neither its own
  EXPECT_EQ(Authorize(*reconcile->route, ua_analyst, ua_with_shared_ru), Decision::kAllow);
  EXPECT_EQ(Authorize(*reconcile->route, ua_analyst, ua_with_unshared_ru), Decision::kForbidden);
  EXPECT_EQ(Authorize(*reconcile->route, ua_analyst, ru_with_ru), Decision::kForbidden);
  auto read = MatchRoute("GET", "/api/v1/links/7");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(Authorize(*read->route, ua_analyst, ru_with_ru), Decision::kAllow);
  EXPECT_EQ(Authorize(*read->route, ua_analyst, ua_with_unshared_ru), Decision::kForbidden);
  EXPECT_EQ(Authorize(*read->route, ua_analyst, ResourceSide{"ua", false}), Decision::kForbidden);
}

TEST(RouteTable, SideScopedRoutesFailClosedWithoutAResource) {
  for (const Route& route : RouteTable()) {
    const Expected& e = ExpectedTable().at(Key(route));
    if (e.kind == Kind::kPublic || e.kind == Kind::kSignedIn) continue;
    Principal mediator{1, "m", Role::kAdmin, "mediator", false, ""};
    for (Role role : kAllRoles) {
      mediator.role = role;
      EXPECT_EQ(Authorize(route, mediator, std::nullopt), Decision::kForbidden) << Key(route);
      // A pair scope given only one list's side fails closed too.
      if (IsPair(e.kind)) {
        EXPECT_EQ(Authorize(route, mediator, ResourceSide{"mediator", false}), Decision::kForbidden)
            << Key(route);
      }
    }
  }
}

TEST(RouteTable, ObserverChangesNothing) {
  Principal observer{1, "o", Role::kObserver, "mediator", false, ""};
  for (const Route& route : RouteTable()) {
    if (route.method == "GET" || route.scope == Scope::kPublic) continue;
    // Signing out and choosing one's own interface language are not changes of data.
    if (route.pattern == "/api/v1/session" || route.pattern == "/api/v1/session/language") {
      continue;
    }
    EXPECT_EQ(Authorize(route, observer, ResourceSide{"mediator", false, "mediator", false}),
              Decision::kForbidden)
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
