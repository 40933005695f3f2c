#include "cli/context.h"

#include <cstdlib>
#include <iostream>

namespace parley::cli {

void AddWorkspaceOption(CLI::App& command, CliContext& ctx) {
  command.add_option("--workspace", ctx.workspace,
                     "Workspace folder (default: $PARLEY_WORKSPACE or ./parley-data)");
}

void AddJsonOption(CLI::App& command, CliContext& ctx) {
  command.add_flag("--json", ctx.json, "Print machine-readable JSON on stdout");
}

int ReportError(const Error& error, CliContext& ctx) {
  std::cerr << "parley: error: " << error.Describe() << "\n";
  ctx.exit_code = error.IsUserError() ? kExitUserError : kExitInternalError;
  return ctx.exit_code;
}

}  // namespace parley::cli
