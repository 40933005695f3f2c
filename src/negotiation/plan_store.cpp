#include "negotiation/plan_store.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "plan/plan_json.h"
#include "store/plans.h"
#include "store/record_json.h"

namespace parley::negotiation {
namespace {

using Json = nlohmann::ordered_json;

PlanKind KindFrom(std::string_view s) {
  return s == "counter"  ? PlanKind::kCounter
         : s == "repair" ? PlanKind::kRepair
                         : PlanKind::kProposal;
}

PlanState StateFrom(std::string_view s) {
  return s == "accepted"     ? PlanState::kAccepted
         : s == "signed"     ? PlanState::kSigned
         : s == "superseded" ? PlanState::kSuperseded
                             : PlanState::kProposed;
}

StoredPlanInfo FromRow(store::PlanRow row) {
  StoredPlanInfo p;
  p.id = row.id;
  p.agreement_id = row.agreement_id;
  p.agreement_name = std::move(row.agreement_name);
  p.agreement_version = row.agreement_version;
  p.kind = KindFrom(row.kind);
  p.parent_id = row.parent_id;
  p.side_a = std::move(row.side_a);
  p.side_b = std::move(row.side_b);
  p.state = StateFrom(row.state);
  p.sha256 = std::move(row.sha256);
  p.objective = row.objective;
  p.a_count = row.a_count;
  p.b_count = row.b_count;
  p.created_by = std::move(row.created_by);
  p.created_at = std::move(row.created_at);
  p.version = row.version;
  for (store::PlanApprovalRow& a : row.approvals) {
    p.approvals.push_back({std::move(a.action), std::move(a.party), std::move(a.actor),
                           std::move(a.at), a.ledger_seq});
  }
  return p;
}

Result<std::string> DocumentOf(std::optional<std::string> document, std::int64_t id) {
  if (!document) return Fail(ErrorCode::kNotFound, "no plan " + std::to_string(id));
  return std::move(*document);
}

// Record versions of the lists a plan refers to, by (record id, version).
using RecordIndex = std::map<std::pair<std::int64_t, std::int64_t>, PersonRecord>;

Result<RecordIndex> IndexRecords(store::Workspace& ws, const std::vector<PersonRef>& refs) {
  std::map<std::string, bool> lists;
  for (const PersonRef& r : refs) lists[r.list] = true;
  RecordIndex index;
  for (const auto& [list, unused] : lists) {
    PARLEY_ASSIGN_OR_RETURN(auto versions, ws.AllRecordVersions(list));
    for (store::StoredRecord& s : versions) {
      index.emplace(std::make_pair(s.record_id, s.record_version), std::move(s.record));
    }
  }
  return index;
}

Result<std::vector<PersonRef>> RefsFromDocument(const Json& doc, std::int64_t id) {
  std::vector<PersonRef> refs;
  const Json& people = doc.at("people");
  refs.reserve(people.size());
  for (const Json& p : people) {
    const Json& ref = p.at("ref");
    PersonRef r;
    r.list = ref.at("list").get<std::string>();
    r.record_id = ref.at("record_id").get<std::int64_t>();
    r.record_version = ref.at("record_version").get<std::int64_t>();
    if (auto f = p.find("facts"); f != p.end()) {
      for (auto it = f->begin(); it != f->end(); ++it) {
        r.facts.push_back({it.key(), it.value().get<std::string>()});
      }
    }
    refs.push_back(std::move(r));
  }
  if (refs.empty() && !people.empty()) {
    return Fail(ErrorCode::kCorruption, "plan " + std::to_string(id) + " has no references");
  }
  return refs;
}

Result<LoadedPlan> LoadFromDocument(store::Workspace& ws, StoredPlanInfo info,
                                    const std::string& text) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || doc.value("format", "") != kStoredPlanFormat) {
    return Fail(ErrorCode::kCorruption, "plan " + std::to_string(info.id) +
                                            "'s stored document is not " +
                                            std::string(kStoredPlanFormat));
  }
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement, AgreementById(ws, info.agreement_id));
  PARLEY_ASSIGN_OR_RETURN(std::vector<PersonRef> refs, RefsFromDocument(doc, info.id));
  PARLEY_ASSIGN_OR_RETURN(RecordIndex records, IndexRecords(ws, refs));
  Json& people = doc["people"];
  for (size_t i = 0; i < refs.size(); ++i) {
    const PersonRef& r = refs[i];
    auto it = records.find({r.record_id, r.record_version});
    if (it == records.end()) {
      return Fail(ErrorCode::kCorruption, "plan " + std::to_string(info.id) + " refers to record " +
                                              std::to_string(r.record_id) + " version " +
                                              std::to_string(r.record_version) + " of list " +
                                              r.list + ", which is not stored");
    }
    Json rec = Json::parse(store::RecordToJson(PlannerRecord(r.list, it->second, r.facts)).dump());
    people[i]["record"] = std::move(rec);
  }
  doc["format"] = plan::kPlanFormat;
  doc["agreement"] = {
      {"title", agreement.title},
      {"file", "agreement " + agreement.name + "@" + std::to_string(agreement.version)},
      {"source", agreement.source}};
  PARLEY_ASSIGN_OR_RETURN(plan::Plan p,
                          plan::PlanFromJson(doc.dump(), "plan " + std::to_string(info.id)));
  return LoadedPlan{std::move(info), std::move(p), std::move(refs)};
}

// Who the stored document `document` of plan `id` sends when.
Result<std::vector<PlannedPerson>> PlannedPeople(std::optional<std::string> document,
                                                 std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, DocumentOf(std::move(document), id));
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || doc.value("format", "") != kStoredPlanFormat) {
    return Fail(ErrorCode::kCorruption, "plan " + std::to_string(id) +
                                            "'s stored document is not " +
                                            std::string(kStoredPlanFormat));
  }
  std::vector<PlannedPerson> out;
  // The document was written by StoredPlanDocument; a wrong type means a damaged store.
  try {
    const Json& people = doc.at("people");
    out.reserve(people.size());
    for (const Json& p : people) {
      PlannedPerson person;
      person.side = p.at("side").get<std::string>() == "b" ? rules::Side::kB : rules::Side::kA;
      person.id = p.at("id").get<std::string>();
      person.phase = p.at("phase").get<int>();
      person.dropped = p.value("dropped", "");
      person.record_id = p.at("ref").at("record_id").get<std::int64_t>();
      out.push_back(std::move(person));
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kCorruption,
                "plan " + std::to_string(id) + "'s stored document is damaged: " + e.what());
  }
  return out;
}

}  // namespace

const char* PlanKindName(PlanKind kind) {
  switch (kind) {
    case PlanKind::kProposal:
      return "proposal";
    case PlanKind::kCounter:
      return "counter";
    case PlanKind::kRepair:
      return "repair";
  }
  return "proposal";
}

const char* PlanStateName(PlanState state) {
  switch (state) {
    case PlanState::kProposed:
      return "proposed";
    case PlanState::kAccepted:
      return "accepted";
    case PlanState::kSigned:
      return "signed";
    case PlanState::kSuperseded:
      return "superseded";
  }
  return "proposed";
}

bool StoredPlanInfo::Has(std::string_view action, rules::Side party) const {
  for (const PlanApproval& a : approvals) {
    if (a.action == action && a.party == rules::SideName(party)) return true;
  }
  return false;
}

std::string StoredPlanDocument(const plan::Plan& plan, const std::vector<PersonRef>& refs,
                               const std::string& agreement_name, std::int64_t agreement_version,
                               const std::string& agreement_sha256, const std::string& side_a,
                               const std::string& side_b) {
  Json doc = Json::parse(plan::PlanToJson(plan));
  doc["format"] = kStoredPlanFormat;
  doc["agreement"] = {
      {"name", agreement_name}, {"version", agreement_version}, {"sha256", agreement_sha256}};
  doc["sides"] = {{"a", side_a}, {"b", side_b}};
  // The solver's timing differs run to run; the content hash must not.
  doc["solver"].erase("seconds");
  Json& people = doc["people"];
  for (size_t i = 0; i < people.size() && i < refs.size(); ++i) {
    Json& p = people[i];
    // Recomputed from the record and the agreement on load (plan_json.h): not stored.
    for (const char* derived : {"record", "status", "category", "value", "rule"}) {
      p.erase(derived);
    }
    p["ref"] = {{"list", refs[i].list},
                {"record_id", refs[i].record_id},
                {"record_version", refs[i].record_version}};
    Json facts = Json::object();
    for (const ExtraField& f : refs[i].facts) facts[f.column] = f.value;
    p["facts"] = std::move(facts);
  }
  return doc.dump();
}

Result<std::vector<store::PlanPersonRow>> PlanPeopleRows(const std::vector<PersonRef>& refs,
                                                         const plan::Plan& plan) {
  if (refs.size() != plan.people.size()) {
    return Fail(ErrorCode::kInternal, "a plan's references do not match its people");
  }
  std::vector<store::PlanPersonRow> rows;
  rows.reserve(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) {
    rows.push_back({refs[i].record_id, refs[i].record_version,
                    static_cast<std::int64_t>(plan.people[i].phase)});
  }
  return rows;
}

Result<void> SetPlanState(store::Workspace& ws, std::int64_t id, std::int64_t expected_version,
                          PlanState state, const std::string& now) {
  PARLEY_ASSIGN_OR_RETURN(
      bool moved, store::UpdatePlanState(ws, id, expected_version, PlanStateName(state), now));
  if (!moved) {
    PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo current, PlanInfo(ws, id));
    return Fail(ErrorCode::kConflict,
                "plan " + std::to_string(id) + " changed meanwhile: it is at version " +
                    std::to_string(current.version) + " (" + PlanStateName(current.state) +
                    "), not " + std::to_string(expected_version) +
                    "; look at it again with "
                    "`parley plan show " +
                    std::to_string(id) + "`");
  }
  return {};
}

Result<StoredPlanInfo> PlanInfo(store::Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::PlanRow> found, store::PlanRowById(ws, id));
  if (!found) {
    return Fail(ErrorCode::kNotFound, "no plan " + std::to_string(id) +
                                          " in this workspace; `parley plan list` shows them");
  }
  return FromRow(std::move(*found));
}

Result<std::vector<StoredPlanInfo>> ListPlans(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<store::PlanRow> rows, store::ListPlanRows(ws));
  std::vector<StoredPlanInfo> out;
  out.reserve(rows.size());
  for (store::PlanRow& row : rows) out.push_back(FromRow(std::move(row)));
  return out;
}

Result<LoadedPlan> LoadStoredPlan(store::Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws, id));
  PARLEY_ASSIGN_OR_RETURN(auto document, store::PlanDocument(ws, id));
  PARLEY_ASSIGN_OR_RETURN(std::string text, DocumentOf(std::move(document), id));
  // The document was written by StoredPlanDocument; a wrong type means a damaged store.
  try {
    return LoadFromDocument(ws, std::move(info), text);
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kCorruption,
                "plan " + std::to_string(id) + "'s stored document is damaged: " + e.what());
  }
}

Result<std::vector<PlannedPerson>> StoredPlanPeople(store::Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(auto document, store::PlanDocument(ws, id));
  return PlannedPeople(std::move(document), id);
}

}  // namespace parley::negotiation
