#include "server/request_parsing.h"

#include <charconv>

namespace parley::server {

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Fail(ErrorCode::kInvalidInput, "the request body must be a JSON object",
                {"", 0, 0, "body"});
  }
  return j;
}

Result<std::int64_t> QueryInt(const ApiRequest& req, const char* name, std::int64_t fallback,
                              std::int64_t max) {
  std::string text = req.QueryParam(name);
  if (text.empty()) return fallback;
  std::int64_t n = -1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 0 || n > max) {
    return Fail(ErrorCode::kInvalidInput,
                std::string(name) + " must be a number from 0 to " + std::to_string(max),
                {"", 0, 0, name});
  }
  return n;
}

Result<std::optional<double>> QueryProbability(const ApiRequest& req, const char* name) {
  const std::string text = req.QueryParam(name);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1)) {
    return Fail(ErrorCode::kInvalidInput,
                std::string(name) + " must be a number from 0 to 1, not '" + text + "'",
                {"", 0, 0, name});
  }
  return value;
}

Result<std::optional<std::int64_t>> VersionQuery(const ApiRequest& req) {
  const std::string text = req.QueryParam("version");
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < 1) {
    return Fail(ErrorCode::kInvalidInput, "version must be a positive number",
                {"", 0, 0, "version"});
  }
  return std::optional<std::int64_t>{v};
}

Result<std::int64_t> ParseId(const std::string& text, std::string_view field) {
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 1) {
    return Fail(ErrorCode::kInvalidInput, "'" + text + "' is not a positive number",
                {"", 0, 0, std::string(field)});
  }
  return n;
}

std::string CookieValue(const std::string& header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

}  // namespace parley::server
