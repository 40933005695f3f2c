#include "server/auth/csrf.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

Principal CookieUser() { return {1, "olena", Role::kClerk, "ua", true, "csrf-secret-123"}; }

TEST(Csrf, ReadsNeedNoToken) {
  for (const char* m : {"GET", "HEAD", "OPTIONS"}) EXPECT_TRUE(CsrfSatisfied(m, CookieUser(), ""));
}

TEST(Csrf, CookieWritesNeedTheSessionToken) {
  for (const char* m : {"POST", "PUT", "PATCH", "DELETE"}) {
    EXPECT_FALSE(CsrfSatisfied(m, CookieUser(), "")) << m;
    EXPECT_FALSE(CsrfSatisfied(m, CookieUser(), "csrf-secret-124")) << m;
    EXPECT_TRUE(CsrfSatisfied(m, CookieUser(), "csrf-secret-123")) << m;
  }
}

TEST(Csrf, TokenAuthenticatedWritesAreExempt) {
  Principal script{1, "bot", Role::kClerk, "ua", false, ""};
  EXPECT_TRUE(CsrfSatisfied("POST", script, ""));
}

}  // namespace
}  // namespace parley::server
