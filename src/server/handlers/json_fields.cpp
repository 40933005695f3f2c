#include "server/handlers/json_fields.h"

#include <limits>
#include <sstream>

namespace parley::server {
namespace {

std::unexpected<Error> WrongType(const char* field, const char* type) {
  return Fail(ErrorCode::kInvalidInput, std::string("'") + field + "' must be " + type,
              {"", 0, 0, field});
}

std::unexpected<Error> Missing(const char* field) {
  return Fail(ErrorCode::kInvalidInput, std::string("'") + field + "' is required",
              {"", 0, 0, field});
}

}  // namespace

Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return WrongType(field, "a string");
  return std::optional<std::string>{it->get<std::string>()};
}

Result<std::string> RequiredString(const nlohmann::json& body, const char* field) {
  auto v = OptionalString(body, field);
  if (!v) return std::unexpected(v.error());
  if (!*v) return Missing(field);
  return **v;
}

Result<std::optional<std::int64_t>> OptionalInt(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::int64_t>{};
  if (!it->is_number_integer()) return WrongType(field, "an integer");
  // nlohmann keeps integers above INT64_MAX as unsigned; get<int64_t> would wrap them to
  // negatives (18446744073709551615 read as -1), so they are refused instead.
  if (it->is_number_unsigned() &&
      it->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return Fail(ErrorCode::kInvalidInput,
                std::string("'") + field + "' is too large (at most " +
                    std::to_string(std::numeric_limits<std::int64_t>::max()) + ")",
                {"", 0, 0, field});
  }
  return std::optional<std::int64_t>{it->get<std::int64_t>()};
}

Result<std::int64_t> RequiredInt(const nlohmann::json& body, const char* field) {
  auto v = OptionalInt(body, field);
  if (!v) return std::unexpected(v.error());
  if (!*v) return Missing(field);
  return **v;
}

Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* field,
                                             double min, double max) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<double>{};
  if (!it->is_number()) return WrongType(field, "a number");
  const double v = it->get<double>();
  if (v < min || v > max) {
    std::ostringstream range;
    range << "'" << field << "' must be from " << min << " to " << max;
    return Fail(ErrorCode::kInvalidInput, range.str(), {"", 0, 0, field});
  }
  return std::optional<double>{v};
}

Result<std::optional<bool>> OptionalBool(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean()) return WrongType(field, "true or false");
  return std::optional<bool>{it->get<bool>()};
}

}  // namespace parley::server
