#include "store/link_store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <system_error>
#include <utility>

#include "core/try.h"
#include "core/utf8.h"
#include "ledger/keys.h"
#include "store/vouched_rows.h"

namespace parley::store {
namespace {

// SQL: is `record` in the latest version of `list`? (a few index probes). CROSS JOIN fixes the
// join order: from the record's few versions to their memberships; left to itself SQLite scans
// every member of the list version instead (a 100-link page of the review queue cost 5 ms).
std::string ListedSql(std::string_view record, std::string_view list) {
  return "EXISTS (SELECT 1 FROM record_versions rv CROSS JOIN list_members m "
         "ON m.record_version_id = rv.id WHERE rv.record_id = " +
         std::string(record) +
         " AND m.list_version_id = (SELECT v.id FROM list_versions v WHERE v.list_id = " +
         std::string(list) + " ORDER BY v.version DESC LIMIT 1))";
}

// The states in which a link counts as linking its records (a link's `conflicts`).
constexpr std::string_view kLinkingStates = "('auto_accepted','needs_review','confirmed')";

// SQL: the ids of the other links that make `side`'s record of l linked twice: links of the
// same record into the same list on the other side, to another record, in a linking state.
// One probe of links_by_right_record (right) or of the unique (left, right) index (left).
std::string LinkedTwiceSql(std::string_view side, std::string_view other) {
  const std::string s(side);
  const std::string o(other);
  return "(SELECT group_concat(o.id) FROM links o WHERE o." + s + "_record_id = l." + s +
         "_record_id AND o." + o + "_list_id = l." + o +
         "_list_id AND o.id <> l.id AND o.state IN " + std::string(kLinkingStates) + ")";
}

// A link with its latest decision (d, by the index of decisions per link) and its conflicts,
// all in one statement, so that they are read from one state of the workspace.
std::string SelectLinkSql() {
  return "SELECT l.id, ll.name, rl.name, l.left_record_id, l.right_record_id, lp.record_key, "
         "rp.record_key, l.probability, l.match_weight, l.explanation, l.state, "
         "coalesce(d.actor, ''), l.left_record_version, l.right_record_version, " +
         ListedSql("l.left_record_id", "l.left_list_id") + ", " +
         ListedSql("l.right_record_id", "l.right_list_id") +
         ", (SELECT count(*) FROM link_decisions c WHERE c.link_id = l.id), d.decision, "
         "d.decided_at, d.note, d.state_after, " +
         LinkedTwiceSql("right", "left") + ", " + LinkedTwiceSql("left", "right") + R"sql(
FROM links l
JOIN lists ll ON ll.id = l.left_list_id
JOIN lists rl ON rl.id = l.right_list_id
JOIN person_records lp ON lp.id = l.left_record_id
JOIN person_records rp ON rp.id = l.right_record_id
LEFT JOIN link_decisions d
  ON d.id = (SELECT max(x.id) FROM link_decisions x WHERE x.link_id = l.id)
)sql";
}

Result<std::int64_t> ListId(Database& db, std::string_view name) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT id FROM lists WHERE name = ?"));
  st.Bind(1, name);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no list named '" + std::string(name) + "'");
  return st.ColumnInt(0);
}

// "3,1,2" (group_concat's ids, in no promised order) as ascending ids.
std::vector<std::int64_t> IdsOf(const std::string& text) {
  std::vector<std::int64_t> ids;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t comma = text.find(',', at);
    if (comma == std::string::npos) comma = text.size();
    ids.push_back(std::stoll(text.substr(at, comma - at)));
    at = comma + 1;
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Result<StoredLink> ReadLink(Statement& st) {
  StoredLink l;
  l.id = st.ColumnInt(0);
  l.left_list = st.ColumnText(1);
  l.right_list = st.ColumnText(2);
  l.left_record_id = st.ColumnInt(3);
  l.right_record_id = st.ColumnInt(4);
  l.left_key = st.ColumnText(5);
  l.right_key = st.ColumnText(6);
  l.probability = std::stod(st.ColumnText(7));
  l.match_weight = std::stod(st.ColumnText(8));
  l.explanation = st.ColumnText(9);
  PARLEY_ASSIGN_OR_RETURN(l.state, ParseLinkState(st.ColumnText(10)));
  l.decided_by = st.ColumnText(11);
  l.left_record_version = st.ColumnInt(12);
  l.right_record_version = st.ColumnInt(13);
  l.left_listed = st.ColumnInt(14) != 0;
  l.right_listed = st.ColumnInt(15) != 0;
  l.decisions = st.ColumnInt(16);
  if (!st.ColumnIsNull(17)) {
    RecordedDecision d;
    PARLEY_ASSIGN_OR_RETURN(d.decision, ParseLinkDecision(st.ColumnText(17)));
    d.by = l.decided_by;
    d.at = st.ColumnText(18);
    if (!st.ColumnIsNull(19)) d.note = st.ColumnText(19);
    PARLEY_ASSIGN_OR_RETURN(d.state_after, ParseLinkState(st.ColumnText(20)));
    l.last_decision = std::move(d);
  }
  for (auto [column, kind] : {std::pair{21, LinkConflictKind::kRightLinkedTwice},
                              std::pair{22, LinkConflictKind::kLeftLinkedTwice}}) {
    if (st.ColumnIsNull(column)) continue;
    LinkConflict conflict{kind, IdsOf(st.ColumnText(column))};
    l.conflicts.push_back(std::move(conflict));
  }
  return l;
}

// A link's trimmed note: nullopt when empty; kInvalidInput (field note) when it is not UTF-8
// or longer than kMaxDecisionNote characters.
Result<std::optional<std::string>> CheckedNote(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::optional<std::string>{};
  text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);
  auto chars = DecodeUtf8(text);
  if (!chars) {
    return Fail(ErrorCode::kInvalidInput, "the note is not valid UTF-8", {"", 0, 0, "note"});
  }
  if (chars->size() > kMaxDecisionNote) {
    return Fail(ErrorCode::kInvalidInput,
                "the note has " + std::to_string(chars->size()) + " characters; at most " +
                    std::to_string(kMaxDecisionNote) + " are kept",
                {"", 0, 0, "note"});
  }
  return std::optional<std::string>{std::string(text)};
}

}  // namespace

std::string_view LinkStateName(LinkState state) {
  switch (state) {
    case LinkState::kAutoAccepted:
      return "auto_accepted";
    case LinkState::kNeedsReview:
      return "needs_review";
    case LinkState::kConfirmed:
      return "confirmed";
    case LinkState::kRejected:
      return "rejected";
  }
  return "needs_review";
}

Result<LinkState> ParseLinkState(std::string_view text) {
  for (LinkState s : {LinkState::kAutoAccepted, LinkState::kNeedsReview, LinkState::kConfirmed,
                      LinkState::kRejected}) {
    if (LinkStateName(s) == text) return s;
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown link state '" + std::string(text) +
                  "'; use auto_accepted, needs_review, confirmed or rejected");
}

std::string_view LinkDecisionName(LinkDecision decision) {
  switch (decision) {
    case LinkDecision::kAccept:
      return "accept";
    case LinkDecision::kReject:
      return "reject";
    case LinkDecision::kUnsure:
      return "unsure";
    case LinkDecision::kUndo:
      return "undo";
    case LinkDecision::kNote:
      return "note";
  }
  return "note";
}

Result<LinkDecision> ParseLinkDecision(std::string_view text) {
  if (text == "a") return LinkDecision::kAccept;
  if (text == "r") return LinkDecision::kReject;
  for (LinkDecision d : {LinkDecision::kAccept, LinkDecision::kReject, LinkDecision::kUnsure,
                         LinkDecision::kUndo, LinkDecision::kNote}) {
    if (LinkDecisionName(d) == text) return d;
  }
  return Fail(ErrorCode::kInvalidInput, "unknown decision '" + std::string(text) +
                                            "'; use accept, reject, unsure, undo or note");
}

std::string_view LinkConflictName(LinkConflictKind kind) {
  return kind == LinkConflictKind::kRightLinkedTwice ? "right_linked_twice" : "left_linked_twice";
}

Result<SaveRunOutcome> LinkStore::SaveRun(std::string_view left_list, std::string_view right_list,
                                          const std::vector<LinkProposal>& proposals,
                                          const ReconcileRun& run, const Actor& actor,
                                          const std::set<std::int64_t>* scope) {
  PARLEY_ASSIGN_OR_RETURN(const std::int64_t left_id, ListId(db_, left_list));
  PARLEY_ASSIGN_OR_RETURN(const std::int64_t right_id, ListId(db_, right_list));
  const std::string& now = run.created_at;
  LoggedTransaction tx(ws_);
  PARLEY_TRY(tx.Begin());
  SaveRunOutcome out;
  PARLEY_ASSIGN_OR_RETURN(
      Statement find,
      db_.Prepare(
          "SELECT id, EXISTS (SELECT 1 FROM link_decisions d WHERE d.link_id = links.id), "
          "probability, state FROM links WHERE left_record_id = ? AND right_record_id = ?"));
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO links(left_list_id, right_list_id, left_record_id, "
                  "right_record_id, left_record_version, right_record_version, probability, "
                  "match_weight, explanation, state, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  PARLEY_ASSIGN_OR_RETURN(
      Statement refresh,
      db_.Prepare("UPDATE links SET left_record_version = ?, right_record_version = ?, "
                  "probability = ?, match_weight = ?, explanation = ?, updated_at = ?, "
                  "state = CASE WHEN ? THEN state ELSE ? END WHERE id = ?"));
  std::set<std::int64_t> proposed;
  for (const LinkProposal& p : proposals) {
    const std::string state(
        LinkStateName(p.auto_accept ? LinkState::kAutoAccepted : LinkState::kNeedsReview));
    find.Reset();
    find.Bind(1, p.left_record_id);
    find.Bind(2, p.right_record_id);
    PARLEY_ASSIGN_OR_RETURN(bool exists, find.Step());
    char probability[32];
    char weight[32];
    std::snprintf(probability, sizeof probability, "%.6f", p.probability);
    std::snprintf(weight, sizeof weight, "%.3f", p.match_weight);
    if (!exists) {
      insert.Bind(1, left_id);
      insert.Bind(2, right_id);
      insert.Bind(3, p.left_record_id);
      insert.Bind(4, p.right_record_id);
      insert.Bind(5, p.left_record_version);
      insert.Bind(6, p.right_record_version);
      insert.Bind(7, std::string_view(probability));
      insert.Bind(8, std::string_view(weight));
      insert.Bind(9, p.explanation);
      insert.Bind(10, state);
      insert.Bind(11, now);
      insert.Bind(12, now);
      PARLEY_TRY(insert.Run());
      proposed.insert(db_.LastInsertId());
      ++out.inserted;
      continue;
    }
    const std::int64_t id = find.ColumnInt(0);
    const bool decided = find.ColumnInt(1) != 0;
    const bool differs = std::abs(std::stod(find.ColumnText(2)) - std::stod(probability)) > 5e-7 ||
                         (!decided && find.ColumnText(3) != state);
    proposed.insert(id);
    refresh.Bind(1, p.left_record_version);
    refresh.Bind(2, p.right_record_version);
    refresh.Bind(3, std::string_view(probability));
    refresh.Bind(4, std::string_view(weight));
    refresh.Bind(5, p.explanation);
    refresh.Bind(6, now);
    refresh.Bind(7, std::int64_t{decided ? 1 : 0});
    refresh.Bind(8, state);
    refresh.Bind(9, id);
    PARLEY_TRY(refresh.Run());
    ++(decided ? out.kept_decisions : out.updated);
    if (!decided && differs) ++out.changed;
  }
  PARLEY_ASSIGN_OR_RETURN(out.removed, WithdrawStale(left_id, right_id, proposed, scope));
  PARLEY_TRY(RecordRun(left_id, right_id, run));
  if (out.inserted + out.changed + out.removed > 0) {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json states, CountsByState(left_id, right_id));
    PARLEY_TRY(tx.Append(actor, "reconcile.run",
                         {{"left_list", std::string(left_list)},
                          {"right_list", std::string(right_list)},
                          {"left_version", run.left_version},
                          {"right_version", run.right_version},
                          {"incremental", run.incremental},
                          {"inserted", out.inserted},
                          {"changed", out.changed},
                          {"removed", out.removed},
                          {"kept_decisions", out.kept_decisions},
                          {"links_by_state", std::move(states)}}));
    out.event_appended = true;
  }
  // A run that changed nothing is still recorded (RecordRun) but appends no event, and so
  // signs no checkpoint.
  PARLEY_TRY(tx.Commit());
  // Fresh statistics let SQLite read a review-queue page from links_in_queue_order instead of
  // sorting every link (27 us instead of 630 us for a 2,000-link queue); sampled, so cheap.
  PARLEY_TRY(db_.Exec("PRAGMA analysis_limit = 1000; ANALYZE links"));
  return out;
}

// Undecided links of these lists that this run no longer proposes (within its scope), or
// whose record has left the latest version of its list, are withdrawn.
Result<std::int64_t> LinkStore::WithdrawStale(std::int64_t left_id, std::int64_t right_id,
                                              const std::set<std::int64_t>& proposed,
                                              const std::set<std::int64_t>* scope) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement stale,
      db_.Prepare("SELECT l.id, l.left_record_id, l.right_record_id, " +
                  ListedSql("l.left_record_id", "l.left_list_id") + " AND " +
                  ListedSql("l.right_record_id", "l.right_list_id") +
                  " FROM links l WHERE l.left_list_id = ? AND l.right_list_id = ? AND NOT "
                  "EXISTS (SELECT 1 FROM link_decisions d WHERE d.link_id = l.id)"));
  stale.Bind(1, left_id);
  stale.Bind(2, right_id);
  std::vector<std::int64_t> withdraw;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, stale.Step());
    if (!row) break;
    const bool in_scope = scope == nullptr || scope->contains(stale.ColumnInt(1)) ||
                          scope->contains(stale.ColumnInt(2));
    const bool listed = stale.ColumnInt(3) != 0;
    if (!listed || (in_scope && !proposed.contains(stale.ColumnInt(0)))) {
      withdraw.push_back(stale.ColumnInt(0));
    }
  }
  PARLEY_ASSIGN_OR_RETURN(Statement remove, db_.Prepare("DELETE FROM links WHERE id = ?"));
  for (std::int64_t id : withdraw) {
    remove.Bind(1, id);
    PARLEY_TRY(remove.Run());
  }
  return static_cast<std::int64_t>(withdraw.size());
}

Result<nlohmann::json> LinkStore::CountsByState(std::int64_t left_id, std::int64_t right_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("SELECT state, count(*) FROM links WHERE left_list_id = ? "
                                      "AND right_list_id = ? GROUP BY state ORDER BY state"));
  st.Bind(1, left_id);
  st.Bind(2, right_id);
  nlohmann::json counts = nlohmann::json::object();
  for (LinkState s : {LinkState::kAutoAccepted, LinkState::kNeedsReview, LinkState::kConfirmed,
                      LinkState::kRejected}) {
    counts[std::string(LinkStateName(s))] = 0;
  }
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    counts[st.ColumnText(0)] = st.ColumnInt(1);
  }
  return counts;
}

Result<std::optional<ReconcileRun>> LinkStore::LastRun(std::string_view left_list,
                                                       std::string_view right_list) {
  PARLEY_ASSIGN_OR_RETURN(const std::int64_t left_id, ListId(db_, left_list));
  PARLEY_ASSIGN_OR_RETURN(const std::int64_t right_id, ListId(db_, right_list));
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("SELECT left_version, right_version, incremental, model, actor, created_at "
                  "FROM reconcile_runs WHERE left_list_id = ? AND right_list_id = ? "
                  "ORDER BY id DESC LIMIT 1"));
  st.Bind(1, left_id);
  st.Bind(2, right_id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<ReconcileRun>();
  return ReconcileRun{st.ColumnInt(0),  st.ColumnInt(1),  st.ColumnInt(2) != 0,
                      st.ColumnText(3), st.ColumnText(4), st.ColumnText(5)};
}

Result<void> LinkStore::RecordRun(std::int64_t left_id, std::int64_t right_id,
                                  const ReconcileRun& run) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("INSERT INTO reconcile_runs(left_list_id, right_list_id, left_version, "
                  "right_version, incremental, model, actor, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, left_id);
  st.Bind(2, right_id);
  st.Bind(3, run.left_version);
  st.Bind(4, run.right_version);
  st.Bind(5, std::int64_t{run.incremental ? 1 : 0});
  st.Bind(6, run.model);
  st.Bind(7, run.actor);
  st.Bind(8, run.created_at);
  return st.Run();
}

namespace {

// Where a decision takes a link: the state after it and, for an undo, the decision it reverts.
struct Transition {
  LinkState after = LinkState::kNeedsReview;
  std::optional<std::int64_t> undoes;  // the reverted decision's row id
  std::int64_t undoes_version = 0;     // ... and the link's version it made
};

Transition To(LinkState after) {
  Transition t;
  t.after = after;
  return t;
}

std::string LinkName(std::int64_t link_id) { return "link " + std::to_string(link_id); }

// The latest decision on the link is reverted by an undo: the state goes back to the one
// before it. Nothing to undo, or an undo as the latest decision, is a conflict.
Result<Transition> UndoTransition(Database& db, const StoredLink& link) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT id, decision, state_before FROM link_decisions "
                                     "WHERE link_id = ? ORDER BY id DESC LIMIT 1"));
  st.Bind(1, link.id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    return Fail(ErrorCode::kConflict, LinkName(link.id) + " has no decision to undo",
                {"", 0, 0, "decision"});
  }
  if (st.ColumnText(1) == LinkDecisionName(LinkDecision::kUndo)) {
    return Fail(ErrorCode::kConflict,
                "the latest decision on " + LinkName(link.id) +
                    " is an undo, and an undo is not undone: record the decision you want",
                {"", 0, 0, "decision"});
  }
  Transition t;
  PARLEY_ASSIGN_OR_RETURN(t.after, ParseLinkState(st.ColumnText(2)));
  t.undoes = st.ColumnInt(0);
  t.undoes_version = link.decisions;
  return t;
}

Result<Transition> TransitionOf(Database& db, const StoredLink& link, LinkDecision decision) {
  switch (decision) {
    case LinkDecision::kAccept:
      return To(LinkState::kConfirmed);
    case LinkDecision::kReject:
      return To(LinkState::kRejected);
    case LinkDecision::kUnsure:
      if (link.state != LinkState::kNeedsReview) {
        return Fail(ErrorCode::kConflict,
                    LinkName(link.id) + " is " + std::string(LinkStateName(link.state)) +
                        "; unsure is for a link that needs review (needs_review)",
                    {"", 0, 0, "decision"});
      }
      return To(LinkState::kNeedsReview);
    case LinkDecision::kNote:
      return To(link.state);
    case LinkDecision::kUndo:
      return UndoTransition(db, link);
  }
  return Fail(ErrorCode::kInternal, "unknown decision");
}

}  // namespace

Result<std::int64_t> LinkStore::Decide(std::int64_t link_id, LinkDecision decision,
                                       const Actor& actor, const std::string& now,
                                       std::optional<std::int64_t> expected_version,
                                       std::string_view note_text) {
  // The trail names whoever signs: the key's name when the analyst brought a key.
  const std::string& who = actor.key != nullptr ? actor.key->Name() : actor.name;
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> note, CheckedNote(note_text));
  if (decision == LinkDecision::kNote && !note) {
    return Fail(ErrorCode::kInvalidInput, "a note decision needs a note", {"", 0, 0, "note"});
  }
  LoggedTransaction tx(ws_);
  PARLEY_TRY(tx.Begin());
  auto link = Link(link_id);
  if (!link) {
    return Fail(ErrorCode::kNotFound, "no link with id " + std::to_string(link_id) +
                                          "; `parley review --list` shows the queue");
  }
  if (expected_version && *expected_version != link->decisions) {
    return Fail(ErrorCode::kConflict,
                "link " + std::to_string(link_id) + " is at version " +
                    std::to_string(link->decisions) + ", not " + std::to_string(*expected_version) +
                    ": someone decided it since you read it; read it again and decide again",
                {"", 0, 0, "expected_version"});
  }
  PARLEY_ASSIGN_OR_RETURN(Transition t, TransitionOf(db_, *link, decision));
  const std::string_view decision_name = LinkDecisionName(decision);
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO link_decisions(link_id, decision, actor, decided_at, note, "
                  "state_before, state_after, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, link_id);
  insert.Bind(2, decision_name);
  insert.Bind(3, who);
  insert.Bind(4, now);
  if (note) {
    insert.Bind(5, *note);
  } else {
    insert.BindNull(5);
  }
  insert.Bind(6, LinkStateName(link->state));
  insert.Bind(7, LinkStateName(t.after));
  if (t.undoes) {
    insert.Bind(8, *t.undoes);
  } else {
    insert.BindNull(8);
  }
  PARLEY_TRY(insert.Run());
  PARLEY_ASSIGN_OR_RETURN(Statement update,
                          db_.Prepare("UPDATE links SET state = ?, updated_at = ? WHERE id = ?"));
  update.Bind(1, LinkStateName(t.after));
  update.Bind(2, now);
  update.Bind(3, link_id);
  PARLEY_TRY(update.Run());
  // The body of an accept or reject without a note is what it was before unsure, undo and
  // notes existed; the note's text is never in it (it may name people).
  nlohmann::json body = {{"link", link_id},
                         {"left_list", link->left_list},
                         {"right_list", link->right_list},
                         {"left_record", link->left_record_id},
                         {"right_record", link->right_record_id},
                         {"left_record_version", link->left_record_version},
                         {"right_record_version", link->right_record_version},
                         {"decision", std::string(decision_name)},
                         {"state", std::string(LinkStateName(t.after))},
                         {"probability", link->probability}};
  if (note) {
    body["with_note"] = true;
    // The note may name people: a salted commitment, so `verify --workspace` can check it.
    PARLEY_ASSIGN_OR_RETURN(
        body["note_commitment"],
        TextCommitment(tx.Log(), "link_decisions", link_id, link->decisions + 1, "note", *note));
  }
  if (t.undoes) body["undoes"] = t.undoes_version;
  PARLEY_TRY(tx.Commit(actor, "link.decided", std::move(body)));
  return link->decisions + 1;
}

Result<std::vector<RecordedDecision>> LinkStore::Decisions(std::int64_t link_id) {
  // One statement: the link's existence and its decisions are read together.
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("SELECT d.decision, d.actor, d.decided_at, d.note, d.state_after FROM links l "
                  "LEFT JOIN link_decisions d ON d.link_id = l.id WHERE l.id = ? ORDER BY d.id"));
  st.Bind(1, link_id);
  bool found = false;
  std::vector<RecordedDecision> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    found = true;
    if (st.ColumnIsNull(0)) continue;  // the link, never decided
    RecordedDecision d;
    PARLEY_ASSIGN_OR_RETURN(d.decision, ParseLinkDecision(st.ColumnText(0)));
    d.by = st.ColumnText(1);
    d.at = st.ColumnText(2);
    if (!st.ColumnIsNull(3)) d.note = st.ColumnText(3);
    PARLEY_ASSIGN_OR_RETURN(d.state_after, ParseLinkState(st.ColumnText(4)));
    out.push_back(std::move(d));
  }
  if (!found) return Fail(ErrorCode::kNotFound, "no link with id " + std::to_string(link_id));
  return out;
}

Result<std::vector<StoredLink>> LinkStore::Links(std::optional<LinkState> state) {
  LinkQuery query;
  query.state = state;
  PARLEY_ASSIGN_OR_RETURN(LinkPage page, Query(query));
  return std::move(page.links);
}

namespace {

// The WHERE clause of a LinkQuery and its text parameters, in order.
struct LinkFilter {
  std::string where;
  std::vector<std::string> params;
};

// Lists are matched by id (the names resolved in a subquery), so the count reads only the
// links_by_lists index and a page walks links_in_queue_order, never the links' rows.
LinkFilter FilterOf(const LinkQuery& q) {
  LinkFilter f;
  auto add = [&f](const std::string& condition) {
    f.where += (f.where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (!q.left_list.empty()) {
    add("l.left_list_id = (SELECT id FROM lists WHERE name = ?)");
    f.params.push_back(q.left_list);
  }
  if (!q.right_list.empty()) {
    add("l.right_list_id = (SELECT id FROM lists WHERE name = ?)");
    f.params.push_back(q.right_list);
  }
  if (q.visible_lists) {
    if (q.visible_lists->empty()) {
      add("0");
    } else {
      std::string marks;
      for (std::size_t i = 0; i < q.visible_lists->size(); ++i) marks += i == 0 ? "?" : ",?";
      add("l.left_list_id IN (SELECT id FROM lists WHERE name IN (" + marks +
          ")) AND l.right_list_id IN (SELECT id FROM lists WHERE name IN (" + marks + "))");
      for (int side = 0; side < 2; ++side) {
        f.params.insert(f.params.end(), q.visible_lists->begin(), q.visible_lists->end());
      }
    }
  }
  if (q.state) {
    add("l.state = ?");
    f.params.emplace_back(LinkStateName(*q.state));
  }
  // Bound as text, so written with every digit a double has: the band's edge is exact.
  auto number = [](double value) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    return std::string(text, ec == std::errc() ? end : text);
  };
  if (q.min_probability) {
    add("l.probability >= CAST(? AS REAL)");
    f.params.push_back(number(*q.min_probability));
  }
  if (q.max_probability) {
    add("l.probability < CAST(? AS REAL)");
    f.params.push_back(number(*q.max_probability));
  }
  return f;
}

void BindAll(Statement& st, const std::vector<std::string>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) st.Bind(static_cast<int>(i + 1), params[i]);
}

}  // namespace

Result<std::optional<LinkOwners>> OwnersOfLink(Workspace& ws, std::int64_t link_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare(
          "SELECT ll.id, ll.name, ls.name, rl.id, rl.name, rs.name FROM links k "
          "JOIN lists ll ON ll.id = k.left_list_id JOIN sides ls ON ls.id = ll.side_id "
          "JOIN lists rl ON rl.id = k.right_list_id JOIN sides rs ON rs.id = rl.side_id "
          "WHERE k.id = ?"));
  st.Bind(1, link_id);
  return ReadFirstRow(st, [](const Statement& row) {
    return LinkOwners{{row.ColumnInt(0), row.ColumnText(1), row.ColumnText(2)},
                      {row.ColumnInt(3), row.ColumnText(4), row.ColumnText(5)}};
  });
}

Result<std::int64_t> ReviewQueueGeneration(Workspace& ws) { return ReviewQueueGeneration(ws.db()); }

Result<std::int64_t> ReviewQueueGeneration(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT generation FROM review_generation WHERE id = 1"));
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kCorruption, "the review_generation row is missing");
  return st.ColumnInt(0);
}

Result<LinkPage> LinkStore::Query(const LinkQuery& query) {
  const LinkFilter filter = FilterOf(query);
  LinkPage page;
  PARLEY_ASSIGN_OR_RETURN(Statement count,
                          db_.Prepare("SELECT COUNT(*) FROM links l" + filter.where));
  BindAll(count, filter.params);
  PARLEY_ASSIGN_OR_RETURN(bool counted, count.Step());
  page.total = counted ? count.ColumnInt(0) : 0;
  // The page's ids are chosen first, on the cheap columns: sorting the full rows would compute
  // the per-row subqueries (latest decision, still listed) and carry the explanations for every
  // link of the workspace, not just the page (140 instead of thousands of pages a second).
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare(SelectLinkSql() + " WHERE l.id IN (SELECT l.id FROM links l" + filter.where +
                  " ORDER BY l.probability DESC, l.id LIMIT ? OFFSET ?)"
                  " ORDER BY l.probability DESC, l.id"));
  BindAll(st, filter.params);
  const int next = static_cast<int>(filter.params.size()) + 1;
  st.Bind(next, query.limit);
  st.Bind(next + 1, query.offset);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    PARLEY_ASSIGN_OR_RETURN(StoredLink l, ReadLink(st));
    page.links.push_back(std::move(l));
  }
  return page;
}

Result<StoredLink> LinkStore::Link(std::int64_t link_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db_.Prepare(SelectLinkSql() + " WHERE l.id = ?"));
  st.Bind(1, link_id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no link with id " + std::to_string(link_id));
  return ReadLink(st);
}

}  // namespace parley::store
