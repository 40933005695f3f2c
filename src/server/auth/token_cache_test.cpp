#include "server/auth/token_cache.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

using namespace std::chrono_literals;

TEST(TokenCache, RemembersASuccessForTheTtlOnly) {
  TokenCache cache;
  auto t0 = TokenCache::Clock::now();
  EXPECT_FALSE(cache.Find("d1", t0).has_value());
  cache.Put("d1", Principal{7, "olena", Role::kClerk, "ua", false, ""}, cache.Generation(), t0);
  auto hit = cache.Find("d1", t0 + 4s);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->user_id, 7);
  EXPECT_EQ(hit->side, "ua");
  EXPECT_FALSE(cache.Find("d2", t0).has_value());
  EXPECT_FALSE(cache.Find("d1", t0 + TokenCache::kTtl).has_value());
}

TEST(TokenCache, ClearForgetsEverything) {
  TokenCache cache;
  cache.Put("d1", Principal{1, "a", Role::kAdmin, "ua", false, ""}, cache.Generation());
  cache.Put("d2", Principal{2, "b", Role::kObserver, "ru", false, ""}, cache.Generation());
  cache.Clear();
  EXPECT_FALSE(cache.Find("d1").has_value());
  EXPECT_FALSE(cache.Find("d2").has_value());
}

TEST(TokenCache, ALookupThatStartedBeforeAClearIsNotKept) {
  TokenCache cache;
  std::uint64_t before = cache.Generation();
  cache.Clear();  // e.g. the user was disabled while the lookup ran
  cache.Put("d1", Principal{1, "a", Role::kAdmin, "ua", false, ""}, before);
  EXPECT_FALSE(cache.Find("d1").has_value());
}

}  // namespace
}  // namespace parley::server
