#include "handover/interview_outcome.h"

#include <string>

#include "handover/internal/parse_by_name.h"

namespace parley::handover {

std::string_view ToString(InterviewOutcome outcome) {
  switch (outcome) {
    case InterviewOutcome::kConsents:
      return "consents";
    case InterviewOutcome::kRefuses:
      return "refuses";
    case InterviewOutcome::kUnfit:
      return "unfit";
    case InterviewOutcome::kDeceased:
      return "deceased";
    case InterviewOutcome::kNotPresented:
      return "not_presented";
  }
  return "consents";  // unreachable: every enumerator is handled above
}

Result<InterviewOutcome> ParseInterviewOutcome(std::string_view text) {
  return internal::ParseByName(text, kInterviewOutcomes, "outcome", "outcome");
}

bool ExcludesFromExchange(InterviewOutcome outcome) {
  return outcome != InterviewOutcome::kConsents;
}

}  // namespace parley::handover
