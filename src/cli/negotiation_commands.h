// parley/cli/negotiation_commands.h — the workspace forms of `parley agreement` and
// `parley plan` (src/negotiation does the work; these only parse flags and print).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "cli/context.h"
#include "core/error.h"

namespace parley::cli {

// agreement add, agreement list, agreement sign
void RegisterAgreementWorkspaceCommands(CLI::App& agreement, CliContext& ctx);
// plan propose, list, show, counter, accept, sign
void RegisterPlanWorkspaceCommands(CLI::App& plan, CliContext& ctx);

// plan progress ID: the handover day's counts (cmd_plan_progress.cpp)
void RegisterPlanProgressCommand(CLI::App& plan, CliContext& ctx);

// A stored plan's number as the user typed it (an error names `parley plan list`).
[[nodiscard]] Result<std::int64_t> ParsePlanId(const std::string& text);

// `plan explain ID PERSON` and `plan repair ID ...` on a stored plan: true when `plan_arg` names
// a stored plan (a number that is not an existing file).
[[nodiscard]] bool NamesStoredPlan(const std::string& plan_arg);
void ExplainStoredPlan(CliContext& ctx, const std::string& plan_arg, const std::string& person);
void RepairStoredPlanCommand(CliContext& ctx, const std::string& plan_arg,
                             const std::vector<std::string>& drop, const std::string& reason,
                             int executed_phases, double time_limit, const std::string& key);

}  // namespace parley::cli
