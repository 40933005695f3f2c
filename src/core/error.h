// parley/core/error.h — the error value every module returns at its boundary.
//
// Fallible functions return `Result<T>` (std::expected<T, Error>) and are [[nodiscard]].
// Exceptions never cross a module boundary. An Error says what went wrong for a person
// (message), what kind of failure it is (code: it decides the exit status), and where
// (file, row, column, field) so that a clerk can find and fix the cell at fault.
//
//   Result<PartialDate> d = ParsePartialDate("31.02.1990");
//   if (!d) std::cerr << d.error().Describe();   // "row 12, column birth_date: ..."
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace parley {

enum class ErrorCode {
  kInvalidInput,  // the user's input is wrong: fix the file, the flag or the value
  kNotFound,      // a named list, version, record or file does not exist
  kConflict,      // the request contradicts stored state (duplicate, frozen version)
  kCorruption,    // stored or received data fails its own checks
  kIoError,       // the operating system refused a read or write
  kUnsupported,   // a valid request this build cannot serve
  kInternal,      // parley's own fault: a bug
};

// Where an error was found. Every part is optional; empty parts are not printed.
struct Location {
  std::string file;
  std::int64_t row = 0;     // 1-based line or row number in `file`; 0 = not applicable
  std::int64_t column = 0;  // 1-based column number; 0 = not applicable
  std::string field;        // a column or field name
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  Location where;

  // "FILE: row R, column C (FIELD): MESSAGE"
  [[nodiscard]] std::string Describe() const;
  // True when the user can fix the cause (exit status 1); false for parley's own faults (2).
  [[nodiscard]] bool IsUserError() const;
};

template <typename T>
using Result = std::expected<T, Error>;

// Shorthands that read well at the point of failure:
//   return Fail(ErrorCode::kInvalidInput, "unknown kind 'x'; use custody, request, ...");
[[nodiscard]] std::unexpected<Error> Fail(ErrorCode code, std::string message, Location where = {});
[[nodiscard]] std::unexpected<Error> Fail(Error error);

[[nodiscard]] const char* ErrorCodeName(ErrorCode code);

}  // namespace parley
