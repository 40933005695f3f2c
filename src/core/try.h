// parley/core/try.h — early return for Result<T>, the way `?` works in other languages.
//
//   PARLEY_TRY(tx.Begin());                              // Result<void>: return on error
//   PARLEY_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));  // Result<T>: bind the value
//
// Macros because C++23 has no expression that returns from the enclosing function.
#pragma once

#include <expected>
#include <utility>

#define PARLEY_TRY(expr)                                             \
  do {                                                               \
    auto&& parley_try_result_ = (expr);                              \
    if (!parley_try_result_) {                                       \
      return std::unexpected(std::move(parley_try_result_).error()); \
    }                                                                \
  } while (0)

#define PARLEY_CONCAT_INNER_(a, b) a##b
#define PARLEY_CONCAT_(a, b) PARLEY_CONCAT_INNER_(a, b)
#define PARLEY_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr)       \
  auto tmp = (expr);                                        \
  if (!tmp) return std::unexpected(std::move(tmp).error()); \
  lhs = std::move(*tmp)
#define PARLEY_ASSIGN_OR_RETURN(lhs, expr) \
  PARLEY_ASSIGN_OR_RETURN_IMPL_(PARLEY_CONCAT_(parley_result_, __LINE__), lhs, expr)
