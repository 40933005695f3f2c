// Handlers: plans negotiated in the workspace (negotiation/plan_negotiation.h) — propose,
// read with the balance per phase, check and counter an edited plan, accept and sign for a
// party, repair, explain one person (api.h). Who may act on which plan, and for which party,
// is decided in route_table.cpp (kPlanRead, kPlanWrite, kPartyWrite) before they run.
#include <charconv>

#include "core/try.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/stored_plan_progress.h"
#include "plan/explain.h"
#include "plan/plan_json.h"
#include "rules/agreement.h"
#include "rules/eligibility.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/user_keys.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/json_shapes.h"

namespace parley::server {
namespace {

std::int64_t PlanId(const ApiRequest& req) {
  return std::stoll(req.path_params.at("plan"));  // parsed by ResolveResource
}

store::Actor ActorOf(const ApiRequest& req) { return store::Actor{req.principal->name, nullptr}; }

// The balance after each phase, as `parley plan` prints it, with what each pool may owe so
// that a reader (the UI's chart) can see how close each phase comes to the limit.
nlohmann::json PhasesJson(const plan::Plan& p) {
  nlohmann::json phases = nlohmann::json::array();
  for (const plan::PhaseSummary& s : p.phases) {
    nlohmann::json pools = nlohmann::json::array();
    for (std::size_t q = 0; q < s.pools.size(); ++q) {
      const plan::PoolBalance& b = s.pools[q];
      nlohmann::json pool = {{"pool", b.pool}, {"a", b.a}, {"b", b.b}, {"owed", b.owed}};
      // SummarisePhases lists the pools in the agreement's order.
      if (q < p.agreement.pools.size()) pool["max_owed"] = p.agreement.pools[q].max_owed;
      pools.push_back(std::move(pool));
    }
    phases.push_back({{"phase", s.phase},
                      {"a_hands_over", s.a_count},
                      {"b_hands_over", s.b_count},
                      {"carried_out", s.phase <= p.executed_phases},
                      {"balance_after", pools}});
  }
  return phases;
}

// Where the agreement puts a person, as codes a reader can translate (the `rule` text beside
// them is the server's English with the agreement's own titles).
void AddStanding(const rules::Agreement& a, const plan::Candidate& c, nlohmann::json& person) {
  person["standing"] = rules::StatusName(c.rule.status);
  if (c.rule.status == rules::Status::kEligible && c.rule.category >= 0 &&
      static_cast<std::size_t>(c.rule.category) < a.categories.size()) {
    const rules::Category& cat = a.categories[c.rule.category];
    person["category"] = cat.id;
    person["balance"] = rules::BalanceName(cat.balance);
  }
  if (c.rule.status == rules::Status::kExcluded && c.rule.exclusion >= 0 &&
      static_cast<std::size_t>(c.rule.exclusion) < a.exclusions.size()) {
    person["exclusion"] = a.exclusions[c.rule.exclusion].id;
  }
}

// A plan in full: its row, the balance per phase and who goes when. People are named by
// their list keys and record ids only (names stay in GET /records/{id}, which is logged).
nlohmann::json PlanJson(const negotiation::StoredPlanInfo& info, const plan::Plan& p,
                        const std::vector<negotiation::PersonRef>* refs) {
  nlohmann::json out = negotiation::PlanInfoJson(info);
  out["phases"] = PhasesJson(p);
  out["solver"] = {{"status", p.solver.status}, {"gap", p.solver.gap}};
  nlohmann::json people = nlohmann::json::array();
  for (std::size_t i = 0; i < p.people.size(); ++i) {
    const plan::Candidate& c = p.people[i];
    nlohmann::json person = {{"side", rules::SideName(c.side)},
                             {"id", c.record.id},
                             {"phase", c.phase},
                             {"rule", plan::RuleText(p.agreement, c)}};
    AddStanding(p.agreement, c, person);
    if (!c.dropped.empty()) person["dropped"] = c.dropped;
    if (refs != nullptr && i < refs->size()) person["record_id"] = (*refs)[i].record_id;
    people.push_back(std::move(person));
  }
  out["people"] = std::move(people);
  return out;
}

// The edited plan of a check or counter: a JSON object (or its text) under "plan".
Result<std::string> EditedPlan(const nlohmann::json& body) {
  auto it = body.find("plan");
  if (it == body.end() || !(it->is_object() || it->is_string())) {
    return Fail(ErrorCode::kInvalidInput,
                "'plan' is required: the edited plan, with people[].side, id and phase",
                {"", 0, 0, "plan"});
  }
  return it->is_string() ? it->get<std::string>() : it->dump();
}

Result<plan::PlanOptions> SolverOptions(const nlohmann::json& body) {
  plan::PlanOptions options;
  PARLEY_ASSIGN_OR_RETURN(auto gap, OptionalNumber(body, "gap", 0, 1));
  PARLEY_ASSIGN_OR_RETURN(auto time_limit, OptionalNumber(body, "time_limit", 0, 600));
  options.gap = gap.value_or(options.gap);
  options.time_limit = time_limit.value_or(options.time_limit);
  return options;
}

nlohmann::json SelectionJson(const negotiation::CandidateSelection& s) {
  return {{"candidates", s.people.size()},
          {"held", s.held},
          {"linked", s.linked},
          {"excluded_by_interview", s.excluded_by_interview},
          {"excluded_by_handover", s.excluded_by_handover}};
}

}  // namespace

ApiResponse PlanHandlers::ListPlansHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto all, negotiation::ListPlans(ws));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : all) {
      // The same rule as kPlanRead: a plan is its two sides' (and the mediator's).
      if (MaySee(*req.principal, p.side_a, false) || MaySee(*req.principal, p.side_b, false)) {
        out.push_back(nlohmann::json(negotiation::PlanInfoJson(p)));
      }
    }
    return JsonResponse(200, {{"plans", out}});
  }());
}

ApiResponse PlanHandlers::ProposePlanHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    negotiation::ProposeRequest request;
    PARLEY_ASSIGN_OR_RETURN(request.agreement, RequiredString(body, "agreement"));
    PARLEY_ASSIGN_OR_RETURN(request.agreement_version, OptionalInt(body, "agreement_version"));
    PARLEY_ASSIGN_OR_RETURN(request.side_a, RequiredString(body, "side_a"));
    PARLEY_ASSIGN_OR_RETURN(request.side_b, RequiredString(body, "side_b"));
    PARLEY_ASSIGN_OR_RETURN(auto all_held, OptionalBool(body, "all_held"));
    request.all_held = all_held.value_or(false);
    PARLEY_ASSIGN_OR_RETURN(request.options, SolverOptions(body));
    PARLEY_ASSIGN_OR_RETURN(auto outcome, negotiation::ProposePlan(ws, request, ActorOf(req)));
    PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, outcome.info.id));
    nlohmann::json out = PlanJson(loaded.info, loaded.plan, &loaded.refs);
    out["unchanged"] = outcome.unchanged;
    out["selection"] = {{"a", SelectionJson(outcome.a)}, {"b", SelectionJson(outcome.b)}};
    return JsonResponse(outcome.unchanged ? 200 : 201, out);
  }());
}

ApiResponse PlanHandlers::GetPlan(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, PlanId(req)));
    return JsonResponse(200, PlanJson(loaded.info, loaded.plan, &loaded.refs));
  }());
}

// The handover day: promised versus delivered per phase and direction (handover/plan_progress.h).
ApiResponse PlanHandlers::GetPlanProgress(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, PlanId(req)));
    PARLEY_ASSIGN_OR_RETURN(handover::PlanProgress progress,
                            negotiation::StoredPlanProgress(ws, info.id));
    return JsonResponse(200, PlanProgressJson(info, progress));
  }());
}

ApiResponse PlanHandlers::ExplainPlan(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string person = req.QueryParam("person");
    if (person.empty()) {
      return Fail(ErrorCode::kInvalidInput, "name the person: ?person=ID or a:ID / b:ID",
                  {"", 0, 0, "person"});
    }
    PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, PlanId(req)));
    PARLEY_ASSIGN_OR_RETURN(std::size_t index, plan::FindPerson(loaded.plan, person));
    PARLEY_ASSIGN_OR_RETURN(plan::Explanation e, plan::ExplainPerson(loaded.plan, person));
    if (index < loaded.refs.size()) {
      access_log_.Record(req.principal->name, loaded.refs[index].record_id, "explain");
    }
    return JsonResponse(200, {{"plan_id", loaded.info.id},
                              {"side", e.side},
                              {"id", e.id},
                              {"phase", e.phase},
                              {"verdict", e.verdict},
                              {"details", e.details},
                              {"text", plan::FormatExplanation(e)}});
  }());
}

ApiResponse PlanHandlers::CheckPlan(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string edited, EditedPlan(body));
    PARLEY_ASSIGN_OR_RETURN(auto checked,
                            negotiation::CheckCounter(ws, PlanId(req), edited, "request body"));
    nlohmann::json out = nlohmann::json::array();
    for (const plan::Violation& v : checked.violations) {
      out.push_back({{"rule", v.rule},
                     {"message", v.message},
                     {"side", v.side},
                     {"id", v.id},
                     {"phase", v.phase}});
    }
    return JsonResponse(200, {{"ok", checked.violations.empty()},
                              {"violations", out},
                              {"phases", PhasesJson(checked.plan)}});
  }());
}

ApiResponse PlanHandlers::CounterPlanHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string edited, EditedPlan(body));
    PARLEY_ASSIGN_OR_RETURN(auto expected, OptionalInt(body, "expected_version"));
    PARLEY_ASSIGN_OR_RETURN(
        auto outcome,
        negotiation::CounterPlan(ws, PlanId(req), edited, "request body", ActorOf(req), expected));
    PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, outcome.info.id));
    return JsonResponse(201, PlanJson(loaded.info, loaded.plan, &loaded.refs));
  }());
}

ApiResponse PlanHandlers::RepairPlanHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    plan::RepairRequest repair;
    auto drop = body.find("drop");
    if (drop == body.end() || !drop->is_array() || drop->empty()) {
      return Fail(ErrorCode::kInvalidInput, "'drop' must list the people who dropped out (IDs)",
                  {"", 0, 0, "drop"});
    }
    for (const auto& d : *drop) {
      if (!d.is_string()) {
        return Fail(ErrorCode::kInvalidInput, "'drop' must be a list of IDs", {"", 0, 0, "drop"});
      }
      repair.drop.push_back(d.get<std::string>());
    }
    PARLEY_ASSIGN_OR_RETURN(repair.reason, RequiredString(body, "reason"));
    PARLEY_ASSIGN_OR_RETURN(auto executed, OptionalInt(body, "executed_phases"));
    repair.executed_phases = static_cast<int>(executed.value_or(-1));
    PARLEY_ASSIGN_OR_RETURN(auto expected, OptionalInt(body, "expected_version"));
    PARLEY_ASSIGN_OR_RETURN(plan::PlanOptions options, SolverOptions(body));
    PARLEY_ASSIGN_OR_RETURN(
        auto outcome,
        negotiation::RepairStoredPlan(ws, PlanId(req), repair, options, ActorOf(req), expected));
    PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, outcome.info.id));
    nlohmann::json out = PlanJson(loaded.info, loaded.plan, &loaded.refs);
    out["repair"] = {{"dropped", outcome.repair.dropped},
                     {"reason", outcome.repair.reason},
                     {"changes", outcome.repair.changes}};
    return JsonResponse(201, out);
  }());
}

namespace {

// Accept and sign act for one party: the body's `party`, else the caller's own side (the
// route table has checked that the caller may act for it).
Result<ApiResponse> ApprovePlanAs(ApiRequest& req, store::Workspace& ws,
                                  negotiation::Approval approval) {
  PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
  PARLEY_ASSIGN_OR_RETURN(auto party_text, OptionalString(body, "party"));
  PARLEY_ASSIGN_OR_RETURN(auto expected, OptionalInt(body, "expected_version"));
  PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, PlanId(req)));
  PARLEY_ASSIGN_OR_RETURN(rules::Side party, negotiation::ParsePlanSide(
                                                 info, party_text.value_or(req.principal->side)));
  PARLEY_ASSIGN_OR_RETURN(SigningActor signer, SigningActor::For(ws, req.principal->name));
  PARLEY_ASSIGN_OR_RETURN(auto outcome, negotiation::ApprovePlan(ws, info.id, approval, party,
                                                                 signer.actor(), expected));
  nlohmann::json out = negotiation::PlanInfoJson(outcome.info);
  out["unchanged"] = outcome.unchanged;
  return JsonResponse(outcome.unchanged ? 200 : 201, out);
}

}  // namespace

ApiResponse PlanHandlers::AcceptPlan(ApiRequest& req, store::Workspace& ws) {
  if (req.principal->IsMediator()) return MediatorCannotSignForAParty();
  return RespondSigning(ApprovePlanAs(req, ws, negotiation::Approval::kAccept));
}

ApiResponse PlanHandlers::SignPlan(ApiRequest& req, store::Workspace& ws) {
  if (req.principal->IsMediator()) return MediatorCannotSignForAParty();
  return RespondSigning(ApprovePlanAs(req, ws, negotiation::Approval::kSign));
}

}  // namespace parley::server
