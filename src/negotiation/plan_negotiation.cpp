#include "negotiation/plan_negotiation.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/sha256.h"
#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/event_history.h"
#include "negotiation/party_keys.h"
#include "plan/plan_json.h"
#include "store/link_store.h"
#include "store/plans.h"
#include "store/vouched_rows.h"

namespace parley::negotiation {
namespace {

using Json = nlohmann::ordered_json;

std::int64_t HandedOver(const plan::Plan& p, rules::Side side) {
  std::int64_t n = 0;
  for (const plan::Candidate& c : p.people) {
    n += c.side == side && c.phase > 0 && c.dropped.empty() ? 1 : 0;
  }
  return n;
}

// The rows and event body shared by every way a plan comes into being.
struct NewPlan {
  PlanKind kind = PlanKind::kProposal;
  std::int64_t parent_id = 0;
  std::int64_t parent_version = 0;
  StoredAgreement agreement;
  std::string side_a, side_b;
  const plan::Plan* plan = nullptr;
  const std::vector<PersonRef>* refs = nullptr;
  nlohmann::json extra_body = nlohmann::json::object();
};

// A plan of `kind` (counter, repair) made from stored plan `parent_id` (`from`: its state with
// the change applied), under the parent's agreement and sides. `from` must outlive the result.
Result<NewPlan> ChildOf(store::Workspace& ws, PlanKind kind, std::int64_t parent_id,
                        const LoadedPlan& from) {
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement, AgreementById(ws, from.info.agreement_id));
  NewPlan n;
  n.kind = kind;
  n.parent_id = parent_id;
  n.parent_version = from.info.version;
  n.agreement = std::move(agreement);
  n.side_a = from.info.side_a;
  n.side_b = from.info.side_b;
  n.plan = &from.plan;
  n.refs = &from.refs;
  return n;
}

const char* EventType(PlanKind kind) {
  switch (kind) {
    case PlanKind::kProposal:
      return "plan.proposed";
    case PlanKind::kCounter:
      return "plan.countered";
    case PlanKind::kRepair:
      return "plan.repaired";
  }
  return "plan.proposed";
}

// Stores a new plan (superseding its parent) and appends its event, in one transaction.
// Returns the stored plan and whether an identical live plan already existed.
Result<std::pair<StoredPlanInfo, bool>> StorePlan(store::Workspace& ws, const NewPlan& n,
                                                  const store::Actor& actor) {
  const std::string document =
      StoredPlanDocument(*n.plan, *n.refs, n.agreement.name, n.agreement.version,
                         n.agreement.sha256, n.side_a, n.side_b);
  const std::string sha = Sha256Hex(document);
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(auto existing, store::FindLivePlan(ws, n.agreement.id, sha));
  if (existing) {
    PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws, *existing));
    return std::make_pair(std::move(info), true);
  }
  const std::string now = UtcNow();
  PARLEY_ASSIGN_OR_RETURN(auto people, PlanPeopleRows(*n.refs, *n.plan));
  store::NewPlanRow row{.agreement_id = n.agreement.id,
                        .kind = PlanKindName(n.kind),
                        .parent_id = n.parent_id,
                        .side_a = n.side_a,
                        .side_b = n.side_b,
                        .document = document,
                        .sha256 = sha,
                        .objective = n.plan->objective,
                        .a_count = HandedOver(*n.plan, rules::Side::kA),
                        .b_count = HandedOver(*n.plan, rules::Side::kB),
                        .created_by = actor.name,
                        .now = now,
                        .people = std::move(people)};
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, store::InsertPlan(ws, row));
  if (n.parent_id > 0) {
    PARLEY_TRY(SetPlanState(ws, n.parent_id, n.parent_version, PlanState::kSuperseded, now));
  }
  nlohmann::json body = {{"plan", id},
                         {"kind", PlanKindName(n.kind)},
                         {"agreement", n.agreement.name},
                         {"agreement_version", n.agreement.version},
                         {"sha256", sha},
                         {"objective", row.objective},
                         {"a_hands_over", row.a_count},
                         {"b_hands_over", row.b_count},
                         {"side_a", n.side_a},
                         {"side_b", n.side_b}};
  if (n.parent_id > 0) body["parent"] = n.parent_id;
  // What `verify --workspace` checks the plan_people rows and the author against.
  body["people_sha256"] = store::PlanPeopleDigest(row.people);
  body["created_by"] = row.created_by;
  for (auto it = n.extra_body.begin(); it != n.extra_body.end(); ++it) body[it.key()] = *it;
  PARLEY_TRY(tx.Append(actor, EventType(n.kind), body));
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws, id));
  PARLEY_TRY(tx.Commit());
  return std::make_pair(std::move(info), false);
}

Result<void> CheckExpected(const StoredPlanInfo& info, std::optional<std::int64_t> expected) {
  if (!expected || *expected == info.version) return {};
  return Fail(ErrorCode::kConflict, "plan " + std::to_string(info.id) + " is at version " +
                                        std::to_string(info.version) + ", not " +
                                        std::to_string(*expected) +
                                        "; someone changed it meanwhile: look at it again");
}

Result<void> CheckOpen(const StoredPlanInfo& info, bool signed_ok, std::string_view what) {
  if (info.state == PlanState::kSuperseded) {
    return Fail(ErrorCode::kConflict, "plan " + std::to_string(info.id) +
                                          " has been superseded; `parley plan list` shows the "
                                          "plan that replaced it");
  }
  if (info.state == PlanState::kSigned && !signed_ok) {
    return Fail(ErrorCode::kConflict, "plan " + std::to_string(info.id) +
                                          " is signed by both sides; it cannot be " +
                                          std::string(what) + " (a repair can replace it)");
  }
  return {};
}

// The decisions (phase, dropped) an edited plan file makes, keyed by "side:id".
struct EditedDecision {
  int phase = 0;
  std::string dropped;
};

Result<std::map<std::string, EditedDecision>> ReadDecisions(std::string_view text,
                                                            const std::string& file) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("people") || !j["people"].is_array()) {
    return Fail(ErrorCode::kInvalidInput,
                "not a plan: expected a JSON object with a \"people\" array (write one with "
                "`parley plan show ID --out FILE` and edit the phases)",
                Location{file, 0, 0, "people"});
  }
  std::map<std::string, EditedDecision> out;
  const Json& people = j["people"];
  for (size_t i = 0; i < people.size(); ++i) {
    const Json& p = people[i];
    const std::string where = "people[" + std::to_string(i) + "]";
    if (!p.is_object() || !p.contains("side") || !p["side"].is_string() || !p.contains("id") ||
        !p["id"].is_string() || !p.contains("phase") || !p["phase"].is_number_integer()) {
      return Fail(ErrorCode::kInvalidInput,
                  where + " needs \"side\" (\"a\"/\"b\"), \"id\" and a whole-number \"phase\"",
                  Location{file, 0, 0, where});
    }
    EditedDecision d;
    d.phase = p["phase"].get<int>();
    if (auto it = p.find("dropped"); it != p.end() && it->is_string()) d.dropped = *it;
    const std::string key = p["side"].get<std::string>() + ":" + p["id"].get<std::string>();
    if (!out.emplace(key, d).second) {
      return Fail(ErrorCode::kInvalidInput, where + ": " + key + " appears twice",
                  Location{file, 0, 0, where});
    }
  }
  return out;
}

// The parent plan with the edited file's decisions applied (records stay the parent's).
Result<LoadedPlan> ApplyCounter(store::Workspace& ws, std::int64_t parent_id,
                                std::string_view edited_json, std::string_view file) {
  PARLEY_ASSIGN_OR_RETURN(LoadedPlan loaded, LoadStoredPlan(ws, parent_id));
  PARLEY_ASSIGN_OR_RETURN(auto decisions, ReadDecisions(edited_json, std::string(file)));
  size_t matched = 0;
  for (plan::Candidate& c : loaded.plan.people) {
    auto it = decisions.find(std::string(rules::SideName(c.side)) + ":" + c.record.id);
    c.phase = it == decisions.end() ? 0 : it->second.phase;
    c.dropped = it == decisions.end() ? std::string() : it->second.dropped;
    matched += it == decisions.end() ? 0 : 1;
  }
  if (matched != decisions.size()) {
    for (const auto& [key, d] : decisions) {
      bool known = false;
      for (const plan::Candidate& c : loaded.plan.people) {
        known = known || key == std::string(rules::SideName(c.side)) + ":" + c.record.id;
        if (known) break;
      }
      if (!known) {
        return Fail(ErrorCode::kInvalidInput,
                    key + " is not a candidate of plan " + std::to_string(parent_id) +
                        "; a counter-proposal can only move the parent's candidates",
                    Location{std::string(file), 0, 0, "people"});
      }
    }
  }
  plan::Plan& p = loaded.plan;
  p.objective = plan::PlanObjective(p.agreement, p.people);
  p.phases = plan::SummarisePhases(p.agreement, p.people);
  const double bound = p.solver.bound;
  p.solver = plan::SolverReport{};
  p.solver.solver = "none";
  p.solver.model = "hand-edited";
  p.solver.status = "counter";
  p.solver.objective = static_cast<double>(p.objective);
  p.solver.bound = bound;
  p.solver.gap = (bound - p.solver.objective) / std::max(1.0, std::abs(p.solver.objective));
  return loaded;
}

std::string DescribeViolations(std::int64_t parent_id, const std::vector<plan::Violation>& broken) {
  std::string msg = "the counter-proposal to plan " + std::to_string(parent_id) + " breaks " +
                    std::to_string(broken.size()) + " rule(s) of the agreement; nothing stored:";
  for (const plan::Violation& v : broken) msg += "\n  [" + v.rule + "] " + v.message;
  return msg;
}

// An agreement that names the workspace side acting for each party ([parties] a_side / b_side)
// binds its plans to those sides: a plan whose party a is some other side would let that side
// sign for a party it does not represent. Without them, the proposer names the sides.
Result<void> CheckSidesMatchAgreement(const rules::Agreement& rules,
                                      const ProposeRequest& request) {
  const std::pair<const std::string*, const std::string*> sides[] = {
      {&rules.side_a, &request.side_a}, {&rules.side_b, &request.side_b}};
  for (const auto& [declared, proposed] : sides) {
    if (declared->empty() || *declared == *proposed) continue;
    const bool is_a = declared == &rules.side_a;
    return Fail(ErrorCode::kInvalidInput,
                "agreement '" + request.agreement + "' says side '" + *declared + "' acts for " +
                    (is_a ? rules.party_a : rules.party_b) + " (party " + (is_a ? "a" : "b") +
                    "), not '" + *proposed + "': propose with side_a = '" +
                    (rules.side_a.empty() ? request.side_a : rules.side_a) + "' and side_b = '" +
                    (rules.side_b.empty() ? request.side_b : rules.side_b) + "'",
                Location{{}, 0, 0, is_a ? "side_a" : "side_b"});
  }
  return {};
}

}  // namespace

Result<rules::Side> ParsePlanSide(const StoredPlanInfo& info, std::string_view text) {
  if (text == "a" || text == info.side_a) return rules::Side::kA;
  if (text == "b" || text == info.side_b) return rules::Side::kB;
  return Fail(ErrorCode::kInvalidInput,
              "--side '" + std::string(text) + "' is not a side of plan " +
                  std::to_string(info.id) + ": use a (" + info.side_a + ") or b (" + info.side_b +
                  ")",
              Location{{}, 0, 0, "--side"});
}

Result<PlanOutcome> ProposePlan(store::Workspace& ws, const ProposeRequest& request,
                                const store::Actor& actor) {
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement,
                          FindAgreement(ws, request.agreement, request.agreement_version));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement rules, ParseStored(agreement));
  PARLEY_TRY(CheckSidesMatchAgreement(rules, request));
  PlanOutcome out;
  PARLEY_ASSIGN_OR_RETURN(out.a,
                          SelectCandidates(ws, request.side_a, request.side_b, request.all_held));
  PARLEY_ASSIGN_OR_RETURN(out.b,
                          SelectCandidates(ws, request.side_b, request.side_a, request.all_held));
  std::vector<PersonRecord> side_a, side_b;
  std::vector<PersonRef> refs;
  for (const CandidateSelection* sel : {&out.a, &out.b}) {
    for (const WorkspaceCandidate& c : sel->people) {
      (sel == &out.a ? side_a : side_b).push_back(c.record);
      refs.push_back({c.list, c.record_id, c.record_version, c.facts});
    }
  }
  PARLEY_ASSIGN_OR_RETURN(
      out.plan, plan::MakePlan(rules, std::move(side_a), std::move(side_b), request.options));
  NewPlan n;
  n.kind = PlanKind::kProposal;
  n.agreement = agreement;
  n.side_a = request.side_a;
  n.side_b = request.side_b;
  n.plan = &out.plan;
  n.refs = &refs;
  n.extra_body = {{"candidates_a", out.a.people.size()},
                  {"candidates_b", out.b.people.size()},
                  {"all_held", request.all_held}};
  PARLEY_ASSIGN_OR_RETURN(auto stored, StorePlan(ws, n, actor));
  out.info = std::move(stored.first);
  out.unchanged = stored.second;
  return out;
}

Result<CounterCheck> CheckCounter(store::Workspace& ws, std::int64_t parent_id,
                                  std::string_view edited_json, std::string_view file) {
  PARLEY_ASSIGN_OR_RETURN(LoadedPlan edited, ApplyCounter(ws, parent_id, edited_json, file));
  CounterCheck out;
  out.violations = plan::CheckAssignment(edited.plan.agreement, edited.plan.people);
  out.plan = std::move(edited.plan);
  return out;
}

Result<PlanOutcome> CounterPlan(store::Workspace& ws, std::int64_t parent_id,
                                std::string_view edited_json, std::string_view file,
                                const store::Actor& actor,
                                std::optional<std::int64_t> expected_version) {
  PARLEY_ASSIGN_OR_RETURN(LoadedPlan edited, ApplyCounter(ws, parent_id, edited_json, file));
  PARLEY_TRY(CheckExpected(edited.info, expected_version));
  PARLEY_TRY(CheckOpen(edited.info, false, "countered"));
  std::vector<plan::Violation> broken =
      plan::CheckAssignment(edited.plan.agreement, edited.plan.people);
  if (!broken.empty()) {
    return Fail(ErrorCode::kInvalidInput, DescribeViolations(parent_id, broken),
                Location{std::string(file), 0, 0, {}});
  }
  PARLEY_ASSIGN_OR_RETURN(NewPlan n, ChildOf(ws, PlanKind::kCounter, parent_id, edited));
  PARLEY_ASSIGN_OR_RETURN(auto stored, StorePlan(ws, n, actor));
  PlanOutcome out;
  out.info = std::move(stored.first);
  out.unchanged = stored.second;
  out.plan = std::move(edited.plan);
  return out;
}

Result<PlanOutcome> ApprovePlan(store::Workspace& ws, std::int64_t plan_id, Approval approval,
                                rules::Side party, const store::Actor& actor,
                                std::optional<std::int64_t> expected_version) {
  const char* action = approval == Approval::kAccept ? "accept" : "sign";
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws, plan_id));
  PARLEY_TRY(CheckExpected(info, expected_version));
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement, AgreementById(ws, info.agreement_id));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement rules, ParseStored(agreement));
  // Who signs is checked first: a wrong key is refused even where the party already acted.
  PARLEY_TRY(CheckPartySigner(
      rules, Describe(agreement) + " (under which plan " + std::to_string(plan_id) + " was made)",
      party, actor, tx.Log().NodeKey().Public()));
  PlanOutcome out;
  if (info.Has(action, party)) {
    out.info = std::move(info);
    out.unchanged = true;
    return out;
  }
  PARLEY_TRY(CheckOpen(info, false, approval == Approval::kAccept ? "accepted" : "signed"));
  if (approval == Approval::kSign) {
    if (info.state != PlanState::kAccepted) {
      return Fail(ErrorCode::kConflict,
                  "plan " + std::to_string(plan_id) +
                      " is not accepted by both sides yet (accepted by a: " +
                      (info.Has("accept", rules::Side::kA) ? "yes" : "no") +
                      ", b: " + (info.Has("accept", rules::Side::kB) ? "yes" : "no") +
                      "); `parley plan accept " + std::to_string(plan_id) + " --side S` first");
    }
    if (agreement.state != AgreementState::kInForce) {
      return Fail(ErrorCode::kConflict,
                  "agreement '" + agreement.name + "' version " +
                      std::to_string(agreement.version) + " is " +
                      AgreementStateName(agreement.state) +
                      ", not in force: both parties sign it (`parley agreement sign`) before "
                      "a plan under it is signed");
    }
  }
  nlohmann::json body = {{"plan", plan_id},
                         {"sha256", info.sha256},
                         {"party", rules::SideName(party)},
                         {"agreement", agreement.name},
                         {"agreement_version", agreement.version}};
  PARLEY_ASSIGN_OR_RETURN(
      ledger::SignedEvent event,
      tx.Append(actor, approval == Approval::kAccept ? "plan.accepted" : "plan.signed", body));
  const std::string now = UtcNow();
  PARLEY_TRY(
      store::InsertPlanApproval(ws, {.plan_id = plan_id,
                                     .action = action,
                                     .party = rules::SideName(party),
                                     .actor = event.event.actor,
                                     .content_sha256 = info.sha256,
                                     .ledger_seq = static_cast<std::int64_t>(event.event.seq),
                                     .at = now}));
  const rules::Side other = party == rules::Side::kA ? rules::Side::kB : rules::Side::kA;
  PlanState next = info.state;
  if (info.Has(action, other)) {
    next = approval == Approval::kAccept ? PlanState::kAccepted : PlanState::kSigned;
  }
  PARLEY_TRY(SetPlanState(ws, plan_id, info.version, next, now));
  PARLEY_ASSIGN_OR_RETURN(out.info, PlanInfo(ws, plan_id));
  PARLEY_TRY(tx.Commit());
  return out;
}

Result<PlanWitness> WitnessPlan(store::Workspace& ws, std::int64_t plan_id,
                                const store::Actor& actor) {
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws, plan_id));
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement, AgreementById(ws, info.agreement_id));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement rules, ParseStored(agreement));
  PARLEY_ASSIGN_OR_RETURN(auto history, PlanEvents(ws, plan_id));
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(CheckWitness(
      rules, Describe(agreement) + " (under which plan " + std::to_string(plan_id) + " was made)",
      actor, tx.Log().NodeKey().Public()));
  for (const HistoryEvent& h : history) {
    const ledger::SignedEvent& e = h.event;
    if (e.event.type == "plan.witnessed" && e.event.body.value("plan", 0) == plan_id &&
        e.event.body.value("sha256", "") == info.sha256 &&
        e.signer.key == actor.key->Public().key) {
      return PlanWitness{std::move(info), e.signer.name, true};
    }
  }
  nlohmann::json body = {{"plan", plan_id},
                         {"sha256", info.sha256},
                         {"state", PlanStateName(info.state)},
                         {"agreement", agreement.name},
                         {"agreement_version", agreement.version},
                         {"witness", actor.key->Name()}};
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event, tx.Append(actor, "plan.witnessed", body));
  PARLEY_TRY(tx.Commit());
  return PlanWitness{std::move(info), event.signer.name, false};
}

Result<PlanOutcome> RepairStoredPlan(store::Workspace& ws, std::int64_t plan_id,
                                     const plan::RepairRequest& request,
                                     const plan::PlanOptions& options, const store::Actor& actor,
                                     std::optional<std::int64_t> expected_version) {
  PARLEY_ASSIGN_OR_RETURN(LoadedPlan loaded, LoadStoredPlan(ws, plan_id));
  PARLEY_TRY(CheckExpected(loaded.info, expected_version));
  PARLEY_TRY(CheckOpen(loaded.info, true, "repaired"));
  PlanOutcome out;
  PARLEY_ASSIGN_OR_RETURN(out.repair, plan::RepairPlan(loaded.plan, request, options));
  PARLEY_ASSIGN_OR_RETURN(NewPlan n, ChildOf(ws, PlanKind::kRepair, plan_id, loaded));
  n.extra_body = {{"reason", out.repair.reason},
                  {"dropped", out.repair.dropped.size()},
                  {"changes", out.repair.changes},
                  {"executed_phases", out.repair.executed_phases}};
  PARLEY_ASSIGN_OR_RETURN(auto stored, StorePlan(ws, n, actor));
  out.info = std::move(stored.first);
  out.unchanged = stored.second;
  out.plan = std::move(loaded.plan);
  return out;
}

Result<void> ExportPlanFile(const LoadedPlan& plan, const std::string& path) {
  return plan::SavePlanFile(plan.plan, path);
}

}  // namespace parley::negotiation
