#include "store/plans.h"

#include <sqlite3.h>

#include <string>
#include <utility>

#include "core/try.h"

namespace parley::store {
namespace {

constexpr const char* kPlanColumns =
    "SELECT p.id, p.agreement_id, a.name, a.version, p.kind, coalesce(p.parent_id, 0), "
    "p.side_a, p.side_b, p.state, p.content_sha256, p.objective, p.a_count, p.b_count, "
    "p.created_by, p.created_at, p.version FROM plans p JOIN agreements a ON a.id = "
    "p.agreement_id ";

PlanRow ReadPlan(const Statement& st) {
  PlanRow p;
  p.id = st.ColumnInt(0);
  p.agreement_id = st.ColumnInt(1);
  p.agreement_name = st.ColumnText(2);
  p.agreement_version = st.ColumnInt(3);
  p.kind = st.ColumnText(4);
  p.parent_id = st.ColumnInt(5);
  p.side_a = st.ColumnText(6);
  p.side_b = st.ColumnText(7);
  p.state = st.ColumnText(8);
  p.sha256 = st.ColumnText(9);
  p.objective = st.ColumnInt(10);
  p.a_count = st.ColumnInt(11);
  p.b_count = st.ColumnInt(12);
  p.created_by = st.ColumnText(13);
  p.created_at = st.ColumnText(14);
  p.version = st.ColumnInt(15);
  return p;
}

Result<void> LoadApprovals(Database& db, PlanRow& plan) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT action, party, actor, at, ledger_seq FROM "
                                     "plan_approvals WHERE plan_id = ? ORDER BY ledger_seq"));
  st.Bind(1, plan.id);
  PARLEY_ASSIGN_OR_RETURN(plan.approvals, ReadRows(st, [](const Statement& row) {
                            return PlanApprovalRow{row.ColumnText(0), row.ColumnText(1),
                                                   row.ColumnText(2), row.ColumnText(3),
                                                   row.ColumnInt(4)};
                          }));
  return {};
}

Result<std::vector<std::int64_t>> Ids(Database& db, std::string_view sql, std::int64_t param) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  st.Bind(1, param);
  return ReadRows(st, [](const Statement& row) { return row.ColumnInt(0); });
}

}  // namespace

Result<std::vector<PlanRow>> ListPlanRows(Workspace& ws) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kPlanColumns) + "ORDER BY p.id"));
  PARLEY_ASSIGN_OR_RETURN(std::vector<PlanRow> out, ReadRows(st, ReadPlan));
  for (PlanRow& p : out) PARLEY_TRY(LoadApprovals(db, p));
  return out;
}

Result<std::optional<PlanRow>> PlanRowById(Workspace& ws, std::int64_t id) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kPlanColumns) + "WHERE p.id = ?"));
  st.Bind(1, id);
  PARLEY_ASSIGN_OR_RETURN(std::optional<PlanRow> found, ReadFirstRow(st, ReadPlan));
  if (found) PARLEY_TRY(LoadApprovals(db, *found));
  return found;
}

Result<std::optional<std::string>> PlanDocument(Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, ws.db().Prepare("SELECT document FROM plans WHERE id = ?"));
  st.Bind(1, id);
  return ReadFirstRow(st, [](const Statement& row) { return row.ColumnText(0); });
}

Result<std::optional<std::int64_t>> FindLivePlan(Workspace& ws, std::int64_t agreement_id,
                                                 const std::string& sha256) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT id FROM plans WHERE agreement_id = ? AND "
                                          "content_sha256 = ? AND state <> 'superseded' "
                                          "ORDER BY id LIMIT 1"));
  st.Bind(1, agreement_id);
  st.Bind(2, sha256);
  return ReadFirstRow(st, [](const Statement& row) { return row.ColumnInt(0); });
}

Result<std::set<std::int64_t>> PlanFamily(Workspace& ws, std::int64_t plan_id) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(auto found, Ids(db, "SELECT id FROM plans WHERE id = ?", plan_id));
  if (found.empty()) return std::set<std::int64_t>{};
  PARLEY_ASSIGN_OR_RETURN(
      auto ancestors,
      Ids(db,
          "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.parent_id FROM plans p JOIN up "
          "ON p.id = up.id WHERE p.parent_id IS NOT NULL) SELECT id FROM up",
          plan_id));
  PARLEY_ASSIGN_OR_RETURN(
      auto descendants,
      Ids(db,
          "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p.id FROM plans p JOIN down "
          "ON p.parent_id = down.id) SELECT id FROM down",
          plan_id));
  std::set<std::int64_t> family(ancestors.begin(), ancestors.end());
  family.insert(descendants.begin(), descendants.end());
  return family;
}

Result<std::vector<std::int64_t>> PlansWithRecord(Workspace& ws, std::int64_t record_id) {
  return Ids(ws.db(), "SELECT plan_id FROM plan_people WHERE record_id = ?", record_id);
}

Result<std::int64_t> InsertPlan(Workspace& ws, const NewPlanRow& row) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      db.Prepare(
          "INSERT INTO plans(agreement_id, kind, parent_id, side_a, side_b, state, "
          "document, content_sha256, objective, a_count, b_count, created_by, "
          "created_at, version, updated_at) VALUES (?,?,?,?,?,'proposed',?,?,?,?,?,?,?,1,?)"));
  ins.Bind(1, row.agreement_id);
  ins.Bind(2, row.kind);
  if (row.parent_id > 0) {
    ins.Bind(3, row.parent_id);
  } else {
    ins.BindNull(3);
  }
  ins.Bind(4, row.side_a);
  ins.Bind(5, row.side_b);
  ins.Bind(6, row.document);
  ins.Bind(7, row.sha256);
  ins.Bind(8, row.objective);
  ins.Bind(9, row.a_count);
  ins.Bind(10, row.b_count);
  ins.Bind(11, row.created_by);
  ins.Bind(12, row.now);
  ins.Bind(13, row.now);
  PARLEY_TRY(ins.Run());
  const std::int64_t id = db.LastInsertId();
  PARLEY_ASSIGN_OR_RETURN(Statement member,
                          db.Prepare("INSERT INTO plan_people(plan_id, record_id, "
                                     "record_version, phase) VALUES (?,?,?,?)"));
  for (const PlanPersonRow& person : row.people) {
    member.Bind(1, id);
    member.Bind(2, person.record_id);
    member.Bind(3, person.record_version);
    member.Bind(4, person.phase);
    PARLEY_TRY(member.Run());
  }
  return id;
}

Result<bool> UpdatePlanState(Workspace& ws, std::int64_t id, std::int64_t expected_version,
                             const std::string& state, const std::string& now) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("UPDATE plans SET state = ?, version = version + 1, "
                                     "updated_at = ? WHERE id = ? AND version = ?"));
  st.Bind(1, state);
  st.Bind(2, now);
  st.Bind(3, id);
  st.Bind(4, expected_version);
  PARLEY_TRY(st.Run());
  return sqlite3_changes(db.handle()) > 0;
}

Result<void> InsertPlanApproval(Workspace& ws, const NewPlanApproval& approval) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins, ws.db().Prepare("INSERT INTO plan_approvals(plan_id, action, party, actor, "
                                     "content_sha256, ledger_seq, at) VALUES (?,?,?,?,?,?,?)"));
  ins.Bind(1, approval.plan_id);
  ins.Bind(2, approval.action);
  ins.Bind(3, approval.party);
  ins.Bind(4, approval.actor);
  ins.Bind(5, approval.content_sha256);
  ins.Bind(6, approval.ledger_seq);
  ins.Bind(7, approval.at);
  return ins.Run();
}

}  // namespace parley::store
