// parley/server/person_status.h — a person record's exchange status, derived, never stored.
//
// Contract (SYSTEM.md's status machine, the part that stands on interviews and handovers):
// the latest handover event wins (received > handed_over); otherwise the current interview
// outcome: consents → interviewed, refuses → refused, unfit → unfit, deceased → deceased,
// not_presented → withheld (the holding side did not bring him); otherwise listed.
// Derived rather than stored so that it can never disagree with the events it comes from;
// reconciliation will add the states before `listed` (reported_missing, confirmed_held).
//
//   std::string s = DerivePersonStatus(interview, events);   // "interviewed"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/handover_store.h"
#include "server/interview_store.h"

namespace parley::server {

[[nodiscard]] std::string DerivePersonStatus(const std::optional<Interview>& interview,
                                             const std::vector<HandoverEvent>& events);

}  // namespace parley::server
