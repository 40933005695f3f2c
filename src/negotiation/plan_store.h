// parley/negotiation/plan_store.h — plans kept in the workspace: proposals, counter-proposals
// and repairs, each a row that is never edited, with the approvals of each side.
//
// The stored document. A stateless plan file (plan/plan_json.h, "parley-plan/1") embeds the
// agreement text and every record: 26 MB for 40,000 people. A stored plan instead refers to
// the agreement by its row and to each person by record id and record version (plus the
// planner's facts, workspace_candidates.h), format "parley-plan-ref/1":
//   {"format": "parley-plan-ref/1", "agreement": {"name", "version", "sha256"},
//    "sides": {"a": "ua", "b": "ru"}, "objective", "solver" (without its timing),
//    "executed_phases", "phases", "repairs",
//    "people": [{"side", "id", "phase", "dropped"?,
//                "ref": {"list", "record_id", "record_version"}, "facts": {...}}]}
// (status, category, value and rule are recomputed on load, as for a plan file).
// Its sha256 identifies the plan's content; the same plan proposed twice is one row.
// LoadStoredPlan rebuilds the full plan::Plan (records from their versions), so explain,
// check and repair work on a stored plan exactly as on a file; ExportPlanFile writes the
// self-contained "parley-plan/1" form for a negotiator to edit.
//
// States: proposed → accepted (both sides accepted) → signed (both sides signed); a counter
// or a repair supersedes its parent. `version` grows with every state change; an update that
// names a stale version is kConflict, so two browsers cannot both move a plan on.
//
// The rows and their SQL are store/plans.h; this file builds and reads the documents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "negotiation/workspace_candidates.h"
#include "plan/plan.h"
#include "store/plans.h"
#include "store/workspace.h"

namespace parley::negotiation {

inline constexpr std::string_view kStoredPlanFormat = "parley-plan-ref/1";

enum class PlanKind { kProposal, kCounter, kRepair };
enum class PlanState { kProposed, kAccepted, kSigned, kSuperseded };
[[nodiscard]] const char* PlanKindName(PlanKind kind);
[[nodiscard]] const char* PlanStateName(PlanState state);

struct PlanApproval {
  std::string action;  // accept | sign
  std::string party;   // a | b
  std::string actor;
  std::string at;
  std::int64_t ledger_seq = 0;
};

struct StoredPlanInfo {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::string agreement_name;
  std::int64_t agreement_version = 0;
  PlanKind kind = PlanKind::kProposal;
  std::int64_t parent_id = 0;  // 0 = none
  std::string side_a;          // the workspace side acting as the agreement's party a
  std::string side_b;
  PlanState state = PlanState::kProposed;
  std::string sha256;
  std::int64_t objective = 0;
  std::int64_t a_count = 0;  // people side a hands over
  std::int64_t b_count = 0;
  std::string created_by;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<PlanApproval> approvals;

  [[nodiscard]] bool Has(std::string_view action, rules::Side party) const;
};

// Which stored record each person of a plan is (parallel to plan::Plan::people).
struct PersonRef {
  std::string list;
  std::int64_t record_id = 0;
  std::int64_t record_version = 0;
  std::vector<ExtraField> facts;
};

struct LoadedPlan {
  StoredPlanInfo info;
  plan::Plan plan;
  std::vector<PersonRef> refs;
};

// The stored document of a plan (see above) and its sha256.
[[nodiscard]] std::string StoredPlanDocument(const plan::Plan& plan,
                                             const std::vector<PersonRef>& refs,
                                             const std::string& agreement_name,
                                             std::int64_t agreement_version,
                                             const std::string& agreement_sha256,
                                             const std::string& side_a, const std::string& side_b);

// The plan_people rows of a plan: each person's record version and phase (refs parallel to
// plan.people; kInternal when they are not).
[[nodiscard]] Result<std::vector<store::PlanPersonRow>> PlanPeopleRows(
    const std::vector<PersonRef>& refs, const plan::Plan& plan);
// Moves a plan's state from `expected_version` to version + 1 (kConflict when stale). Call
// inside the change's LoggedTransaction.
[[nodiscard]] Result<void> SetPlanState(store::Workspace& ws, std::int64_t id,
                                        std::int64_t expected_version, PlanState state,
                                        const std::string& now);

// kNotFound when there is no such plan.
[[nodiscard]] Result<StoredPlanInfo> PlanInfo(store::Workspace& ws, std::int64_t id);
[[nodiscard]] Result<std::vector<StoredPlanInfo>> ListPlans(store::Workspace& ws);
[[nodiscard]] Result<LoadedPlan> LoadStoredPlan(store::Workspace& ws, std::int64_t id);

// Who a stored plan sends when, without rebuilding it: read from the stored document alone
// (no record, no agreement), for views that only count people (handover/plan_progress.h).
struct PlannedPerson {
  rules::Side side = rules::Side::kA;
  std::string id;       // the person's key in the side's list
  int phase = 0;        // 0 = not handed over
  std::string dropped;  // non-empty: removed by a repair
  std::int64_t record_id = 0;
};
[[nodiscard]] Result<std::vector<PlannedPerson>> StoredPlanPeople(store::Workspace& ws,
                                                                  std::int64_t id);

}  // namespace parley::negotiation
