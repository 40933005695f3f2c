// parley/cli/workspace_open.h — opening the workspace a command was pointed at.
#pragma once

#include <optional>

#include "cli/context.h"
#include "store/workspace.h"

namespace parley::cli {

// Opens ctx.workspace, or reports the error (with its hint) and returns nullopt.
[[nodiscard]] std::optional<store::Workspace> OpenWorkspace(CliContext& ctx);

// The name recorded as the actor of a change: $PARLEY_USER, else $USER, else "local".
[[nodiscard]] std::string CurrentActor();

}  // namespace parley::cli
