#include "server/auth/secret_token.h"

#include <gtest/gtest.h>

#include <set>

namespace parley::server {
namespace {

TEST(SecretToken, PrefixedUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = NewSecret("pt_");
    EXPECT_TRUE(t.starts_with("pt_"));
    EXPECT_EQ(t.size(), 3u + 43u);  // 32 bytes in unpadded base64
    EXPECT_EQ(
        t.find_first_not_of("pt_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"),
        std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST(SecretToken, DigestIsSha256HexAndNotTheSecret) {
  std::string t = NewSecret("pt_");
  std::string d = TokenDigest(t);
  EXPECT_EQ(d.size(), 64u);
  EXPECT_EQ(d, TokenDigest(t));
  EXPECT_EQ(d.find(t.substr(3)), std::string::npos);
}

TEST(SecretToken, EqualityIsExactAndRefusesEmpty) {
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
  EXPECT_FALSE(SecretsEqual("", ""));
}

}  // namespace
}  // namespace parley::server
