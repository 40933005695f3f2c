// parley/server/handlers/json_fields.h — typed fields of a JSON request body, with the field at
// fault.
//
// Contract: each getter answers kInvalidInput naming the field (so the API's error says
// "field": "version") when a required field is missing or a field has the wrong type.
//
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t v, RequiredInt(body, "version"));
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error.h"

namespace parley::server {

[[nodiscard]] Result<std::optional<std::string>> OptionalString(const nlohmann::json& body,
                                                                const char* field);
[[nodiscard]] Result<std::string> RequiredString(const nlohmann::json& body, const char* field);
[[nodiscard]] Result<std::optional<std::int64_t>> OptionalInt(const nlohmann::json& body,
                                                              const char* field);
[[nodiscard]] Result<std::int64_t> RequiredInt(const nlohmann::json& body, const char* field);
// A number (integer or not) within [min, max].
[[nodiscard]] Result<std::optional<double>> OptionalNumber(const nlohmann::json& body,
                                                           const char* field, double min,
                                                           double max);
[[nodiscard]] Result<std::optional<bool>> OptionalBool(const nlohmann::json& body,
                                                       const char* field);

}  // namespace parley::server
