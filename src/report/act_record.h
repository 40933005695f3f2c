// parley/report/act_record.h — what the act of transfer of one phase records, read once and
// printed two ways (act_paper.cpp as PDF, act_workbook.cpp as a worksheet).
//
// Contract: one ActPerson per person the plan puts in the phase (either direction, not
// dropped by a repair), in plan order, with the status derived from their current interview
// and handover events (handover/person_status.h), read in one snapshot; time and place are
// the last handover event's. The interview's notes are never read into it: an act names a
// refusal by its reason code (the status), never a health detail.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "handover/person_status.h"
#include "negotiation/plan_store.h"
#include "report/paper_people.h"
#include "store/workspace.h"

namespace parley::report {

struct ActPerson {
  rules::Side from = rules::Side::kA;
  PersonCells cells{};
  handover::PersonStatus status = handover::PersonStatus::kListed;
  std::string time{};   // of the last handover event ("" if none)
  std::string place{};  // of the last handover event ("" if none)
};

struct ActRecord {
  negotiation::StoredPlanInfo info{};
  rules::Agreement agreement{};
  int phase = 0;
  std::vector<ActPerson> people{};
  std::set<std::string> places{};
  std::string first_time{};  // earliest handover event of the phase ("" if none)
  std::string last_time{};
};

[[nodiscard]] Result<ActRecord> LoadActRecord(store::Workspace& ws, std::int64_t plan_id,
                                              int phase);

[[nodiscard]] bool CrossedOver(handover::PersonStatus status);  // handed over or received

}  // namespace parley::report
