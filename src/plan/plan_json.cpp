#include "plan/plan_json.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/file_io.h"
#include "core/try.h"
#include "rules/agreement_parser.h"

namespace parley::plan {
namespace {

using Json = nlohmann::ordered_json;

Json RecordToJson(const PersonRecord& r) {
  Json j = Json::object();
  for (std::string_view col : kCanonicalColumns) {
    std::string v = CanonicalField(r, col);
    if (!v.empty() || col == "id") j[std::string(col)] = v;
  }
  if (!r.extra.empty()) {
    Json extra = Json::object();
    for (const ExtraField& f : r.extra) extra[f.column] = f.value;
    j["extra"] = extra;
  }
  if (r.source_row > 0) j["source_row"] = r.source_row;
  return j;
}

Result<PersonRecord> RecordFromJson(const Json& j, const std::string& file) {
  if (!j.is_object()) {
    return Fail(ErrorCode::kInvalidInput, "a person's \"record\" must be an object",
                Location{file, 0, 0, "record"});
  }
  PersonRecord r;
  auto str = [&](const char* k) -> std::string {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  r.id = str("id");
  r.surname = str("surname");
  r.given_name = str("given_name");
  r.patronymic = str("patronymic");
  r.full_name = str("full_name");
  r.birth_place = str("birth_place");
  r.service_number = str("service_number");
  r.rank = str("rank");
  r.unit = str("unit");
  r.sex = str("sex");
  r.category = str("category");
  r.notes = str("notes");
  std::string birth = str("birth_date");
  if (!birth.empty()) {
    DateBounds bounds;
    bounds.earliest_year = 1700;
    auto d = ParsePartialDate(birth, bounds);
    if (!d) {
      return Fail(ErrorCode::kInvalidInput,
                  "person '" + r.id + "': birth_date: " + d.error().message,
                  Location{file, 0, 0, "birth_date"});
    }
    r.birth_date = *d;
  }
  if (auto it = j.find("extra"); it != j.end() && it->is_object()) {
    for (auto e = it->begin(); e != it->end(); ++e) {
      r.extra.push_back(
          {e.key(), e.value().is_string() ? e.value().get<std::string>() : e.value().dump()});
    }
  }
  if (auto it = j.find("source_row"); it != j.end() && it->is_number_integer()) {
    r.source_row = it->get<std::int64_t>();
  }
  return r;
}

Result<Plan> PlanFromJsonUnchecked(std::string_view text, std::string_view file_view);

}  // namespace

std::string RuleText(const rules::Agreement& a, const Candidate& c) {
  if (!c.dropped.empty()) return "dropped: " + c.dropped;
  switch (c.rule.status) {
    case rules::Status::kExcluded: {
      const auto& e = a.exclusions[c.rule.exclusion];
      return "excluded by rule '" + e.id + "'" + (e.reason.empty() ? "" : ": " + e.reason);
    }
    case rules::Status::kIneligible:
      return "fits no category";
    case rules::Status::kEligible:
      break;
  }
  const rules::Category& cat = a.categories[c.rule.category];
  switch (cat.balance) {
    case rules::Balance::kOutside:
      return "outside the ratio: " + cat.title;
    case rules::Balance::kAllForAll:
      return "all for all: " + cat.title;
    case rules::Balance::kPool:
      return "pool '" + a.pools[cat.pool].id + "': " + cat.title;
  }
  return "";
}

std::string PlanToJson(const Plan& plan) {
  const rules::Agreement& a = plan.agreement;
  Json j;
  j["format"] = kPlanFormat;
  j["agreement"] = {{"title", a.title}, {"file", a.file}, {"source", a.source}};
  j["objective"] = {{"kind", a.objective == rules::Objective::kPeople ? "people" : "value"},
                    {"value", plan.objective}};
  const SolverReport& s = plan.solver;
  j["solver"] = {
      {"solver", s.solver},       {"model", s.model},         {"status", s.status},
      {"objective", s.objective}, {"bound", s.bound},         {"gap", s.gap},
      {"seconds", s.seconds},     {"gap_limit", s.gap_limit}, {"time_limit", s.time_limit},
      {"classes", s.classes},     {"variables", s.variables}};
  j["executed_phases"] = plan.executed_phases;
  Json phases = Json::array();
  for (const PhaseSummary& p : plan.phases) {
    Json balance = Json::array();
    for (const PoolBalance& b : p.pools) {
      balance.push_back({{"pool", b.pool},
                         {"a", b.a},
                         {"b", b.b},
                         {"owed_to", b.owed > 0   ? "a"
                                     : b.owed < 0 ? "b"
                                                  : "none"},
                         {"owed", b.owed < 0 ? -b.owed : b.owed}});
    }
    phases.push_back({{"phase", p.phase},
                      {"a_hands_over", p.a_count},
                      {"b_hands_over", p.b_count},
                      {"balance_after", balance}});
  }
  j["phases"] = phases;
  Json people = Json::array();
  for (const Candidate& c : plan.people) {
    Json pj;
    pj["side"] = rules::SideName(c.side);
    pj["id"] = c.record.id;
    pj["phase"] = c.phase;
    pj["status"] = c.dropped.empty() ? rules::StatusName(c.rule.status) : "dropped";
    if (!c.dropped.empty()) pj["dropped"] = c.dropped;
    if (c.rule.status == rules::Status::kEligible) {
      pj["category"] = a.categories[c.rule.category].id;
      pj["value"] = c.rule.value;
    }
    pj["rule"] = RuleText(a, c);
    pj["record"] = RecordToJson(c.record);
    people.push_back(std::move(pj));
  }
  j["people"] = people;
  Json repairs = Json::array();
  for (const RepairRecord& r : plan.repairs) {
    Json diff = Json::array();
    for (const PlanChange& ch : r.diff) {
      diff.push_back({{"side", rules::SideName(ch.side)},
                      {"id", ch.id},
                      {"from_phase", ch.from_phase},
                      {"to_phase", ch.to_phase},
                      {"why", ch.why}});
    }
    repairs.push_back({{"dropped", r.dropped},
                       {"reason", r.reason},
                       {"executed_phases", r.executed_phases},
                       {"changes", r.changes},
                       {"diff", diff}});
  }
  j["repairs"] = repairs;
  return j.dump(2) + "\n";
}

Result<Plan> PlanFromJson(std::string_view text, std::string_view file_view) {
  // nlohmann's accessors throw on a value of the wrong type ("side": 3); a hand-edited
  // plan must get an error, not an exception across the module boundary.
  try {
    return PlanFromJsonUnchecked(text, file_view);
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInvalidInput,
                std::string("a field has the wrong type: ") + e.what() +
                    "; compare with docs/agreements.md (plan file)",
                Location{std::string(file_view), 0, 0, {}});
  }
}

namespace {

Result<Plan> PlanFromJsonUnchecked(std::string_view text, std::string_view file_view) {
  const std::string file(file_view);
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Find the failing byte with the exception-throwing parser, caught here.
    try {
      [[maybe_unused]] Json probe = Json::parse(text);
    } catch (const Json::parse_error& e) {
      return Fail(ErrorCode::kInvalidInput,
                  "not valid JSON at byte " + std::to_string(e.byte) + ": " + e.what(),
                  Location{file, 0, 0, {}});
    }
    return Fail(ErrorCode::kInvalidInput, "not valid JSON", Location{file, 0, 0, {}});
  }
  if (!j.is_object() || j.value("format", "") != kPlanFormat) {
    return Fail(ErrorCode::kInvalidInput,
                "not a parley plan: \"format\" must be \"" + std::string(kPlanFormat) + "\"",
                Location{file, 0, 0, "format"});
  }
  auto ag = j.find("agreement");
  if (ag == j.end() || !ag->is_object() || !ag->contains("source") ||
      !(*ag)["source"].is_string()) {
    return Fail(ErrorCode::kInvalidInput,
                "the plan has no agreement.source (the agreement's TOML text)",
                Location{file, 0, 0, "agreement.source"});
  }
  std::string agreement_file = ag->value("file", "");
  auto agreement =
      rules::ParseAgreement((*ag)["source"].get<std::string>(),
                            agreement_file.empty() ? file + "#agreement" : agreement_file);
  if (!agreement) return std::unexpected(agreement.error());
  Plan plan;
  plan.agreement = std::move(*agreement);
  plan.executed_phases = j.value("executed_phases", 0);
  if (plan.executed_phases < 0 || plan.executed_phases > plan.agreement.phase_count) {
    return Fail(ErrorCode::kInvalidInput, "executed_phases is out of range",
                Location{file, 0, 0, "executed_phases"});
  }
  auto people = j.find("people");
  if (people == j.end() || !people->is_array()) {
    return Fail(ErrorCode::kInvalidInput, "the plan has no \"people\" array",
                Location{file, 0, 0, "people"});
  }
  for (size_t i = 0; i < people->size(); ++i) {
    const Json& pj = (*people)[i];
    std::string where = "people[" + std::to_string(i) + "]";
    if (!pj.is_object() || !pj.contains("record")) {
      return Fail(ErrorCode::kInvalidInput, where + " needs a \"record\"",
                  Location{file, 0, 0, where});
    }
    Candidate c;
    std::string side = pj.value("side", "");
    if (side != "a" && side != "b") {
      return Fail(ErrorCode::kInvalidInput, where + ".side must be \"a\" or \"b\"",
                  Location{file, 0, 0, where + ".side"});
    }
    c.side = side == "a" ? Side::kA : Side::kB;
    if (!pj.contains("phase") || !pj["phase"].is_number_integer()) {
      return Fail(ErrorCode::kInvalidInput, where + ".phase must be a whole number (0 = stays)",
                  Location{file, 0, 0, where + ".phase"});
    }
    c.phase = pj["phase"].get<int>();
    c.dropped = pj.value("dropped", "");
    auto rec = RecordFromJson(pj["record"], file);
    if (!rec) return std::unexpected(rec.error());
    c.record = std::move(*rec);
    if (c.record.id.empty()) {
      return Fail(ErrorCode::kInvalidInput, where + ".record.id is empty",
                  Location{file, 0, 0, where + ".record.id"});
    }
    plan.people.push_back(std::move(c));
  }
  ClassifyAll(plan.agreement, plan.people);
  if (auto s = j.find("solver"); s != j.end() && s->is_object()) {
    plan.solver.solver = s->value("solver", "cbc");
    plan.solver.model = s->value("model", "aggregated");
    plan.solver.status = s->value("status", "");
    plan.solver.objective = s->value("objective", 0.0);
    plan.solver.bound = s->value("bound", 0.0);
    plan.solver.gap = s->value("gap", 0.0);
    plan.solver.seconds = s->value("seconds", 0.0);
    plan.solver.gap_limit = s->value("gap_limit", 0.0);
    plan.solver.time_limit = s->value("time_limit", 0.0);
    plan.solver.classes = s->value("classes", 0);
    plan.solver.variables = s->value("variables", 0);
  }
  if (auto r = j.find("repairs"); r != j.end() && r->is_array()) {
    for (const Json& rj : *r) {
      RepairRecord rec;
      rec.reason = rj.value("reason", "");
      rec.executed_phases = rj.value("executed_phases", 0);
      rec.changes = rj.value("changes", 0);
      if (rj.contains("dropped") && rj["dropped"].is_array()) {
        for (const Json& d : rj["dropped"]) {
          if (d.is_string()) rec.dropped.push_back(d.get<std::string>());
        }
      }
      if (rj.contains("diff") && rj["diff"].is_array()) {
        for (const Json& d : rj["diff"]) {
          PlanChange ch;
          ch.side = d.value("side", "a") == "a" ? Side::kA : Side::kB;
          ch.id = d.value("id", "");
          ch.from_phase = d.value("from_phase", 0);
          ch.to_phase = d.value("to_phase", 0);
          ch.why = d.value("why", "");
          rec.diff.push_back(std::move(ch));
        }
      }
      plan.repairs.push_back(std::move(rec));
    }
  }
  plan.objective = PlanObjective(plan.agreement, plan.people);
  plan.phases = SummarisePhases(plan.agreement, plan.people);
  return plan;
}

}  // namespace

Result<Plan> LoadPlanFile(const std::string& path) {
  PARLEY_ASSIGN_OR_RETURN(const std::string text, ReadWholeFile(path));
  return PlanFromJson(text, path);
}

Result<void> SavePlanFile(const Plan& plan, const std::string& path) {
  return WriteFileAtomically(path, PlanToJson(plan));
}

}  // namespace parley::plan
