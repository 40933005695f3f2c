// parley/server/auth/roles.h — the roles a person signs in with (SYSTEM.md) and the side rule.
//
// Contract: a Role is one of the eight names below; `interviewer` and `checkpoint` exist only
// for users of the mediator's side (kMediatorSide), because only a mediator node runs
// interviews and the crossing point. A user of the mediator side sees every party's lists;
// a party's user sees its own side's lists and those explicitly shared with it.
//
// Why an enum and not free strings: the route table (route_table.h) is checked against every
// role by a matrix test, which needs the full set to be enumerable.
//
//   auto role = ParseRole("clerk");                 // Result<Role>
//   PARLEY_TRY(CheckRoleSide(*role, "ua"));         // interviewer on "ua" is refused
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::server {

enum class Role {
  kAdmin,
  kClerk,
  kAnalyst,
  kNegotiator,
  kSigner,
  kObserver,
  kInterviewer,
  kCheckpoint
};

inline constexpr std::array<Role, 8> kAllRoles = {
    Role::kAdmin,  Role::kClerk,    Role::kAnalyst,     Role::kNegotiator,
    Role::kSigner, Role::kObserver, Role::kInterviewer, Role::kCheckpoint};

// The side name of the mediator; its users see all lists.
inline constexpr std::string_view kMediatorSide = "mediator";

[[nodiscard]] const char* RoleName(Role role);
[[nodiscard]] Result<Role> ParseRole(std::string_view name);
// A side name: 1..32 characters of [a-z0-9_-].
[[nodiscard]] Result<void> CheckSideName(std::string_view side);
// Refuses mediator-only roles for a party's side, and bad side names.
[[nodiscard]] Result<void> CheckRoleSide(Role role, std::string_view side);

}  // namespace parley::server
