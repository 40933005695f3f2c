// parley/handover/interview_outcome.h — what the private interview before departure found.
//
// Contract: the five outcomes and their stored names (the `interviews.outcome` column, the
// API's and CLI's `outcome`, the `interview.recorded` ledger event): consents, refuses,
// unfit, deceased, not_presented. ParseInterviewOutcome refuses any other text (kInvalidInput,
// field "outcome") with the message a clerk sees. ExcludesFromExchange is THE rule of who an
// outcome keeps out of any exchange (every outcome but consents): candidate selection
// (negotiation/workspace_candidates.h) and plan progress (plan_progress.h) both ask it.
//
//   PARLEY_ASSIGN_OR_RETURN(InterviewOutcome o, ParseInterviewOutcome("refuses"));
//   ExcludesFromExchange(o);   // true
//   ToString(o);               // "refuses"
#pragma once

#include <array>
#include <string_view>

#include "core/error.h"

namespace parley::handover {

enum class InterviewOutcome { kConsents, kRefuses, kUnfit, kDeceased, kNotPresented };

inline constexpr std::array<InterviewOutcome, 5> kInterviewOutcomes = {
    InterviewOutcome::kConsents, InterviewOutcome::kRefuses, InterviewOutcome::kUnfit,
    InterviewOutcome::kDeceased, InterviewOutcome::kNotPresented};

[[nodiscard]] std::string_view ToString(InterviewOutcome outcome);
[[nodiscard]] Result<InterviewOutcome> ParseInterviewOutcome(std::string_view text);

// True when the person will not cross under any plan: he refused, is unfit, has died, or
// the holding side did not present him.
[[nodiscard]] bool ExcludesFromExchange(InterviewOutcome outcome);

}  // namespace parley::handover
