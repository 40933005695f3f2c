// `parley agreement check FILE` and `parley agreement show FILE|NAME`; the workspace forms
// `agreement add|list|sign` are in cmd_agreement_workspace.cpp.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/negotiation_commands.h"
#include "cli/workspace_open.h"
#include "negotiation/agreement_store.h"
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

  auto* show = cmd->add_subcommand(
      "show", "Print an agreement in plain language: a TOML file, or one stored in the workspace");
  struct ShowFlags {
    std::string what;
    std::int64_t version = 0;
  };
  auto show_flags = std::make_shared<ShowFlags>();
  show->add_option("FILE_OR_NAME", show_flags->what,
                   "Agreement file (.toml), or the name of a stored agreement "
                   "(`parley agreement list`)")
      ->required();
  show->add_option("--version", show_flags->version,
                   "Version of a stored agreement (default: the latest)");
  AddWorkspaceOption(*show, ctx);
  show->callback([&ctx, show_flags] {
    // A file that exists is read as a file; anything else is a stored agreement's name.
    if (std::filesystem::is_regular_file(show_flags->what)) {
      auto a = rules::LoadAgreementFile(show_flags->what);
      if (!a) {
        ReportError(a.error(), ctx);
        return;
      }
      std::cout << rules::DescribeAgreement(*a);
      ctx.exit_code = kExitOk;
      return;
    }
    auto ws = OpenWorkspace(ctx);
    if (!ws) return;
    std::optional<std::int64_t> version;
    if (show_flags->version > 0) version = show_flags->version;
    auto stored = negotiation::FindAgreement(*ws, show_flags->what, version);
    auto rules = stored ? negotiation::ParseStored(*stored)
                        : Result<rules::Agreement>(std::unexpected(stored.error()));
    if (!rules) {
      ReportError(rules.error(), ctx);
      return;
    }
    std::cout << stored->name << "@" << stored->version << "  "
              << negotiation::AgreementStateName(stored->state) << "\n\n"
              << rules::DescribeAgreement(*rules);
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
