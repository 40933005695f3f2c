#include "plan/internal/class_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "core/try.h"
#include "plan/internal/milp.h"

// Why the aggregated model is exact (equivalence with the per-person model).
//
// Per-person model: x[i][p] in {0,1} says person i goes in phase p; sum_p x[i][p] <= 1, and
// = 1 when i's category is outside/all-for-all. Every other rule is a linear inequality
// sum_i a_i * sum_{p in S} x[i][p] <= b (or >=) in which the coefficient a_i depends only on
// i's class g(i) = (side, category, value): phase caps (a_i = 1 on one side), category caps
// (1 in one category), the required total, and each pool's cumulative balance
// (ratio_b * measure for side a, -ratio_a * measure for side b). Category phase limits remove
// x[i][p] for whole classes. The objective sum_i w_i sum_p x[i][p] has w_i = weight * (value
// or 1), again a function of the class only; so does earliness sum_i sum_p (P + 1 - p) x[i][p].
//
// (=>) If x is feasible, z[g][p] = sum_{i in g} x[i][p] satisfies 0 <= sum_p z[g][p] <= n_g
// (= n_g for forced classes) and every aggregated row, because each row is the per-person
// row with the class sums substituted; the objectives are equal.
// (<=) If z is feasible, put exactly z[g][p] members of g in phase p and leave the rest out;
// this is possible because sum_p z[g][p] <= n_g, it sends everyone of a forced class, and it
// satisfies every per-person row because those rows only see the class sums; the objectives
// are equal. Hence both models have the same optimum, and filling z by priority yields an
// optimal per-person plan. For a repair, classes are further split by the phase each person
// had in the plan being repaired; whether a person changes depends only on (that phase, new
// phase), so "number of changed people" is also a function of z and the argument carries
// over. The tests check this against a per-person MILP and exhaustive search.

namespace parley::plan::internal {
namespace {

using rules::Agreement;
using rules::Balance;
using rules::Measure;

int SideIndex(Side s) { return s == Side::kA ? 0 : 1; }

std::int64_t Weight(const Agreement& a, const ClassGroup& g) {
  const rules::Category& c = a.categories[g.category];
  return c.weight * (a.objective == rules::Objective::kValue ? g.value : 1);
}

std::int64_t PoolCoefficient(const Agreement& a, Side side, int category, std::int64_t value) {
  const rules::Category& c = a.categories[category];
  if (c.balance != Balance::kPool) return 0;
  const rules::Pool& q = a.pools[c.pool];
  std::int64_t m = q.measure == Measure::kValue ? value : 1;
  return side == Side::kA ? q.ratio_b * m : -q.ratio_a * m;
}

std::string SideWord(const Agreement& a, int s) {
  return (s == 0 ? a.party_a : a.party_b) + " (side " + (s == 0 ? "a" : "b") + ")";
}

}  // namespace

void SortByPriority(const Agreement& agreement, const std::vector<Candidate>& people,
                    std::vector<int>& indices) {
  bool ranked =
      std::all_of(indices.begin(), indices.end(), [&](int i) { return people[i].priority >= 0; });
  if (ranked) {
    std::sort(indices.begin(), indices.end(),
              [&](int x, int y) { return people[x].priority < people[y].priority; });
    return;
  }
  std::vector<rules::PriorityKey> keys(indices.size());
  for (size_t k = 0; k < indices.size(); ++k) {
    const Candidate& c = people[indices[k]];
    keys[k] = rules::MakePriorityKey(agreement, c.record, c.rule.value);
  }
  std::vector<int> order(indices.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    const Candidate& cx = people[indices[x]];
    const Candidate& cy = people[indices[y]];
    if (cx.record.id == cy.record.id && cx.side != cy.side) {
      bool before_by_key = rules::PriorityBefore(agreement, keys[x], "", keys[y], "");
      bool after_by_key = rules::PriorityBefore(agreement, keys[y], "", keys[x], "");
      if (before_by_key != after_by_key) return before_by_key;
      return cx.side == Side::kA;
    }
    return rules::PriorityBefore(agreement, keys[x], cx.record.id, keys[y], cy.record.id);
  });
  std::vector<int> sorted(indices.size());
  for (size_t k = 0; k < order.size(); ++k) sorted[k] = indices[order[k]];
  indices = std::move(sorted);
}

ClassModelInput BuildClassModel(const Agreement& agreement, const std::vector<Candidate>& people,
                                int executed_phases, bool repair) {
  ClassModelInput in;
  in.agreement = &agreement;
  in.executed_phases = executed_phases;
  in.repair = repair;
  for (auto& v : in.fixed_category) v.assign(agreement.categories.size(), 0);
  in.fixed_pool_owed.assign(agreement.pools.size(), 0);
  std::map<std::tuple<int, int, std::int64_t, int>, size_t> index;
  for (size_t i = 0; i < people.size(); ++i) {
    const Candidate& c = people[i];
    if (!c.dropped.empty() || c.rule.status != rules::Status::kEligible) continue;
    int s = SideIndex(c.side);
    if (c.phase > 0 && c.phase <= executed_phases) {
      in.fixed_total[s] += 1;
      in.fixed_category[s][c.rule.category] += 1;
      const rules::Category& cat = agreement.categories[c.rule.category];
      if (cat.balance == Balance::kPool) {
        in.fixed_pool_owed[cat.pool] +=
            PoolCoefficient(agreement, c.side, c.rule.category, c.rule.value);
      }
      continue;
    }
    int orig = repair ? c.phase : 0;
    auto key = std::make_tuple(s, c.rule.category, c.rule.value, orig);
    auto [it, inserted] = index.emplace(key, in.groups.size());
    if (inserted) {
      ClassGroup g;
      g.side = c.side;
      g.category = c.rule.category;
      g.value = c.rule.value;
      g.orig_phase = orig;
      in.groups.push_back(std::move(g));
    }
    in.groups[it->second].members.push_back(static_cast<int>(i));
  }
  for (ClassGroup& g : in.groups) SortByPriority(agreement, people, g.members);
  return in;
}

namespace {

using Row = std::vector<std::pair<int, double>>;

// The integer program under construction: var[g][p] is the column counting how many of class
// g go in open phase p (-1 where the category may not go).
struct ClassProgram {
  MilpModel m;
  std::vector<std::vector<int>> var;
  std::int64_t change_constant = 0;  // repair: people counted as changed whatever z is
};

// One column per (class, open phase it may go in); forced classes must all go.
Result<ClassProgram> AddClassColumns(const ClassModelInput& in) {
  const Agreement& a = *in.agreement;
  const int P = a.phase_count;
  const int K = in.executed_phases;
  ClassProgram prog;
  prog.var.assign(in.groups.size(), std::vector<int>(P + 1, -1));
  for (size_t g = 0; g < in.groups.size(); ++g) {
    const ClassGroup& grp = in.groups[g];
    const rules::Category& cat = a.categories[grp.category];
    const double n = static_cast<double>(grp.members.size());
    Row total;
    for (int p = K + 1; p <= P; ++p) {
      if (!cat.AllowsPhase(p)) continue;
      prog.var[g][p] = prog.m.AddColumn(0, n, 0);
      total.push_back({prog.var[g][p], 1.0});
    }
    bool forced = cat.balance != Balance::kPool;
    if (forced && total.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "category '" + cat.id + "' is " + rules::BalanceName(cat.balance) + " but " +
                      std::to_string(grp.members.size()) + " of its people on side " +
                      rules::SideName(grp.side) +
                      " cannot go: every phase it allows has been carried out");
    }
    if (!total.empty()) prog.m.AddRow(total, forced ? n : 0, n);
    if (in.repair && grp.orig_phase > 0) prog.change_constant += grp.members.size();
  }
  return prog;
}

// Caps that cannot hold the people who must go: say so before asking the solver.
Result<void> CheckCapsHoldTheForced(const ClassModelInput& in) {
  const Agreement& a = *in.agreement;
  const int P = a.phase_count;
  const int K = in.executed_phases;
  if (a.phase_caps.empty()) return {};
  for (int s = 0; s < 2; ++s) {
    std::int64_t must = 0, room = 0;
    for (int p = K + 1; p <= P; ++p) room += a.phase_caps[p - 1];
    for (size_t c = 0; c < a.categories.size(); ++c) {
      const rules::Category& cat = a.categories[c];
      if (cat.balance == Balance::kPool) continue;
      std::int64_t n = 0;
      for (const ClassGroup& g : in.groups) {
        if (SideIndex(g.side) == s && g.category == static_cast<int>(c)) {
          n += static_cast<std::int64_t>(g.members.size());
        }
      }
      must += n;
      std::int64_t cat_room = 0;
      for (int p = K + 1; p <= P; ++p) {
        if (cat.AllowsPhase(p)) cat_room += a.phase_caps[p - 1];
      }
      if (n > cat_room) {
        return Fail(ErrorCode::kInvalidInput,
                    "contradictory caps: " + std::to_string(n) + " people of category '" + cat.id +
                        "' (" + rules::BalanceName(cat.balance) + ") on " + SideWord(a, s) +
                        " must go, but the caps of the phases they may go " + "in allow " +
                        std::to_string(cat_room) +
                        "; raise [phases] caps or widen the category's phases");
      }
    }
    if (must > room) {
      return Fail(ErrorCode::kInvalidInput,
                  "contradictory caps: " + std::to_string(must) + " people on " + SideWord(a, s) +
                      " must go (outside or all-for-all) but the phase " + "caps allow " +
                      std::to_string(room) + "; raise [phases] caps");
    }
  }
  return {};
}

// The columns of side `s` in open phases, optionally of one category only (-1 = any).
Row SideColumns(const ClassModelInput& in, const ClassProgram& prog, int s, int category) {
  Row row;
  for (size_t g = 0; g < in.groups.size(); ++g) {
    if (SideIndex(in.groups[g].side) != s) continue;
    if (category >= 0 && in.groups[g].category != category) continue;
    for (int p = in.executed_phases + 1; p <= in.agreement->phase_count; ++p) {
      if (prog.var[g][p] >= 0) row.push_back({prog.var[g][p], 1});
    }
  }
  return row;
}

void AddPhaseCapRows(const ClassModelInput& in, ClassProgram& prog) {
  const Agreement& a = *in.agreement;
  if (a.phase_caps.empty()) return;
  for (int s = 0; s < 2; ++s) {
    for (int p = in.executed_phases + 1; p <= a.phase_count; ++p) {
      Row row;
      for (size_t g = 0; g < in.groups.size(); ++g) {
        if (SideIndex(in.groups[g].side) == s && prog.var[g][p] >= 0) {
          row.push_back({prog.var[g][p], 1});
        }
      }
      if (!row.empty()) prog.m.AddRow(row, 0, static_cast<double>(a.phase_caps[p - 1]));
    }
  }
}

// Category caps and the required total.
Result<void> AddCategoryCapAndTotalRows(const ClassModelInput& in, ClassProgram& prog) {
  const Agreement& a = *in.agreement;
  for (int s = 0; s < 2; ++s) {
    for (size_t c = 0; c < a.categories.size(); ++c) {
      if (!a.categories[c].cap) continue;
      Row row = SideColumns(in, prog, s, static_cast<int>(c));
      double room = static_cast<double>(*a.categories[c].cap - in.fixed_category[s][c]);
      if (!row.empty()) prog.m.AddRow(row, -kInfinity, room);
    }
    if (!a.required_total) continue;
    Row row = SideColumns(in, prog, s, -1);
    double need = static_cast<double>(*a.required_total - in.fixed_total[s]);
    if (need <= 0) continue;
    if (row.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  SideWord(a, s) + " must hand over " + std::to_string(*a.required_total) +
                      " people in all (required_total) but has no eligible candidates left");
    }
    prog.m.AddRow(row, need, kInfinity);
  }
  return {};
}

// Pool balances after every open phase.
Result<void> AddPoolRows(const ClassModelInput& in, ClassProgram& prog) {
  const Agreement& a = *in.agreement;
  const int K = in.executed_phases;
  for (size_t q = 0; q < a.pools.size(); ++q) {
    const double T = static_cast<double>(a.pools[q].max_owed);
    const double C = static_cast<double>(in.fixed_pool_owed[q]);
    for (int p = K + 1; p <= a.phase_count; ++p) {
      Row row;
      for (size_t g = 0; g < in.groups.size(); ++g) {
        const ClassGroup& grp = in.groups[g];
        const rules::Category& cat = a.categories[grp.category];
        if (cat.balance != Balance::kPool || cat.pool != static_cast<int>(q)) continue;
        double coef = static_cast<double>(PoolCoefficient(a, grp.side, grp.category, grp.value));
        for (int pp = K + 1; pp <= p; ++pp) {
          if (prog.var[g][pp] >= 0) row.push_back({prog.var[g][pp], coef});
        }
      }
      if (row.empty()) {
        if (std::abs(C) > T) {
          return Fail(ErrorCode::kInvalidInput,
                      "pool '" + a.pools[q].id + "' is out of balance by " +
                          std::to_string(static_cast<std::int64_t>(C)) +
                          " after the executed phases and nobody is left to restore it");
        }
        continue;
      }
      prog.m.AddRow(row, -T - C, T - C);
    }
  }
  return {};
}

// Objective coefficients per column: the agreed weight, earliness, and (repair) change.
struct Objectives {
  std::vector<double> primary, early, change;
};

Objectives MakeObjectives(const ClassModelInput& in, const ClassProgram& prog) {
  const Agreement& a = *in.agreement;
  const int P = a.phase_count;
  const auto columns = static_cast<std::size_t>(prog.m.Columns());
  Objectives o{std::vector<double>(columns, 0), std::vector<double>(columns, 0),
               std::vector<double>(columns, 0)};
  for (size_t g = 0; g < in.groups.size(); ++g) {
    const ClassGroup& grp = in.groups[g];
    for (int p = in.executed_phases + 1; p <= P; ++p) {
      int v = prog.var[g][p];
      if (v < 0) continue;
      o.primary[v] = static_cast<double>(Weight(a, grp));
      o.early[v] = static_cast<double>(P + 1 - p);
      if (in.repair) o.change[v] = grp.orig_phase == 0 ? 1.0 : (p == grp.orig_phase ? -1.0 : 0.0);
    }
  }
  return o;
}

Error ExplainInfeasible(const ClassModelInput& in, const Error& e) {
  if (e.code != ErrorCode::kInvalidInput || e.message != "infeasible") return e;
  std::int64_t forced[2] = {0, 0};
  for (const ClassGroup& g : in.groups) {
    if (in.agreement->categories[g.category].balance != Balance::kPool) {
      forced[SideIndex(g.side)] += static_cast<std::int64_t>(g.members.size());
    }
  }
  return Error{ErrorCode::kInvalidInput,
               "no plan satisfies every rule with these candidates: " + std::to_string(forced[0]) +
                   " people on side a and " + std::to_string(forced[1]) +
                   " on side b must go (outside or all-for-all categories); check them "
                   "against the phase caps, category caps, required_total and each pool's "
                   "max_owed, or correct the candidate lists",
               {}};
}

// `m` with `objective` held at the value the first stage reached: at least it when it was
// maximised, at most it when it was minimised.
MilpModel HoldObjective(const MilpModel& m, const std::vector<double>& objective, double value,
                        bool at_least) {
  Row row;
  for (int v = 0; v < m.Columns(); ++v) {
    if (objective[v] != 0) row.push_back({v, objective[v]});
  }
  MilpModel held = m;
  if (!row.empty()) {
    held.AddRow(row, at_least ? std::round(value) : -kInfinity,
                at_least ? kInfinity : std::round(value));
  }
  return held;
}

std::string SolveStatus(const MilpSolution& s) {
  return s.hit_time_limit && !s.proven_optimal ? "time_limit" : "optimal";
}

// A new plan: the most agreed weight first, then as early as possible at that weight.
Result<MilpSolution> SolveForPlan(const ClassModelInput& in, MilpModel& m, const Objectives& o,
                                  const PlanOptions& options, ClassModelResult& out) {
  m.objective = o.primary;
  auto s1 = SolveMilp(m, true, options.gap, options.time_limit);
  if (!s1) return std::unexpected(ExplainInfeasible(in, s1.error()));
  MilpSolution best = *s1;
  out.report.objective = s1->objective;
  out.report.bound = s1->bound;
  out.report.seconds = s1->seconds;
  out.report.status = SolveStatus(*s1);
  // Stage 2: earliness with the objective held at its optimum.
  MilpModel m2 = HoldObjective(m, o.primary, s1->objective, true);
  m2.objective = o.early;
  auto s2 = SolveMilp(m2, true, 0, options.time_limit);
  if (s2) {
    best = *s2;
    out.report.seconds += s2->seconds;
  }
  return best;
}

// A repair: the fewest changed people first, then the most agreed weight at that count.
Result<MilpSolution> SolveForRepair(const ClassModelInput& in, const ClassProgram& prog,
                                    MilpModel& m, const Objectives& o, const PlanOptions& options,
                                    ClassModelResult& out) {
  m.objective = o.change;
  auto s1 = SolveMilp(m, false, 0, options.time_limit);
  if (!s1) return std::unexpected(ExplainInfeasible(in, s1.error()));
  MilpSolution best = *s1;
  out.changes = static_cast<std::int64_t>(std::llround(s1->objective)) + prog.change_constant;
  out.report.seconds = s1->seconds;
  MilpModel m2 = HoldObjective(m, o.change, s1->objective, false);
  m2.objective = o.primary;
  auto s2 = SolveMilp(m2, true, options.gap, options.time_limit);
  if (s2) {
    best = *s2;
    out.report.objective = s2->objective;
    out.report.bound = s2->bound;
    out.report.seconds += s2->seconds;
    out.report.status = SolveStatus(*s2);
  } else {
    double obj = 0;
    for (int v = 0; v < m.Columns(); ++v) obj += o.primary[v] * best.x[v];
    out.report.objective = out.report.bound = obj;
  }
  return best;
}

void FinishReport(const ClassModelInput& in, const MilpModel& m, const PlanOptions& options,
                  ClassModelResult& out) {
  out.report.gap_limit = options.gap;
  out.report.time_limit = options.time_limit;
  out.report.classes = static_cast<std::int64_t>(in.groups.size());
  out.report.variables = m.Columns();
  double denom = std::max(1.0, std::abs(out.report.objective));
  out.report.gap = std::max(0.0, std::abs(out.report.bound - out.report.objective) / denom);
  if (out.report.status == "optimal" && out.report.gap > 1e-9) out.report.status = "gap_limit";
  if (out.report.gap <= 1e-9) out.report.gap = 0;
}

// How many of each class go in each phase (index 0: how many stay).
std::vector<std::vector<std::int64_t>> ClassCounts(const ClassModelInput& in,
                                                   const ClassProgram& prog,
                                                   const MilpSolution& best) {
  const int P = in.agreement->phase_count;
  std::vector<std::vector<std::int64_t>> count(in.groups.size(),
                                               std::vector<std::int64_t>(P + 1, 0));
  for (size_t g = 0; g < in.groups.size(); ++g) {
    std::int64_t sent = 0;
    for (int p = in.executed_phases + 1; p <= P; ++p) {
      if (prog.var[g][p] < 0) continue;
      count[g][p] = static_cast<std::int64_t>(std::llround(best.x[prog.var[g][p]]));
      sent += count[g][p];
    }
    count[g][0] = static_cast<std::int64_t>(in.groups[g].members.size()) - sent;
  }
  return count;
}

}  // namespace

Result<ClassModelResult> SolveClassModel(const ClassModelInput& in, const PlanOptions& options) {
  PARLEY_ASSIGN_OR_RETURN(ClassProgram prog, AddClassColumns(in));
  PARLEY_TRY(CheckCapsHoldTheForced(in));
  AddPhaseCapRows(in, prog);
  PARLEY_TRY(AddCategoryCapAndTotalRows(in, prog));
  PARLEY_TRY(AddPoolRows(in, prog));
  const Objectives objectives = MakeObjectives(in, prog);

  ClassModelResult out;
  PARLEY_ASSIGN_OR_RETURN(const MilpSolution best,
                          in.repair ? SolveForRepair(in, prog, prog.m, objectives, options, out)
                                    : SolveForPlan(in, prog.m, objectives, options, out));
  FinishReport(in, prog.m, options, out);
  out.count = ClassCounts(in, prog, best);
  return out;
}

void FillClasses(const ClassModelInput& in, const ClassModelResult& result,
                 std::vector<Candidate>& people) {
  const int P = in.agreement->phase_count;
  for (size_t g = 0; g < in.groups.size(); ++g) {
    const ClassGroup& grp = in.groups[g];
    std::vector<std::int64_t> left = result.count[g];
    size_t k = 0;
    // A repaired class keeps its best members where they were.
    if (grp.orig_phase > 0 && grp.orig_phase <= P) {
      for (; k < grp.members.size() && left[grp.orig_phase] > 0; ++k) {
        people[grp.members[k]].phase = grp.orig_phase;
        --left[grp.orig_phase];
      }
    }
    for (int p = in.executed_phases + 1; p <= P; ++p) {
      for (; k < grp.members.size() && left[p] > 0; ++k) {
        people[grp.members[k]].phase = p;
        --left[p];
      }
    }
    for (; k < grp.members.size(); ++k) people[grp.members[k]].phase = 0;
  }
}

}  // namespace parley::plan::internal
