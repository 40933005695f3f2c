// parley/negotiation/negotiation_json.h — the JSON shape of a stored agreement and of a stored
// plan's header, one definition for `parley agreement|plan ... --json` and the HTTP API (so a
// script and the web UI read the same field names).
#pragma once

#include <nlohmann/json.hpp>

#include "negotiation/agreement_store.h"
#include "negotiation/plan_store.h"

namespace parley::negotiation {

// name, version, title, parties, state, sha256, who added it and when, and the signatures.
[[nodiscard]] nlohmann::ordered_json AgreementJson(const StoredAgreement& agreement);
// id, kind, parent (null for a proposal), state, version, agreement, sides, objective, the
// people each side hands over (a_hands_over, b_hands_over), sha256, author, approvals.
[[nodiscard]] nlohmann::ordered_json PlanInfoJson(const StoredPlanInfo& plan);

}  // namespace parley::negotiation
