#include "server/auth/roles.h"

#include "core/try.h"

namespace parley::server {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kClerk:
      return "clerk";
    case Role::kAnalyst:
      return "analyst";
    case Role::kNegotiator:
      return "negotiator";
    case Role::kSigner:
      return "signer";
    case Role::kObserver:
      return "observer";
    case Role::kInterviewer:
      return "interviewer";
    case Role::kCheckpoint:
      return "checkpoint";
  }
  return "unknown";
}

Result<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (name == RoleName(r)) return r;
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown role '" + std::string(name) +
                  "'; use admin, clerk, analyst, negotiator, signer, observer, interviewer or "
                  "checkpoint",
              {"", 0, 0, "role"});
}

Result<void> CheckSideName(std::string_view side) {
  bool ok = !side.empty() && side.size() <= 32;
  for (char c : side) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-');
  }
  if (!ok) {
    return Fail(ErrorCode::kInvalidInput,
                "side '" + std::string(side) + "' must be 1-32 characters of a-z, 0-9, _ or -",
                {"", 0, 0, "side"});
  }
  return {};
}

Result<void> CheckRoleSide(Role role, std::string_view side) {
  PARLEY_TRY(CheckSideName(side));
  if ((role == Role::kInterviewer || role == Role::kCheckpoint) && side != kMediatorSide) {
    return Fail(ErrorCode::kInvalidInput,
                std::string("role ") + RoleName(role) + " exists only on the mediator's side ('" +
                    std::string(kMediatorSide) + "')",
                {"", 0, 0, "role"});
  }
  return {};
}

}  // namespace parley::server
