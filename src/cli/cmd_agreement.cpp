// `parley agreement check FILE` and `parley agreement show FILE` (files); the workspace forms
// `agreement add|list|sign` are in cmd_agreement_workspace.cpp.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/negotiation_commands.h"
#include "rules/agreement_parser.h"
#include "rules/summary.h"

namespace parley::cli {

void RegisterAgreementCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("agreement",
                                 "Validate or summarise an agreement file (TOML); add, list and "
                                 "sign agreements in the workspace");
  cmd->require_subcommand(1);

  auto* check =
      cmd->add_subcommand("check", "Validate an agreement: errors name line, column and fix");
  auto check_file = std::make_shared<std::string>();
  check->add_option("FILE", *check_file, "Agreement file (.toml)")->required();
  AddJsonOption(*check, ctx);
  check->callback([&ctx, check_file] {
    auto a = rules::LoadAgreementFile(*check_file);
    if (!a) {
      if (ctx.json) {
        const Error& e = a.error();
        std::cout << nlohmann::json{{"valid", false},
                                    {"file", e.where.file},
                                    {"line", e.where.row},
                                    {"column", e.where.column},
                                    {"message", e.message}}
                         .dump(2)
                  << "\n";
      }
      ReportError(a.error(), ctx);
      return;
    }
    if (ctx.json) {
      std::cout << nlohmann::json{{"valid", true},
                                  {"file", *check_file},
                                  {"title", a->title},
                                  {"categories", a->categories.size()},
                                  {"pools", a->pools.size()},
                                  {"phases", a->phase_count}}
                       .dump(2)
                << "\n";
    } else {
      std::cout << *check_file << ": valid: \"" << a->title << "\", " << a->categories.size()
                << " categories, " << a->pools.size() << " balance pool(s), " << a->phase_count
                << " phase(s)\n";
    }
    ctx.exit_code = kExitOk;
  });

  RegisterAgreementWorkspaceCommands(*cmd, ctx);

  auto* show = cmd->add_subcommand("show", "Print the agreement in plain language");
  auto show_file = std::make_shared<std::string>();
  show->add_option("FILE", *show_file, "Agreement file (.toml)")->required();
  show->callback([&ctx, show_file] {
    auto a = rules::LoadAgreementFile(*show_file);
    if (!a) {
      ReportError(a.error(), ctx);
      return;
    }
    std::cout << rules::DescribeAgreement(*a);
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
