// parley/store/plans.h — the rows of plans kept in the workspace: each plan's stored document,
// its people, the sides' approvals and its state changes.
//
// What it is for: every SQL statement about plans lives here; negotiation
// (negotiation/plan_store.h, plan_negotiation.h) builds and reads the document, checks the
// plan and writes the ledger events. Rows are plain strings and integers (kind and state as
// the schema spells them: "proposal" / "counter" / "repair"; "proposed" / "accepted" /
// "signed" / "superseded"): the store knows nothing of plan::Plan.
//
// Contract:
// - A plan's content (document, sha256) is never edited (a trigger refuses it); only its
//   state moves, and every move adds one to `version`. UpdatePlanState moves a plan only from
//   the version the caller read, so two writers cannot both move a plan on.
// - The writes run inside the caller's LoggedTransaction (store/event_log.h), so that rows and
//   their ledger event commit together.
// - Reads return a plan's approvals in ledger order.
//
//   LoggedTransaction tx(ws);
//   PARLEY_TRY(tx.Begin());
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t id, InsertPlan(ws, row));
//   PARLEY_TRY(tx.Commit(actor, "plan.proposed", body));
//   PARLEY_ASSIGN_OR_RETURN(std::optional<PlanRow> plan, PlanRowById(ws, id));
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::store {

struct PlanApprovalRow {
  std::string action;  // accept | sign
  std::string party;   // a | b
  std::string actor;
  std::string at;
  std::int64_t ledger_seq = 0;
};

struct PlanRow {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::string agreement_name;
  std::int64_t agreement_version = 0;
  std::string kind;            // proposal | counter | repair
  std::int64_t parent_id = 0;  // 0 = none
  std::string side_a;
  std::string side_b;
  std::string state;  // proposed | accepted | signed | superseded
  std::string sha256;
  std::int64_t objective = 0;
  std::int64_t a_count = 0;
  std::int64_t b_count = 0;
  std::string created_by;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<PlanApprovalRow> approvals;  // in ledger order
};

// One person of a plan: which record version, in which phase (0 = not handed over).
struct PlanPersonRow {
  std::int64_t record_id = 0;
  std::int64_t record_version = 0;
  std::int64_t phase = 0;
};

struct NewPlanRow {
  std::int64_t agreement_id = 0;
  std::string kind = "proposal";
  std::int64_t parent_id = 0;  // 0 = none (a proposal)
  std::string side_a, side_b;
  std::string document;
  std::string sha256;
  std::int64_t objective = 0, a_count = 0, b_count = 0;
  std::string created_by;
  std::string now;
  std::vector<PlanPersonRow> people;
};

struct NewPlanApproval {
  std::int64_t plan_id = 0;
  std::string action;  // accept | sign
  std::string party;   // a | b
  std::string actor;
  std::string content_sha256;   // of the plan approved
  std::int64_t ledger_seq = 0;  // the plan.accepted / plan.signed event
  std::string at;
};

// Every plan, by id.
[[nodiscard]] Result<std::vector<PlanRow>> ListPlanRows(Workspace& ws);
// One plan (nullopt when there is none).
[[nodiscard]] Result<std::optional<PlanRow>> PlanRowById(Workspace& ws, std::int64_t id);
// A plan's stored document (nullopt when there is no such plan).
[[nodiscard]] Result<std::optional<std::string>> PlanDocument(Workspace& ws, std::int64_t id);
// The first live (not superseded) plan under this agreement with this content, if any.
[[nodiscard]] Result<std::optional<std::int64_t>> FindLivePlan(Workspace& ws,
                                                               std::int64_t agreement_id,
                                                               const std::string& sha256);
// The plan, its ancestors (parent_id up to the proposal) and all its descendants; empty when
// there is no such plan.
[[nodiscard]] Result<std::set<std::int64_t>> PlanFamily(Workspace& ws, std::int64_t plan_id);
// The plans that include a person record (any version of it), by id.
[[nodiscard]] Result<std::vector<std::int64_t>> PlansWithRecord(Workspace& ws,
                                                                std::int64_t record_id);

// Inserts a plan (state proposed, version 1) and its people, inside the caller's
// transaction. Returns its id.
[[nodiscard]] Result<std::int64_t> InsertPlan(Workspace& ws, const NewPlanRow& row);
// Moves plan `id` to `state` and version + 1 if it is still at `expected_version`. False
// when it is not (or there is no such plan): nothing was written.
[[nodiscard]] Result<bool> UpdatePlanState(Workspace& ws, std::int64_t id,
                                           std::int64_t expected_version, const std::string& state,
                                           const std::string& now);
// Inserts one side's approval (inside the caller's transaction).
[[nodiscard]] Result<void> InsertPlanApproval(Workspace& ws, const NewPlanApproval& approval);

}  // namespace parley::store
