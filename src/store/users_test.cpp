#include "store/users.h"

#include <gtest/gtest.h>

#include "store/sessions.h"
#include "store/test_workspace.h"

namespace parley::store {
namespace {

TEST(StoreUsers, RoundTrip) {
  testing::TempWorkspace t("parley-users");
  ASSERT_TRUE(InsertUser(t.ws(), {"olena", "hash-1", "clerk", "ua", "2026-01-01T00:00:00Z"}));
  ASSERT_TRUE(InsertUser(t.ws(), {"anna", "hash-2", "analyst", "ua", "2026-01-02T00:00:00Z"}));

  auto olena = UserNamed(t.ws(), "olena");
  ASSERT_TRUE(olena.has_value() && olena->has_value());
  EXPECT_EQ((*olena)->role, "clerk");
  EXPECT_EQ((*olena)->side, "ua");
  EXPECT_FALSE((*olena)->disabled);
  EXPECT_EQ((*olena)->version, 1);
  EXPECT_EQ((*olena)->created_at, "2026-01-01T00:00:00Z");
  EXPECT_EQ((*olena)->updated_at, "2026-01-01T00:00:00Z");
  auto by_id = UserWithId(t.ws(), (*olena)->id);
  ASSERT_TRUE(by_id.has_value() && by_id->has_value());
  EXPECT_EQ((*by_id)->name, "olena");

  auto all = AllUsers(t.ws());
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "anna");  // by name
  EXPECT_EQ((*all)[1].name, "olena");

  EXPECT_FALSE(UserNamed(t.ws(), "nobody")->has_value());
  EXPECT_FALSE(UserWithId(t.ws(), 999999)->has_value());
  EXPECT_EQ(InsertUser(t.ws(), {"olena", "h", "clerk", "ua", "x"}).error().code,
            ErrorCode::kConflict);
}

TEST(StoreUsers, UpdateOnlyAtTheVersionRead) {
  testing::TempWorkspace t("parley-users");
  ASSERT_TRUE(InsertUser(t.ws(), {"olena", "hash-1", "clerk", "ua", "t0"}));
  const std::int64_t id = (*UserNamed(t.ws(), "olena"))->id;

  // An empty hash keeps the password.
  auto updated = UpdateUserRow(t.ws(), id, 1, {"analyst", "ua", true, "", "t1"});
  ASSERT_TRUE(updated.has_value());
  EXPECT_TRUE(*updated);
  auto after = *UserNamed(t.ws(), "olena");
  EXPECT_EQ(after->role, "analyst");
  EXPECT_TRUE(after->disabled);
  EXPECT_EQ(after->version, 2);
  EXPECT_EQ(after->updated_at, "t1");
  EXPECT_EQ((*CredentialsOf(t.ws(), "olena"))->password_hash, "hash-1");

  auto stale = UpdateUserRow(t.ws(), id, 1, {"clerk", "ua", false, "hash-2", "t2"});
  ASSERT_TRUE(stale.has_value());
  EXPECT_FALSE(*stale);
  EXPECT_EQ((*UserNamed(t.ws(), "olena"))->version, 2);

  ASSERT_TRUE(*UpdateUserRow(t.ws(), id, 2, {"clerk", "ua", false, "hash-2", "t2"}));
  auto credentials = *CredentialsOf(t.ws(), "olena");
  ASSERT_TRUE(credentials.has_value());
  EXPECT_EQ(credentials->id, id);
  EXPECT_EQ(credentials->password_hash, "hash-2");
  EXPECT_FALSE(credentials->disabled);
  EXPECT_FALSE(CredentialsOf(t.ws(), "nobody")->has_value());
}

TEST(StoreUsers, TokensFindOnlyEnabledUsers) {
  testing::TempWorkspace t("parley-users");
  ASSERT_TRUE(InsertUser(t.ws(), {"bot", "h", "analyst", "ua", "t0"}));
  const std::int64_t id = (*UserNamed(t.ws(), "bot"))->id;
  ASSERT_TRUE(InsertApiToken(t.ws(), id, "digest-1", "t0"));

  auto found = UserWithTokenDigest(t.ws(), "digest-1");
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->name, "bot");
  EXPECT_FALSE(UserWithTokenDigest(t.ws(), "digest-2")->has_value());

  ASSERT_TRUE(*UpdateUserRow(t.ws(), id, 1, {"analyst", "ua", true, "", "t1"}));
  EXPECT_FALSE(UserWithTokenDigest(t.ws(), "digest-1")->has_value());
}

TEST(StoreUsers, TokensAreListedWithoutDigestsAndRevokedOnlyByTheirUser) {
  testing::TempWorkspace t("parley-users");
  ASSERT_TRUE(InsertUser(t.ws(), {"bot", "h", "analyst", "ua", "t0"}));
  ASSERT_TRUE(InsertUser(t.ws(), {"other", "h", "analyst", "ua", "t0"}));
  const std::int64_t bot = (*UserNamed(t.ws(), "bot"))->id;
  const std::int64_t other = (*UserNamed(t.ws(), "other"))->id;
  auto first = InsertApiToken(t.ws(), bot, "digest-1", "t1");
  auto second = InsertApiToken(t.ws(), bot, "digest-2", "t2");
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_LT(*first, *second);

  auto tokens = ApiTokensOfUser(t.ws(), bot);
  ASSERT_TRUE(tokens.has_value());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].id, *second);  // newest first
  EXPECT_EQ((*tokens)[0].created_at, "t2");
  EXPECT_FALSE((*tokens)[0].revoked);
  EXPECT_TRUE(ApiTokensOfUser(t.ws(), other)->empty());

  // Another user's token id is not theirs to revoke.
  EXPECT_FALSE(*RevokeApiToken(t.ws(), other, *first));
  EXPECT_TRUE(UserWithTokenDigest(t.ws(), "digest-1")->has_value());
  EXPECT_FALSE(*RevokeApiToken(t.ws(), bot, 999999));

  ASSERT_TRUE(*RevokeApiToken(t.ws(), bot, *first));
  EXPECT_FALSE(UserWithTokenDigest(t.ws(), "digest-1")->has_value());
  EXPECT_TRUE(UserWithTokenDigest(t.ws(), "digest-2")->has_value());
  EXPECT_TRUE(*RevokeApiToken(t.ws(), bot, *first));  // again: still there, still revoked
  tokens = ApiTokensOfUser(t.ws(), bot);
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_FALSE((*tokens)[0].revoked);
  EXPECT_TRUE((*tokens)[1].revoked);
}

TEST(StoreSessions, RowsRoundTripAndExpire) {
  testing::TempWorkspace t("parley-sessions");
  ASSERT_TRUE(InsertUser(t.ws(), {"olena", "h", "clerk", "ua", "t0"}));
  ASSERT_TRUE(InsertUser(t.ws(), {"petro", "h", "clerk", "ua", "t0"}));
  const std::int64_t olena = (*UserNamed(t.ws(), "olena"))->id;
  const std::int64_t petro = (*UserNamed(t.ws(), "petro"))->id;
  ASSERT_TRUE(InsertSession(t.ws(), {"a", olena, "csrf-a", 100, 100, 1000}));
  ASSERT_TRUE(InsertSession(t.ws(), {"b", olena, "csrf-b", 100, 100, 200}));
  ASSERT_TRUE(InsertSession(t.ws(), {"c", petro, "csrf-c", 100, 150, 1000}));
  EXPECT_EQ(*SessionRowCount(t.ws()), 3);

  auto a = SessionWithDigest(t.ws(), "a");
  ASSERT_TRUE(a.has_value() && a->has_value());
  EXPECT_EQ((*a)->user_id, olena);
  EXPECT_EQ((*a)->csrf_token, "csrf-a");
  EXPECT_EQ((*a)->expires_at, 1000);
  ASSERT_TRUE(TouchSession(t.ws(), "a", 180));
  EXPECT_EQ((*SessionWithDigest(t.ws(), "a"))->last_used_at, 180);
  EXPECT_FALSE(SessionWithDigest(t.ws(), "z")->has_value());

  // At 200: "b" has expired; "c" was last used at 150, at or before the idle bound.
  ASSERT_TRUE(DeleteStaleSessions(t.ws(), 200, 150));
  EXPECT_EQ(*SessionRowCount(t.ws()), 1);
  EXPECT_TRUE(SessionWithDigest(t.ws(), "a")->has_value());

  ASSERT_TRUE(InsertSession(t.ws(), {"d", petro, "csrf-d", 200, 200, 1000}));
  ASSERT_TRUE(DeleteUserSessions(t.ws(), olena));
  EXPECT_FALSE(SessionWithDigest(t.ws(), "a")->has_value());
  ASSERT_TRUE(DeleteSession(t.ws(), "d"));
  EXPECT_EQ(*SessionRowCount(t.ws()), 0);
}

}  // namespace
}  // namespace parley::store
