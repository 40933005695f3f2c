#include "negotiation/plan_store.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "plan/plan_json.h"
#include "store/record_json.h"

namespace parley::negotiation {
namespace {

using Json = nlohmann::ordered_json;
using store::Database;
using store::Statement;

constexpr const char* kPlanColumns =
    "SELECT p.id, p.agreement_id, a.name, a.version, p.kind, coalesce(p.parent_id, 0), "
    "p.side_a, p.side_b, p.state, p.content_sha256, p.objective, p.a_count, p.b_count, "
    "p.created_by, p.created_at, p.version FROM plans p JOIN agreements a ON a.id = "
    "p.agreement_id ";

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

Result<void> LoadApprovals(Database& db, StoredPlanInfo& info) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT action, party, actor, at, ledger_seq FROM "
                                     "plan_approvals WHERE plan_id = ? ORDER BY ledger_seq"));
  st.Bind(1, info.id);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    info.approvals.push_back(
        {st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3), st.ColumnInt(4)});
  }
  return {};
}

Result<std::vector<StoredPlanInfo>> Collect(Database& db, Statement& st) {
  std::vector<StoredPlanInfo> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StoredPlanInfo p;
    p.id = st.ColumnInt(0);
    p.agreement_id = st.ColumnInt(1);
    p.agreement_name = st.ColumnText(2);
    p.agreement_version = st.ColumnInt(3);
    p.kind = KindFrom(st.ColumnText(4));
    p.parent_id = st.ColumnInt(5);
    p.side_a = st.ColumnText(6);
    p.side_b = st.ColumnText(7);
    p.state = StateFrom(st.ColumnText(8));
    p.sha256 = st.ColumnText(9);
    p.objective = st.ColumnInt(10);
    p.a_count = st.ColumnInt(11);
    p.b_count = st.ColumnInt(12);
    p.created_by = st.ColumnText(13);
    p.created_at = st.ColumnText(14);
    p.version = st.ColumnInt(15);
    out.push_back(std::move(p));
  }
  for (StoredPlanInfo& p : out) PARLEY_TRY(LoadApprovals(db, p));
  return out;
}

Result<std::string> PlanDocument(Database& db, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT document FROM plans WHERE id = ?"));
  st.Bind(1, id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no plan " + std::to_string(id));
  return st.ColumnText(0);
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
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement agreement, AgreementById(ws.db(), info.agreement_id));
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

Result<std::int64_t> InsertPlan(Database& db, const NewPlanRow& row,
                                const std::vector<PersonRef>& refs, const plan::Plan& plan) {
  if (refs.size() != plan.people.size()) {
    return Fail(ErrorCode::kInternal, "a plan's references do not match its people");
  }
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      db.Prepare(
          "INSERT INTO plans(agreement_id, kind, parent_id, side_a, side_b, state, "
          "document, content_sha256, objective, a_count, b_count, created_by, "
          "created_at, version, updated_at) VALUES (?,?,?,?,?,'proposed',?,?,?,?,?,?,?,1,?)"));
  ins.Bind(1, row.agreement_id);
  ins.Bind(2, PlanKindName(row.kind));
  if (row.parent_id > 0) {
    ins.Bind(3, row.parent_id);
  } else {
    ins.BindNull(3);
  }
  ins.Bind(4, row.side_a);
  ins.Bind(5, row.side_b);
  ins.Bind(6, row.document);
  ins.Bind(7, row.sha256);
  ins.Bind(8, row.objective);
  ins.Bind(9, row.a_count);
  ins.Bind(10, row.b_count);
  ins.Bind(11, row.created_by);
  ins.Bind(12, row.now);
  ins.Bind(13, row.now);
  PARLEY_TRY(ins.Run());
  const std::int64_t id = db.LastInsertId();
  PARLEY_ASSIGN_OR_RETURN(Statement member,
                          db.Prepare("INSERT INTO plan_people(plan_id, record_id, "
                                     "record_version, phase) VALUES (?,?,?,?)"));
  for (size_t i = 0; i < refs.size(); ++i) {
    member.Bind(1, id);
    member.Bind(2, refs[i].record_id);
    member.Bind(3, refs[i].record_version);
    member.Bind(4, static_cast<std::int64_t>(plan.people[i].phase));
    PARLEY_TRY(member.Run());
  }
  return id;
}

Result<void> SetPlanState(Database& db, std::int64_t id, std::int64_t expected_version,
                          PlanState state, const std::string& now) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("UPDATE plans SET state = ?, version = version + 1, "
                                     "updated_at = ? WHERE id = ? AND version = ?"));
  st.Bind(1, PlanStateName(state));
  st.Bind(2, now);
  st.Bind(3, id);
  st.Bind(4, expected_version);
  PARLEY_TRY(st.Run());
  if (sqlite3_changes(db.handle()) == 0) {
    PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo current, PlanInfo(db, id));
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

Result<std::optional<std::int64_t>> FindLivePlan(Database& db, std::int64_t agreement_id,
                                                 const std::string& sha256) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT id FROM plans WHERE agreement_id = ? AND "
                                     "content_sha256 = ? AND state <> 'superseded' "
                                     "ORDER BY id LIMIT 1"));
  st.Bind(1, agreement_id);
  st.Bind(2, sha256);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{st.ColumnInt(0)};
}

Result<StoredPlanInfo> PlanInfo(Database& db, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kPlanColumns) + "WHERE p.id = ?"));
  st.Bind(1, id);
  PARLEY_ASSIGN_OR_RETURN(auto found, Collect(db, st));
  if (found.empty()) {
    return Fail(ErrorCode::kNotFound, "no plan " + std::to_string(id) +
                                          " in this workspace; `parley plan list` shows them");
  }
  return std::move(found.front());
}

Result<std::vector<StoredPlanInfo>> ListPlans(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kPlanColumns) + "ORDER BY p.id"));
  return Collect(db, st);
}

Result<LoadedPlan> LoadStoredPlan(store::Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(StoredPlanInfo info, PlanInfo(ws.db(), id));
  PARLEY_ASSIGN_OR_RETURN(std::string text, PlanDocument(ws.db(), id));
  // The document was written by StoredPlanDocument; a wrong type means a damaged store.
  try {
    return LoadFromDocument(ws, std::move(info), text);
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kCorruption,
                "plan " + std::to_string(id) + "'s stored document is damaged: " + e.what());
  }
}

Result<std::vector<PlannedPerson>> StoredPlanPeople(Database& db, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, PlanDocument(db, id));
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

}  // namespace parley::negotiation
