// parley/store/link_store.h — reconciliation links and the analysts' decisions on them.
//
// `parley reconcile` stores every candidate pair worth a look as a link: auto-accepted when
// the model is sure, needs-review otherwise; `parley review` turns links into confirmed or
// rejected with an append-only decision attributed to the analyst. The store's contract is
// what makes decisions stick: SaveRun never changes the state of a link that has a decision,
// and it removes only undecided links that the latest run no longer proposes, so re-running
// reconciliation (new list versions, a new model) refreshes probabilities without ever
// reopening a question a person has answered.
//
//   LinkStore links(ws.db());
//   PARLEY_TRY(links.SaveRun(left_list, right_list, proposals, now));
//   PARLEY_TRY(links.Decide(42, LinkDecision::kReject, "analyst1", now));
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite_db.h"

namespace parley::store {

enum class LinkState { kAutoAccepted, kNeedsReview, kConfirmed, kRejected };
enum class LinkDecision { kAccept, kReject };

[[nodiscard]] std::string_view LinkStateName(LinkState state);
[[nodiscard]] Result<LinkState> ParseLinkState(std::string_view text);
[[nodiscard]] Result<LinkDecision> ParseLinkDecision(std::string_view text);

// One pair proposed by a reconciliation run.
struct LinkProposal {
  std::int64_t left_record_id = 0;
  std::int64_t right_record_id = 0;
  std::int64_t left_record_version = 0;
  std::int64_t right_record_version = 0;
  double probability = 0;
  double match_weight = 0;
  std::string explanation;  // JSON, as the CLI and the web UI show it
  bool auto_accept = false;
};

struct StoredLink {
  std::int64_t id = 0;
  std::string left_list;
  std::string right_list;
  std::int64_t left_record_id = 0;
  std::int64_t right_record_id = 0;
  std::string left_key;  // the lists' own row ids
  std::string right_key;
  double probability = 0;
  double match_weight = 0;
  std::string explanation;
  LinkState state = LinkState::kNeedsReview;
  std::string decided_by;  // the latest decision's actor, if any
};

struct SaveRunOutcome {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;         // undecided links refreshed
  std::int64_t kept_decisions = 0;  // links with a decision: state left alone
  std::int64_t removed = 0;         // undecided links no longer proposed
};

// A past reconciliation run of a pair of lists.
struct ReconcileRun {
  std::int64_t left_version = 0;
  std::int64_t right_version = 0;
  bool incremental = false;
  std::string model;  // the link model's parameters (JSON), reused by incremental runs
  std::string actor;
  std::string created_at;
};

class LinkStore {
 public:
  explicit LinkStore(Database& db) : db_(db) {}

  // Stores a run's proposals for a pair of lists in one transaction (see the contract above).
  // `scope` (incremental runs): only undecided links touching one of these record ids may be
  // withdrawn, since the run did not look at the others; nullptr = every link of the lists.
  [[nodiscard]] Result<SaveRunOutcome> SaveRun(std::string_view left_list,
                                               std::string_view right_list,
                                               const std::vector<LinkProposal>& proposals,
                                               const std::string& now,
                                               const std::set<std::int64_t>* scope = nullptr);
  // The latest run of this pair of lists, if any.
  [[nodiscard]] Result<std::optional<ReconcileRun>> LastRun(std::string_view left_list,
                                                            std::string_view right_list);
  [[nodiscard]] Result<void> RecordRun(std::string_view left_list, std::string_view right_list,
                                       const ReconcileRun& run);
  // Records a decision and moves the link to confirmed / rejected.
  [[nodiscard]] Result<void> Decide(std::int64_t link_id, LinkDecision decision,
                                    const std::string& actor, const std::string& now);
  // Links in a state (all when nullopt), most probable first.
  [[nodiscard]] Result<std::vector<StoredLink>> Links(std::optional<LinkState> state);
  [[nodiscard]] Result<StoredLink> Link(std::int64_t link_id);

 private:
  Database& db_;
};

// The current UTC time as ISO 8601 ("2026-11-25T21:10:00Z").
[[nodiscard]] std::string UtcNow();

}  // namespace parley::store
