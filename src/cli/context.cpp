#include "cli/context.h"

#include <cstdlib>
#include <iostream>

namespace parley::cli {

void AddWorkspaceOption(CLI::App& command, CliContext& ctx) {
  command.add_option("--workspace", ctx.workspace,
                     "Workspace folder (default: $PARLEY_WORKSPACE or ./parley-data)");
  AddSealOptions(command, ctx);
}

void AddSealOptions(CLI::App& command, CliContext& ctx) {
  command.add_option("--seal-passphrase-file", ctx.seal_passphrase_file,
                     "A sealed workspace's passphrase: the first line of FILE "
                     "(default: $PARLEY_SEAL_PASSPHRASE_FILE, $PARLEY_SEAL_PASSPHRASE)");
  command.add_option("--seal-key-file", ctx.seal_key_file,
                     "A sealed workspace's key file, 32 bytes, mode 0600 "
                     "(default: $PARLEY_SEAL_KEY_FILE)");
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
