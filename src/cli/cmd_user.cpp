// `parley user add NAME --role ROLE --side SIDE [--password-file F]`, `parley user token NAME`,
// `parley user list`, `parley user key NAME --key FILE`: the users who sign in to `parley serve`
// and the key the API signs their party signatures with (server/auth/user_keys.h).
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/user_key.h"
#include "cli/workspace_open.h"
#include "server/auth/user_keys.h"
#include "server/auth/user_store.h"
#include "server/json_shapes.h"

namespace parley::cli {
namespace {

struct UserFlags {
  std::string name;
  std::string role;
  std::string side;
  std::string password_file;
  std::string key_file;
};

// The first line of the file, or of standard input when no file is named.
Result<std::string> ReadPassword(const std::string& file) {
  std::string line;
  if (file.empty()) {
    std::getline(std::cin, line);
  } else {
    std::ifstream in(file);
    if (!in) return Fail(ErrorCode::kNotFound, "cannot read the password file " + file);
    std::getline(in, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void RunAdd(CliContext& ctx, const UserFlags& f) {
  auto role = server::ParseRole(f.role);
  if (!role) {
    ReportError(role.error(), ctx);
    return;
  }
  auto password = ReadPassword(f.password_file);
  if (!password) {
    ReportError(password.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto user = server::AddUser(*ws, {f.name, *role, f.side}, *password);
  if (!user) {
    ReportError(user.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << server::UserJson(*user).dump(2) << "\n";
  } else {
    std::cout << "added user " << user->name << " (" << server::RoleName(user->role) << ", side "
              << user->side << ")\n";
  }
}

void RunToken(CliContext& ctx, const UserFlags& f) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto token = server::CreateToken(*ws, f.name);
  if (!token) {
    ReportError(token.error(), ctx);
    return;
  }
  // The secret is shown once; only its hash is stored.
  std::cout << *token << "\n";
}

void RunList(CliContext& ctx) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto users = server::ListUsers(*ws);
  if (!users) {
    ReportError(users.error(), ctx);
    return;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : *users) {
    if (ctx.json) {
      out.push_back(server::UserJson(u));
    } else {
      std::cout << u.name << "  " << server::RoleName(u.role) << "  " << u.side
                << (u.disabled ? "  (disabled)" : "") << "\n";
    }
  }
  if (ctx.json) std::cout << out.dump(2) << "\n";
}

void RunBindKey(CliContext& ctx, const UserFlags& f) {
  auto key = LoadUserKey(f.key_file, f.password_file);
  if (!key) {
    ReportError(key.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  if (auto bound = server::BindUserKey(*ws, f.name, *key); !bound) {
    ReportError(bound.error(), ctx);
    return;
  }
  std::cout << "bound key " << key->Public().VerifierKey() << " to user " << f.name << " ("
            << server::BoundKeyPath(ws->dir(), f.name).string()
            << ", mode 0600, unencrypted: the server signs with it unattended)\n"
            << "the API now signs " << f.name
            << "'s party signatures with it; they count only where an agreement pins it\n";
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterUserCommands(CLI::App& app, CliContext& ctx) {
  auto f = std::make_shared<UserFlags>();
  auto* user = app.add_subcommand("user", "Users who sign in to `parley serve`");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a user (password: --password-file or stdin)");
  add->add_option("NAME", f->name, "User name")->required();
  add->add_option("--role", f->role,
                  "admin | clerk | analyst | negotiator | signer | observer | interviewer | "
                  "checkpoint")
      ->required();
  add->add_option("--side", f->side, "The user's side, e.g. ua, ru, mediator")->required();
  add->add_option("--password-file", f->password_file, "A file whose first line is the password");
  AddWorkspaceOption(*add, ctx);
  AddJsonOption(*add, ctx);
  add->callback([&ctx, f] { RunAdd(ctx, *f); });

  auto* token = user->add_subcommand("token", "Create an API token for scripts (printed once)");
  token->add_option("NAME", f->name, "User name")->required();
  AddWorkspaceOption(*token, ctx);
  token->callback([&ctx, f] { RunToken(ctx, *f); });

  auto* key = user->add_subcommand(
      "key", "Bind a signing key to a user: the API signs their party signatures with it");
  key->add_option("NAME", f->name, "User name")->required();
  key->add_option("--key", f->key_file, "The user's private key file (`parley keys init`)")
      ->required();
  key->add_option("--passphrase-file", f->password_file,
                  "The key's passphrase, if it is encrypted (stored unencrypted once bound)");
  AddWorkspaceOption(*key, ctx);
  key->callback([&ctx, f] { RunBindKey(ctx, *f); });

  auto* list = user->add_subcommand("list", "List the users");
  AddWorkspaceOption(*list, ctx);
  AddJsonOption(*list, ctx);
  list->callback([&ctx] { RunList(ctx); });
}

}  // namespace parley::cli
