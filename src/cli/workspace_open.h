// parley/cli/workspace_open.h — opening the workspace a command was pointed at.
#pragma once

#include <optional>

#include "cli/context.h"
#include "ledger/keys.h"
#include "store/workspace.h"

namespace parley::cli {

// Opens ctx.workspace, or reports the error (with its hint) and returns nullopt.
[[nodiscard]] std::optional<store::Workspace> OpenWorkspace(CliContext& ctx);

// The name recorded as the actor of a change: $PARLEY_USER, else $USER, else "local".
[[nodiscard]] std::string CurrentActor();

// The actor's own signing key: FILE (from --key), else $PARLEY_KEY, else none (the node key
// then vouches for the actor, store/event_log.h). An encrypted key takes its passphrase as
// cli/user_key.h says (`passphrase_file`, $PARLEY_PASSPHRASE, or a prompt).
[[nodiscard]] Result<std::optional<ledger::SigningKey>> LoadActorKey(
    const std::string& file, const std::string& passphrase_file = {});

}  // namespace parley::cli
