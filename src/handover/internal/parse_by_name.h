// parley/handover/internal/parse_by_name.h — reading one of the handover enums from its stored
// name. Not API: the enums' own Parse… functions (interview_outcome.h, handover_event_kind.h,
// person_status.h) call it.
//
// Contract: `text` is compared with ToString of each value of `all`; no match is kInvalidInput
// naming `field`, with a message that lists every accepted name in the table's order
// ("unknown outcome 'x'; use consents, refuses, unfit, deceased or not_presented"), built from
// the table so that it can never drift from what is accepted.
//
//   return ParseByName(text, kInterviewOutcomes, "outcome", "outcome");
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::handover::internal {

template <class Enum, std::size_t N>
[[nodiscard]] Result<Enum> ParseByName(std::string_view text, const std::array<Enum, N>& all,
                                       std::string_view what, std::string_view field) {
  std::string choices;
  for (std::size_t i = 0; i < N; ++i) {
    if (ToString(all[i]) == text) return all[i];
    if (i > 0) choices += i + 1 == N ? " or " : ", ";
    choices += ToString(all[i]);
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown " + std::string(what) + " '" + std::string(text) + "'; use " + choices,
              {"", 0, 0, std::string(field)});
}

}  // namespace parley::handover::internal
