#include "server/api_error.h"

namespace parley::server {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnsupported:
      return 501;
    case ErrorCode::kCorruption:
    case ErrorCode::kIoError:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

nlohmann::json ErrorJson(const Error& error) {
  nlohmann::json e = {{"code", ErrorCodeName(error.code)}, {"message", error.message}};
  if (!error.where.field.empty()) e["field"] = error.where.field;
  if (error.where.row > 0) e["row"] = error.where.row;
  if (error.where.column > 0) e["column"] = error.where.column;
  return e;
}

ApiResponse ErrorResponse(const Error& error) {
  return JsonResponse(HttpStatusFor(error.code), {{"error", ErrorJson(error)}});
}

ApiResponse HttpError(int status, std::string_view code, std::string_view message,
                      std::string_view field) {
  nlohmann::json e = {{"code", code}, {"message", message}};
  if (!field.empty()) e["field"] = field;
  return JsonResponse(status, {{"error", e}});
}

ApiResponse Respond(Result<ApiResponse> result) {
  return result ? std::move(*result) : ErrorResponse(result.error());
}

ApiResponse JsonResponse(int status, const nlohmann::json& body) {
  ApiResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse JsonTextResponse(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

}  // namespace parley::server
