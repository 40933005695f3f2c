#include "handover/interview_outcome.h"

#include <string>

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
  for (InterviewOutcome o : kInterviewOutcomes) {
    if (ToString(o) == text) return o;
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown outcome '" + std::string(text) +
                  "'; use consents, refuses, unfit, deceased or not_presented",
              {"", 0, 0, "outcome"});
}

bool ExcludesFromExchange(InterviewOutcome outcome) {
  return outcome != InterviewOutcome::kConsents;
}

}  // namespace parley::handover
