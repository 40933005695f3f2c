// parley/cli/context.h — what every `parley` subcommand shares: global flags and the way
// errors become exit statuses.
//
// Exit statuses (documented in README): 0 ok, 1 the user's input is at fault (fix the file,
// flag or value named in the message), 2 parley's own fault (a bug or the machine).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/error.h"

namespace parley::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;
inline constexpr int kExitInternalError = 2;

struct CliContext {
  std::string workspace;  // --workspace DIR; default $PARLEY_WORKSPACE or ./parley-data
  bool json = false;      // --json: machine-readable output on stdout
  // A sealed workspace's secret (cli/seal_secret.h); empty: from the environment.
  std::string seal_passphrase_file;  // --seal-passphrase-file F
  std::string seal_key_file;         // --seal-key-file F
  int exit_code = kExitOk;
};

// Adds `--workspace DIR` to a subcommand that opens the workspace, and the options that
// give a sealed workspace's secret (cli/seal_secret.h).
void AddWorkspaceOption(CLI::App& command, CliContext& ctx);
// Adds `--seal-passphrase-file` and `--seal-key-file` (for a command that opens a workspace
// without AddWorkspaceOption).
void AddSealOptions(CLI::App& command, CliContext& ctx);
// Adds `--json` to a subcommand whose output a script would want to read.
void AddJsonOption(CLI::App& command, CliContext& ctx);

// Prints "parley: error: <where>: <message>" on stderr and records the matching exit status.
int ReportError(const Error& error, CliContext& ctx);

}  // namespace parley::cli
