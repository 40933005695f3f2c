// `parley reconcile LEFT RIGHT` and `parley review`: reconciliation inside a workspace.
//
// reconcile links the latest versions of two stored lists (the same engine as `parley link`)
// and stores every pair at or above the review threshold as a link: auto-accepted at or above
// --auto-accept, needs-review below. Earlier decisions are never overridden (LinkStore). After
// the first run, runs are incremental: only records created since the last run (new rows, new
// versions of changed rows) are scored, against everything, with the model stored by the last
// run; --full re-estimates and rescores all.
//
// review is the analyst's queue. Interactively it shows each needs-review pair side by side
// with the explanation and waits for one key: a (accept), r (reject), s (skip), q (quit); on a
// terminal the key acts at once, otherwise a line is read, so scripts can pipe answers in.
// `--decide LINK_ID accept|reject` records one decision non-interactively; `--list` prints the
// queue. Decisions are attributed to CurrentActor() ($PARLEY_USER, else $USER).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "cli/workspace_open.h"
#include "core/try.h"
#include "link/linker.h"
#include "store/link_store.h"

namespace parley::cli {
namespace {

struct ReconcileOptions {
  std::string left;
  std::string right;
  double review_threshold = 0.2;
  double auto_accept = 0.99;
  bool full = false;  // ignore the last run: re-estimate the model, score every pair
};

nlohmann::json ParametersToJson(const link::ModelParameters& p) {
  nlohmann::json fields = nlohmann::json::array();
  for (int f = 0; f < link::kFieldCount; ++f) {
    fields.push_back({{"field", link::FieldName(static_cast<link::Field>(f))},
                      {"m", p.fields[f].m},
                      {"u", p.fields[f].u}});
  }
  return {{"match_proportion", p.match_proportion}, {"fields", fields}};
}

Result<link::ModelParameters> ParametersFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  link::ModelParameters p;
  if (j.is_discarded() || !j.contains("fields") || j["fields"].size() != link::kFieldCount) {
    return Fail(ErrorCode::kCorruption,
                "the stored model of the last reconciliation is unreadable; run with --full");
  }
  p.match_proportion = j.value("match_proportion", p.match_proportion);
  for (int f = 0; f < link::kFieldCount; ++f) {
    p.fields[f].m = j["fields"][f]["m"].get<std::array<double, link::kMaxLevels>>();
    p.fields[f].u = j["fields"][f]["u"].get<std::array<double, link::kMaxLevels>>();
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

std::vector<PersonRecord> Records(const std::vector<store::StoredRecord>& stored) {
  std::vector<PersonRecord> out;
  out.reserve(stored.size());
  for (const auto& s : stored) out.push_back(s.record);
  return out;
}

std::string ExplanationJson(const link::Linkage& linkage, const link::LinkedPair& p) {
  nlohmann::json fields = nlohmann::json::array();
  for (const link::FieldWeight& fw : linkage.Explain(p)) {
    fields.push_back({{"field", link::FieldName(fw.field)},
                      {"level", link::LevelName(fw.field, fw.level)},
                      {"weight", std::round(fw.weight * 1000) / 1000}});
  }
  return fields.dump();
}

Result<void> RunReconcile(CliContext& ctx, const ReconcileOptions& o) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return {};  // OpenWorkspace reported the error
  PARLEY_ASSIGN_OR_RETURN(auto left_stored, ws->Records(o.left, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(auto right_stored, ws->Records(o.right, std::nullopt));
  const auto left = Records(left_stored);
  const auto right = Records(right_stored);
  PARLEY_ASSIGN_OR_RETURN(auto left_version, ws->Version(o.left, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(auto right_version, ws->Version(o.right, std::nullopt));
  store::LinkStore links(ws->db());
  PARLEY_ASSIGN_OR_RETURN(auto last, links.LastRun(o.left, o.right));
  ProgressBar bar("reconcile");
  link::LinkOptions options;
  options.threshold = o.review_threshold;
  options.progress = bar.Callback();
  // Incremental: score only pairs touching records new or changed since the last run, with
  // the last run's model. Links of untouched records are left exactly as they are.
  std::set<std::int64_t> scope;
  const bool incremental = last.has_value() && !o.full;
  std::size_t changed = 0;
  if (incremental) {
    PARLEY_ASSIGN_OR_RETURN(options.parameters, ParametersFromJson(last->model));
    changed = MarkChanged(left_stored, last->left_version, options.left_active, scope) +
              MarkChanged(right_stored, last->right_version, options.right_active, scope);
  }
  PARLEY_ASSIGN_OR_RETURN(link::Linkage linkage, link::LinkRecords(left, right, options));
  bar.Finish();
  std::vector<store::LinkProposal> proposals;
  proposals.reserve(linkage.Matches().size());
  for (const link::LinkedPair& p : linkage.Matches()) {
    const auto& l = left_stored[p.left];
    const auto& r = right_stored[p.right];
    proposals.push_back({l.record_id, r.record_id, l.record_version, r.record_version,
                         p.probability, p.weight, ExplanationJson(linkage, p),
                         p.probability >= o.auto_accept});
  }
  const std::string now = store::UtcNow();
  PARLEY_ASSIGN_OR_RETURN(
      auto saved, links.SaveRun(o.left, o.right, proposals, now, incremental ? &scope : nullptr));
  PARLEY_TRY(links.RecordRun(
      o.left, o.right,
      {left_version.version, right_version.version, incremental,
       ParametersToJson(linkage.Model().Parameters()).dump(), CurrentActor(), now}));
  std::int64_t auto_accepted = 0;
  for (const auto& p : proposals) auto_accepted += p.auto_accept ? 1 : 0;
  if (ctx.json) {
    std::cout << nlohmann::json{{"incremental", incremental},
                                {"changed_records", changed},
                                {"scored_pairs", linkage.Stats().candidates},
                                {"proposed", proposals.size()},
                                {"auto_accepted", auto_accepted},
                                {"inserted", saved.inserted},
                                {"updated", saved.updated},
                                {"kept_decisions", saved.kept_decisions},
                                {"removed", saved.removed}}
                     .dump()
              << "\n";
  } else {
    if (incremental) {
      std::cout << "incremental: " << changed << " new or changed records since "
                << last->created_at << ", " << linkage.Stats().candidates
                << " pairs scored with the stored model\n";
    }
    std::cout << "reconciled " << o.left << " (" << left.size() << ") with " << o.right << " ("
              << right.size() << "): " << proposals.size() << " links, " << auto_accepted
              << " auto-accepted; " << saved.inserted << " new, " << saved.kept_decisions
              << " already decided (kept), " << saved.removed << " withdrawn\n";
  }
  return {};
}

std::string DisplayName(const PersonRecord& r) {
  std::string name = r.surname;
  for (const std::string* part : {&r.given_name, &r.patronymic}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name.empty() ? r.full_name : name;
}

Result<PersonRecord> LatestRecord(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(record_id));
  if (history.empty()) return Fail(ErrorCode::kCorruption, "a link names a missing record");
  return history.back().record;
}

void PrintRow(std::string_view label, std::string_view left, std::string_view right) {
  std::printf("  %-16.*s %-36.*s %.*s\n", static_cast<int>(label.size()), label.data(),
              static_cast<int>(left.size()), left.data(), static_cast<int>(right.size()),
              right.data());
}

Result<void> PrintPair(store::Workspace& ws, const store::StoredLink& link) {
  PARLEY_ASSIGN_OR_RETURN(PersonRecord a, LatestRecord(ws, link.left_record_id));
  PARLEY_ASSIGN_OR_RETURN(PersonRecord b, LatestRecord(ws, link.right_record_id));
  std::printf("\nlink %lld  probability %.4f  (%s)\n", static_cast<long long>(link.id),
              link.probability, std::string(store::LinkStateName(link.state)).c_str());
  PrintRow("", link.left_list + " " + link.left_key, link.right_list + " " + link.right_key);
  PrintRow("name", DisplayName(a), DisplayName(b));
  PrintRow("birth date", a.birth_date.ToIso(), b.birth_date.ToIso());
  PrintRow("birth place", a.birth_place, b.birth_place);
  PrintRow("service number", a.service_number, b.service_number);
  PrintRow("rank / unit", a.rank + " " + a.unit, b.rank + " " + b.unit);
  for (const auto& f : nlohmann::json::parse(link.explanation, nullptr, false)) {
    if (!f.is_object()) continue;
    std::printf("  %-16s %-12s %+7.2f\n", f.value("field", "").c_str(),
                f.value("level", "").c_str(), f.value("weight", 0.0));
  }
  return {};
}

// One key: raw mode on a terminal (acts without Enter), else the first letter of a line.
char ReadKey() {
  if (isatty(STDIN_FILENO)) {
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios raw = saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    const int c = std::getchar();
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::printf("%c\n", c == EOF ? 'q' : c);
    return c == EOF ? 'q' : static_cast<char>(c);
  }
  std::string line;
  if (!std::getline(std::cin, line)) return 'q';
  return line.empty() ? 's' : line[0];
}

Result<void> RunReviewQueue(store::Workspace& ws, store::LinkStore& links) {
  PARLEY_ASSIGN_OR_RETURN(auto queue, links.Links(store::LinkState::kNeedsReview));
  if (queue.empty()) {
    std::cout << "nothing to review\n";
    return {};
  }
  const std::string actor = CurrentActor();
  std::size_t decided = 0;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    std::printf("\n[%zu/%zu]", i + 1, queue.size());
    PARLEY_TRY(PrintPair(ws, queue[i]));
    std::printf("  a accept, r reject, s skip, q quit > ");
    std::fflush(stdout);
    const char key = ReadKey();
    if (key == 'q') break;
    if (key != 'a' && key != 'r') continue;
    const auto decision = key == 'a' ? store::LinkDecision::kAccept : store::LinkDecision::kReject;
    PARLEY_TRY(links.Decide(queue[i].id, decision, actor, store::UtcNow()));
    ++decided;
  }
  std::cout << decided << " decisions recorded as " << actor << "\n";
  return {};
}

struct ReviewOptions {
  std::vector<std::string> decide;  // LINK_ID DECISION
  bool list = false;
};

Result<void> RunReview(CliContext& ctx, const ReviewOptions& o) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return {};
  store::LinkStore links(ws->db());
  if (!o.decide.empty()) {
    std::int64_t id = 0;
    try {
      id = std::stoll(o.decide[0]);
    } catch (const std::exception&) {
      return Fail(ErrorCode::kInvalidInput, "LINK_ID must be a number, not '" + o.decide[0] + "'");
    }
    PARLEY_ASSIGN_OR_RETURN(auto decision, store::ParseLinkDecision(o.decide[1]));
    PARLEY_TRY(links.Decide(id, decision, CurrentActor(), store::UtcNow()));
    PARLEY_ASSIGN_OR_RETURN(auto link, links.Link(id));
    std::cout << "link " << id << " " << store::LinkStateName(link.state) << " by "
              << link.decided_by << "\n";
    return {};
  }
  if (o.list || ctx.json) {
    PARLEY_ASSIGN_OR_RETURN(auto all, links.Links(std::nullopt));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : all) {
      if (ctx.json) {
        out.push_back({{"id", l.id},
                       {"left_list", l.left_list},
                       {"left_id", l.left_key},
                       {"right_list", l.right_list},
                       {"right_id", l.right_key},
                       {"probability", l.probability},
                       {"state", store::LinkStateName(l.state)},
                       {"decided_by", l.decided_by},
                       {"explanation", nlohmann::json::parse(l.explanation, nullptr, false)}});
      } else {
        std::printf("%6lld  %.4f  %-13s %s:%s  %s:%s\n", static_cast<long long>(l.id),
                    l.probability, std::string(store::LinkStateName(l.state)).c_str(),
                    l.left_list.c_str(), l.left_key.c_str(), l.right_list.c_str(),
                    l.right_key.c_str());
      }
    }
    if (ctx.json) std::cout << out.dump(2) << "\n";
    return {};
  }
  return RunReviewQueue(*ws, links);
}

}  // namespace

void RegisterReconcileCommands(CLI::App& app, CliContext& ctx) {
  auto ro = std::make_shared<ReconcileOptions>();
  auto* rec = app.add_subcommand("reconcile", "Link two stored lists and queue pairs for review");
  rec->add_option("LEFT_LIST", ro->left, "A list in the workspace (e.g. ua-request)")->required();
  rec->add_option("RIGHT_LIST", ro->right, "A list in the workspace (e.g. ru-custody)")->required();
  rec->add_option("--review-threshold", ro->review_threshold,
                  "Store pairs at or above this probability")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  rec->add_option("--auto-accept", ro->auto_accept,
                  "Auto-accept pairs at or above this probability")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  rec->add_flag("--full", ro->full,
                "Re-estimate the model and score every pair, not only what changed");
  AddWorkspaceOption(*rec, ctx);
  AddJsonOption(*rec, ctx);
  rec->callback([&ctx, ro] {
    if (auto r = RunReconcile(ctx, *ro); !r) ReportError(r.error(), ctx);
  });

  auto vo = std::make_shared<ReviewOptions>();
  auto* rev = app.add_subcommand("review", "Accept or reject the pairs reconciliation queued");
  rev->add_option("--decide", vo->decide, "LINK_ID accept|reject: one decision, no prompt")
      ->expected(2);
  rev->add_flag("--list", vo->list, "Print every link and its state");
  AddWorkspaceOption(*rev, ctx);
  AddJsonOption(*rev, ctx);
  rev->callback([&ctx, vo] {
    if (auto r = RunReview(ctx, *vo); !r) ReportError(r.error(), ctx);
  });
}

}  // namespace parley::cli
