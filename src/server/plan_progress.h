// parley/server/plan_progress.h — the handover day's live counts for one stored plan:
// promised versus delivered, per phase and direction (issue 6).
//
// Contract. For each phase the plan uses and each direction (a_to_b: people side a hands
// over; b_to_a), `promised` is the people the plan puts there (phase > 0, not dropped by a
// repair), and `statuses` counts them by their current status (person_status.h: listed,
// interviewed, refused, unfit, deceased, withheld, handed_over, received). From those:
//   handed_over  = handed_over + received  (left the holding side)
//   received     = received
//   excluded     = refused + unfit + deceased + withheld  (will not cross under this plan)
//   outstanding  = promised - received - excluded        (still to come)
// Totals are the same sums over all rows; `outstanding` lists each person still to come by
// record id, plan person id (the list key), side, phase and status — never a name: the UI
// fetches a record it may see through GET /records/{id}, which is access-logged.
// Counting is by the plan's phase (a person handed over in another phase than planned still
// counts where the plan put him). Statuses are derived, never stored, exactly as for one
// person (DerivePersonStatus), from three queries however many people the plan holds (the
// plan document, the current interviews of its people, their handover events), read in one
// snapshot (store/read_snapshot.h) so that a handover committed meanwhile is seen by all
// three or by none.
//
//   PARLEY_ASSIGN_OR_RETURN(PlanProgress p, LoadPlanProgress(ws.db(), plan_id));
//   p.rows[0].outstanding;   // phase 1, a_to_b, still to come
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "negotiation/plan_store.h"
#include "store/sqlite_db.h"

namespace parley::server {

// Every status DerivePersonStatus can give, in the order of the day.
inline constexpr std::array<std::string_view, 8> kPersonStatuses = {
    "listed", "interviewed", "refused", "unfit", "deceased", "withheld", "handed_over", "received"};
[[nodiscard]] bool IsExcludedStatus(std::string_view status);

struct ProgressCounts {
  std::int64_t promised = 0;
  std::map<std::string, std::int64_t, std::less<>> statuses;  // every kPersonStatuses key
  std::int64_t handed_over = 0;
  std::int64_t received = 0;
  std::int64_t excluded = 0;
  std::int64_t outstanding = 0;

  ProgressCounts();
  void Add(std::string_view status);
};

struct ProgressRow {
  int phase = 0;
  rules::Side from = rules::Side::kA;  // the side handing over
  ProgressCounts counts;
};

struct OutstandingPerson {
  std::int64_t record_id = 0;
  std::string id;  // the person's key in the plan (its list's row key)
  rules::Side side = rules::Side::kA;
  int phase = 0;
  std::string status;
};

struct PlanProgress {
  std::vector<ProgressRow> rows;  // by phase, a_to_b before b_to_a; only pairs with people
  ProgressCounts totals;
  std::vector<OutstandingPerson> outstanding;  // by phase, side, plan order
};

// The derivation alone: `statuses[i]` is the current status of `people[i]`.
[[nodiscard]] PlanProgress DerivePlanProgress(const std::vector<negotiation::PlannedPerson>& people,
                                              const std::vector<std::string>& statuses);

// Reads plan `plan_id` and its people's interviews and handovers (kNotFound: no such plan).
[[nodiscard]] Result<PlanProgress> LoadPlanProgress(store::Database& db, std::int64_t plan_id);

[[nodiscard]] const char* DirectionName(rules::Side from);  // "a_to_b" / "b_to_a"

}  // namespace parley::server
