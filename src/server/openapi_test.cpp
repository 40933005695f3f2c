// Keeps the OpenAPI document true: every registered route is documented with its method and
// operation id, every documented operation is a registered route, and every route has a
// handler.
#include "server/openapi.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "server/api.h"
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
    EXPECT_TRUE(Api::HasHandler(r.operation_id)) << r.operation_id << " has no handler";
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
        std::string ref = p["$ref"];
        declared = declared || (ref.ends_with("/" + name) && params[name]["in"] == "path");
      }
      EXPECT_TRUE(declared) << r.operation_id << " lacks path parameter " << name;
    }
  }
}

}  // namespace
}  // namespace parley::server
