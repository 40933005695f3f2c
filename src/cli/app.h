// parley/cli/app.h — builds the `parley` command line and runs it.
#pragma once

namespace parley::cli {

// Parses argv, runs the chosen subcommand and returns the process exit status.
// Never throws: a parse error is exit status 1, an escaped exception is 2.
[[nodiscard]] int Run(int argc, char** argv);

}  // namespace parley::cli
