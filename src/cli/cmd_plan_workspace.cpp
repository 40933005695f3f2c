// `parley plan propose|list|show|counter|accept|sign` and the stored-plan forms of
// `plan explain ID PERSON` and `plan repair ID ...`: plans negotiated in the workspace
// (negotiation/plan_negotiation.h). Each change is one transaction with its signed event.
#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/negotiation_actor.h"
#include "cli/negotiation_commands.h"
#include "cli/plan_summary.h"
#include "core/file_io.h"
#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/plan_negotiation.h"
#include "plan/explain.h"
#include "report/plan_workbook_reader.h"

namespace parley::cli {
namespace {

using Json = nlohmann::ordered_json;
using negotiation::PlanOutcome;
using negotiation::StoredPlanInfo;

template <typename Body>
void InWorkspace(CliContext& ctx, Body body) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  if (auto done = body(*ws); !done) {
    ReportError(done.error(), ctx);
    return;
  }
  ctx.exit_code = kExitOk;
}

std::string Approvals(const StoredPlanInfo& p) {
  std::string out;
  for (const auto& a : p.approvals) {
    out += (out.empty() ? "" : ", ") + a.action + "ed by " + a.party + " (" + a.actor + ")";
  }
  return out.empty() ? "no approval yet" : out;
}

void PrintInfoLine(const StoredPlanInfo& p) {
  std::cout << "plan " << p.id << "  " << negotiation::PlanKindName(p.kind)
            << (p.parent_id > 0 ? " of plan " + std::to_string(p.parent_id) : std::string()) << "  "
            << negotiation::PlanStateName(p.state) << " (version " << p.version << ")  agreement "
            << p.agreement_name << "@" << p.agreement_version << "  " << p.side_a << " hands over "
            << p.a_count << ", " << p.side_b << " hands over " << p.b_count << ", objective "
            << p.objective << "\n";
}

void PrintOutcome(const PlanOutcome& o, bool json, const std::string& verb) {
  if (json) {
    Json j = negotiation::PlanInfoJson(o.info);
    j["unchanged"] = o.unchanged;
    if (!o.plan.people.empty()) j["summary"] = PlanSummaryJson(o.plan);
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << (o.unchanged ? "Unchanged: " : verb + ": ");
  PrintInfoLine(o.info);
  std::cout << "  " << Approvals(o.info) << "\n";
  if (!o.plan.people.empty()) PrintPlanSummary(o.plan);
}

struct ProposeFlags {
  std::string agreement, side_a, side_b, key;
  std::int64_t agreement_version = 0;
  bool all_held = false;
  double gap = 0;
  double time_limit = 60;
};

void PrintSelection(const std::string& side, const negotiation::CandidateSelection& s) {
  std::cout << "  " << side << ": " << s.held << " held, " << s.linked
            << " linked to the other side's requests or the mediator's list, "
            << s.excluded_by_interview << " excluded by their interview, " << s.excluded_by_handover
            << " already handed over: " << s.people.size() << " candidates\n";
}

Result<void> Propose(store::Workspace& ws, const ProposeFlags& f, bool json) {
  negotiation::ProposeRequest req;
  req.agreement = f.agreement;
  if (f.agreement_version > 0) req.agreement_version = f.agreement_version;
  req.side_a = f.side_a;
  req.side_b = f.side_b;
  req.all_held = f.all_held;
  req.options = {f.gap, f.time_limit};
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(PlanOutcome o, negotiation::ProposePlan(ws, req, who.actor()));
  if (!json) {
    std::cout << "Candidates" << (f.all_held ? " (every person held)" : "") << ":\n";
    PrintSelection(f.side_a, o.a);
    PrintSelection(f.side_b, o.b);
  }
  PrintOutcome(o, json, "Proposed");
  return {};
}

Result<void> List(store::Workspace& ws, bool json) {
  PARLEY_ASSIGN_OR_RETURN(auto plans, negotiation::ListPlans(ws));
  if (json) {
    Json list = Json::array();
    for (const auto& p : plans) list.push_back(negotiation::PlanInfoJson(p));
    std::cout << list.dump(2) << "\n";
    return {};
  }
  if (plans.empty()) std::cout << "No plan yet: `parley plan propose --help`.\n";
  for (const auto& p : plans) PrintInfoLine(p);
  return {};
}

Result<void> Show(store::Workspace& ws, const std::string& id_text, const std::string& out,
                  bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(id_text));
  PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan p, negotiation::LoadStoredPlan(ws, id));
  if (!out.empty()) PARLEY_TRY(negotiation::ExportPlanFile(p, out));
  if (json) {
    Json j = negotiation::PlanInfoJson(p.info);
    j["summary"] = PlanSummaryJson(p.plan);
    std::cout << j.dump(2) << "\n";
    return {};
  }
  PrintInfoLine(p.info);
  std::cout << "  " << Approvals(p.info) << "\n";
  PrintPlanSummary(p.plan);
  if (!out.empty()) {
    std::cout << "Written to " << out << " (edit the phases, then `parley plan counter " << id
              << " --file " << out << "`)\n";
  }
  return {};
}

struct ChangeFlags {
  std::string id, file, workbook, side, key;
  std::int64_t expect = 0;  // 0: the current version
};

std::optional<std::int64_t> Expected(const ChangeFlags& f) {
  return f.expect > 0 ? std::optional<std::int64_t>(f.expect) : std::nullopt;
}

// The edited plan: a plan file (JSON), or one party's plan workbook edited in Excel
// (report/plan_workbook_reader.h, which names each problem by sheet, row and column).
Result<std::string> EditedPlan(store::Workspace& ws, std::int64_t id, const ChangeFlags& f) {
  if (f.file.empty() == f.workbook.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "give the edited plan as --file PLAN.json or as --workbook PLAN.xlsx --side S",
                Location{{}, 0, 0, "--file"});
  }
  if (!f.file.empty()) return ReadWholeFile(f.file);
  if (f.side.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "a plan workbook is one party's: give --side (a, b, or a party or side name), "
                "the one it was written for",
                Location{f.workbook, 0, 0, "--side"});
  }
  return report::WorkbookCounter(ws, id, f.side, f.workbook);
}

Result<void> Counter(store::Workspace& ws, const ChangeFlags& f, bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(f.id));
  PARLEY_ASSIGN_OR_RETURN(std::string text, EditedPlan(ws, id, f));
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  const std::string& file = f.file.empty() ? f.workbook : f.file;
  PARLEY_ASSIGN_OR_RETURN(PlanOutcome o,
                          negotiation::CounterPlan(ws, id, text, file, who.actor(), Expected(f)));
  PrintOutcome(o, json, "Counter-proposal stored");
  return {};
}

Result<void> Approve(store::Workspace& ws, const ChangeFlags& f, negotiation::Approval what,
                     bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(f.id));
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, negotiation::PlanInfo(ws, id));
  PARLEY_ASSIGN_OR_RETURN(rules::Side party, negotiation::ParsePlanSide(info, f.side));
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(PlanOutcome o,
                          negotiation::ApprovePlan(ws, id, what, party, who.actor(), Expected(f)));
  PrintOutcome(o, json, what == negotiation::Approval::kAccept ? "Accepted" : "Signed");
  return {};
}

Result<void> Witness(store::Workspace& ws, const ChangeFlags& f, bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(f.id));
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(auto w, negotiation::WitnessPlan(ws, id, who.actor()));
  if (json) {
    Json j = negotiation::PlanInfoJson(w.info);
    j["witness"] = w.witness;
    j["unchanged"] = w.unchanged;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << (w.unchanged ? "Already witnessed: plan " : "Witnessed: plan ") << id << " ("
              << negotiation::PlanStateName(w.info.state) << ", sha256 "
              << w.info.sha256.substr(0, 16) << "...) by the mediator's key '" << w.witness
              << "' (a witness, not a party's signature)\n";
  }
  return {};
}

void AddChangeOptions(CLI::App& cmd, ChangeFlags& f, CliContext& ctx) {
  cmd.add_option("ID", f.id, "Plan number (`parley plan list`)")->required();
  cmd.add_option("--expect-version", f.expect,
                 "Refuse if the plan is no longer at this version (default: the current one)");
  cmd.add_option("--key", f.key,
                 "Sign the ledger event with this private key file (default: $PARLEY_KEY)");
  AddJsonOption(cmd, ctx);
  AddWorkspaceOption(cmd, ctx);
}

}  // namespace

Result<std::int64_t> ParsePlanId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Fail(ErrorCode::kInvalidInput,
                "'" + text + "' is not a plan number; `parley plan list` shows them",
                Location{{}, 0, 0, "ID"});
  }
  return id;
}

bool NamesStoredPlan(const std::string& plan_arg) {
  std::error_code ec;
  return ParsePlanId(plan_arg).has_value() && !std::filesystem::exists(plan_arg, ec);
}

void ExplainStoredPlan(CliContext& ctx, const std::string& plan_arg, const std::string& person) {
  InWorkspace(ctx, [&](store::Workspace& ws) -> Result<void> {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(plan_arg));
    PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan p, negotiation::LoadStoredPlan(ws, id));
    PARLEY_ASSIGN_OR_RETURN(plan::Explanation e, plan::ExplainPerson(p.plan, person));
    if (ctx.json) {
      std::cout << Json{{"plan", id},       {"side", e.side},       {"id", e.id},
                        {"phase", e.phase}, {"verdict", e.verdict}, {"details", e.details}}
                       .dump(2)
                << "\n";
    } else {
      std::cout << plan::FormatExplanation(e);
    }
    return {};
  });
}

void RepairStoredPlanCommand(CliContext& ctx, const std::string& plan_arg,
                             const std::vector<std::string>& drop, const std::string& reason,
                             int executed_phases, double time_limit, const std::string& key) {
  InWorkspace(ctx, [&](store::Workspace& ws) -> Result<void> {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(plan_arg));
    PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(key));
    plan::RepairRequest request{drop, reason, executed_phases};
    plan::PlanOptions options;
    options.time_limit = time_limit;
    PARLEY_ASSIGN_OR_RETURN(PlanOutcome o,
                            negotiation::RepairStoredPlan(ws, id, request, options, who.actor()));
    if (!ctx.json) {
      std::cout << "Repair of plan " << id << " (" << o.repair.reason << "): " << o.repair.changes
                << " other people changed:\n";
      for (const plan::PlanChange& c : o.repair.diff) {
        std::cout << "  " << rules::SideName(c.side) << ":" << c.id << "  phase " << c.from_phase
                  << " -> " << c.to_phase << "  (" << c.why << ")\n";
      }
    }
    PrintOutcome(o, ctx.json, "Repaired plan stored");
    return {};
  });
}

void RegisterPlanWorkspaceCommands(CLI::App& plan_cmd, CliContext& ctx) {
  auto* propose = plan_cmd.add_subcommand(
      "propose", "Plan from the workspace's confirmed persons and store it as a proposal");
  auto pf = std::make_shared<ProposeFlags>();
  propose->add_option("--agreement", pf->agreement, "Agreement name (`parley agreement list`)")
      ->required();
  propose->add_option("--agreement-version", pf->agreement_version,
                      "Agreement version (default: the latest)");
  propose->add_option("--side-a", pf->side_a, "Workspace side acting as the agreement's party a")
      ->required();
  propose->add_option("--side-b", pf->side_b, "Workspace side acting as party b")->required();
  propose->add_flag("--all-held", pf->all_held,
                    "Every person in custody, not only those the other side or the mediator "
                    "lists");
  propose->add_option("--gap", pf->gap, "Relative optimality gap at which to stop (default 0)")
      ->check(CLI::Range(0.0, 1.0));
  propose->add_option("--time-limit", pf->time_limit, "Seconds per solver call (default 60)")
      ->check(CLI::NonNegativeNumber);
  propose->add_option("--key", pf->key,
                      "Sign the ledger event with this private key file (default: $PARLEY_KEY)");
  AddJsonOption(*propose, ctx);
  AddWorkspaceOption(*propose, ctx);
  propose->callback([&ctx, pf] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Propose(ws, *pf, ctx.json); });
  });

  auto* list = plan_cmd.add_subcommand("list", "Every stored plan: kind, state, balance");
  AddJsonOption(*list, ctx);
  AddWorkspaceOption(*list, ctx);
  list->callback(
      [&ctx] { InWorkspace(ctx, [&](store::Workspace& ws) { return List(ws, ctx.json); }); });

  auto* show = plan_cmd.add_subcommand("show", "A stored plan: its state and balance per phase");
  auto show_id = std::make_shared<std::string>();
  auto show_out = std::make_shared<std::string>();
  show->add_option("ID", *show_id, "Plan number")->required();
  show->add_option("--out", *show_out,
                   "Also write it as a self-contained plan file (to edit for a counter)");
  AddJsonOption(*show, ctx);
  AddWorkspaceOption(*show, ctx);
  show->callback([&ctx, show_id, show_out] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Show(ws, *show_id, *show_out, ctx.json); });
  });

  auto* counter = plan_cmd.add_subcommand(
      "counter", "Counter-propose: an edited plan, checked against every rule");
  auto cf = std::make_shared<ChangeFlags>();
  AddChangeOptions(*counter, *cf, ctx);
  counter->add_option("--file", cf->file, "The edited plan (JSON)");
  counter->add_option("--workbook", cf->workbook,
                      "Or: one party's plan workbook edited in Excel "
                      "(`parley report plan ID --format xlsx --side S`)");
  counter->add_option("--side", cf->side,
                      "With --workbook: the party the workbook was written for");
  counter->callback([&ctx, cf] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Counter(ws, *cf, ctx.json); });
  });

  for (auto [name, what, help] :
       {std::tuple{"accept", negotiation::Approval::kAccept, "Accept a plan for one side"},
        std::tuple{"sign", negotiation::Approval::kSign,
                   "Sign an accepted plan for one side (the agreement must be in force)"}}) {
    auto* cmd = plan_cmd.add_subcommand(name, help);
    auto flags = std::make_shared<ChangeFlags>();
    AddChangeOptions(*cmd, *flags, ctx);
    cmd->add_option("--side", flags->side, "a, b, or the workspace side (e.g. ua)")->required();
    cmd->get_option("--key")->description(
        "The party's private key file, the one the plan's agreement pins as a_key/b_key "
        "(default: $PARLEY_KEY; required: the node key never signs for a party)");
    cmd->callback([&ctx, flags, what = what] {
      InWorkspace(ctx, [&](store::Workspace& ws) { return Approve(ws, *flags, what, ctx.json); });
    });
  }

  auto* witness = plan_cmd.add_subcommand(
      "witness", "The mediator witnesses a plan's content (never a party's signature)");
  auto wf = std::make_shared<ChangeFlags>();
  AddChangeOptions(*witness, *wf, ctx);
  witness->get_option("--key")->description(
      "The mediator's private key file, one the plan's agreement pins in mediator_keys "
      "(default: $PARLEY_KEY)");
  witness->callback([&ctx, wf] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Witness(ws, *wf, ctx.json); });
  });
}

}  // namespace parley::cli
