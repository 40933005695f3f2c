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
// `--decide LINK_ID accept|reject|unsure|undo` records one decision non-interactively (unsure:
// looked and could not decide; undo: reverts the link's latest decision); `--list` prints the
// queue, marking links whose record is no longer in the latest version of its list.
// Decisions are attributed to CurrentActor() ($PARLEY_USER, else $USER), or to the owner of
// the key given with --key / $PARLEY_KEY, who then signs the `link.decided` event; likewise
// reconcile's `reconcile.run` event.
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "cli/workspace_open.h"
#include "core/try.h"
#include "intake/reconcile_flow.h"
#include "link/linker.h"
#include "store/link_store.h"

namespace parley::cli {

using intake::ReconcileLists;
using intake::ReconcileReport;
using intake::ReconcileRequest;

namespace {

struct ReconcileOptions {
  std::string left;
  std::string right;
  double review_threshold = 0.2;
  double auto_accept = 0.99;
  std::optional<double> auto_accept_unique;
  bool auto_accept_given = false;
  bool full = false;  // ignore the last run: re-estimate the model, score every pair
  std::string key;    // the actor's own signing key file
};

Result<void> RunReconcile(CliContext& ctx, const ReconcileOptions& o) {
  PARLEY_ASSIGN_OR_RETURN(auto key, LoadActorKey(o.key));
  auto ws = OpenWorkspace(ctx);
  if (!ws) return {};  // OpenWorkspace reported the error
  ProgressBar bar("reconcile");
  ReconcileRequest request;
  request.left = o.left;
  request.right = o.right;
  request.review_threshold = o.review_threshold;
  request.auto_accept = o.auto_accept;
  request.auto_accept_unique =
      intake::UniqueAcceptThreshold(o.auto_accept_given, o.auto_accept_unique);
  request.full = o.full;
  request.actor = CurrentActor();
  request.actor_key = key ? &*key : nullptr;
  request.progress = bar.Callback();
  PARLEY_ASSIGN_OR_RETURN(ReconcileReport r, ReconcileLists(*ws, request));
  bar.Finish();
  if (ctx.json) {
    std::cout << intake::ReconcileReportJson(r, o.left, o.right).dump() << "\n";
  } else {
    if (r.incremental) {
      std::cout << "incremental: " << r.changed << " new or changed records since " << r.last_run_at
                << ", " << r.scored_pairs << " pairs scored with the stored model\n";
    }
    std::cout << "reconciled " << o.left << " (" << r.left_count << ") with " << o.right << " ("
              << r.right_count << "): " << r.proposed << " links, " << r.auto_accepted
              << " auto-accepted; " << r.saved.inserted << " new, " << r.saved.kept_decisions
              << " already decided (kept), " << r.saved.removed << " withdrawn\n";
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

// "" when both records are still listed, else which one is not.
std::string NoLongerListed(const store::StoredLink& l) {
  if (l.left_listed && l.right_listed) return "";
  if (!l.left_listed && !l.right_listed) return "neither record is listed any more";
  return std::string(l.left_listed ? "right" : "left") + " record no longer listed";
}

Result<void> PrintPair(store::Workspace& ws, const store::StoredLink& link) {
  PARLEY_ASSIGN_OR_RETURN(PersonRecord a, LatestRecord(ws, link.left_record_id));
  PARLEY_ASSIGN_OR_RETURN(PersonRecord b, LatestRecord(ws, link.right_record_id));
  std::printf("\nlink %lld  probability %.4f  (%s)\n", static_cast<long long>(link.id),
              link.probability, std::string(store::LinkStateName(link.state)).c_str());
  if (!link.left_listed || !link.right_listed)
    std::printf("  (%s)\n", NoLongerListed(link).c_str());
  PrintRow("", link.left_list + " " + link.left_key, link.right_list + " " + link.right_key);
  PrintRow("name", DisplayName(a), DisplayName(b));
  PrintRow("birth date", a.birth_date.ToIso(), b.birth_date.ToIso());
  PrintRow("birth place", a.birth_place, b.birth_place);
  PrintRow("service number", a.service_number, b.service_number);
  PrintRow("rank / unit", a.rank + " " + a.unit, b.rank + " " + b.unit);
  const std::vector<std::string> left_aliases = a.Aliases();
  const std::vector<std::string> right_aliases = b.Aliases();
  for (std::size_t i = 0; i < std::max(left_aliases.size(), right_aliases.size()); ++i) {
    PrintRow(i == 0 ? "also known as" : "", i < left_aliases.size() ? left_aliases[i] : "",
             i < right_aliases.size() ? right_aliases[i] : "");
  }
  for (const auto& f : nlohmann::json::parse(link.explanation, nullptr, false)) {
    if (!f.is_object()) continue;
    if (f.value("field", "") == "name_used") {
      auto shown = [&](const char* side) {
        const std::string name = f.value(side, "");
        return name.empty() ? std::string("(listed name)") : name;
      };
      PrintRow("matched as", shown("left"), shown("right"));
      continue;
    }
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

Result<void> RunReviewQueue(store::Workspace& ws, store::LinkStore& links,
                            const store::Actor& actor) {
  PARLEY_ASSIGN_OR_RETURN(auto queue, links.Links(store::LinkState::kNeedsReview));
  if (queue.empty()) {
    std::cout << "nothing to review\n";
    return {};
  }
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
    PARLEY_TRY(links.Decide(queue[i].id, decision, actor, UtcNow()));
    ++decided;
  }
  std::cout << decided << " decisions recorded as "
            << (actor.key != nullptr ? actor.key->Name() : actor.name) << "\n";
  return {};
}

struct ReviewOptions {
  std::vector<std::string> decide;  // LINK_ID DECISION
  bool list = false;
  // --list filters, applied in SQL (store::LinkQuery).
  std::string state;
  std::string left;
  std::string right;
  std::int64_t limit = -1;
  std::int64_t offset = 0;
  std::string key;  // the actor's own signing key file
};

Result<store::LinkQuery> ListQuery(const ReviewOptions& o) {
  store::LinkQuery query;
  if (!o.state.empty()) {
    auto state = store::ParseLinkState(o.state);
    if (!state) {
      return Fail(ErrorCode::kInvalidInput,
                  "--state must be auto_accepted, needs_review, confirmed or rejected, not '" +
                      o.state + "'",
                  {"", 0, 0, "--state"});
    }
    query.state = *state;
  }
  query.left_list = o.left;
  query.right_list = o.right;
  query.limit = o.limit;
  query.offset = o.offset;
  return query;
}

Result<void> RunReview(CliContext& ctx, const ReviewOptions& o) {
  PARLEY_ASSIGN_OR_RETURN(auto key, LoadActorKey(o.key));
  const store::Actor actor{CurrentActor(), key ? &*key : nullptr};
  auto ws = OpenWorkspace(ctx);
  if (!ws) return {};
  store::LinkStore links(*ws);
  if (!o.decide.empty()) {
    std::int64_t id = 0;
    try {
      id = std::stoll(o.decide[0]);
    } catch (const std::exception&) {
      return Fail(ErrorCode::kInvalidInput, "LINK_ID must be a number, not '" + o.decide[0] + "'");
    }
    PARLEY_ASSIGN_OR_RETURN(auto decision, store::ParseLinkDecision(o.decide[1]));
    PARLEY_TRY(links.Decide(id, decision, actor, UtcNow()));
    PARLEY_ASSIGN_OR_RETURN(auto link, links.Link(id));
    std::cout << "link " << id << " " << store::LinkStateName(link.state) << " by "
              << link.decided_by << "\n";
    return {};
  }
  if (o.list || ctx.json) {
    PARLEY_ASSIGN_OR_RETURN(store::LinkQuery query, ListQuery(o));
    PARLEY_ASSIGN_OR_RETURN(store::LinkPage page, links.Query(query));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : page.links) {
      if (ctx.json) {
        out.push_back({{"id", l.id},
                       {"left_list", l.left_list},
                       {"left_id", l.left_key},
                       {"right_list", l.right_list},
                       {"right_id", l.right_key},
                       {"probability", l.probability},
                       {"state", store::LinkStateName(l.state)},
                       {"decided_by", l.decided_by},
                       {"left_listed", l.left_listed},
                       {"right_listed", l.right_listed},
                       {"explanation", nlohmann::json::parse(l.explanation, nullptr, false)}});
      } else {
        const std::string gone = NoLongerListed(l);
        const std::string note = gone.empty() ? "" : "  (" + gone + ")";
        std::printf("%6lld  %.4f  %-13s %s:%s  %s:%s%s\n", static_cast<long long>(l.id),
                    l.probability, std::string(store::LinkStateName(l.state)).c_str(),
                    l.left_list.c_str(), l.left_key.c_str(), l.right_list.c_str(),
                    l.right_key.c_str(), note.c_str());
      }
    }
    if (ctx.json) {
      std::cout << out.dump(2) << "\n";
    } else if (o.limit >= 0 || o.offset > 0) {
      std::cout << page.links.size() << " of " << page.total << " links shown (from " << o.offset
                << ")\n";
    }
    return {};
  }
  return RunReviewQueue(*ws, links, actor);
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
  CLI::Option* auto_accept = rec->add_option("--auto-accept", ro->auto_accept,
                                             "Auto-accept pairs at or above this probability")
                                 ->check(CLI::Range(0.0, 1.0))
                                 ->capture_default_str();
  rec->add_option("--auto-accept-unique", ro->auto_accept_unique,
                  "Also auto-accept pairs at or above this probability that are the only pair of "
                  "both their records (default 0.97, or never when --auto-accept is given alone; "
                  "above 1: never)")
      ->check(CLI::Range(0.0, 2.0));
  rec->add_flag("--full", ro->full,
                "Re-estimate the model and score every pair, not only what changed");
  rec->add_option("--key", ro->key,
                  "Sign the reconcile.run event with this private key file (default: "
                  "$PARLEY_KEY; without one, the workspace's node key vouches for the actor)");
  AddWorkspaceOption(*rec, ctx);
  AddJsonOption(*rec, ctx);
  rec->callback([&ctx, ro, auto_accept] {
    ro->auto_accept_given = auto_accept->count() > 0;
    if (auto r = RunReconcile(ctx, *ro); !r) ReportError(r.error(), ctx);
  });

  auto vo = std::make_shared<ReviewOptions>();
  auto* rev = app.add_subcommand("review", "Accept or reject the pairs reconciliation queued");
  rev->add_option("--decide", vo->decide,
                  "LINK_ID accept|reject|unsure|undo: one decision, no prompt")
      ->expected(2);
  rev->add_flag("--list", vo->list, "Print the links and their states (filters below)");
  rev->add_option("--state", vo->state,
                  "--list: only links in this state (auto_accepted, needs_review, confirmed, "
                  "rejected)");
  rev->add_option("--left", vo->left, "--list: only links whose left list is this one");
  rev->add_option("--right", vo->right, "--list: only links whose right list is this one");
  rev->add_option("--limit", vo->limit, "--list: at most this many links")
      ->check(CLI::NonNegativeNumber);
  rev->add_option("--offset", vo->offset, "--list: skip this many links first")
      ->check(CLI::NonNegativeNumber);
  rev->add_option("--key", vo->key,
                  "Sign the link.decided events with this private key file (default: "
                  "$PARLEY_KEY; without one, the workspace's node key vouches for the actor)");
  AddWorkspaceOption(*rev, ctx);
  AddJsonOption(*rev, ctx);
  rev->callback([&ctx, vo] {
    if (auto r = RunReview(ctx, *vo); !r) ReportError(r.error(), ctx);
  });
}

}  // namespace parley::cli
