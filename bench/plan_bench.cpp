// plan_bench — the exchange planner at the scale of a large exchange, beside a textbook MILP.
//
// Instance: 20,000 candidates a side (synthetic, deterministic), an agreement with 5
// categories (seriously wounded outside any ratio in phase 1; soldiers aged 18-25 all for
// all; officers and enlisted balanced by rank points; civilians by count), 3 phases with caps
// and a largest imbalance of 10 after every phase.
//
//   BM_Plan          MakePlan: classify, group, solve the aggregated model exactly (CBC), fill.
//   BM_Repair        RepairPlan: 20 people of side a refuse after phase 1 is carried out.
//   BM_GlpkPerPerson The same instance as a plain per-person MILP (one binary per person and
//                    phase) solved by GLPK's branch and cut, capped at --glpk-seconds (default
//                    60); counters say whether it finished and the objective it reached.
//
// Run: bench/plan_bench.sh (writes the table for docs/benchmarks-plan.md).
// plan_bench --write-instance=DIR writes the instance for timing the CLI end to end.
#include <benchmark/benchmark.h>
#include <glpk.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "plan/internal/synthetic_candidates.h"
#include "plan/plan.h"
#include "plan/repair.h"
#include "rules/agreement_parser.h"

namespace {

using parley::PersonRecord;
namespace plan = parley::plan;
namespace rules = parley::rules;

constexpr int kPerSide = 20000;
double glpk_seconds = 60;

constexpr const char* kAgreement = R"([agreement]
title = "Benchmark: 20,000 a side, 5 categories, 3 phases"
date = 2025-06-09
objective = "people"
[parties]
a = "Side A"
b = "Side B"
[phases]
count = 3
caps = [7000, 7000, 7000]
max_owed = 10
[value]
field = "rank"
default = 1
[value.points]
"brigadier-general" = 20
colonel = 15
"lieutenant-colonel" = 10
major = 8
captain = 6
lieutenant = 4
"non-commissioned officer" = 2
private = 1
[[pool]]
id = "military"
measure = "value"
[[pool]]
id = "civilians"
measure = "count"
[[category]]
id = "seriously_wounded"
when = { health = "seriously_wounded" }
balance = "outside"
phases = [1]
[[category]]
id = "young"
when = { category = "military", age = [18, 25] }
balance = "all_for_all"
[[category]]
id = "officers"
when = { category = "military", rank = ["brigadier-general", "colonel", "lieutenant-colonel", "major", "captain", "lieutenant"] }
pool = "military"
[[category]]
id = "enlisted"
when = { category = "military" }
pool = "military"
[[category]]
id = "civilians"
when = { category = "civilian" }
pool = "civilians"
[[exclusion]]
id = "refused"
when = { extra = { interview = "refused" } }
[[priority]]
by = "health"
order = ["wounded"]
[[priority]]
by = "captivity_days"
direction = "desc"
)";

struct Instance {
  rules::Agreement agreement;
  std::vector<PersonRecord> a, b;
};

const Instance& TheInstance() {
  static const Instance instance = [] {
    Instance in;
    auto parsed = rules::ParseAgreement(kAgreement, "bench.toml");
    if (!parsed) {
      std::cerr << parsed.error().Describe() << "\n";
      std::abort();
    }
    in.agreement = *parsed;
    plan::internal::SyntheticSpec spec;
    spec.count = kPerSide;
    spec.seed = 11;
    spec.id_prefix = "A-";
    in.a = plan::internal::GenerateCandidates(spec);
    spec.seed = 12;
    spec.id_prefix = "B-";
    spec.count = kPerSide;
    in.b = plan::internal::GenerateCandidates(spec);
    return in;
  }();
  return instance;
}

const plan::Plan& ThePlan() {
  static const plan::Plan p = [] {
    const Instance& in = TheInstance();
    auto made = plan::MakePlan(in.agreement, in.a, in.b);
    if (!made) {
      std::cerr << made.error().Describe() << "\n";
      std::abort();
    }
    return *made;
  }();
  return p;
}

void BM_Plan(benchmark::State& state) {
  const Instance& in = TheInstance();
  plan::Plan last;
  for (auto _ : state) {
    auto p = plan::MakePlan(in.agreement, in.a, in.b);
    if (!p) {
      state.SkipWithError(p.error().message.c_str());
      return;
    }
    last = std::move(*p);
  }
  state.counters["candidates"] = static_cast<double>(last.people.size());
  state.counters["objective"] = static_cast<double>(last.objective);
  state.counters["gap"] = last.solver.gap;
  state.counters["classes"] = static_cast<double>(last.solver.classes);
  state.counters["int_vars"] = static_cast<double>(last.solver.variables);
  state.counters["solver_s"] = last.solver.seconds;
}
BENCHMARK(BM_Plan)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Repair(benchmark::State& state) {
  const plan::Plan& base = ThePlan();
  std::vector<std::string> drop;
  for (const plan::Candidate& c : base.people) {
    if (c.side == rules::Side::kA && c.phase >= 2 && drop.size() < 20) {
      drop.push_back(std::string(rules::SideName(c.side)) + ":" + c.record.id);
    }
  }
  std::int64_t changes = 0, objective = 0;
  for (auto _ : state) {
    state.PauseTiming();
    plan::Plan p = base;  // the copy is not part of a repair
    state.ResumeTiming();
    auto r = plan::RepairPlan(p, {drop, "refused", 1});
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    changes = r->changes;
    objective = p.objective;
  }
  state.counters["dropped"] = static_cast<double>(drop.size());
  state.counters["changes"] = static_cast<double>(changes);
  state.counters["objective"] = static_cast<double>(objective);
}
BENCHMARK(BM_Repair)->Unit(benchmark::kMillisecond)->Iterations(10);

// The textbook model: x[i][p] in {0,1} for every eligible person i and allowed phase p.
void BM_GlpkPerPerson(benchmark::State& state) {
  const Instance& in = TheInstance();
  const rules::Agreement& a = in.agreement;
  std::vector<plan::Candidate> people;
  for (const auto& r : in.a) people.push_back({r, rules::Side::kA, {}, 0, {}});
  for (const auto& r : in.b) people.push_back({r, rules::Side::kB, {}, 0, {}});
  plan::ClassifyAll(a, people);
  const int P = a.phase_count;
  double objective = 0;
  int status = 0;
  bool finished = false;
  double seconds = 0;
  long columns = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    std::vector<std::vector<int>> x(people.size(), std::vector<int>(P + 1, 0));
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    auto add_row = [&](const std::vector<std::pair<int, double>>& entries, int type, double lo,
                       double hi) {
      int row = glp_add_rows(lp, 1);
      glp_set_row_bnds(lp, row, type, lo, hi);
      for (const auto& [col, v] : entries) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(v);
      }
    };
    for (size_t i = 0; i < people.size(); ++i) {
      const plan::Candidate& c = people[i];
      if (c.rule.status != rules::Status::kEligible) continue;
      const rules::Category& cat = a.categories[c.rule.category];
      std::vector<std::pair<int, double>> once;
      for (int p = 1; p <= P; ++p) {
        if (!cat.AllowsPhase(p)) continue;
        int col = glp_add_cols(lp, 1);
        glp_set_col_kind(lp, col, GLP_BV);
        glp_set_obj_coef(lp, col, static_cast<double>(cat.weight));
        x[i][p] = col;
        once.push_back({col, 1.0});
      }
      bool forced = cat.balance != rules::Balance::kPool;
      add_row(once, forced ? GLP_FX : GLP_UP, forced ? 1 : 0, 1);
    }
    for (int s = 0; s < 2; ++s) {
      for (int p = 1; p <= P; ++p) {
        std::vector<std::pair<int, double>> row;
        for (size_t i = 0; i < people.size(); ++i) {
          if ((people[i].side == rules::Side::kA ? 0 : 1) == s && x[i][p] > 0) {
            row.push_back({x[i][p], 1.0});
          }
        }
        add_row(row, GLP_UP, 0, static_cast<double>(a.phase_caps[p - 1]));
      }
    }
    for (size_t q = 0; q < a.pools.size(); ++q) {
      const rules::Pool& pool = a.pools[q];
      for (int p = 1; p <= P; ++p) {
        std::vector<std::pair<int, double>> row;
        for (size_t i = 0; i < people.size(); ++i) {
          const plan::Candidate& c = people[i];
          if (c.rule.status != rules::Status::kEligible) continue;
          const rules::Category& cat = a.categories[c.rule.category];
          if (cat.balance != rules::Balance::kPool || cat.pool != static_cast<int>(q)) continue;
          double m = pool.measure == rules::Measure::kValue ? static_cast<double>(c.rule.value) : 1;
          double coef = c.side == rules::Side::kA ? pool.ratio_b * m : -pool.ratio_a * m;
          for (int pp = 1; pp <= p; ++pp) {
            if (x[i][pp] > 0) row.push_back({x[i][pp], coef});
          }
        }
        double t = static_cast<double>(pool.max_owed);
        add_row(row, GLP_DB, -t, t);
      }
    }
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    columns = glp_get_num_cols(lp);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = static_cast<int>(glpk_seconds * 1000);
    int rc = glp_intopt(lp, &parm);
    status = glp_mip_status(lp);
    finished = rc == 0 && status == GLP_OPT;
    objective = (status == GLP_OPT || status == GLP_FEAS) ? glp_mip_obj_val(lp) : -1;
    glp_delete_prob(lp);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  state.counters["binaries"] = static_cast<double>(columns);
  state.counters["finished"] = finished ? 1 : 0;
  state.counters["objective"] = objective;
  state.counters["time_limit_s"] = glpk_seconds;
  state.counters["seconds"] = seconds;
  state.SetLabel(
      finished ? "optimal"
               : (status == GLP_FEAS ? "time limit, feasible only" : "time limit, no solution"));
}
BENCHMARK(BM_GlpkPerPerson)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

// --write-instance=DIR writes the instance as DIR/agreement.toml, DIR/a.csv, DIR/b.csv so
// that the CLI can be timed on it (bench/plan_bench.sh does).
void WriteInstance(const std::string& dir) {
  const Instance& in = TheInstance();
  std::ofstream(dir + "/agreement.toml") << kAgreement;
  std::ofstream a(dir + "/a.csv", std::ios::binary);
  plan::internal::WriteCandidatesCsv(in.a, a);
  std::ofstream b(dir + "/b.csv", std::ios::binary);
  plan::internal::WriteCandidatesCsv(in.b, b);
}

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--glpk-seconds=", 15) == 0) {
      glpk_seconds = std::atof(argv[i] + 15);
    } else if (std::strncmp(argv[i], "--write-instance=", 17) == 0) {
      WriteInstance(argv[i] + 17);
      return 0;
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  TheInstance();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
