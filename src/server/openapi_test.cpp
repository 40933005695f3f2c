// Keeps the OpenAPI document whole and true: it is built from the route table and
// openapi.json (openapi.h); every registered route is documented with its method and
// operation id, every documented operation is a registered route with a handler, every $ref
// resolves, and the structure is the one the API had before the document was generated
// (issue 11). The builder's refusals are tested one by one.
#include "server/openapi.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "server/route_table.h"

namespace parley::server {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, IsOpenApi3Json) {
  auto doc = nlohmann::json::parse(OpenApiDocument(), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_TRUE(doc["openapi"].get<std::string>().starts_with("3."));
  EXPECT_TRUE(doc["paths"].is_object());
}

TEST(OpenApi, DocumentsExactlyTheRegisteredRoutes) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  std::set<std::string> documented;
  for (auto& [path, ops] : doc["paths"].items()) {
    for (auto& [method, op] : ops.items()) {
      documented.insert(method + " " + path + " " + op["operationId"].get<std::string>());
    }
  }
  std::set<std::string> registered;
  for (const Route& r : RouteTable()) {
    registered.insert(Lower(r.method) + " " + std::string(r.pattern) + " " +
                      std::string(r.operation_id));
    EXPECT_NE(r.handler, nullptr) << r.operation_id << " has no handler";
  }
  for (const auto& d : documented) EXPECT_TRUE(registered.contains(d)) << "not registered: " << d;
  for (const auto& r : registered) EXPECT_TRUE(documented.contains(r)) << "not documented: " << r;
}

TEST(OpenApi, PublicRoutesAreMarkedWithoutSecurity) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  for (const Route& r : RouteTable()) {
    const auto& op = doc["paths"][std::string(r.pattern)][Lower(r.method)];
    bool open = op.contains("security") && op["security"].empty();
    EXPECT_EQ(open, r.scope == Scope::kPublic) << r.operation_id;
  }
}

TEST(OpenApi, EveryPathParameterIsDeclared) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  const auto& params = doc["components"]["parameters"];
  for (const Route& r : RouteTable()) {
    std::string pattern(r.pattern);
    const auto& op = doc["paths"][pattern][Lower(r.method)];
    for (std::size_t open = pattern.find('{'); open != std::string::npos;
         open = pattern.find('{', open + 1)) {
      std::string name = pattern.substr(open + 1, pattern.find('}', open) - open - 1);
      bool declared = false;
      for (const auto& p : op.value("parameters", nlohmann::json::array())) {
        std::string ref = p.value("$ref", "");  // inline (query) parameters have none
        declared = declared || (ref.ends_with("/" + name) && params[name]["in"] == "path");
      }
      EXPECT_TRUE(declared) << r.operation_id << " lacks path parameter " << name;
    }
  }
}

// Every path, method and operation id of the document as it was written by hand before the
// paths came from the route table, and its components: generating the document changed none
// of them. A new route extends this list.
TEST(OpenApi, KeepsTheDocumentedStructure) {
  const std::set<std::string> kOperations = {
      "get /api/v1/openapi.json getOpenApi",
      "get /api/v1/health getHealth",
      "post /api/v1/session login",
      "get /api/v1/session getSession",
      "put /api/v1/session/language putSessionLanguage",
      "delete /api/v1/session logout",
      "get /api/v1/users listUsers",
      "post /api/v1/users createUser",
      "patch /api/v1/users/{name} updateUser",
      "post /api/v1/users/{name}/tokens createToken",
      "get /api/v1/users/{name}/tokens listTokens",
      "delete /api/v1/users/{name}/tokens/{token} revokeToken",
      "get /api/v1/lists listLists",
      "get /api/v1/lists/{list} getList",
      "get /api/v1/lists/{list}/versions listVersions",
      "post /api/v1/lists/{list}/versions uploadListVersion",
      "get /api/v1/lists/{list}/versions/{version}/records listRecords",
      "get /api/v1/lists/{list}/versions/{version}/export exportList",
      "get /api/v1/lists/{list}/versions/{version}/changes listChanges",
      "get /api/v1/lists/{list}/shares listShares",
      "put /api/v1/lists/{list}/shares/{side} putShare",
      "get /api/v1/records/{id} getRecord",
      "get /api/v1/records/{id}/history getRecordHistory",
      "get /api/v1/records/{id}/interview getInterview",
      "put /api/v1/records/{id}/interview putInterview",
      "get /api/v1/records/{id}/handovers listHandovers",
      "post /api/v1/records/{id}/handovers appendHandover",
      "get /api/v1/records/{id}/access-log getAccessLog",
      "get /api/v1/access-log listAccessLog",
      "get /api/v1/integrity checkIntegrity",
      "get /api/v1/ledger getLedger",
      "get /api/v1/ledger/entries listLedgerEntries",
      "post /api/v1/ledger/verify verifyLedger",
      "post /api/v1/bundles/export exportBundle",
      "post /api/v1/bundles/verify verifyBundle",
      "post /api/v1/bundles/import importBundle",
      "get /api/v1/records/{id}/events getRecordEvents",
      "post /api/v1/reconciliations reconcile",
      "get /api/v1/links listLinks",
      "get /api/v1/links/{id} getLink",
      "post /api/v1/links/{id}/decision decideLink",
      "get /api/v1/links/{id}/decisions listLinkDecisions",
      "get /api/v1/agreements listAgreements",
      "post /api/v1/agreements addAgreement",
      "post /api/v1/agreements/validate validateAgreement",
      "get /api/v1/agreements/{name} getAgreement",
      "post /api/v1/agreements/{name}/signatures signAgreement",
      "get /api/v1/plans listPlans",
      "post /api/v1/plans proposePlan",
      "get /api/v1/plans/{plan} getPlan",
      "get /api/v1/plans/{plan}/explain explainPlan",
      "get /api/v1/plans/{plan}/progress getPlanProgress",
      "post /api/v1/plans/{plan}/check checkPlan",
      "post /api/v1/plans/{plan}/counter counterPlan",
      "post /api/v1/plans/{plan}/repair repairPlan",
      "post /api/v1/plans/{plan}/acceptances acceptPlan",
      "post /api/v1/plans/{plan}/signatures signPlan",
      "get /api/v1/agreements/{name}/paper.pdf getAgreementPaper",
      "get /api/v1/plans/{plan}/papers/plan.pdf getPlanPaper",
      "get /api/v1/plans/{plan}/papers/plan.xlsx getPlanWorkbook",
      "get /api/v1/plans/{plan}/papers/list.pdf getListPaper",
      "get /api/v1/plans/{plan}/papers/act.pdf getActPaper",
      "get /api/v1/plans/{plan}/papers/act.xlsx getActWorkbook",
      "get /api/v1/links/{id}/paper.pdf getLinkPaper",
  };
  auto doc = nlohmann::json::parse(OpenApiDocument());
  std::set<std::string> served;
  for (auto& [path, ops] : doc["paths"].items()) {
    for (auto& [method, op] : ops.items()) {
      served.insert(method + " " + path + " " + op["operationId"].get<std::string>());
    }
  }
  EXPECT_EQ(served, kOperations);
  auto names = [&](const char* part) {
    std::set<std::string> out;
    for (auto& [name, value] : doc["components"][part].items()) out.insert(name);
    return out;
  };
  EXPECT_EQ(names("schemas"),
            (std::set<std::string>{"AccessLogEntry", "Agreement",     "ApiToken",
                                   "Error",          "HandoverEvent", "ImportReport",
                                   "Interview",      "LedgerEntry",   "Link",
                                   "LinkConflict",   "LinkDecision",  "LinkState",
                                   "ListVersion",    "PersonRecord",  "PersonStatus",
                                   "Plan",           "PlanInfo",      "PlanPhase",
                                   "PlanProgress",   "ReceivedFrom",  "ReconcileReport",
                                   "Role",           "Share",         "User"}));
  EXPECT_EQ(names("parameters"), (std::set<std::string>{"agreementVersion",
                                                        "format",
                                                        "id",
                                                        "lang",
                                                        "left",
                                                        "limit",
                                                        "linkLimit",
                                                        "partySide",
                                                        "phaseQuery",
                                                        "maxProbability",
                                                        "minProbability",
                                                        "list",
                                                        "name",
                                                        "offset",
                                                        "person",
                                                        "plan",
                                                        "right",
                                                        "side",
                                                        "state",
                                                        "token",
                                                        "version"}));
  EXPECT_EQ(names("responses"), (std::set<std::string>{"Error"}));
  EXPECT_EQ(names("securitySchemes"), (std::set<std::string>{"session", "token"}));
  for (const char* key : {"openapi", "info", "servers", "security", "paths", "components"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc.size(), 6u);
}

void CollectRefs(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string()) out.push_back(value.get<std::string>());
      CollectRefs(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& item : node) CollectRefs(item, out);
  }
}

TEST(OpenApi, EveryRefResolvesToAComponent) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  std::vector<std::string> refs;
  CollectRefs(doc, refs);
  EXPECT_GT(refs.size(), 50u);
  for (const std::string& ref : refs) {
    ASSERT_TRUE(ref.starts_with("#/components/")) << ref;
    EXPECT_TRUE(doc.contains(nlohmann::json::json_pointer(ref.substr(1)))) << ref;
  }
}

// The builder on small inputs: each way the two halves can disagree is refused by name.
const std::vector<Route> kTwoRoutes = {
    {"GET", "/api/v1/things", "listThings", Scope::kSignedIn, RoleSet::All(), nullptr},
    {"GET", "/api/v1/health", "getHealth", Scope::kPublic, RoleSet{}, nullptr},
};

std::string Source(const std::string& operations, const std::string& components = "{}") {
  return R"({"openapi": "3.0.3", "operations": )" + operations + R"(, "components": )" +
         components + "}";
}

TEST(OpenApiBuilder, PlacesOperationsUnderTheirRoutes) {
  auto built = BuildOpenApiDocument(
      kTwoRoutes, Source(R"({"listThings": {"summary": "s"}, "getHealth": {"summary": "h"}})"));
  ASSERT_TRUE(built.has_value()) << built.error().message;
  auto doc = nlohmann::json::parse(*built);
  EXPECT_FALSE(doc.contains("operations"));
  EXPECT_EQ(doc["paths"]["/api/v1/things"]["get"]["operationId"], "listThings");
  EXPECT_EQ(doc["paths"]["/api/v1/things"]["get"]["summary"], "s");
  EXPECT_FALSE(doc["paths"]["/api/v1/things"]["get"].contains("security"));
  EXPECT_EQ(doc["paths"]["/api/v1/health"]["get"]["security"], nlohmann::json::array());
}

void ExpectRefused(const std::string& source, const std::string& words,
                   const std::vector<Route>& routes = kTwoRoutes) {
  auto built = BuildOpenApiDocument(routes, source);
  ASSERT_FALSE(built.has_value()) << source;
  EXPECT_EQ(built.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(built.error().message.find(words), std::string::npos) << built.error().message;
}

TEST(OpenApiBuilder, RefusesARouteWithoutAnOperation) {
  ExpectRefused(Source(R"({"getHealth": {}})"), "GET /api/v1/things has no operation 'listThings'");
}

TEST(OpenApiBuilder, RefusesAnOperationWithoutARoute) {
  ExpectRefused(Source(R"({"listThings": {}, "getHealth": {}, "deleteThing": {}})"),
                "operation 'deleteThing' in openapi.json has no route");
}

TEST(OpenApiBuilder, RefusesWhatTheRouteTableOwns) {
  ExpectRefused(R"({"paths": {}, "operations": {}})", "states paths");
  ExpectRefused(Source(R"({"listThings": {"operationId": "x"}, "getHealth": {}})"),
                "operation 'listThings' in openapi.json states its operationId or security");
  ExpectRefused(Source(R"({"listThings": {}, "getHealth": {"security": []}})"),
                "operation 'getHealth' in openapi.json states its operationId or security");
}

TEST(OpenApiBuilder, RefusesADanglingRef) {
  ExpectRefused(
      Source(R"({"listThings": {"responses": {"400": {"$ref": "#/components/responses/Error"}}},
                 "getHealth": {}})"),
      "refers to #/components/responses/Error");
}

TEST(OpenApiBuilder, RefusesTwoRoutesWithOneOperationId) {
  std::vector<Route> twice = kTwoRoutes;
  twice.push_back(
      {"POST", "/api/v1/things", "listThings", Scope::kSignedIn, RoleSet::All(), nullptr});
  ExpectRefused(Source(R"({"listThings": {}, "getHealth": {}})"),
                "two routes share the operation id 'listThings'", twice);
}

TEST(OpenApiBuilder, RefusesASourceThatIsNotAnObjectWithOperations) {
  ExpectRefused("[1, 2]", "not a JSON object");
  ExpectRefused("{not json", "not a JSON object");
  ExpectRefused(R"({"openapi": "3.0.3"})", "has no operations object");
}

}  // namespace
}  // namespace parley::server
