#include <iostream>

#include "cli/commands.h"

namespace parley::cli {

void RegisterVersionCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("version", "Print parley's version");
  cmd->callback([&ctx] {
    std::cout << "parley 0.1.0\n";
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
