#include "server/auth/session_store.h"

#include <gtest/gtest.h>

#include "server/auth/user_store.h"
#include "server/test_workspace.h"

namespace parley::server {
namespace {

using namespace std::chrono_literals;

class SessionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"olena", "petro"}) {
      auto u = AddUser(tw_.ws(), {name, Role::kClerk, "ua"}, "a long enough password");
      ASSERT_TRUE(u.has_value());
      users_.push_back(u->id);
    }
  }
  std::optional<Session> Find(const std::string& id, SessionClock::time_point t) {
    auto s = FindSession(tw_.ws(), id, t);
    EXPECT_TRUE(s.has_value()) << s.error().Describe();
    return s.value_or(std::nullopt);
  }
  NewSession Create(std::int64_t user, SessionClock::time_point t) {
    auto s = CreateSession(tw_.ws(), user, t);
    EXPECT_TRUE(s.has_value()) << s.error().Describe();
    return *s;
  }

  testing::TestWorkspace tw_;
  std::vector<std::int64_t> users_;
  SessionClock::time_point t0_ = SessionClock::now();
};

TEST_F(SessionStoreTest, CreateFindEnd) {
  NewSession s = Create(users_[0], t0_);
  auto found = Find(s.id, t0_ + 1min);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, users_[0]);
  EXPECT_EQ(found->csrf_token, s.csrf_token);
  EXPECT_FALSE(Find(s.id + "x", t0_).has_value());
  EXPECT_FALSE(Find("", t0_).has_value());
  ASSERT_TRUE(EndSession(tw_.ws(), s.id).has_value());
  EXPECT_FALSE(Find(s.id, t0_).has_value());
}

TEST_F(SessionStoreTest, OnlyTheDigestOfTheIdIsStored) {
  NewSession s = Create(users_[0], t0_);
  auto st = tw_.db().Prepare("SELECT id_sha256 FROM sessions");
  ASSERT_TRUE(st.has_value());
  ASSERT_TRUE(*st->Step());
  EXPECT_NE(st->ColumnText(0), s.id);
  EXPECT_EQ(st->ColumnText(0).find(s.id.substr(3)), std::string::npos);
}

TEST_F(SessionStoreTest, SurvivesReopeningTheWorkspace) {
  NewSession s = Create(users_[1], t0_);
  auto reopened = store::Workspace::Open(tw_.dir());
  ASSERT_TRUE(reopened.has_value());
  auto found = FindSession(*reopened, s.id, t0_ + 5min);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->user_id, users_[1]);
}

TEST_F(SessionStoreTest, IdleSessionExpiresButUseKeepsItAlive) {
  NewSession s = Create(users_[0], t0_);
  EXPECT_TRUE(Find(s.id, t0_ + 20min).has_value());
  EXPECT_TRUE(Find(s.id, t0_ + 40min).has_value());  // 20 min after last use
  EXPECT_FALSE(Find(s.id, t0_ + 80min).has_value());
  EXPECT_FALSE(Find(s.id, t0_ + 41min).has_value());  // the expired row is gone
}

TEST_F(SessionStoreTest, AbsoluteTimeoutEndsEvenABusySession) {
  NewSession s = Create(users_[0], t0_);
  auto t = t0_;
  for (int i = 0; i < 47; ++i) {
    t += 15min;
    ASSERT_TRUE(Find(s.id, t).has_value()) << i;
  }
  EXPECT_FALSE(Find(s.id, t0_ + 12h + 1min).has_value());
}

TEST_F(SessionStoreTest, EndUserSessionsEndsAllItsSessions) {
  NewSession a = Create(users_[0], t0_);
  NewSession b = Create(users_[0], t0_);
  NewSession c = Create(users_[1], t0_);
  ASSERT_TRUE(EndUserSessions(tw_.ws(), users_[0]).has_value());
  EXPECT_FALSE(Find(a.id, t0_).has_value());
  EXPECT_FALSE(Find(b.id, t0_).has_value());
  EXPECT_TRUE(Find(c.id, t0_).has_value());
}

TEST_F(SessionStoreTest, ExpiredSessionsAreRemovedAsNewOnesArrive) {
  for (int i = 0; i < 5; ++i) (void)Create(users_[0], t0_);
  EXPECT_EQ(*CountSessions(tw_.ws()), 5);
  (void)Create(users_[1], t0_ + 13h);
  EXPECT_EQ(*CountSessions(tw_.ws()), 1);
}

}  // namespace
}  // namespace parley::server
