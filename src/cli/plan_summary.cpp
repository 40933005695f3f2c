#include "cli/plan_summary.h"

#include <iostream>
#include <string>

namespace parley::cli {

nlohmann::ordered_json PlanSummaryJson(const plan::Plan& p) {
  using Json = nlohmann::ordered_json;
  Json phases = Json::array();
  for (const plan::PhaseSummary& s : p.phases) {
    Json pools = Json::array();
    for (const plan::PoolBalance& b : s.pools) {
      pools.push_back({{"pool", b.pool}, {"a", b.a}, {"b", b.b}, {"owed", b.owed}});
    }
    phases.push_back({{"phase", s.phase},
                      {"a_hands_over", s.a_count},
                      {"b_hands_over", s.b_count},
                      {"balance_after", pools}});
  }
  return {{"objective", p.objective},
          {"status", p.solver.status},
          {"bound", p.solver.bound},
          {"gap", p.solver.gap},
          {"seconds", p.solver.seconds},
          {"executed_phases", p.executed_phases},
          {"phases", phases}};
}

void PrintPlanSummary(const plan::Plan& p) {
  const rules::Agreement& a = p.agreement;
  std::cout << "Plan for \"" << a.title << "\": objective " << p.objective << " ("
            << (a.objective == rules::Objective::kPeople ? "people" : "value") << "), solver "
            << p.solver.status << ", bound " << p.solver.bound << ", gap " << p.solver.gap << "\n";
  for (const plan::PhaseSummary& s : p.phases) {
    std::cout << "  phase " << s.phase << ": " << a.party_a << " hands over " << s.a_count << ", "
              << a.party_b << " hands over " << s.b_count << ";";
    for (const plan::PoolBalance& b : s.pools) {
      std::cout << " pool " << b.pool << " " << b.a << ":" << b.b
                << (b.owed == 0  ? " even"
                    : b.owed > 0 ? " (a owed " + std::to_string(b.owed) + ")"
                                 : " (b owed " + std::to_string(-b.owed) + ")");
    }
    std::cout << (s.phase <= p.executed_phases ? " [carried out]" : "") << "\n";
  }
}

}  // namespace parley::cli
