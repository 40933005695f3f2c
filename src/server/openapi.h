// parley/server/openapi.h — the OpenAPI 3 description of the API, served without sign-in at
// /api/v1/openapi.json.
//
// Contract: the document is src/server/openapi.json, embedded in the binary at build time
// (so the served text is exactly the reviewed file). openapi_test.cpp keeps it true: every
// route in route_table.cpp is documented with its method, and every documented operation is
// a registered route with a handler. Planned routes (reconciliation, plans, agreements,
// ledger) are added here together with their route-table entries, not before.
//
//   std::string_view doc = OpenApiDocument();
#pragma once

#include <string_view>

namespace parley::server {

[[nodiscard]] std::string_view OpenApiDocument();

}  // namespace parley::server
