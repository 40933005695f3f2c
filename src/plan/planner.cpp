#include <algorithm>
#include <set>

#include "plan/internal/class_model.h"
#include "plan/plan.h"

namespace parley::plan {

void ClassifyAll(const rules::Agreement& agreement, std::vector<Candidate>& people) {
  for (Candidate& c : people) {
    c.rule = rules::Classify(agreement, c.side, c.record);
    c.priority = -1;
  }
  std::vector<int> order(people.size());
  for (size_t i = 0; i < people.size(); ++i) order[i] = static_cast<int>(i);
  internal::SortByPriority(agreement, people, order);
  for (size_t k = 0; k < order.size(); ++k)
    people[order[k]].priority = static_cast<std::int64_t>(k);
}

std::int64_t ObjectiveOf(const rules::Agreement& a, const Candidate& c) {
  if (c.phase <= 0 || c.rule.status != rules::Status::kEligible) return 0;
  const rules::Category& cat = a.categories[c.rule.category];
  return cat.weight * (a.objective == rules::Objective::kValue ? c.rule.value : 1);
}

std::int64_t PlanObjective(const rules::Agreement& a, const std::vector<Candidate>& people) {
  std::int64_t sum = 0;
  for (const Candidate& c : people) sum += ObjectiveOf(a, c);
  return sum;
}

std::vector<PhaseSummary> SummarisePhases(const rules::Agreement& a,
                                          const std::vector<Candidate>& people) {
  std::vector<PhaseSummary> out(a.phase_count);
  std::vector<std::int64_t> pa(a.pools.size(), 0), pb(a.pools.size(), 0);
  for (int p = 1; p <= a.phase_count; ++p) {
    PhaseSummary& s = out[p - 1];
    s.phase = p;
    for (const Candidate& c : people) {
      if (c.phase != p) continue;
      (c.side == Side::kA ? s.a_count : s.b_count) += 1;
      if (c.rule.status != rules::Status::kEligible) continue;
      const rules::Category& cat = a.categories[c.rule.category];
      if (cat.balance != rules::Balance::kPool) continue;
      std::int64_t m = a.pools[cat.pool].measure == rules::Measure::kValue ? c.rule.value : 1;
      (c.side == Side::kA ? pa : pb)[cat.pool] += m;
    }
    for (size_t q = 0; q < a.pools.size(); ++q) {
      const rules::Pool& pool = a.pools[q];
      s.pools.push_back({pool.id, pa[q], pb[q], pool.ratio_b * pa[q] - pool.ratio_a * pb[q]});
    }
  }
  return out;
}

Result<Plan> MakePlan(const rules::Agreement& agreement, std::vector<PersonRecord> side_a,
                      std::vector<PersonRecord> side_b, const PlanOptions& options) {
  Plan plan;
  plan.agreement = agreement;
  plan.people.reserve(side_a.size() + side_b.size());
  for (int s = 0; s < 2; ++s) {
    std::set<std::string> seen;
    for (PersonRecord& r : s == 0 ? side_a : side_b) {
      if (r.id.empty()) {
        return Fail(ErrorCode::kInvalidInput,
                    "a candidate on side " + std::string(s == 0 ? "a" : "b") +
                        " has no id; every row needs one",
                    Location{{}, r.source_row, 0, "id"});
      }
      if (!seen.insert(r.id).second) {
        return Fail(ErrorCode::kInvalidInput,
                    "id '" + r.id + "' appears twice on side " + (s == 0 ? "a" : "b") +
                        "; each candidate needs a unique id",
                    Location{{}, r.source_row, 0, "id"});
      }
      Candidate c;
      c.side = s == 0 ? Side::kA : Side::kB;
      c.record = std::move(r);
      plan.people.push_back(std::move(c));
    }
  }
  ClassifyAll(agreement, plan.people);
  internal::ClassModelInput input =
      internal::BuildClassModel(agreement, plan.people, /*executed_phases=*/0, /*repair=*/false);
  auto solved = internal::SolveClassModel(input, options);
  if (!solved) return std::unexpected(solved.error());
  internal::FillClasses(input, *solved, plan.people);
  plan.solver = solved->report;
  plan.objective = PlanObjective(agreement, plan.people);
  plan.phases = SummarisePhases(agreement, plan.people);
  return plan;
}

}  // namespace parley::plan
