// parley/plan/plan_json.h — the plan file: a self-contained, hand-editable JSON document.
//
// Contract: a plan file (format "parley-plan/1", documented in docs/agreements.md) embeds
// the agreement's TOML text and every candidate's record, so `plan explain`, `plan repair`
// and `plan check` need nothing else. Each person's "phase" (0 = stays) and "dropped" are
// the only decisions; status, category, value and rule are written for the reader and
// recomputed from the record and the agreement on load, so a hand edit cannot smuggle in a
// wrong category. Loading never throws: JSON errors come back as kInvalidInput with the
// byte position, missing fields name the field.
//
//   std::string text = PlanToJson(plan);
//   Result<Plan> back = PlanFromJson(text, "plan.json");
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "plan/plan.h"

namespace parley::plan {

inline constexpr std::string_view kPlanFormat = "parley-plan/1";

[[nodiscard]] std::string PlanToJson(const Plan& plan);
[[nodiscard]] Result<Plan> PlanFromJson(std::string_view text, std::string_view file = {});

[[nodiscard]] Result<Plan> LoadPlanFile(const std::string& path);
[[nodiscard]] Result<void> SavePlanFile(const Plan& plan, const std::string& path);

// The rule under which a person goes, in words: "outside the ratio: Seriously wounded".
[[nodiscard]] std::string RuleText(const rules::Agreement& agreement, const Candidate& c);

}  // namespace parley::plan
