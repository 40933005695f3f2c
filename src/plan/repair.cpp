#include "plan/repair.h"

#include <algorithm>

#include "plan/internal/class_model.h"
#include "plan/plan_checker.h"

namespace parley::plan {

Result<size_t> FindPerson(const Plan& plan, std::string_view who) {
  std::string_view id = who;
  int want_side = -1;
  if (id.size() > 2 && id[1] == ':' && (id[0] == 'a' || id[0] == 'b')) {
    want_side = id[0] == 'a' ? 0 : 1;
    id.remove_prefix(2);
  }
  std::vector<size_t> hits;
  for (size_t i = 0; i < plan.people.size(); ++i) {
    const Candidate& c = plan.people[i];
    if (c.record.id != id) continue;
    if (want_side >= 0 && (c.side == Side::kA ? 0 : 1) != want_side) continue;
    hits.push_back(i);
  }
  if (hits.empty()) {
    return Fail(ErrorCode::kNotFound, "nobody with id '" + std::string(who) + "' in the plan");
  }
  if (hits.size() > 1) {
    return Fail(ErrorCode::kInvalidInput, "id '" + std::string(id) +
                                              "' exists on both sides; write a:" + std::string(id) +
                                              " or b:" + std::string(id));
  }
  return hits[0];
}

Result<RepairRecord> RepairPlan(Plan& plan, const RepairRequest& request,
                                const PlanOptions& options) {
  const rules::Agreement& a = plan.agreement;
  if (std::find(std::begin(kDropReasons), std::end(kDropReasons), request.reason) ==
      std::end(kDropReasons)) {
    return Fail(ErrorCode::kInvalidInput,
                "reason '" + request.reason + "' is not one of: refused, deceased, not_presented");
  }
  int K = request.executed_phases < 0 ? plan.executed_phases : request.executed_phases;
  if (K < plan.executed_phases || K > a.phase_count) {
    return Fail(ErrorCode::kInvalidInput,
                "executed phases must be between " + std::to_string(plan.executed_phases) +
                    " (already recorded) and " + std::to_string(a.phase_count));
  }
  if (request.drop.empty()) {
    return Fail(ErrorCode::kInvalidInput, "name at least one person to drop (--drop ID)");
  }
  // Work in place; remember phases and drops so that a failure leaves the plan unchanged.
  std::vector<Candidate>& people = plan.people;
  std::vector<int> old_phase(people.size());
  std::vector<std::string> old_dropped(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    old_phase[i] = people[i].phase;
    if (!people[i].dropped.empty()) old_dropped[i] = people[i].dropped;
  }
  auto restore = [&] {
    for (size_t i = 0; i < people.size(); ++i) {
      people[i].phase = old_phase[i];
      people[i].dropped = old_dropped[i];
    }
  };
  RepairRecord record;
  record.reason = request.reason;
  record.executed_phases = K;
  std::vector<bool> is_dropped(people.size(), false);
  for (const std::string& who : request.drop) {
    auto idx = FindPerson(plan, who);
    if (!idx) {
      restore();
      return std::unexpected(idx.error());
    }
    Candidate& c = people[*idx];
    if (c.phase > 0 && c.phase <= K) {
      restore();
      return Fail(ErrorCode::kConflict, std::string(rules::SideName(c.side)) + ":" + c.record.id +
                                            " was handed over in phase " + std::to_string(c.phase) +
                                            ", which has been carried out; he cannot be dropped");
    }
    c.dropped = request.reason;
    c.phase = 0;
    is_dropped[*idx] = true;
    record.dropped.push_back(std::string(rules::SideName(c.side)) + ":" + c.record.id);
  }
  internal::ClassModelInput input = internal::BuildClassModel(a, people, K, /*repair=*/true);
  auto solved = internal::SolveClassModel(input, options);
  if (!solved) {
    restore();
    return std::unexpected(solved.error());
  }
  internal::FillClasses(input, *solved, people);

  for (size_t i = 0; i < people.size(); ++i) {
    const Candidate& after = people[i];
    if (is_dropped[i]) {
      record.diff.push_back(
          {after.side, after.record.id, old_phase[i], 0, "dropped: " + request.reason});
      continue;
    }
    if (old_phase[i] == after.phase) continue;
    std::string why = old_phase[i] == 0 ? "added" : after.phase == 0 ? "removed" : "moved";
    record.diff.push_back({after.side, after.record.id, old_phase[i], after.phase, why});
    ++record.changes;
  }
  std::vector<Violation> broken = CheckAssignment(a, people, /*reclassify=*/false);
  if (!broken.empty()) {
    restore();
    return Fail(ErrorCode::kInternal,
                "the repaired plan breaks a rule (" + broken[0].message + "); this is a bug");
  }
  std::int64_t fixed = 0;
  for (const Candidate& c : people) {
    if (c.phase > 0 && c.phase <= K) fixed += ObjectiveOf(a, c);
  }
  plan.executed_phases = K;
  plan.solver = solved->report;
  plan.solver.model = "aggregated-repair";
  plan.solver.objective += static_cast<double>(fixed);
  plan.solver.bound += static_cast<double>(fixed);
  plan.objective = PlanObjective(a, plan.people);
  plan.phases = SummarisePhases(a, plan.people);
  plan.repairs.push_back(record);
  return record;
}

}  // namespace parley::plan
