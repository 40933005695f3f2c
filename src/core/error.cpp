#include "core/error.h"

namespace parley {

std::string Error::Describe() const {
  std::string out;
  if (!where.file.empty()) out += where.file;
  std::string place;
  if (where.row > 0) place += "row " + std::to_string(where.row);
  if (where.column > 0)
    place += (place.empty() ? "" : ", ") + std::string("column ") + std::to_string(where.column);
  if (!where.field.empty()) {
    place += place.empty() ? "field " + where.field : " (" + where.field + ")";
  }
  if (!place.empty()) out += out.empty() ? place : ": " + place;
  if (!out.empty()) out += ": ";
  return out + message;
}

bool Error::IsUserError() const {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
    case ErrorCode::kCorruption:
      return true;
    case ErrorCode::kIoError:
    case ErrorCode::kUnsupported:
    case ErrorCode::kInternal:
      return false;
  }
  return false;
}

std::unexpected<Error> Fail(ErrorCode code, std::string message, Location where) {
  return std::unexpected<Error>(Error{code, std::move(message), std::move(where)});
}

std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kCorruption:
      return "corruption";
    case ErrorCode::kIoError:
      return "io_error";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace parley
