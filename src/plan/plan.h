// parley/plan/plan.h — the exchange planner: agreement + candidates in, an optimal phased plan out.
//
// What it does. Given an Agreement and the candidates of each side (side a's file lists the
// people party a holds and may hand over), MakePlan decides who goes, in which phase and
// under which rule, such that every rule holds: everyone eligible in an "outside" or
// "all_for_all" category goes; each pool's balance after every phase is within its
// max_owed; phase caps, category caps, category phases and the required total hold. Among
// all such plans it returns one that maximises the objective (people handed over, or value,
// times each category's weight), reports CBC's bound and the gap (0 unless --gap or
// --time-limit relaxed it), and among equally good plans sends people as early as possible.
//
// Why this model fits the workload (the SQLite-style note). A real exchange has tens of
// thousands of candidates but only a handful of categories, a few distinct values (ranks)
// and a few phases. Within one (side, category, value) class the rules cannot tell two
// candidates apart: every constraint (caps, balances, all-for-all) and the objective depend
// only on HOW MANY of each class go in each phase. So the planner solves an aggregated
// integer program with one integer variable per (class, phase) — a few hundred variables for
// 40,000 people — exactly with CBC, and then fills each class's count with its
// highest-priority members, earliest phase first. The per-person model (one binary per person
// and phase) has the same optimum; the proof is in planner.cpp and the tests check it against
// a per-person MILP and exhaustive search. Solving takes milliseconds; sorting the
// candidates by priority dominates.
//
// Deterministic tie-break (documented in docs/agreements.md): (1) maximise the objective;
// (2) among optimal plans, maximise earliness (sum over people of phases_count + 1 - phase),
// solved as a second exact integer program with the objective fixed; (3) within a class, the
// agreement's [[priority]] order, then the id (bytewise). CBC runs single-threaded, so the
// same input always gives the same plan.
//
//   Result<Plan> p = MakePlan(agreement, side_a_records, side_b_records, PlanOptions{});
//   for (const Candidate& c : p->people) if (c.phase > 0) std::cout << c.record.id << "\n";
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"
#include "rules/agreement.h"
#include "rules/eligibility.h"

namespace parley::plan {

using rules::Side;

struct Candidate {
  PersonRecord record;
  Side side = Side::kA;
  rules::Classification rule;  // recomputed from the record whenever a plan is loaded
  int phase = 0;               // 0 = not handed over; 1..phase_count
  std::string dropped;         // non-empty: removed by a repair (refused, deceased, ...)
  // Position of this candidate in the agreement's priority order over all candidates
  // (criteria, then side, then id); set by ClassifyAll so that sorting a class compares
  // integers instead of re-deriving dates. -1 = not computed.
  std::int64_t priority = -1;
};

// One pool's cumulative balance after a phase. owed = ratio_b * a - ratio_a * b: positive
// means side a has handed over more than its share (side a is owed), negative side b.
struct PoolBalance {
  std::string pool;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::int64_t owed = 0;
};

struct PhaseSummary {
  int phase = 0;
  std::int64_t a_count = 0;  // people side a hands over in this phase
  std::int64_t b_count = 0;
  std::vector<PoolBalance> pools;  // cumulative through this phase
};

struct SolverReport {
  std::string solver = "cbc";
  std::string model = "aggregated";
  std::string status = "optimal";  // optimal | gap_limit | time_limit
  double objective = 0;
  double bound = 0;
  double gap = 0;  // (bound - objective) / max(1, |objective|)
  double seconds = 0;
  double gap_limit = 0;
  double time_limit = 0;
  std::int64_t classes = 0;    // (side, category, value) classes in the model
  std::int64_t variables = 0;  // integer variables of the primary model
};

struct PlanChange {
  Side side = Side::kA;
  std::string id;
  int from_phase = 0;
  int to_phase = 0;
  std::string why;  // "dropped: refused", "substitute", "moved", "removed to restore balance"
};

struct RepairRecord {
  std::vector<std::string> dropped;  // "a:ID"
  std::string reason;
  int executed_phases = 0;
  std::int64_t changes = 0;  // people changed besides the dropped
  std::vector<PlanChange> diff;
};

struct Plan {
  rules::Agreement agreement;
  std::vector<Candidate> people;  // side a's file order, then side b's
  std::vector<PhaseSummary> phases;
  SolverReport solver;
  std::int64_t objective = 0;
  int executed_phases = 0;  // phases already carried out (set by repair)
  std::vector<RepairRecord> repairs;
};

struct PlanOptions {
  double gap = 0;          // relative gap at which the solver may stop (0 = prove optimal)
  double time_limit = 60;  // seconds per solver call (0 = none)
};

// Classifies every candidate and plans. Errors: kInvalidInput when ids repeat within a side
// or when the rules cannot all hold with these candidates (the message names the rule).
[[nodiscard]] Result<Plan> MakePlan(const rules::Agreement& agreement,
                                    std::vector<PersonRecord> side_a,
                                    std::vector<PersonRecord> side_b,
                                    const PlanOptions& options = {});

// What one handed-over person contributes to the objective.
[[nodiscard]] std::int64_t ObjectiveOf(const rules::Agreement& agreement, const Candidate& c);
[[nodiscard]] std::int64_t PlanObjective(const rules::Agreement& agreement,
                                         const std::vector<Candidate>& people);

// Phase counts and cumulative pool balances of an assignment (recomputed, never trusted).
[[nodiscard]] std::vector<PhaseSummary> SummarisePhases(const rules::Agreement& agreement,
                                                        const std::vector<Candidate>& people);

// (Re)classifies each candidate under the agreement and computes its priority position.
void ClassifyAll(const rules::Agreement& agreement, std::vector<Candidate>& people);

}  // namespace parley::plan
