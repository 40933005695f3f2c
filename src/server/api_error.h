// parley/server/api_error.h — errors as the API returns them.
//
// Contract: every failed call answers with a JSON body
//   {"error": {"code": "invalid_input", "message": "...", "field": "...", "row": 12, "column": 3}}
// where `code` is stable (core's ErrorCodeName, plus the HTTP-only codes below), `message` is
// for a person, and field/row/column appear only when known. The status follows the code:
// invalid_input 400, unauthenticated 401, forbidden/csrf_failed 403, not_found 404,
// method_not_allowed 405, conflict 409, payload_too_large 413, rate_limited 429,
// unsupported 501, anything else 500 (and then the message never carries internal detail
// beyond what Error already says).
//
//   return ErrorResponse(result.error());
//   return HttpError(403, "forbidden", "this list belongs to another side");
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/error.h"
#include "server/api_types.h"

namespace parley::server {

[[nodiscard]] int HttpStatusFor(ErrorCode code);
[[nodiscard]] nlohmann::json ErrorJson(const Error& error);
[[nodiscard]] ApiResponse ErrorResponse(const Error& error);
[[nodiscard]] ApiResponse HttpError(int status, std::string_view code, std::string_view message,
                                    std::string_view field = {});
// The response itself, or the error's response.
[[nodiscard]] ApiResponse Respond(Result<ApiResponse> result);
[[nodiscard]] ApiResponse JsonResponse(int status, const nlohmann::json& body);
// A response whose body is already JSON text.
[[nodiscard]] ApiResponse JsonTextResponse(int status, std::string body);

}  // namespace parley::server
