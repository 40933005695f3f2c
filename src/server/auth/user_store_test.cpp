#include "server/auth/user_store.h"

#include <gtest/gtest.h>

#include "server/test_workspace.h"

namespace parley::server {
namespace {

constexpr const char* kPassword = "a long enough password";

TEST(UserStore, AddFindAndCheckPassword) {
  testing::TestWorkspace tw;
  auto u = AddUser(tw.ws(), {"olena", Role::kClerk, "ua"}, kPassword);
  ASSERT_TRUE(u.has_value()) << u.error().Describe();
  EXPECT_EQ(u->version, 1);
  EXPECT_TRUE(CheckPassword(tw.ws(), "olena", kPassword).has_value());
  auto wrong = CheckPassword(tw.ws(), "olena", "not the password");
  ASSERT_FALSE(wrong.has_value());
  auto nobody = CheckPassword(tw.ws(), "nobody", kPassword);
  ASSERT_FALSE(nobody.has_value());
  EXPECT_EQ(wrong.error().message, nobody.error().message);  // no hint which part was wrong
}

TEST(UserStore, StoresOnlyTheHash) {
  testing::TestWorkspace tw;
  ASSERT_TRUE(AddUser(tw.ws(), {"olena", Role::kClerk, "ua"}, kPassword).has_value());
  auto st = tw.db().Prepare("SELECT password_hash FROM users");
  ASSERT_TRUE(st && *st->Step());
  EXPECT_TRUE(st->ColumnText(0).starts_with("$argon2id$"));
  EXPECT_EQ(st->ColumnText(0).find(kPassword), std::string::npos);
}

TEST(UserStore, RefusesDuplicatesBadNamesAndMediatorRolesOnAPartySide) {
  testing::TestWorkspace tw;
  ASSERT_TRUE(AddUser(tw.ws(), {"olena", Role::kClerk, "ua"}, kPassword).has_value());
  EXPECT_EQ(AddUser(tw.ws(), {"olena", Role::kAnalyst, "ua"}, kPassword).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(AddUser(tw.ws(), {"o lena", Role::kClerk, "ua"}, kPassword).error().where.field,
            "name");
  EXPECT_EQ(AddUser(tw.ws(), {"icrc", Role::kInterviewer, "ua"}, kPassword).error().where.field,
            "role");
}

TEST(UserStore, StaleUpdateIsAConflictAndChangesNothing) {
  testing::TestWorkspace tw;
  ASSERT_TRUE(AddUser(tw.ws(), {"olena", Role::kClerk, "ua"}, kPassword).has_value());
  UserChange to_analyst;
  to_analyst.role = Role::kAnalyst;
  auto first = UpdateUser(tw.ws(), "olena", 1, to_analyst);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 2);
  UserChange disable;
  disable.disabled = true;
  auto stale = UpdateUser(tw.ws(), "olena", 1, disable);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto now = FindUser(tw.ws(), "olena");
  EXPECT_EQ(now->role, Role::kAnalyst);
  EXPECT_FALSE(now->disabled);
  EXPECT_EQ(now->version, 2);
}

TEST(UserStore, DisabledUserCannotSignIn) {
  testing::TestWorkspace tw;
  ASSERT_TRUE(AddUser(tw.ws(), {"olena", Role::kClerk, "ua"}, kPassword).has_value());
  std::string token = *CreateToken(tw.ws(), "olena");
  UserChange disable;
  disable.disabled = true;
  ASSERT_TRUE(UpdateUser(tw.ws(), "olena", 1, disable).has_value());
  EXPECT_FALSE(CheckPassword(tw.ws(), "olena", kPassword).has_value());
  EXPECT_FALSE(FindUserByToken(tw.ws(), token).has_value());
}

TEST(UserStore, TokensAreStoredHashed) {
  testing::TestWorkspace tw;
  ASSERT_TRUE(AddUser(tw.ws(), {"bot", Role::kAnalyst, "ua"}, kPassword).has_value());
  auto token = CreateToken(tw.ws(), "bot");
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(FindUserByToken(tw.ws(), *token)->name, "bot");
  EXPECT_FALSE(FindUserByToken(tw.ws(), *token + "x").has_value());
  auto st = tw.db().Prepare("SELECT token_sha256 FROM api_tokens");
  ASSERT_TRUE(st && *st->Step());
  EXPECT_NE(st->ColumnText(0), *token);
}

}  // namespace
}  // namespace parley::server
