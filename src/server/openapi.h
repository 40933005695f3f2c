// parley/server/openapi.h — the OpenAPI 3 description of the API, served without sign-in at
// /api/v1/openapi.json.
//
// Contract: the document is built from two halves that each say a thing once. The route table
// (route_table.h) gives every operation's path, method, operation id and whether it needs
// sign-in (`"security": []` on the public routes); src/server/openapi.json, embedded in the
// binary at build time, gives everything else: info, servers, components, and under
// `operations`, keyed by operation id, each operation's summary, parameters, request body
// and responses. The build fails (an Error, and for the served document a crash at start-up,
// which openapi_test.cpp turns into a failing test first) when a route has no operation, an
// operation has no route, the source states what the table owns (`paths`, an operation's
// `operationId` or `security`), or a "$ref" points at nothing.
//
// Why not serve openapi.json as written: with the paths written both there and in the route
// table, the two lists could drift apart and only a test kept them together; now a route
// cannot exist without its documentation, nor the documentation without its route.
//
//   std::string_view doc = OpenApiDocument();
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "server/route_table.h"

namespace parley::server {

// The served document, built from RouteTable() and OpenApiSource() on first use.
[[nodiscard]] std::string_view OpenApiDocument();

// openapi.json as embedded at build time.
[[nodiscard]] std::string_view OpenApiSource();

// The document for `routes` documented by `source` (openapi.json's shape), as indented JSON
// text; kInvalidInput naming the route or operation when the two do not agree (see above).
[[nodiscard]] Result<std::string> BuildOpenApiDocument(std::span<const Route> routes,
                                                       std::string_view source);

}  // namespace parley::server
