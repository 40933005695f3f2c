#include "plan/internal/test_instances.h"

#include <cmath>
#include <functional>

#include "plan/internal/milp.h"
#include "plan/plan_checker.h"
#include "rules/agreement_parser.h"

namespace parley::plan::internal {
namespace {

class Rng {
 public:
  explicit Rng(std::uint64_t s) : s_(s * 0x9E3779B97F4A7C15ULL + 1) {}
  int Below(int n) {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return static_cast<int>(s_ % static_cast<std::uint64_t>(n));
  }

 private:
  std::uint64_t s_;
};

std::vector<PersonRecord> RandomPeople(Rng& rng, int n, const std::string& prefix) {
  std::vector<PersonRecord> out;
  for (int i = 0; i < n; ++i) {
    PersonRecord p;
    p.id = prefix + std::to_string(i);
    p.category = "c" + std::to_string(rng.Below(3));
    p.rank = "r" + std::to_string(rng.Below(3));
    p.birth_date = {1970 + rng.Below(30), 1 + rng.Below(12), 1 + rng.Below(28)};
    p.extra.push_back({"interview", rng.Below(8) == 0 ? "refused" : "agreed"});
    out.push_back(std::move(p));
  }
  return out;
}

bool Enumerate(const rules::Agreement& a, std::vector<Candidate>& people,
               const std::vector<int>& free, size_t k, int min_phase,
               const std::function<void()>& visit) {
  if (k == free.size()) {
    visit();
    return true;
  }
  Candidate& c = people[free[k]];
  for (int p = 0; p <= a.phase_count; ++p) {
    if (p > 0 && p < min_phase) continue;
    c.phase = p;
    Enumerate(a, people, free, k + 1, min_phase, visit);
  }
  c.phase = 0;
  return true;
}

}  // namespace

Instance RandomInstance(std::uint64_t seed, int per_side, int max_phases) {
  Rng rng(seed);
  for (;;) {
    int P = 1 + rng.Below(max_phases);
    std::string t =
        "[agreement]\ntitle = \"random " + std::to_string(seed) + "\"\ndate = 2025-06-09\n";
    t += rng.Below(2) == 0 ? "objective = \"people\"\n" : "objective = \"value\"\n";
    t += "[parties]\na = \"A\"\nb = \"B\"\n[phases]\ncount = " + std::to_string(P) + "\n";
    if (rng.Below(3) == 0) {
      t += "caps = [";
      for (int p = 0; p < P; ++p) t += (p ? ", " : "") + std::to_string(1 + rng.Below(per_side));
      t += "]\n";
    }
    if (rng.Below(5) == 0) t += "required_total = " + std::to_string(rng.Below(3)) + "\n";
    bool values = rng.Below(2) == 0;
    if (values) {
      t += "[value]\nfield = \"rank\"\n[value.points]\n";
      for (int r = 0; r < 3; ++r)
        t += "r" + std::to_string(r) + " = " + std::to_string(1 + rng.Below(4)) + "\n";
    }
    int pools = 1 + rng.Below(2);
    for (int q = 0; q < pools; ++q) {
      t += "[[pool]]\nid = \"q" + std::to_string(q) + "\"\n";
      t += rng.Below(2) == 0 || !values ? "measure = \"count\"\n" : "measure = \"value\"\n";
      int ratio = rng.Below(4);
      if (ratio == 1) t += "ratio = [1, 2]\n";
      if (ratio == 2) t += "ratio = [2, 1]\n";
      t += "max_owed = " + std::to_string(rng.Below(3)) + "\n";
    }
    int cats = 1 + rng.Below(3);
    for (int c = 0; c < cats; ++c) {
      t += "[[category]]\nid = \"k" + std::to_string(c) + "\"\n";
      t += "when = { category = \"c" + std::to_string(c) + "\" }\n";
      int bal = rng.Below(10);
      if (bal < 6) {
        t += "pool = \"q" + std::to_string(rng.Below(pools)) + "\"\n";
        if (rng.Below(4) == 0) t += "cap = " + std::to_string(rng.Below(per_side)) + "\n";
      } else {
        t += bal < 8 ? "balance = \"all_for_all\"\n" : "balance = \"outside\"\n";
      }
      int side = rng.Below(6);
      if (side == 0) t += "side = \"a\"\n";
      if (side == 1) t += "side = \"b\"\n";
      if (P > 1 && rng.Below(3) == 0) t += "phases = [" + std::to_string(1 + rng.Below(P)) + "]\n";
      if (rng.Below(4) == 0) t += "weight = 2\n";
    }
    if (rng.Below(2) == 0) {
      t += "[[exclusion]]\nid = \"refused\"\nwhen = { extra = { interview = \"refused\" } }\n";
    }
    t += "[[priority]]\nby = \"age\"\ndirection = \"desc\"\n";
    auto parsed = rules::ParseAgreement(t, "random.toml");
    if (!parsed) continue;  // e.g. caps contradicting required_total: draw again
    Instance in;
    in.toml = t;
    in.agreement = *parsed;
    in.a = RandomPeople(rng, per_side, "a");
    in.b = RandomPeople(rng, per_side, "b");
    return in;
  }
}

std::optional<Reference> ExhaustiveBest(const rules::Agreement& a, std::vector<Candidate> people) {
  ClassifyAll(a, people);
  std::vector<int> free;
  for (size_t i = 0; i < people.size(); ++i) {
    people[i].phase = 0;
    free.push_back(static_cast<int>(i));
  }
  std::optional<Reference> best;
  Enumerate(a, people, free, 0, 1, [&] {
    if (!CheckAssignment(a, people).empty()) return;
    std::int64_t obj = PlanObjective(a, people);
    if (!best || obj > best->objective) best = Reference{obj, 0};
  });
  return best;
}

std::optional<Reference> ExhaustiveRepair(const rules::Agreement& a,
                                          const std::vector<Candidate>& original,
                                          std::vector<Candidate> people, int executed) {
  ClassifyAll(a, people);
  std::vector<int> free;
  for (size_t i = 0; i < people.size(); ++i) {
    if (!people[i].dropped.empty()) {
      people[i].phase = 0;
      continue;
    }
    if (people[i].phase > 0 && people[i].phase <= executed) continue;
    free.push_back(static_cast<int>(i));
  }
  std::optional<Reference> best;
  Enumerate(a, people, free, 0, executed + 1, [&] {
    if (!CheckAssignment(a, people).empty()) return;
    std::int64_t changes = 0;
    for (int i : free) changes += people[i].phase != original[i].phase;
    std::int64_t obj = PlanObjective(a, people);
    if (!best || changes < best->changes || (changes == best->changes && obj > best->objective)) {
      best = Reference{obj, changes};
    }
  });
  return best;
}

std::optional<std::int64_t> PerPersonMilpBest(const rules::Agreement& a,
                                              const std::vector<Candidate>& in) {
  std::vector<Candidate> people = in;
  ClassifyAll(a, people);
  const int P = a.phase_count;
  MilpModel m;
  std::vector<std::vector<int>> x(people.size(), std::vector<int>(P + 1, -1));
  for (size_t i = 0; i < people.size(); ++i) {
    const Candidate& c = people[i];
    if (c.rule.status != rules::Status::kEligible) continue;
    const rules::Category& cat = a.categories[c.rule.category];
    double w = static_cast<double>(cat.weight *
                                   (a.objective == rules::Objective::kValue ? c.rule.value : 1));
    std::vector<std::pair<int, double>> row;
    for (int p = 1; p <= P; ++p) {
      if (!cat.AllowsPhase(p)) continue;
      x[i][p] = m.AddColumn(0, 1, w);
      row.push_back({x[i][p], 1});
    }
    bool forced = cat.balance != rules::Balance::kPool;
    if (forced && row.empty()) return std::nullopt;
    if (!row.empty()) m.AddRow(row, forced ? 1 : 0, 1);
  }
  auto side_of = [&](size_t i) { return people[i].side == Side::kA ? 0 : 1; };
  for (int s = 0; s < 2; ++s) {
    if (!a.phase_caps.empty()) {
      for (int p = 1; p <= P; ++p) {
        std::vector<std::pair<int, double>> row;
        for (size_t i = 0; i < people.size(); ++i) {
          if (side_of(i) == s && x[i][p] >= 0) row.push_back({x[i][p], 1});
        }
        if (!row.empty()) m.AddRow(row, 0, static_cast<double>(a.phase_caps[p - 1]));
      }
    }
    for (size_t c = 0; c < a.categories.size(); ++c) {
      if (!a.categories[c].cap) continue;
      std::vector<std::pair<int, double>> row;
      for (size_t i = 0; i < people.size(); ++i) {
        if (side_of(i) != s || people[i].rule.category != static_cast<int>(c)) continue;
        for (int p = 1; p <= P; ++p) {
          if (x[i][p] >= 0) row.push_back({x[i][p], 1});
        }
      }
      if (!row.empty()) m.AddRow(row, 0, static_cast<double>(*a.categories[c].cap));
    }
    if (a.required_total && *a.required_total > 0) {
      std::vector<std::pair<int, double>> row;
      for (size_t i = 0; i < people.size(); ++i) {
        if (side_of(i) != s) continue;
        for (int p = 1; p <= P; ++p) {
          if (x[i][p] >= 0) row.push_back({x[i][p], 1});
        }
      }
      if (row.empty()) return std::nullopt;
      m.AddRow(row, static_cast<double>(*a.required_total), kInfinity);
    }
  }
  for (size_t q = 0; q < a.pools.size(); ++q) {
    const rules::Pool& pool = a.pools[q];
    for (int p = 1; p <= P; ++p) {
      std::vector<std::pair<int, double>> row;
      for (size_t i = 0; i < people.size(); ++i) {
        const Candidate& c = people[i];
        if (c.rule.status != rules::Status::kEligible) continue;
        const rules::Category& cat = a.categories[c.rule.category];
        if (cat.balance != rules::Balance::kPool || cat.pool != static_cast<int>(q)) continue;
        double mv = pool.measure == rules::Measure::kValue ? static_cast<double>(c.rule.value) : 1;
        double coef = side_of(i) == 0 ? static_cast<double>(pool.ratio_b) * mv
                                      : -static_cast<double>(pool.ratio_a) * mv;
        for (int pp = 1; pp <= p; ++pp) {
          if (x[i][pp] >= 0) row.push_back({x[i][pp], coef});
        }
      }
      if (!row.empty()) {
        m.AddRow(row, -static_cast<double>(pool.max_owed), static_cast<double>(pool.max_owed));
      }
    }
  }
  if (m.Columns() == 0) return 0;
  auto s = SolveMilp(m, true, 0, 60);
  if (!s) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(s->objective));
}

}  // namespace parley::plan::internal
