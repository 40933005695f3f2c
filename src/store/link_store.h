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
// Decisions: accept and reject set the state (confirmed, rejected); unsure records that the
// reviewer looked and could not decide (only on a needs_review link, which stays so); undo
// reverts the link's latest decision, restoring the state before it (an undo itself is not
// undone); note adds a note and changes nothing else. Any decision may carry a note (trimmed,
// at most 2,000 characters). Every one is a new row: the history is never rewritten, and the
// link's version is its number of decisions.
//
// Every change is in the signed record (store/event_log.h), in the change's own transaction:
// a decision appends `link.decided`; a run that changes links appends `reconcile.run`. Event
// bodies carry ids, versions, counts and the probability, never names and never a note's text
// (`with_note` says there was one; an undo's `undoes` is the version it reverted). The actor is
// the deciding user (with their own key when they brought one).
//
// A link's conflicts are computed with it, in the statement that reads it (a page of the
// review queue reads them for all its links at once, by index): right_linked_twice when its
// right record has another link into the same left list, to another left record, that is
// confirmed, auto_accepted or needs_review; left_linked_twice the other way round.
//
// Records that leave a list: an undecided link whose record is not in the latest version of
// its list is withdrawn by the next run (whatever its incremental scope); a decided link stays,
// and StoredLink::left_listed / right_listed say that its record is no longer listed.
//
// Callers: the CLI (`parley reconcile`, `parley review`) and the HTTP API, hence here in
// src/store and not in the CLI.
//
//   LinkStore links(ws);
//   PARLEY_TRY(links.SaveRun(left_list, right_list, proposals, run, {"analyst1"}));
//   PARLEY_TRY(links.Decide(42, LinkDecision::kReject, {"analyst1"}, now));
//   PARLEY_TRY(links.Decide(42, LinkDecision::kUndo, {"analyst2"}, now, 1, "wrong pair"));
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"  // UtcNow: a decision's decided_at
#include "core/error.h"
#include "store/event_log.h"
#include "store/shares.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::store {

enum class LinkState { kAutoAccepted, kNeedsReview, kConfirmed, kRejected };
enum class LinkDecision { kAccept, kReject, kUnsure, kUndo, kNote };

// The longest note a decision keeps, in characters (Unicode code points), after trimming.
inline constexpr std::size_t kMaxDecisionNote = 2000;

[[nodiscard]] std::string_view LinkStateName(LinkState state);
[[nodiscard]] Result<LinkState> ParseLinkState(std::string_view text);
[[nodiscard]] std::string_view LinkDecisionName(LinkDecision decision);
// accept, reject, unsure, undo, note; also "a" and "r" (the review queue's keys).
[[nodiscard]] Result<LinkDecision> ParseLinkDecision(std::string_view text);

// One recorded decision on a link.
struct RecordedDecision {
  LinkDecision decision = LinkDecision::kAccept;
  std::string by;  // the actor (the key's name when they signed with their own key)
  std::string at;
  std::optional<std::string> note;
  LinkState state_after = LinkState::kNeedsReview;
};

enum class LinkConflictKind { kRightLinkedTwice, kLeftLinkedTwice };
[[nodiscard]] std::string_view LinkConflictName(LinkConflictKind kind);

// The other links (ids, ascending) that make a link's record linked twice (see above).
struct LinkConflict {
  LinkConflictKind kind = LinkConflictKind::kRightLinkedTwice;
  std::vector<std::int64_t> links;
};

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
  std::string decided_by;                // the latest decision's actor, if any
  std::int64_t left_record_version = 0;  // the versions the link was scored on
  std::int64_t right_record_version = 0;
  // False when the record is not in the latest version of its list (a decided link outlives
  // its record's removal; an undecided one is withdrawn by the next run).
  bool left_listed = true;
  bool right_listed = true;
  // How many decisions it has had: the link's version for optimistic updates (the API's 409).
  std::int64_t decisions = 0;
  std::optional<RecordedDecision> last_decision;  // nullopt: never decided
  std::vector<LinkConflict> conflicts;            // right_linked_twice first, if any
};

struct SaveRunOutcome {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;         // undecided links refreshed
  std::int64_t changed = 0;         // of those, how many changed probability or state
  std::int64_t kept_decisions = 0;  // links with a decision: state left alone
  std::int64_t removed = 0;         // undecided links no longer proposed, or of removed records
  bool event_appended = false;      // the run changed links, so `reconcile.run` was appended
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

// Which links to read (LinkStore::Query): every filter is applied in SQL, so a page of the
// review queue costs a page of rows, not the workspace's links.
struct LinkQuery {
  std::optional<LinkState> state;  // nullopt: every state
  std::string left_list;           // empty: any
  std::string right_list;          // empty: any
  // When set, only links whose two lists are both in it (a caller's visible lists; an empty
  // set sees nothing).
  std::optional<std::set<std::string>> visible_lists;
  // A probability band: min_probability <= p < max_probability (each unset: unbounded).
  std::optional<double> min_probability;
  std::optional<double> max_probability;
  std::int64_t offset = 0;
  std::int64_t limit = -1;  // -1: no limit
};

struct LinkPage {
  std::int64_t total = 0;  // links matching the filters, ignoring offset and limit
  std::vector<StoredLink> links;
};

// The review-queue counter (migration 8): it changes whenever a write commits that can change a
// page of the queue (server/caches/review_page_cache.h).
[[nodiscard]] Result<std::int64_t> ReviewQueueGeneration(Database& db);
[[nodiscard]] Result<std::int64_t> ReviewQueueGeneration(Workspace& ws);

// The two lists a link joins, for authorisation (store/shares.h).
struct LinkOwners {
  ListOwner left;
  ListOwner right;
};
// nullopt when there is no link with this ID.
[[nodiscard]] Result<std::optional<LinkOwners>> OwnersOfLink(Workspace& ws, std::int64_t link_id);

class LinkStore {
 public:
  explicit LinkStore(Workspace& ws) : ws_(ws), db_(ws.db()) {}

  // Stores a run's proposals for a pair of lists and records the run (`run`, whose
  // created_at is the time of every row written), in one transaction with its
  // `reconcile.run` event when links changed (see the contract above). `scope` (incremental
  // runs): only undecided links touching one of these record ids may be withdrawn for not
  // being proposed, since the run did not look at the others; nullptr = every link of the
  // lists. Links of records no longer listed are withdrawn whatever the scope.
  [[nodiscard]] Result<SaveRunOutcome> SaveRun(std::string_view left_list,
                                               std::string_view right_list,
                                               const std::vector<LinkProposal>& proposals,
                                               const ReconcileRun& run, const Actor& actor,
                                               const std::set<std::int64_t>* scope = nullptr);
  // The latest run of this pair of lists, if any.
  [[nodiscard]] Result<std::optional<ReconcileRun>> LastRun(std::string_view left_list,
                                                            std::string_view right_list);
  // Records a decision, moves the link to the state it leads to and appends `link.decided`,
  // in one transaction. The trail's actor is actor.name, or the key's name when it has one.
  // With `expected_version` (the link's decision count as the caller read it), a link decided
  // meanwhile is kConflict (field expected_version) and nothing is written: the check runs
  // inside the write transaction, so it holds against every process writing the workspace.
  // `note` is trimmed; empty is none. Refused, writing nothing: a note longer than
  // kMaxDecisionNote or not UTF-8, or a `note` decision without one (kInvalidInput, field note);
  // unsure on a link not in needs_review, undo with nothing to undo or of an undo (kConflict,
  // field decision). Returns the link's new version.
  [[nodiscard]] Result<std::int64_t> Decide(
      std::int64_t link_id, LinkDecision decision, const Actor& actor, const std::string& now,
      std::optional<std::int64_t> expected_version = std::nullopt, std::string_view note = {});
  // Every decision on the link, oldest first (kNotFound when there is no such link).
  [[nodiscard]] Result<std::vector<RecordedDecision>> Decisions(std::int64_t link_id);
  // Links in a state (all when nullopt), most probable first.
  [[nodiscard]] Result<std::vector<StoredLink>> Links(std::optional<LinkState> state);
  // The links matching `query`, most probable first, and how many match in all.
  [[nodiscard]] Result<LinkPage> Query(const LinkQuery& query);
  [[nodiscard]] Result<StoredLink> Link(std::int64_t link_id);

 private:
  [[nodiscard]] Result<void> RecordRun(std::int64_t left_id, std::int64_t right_id,
                                       const ReconcileRun& run);
  [[nodiscard]] Result<nlohmann::json> CountsByState(std::int64_t left_id, std::int64_t right_id);
  [[nodiscard]] Result<std::int64_t> WithdrawStale(std::int64_t left_id, std::int64_t right_id,
                                                   const std::set<std::int64_t>& proposed,
                                                   const std::set<std::int64_t>* scope);

  Workspace& ws_;
  Database& db_;
};

}  // namespace parley::store
