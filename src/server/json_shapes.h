// parley/server/json_shapes.h — the JSON shape of each object the API returns.
//
// Contract: these shapes are what the web UI and scripts read; fields are added, never
// renamed or removed. Person records and list versions are store/record_json.h's shapes, the
// same as the CLI's `--json` output, so a script can switch between the two.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "handover/handover_events.h"
#include "handover/interviews.h"
#include "handover/plan_progress.h"
#include "negotiation/plan_store.h"
#include "server/auth/share_store.h"
#include "server/auth/user_store.h"
#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::server {

[[nodiscard]] nlohmann::json RecordJson(const store::StoredRecord& stored);
[[nodiscard]] nlohmann::json VersionJson(const store::ListVersionInfo& version);
[[nodiscard]] nlohmann::json UserJson(const User& user);
// An API token as listed: its id, user, creation time and whether it is revoked; never the
// secret (the one answer that creates a token adds it).
[[nodiscard]] nlohmann::json TokenJson(std::string_view user, const ApiToken& token);
[[nodiscard]] nlohmann::json InterviewJson(const handover::Interview& interview);
[[nodiscard]] nlohmann::json HandoverJson(const handover::HandoverEvent& event);
[[nodiscard]] nlohmann::json ShareJson(const Share& share);
// GET /plans/{plan}/progress and `parley plan progress --json` (handover/plan_progress.h).
[[nodiscard]] nlohmann::json PlanProgressJson(const negotiation::StoredPlanInfo& plan,
                                              const handover::PlanProgress& progress);
// A link without its records (the handler adds "left" and "right" as the caller may see them).
[[nodiscard]] nlohmann::json LinkJson(const store::StoredLink& link, std::int64_t version);
// One entry of a link's decision history (GET /links/{id}/decisions): the link's
// `last_decision` fields and the state the decision left the link in.
[[nodiscard]] nlohmann::json DecisionJson(const store::RecordedDecision& decision);
// LinkJson's object with "left" and "right" (record JSON texts) added, as text: the review
// queue assembles pages from cached record texts (record_json_cache.h) without re-parsing them.
[[nodiscard]] std::string LinkText(const store::StoredLink& link, std::int64_t version,
                                   std::string_view left_record, std::string_view right_record);

}  // namespace parley::server
