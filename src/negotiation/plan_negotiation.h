// parley/negotiation/plan_negotiation.h — the negotiation of a plan in the workspace:
// propose from confirmed persons, counter with an edited plan, accept, sign, repair.
//
// What it is for: `parley plan propose|counter|accept|sign|repair` and the HTTP API (issue 6)
// call these functions; the front ends only parse arguments and print. Each change is one
// SQLite transaction that writes its rows and appends its signed ledger event (plan.proposed,
// plan.countered, plan.accepted, plan.signed, plan.repaired); event bodies carry plan ids,
// agreement name and version, counts, the objective and the document's sha256, never people.
//
// Contract:
// - Propose plans the candidates of workspace_candidates.h under an agreement version (draft
//   or in force). The same content under the same agreement as a live plan is a no-op.
// - Counter takes an edited plan (JSON with people[].side, id, phase and optionally dropped;
//   typically a file written by ExportPlanFile). Only the decisions are read: records,
//   agreement and refs come from the parent plan, and a person of the parent missing from
//   the file stays (phase 0). A counter that breaks any rule is refused (kInvalidInput)
//   naming every broken rule; otherwise it becomes a new plan whose parent is superseded.
//   The parent must be proposed or accepted.
// - Accept / sign: one per party side, made with the key the plan's agreement pins for that
//   party (negotiation/party_keys.h: never the node key or a mediator's). Sign needs the plan
//   accepted by both sides and the agreement in force. The plan is `accepted` when both accepted,
//   `signed` when both signed. Doing it again for the same side is a no-op. `expected_version` (the
//   plan version the caller saw; nullopt = current) makes a stale request kConflict.
// - Repair re-plans after people drop out (plan/repair.h) into a new plan of kind repair whose
//   parent (proposed, accepted or signed) is superseded.
//
//   ProposeRequest req{.agreement = "demo", .side_a = "ua", .side_b = "ru"};
//   PARLEY_ASSIGN_OR_RETURN(PlanOutcome p, ProposePlan(ws, req, actor));
//   PARLEY_TRY(ApprovePlan(ws, p.info.id, Approval::kAccept, rules::Side::kA, actor));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "negotiation/plan_store.h"
#include "plan/plan_checker.h"
#include "plan/repair.h"
#include "store/event_log.h"

namespace parley::negotiation {

struct ProposeRequest {
  std::string agreement;                          // name
  std::optional<std::int64_t> agreement_version;  // latest when nullopt
  std::string side_a;                             // workspace side acting as party a
  std::string side_b;
  bool all_held = false;
  plan::PlanOptions options;
};

struct PlanOutcome {
  StoredPlanInfo info;
  plan::Plan plan;
  bool unchanged = false;
  CandidateSelection a;  // ProposePlan only: how the candidates were chosen
  CandidateSelection b;
  plan::RepairRecord repair;  // RepairStoredPlan only
};

[[nodiscard]] Result<PlanOutcome> ProposePlan(store::Workspace& ws, const ProposeRequest& request,
                                              const store::Actor& actor);

// What a counter-proposal would be, without storing anything: the parent with the edited
// decisions applied (its balance per phase recomputed, so an editor can show it before the
// counter is sent) and every rule it breaks (empty: it keeps them all).
struct CounterCheck {
  plan::Plan plan;
  std::vector<plan::Violation> violations;
};
[[nodiscard]] Result<CounterCheck> CheckCounter(store::Workspace& ws, std::int64_t parent_id,
                                                std::string_view edited_json,
                                                std::string_view file);
[[nodiscard]] Result<PlanOutcome> CounterPlan(store::Workspace& ws, std::int64_t parent_id,
                                              std::string_view edited_json, std::string_view file,
                                              const store::Actor& actor,
                                              std::optional<std::int64_t> expected_version = {});

enum class Approval { kAccept, kSign };
[[nodiscard]] Result<PlanOutcome> ApprovePlan(store::Workspace& ws, std::int64_t plan_id,
                                              Approval approval, rules::Side party,
                                              const store::Actor& actor,
                                              std::optional<std::int64_t> expected_version = {});

// The mediator witnesses a plan's content (its sha256, in whatever state it is) with a key its
// agreement pins in mediator_keys: event plan.witnessed, which changes no state and never
// counts for a party. The same key witnessing the same plan again is a no-op.
struct PlanWitness {
  StoredPlanInfo info;
  std::string witness;  // the key's name
  bool unchanged = false;
};
[[nodiscard]] Result<PlanWitness> WitnessPlan(store::Workspace& ws, std::int64_t plan_id,
                                              const store::Actor& actor);

[[nodiscard]] Result<PlanOutcome> RepairStoredPlan(
    store::Workspace& ws, std::int64_t plan_id, const plan::RepairRequest& request,
    const plan::PlanOptions& options, const store::Actor& actor,
    std::optional<std::int64_t> expected_version = {});

// "a", "b", or the workspace side a plan maps to a party ("ua" → a).
[[nodiscard]] Result<rules::Side> ParsePlanSide(const StoredPlanInfo& info, std::string_view text);

// The self-contained "parley-plan/1" file of a stored plan (records embedded), for editing
// and counter-proposals.
[[nodiscard]] Result<void> ExportPlanFile(const LoadedPlan& plan, const std::string& path);

}  // namespace parley::negotiation
