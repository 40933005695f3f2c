// parley/handover/person_status.h — a person record's exchange status, derived, never stored.
//
// Contract (SYSTEM.md's status machine, the part that stands on interviews and handovers):
// the latest handover event wins (received > handed_over); otherwise the current interview
// outcome (StatusAfter): consents → interviewed, refuses → refused, unfit → unfit,
// deceased → deceased, not_presented → withheld (the holding side did not bring him);
// otherwise listed. Derived rather than stored so that it can never disagree with the events
// it comes from; reconciliation will add the states before `listed` (reported_missing,
// confirmed_held). The names (ToString) are what the API's and CLI's `status` say.
// IsExcludedStatus is the status face of ExcludesFromExchange (interview_outcome.h): true
// exactly for the statuses an excluding outcome leads to.
//
//   PARLEY_ASSIGN_OR_RETURN(PersonStatus s, StatusOf(ws, record_id));
//   ToString(s);   // "interviewed"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "handover/handover_events.h"
#include "handover/interviews.h"
#include "store/workspace.h"

namespace parley::handover {

enum class PersonStatus {
  kListed,
  kInterviewed,
  kRefused,
  kUnfit,
  kDeceased,
  kWithheld,
  kHandedOver,
  kReceived
};

// Every status DerivePersonStatus can give, in the order of the day.
inline constexpr std::array<PersonStatus, 8> kPersonStatuses = {
    PersonStatus::kListed,     PersonStatus::kInterviewed, PersonStatus::kRefused,
    PersonStatus::kUnfit,      PersonStatus::kDeceased,    PersonStatus::kWithheld,
    PersonStatus::kHandedOver, PersonStatus::kReceived};

[[nodiscard]] std::string_view ToString(PersonStatus status);
[[nodiscard]] Result<PersonStatus> ParsePersonStatus(std::string_view text);

// The status an interview outcome gives while no handover is recorded.
[[nodiscard]] PersonStatus StatusAfter(InterviewOutcome outcome);
// True for the statuses of people who will not cross (refused, unfit, deceased, withheld).
[[nodiscard]] bool IsExcludedStatus(PersonStatus status);

[[nodiscard]] PersonStatus DerivePersonStatus(const std::optional<Interview>& interview,
                                              const std::vector<HandoverEvent>& events);

// The record's status now, from its current interview and its handover events.
[[nodiscard]] Result<PersonStatus> StatusOf(store::Workspace& ws, std::int64_t record_id);

}  // namespace parley::handover
