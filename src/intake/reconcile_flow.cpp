#include "intake/reconcile_flow.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/try.h"

namespace parley::intake {
namespace {

nlohmann::json ParametersToJson(const link::ModelParameters& p) {
  nlohmann::json fields = nlohmann::json::array();
  for (int f = 0; f < link::kFieldCount; ++f) {
    fields.push_back({{"field", link::FieldName(static_cast<link::Field>(f))},
                      {"m", p.fields[f].m},
                      {"u", p.fields[f].u}});
  }
  return {{"match_proportion", p.match_proportion},
          {"namesake_share", p.namesake_share},
          {"levels", link::kLevelCount},
          {"fields", fields}};
}

bool IsProbabilities(const nlohmann::json& j) {
  return j.is_array() && j.size() == link::kMaxLevels &&
         std::all_of(j.begin(), j.end(), [](const nlohmann::json& x) { return x.is_number(); });
}

// The last run's model, or nothing when it was stored by a parley whose comparison levels
// differ from this one's (the levels are part of the model: the stored m and u would be read
// against the wrong levels), so that the run estimates a model afresh.
Result<std::optional<link::ModelParameters>> ParametersFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  auto unreadable = [] {
    return Fail(ErrorCode::kCorruption,
                "the stored model of the last reconciliation is unreadable; run with --full");
  };
  if (!j.is_object()) return unreadable();
  // Levels first: a model of another parley may also hold another number of fields.
  const auto levels = j.find("levels");
  if (levels == j.end() || *levels != nlohmann::json(link::kLevelCount)) return std::nullopt;
  if (!j.contains("fields") || !j["fields"].is_array() || j["fields"].size() != link::kFieldCount) {
    return unreadable();
  }
  link::ModelParameters p;
  const auto lambda = j.find("match_proportion");
  if (lambda != j.end() && lambda->is_number()) p.match_proportion = lambda->get<double>();
  // A model stored before the namesake share has none (0: full names are not limited), as then.
  if (const auto share = j.find("namesake_share"); share != j.end()) {
    if (!share->is_number()) return unreadable();
    const double x = share->get<double>();
    if (!(x >= 0 && x <= 1)) return unreadable();
    p.namesake_share = x;
  }
  for (int f = 0; f < link::kFieldCount; ++f) {
    const nlohmann::json& field = j["fields"][f];
    if (!field.is_object() || !IsProbabilities(field.value("m", nlohmann::json())) ||
        !IsProbabilities(field.value("u", nlohmann::json()))) {
      return unreadable();
    }
    p.fields[f].m = field["m"].get<std::array<double, link::kMaxLevels>>();
    p.fields[f].u = field["u"].get<std::array<double, link::kMaxLevels>>();
  }
  return p;
}

// Marks the records created after `since_version` (new rows and new versions of changed
// rows); returns how many.
std::size_t MarkChanged(const std::vector<store::StoredRecord>& records, std::int64_t since_version,
                        std::vector<bool>& active, std::set<std::int64_t>& scope) {
  active.assign(records.size(), false);
  std::size_t changed = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].created_in_list_version <= since_version) continue;
    active[i] = true;
    scope.insert(records[i].record_id);
    ++changed;
  }
  return changed;
}

// A record's name as one full-name string, whichever way the list wrote it.
std::string FullName(const PersonRecord& r) {
  if (!r.full_name.empty()) return r.full_name;
  std::string name = r.surname;
  for (const std::string* part : {&r.given_name, &r.patronymic}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name;
}

// Adds `name` to the record's aliases unless it is its name or already an alias.
void AddAlias(PersonRecord& r, const std::string& name) {
  if (name.empty() || name == FullName(r)) return;
  const std::vector<std::string> known = r.Aliases();
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  for (ExtraField& f : r.extra) {
    if (f.column != kAliasesColumn) continue;
    f.value += (f.value.empty() ? "" : "; ") + name;
    return;
  }
  r.extra.push_back({std::string(kAliasesColumn), name});
}

// The records as linkage sees them: the names of a record's earlier versions (a corrected
// spelling) join its aliases, so a link made under the old spelling is still found. Only
// records with more than one version cost a query.
Result<std::vector<PersonRecord>> Records(store::Workspace& ws,
                                          const std::vector<store::StoredRecord>& stored) {
  std::vector<PersonRecord> out;
  out.reserve(stored.size());
  for (const auto& s : stored) {
    out.push_back(s.record);
    if (s.record_version == 1) continue;
    PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(s.record_id));
    for (const store::StoredRecord& earlier : history) {
      if (earlier.record_version < s.record_version) AddAlias(out.back(), FullName(earlier.record));
    }
  }
  return out;
}

// "none" when the left record's other candidates carry no weight against the pair (it gains
// the most a pair can), "some" otherwise.
std::string RivalLevel(const link::Linkage& linkage, const link::LinkedPair& p) {
  return p.rivals >= linkage.RivalWeightAlone() - 0.05f ? "none" : "some";
}

std::string ExplanationJson(const link::Linkage& linkage, const link::LinkedPair& p) {
  nlohmann::json fields = nlohmann::json::array();
  for (const link::FieldWeight& fw : linkage.Explain(p)) {
    fields.push_back({{"field", link::FieldName(fw.field)},
                      {"level", link::LevelName(fw.field, fw.level)},
                      {"weight", std::round(fw.weight * 1000) / 1000}});
  }
  // The request's other candidates (link.h, RivalWeight): part of the match weight.
  if (linkage.WeighsRivals()) {
    fields.push_back({{"field", "other_candidates"},
                      {"level", RivalLevel(linkage, p)},
                      {"weight", std::round(p.rivals * 1000) / 1000}});
  }
  // Which names matched, when not both listed names: an alias, an earlier spelling.
  const std::string_view left_name = linkage.NameUsed(p, true);
  const std::string_view right_name = linkage.NameUsed(p, false);
  if (!left_name.empty() || !right_name.empty()) {
    fields.push_back({{"field", "name_used"},
                      {"level", "alias"},
                      {"weight", 0},
                      {"left", std::string(left_name)},
                      {"right", std::string(right_name)}});
  }
  // Surname and given name compared crossed (written in each other's columns on one side).
  if (linkage.NamesCrossed(p)) {
    fields.push_back({{"field", "name_used"}, {"level", "crossed"}, {"weight", 0}});
  }
  return fields.dump();
}

// How many pairs at or above the review threshold each record is in: this run's pairs, plus
// the kept links (not rejected) of records this run did not rescore. An incremental run
// rescores only changed records, so an unchanged record's other links are in the store.
struct RivalCounts {
  std::map<std::int64_t, int> left;
  std::map<std::int64_t, int> right;
  [[nodiscard]] bool Unique(const store::LinkProposal& p) const {
    return left.at(p.left_record_id) == 1 && right.at(p.right_record_id) == 1;
  }
};

Result<RivalCounts> CountRivals(store::LinkStore& links, const ReconcileRequest& o,
                                const std::vector<store::LinkProposal>& proposals) {
  RivalCounts counts;
  std::set<std::pair<std::int64_t, std::int64_t>> proposed;
  for (const auto& p : proposals) {
    ++counts.left[p.left_record_id];
    ++counts.right[p.right_record_id];
    proposed.insert({p.left_record_id, p.right_record_id});
  }
  PARLEY_ASSIGN_OR_RETURN(auto stored, links.Links(std::nullopt));
  for (const store::StoredLink& l : stored) {
    if (l.left_list != o.left || l.right_list != o.right) continue;
    if (l.state == store::LinkState::kRejected) continue;
    if (proposed.contains({l.left_record_id, l.right_record_id})) continue;
    if (auto it = counts.left.find(l.left_record_id); it != counts.left.end()) ++it->second;
    if (auto it = counts.right.find(l.right_record_id); it != counts.right.end()) ++it->second;
  }
  return counts;
}

}  // namespace

Result<ReconcileReport> ReconcileLists(store::Workspace& ws, const ReconcileRequest& o) {
  PARLEY_ASSIGN_OR_RETURN(auto left_stored, ws.Records(o.left, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(auto right_stored, ws.Records(o.right, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(const auto left, Records(ws, left_stored));
  PARLEY_ASSIGN_OR_RETURN(const auto right, Records(ws, right_stored));
  PARLEY_ASSIGN_OR_RETURN(auto left_version, ws.Version(o.left, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(auto right_version, ws.Version(o.right, std::nullopt));
  store::LinkStore links(ws);
  PARLEY_ASSIGN_OR_RETURN(auto last, links.LastRun(o.left, o.right));
  link::LinkOptions options;
  options.threshold = o.review_threshold;
  options.progress = o.progress;
  // Incremental: score only pairs touching records new or changed since the last run, with
  // the last run's model. Links of untouched records are left exactly as they are.
  std::set<std::int64_t> scope;
  bool incremental = last.has_value() && !o.full;
  std::size_t changed = 0;
  if (incremental) {
    PARLEY_ASSIGN_OR_RETURN(options.parameters, ParametersFromJson(last->model));
    incremental = options.parameters.has_value();
  }
  if (incremental) {
    changed = MarkChanged(left_stored, last->left_version, options.left_active, scope) +
              MarkChanged(right_stored, last->right_version, options.right_active, scope);
  }
  PARLEY_ASSIGN_OR_RETURN(link::Linkage linkage, link::LinkRecords(left, right, options));
  // A left record whose rivals changed was scored again whole: its undecided links that this
  // run no longer proposes are withdrawn like those of a changed record.
  const std::vector<bool>& rescored = linkage.RescoredLeft();
  for (std::size_t i = 0; i < rescored.size(); ++i) {
    if (rescored[i]) scope.insert(left_stored[i].record_id);
  }
  std::vector<store::LinkProposal> proposals;
  proposals.reserve(linkage.Matches().size());
  for (const link::LinkedPair& p : linkage.Matches()) {
    const auto& l = left_stored[p.left];
    const auto& r = right_stored[p.right];
    proposals.push_back({l.record_id, r.record_id, l.record_version, r.record_version,
                         p.probability, p.weight, ExplanationJson(linkage, p),
                         p.probability >= o.auto_accept});
  }
  PARLEY_ASSIGN_OR_RETURN(const RivalCounts rivals, CountRivals(links, o, proposals));
  for (store::LinkProposal& p : proposals) {
    if (!p.auto_accept && p.probability >= o.auto_accept_unique && rivals.Unique(p)) {
      p.auto_accept = true;
    }
  }
  const store::ReconcileRun run{left_version.version,
                                right_version.version,
                                incremental,
                                ParametersToJson(linkage.Model().Parameters()).dump(),
                                o.actor_key != nullptr ? o.actor_key->Name() : o.actor,
                                UtcNow()};
  PARLEY_ASSIGN_OR_RETURN(auto saved,
                          links.SaveRun(o.left, o.right, proposals, run, {o.actor, o.actor_key},
                                        incremental ? &scope : nullptr));
  ReconcileReport report;
  report.incremental = incremental;
  if (incremental) report.last_run_at = last->created_at;
  report.changed = changed;
  report.left_count = left.size();
  report.right_count = right.size();
  report.scored_pairs = linkage.Stats().candidates;
  report.proposed = proposals.size();
  for (const auto& p : proposals) report.auto_accepted += p.auto_accept ? 1 : 0;
  report.saved = saved;
  return report;
}

nlohmann::json ReconcileReportJson(const ReconcileReport& r, const std::string& left,
                                   const std::string& right) {
  nlohmann::json out = {{"left", left},
                        {"right", right},
                        {"incremental", r.incremental},
                        {"changed_records", r.changed},
                        {"left_count", r.left_count},
                        {"right_count", r.right_count},
                        {"scored_pairs", r.scored_pairs},
                        {"proposed", r.proposed},
                        {"auto_accepted", r.auto_accepted},
                        {"inserted", r.saved.inserted},
                        {"updated", r.saved.updated},
                        {"kept_decisions", r.saved.kept_decisions},
                        {"removed", r.saved.removed}};
  if (r.incremental) out["last_run_at"] = r.last_run_at;
  return out;
}

}  // namespace parley::intake
