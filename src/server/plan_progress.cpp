#include "server/plan_progress.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/try.h"
#include "server/person_status.h"
#include "store/read_snapshot.h"

namespace parley::server {
namespace {

using store::Database;
using store::Statement;

// Each planned person's current interview (the latest version), in one query.
Result<std::unordered_map<std::int64_t, Interview>> PlanInterviews(Database& db,
                                                                   std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT i.record_id, i.version, i.outcome FROM plan_people pp JOIN interviews i "
                 "ON i.record_id = pp.record_id WHERE pp.plan_id = ? AND i.version = (SELECT "
                 "max(j.version) FROM interviews j WHERE j.record_id = i.record_id)"));
  st.Bind(1, plan_id);
  std::unordered_map<std::int64_t, Interview> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Interview i;
    i.record_id = st.ColumnInt(0);
    i.version = st.ColumnInt(1);
    i.outcome = st.ColumnText(2);
    out[i.record_id] = std::move(i);
  }
  return out;
}

// Each planned person's handover events, oldest first, in one query.
Result<std::unordered_map<std::int64_t, std::vector<HandoverEvent>>> PlanHandovers(
    Database& db, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT h.record_id, h.seq, h.event, h.phase FROM plan_people pp JOIN "
                 "handover_events h ON h.record_id = pp.record_id WHERE pp.plan_id = ? "
                 "ORDER BY h.record_id, h.seq"));
  st.Bind(1, plan_id);
  std::unordered_map<std::int64_t, std::vector<HandoverEvent>> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    HandoverEvent e;
    e.record_id = st.ColumnInt(0);
    e.seq = st.ColumnInt(1);
    e.event = st.ColumnText(2);
    e.phase = st.ColumnInt(3);
    out[e.record_id].push_back(std::move(e));
  }
  return out;
}

}  // namespace

bool IsExcludedStatus(std::string_view status) {
  return status == "refused" || status == "unfit" || status == "deceased" || status == "withheld";
}

ProgressCounts::ProgressCounts() {
  for (std::string_view s : kPersonStatuses) statuses.emplace(std::string(s), 0);
}

void ProgressCounts::Add(std::string_view status) {
  ++promised;
  ++statuses[std::string(status)];
  const bool received_now = status == "received";
  const bool excluded_now = IsExcludedStatus(status);
  if (received_now || status == "handed_over") ++handed_over;
  if (received_now) ++received;
  if (excluded_now) ++excluded;
  if (!received_now && !excluded_now) ++outstanding;
}

const char* DirectionName(rules::Side from) {
  return from == rules::Side::kA ? "a_to_b" : "b_to_a";
}

PlanProgress DerivePlanProgress(const std::vector<negotiation::PlannedPerson>& people,
                                const std::vector<std::string>& statuses) {
  PlanProgress out;
  std::map<std::pair<int, int>, ProgressCounts> rows;
  for (std::size_t i = 0; i < people.size() && i < statuses.size(); ++i) {
    const negotiation::PlannedPerson& p = people[i];
    if (p.phase <= 0 || !p.dropped.empty()) continue;  // not promised
    const std::string& status = statuses[i];
    rows[{p.phase, static_cast<int>(p.side)}].Add(status);
    out.totals.Add(status);
    if (status != "received" && !IsExcludedStatus(status)) {
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

Result<PlanProgress> LoadPlanProgress(Database& db, std::int64_t plan_id) {
  store::ReadSnapshot snapshot(db);  // the plan, interviews and handovers of one moment
  PARLEY_TRY(snapshot.Begin());
  PARLEY_ASSIGN_OR_RETURN(auto people, negotiation::StoredPlanPeople(db, plan_id));
  PARLEY_ASSIGN_OR_RETURN(auto interviews, PlanInterviews(db, plan_id));
  PARLEY_ASSIGN_OR_RETURN(auto handovers, PlanHandovers(db, plan_id));
  const std::vector<HandoverEvent> none;
  std::vector<std::string> statuses;
  statuses.reserve(people.size());
  for (const negotiation::PlannedPerson& p : people) {
    auto i = interviews.find(p.record_id);
    auto h = handovers.find(p.record_id);
    statuses.push_back(DerivePersonStatus(
        i == interviews.end() ? std::nullopt : std::optional<Interview>(i->second),
        h == handovers.end() ? none : h->second));
  }
  return DerivePlanProgress(people, statuses);
}

}  // namespace parley::server
