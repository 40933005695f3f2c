// parley/server/auth/csrf.h — cross-site request forgery protection for cookie sessions.
//
// Contract: a state-changing request (anything but GET, HEAD, OPTIONS) that authenticates with
// the session cookie must carry header `X-CSRF-Token` equal to the session's token, which the
// login response returns in its body and in the readable cookie `parley_csrf` (the
// double-submit pattern, bound to the session so a planted cookie does not help). Requests
// authenticated with an API token are exempt: a browser never attaches those on its own.
//
//   if (!CsrfSatisfied(method, principal, request_header)) -> 403 csrf_failed
#pragma once

#include <string_view>

#include "server/auth/principal.h"

namespace parley::server {

inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";
inline constexpr std::string_view kCsrfCookie = "parley_csrf";

[[nodiscard]] bool IsStateChanging(std::string_view method);
[[nodiscard]] bool CsrfSatisfied(std::string_view method, const Principal& who,
                                 std::string_view header_value);

}  // namespace parley::server
