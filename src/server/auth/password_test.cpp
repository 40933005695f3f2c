#include "server/auth/password.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(Password, SameTextHashesDifferently) {
  auto a = HashPassword("correct horse battery");
  auto b = HashPassword("correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);  // a fresh salt each time
}

TEST(Password, ShortPasswordIsRefused) {
  auto hash = HashPassword("short");
  ASSERT_FALSE(hash.has_value());
  EXPECT_EQ(hash.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(hash.error().where.field, "password");
}

TEST(Password, MalformedHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "anything at all"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "anything at all"));
}

}  // namespace
}  // namespace parley::server
