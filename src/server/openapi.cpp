// Builds the OpenAPI document from the route table and openapi.json (openapi.h). Key order is
// kept as written (ordered_json), so the served text reads like the source file.
#include "server/openapi.h"

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/try.h"

namespace parley::server {
namespace {

using Json = nlohmann::ordered_json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string RouteName(const Route& r) {
  return std::string(r.method) + " " + std::string(r.pattern);
}

// The operation of `route` as served: its id first, then the source's text, then `security`.
Result<Json> OperationFor(const Route& route, const Json& operations) {
  const std::string id(route.operation_id);
  auto op = operations.find(id);
  if (op == operations.end() || !op->is_object()) {
    return Fail(ErrorCode::kInvalidInput,
                "route " + RouteName(route) + " has no operation '" + id + "' in openapi.json");
  }
  if (op->contains("operationId") || op->contains("security")) {
    return Fail(ErrorCode::kInvalidInput,
                "operation '" + id +
                    "' in openapi.json states its operationId or security; the route table "
                    "gives them");
  }
  Json out = {{"operationId", id}};
  for (const auto& [key, value] : op->items()) out[key] = value;
  if (route.scope == Scope::kPublic) out["security"] = Json::array();
  return out;
}

Result<Json> Paths(std::span<const Route> routes, const Json& operations) {
  Json paths = Json::object();
  std::set<std::string> used;
  for (const Route& route : routes) {
    if (!used.insert(std::string(route.operation_id)).second) {
      return Fail(ErrorCode::kInvalidInput,
                  "two routes share the operation id '" + std::string(route.operation_id) + "'");
    }
    PARLEY_ASSIGN_OR_RETURN(Json op, OperationFor(route, operations));
    Json& path = paths[std::string(route.pattern)];
    const std::string method = Lower(route.method);
    if (path.contains(method)) {
      return Fail(ErrorCode::kInvalidInput, "route " + RouteName(route) + " is listed twice");
    }
    path[method] = std::move(op);
  }
  for (const auto& [id, op] : operations.items()) {
    if (!used.contains(id)) {
      return Fail(ErrorCode::kInvalidInput,
                  "operation '" + id + "' in openapi.json has no route in route_table.cpp");
    }
  }
  return paths;
}

// Every local "$ref" ("#/components/...") names something in the document.
Result<void> CheckRefs(const Json& node, const Json& doc) {
  if (node.is_array()) {
    for (const Json& item : node) PARLEY_TRY(CheckRefs(item, doc));
  }
  if (!node.is_object()) return {};
  for (const auto& [key, value] : node.items()) {
    if (key == "$ref" && value.is_string()) {
      const std::string ref = value.get<std::string>();
      bool found = ref.starts_with("#/");
      if (found) {
        try {
          found = doc.contains(Json::json_pointer(ref.substr(1)));
        } catch (const Json::exception&) {
          found = false;
        }
      }
      if (!found) {
        return Fail(ErrorCode::kInvalidInput,
                    "openapi.json refers to " + ref + ", which is not there");
      }
    } else {
      PARLEY_TRY(CheckRefs(value, doc));
    }
  }
  return {};
}

}  // namespace

Result<std::string> BuildOpenApiDocument(std::span<const Route> routes, std::string_view source) {
  Json src = Json::parse(source, nullptr, /*allow_exceptions=*/false);
  if (src.is_discarded() || !src.is_object()) {
    return Fail(ErrorCode::kInvalidInput, "openapi.json is not a JSON object");
  }
  if (src.contains("paths")) {
    return Fail(ErrorCode::kInvalidInput,
                "openapi.json states paths; they come from the route table (route_table.cpp)");
  }
  if (!src.contains("operations") || !src["operations"].is_object()) {
    return Fail(ErrorCode::kInvalidInput, "openapi.json has no operations object");
  }
  // `paths` takes the place of `operations`, so the document keeps the source's order.
  Json doc = Json::object();
  for (const auto& [key, value] : src.items()) {
    if (key == "operations") {
      PARLEY_ASSIGN_OR_RETURN(doc["paths"], Paths(routes, value));
    } else {
      doc[key] = value;
    }
  }
  PARLEY_TRY(CheckRefs(doc, doc));
  return doc.dump(1) + "\n";
}

std::string_view OpenApiDocument() {
  // Both halves are compiled in, so a mismatch is a programmer's mistake that openapi_test.cpp
  // catches: no request can cause it, and serving half a document would hide it.
  static const std::string kDocument = [] {
    auto doc = BuildOpenApiDocument(RouteTable(), OpenApiSource());
    if (!doc) {
      std::cerr << "parley: the OpenAPI document does not match the route table: "
                << doc.error().message << "\n";
      std::abort();
    }
    return std::move(*doc);
  }();
  return kDocument;
}

}  // namespace parley::server
