#include "handover/person_status.h"

#include <string>

#include "core/try.h"
#include "handover/internal/parse_by_name.h"

namespace parley::handover {

std::string_view ToString(PersonStatus status) {
  switch (status) {
    case PersonStatus::kListed:
      return "listed";
    case PersonStatus::kInterviewed:
      return "interviewed";
    case PersonStatus::kRefused:
      return "refused";
    case PersonStatus::kUnfit:
      return "unfit";
    case PersonStatus::kDeceased:
      return "deceased";
    case PersonStatus::kWithheld:
      return "withheld";
    case PersonStatus::kHandedOver:
      return "handed_over";
    case PersonStatus::kReceived:
      return "received";
  }
  return "listed";  // unreachable: every enumerator is handled above
}

Result<PersonStatus> ParsePersonStatus(std::string_view text) {
  return internal::ParseByName(text, kPersonStatuses, "status", "status");
}

PersonStatus StatusAfter(InterviewOutcome outcome) {
  switch (outcome) {
    case InterviewOutcome::kConsents:
      return PersonStatus::kInterviewed;
    case InterviewOutcome::kRefuses:
      return PersonStatus::kRefused;
    case InterviewOutcome::kUnfit:
      return PersonStatus::kUnfit;
    case InterviewOutcome::kDeceased:
      return PersonStatus::kDeceased;
    case InterviewOutcome::kNotPresented:
      return PersonStatus::kWithheld;
  }
  return PersonStatus::kInterviewed;  // unreachable: every enumerator is handled above
}

bool IsExcludedStatus(PersonStatus status) {
  // Derived from the outcome rule rather than listed again, so the two cannot drift apart.
  for (InterviewOutcome o : kInterviewOutcomes) {
    if (ExcludesFromExchange(o) && StatusAfter(o) == status) return true;
  }
  return false;
}

PersonStatus DerivePersonStatus(const std::optional<Interview>& interview,
                                const std::vector<HandoverEvent>& events) {
  bool handed_over = false;
  for (const HandoverEvent& e : events) {
    if (e.event == HandoverEventKind::kReceived) return PersonStatus::kReceived;
    handed_over = handed_over || e.event == HandoverEventKind::kHandedOver;
  }
  if (handed_over) return PersonStatus::kHandedOver;
  if (!interview) return PersonStatus::kListed;
  return StatusAfter(interview->outcome);
}

Result<PersonStatus> StatusOf(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto interview, CurrentInterview(ws, record_id));
  PARLEY_ASSIGN_OR_RETURN(auto events, HandoverEvents(ws, record_id));
  return DerivePersonStatus(interview, events);
}

}  // namespace parley::handover
