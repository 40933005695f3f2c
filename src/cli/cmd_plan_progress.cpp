// `parley plan progress ID`: the handover day's live counts for a stored plan — per phase and
// direction, promised versus handed over, received, excluded and outstanding — as
// GET /api/v1/plans/{plan}/progress gives them (handover/plan_progress.h). People are named by
// list key and record id only; `parley show` gives a record's details.
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli/negotiation_commands.h"
#include "cli/workspace_open.h"
#include "core/try.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/stored_plan_progress.h"
#include "server/json_shapes.h"

namespace parley::cli {
namespace {

using handover::ProgressCounts;

// The outstanding people printed in the table form; --json lists every one.
constexpr std::size_t kOutstandingShown = 20;

void PrintCountsRow(const std::string& phase, const std::string& direction,
                    const ProgressCounts& c) {
  std::cout << std::setw(5) << phase << "  " << std::left << std::setw(16) << direction
            << std::right << std::setw(9) << c.promised << std::setw(13) << c.handed_over
            << std::setw(10) << c.received << std::setw(10) << c.excluded << std::setw(13)
            << c.outstanding << "\n";
}

void PrintTable(const negotiation::StoredPlanInfo& info, const handover::PlanProgress& p) {
  auto side_of = [&](rules::Side s) { return s == rules::Side::kA ? info.side_a : info.side_b; };
  std::cout << "Plan " << info.id << " (" << negotiation::PlanStateName(info.state) << ", version "
            << info.version << "): promised versus delivered\n";
  std::cout << "phase  direction         promised  handed over  received  excluded  "
               "outstanding\n";
  for (const handover::ProgressRow& r : p.rows) {
    const rules::Side to = r.from == rules::Side::kA ? rules::Side::kB : rules::Side::kA;
    PrintCountsRow(std::to_string(r.phase), side_of(r.from) + " -> " + side_of(to), r.counts);
  }
  PrintCountsRow("total", "", p.totals);
  std::cout << "(excluded: refused, unfit, deceased or withheld; outstanding: neither received "
               "nor excluded)\n";
  if (p.outstanding.empty()) return;
  std::cout << "Outstanding:\n";
  for (std::size_t i = 0; i < p.outstanding.size() && i < kOutstandingShown; ++i) {
    const handover::OutstandingPerson& o = p.outstanding[i];
    std::cout << "  phase " << o.phase << "  " << rules::SideName(o.side) << ":" << o.id
              << "  record " << o.record_id << "  " << handover::ToString(o.status) << "\n";
  }
  if (p.outstanding.size() > kOutstandingShown) {
    std::cout << "  ... and " << p.outstanding.size() - kOutstandingShown
              << " more (`--json` lists every one)\n";
  }
}

Result<void> Progress(store::Workspace& ws, const std::string& id_text, bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(id_text));
  PARLEY_ASSIGN_OR_RETURN(negotiation::StoredPlanInfo info, negotiation::PlanInfo(ws, id));
  PARLEY_ASSIGN_OR_RETURN(handover::PlanProgress progress, negotiation::StoredPlanProgress(ws, id));
  if (json) {
    std::cout << server::PlanProgressJson(info, progress).dump(2) << "\n";
  } else {
    PrintTable(info, progress);
  }
  return {};
}

}  // namespace

void RegisterPlanProgressCommand(CLI::App& plan_cmd, CliContext& ctx) {
  auto* cmd = plan_cmd.add_subcommand(
      "progress",
      "The handover day: per phase and direction, promised versus handed over, "
      "received, excluded and outstanding");
  auto id = std::make_shared<std::string>();
  cmd->add_option("ID", *id, "Plan number (`parley plan list`)")->required();
  AddJsonOption(*cmd, ctx);
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, id] {
    auto ws = OpenWorkspace(ctx);
    if (!ws) return;
    if (auto done = Progress(*ws, *id, ctx.json); !done) {
      ReportError(done.error(), ctx);
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
