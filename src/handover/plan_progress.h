// parley/handover/plan_progress.h — the handover day's live counts for one stored plan:
// promised versus delivered, per phase and direction (issue 6).
//
// Contract. For each phase the plan uses and each direction (a_to_b: people side a hands
// over; b_to_a), `promised` is the people the plan puts there (phase > 0, not dropped by a
// repair), and `statuses` counts them by their current status (person_status.h). From those:
//   handed_over  = handed_over + received  (left the holding side)
//   received     = received
//   excluded     = refused + unfit + deceased + withheld  (IsExcludedStatus: will not cross)
//   outstanding  = promised - received - excluded        (still to come)
// Totals are the same sums over all rows; `outstanding` lists each person still to come by
// record id, plan person id (the list key), side, phase and status — never a name: the UI
// fetches a record it may see through GET /records/{id}, which is access-logged.
// Counting is by the plan's phase (a person handed over in another phase than planned still
// counts where the plan put him). Statuses are derived, never stored, exactly as for one
// person (DerivePersonStatus), from three reads however many people the plan holds (the
// plan's people, the current interviews of its people, their handover events), done in one
// snapshot (store/read_snapshot.h) so that a handover committed meanwhile is seen by all
// three or by none.
//
// Why the plan's people come from the caller: they are read from the stored plan document,
// which is negotiation's (negotiation::StoredPlanPeople), and negotiation sits above this
// module (it asks ExcludesFromExchange when it selects candidates).
// negotiation/stored_plan_progress.h passes them in.
//
//   PARLEY_ASSIGN_OR_RETURN(PlanProgress p, LoadPlanProgress(ws, plan_id, read_people));
//   p.rows[0].outstanding;   // phase 1, a_to_b, still to come
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "handover/person_status.h"
#include "rules/agreement.h"
#include "store/workspace.h"

namespace parley::handover {

// Who a stored plan sends when (negotiation::PlannedPerson's fields).
struct PlannedPerson {
  rules::Side side = rules::Side::kA;
  std::string id;       // the person's key in the side's list
  int phase = 0;        // 0 = not handed over
  std::string dropped;  // non-empty: removed by a repair
  std::int64_t record_id = 0;
};

struct ProgressCounts {
  std::int64_t promised = 0;
  std::map<PersonStatus, std::int64_t> statuses;  // every kPersonStatuses key
  std::int64_t handed_over = 0;
  std::int64_t received = 0;
  std::int64_t excluded = 0;
  std::int64_t outstanding = 0;

  ProgressCounts();
  void Add(PersonStatus status);
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
  PersonStatus status = PersonStatus::kListed;
};

struct PlanProgress {
  std::vector<ProgressRow> rows;  // by phase, a_to_b before b_to_a; only pairs with people
  ProgressCounts totals;
  std::vector<OutstandingPerson> outstanding;  // by phase, side, plan order
};

// The derivation alone: `statuses[i]` is the current status of `people[i]`.
[[nodiscard]] PlanProgress DerivePlanProgress(const std::vector<PlannedPerson>& people,
                                              const std::vector<PersonStatus>& statuses);

// Reads plan `plan_id`'s people (`read_people`, called inside the snapshot; its errors, such
// as kNotFound for no such plan, are returned as they are) and their interviews and
// handovers, all in one snapshot, and derives the progress.
using ReadPlannedPeople = std::function<Result<std::vector<PlannedPerson>>()>;
[[nodiscard]] Result<PlanProgress> LoadPlanProgress(store::Workspace& ws, std::int64_t plan_id,
                                                    const ReadPlannedPeople& read_people);

[[nodiscard]] const char* DirectionName(rules::Side from);  // "a_to_b" / "b_to_a"

}  // namespace parley::handover
