// `parley plan AGREEMENT --side-a A.csv --side-b B.csv --out plan.json` and its subcommands
// `plan explain PLAN PERSON`, `plan repair PLAN --drop ...`, `plan check AGREEMENT PLAN`.
//
// CLI11 matches a subcommand name before a positional, so `parley plan explain ...` runs the
// subcommand and `parley plan deal.toml ...` plans; `plan`'s own callback does nothing when
// a subcommand ran. (An agreement file literally named "explain", "repair" or "check" must be
// written ./explain.)
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/negotiation_commands.h"
#include "cli/plan_summary.h"
#include "plan/explain.h"
#include "plan/internal/candidate_reader.h"
#include "plan/plan.h"
#include "plan/plan_checker.h"
#include "plan/plan_json.h"
#include "plan/repair.h"
#include "rules/agreement_parser.h"

namespace parley::cli {
namespace {

using Json = nlohmann::ordered_json;

struct PlanArgs {
  std::string agreement, side_a, side_b, out;
  double gap = 0;
  double time_limit = 60;
};

void RunPlan(const PlanArgs& args, CliContext& ctx) {
  if (args.agreement.empty() || args.side_a.empty() || args.side_b.empty() || args.out.empty()) {
    ReportError(Error{ErrorCode::kInvalidInput,
                      "usage: parley plan AGREEMENT --side-a A.csv --side-b B.csv --out "
                      "plan.json (or: parley plan explain|repair|check ...)",
                      {}},
                ctx);
    return;
  }
  auto agreement = rules::LoadAgreementFile(args.agreement);
  if (!agreement) {
    ReportError(agreement.error(), ctx);
    return;
  }
  auto side_a = plan::internal::ReadCandidates(args.side_a);
  if (!side_a) {
    ReportError(side_a.error(), ctx);
    return;
  }
  auto side_b = plan::internal::ReadCandidates(args.side_b);
  if (!side_b) {
    ReportError(side_b.error(), ctx);
    return;
  }
  plan::PlanOptions options{args.gap, args.time_limit};
  auto p = plan::MakePlan(*agreement, std::move(*side_a), std::move(*side_b), options);
  if (!p) {
    ReportError(p.error(), ctx);
    return;
  }
  if (auto saved = plan::SavePlanFile(*p, args.out); !saved) {
    ReportError(saved.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << PlanSummaryJson(*p).dump(2) << "\n";
  } else {
    PrintPlanSummary(*p);
    std::cout << "Written to " << args.out << "\n";
  }
  ctx.exit_code = kExitOk;
}

void RunExplainFile(const std::string& plan_file, const std::string& person, CliContext& ctx) {
  auto p = plan::LoadPlanFile(plan_file);
  if (!p) {
    ReportError(p.error(), ctx);
    return;
  }
  auto e = plan::ExplainPerson(*p, person);
  if (!e) {
    ReportError(e.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << Json{{"side", e->side},
                      {"id", e->id},
                      {"phase", e->phase},
                      {"verdict", e->verdict},
                      {"details", e->details}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << plan::FormatExplanation(*e);
  }
  ctx.exit_code = kExitOk;
}

// plan explain PLAN PERSON
void RegisterExplainCommand(CLI::App& cmd, CliContext& ctx) {
  auto* explain = cmd.add_subcommand("explain", "Say why a person is in the plan or not");
  auto ex_plan = std::make_shared<std::string>();
  auto ex_person = std::make_shared<std::string>();
  explain->add_option("PLAN", *ex_plan, "Plan file (JSON), or a stored plan's number")->required();
  explain->add_option("PERSON", *ex_person, "Person id, or a:ID / b:ID")->required();
  AddJsonOption(*explain, ctx);
  AddWorkspaceOption(*explain, ctx);
  explain->callback([&ctx, ex_plan, ex_person] {
    if (NamesStoredPlan(*ex_plan)) {
      ExplainStoredPlan(ctx, *ex_plan, *ex_person);
      return;
    }
    RunExplainFile(*ex_plan, *ex_person, ctx);
  });
}

struct RepairArgs {
  std::string plan, out, key;
  plan::RepairRequest request;
  plan::PlanOptions options;
};

void PrintRepair(const plan::Plan& p, const plan::RepairRecord& r, const std::string& out,
                 CliContext& ctx) {
  if (ctx.json) {
    Json diff = Json::array();
    for (const plan::PlanChange& c : r.diff) {
      diff.push_back({{"side", rules::SideName(c.side)},
                      {"id", c.id},
                      {"from_phase", c.from_phase},
                      {"to_phase", c.to_phase},
                      {"why", c.why}});
    }
    Json j = PlanSummaryJson(p);
    j["changes"] = r.changes;
    j["diff"] = diff;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Repair (" << r.reason << "): "
            << (r.executed_phases == 0
                    ? std::string("no phase carried out yet")
                    : "phases 1.." + std::to_string(r.executed_phases) + " kept as carried out")
            << "; " << r.changes << " other people changed:\n";
  for (const plan::PlanChange& c : r.diff) {
    std::cout << "  " << rules::SideName(c.side) << ":" << c.id << "  phase " << c.from_phase
              << " -> " << c.to_phase << "  (" << c.why << ")\n";
  }
  PrintPlanSummary(p);
  std::cout << "Written to " << out << "\n";
}

void RunRepair(const RepairArgs& args, CliContext& ctx) {
  if (NamesStoredPlan(args.plan)) {
    if (!args.out.empty()) {
      ReportError(Error{ErrorCode::kInvalidInput,
                        "--out is for plan files: the repair of a stored plan is stored as a "
                        "new plan (`parley plan show ID --out FILE` writes it to a file)",
                        {{}, 0, 0, "--out"}},
                  ctx);
      return;
    }
    RepairStoredPlanCommand(ctx, args.plan, args.request.drop, args.request.reason,
                            args.request.executed_phases, args.options.time_limit, args.key);
    return;
  }
  auto p = plan::LoadPlanFile(args.plan);
  if (!p) {
    ReportError(p.error(), ctx);
    return;
  }
  auto r = plan::RepairPlan(*p, args.request, args.options);
  if (!r) {
    ReportError(r.error(), ctx);
    return;
  }
  std::string out = args.out.empty() ? args.plan : args.out;
  if (auto saved = plan::SavePlanFile(*p, out); !saved) {
    ReportError(saved.error(), ctx);
    return;
  }
  PrintRepair(*p, *r, out, ctx);
  ctx.exit_code = kExitOk;
}

// plan repair PLAN --drop ID[,ID] --reason R [--executed-phases K] [--out FILE]
void RegisterRepairCommand(CLI::App& cmd, CliContext& ctx) {
  auto* repair = cmd.add_subcommand(
      "repair", "Drop people who refused, died or were not presented; re-plan the rest");
  auto args = std::make_shared<RepairArgs>();
  repair->add_option("PLAN", args->plan, "Plan file (JSON), or a stored plan's number")->required();
  repair->add_option("--drop", args->request.drop, "Ids to drop (a:ID / b:ID if both sides use it)")
      ->required()
      ->delimiter(',');
  repair->add_option("--reason", args->request.reason, "Why they drop out")
      ->required()
      ->check(CLI::IsMember({"refused", "deceased", "not_presented"}));
  repair
      ->add_option("--executed-phases", args->request.executed_phases,
                   "Phases already carried out (default: as the plan records)")
      ->check(CLI::NonNegativeNumber);
  repair->add_option("--out", args->out, "Where to write the repaired plan (default: PLAN)");
  repair->add_option("--time-limit", args->options.time_limit, "Seconds per solver call");
  repair->add_option("--key", args->key, "Stored plans: sign the ledger event with this key");
  AddJsonOption(*repair, ctx);
  AddWorkspaceOption(*repair, ctx);
  repair->callback([&ctx, args] { RunRepair(*args, ctx); });
}

// For a counter-proposal, the objective of the best plan the same candidates allow.
std::optional<std::int64_t> BestObjective(const rules::Agreement& a, const plan::Plan& p) {
  if (p.executed_phases != 0) return std::nullopt;
  std::vector<PersonRecord> side_a, side_b;
  for (const plan::Candidate& c : p.people) {
    if (!c.dropped.empty()) continue;
    (c.side == rules::Side::kA ? side_a : side_b).push_back(c.record);
  }
  auto optimal = plan::MakePlan(a, std::move(side_a), std::move(side_b));
  if (!optimal) return std::nullopt;
  return optimal->objective;
}

struct CheckOutcome {
  std::vector<plan::Violation> broken;
  bool same_text = false;
  std::int64_t objective = 0;
  std::optional<std::int64_t> best;
};

void PrintCheckJson(const CheckOutcome& o) {
  Json list = Json::array();
  for (const plan::Violation& v : o.broken) {
    list.push_back({{"rule", v.rule},
                    {"message", v.message},
                    {"side", v.side},
                    {"id", v.id},
                    {"phase", v.phase}});
  }
  std::cout << Json{{"valid", o.broken.empty()},
                    {"objective", o.objective},
                    {"best_objective", o.best ? Json(*o.best) : Json(nullptr)},
                    {"same_agreement_text", o.same_text},
                    {"violations", list}}
                   .dump(2)
            << "\n";
}

void PrintCheckText(const CheckOutcome& o, const rules::Agreement& a,
                    const std::string& plan_file) {
  if (!o.same_text) {
    std::cout << "note: the plan was made under a different text of the agreement\n";
  }
  if (o.broken.empty()) {
    std::cout << plan_file << ": keeps every rule of \"" << a.title << "\" (objective "
              << o.objective << ")\n";
    if (o.best && *o.best > o.objective) {
      std::cout << "note: the best plan under these rules and candidates reaches " << *o.best
                << "\n";
    }
    return;
  }
  std::cout << plan_file << ": breaks " << o.broken.size() << " rule(s) of \"" << a.title
            << "\":\n";
  for (const plan::Violation& v : o.broken) {
    std::cout << "  [" << v.rule << "] " << v.message << "\n";
  }
}

void RunCheck(const std::string& agreement_file, const std::string& plan_file, CliContext& ctx) {
  auto a = rules::LoadAgreementFile(agreement_file);
  if (!a) {
    ReportError(a.error(), ctx);
    return;
  }
  auto p = plan::LoadPlanFile(plan_file);
  if (!p) {
    ReportError(p.error(), ctx);
    return;
  }
  plan::ClassifyAll(*a, p->people);
  CheckOutcome o;
  o.broken = plan::CheckAssignment(*a, p->people);
  o.same_text = p->agreement.source == a->source;
  o.objective = plan::PlanObjective(*a, p->people);
  o.best = BestObjective(*a, *p);
  if (ctx.json) {
    PrintCheckJson(o);
  } else {
    PrintCheckText(o, *a, plan_file);
  }
  ctx.exit_code = o.broken.empty() ? kExitOk : kExitUserError;
}

// plan check AGREEMENT PLAN
void RegisterCheckCommand(CLI::App& cmd, CliContext& ctx) {
  auto* check = cmd.add_subcommand("check", "List every rule of AGREEMENT that PLAN breaks");
  auto ck_agreement = std::make_shared<std::string>();
  auto ck_plan = std::make_shared<std::string>();
  check->add_option("AGREEMENT", *ck_agreement, "Agreement file (.toml)")->required();
  check->add_option("PLAN", *ck_plan, "Plan file (JSON), possibly edited by hand")->required();
  AddJsonOption(*check, ctx);
  check->callback([&ctx, ck_agreement, ck_plan] { RunCheck(*ck_agreement, *ck_plan, ctx); });
}

}  // namespace

void RegisterPlanCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "plan",
      "Plan an exchange: parley plan AGREEMENT --side-a A.csv --side-b B.csv --out plan.json;\n"
      "or explain, repair or check a plan (parley plan explain|repair|check --help)");
  cmd->require_subcommand(0, 1);
  auto args = std::make_shared<PlanArgs>();
  cmd->add_option("AGREEMENT", args->agreement, "Agreement file (.toml)");
  cmd->add_option("--side-a", args->side_a, "CSV of the people side a holds and may hand over");
  cmd->add_option("--side-b", args->side_b, "CSV of the people side b holds and may hand over");
  cmd->add_option("--out", args->out, "Where to write the plan (JSON)");
  cmd->add_option("--gap", args->gap, "Relative optimality gap at which to stop (default 0)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--time-limit", args->time_limit, "Seconds per solver call (default 60)")
      ->check(CLI::NonNegativeNumber);
  AddJsonOption(*cmd, ctx);
  cmd->callback([cmd, args, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    RunPlan(*args, ctx);
  });
  RegisterExplainCommand(*cmd, ctx);
  RegisterRepairCommand(*cmd, ctx);
  RegisterPlanWorkspaceCommands(*cmd, ctx);
  RegisterPlanProgressCommand(*cmd, ctx);
  RegisterCheckCommand(*cmd, ctx);
}

}  // namespace parley::cli
