#include "handover/plan_progress.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/try.h"
#include "store/exchange_events.h"
#include "store/read_snapshot.h"

namespace parley::handover {
namespace {

// Each planned person's current interview, in one query.
Result<std::unordered_map<std::int64_t, Interview>> PlanInterviews(store::Workspace& ws,
                                                                   std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadCurrentInterviewsOfPlan(ws, plan_id));
  std::unordered_map<std::int64_t, Interview> out;
  for (const store::InterviewRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(Interview i, FromRow(row));
    out[i.record_id] = std::move(i);
  }
  return out;
}

// Each planned person's handover events, oldest first, in one query.
Result<std::unordered_map<std::int64_t, std::vector<HandoverEvent>>> PlanHandovers(
    store::Workspace& ws, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadHandoverEventsOfPlan(ws, plan_id));
  std::unordered_map<std::int64_t, std::vector<HandoverEvent>> out;
  for (const store::HandoverEventRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(HandoverEvent e, FromRow(row));
    out[e.record_id].push_back(std::move(e));
  }
  return out;
}

}  // namespace

ProgressCounts::ProgressCounts() {
  for (PersonStatus s : kPersonStatuses) statuses.emplace(s, 0);
}

void ProgressCounts::Add(PersonStatus status) {
  ++promised;
  ++statuses[status];
  const bool received_now = status == PersonStatus::kReceived;
  const bool excluded_now = IsExcludedStatus(status);
  if (received_now || status == PersonStatus::kHandedOver) ++handed_over;
  if (received_now) ++received;
  if (excluded_now) ++excluded;
  if (!received_now && !excluded_now) ++outstanding;
}

const char* DirectionName(rules::Side from) {
  return from == rules::Side::kA ? "a_to_b" : "b_to_a";
}

PlanProgress DerivePlanProgress(const std::vector<PlannedPerson>& people,
                                const std::vector<PersonStatus>& statuses) {
  PlanProgress out;
  std::map<std::pair<int, int>, ProgressCounts> rows;
  for (std::size_t i = 0; i < people.size() && i < statuses.size(); ++i) {
    const PlannedPerson& p = people[i];
    if (p.phase <= 0 || !p.dropped.empty()) continue;  // not promised
    const PersonStatus status = statuses[i];
    rows[{p.phase, static_cast<int>(p.side)}].Add(status);
    out.totals.Add(status);
    if (status != PersonStatus::kReceived && !IsExcludedStatus(status)) {
      out.outstanding.push_back({p.record_id, p.id, p.side, p.phase, status});
    }
  }
  for (auto& [key, counts] : rows) {
    out.rows.push_back({key.first, static_cast<rules::Side>(key.second), std::move(counts)});
  }
  std::stable_sort(out.outstanding.begin(), out.outstanding.end(),
                   [](const OutstandingPerson& l, const OutstandingPerson& r) {
                     return std::pair(l.phase, static_cast<int>(l.side)) <
                            std::pair(r.phase, static_cast<int>(r.side));
                   });
  return out;
}

Result<PlanProgress> LoadPlanProgress(store::Workspace& ws, std::int64_t plan_id,
                                      const ReadPlannedPeople& read_people) {
  store::ReadSnapshot snapshot(ws);  // the plan, interviews and handovers of one moment
  PARLEY_TRY(snapshot.Begin());
  PARLEY_ASSIGN_OR_RETURN(auto people, read_people());
  PARLEY_ASSIGN_OR_RETURN(auto interviews, PlanInterviews(ws, plan_id));
  PARLEY_ASSIGN_OR_RETURN(auto handovers, PlanHandovers(ws, plan_id));
  const std::vector<HandoverEvent> none;
  std::vector<PersonStatus> statuses;
  statuses.reserve(people.size());
  for (const PlannedPerson& p : people) {
    auto i = interviews.find(p.record_id);
    auto h = handovers.find(p.record_id);
    statuses.push_back(DerivePersonStatus(
        i == interviews.end() ? std::nullopt : std::optional<Interview>(i->second),
        h == handovers.end() ? none : h->second));
  }
  return DerivePlanProgress(people, statuses);
}

}  // namespace parley::handover
