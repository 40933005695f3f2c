#include "cli/workspace_open.h"

#include <cstdlib>

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

}  // namespace parley::cli
