// parley/plan/internal/milp.h — a small integer program and its exact solution by COIN-OR CBC.
//
// Contract: SolveMilp solves max or min c.x subject to row_lower <= A x <= row_upper,
// col_lower <= x <= col_upper, every x integer. It returns kInvalidInput when the model is
// infeasible (the caller turns that into a sentence about the agreement), and otherwise the
// best solution found with CBC's objective and best bound: gap 0 and `proven_optimal` unless
// `relative_gap` or `time_limit_seconds` stopped the search early (no solution at all
// within the time limit is kInvalidInput naming --time-limit; the user can raise it). CBC runs
// single-threaded with fixed settings, so the same model always yields the same solution. CBC's
// exceptions are caught here; its headers are included only in milp.cpp.
//
//   MilpModel m; m.AddColumn(0, 10, 1.0); m.AddRow({{0, 1.0}}, 0, 5);
//   Result<MilpSolution> s = SolveMilp(m, /*maximize=*/true, 0.0, 10.0);  // s->x[0] == 5
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace parley::plan::internal {

struct MilpModel {
  std::vector<double> col_lower, col_upper, objective;
  std::vector<std::vector<std::pair<int, double>>> rows;
  std::vector<double> row_lower, row_upper;

  int AddColumn(double lower, double upper, double cost) {
    col_lower.push_back(lower);
    col_upper.push_back(upper);
    objective.push_back(cost);
    return static_cast<int>(col_lower.size()) - 1;
  }
  void AddRow(std::vector<std::pair<int, double>> entries, double lower, double upper) {
    rows.push_back(std::move(entries));
    row_lower.push_back(lower);
    row_upper.push_back(upper);
  }
  [[nodiscard]] int Columns() const { return static_cast<int>(col_lower.size()); }
};

struct MilpSolution {
  std::vector<double> x;
  double objective = 0;
  double bound = 0;
  bool proven_optimal = false;
  bool hit_time_limit = false;
  double seconds = 0;
};

inline constexpr double kInfinity = 1e30;

[[nodiscard]] Result<MilpSolution> SolveMilp(const MilpModel& model, bool maximize,
                                             double relative_gap, double time_limit_seconds);

}  // namespace parley::plan::internal
