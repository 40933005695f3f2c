#include "cli/demo_users.h"

#include <array>
#include <sstream>
#include <utility>

#include "core/file_io.h"
#include "core/try.h"
#include "server/auth/roles.h"
#include "server/auth/secret_token.h"
#include "server/auth/user_store.h"

namespace parley::cli {
namespace {

using server::Role;

constexpr std::array kDemoSides = {"ua", "ru", "mediator"};

bool RoleOnSide(Role role, std::string_view side) {
  return side == "mediator" || (role != Role::kInterviewer && role != Role::kCheckpoint);
}

std::string UsersFile(const std::vector<std::pair<std::string, Role>>& users,
                      std::string_view password) {
  std::ostringstream out;
  out << "# parley demo: users for the browser UI (parley serve, then http://127.0.0.1:8080/)\n"
      << "# Every user below signs in with this password:\n"
      << "password " << password << "\n\n";
  for (const auto& [name, role] : users) out << name << "\t" << server::RoleName(role) << "\n";
  return out.str();
}

}  // namespace

Result<DemoUsers> EnsureDemoUsers(store::Workspace& ws, const std::filesystem::path& dir) {
  DemoUsers result;
  result.password_file = dir / "demo-users.txt";
  std::vector<std::pair<std::string, Role>> users;
  for (const char* side : kDemoSides) {
    for (Role role : server::kAllRoles) {
      if (!RoleOnSide(role, side)) continue;
      users.emplace_back(std::string(side) + "-" + server::RoleName(role), role);
      result.names.push_back(users.back().first);
    }
  }
  if (server::FindUser(ws, users.front().first)) return result;  // an earlier run made them

  // 24 characters of a 32-byte random secret: well past the 10-character minimum, typeable.
  const std::string password = server::NewSecret("").substr(0, 24);
  PARLEY_TRY(WriteFileAtomically(result.password_file, UsersFile(users, password),
                                 {.mode = 0600, .replace_existing = true}));
  for (const auto& [name, role] : users) {
    std::string side = name.substr(0, name.find('-'));
    PARLEY_TRY(server::AddUser(ws, {name, role, side}, password));
  }
  result.added = true;
  return result;
}

}  // namespace parley::cli
