#include "plan/internal/milp.h"

#include <chrono>
#include <cmath>
#include <coin/CbcModel.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <exception>

namespace parley::plan::internal {

Result<MilpSolution> SolveMilp(const MilpModel& m, bool maximize, double relative_gap,
                               double time_limit_seconds) {
  auto start = std::chrono::steady_clock::now();
  if (m.Columns() == 0) {  // nobody to place: the empty plan, trivially optimal
    for (size_t r = 0; r < m.rows.size(); ++r) {
      if (m.row_lower[r] > 0 || m.row_upper[r] < 0) {
        return Fail(ErrorCode::kInvalidInput, "infeasible");
      }
    }
    MilpSolution empty;
    empty.proven_optimal = true;
    return empty;
  }
  try {
    CoinPackedMatrix matrix(false, 0, 0);  // row-ordered
    matrix.setDimensions(0, m.Columns());
    for (const auto& row : m.rows) {
      std::vector<int> idx;
      std::vector<double> val;
      idx.reserve(row.size());
      val.reserve(row.size());
      for (const auto& [c, v] : row) {
        idx.push_back(c);
        val.push_back(v);
      }
      matrix.appendRow(static_cast<int>(idx.size()), idx.data(), val.data());
    }
    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.loadProblem(matrix, m.col_lower.data(), m.col_upper.data(), m.objective.data(),
                       m.row_lower.data(), m.row_upper.data());
    for (int c = 0; c < m.Columns(); ++c) solver.setInteger(c);
    solver.setObjSense(maximize ? -1.0 : 1.0);

    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.setNumberThreads(0);
    if (relative_gap > 0) model.setAllowableFractionGap(relative_gap);
    // Objectives are integral: a bound within 1e-6 of the incumbent proves optimality.
    model.setAllowableGap(1e-6);
    if (time_limit_seconds > 0) model.setMaximumSeconds(time_limit_seconds);
    model.initialSolve();
    if (model.solver()->isProvenPrimalInfeasible()) {
      return Fail(ErrorCode::kInvalidInput, "infeasible");
    }
    model.branchAndBound();
    MilpSolution out;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (model.isProvenInfeasible() || model.bestSolution() == nullptr) {
      if (model.isProvenInfeasible() || !model.maximumSecondsReached()) {
        return Fail(ErrorCode::kInvalidInput, "infeasible");
      }
      return Fail(ErrorCode::kInvalidInput, "the solver found no plan within the time limit of " +
                                                std::to_string(time_limit_seconds) +
                                                " s; raise --time-limit");
    }
    const double* x = model.bestSolution();
    out.x.assign(x, x + m.Columns());
    for (double& v : out.x) v = std::round(v);
    out.objective = model.getObjValue();
    out.bound = model.getBestPossibleObjValue();
    out.proven_optimal = model.isProvenOptimal();
    out.hit_time_limit = model.maximumSecondsReached();
    return out;
  } catch (const CoinError& e) {
    return Fail(ErrorCode::kInternal, "CBC failed: " + e.message());
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInternal, std::string("CBC failed: ") + e.what());
  }
}

}  // namespace parley::plan::internal
