#include "cli/app.h"

#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/seal_secret.h"

namespace parley::cli {
namespace {

std::string DefaultWorkspace() {
  const char* env = std::getenv("PARLEY_WORKSPACE");
  return env != nullptr && *env != '\0' ? env : "parley-data";
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{
      "parley: coordinates mediated exchanges of prisoners of war and detainees.\n"
      "Exit status: 0 ok, 1 your input is at fault (the message says where), 2 parley's fault."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parley 0.1.0");
  CliContext ctx;
  ctx.workspace = DefaultWorkspace();
  InstallSealSecretSource(ctx);

  RegisterWorkspaceCommands(app, ctx);
  RegisterImportCommand(app, ctx);
  RegisterExportCommand(app, ctx);
  RegisterVersionCommand(app, ctx);
  RegisterSynthCommand(app, ctx);
  RegisterDemoCommand(app, ctx);
  RegisterNamesCommand(app, ctx);
  RegisterAgreementCommand(app, ctx);
  RegisterPlanCommand(app, ctx);
  RegisterKeysCommand(app, ctx);
  RegisterVerifyCommand(app, ctx);
  RegisterBundleCommand(app, ctx);
  RegisterLinkCommands(app, ctx);
  RegisterReconcileCommands(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterUserCommands(app, ctx);
  RegisterShareCommand(app, ctx);
  RegisterExchangeEventCommands(app, ctx);
  RegisterLedgerCommands(app, ctx);
  RegisterCheckpointsCommand(app, ctx);
  RegisterDiscloseCommand(app, ctx);
  RegisterReportCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUserError;
  } catch (const std::exception& e) {
    std::cerr << "parley: internal error: " << e.what() << "\n";
    return kExitInternalError;
  }
  return ctx.exit_code;
}

}  // namespace parley::cli
