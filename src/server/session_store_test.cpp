#include "server/session_store.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

using namespace std::chrono_literals;

TEST(SessionStore, CreateFindRemove) {
  SessionStore store;
  auto t0 = SessionStore::Clock::now();
  NewSession s = store.Create(7, t0);
  auto found = store.Find(s.id, t0 + 1min);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, 7);
  EXPECT_EQ(found->csrf_token, s.csrf_token);
  EXPECT_FALSE(store.Find(s.id + "x", t0).has_value());
  EXPECT_FALSE(store.Find("", t0).has_value());
  store.Remove(s.id);
  EXPECT_FALSE(store.Find(s.id, t0).has_value());
}

TEST(SessionStore, IdleSessionExpiresButUseKeepsItAlive) {
  SessionStore store;
  auto t0 = SessionStore::Clock::now();
  NewSession s = store.Create(1, t0);
  EXPECT_TRUE(store.Find(s.id, t0 + 20min).has_value());
  EXPECT_TRUE(store.Find(s.id, t0 + 40min).has_value());  // 20 min after last use
  EXPECT_FALSE(store.Find(s.id, t0 + 80min).has_value());
}

TEST(SessionStore, AbsoluteTimeoutEndsEvenABusySession) {
  SessionStore store;
  auto t0 = SessionStore::Clock::now();
  NewSession s = store.Create(1, t0);
  auto t = t0;
  for (int i = 0; i < 47; ++i) {
    t += 15min;
    ASSERT_TRUE(store.Find(s.id, t).has_value()) << i;
  }
  EXPECT_FALSE(store.Find(s.id, t0 + 12h + 1min).has_value());
}

TEST(SessionStore, RemoveUserEndsAllItsSessions) {
  SessionStore store;
  NewSession a = store.Create(1);
  NewSession b = store.Create(1);
  NewSession c = store.Create(2);
  store.RemoveUser(1);
  EXPECT_FALSE(store.Find(a.id).has_value());
  EXPECT_FALSE(store.Find(b.id).has_value());
  EXPECT_TRUE(store.Find(c.id).has_value());
}

TEST(SessionStore, AbandonedSessionsAreSweptAsNewOnesArrive) {
  SessionStore store;
  auto t0 = SessionStore::Clock::now();
  for (int i = 0; i < 255; ++i) (void)store.Create(1, t0);
  EXPECT_EQ(store.size(), 255u);
  (void)store.Create(2, t0 + 13h);  // the 256th creation sweeps the expired ones
  EXPECT_EQ(store.size(), 1u);
}

}  // namespace
}  // namespace parley::server
