#include "server/auth/csrf.h"

#include "server/auth/secret_token.h"

namespace parley::server {

bool IsStateChanging(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool CsrfSatisfied(std::string_view method, const Principal& who, std::string_view header_value) {
  if (!IsStateChanging(method) || !who.via_cookie) return true;
  return SecretsEqual(who.csrf_token, header_value);
}

}  // namespace parley::server
