// parley/server/api_types.h — an HTTP request and response as the API layer sees them.
//
// Contract: handlers and the authorisation layer see only these plain values, never the HTTP
// library's types, so the whole API (routing, authentication, authorisation, handlers) runs
// in unit tests without a socket, and the transport (cpp-httplib today) can be replaced
// without touching a handler. Header names in `headers` are lower-case.
//
//   ApiRequest req{.method = "GET", .path = "/api/v1/lists"};
//   ApiResponse res = api.Handle(req);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/auth/principal.h"

namespace parley::server {

struct UploadedPart {
  std::string filename;  // empty for a plain form field
  std::string content_type;
  std::string content;
};

struct ApiRequest {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::map<std::string, UploadedPart> parts;  // multipart/form-data fields and files
  std::string remote_addr;
  std::size_t content_length = 0;  // bytes received, multipart parts included

  // Filled by the API layer before a handler runs.
  std::map<std::string, std::string> path_params;
  std::optional<Principal> principal;

  [[nodiscard]] std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  [[nodiscard]] std::string QueryParam(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
  [[nodiscard]] std::string Part(const std::string& name) const {
    auto it = parts.find(name);
    return it == parts.end() ? std::string() : it->second.content;
  }
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace parley::server
