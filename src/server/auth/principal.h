// parley/server/auth/principal.h — who is making a request, once authenticated.
//
// Contract: a Principal is built only by authentication (session cookie or API token) from
// the users table; `via_cookie` decides whether CSRF protection applies (browsers attach
// cookies on their own; scripts with a bearer token cannot be tricked into a request).
#pragma once

#include <cstdint>
#include <string>

#include "server/auth/roles.h"

namespace parley::server {

struct Principal {
  std::int64_t user_id = 0;
  std::string name;
  Role role = Role::kObserver;
  std::string side;
  bool via_cookie = false;
  std::string csrf_token;  // the session's token when via_cookie

  [[nodiscard]] bool IsMediator() const { return side == kMediatorSide; }
};

}  // namespace parley::server
