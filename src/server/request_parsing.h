// parley/server/request_parsing.h — reading what a client put in a request: its JSON body,
// query parameters, path ids and the session cookie.
//
// Contract: pure functions of the request's text, no workspace and no state; each answers
// kInvalidInput naming the parameter or field at fault (the API's error carries it as
// "field"), never throws. They sit apart from api.cpp so that the fuzz harness
// (fuzz/api_request_fuzzer.cpp) can drive them without a server or a workspace.
//
//   PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t limit, QueryInt(req, "limit", 50, 1000));
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "server/api_types.h"

namespace parley::server {

// Parses a JSON request body: kInvalidInput naming the problem when it is not a JSON object.
[[nodiscard]] Result<nlohmann::json> ParseJsonObject(std::string_view body);
// The query parameter `name` as a number in [0, max] (`fallback` when absent); kInvalidInput
// naming the parameter otherwise.
[[nodiscard]] Result<std::int64_t> QueryInt(const ApiRequest& req, const char* name,
                                            std::int64_t fallback, std::int64_t max);
// The query parameter `name` as a probability in [0, 1]; nullopt when absent.
[[nodiscard]] Result<std::optional<double>> QueryProbability(const ApiRequest& req,
                                                             const char* name);
// The `version` query parameter: a positive number; nullopt when absent.
[[nodiscard]] Result<std::optional<std::int64_t>> VersionQuery(const ApiRequest& req);
// A path id (a user, a plan): a positive number; kInvalidInput naming `field` otherwise.
[[nodiscard]] Result<std::int64_t> ParseId(const std::string& text, std::string_view field);
// The value of cookie `name` in a Cookie header ("a=1; parley_session=xyz"); "" when absent.
[[nodiscard]] std::string CookieValue(const std::string& header, std::string_view name);

}  // namespace parley::server
