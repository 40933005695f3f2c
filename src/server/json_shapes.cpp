#include "server/json_shapes.h"

#include <string_view>
#include <vector>

#include "names/passport_romanisation.h"
#include "store/record_json.h"

namespace parley::server {

namespace {

// The record's name in Latin letters as a passport of its language writes it, for readers of
// another script (the UI shows it beside the name; names/passport_romanisation.h). The
// language is the one the whole record's letters show, else Ukrainian for a list of side ua
// and Russian otherwise: the side a list comes from writes in its own language. Null when the
// name has no Cyrillic letter.
nlohmann::json NameLatinJson(const store::StoredRecord& s) {
  const PersonRecord& r = s.record;
  const std::string* names[] = {&r.surname, &r.given_name, &r.patronymic, &r.full_name};
  bool cyrillic = false;
  for (const std::string* name : names) cyrillic = cyrillic || names::HasCyrillic(*name);
  if (!cyrillic) return nullptr;
  std::vector<std::string_view> texts = {r.surname,     r.given_name, r.patronymic, r.full_name,
                                         r.birth_place, r.rank,       r.unit,       r.notes};
  for (const ExtraField& e : r.extra) {
    texts.push_back(e.column);
    texts.push_back(e.value);
  }
  const names::NameLanguage language = names::NameLanguageOf(texts).value_or(
      s.list_side == "ua" ? names::NameLanguage::kUkrainian : names::NameLanguage::kRussian);
  nlohmann::json out = {{"standard", names::RomanisationStandard(language)}};
  auto put = [&](const char* field, const std::string& text) {
    if (!text.empty()) out[field] = names::PassportRomanisation(text, language);
  };
  put("surname", r.surname);
  put("given_name", r.given_name);
  put("patronymic", r.patronymic);
  put("full_name", r.full_name);
  return out;
}

}  // namespace

nlohmann::json RecordJson(const store::StoredRecord& s) {
  nlohmann::json out = store::StoredRecordToJson(s);
  out["name_latin"] = NameLatinJson(s);
  return out;
}

nlohmann::json VersionJson(const store::ListVersionInfo& v) { return store::VersionToJson(v); }

nlohmann::json UserJson(const User& u) {
  return {{"name", u.name},
          {"role", RoleName(u.role)},
          {"side", u.side},
          {"disabled", u.disabled},
          {"version", u.version},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at},
          {"language", u.language ? nlohmann::json(*u.language) : nlohmann::json(nullptr)}};
}

nlohmann::json TokenJson(std::string_view user, const ApiToken& token) {
  return {{"id", token.id},
          {"user", user},
          {"created_at", token.created_at},
          {"revoked", token.revoked}};
}

nlohmann::json InterviewJson(const handover::Interview& i) {
  return {{"record_id", i.record_id},
          {"version", i.version},
          {"outcome", handover::ToString(i.outcome)},
          {"interviewer", i.interviewer},
          {"at", i.at},
          {"notes", i.notes},
          {"recorded_at", i.recorded_at}};
}

nlohmann::json HandoverJson(const handover::HandoverEvent& e) {
  return {{"record_id", e.record_id},
          {"seq", e.seq},
          {"event", handover::ToString(e.event)},
          {"phase", e.phase},
          {"place", e.place},
          {"at", e.at},
          {"actor", e.actor},
          {"recorded_at", e.recorded_at}};
}

nlohmann::json ShareJson(const Share& s) {
  return {{"list", s.list},
          {"side", s.side},
          {"active", s.active},
          {"version", s.version},
          {"updated_by", s.updated_by},
          {"updated_at", s.updated_at}};
}

namespace {

nlohmann::json CountsJson(const handover::ProgressCounts& c) {
  nlohmann::json statuses = nlohmann::json::object();
  for (const auto& [status, n] : c.statuses) statuses[std::string(handover::ToString(status))] = n;
  return {{"promised", c.promised}, {"statuses", statuses},   {"handed_over", c.handed_over},
          {"received", c.received}, {"excluded", c.excluded}, {"outstanding", c.outstanding}};
}

}  // namespace

nlohmann::json PlanProgressJson(const negotiation::StoredPlanInfo& plan,
                                const handover::PlanProgress& progress) {
  auto side_of = [&](rules::Side s) { return s == rules::Side::kA ? plan.side_a : plan.side_b; };
  nlohmann::json rows = nlohmann::json::array();
  for (const handover::ProgressRow& r : progress.rows) {
    nlohmann::json row = CountsJson(r.counts);
    row["phase"] = r.phase;
    row["direction"] = handover::DirectionName(r.from);
    row["from"] = side_of(r.from);
    row["to"] = side_of(r.from == rules::Side::kA ? rules::Side::kB : rules::Side::kA);
    rows.push_back(std::move(row));
  }
  nlohmann::json outstanding = nlohmann::json::array();
  for (const handover::OutstandingPerson& p : progress.outstanding) {
    outstanding.push_back({{"record_id", p.record_id},
                           {"id", p.id},
                           {"side", rules::SideName(p.side)},
                           {"phase", p.phase},
                           {"status", handover::ToString(p.status)}});
  }
  return {{"plan_id", plan.id},
          {"plan_version", plan.version},
          {"state", negotiation::PlanStateName(plan.state)},
          {"sides", {{"a", plan.side_a}, {"b", plan.side_b}}},
          {"rows", rows},
          {"totals", CountsJson(progress.totals)},
          {"outstanding", outstanding}};
}

namespace {

nlohmann::json DecisionFields(const store::RecordedDecision& d) {
  return {{"decision", store::LinkDecisionName(d.decision)},
          {"by", d.by},
          {"at", d.at},
          {"note", d.note ? nlohmann::json(*d.note) : nlohmann::json(nullptr)}};
}

nlohmann::json ConflictsJson(const std::vector<store::LinkConflict>& conflicts) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::LinkConflict& c : conflicts) {
    out.push_back({{"code", store::LinkConflictName(c.kind)}, {"links", c.links}});
  }
  return out;
}

// A link's fields apart from its explanation.
nlohmann::json LinkFields(const store::StoredLink& l, std::int64_t version) {
  return {{"id", l.id},
          {"version", version},
          {"state", store::LinkStateName(l.state)},
          {"probability", l.probability},
          {"match_weight", l.match_weight},
          {"left_list", l.left_list},
          {"left_record_id", l.left_record_id},
          {"left_key", l.left_key},
          {"left_listed", l.left_listed},
          {"right_list", l.right_list},
          {"right_record_id", l.right_record_id},
          {"right_key", l.right_key},
          {"right_listed", l.right_listed},
          {"decided_by", l.decided_by},
          {"last_decision",
           l.last_decision ? DecisionFields(*l.last_decision) : nlohmann::json(nullptr)},
          {"conflicts", ConflictsJson(l.conflicts)}};
}

std::string Dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Adds `"key":raw_json` to the text of a JSON object (non-empty: a link has fields).
void AppendMember(std::string& object, std::string_view key, std::string_view raw_json) {
  object.pop_back();  // the closing brace
  object += ",\"";
  object += key;
  object += "\":";
  object += raw_json;
  object += '}';
}

}  // namespace

nlohmann::json LinkJson(const store::StoredLink& l, std::int64_t version) {
  nlohmann::json out = LinkFields(l, version);
  out["explanation"] = nlohmann::json::parse(l.explanation, nullptr, false);
  if (out["explanation"].is_discarded()) out["explanation"] = nlohmann::json::array();
  return out;
}

std::string LinkText(const store::StoredLink& l, std::int64_t version, std::string_view left_record,
                     std::string_view right_record) {
  std::string out = Dump(LinkFields(l, version));
  // Stored as JSON text, which the store keeps valid (migration 8's trigger on links): embedded
  // as it is, not parsed and printed again.
  AppendMember(out, "explanation", l.explanation.empty() ? "[]" : l.explanation);
  AppendMember(out, "left", left_record);
  AppendMember(out, "right", right_record);
  return out;
}

nlohmann::json DecisionJson(const store::RecordedDecision& decision) {
  nlohmann::json out = DecisionFields(decision);
  out["state_after"] = store::LinkStateName(decision.state_after);
  return out;
}

}  // namespace parley::server
