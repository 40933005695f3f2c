#include "store/link_store.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "core/try.h"
#include "ledger/keys.h"

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

std::string SelectLinkSql() {
  return "SELECT l.id, ll.name, rl.name, l.left_record_id, l.right_record_id, lp.record_key, "
         "rp.record_key, l.probability, l.match_weight, l.explanation, l.state, "
         "coalesce((SELECT actor FROM link_decisions d WHERE d.link_id = l.id "
         "ORDER BY d.id DESC LIMIT 1), ''), l.left_record_version, l.right_record_version, " +
         ListedSql("l.left_record_id", "l.left_list_id") + ", " +
         ListedSql("l.right_record_id", "l.right_list_id") +
         ", (SELECT count(*) FROM link_decisions d WHERE d.link_id = l.id)" + R"sql(
FROM links l
JOIN lists ll ON ll.id = l.left_list_id
JOIN lists rl ON rl.id = l.right_list_id
JOIN person_records lp ON lp.id = l.left_record_id
JOIN person_records rp ON rp.id = l.right_record_id
)sql";
}

Result<std::int64_t> ListId(Database& db, std::string_view name) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT id FROM lists WHERE name = ?"));
  st.Bind(1, name);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no list named '" + std::string(name) + "'");
  return st.ColumnInt(0);
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
  return l;
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

Result<LinkDecision> ParseLinkDecision(std::string_view text) {
  if (text == "accept" || text == "a") return LinkDecision::kAccept;
  if (text == "reject" || text == "r") return LinkDecision::kReject;
  return Fail(ErrorCode::kInvalidInput,
              "unknown decision '" + std::string(text) + "'; use accept or reject");
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

Result<std::int64_t> LinkStore::Decide(std::int64_t link_id, LinkDecision decision,
                                       const Actor& actor, const std::string& now,
                                       std::optional<std::int64_t> expected_version) {
  // The trail names whoever signs: the key's name when the analyst brought a key.
  const std::string& who = actor.key != nullptr ? actor.key->Name() : actor.name;
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
  const std::string_view decision_name = decision == LinkDecision::kAccept ? "accept" : "reject";
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO link_decisions(link_id, decision, actor, decided_at) "
                  "VALUES (?, ?, ?, ?)"));
  insert.Bind(1, link_id);
  insert.Bind(2, decision_name);
  insert.Bind(3, who);
  insert.Bind(4, now);
  PARLEY_TRY(insert.Run());
  const LinkState state =
      decision == LinkDecision::kAccept ? LinkState::kConfirmed : LinkState::kRejected;
  PARLEY_ASSIGN_OR_RETURN(Statement update,
                          db_.Prepare("UPDATE links SET state = ?, updated_at = ? WHERE id = ?"));
  update.Bind(1, LinkStateName(state));
  update.Bind(2, now);
  update.Bind(3, link_id);
  PARLEY_TRY(update.Run());
  PARLEY_TRY(tx.Commit(actor, "link.decided",
                       {{"link", link_id},
                        {"left_list", link->left_list},
                        {"right_list", link->right_list},
                        {"left_record", link->left_record_id},
                        {"right_record", link->right_record_id},
                        {"left_record_version", link->left_record_version},
                        {"right_record_version", link->right_record_version},
                        {"decision", std::string(decision_name)},
                        {"state", std::string(LinkStateName(state))},
                        {"probability", link->probability}}));
  return link->decisions + 1;
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
