// parley/intake/reconcile_flow.h — reconciling two stored lists, as `parley reconcile`, `parley
// demo` and the API (POST /api/v1/reconciliations) all do it.
//
// Links the latest versions of two stored lists (the engine of `parley link`) and stores every
// pair at or above the review threshold as a link: auto-accepted at or above `auto_accept`, or
// at or above `auto_accept_unique` when the pair is the only one of both its records (no other
// pair of either record reaches the review threshold, in this run or among the links kept from
// earlier runs); needs-review below. Why the second rule: with no date or no patronymic on one
// side, a true pair often cannot reach 0.99, yet a pair that nothing competes with is rarely
// wrong (measured in docs/benchmarks-link.md); an analyst's time is better spent on pairs with
// a rival. Earlier decisions are never overridden (LinkStore). After the first run,
// runs are incremental: only records created since the last run (new rows, new versions of
// changed rows) are scored, against everything, with the model stored by the last run; `full`
// re-estimates and rescores all. Every name of a record takes part in matching: its aliases
// column and, here in the workspace, the names of its earlier versions (a corrected spelling);
// the explanation's `name_used` entry says which alias matched. Undecided links of records that
// left the latest version of either list are withdrawn. A run that changes links appends one signed
// `reconcile.run` event (LinkStore::SaveRun), attributed to the actor.
//
//   ReconcileRequest req;
//   req.left = "ua-request";
//   req.right = "ru-custody";
//   req.actor = "analyst1";
//   PARLEY_ASSIGN_OR_RETURN(ReconcileReport r, ReconcileLists(ws, req));
//   std::cout << ReconcileReportJson(r, req.left, req.right).dump();
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ledger/keys.h"
#include "link/linker.h"
#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::intake {

inline constexpr double kDefaultAutoAcceptUnique = 0.97;

// The unique-pair threshold a caller asked for: its own value, else the default, except that
// one who set `auto_accept` and not this has asked for that threshold alone (a stricter
// --auto-accept must not be undercut by a default they did not see).
[[nodiscard]] inline double UniqueAcceptThreshold(bool auto_accept_given,
                                                  std::optional<double> auto_accept_unique) {
  return auto_accept_unique.value_or(auto_accept_given ? 2.0 : kDefaultAutoAcceptUnique);
}

struct ReconcileRequest {
  std::string left;
  std::string right;
  double review_threshold = 0.2;
  double auto_accept = 0.99;
  double auto_accept_unique = kDefaultAutoAcceptUnique;  // above 1: only `auto_accept` decides
  bool full = false;  // ignore the last run: re-estimate the model, score every pair
  std::string actor;
  const ledger::SigningKey* actor_key = nullptr;  // null: the node key vouches (event_log.h)
  link::ProgressFn progress;                      // may be empty
};

struct ReconcileReport {
  bool incremental = false;
  std::string last_run_at;  // when incremental
  std::size_t changed = 0;  // new or changed records scored (incremental runs)
  std::size_t left_count = 0;
  std::size_t right_count = 0;
  std::uint64_t scored_pairs = 0;
  std::size_t proposed = 0;
  std::int64_t auto_accepted = 0;
  store::SaveRunOutcome saved;
};

[[nodiscard]] Result<ReconcileReport> ReconcileLists(store::Workspace& ws,
                                                     const ReconcileRequest& request);

// The report as JSON, one shape for `parley reconcile --json` and POST /api/v1/reconciliations.
[[nodiscard]] nlohmann::json ReconcileReportJson(const ReconcileReport& report,
                                                 const std::string& left, const std::string& right);

}  // namespace parley::intake
