#include "cli/workspace_open.h"

#include <cstdlib>

#include "cli/user_key.h"

namespace parley::cli {

std::optional<store::Workspace> OpenWorkspace(CliContext& ctx) {
  auto ws = store::Workspace::Open(ctx.workspace);
  if (!ws) {
    ReportError(ws.error(), ctx);
    return std::nullopt;
  }
  return std::move(*ws);
}

std::string CurrentActor() {
  for (const char* name : {"PARLEY_USER", "USER"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  return "local";
}

Result<std::optional<ledger::SigningKey>> LoadActorKey(const std::string& file,
                                                       const std::string& passphrase_file) {
  std::string path = file;
  if (path.empty()) {
    const char* env = std::getenv("PARLEY_KEY");
    if (env != nullptr) path = env;
  }
  if (path.empty()) return std::optional<ledger::SigningKey>{};
  auto key = LoadUserKey(path, passphrase_file);
  if (!key) return std::unexpected(key.error());
  return std::optional<ledger::SigningKey>(std::move(*key));
}

}  // namespace parley::cli
