#include "server/auth/roles.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

TEST(Roles, EveryRoleRoundTrips) {
  for (Role r : kAllRoles) {
    auto parsed = ParseRole(RoleName(r));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, r);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseRole("Admin").has_value());
}

TEST(Roles, MediatorOnlyRoles) {
  EXPECT_TRUE(CheckRoleSide(Role::kInterviewer, "mediator").has_value());
  EXPECT_TRUE(CheckRoleSide(Role::kCheckpoint, "mediator").has_value());
  EXPECT_FALSE(CheckRoleSide(Role::kInterviewer, "ua").has_value());
  EXPECT_FALSE(CheckRoleSide(Role::kCheckpoint, "ru").has_value());
  EXPECT_TRUE(CheckRoleSide(Role::kClerk, "ua").has_value());
}

TEST(Roles, SideNames) {
  EXPECT_TRUE(CheckSideName("ua").has_value());
  EXPECT_TRUE(CheckSideName("side_2-b").has_value());
  for (const char* bad : {"", "UA", "u a", "ua/ru", "x123456789012345678901234567890123"}) {
    EXPECT_FALSE(CheckSideName(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace parley::server
