// parley/cli/commands.h — one Register function per subcommand, each in its own cmd_*.cpp.
// A Register function adds the subcommand, its options and its callback; the callback sets
// ctx.exit_code.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace parley::cli {

void RegisterVersionCommand(CLI::App& app, CliContext& ctx);
// init, lists, show, person, check
void RegisterWorkspaceCommands(CLI::App& app, CliContext& ctx);
void RegisterImportCommand(CLI::App& app, CliContext& ctx);
void RegisterExportCommand(CLI::App& app, CliContext& ctx);
void RegisterSynthCommand(CLI::App& app, CliContext& ctx);
void RegisterDemoCommand(CLI::App& app, CliContext& ctx);
void RegisterNamesCommand(CLI::App& app, CliContext& ctx);
void RegisterAgreementCommand(CLI::App& app, CliContext& ctx);
void RegisterPlanCommand(CLI::App& app, CliContext& ctx);
void RegisterKeysCommand(CLI::App& app, CliContext& ctx);
void RegisterVerifyCommand(CLI::App& app, CliContext& ctx);
void RegisterBundleCommand(CLI::App& app, CliContext& ctx);
// link, dedupe (file mode)
void RegisterLinkCommands(CLI::App& app, CliContext& ctx);
// reconcile, review (workspace mode)
void RegisterReconcileCommands(CLI::App& app, CliContext& ctx);
void RegisterServeCommand(CLI::App& app, CliContext& ctx);
// user add, user token, user list
void RegisterUserCommands(CLI::App& app, CliContext& ctx);
void RegisterShareCommand(CLI::App& app, CliContext& ctx);
// interview, handover
void RegisterExchangeEventCommands(CLI::App& app, CliContext& ctx);
// checkpoint, log
void RegisterLedgerCommands(CLI::App& app, CliContext& ctx);
// cmd_checkpoints.cpp: `parley checkpoints`, who cosigned this node's checkpoints.
void RegisterCheckpointsCommand(CLI::App& app, CliContext& ctx);
// disclose (one withheld field, provable against a bundle)
void RegisterDiscloseCommand(CLI::App& app, CliContext& ctx);
// report agreement, report list, report act, report plan (the papers, PDF)
void RegisterReportCommand(CLI::App& app, CliContext& ctx);
// `parley report links`: added to the `report` command by RegisterReportCommand.
void RegisterReportLinksCommand(CLI::App& report, CliContext& ctx);

}  // namespace parley::cli
