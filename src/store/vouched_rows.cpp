#include "store/vouched_rows.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/sha256.h"
#include "core/try.h"
#include "ledger/encoding.h"
#include "ledger/event.h"
#include "ledger/field_commitment.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

using nlohmann::json;

// The node's own log, decoded once, indexed by what each kind of event is about.
struct EventIndex {
  std::vector<ledger::Event> events;  // by seq
  std::map<std::pair<std::string, std::int64_t>, std::uint64_t> list_submitted;
  std::map<std::pair<std::string, std::int64_t>, std::uint64_t> list_received;
  std::map<std::pair<std::string, std::int64_t>, std::uint64_t> agreement_added;
  std::map<std::int64_t, std::uint64_t> plan_created;
  std::set<std::int64_t> plan_superseded;  // plans a counter or repair replaced
  std::map<std::int64_t, std::vector<std::uint64_t>> link_decided;  // in seq order
  std::map<std::pair<std::int64_t, std::int64_t>, std::uint64_t> interviews;
  std::map<std::pair<std::int64_t, std::int64_t>, std::uint64_t> handovers;
  std::set<std::uint64_t> claimed;  // approval and signature events a row points to
};

std::string Text(const json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::int64_t Int(const json& body, const char* key, std::int64_t absent = -1) {
  const auto it = body.find(key);
  return it != body.end() && it->is_number_integer() ? it->get<std::int64_t>() : absent;
}

bool IsPlanCreation(std::string_view type) {
  return type == "plan.proposed" || type == "plan.countered" || type == "plan.repaired";
}

Result<EventIndex> IndexEvents(EventLog& log) {
  EventIndex out;
  constexpr std::uint64_t kBatch = 4096;
  const std::uint64_t size = log.Size();
  out.events.reserve(size);
  for (std::uint64_t begin = 0; begin < size; begin += kBatch) {
    PARLEY_ASSIGN_OR_RETURN(auto leaves,
                            log.Log().Storage().Read(begin, std::min(kBatch, size - begin)));
    for (const auto& leaf : leaves) {
      const std::string_view data = leaf;
      PARLEY_ASSIGN_OR_RETURN(ledger::Event e,
                              ledger::ParseCanonicalEvent(data.substr(0, data.find('\0'))));
      out.events.push_back(std::move(e));
    }
  }
  for (const ledger::Event& e : out.events) {
    const json& b = e.body;
    if (e.type == "list.version_submitted") {
      out.list_submitted[{Text(b, "list"), Int(b, "version")}] = e.seq;
    } else if (e.type == "list.version_received") {
      out.list_received[{Text(b, "list"), Int(b, "version")}] = e.seq;
    } else if (e.type == "agreement.added") {
      out.agreement_added[{Text(b, "agreement"), Int(b, "version")}] = e.seq;
    } else if (IsPlanCreation(e.type)) {
      out.plan_created[Int(b, "plan")] = e.seq;
      if (Int(b, "parent", 0) > 0) out.plan_superseded.insert(Int(b, "parent"));
    } else if (e.type == "link.decided") {
      out.link_decided[Int(b, "link")].push_back(e.seq);
    } else if (e.type == "interview.recorded") {
      out.interviews[{Int(b, "record_id"), Int(b, "version")}] = e.seq;
    } else if (e.type == "handover.recorded") {
      out.handovers[{Int(b, "record_id"), Int(b, "seq")}] = e.seq;
    }
  }
  return out;
}

// Collects problems and counts for one table.
class TableCheck {
 public:
  TableCheck(VouchedRowsReport& report, std::string table)
      : report_(report), table_(std::move(table)) {}
  ~TableCheck() { report_.tables.push_back({table_, rows_}); }
  TableCheck(const TableCheck&) = delete;
  TableCheck& operator=(const TableCheck&) = delete;

  void Row() { ++rows_; }
  void Problem(const std::string& row, const std::string& what) {
    report_.problems.push_back(table_ + " " + row + ": " + what);
  }
  // The stored value against the event's; names the field, both values and the event.
  void Compare(const std::string& row, std::string_view field, const std::string& stored,
               const std::string& signed_value, const ledger::Event& e) {
    if (stored == signed_value) return;
    Problem(row, std::string(field) + " is '" + stored + "' but the " + e.type + " event (seq " +
                     std::to_string(e.seq) + ") signed '" + signed_value + "'");
  }
  // The same for a value the event must not show (notes): names only the field.
  void CompareHidden(const std::string& row, std::string_view field, bool same,
                     const ledger::Event& e) {
    if (same) return;
    Problem(row, std::string(field) + " is not what the " + e.type + " event (seq " +
                     std::to_string(e.seq) + ") committed to");
  }
  // A row an event records that the database no longer holds.
  void Gone(const std::string& row, std::string_view event_type, std::uint64_t seq) {
    Problem(row, "the " + std::string(event_type) + " event seq " + std::to_string(seq) +
                     " records it, but the database no longer holds it");
  }
  // A field that events of this version carry, and older ones do not.
  bool Carries(const ledger::Event& e, const char* key) {
    if (e.body.contains(key)) return true;
    ++unproved_[key];
    return false;
  }
  void Unproved() {
    for (const auto& [field, count] : unproved_) {
      report_.unproved.push_back(table_ + "." + field + ": " + std::to_string(count) +
                                 " row(s) from events made before they carried it");
    }
  }

 private:
  VouchedRowsReport& report_;
  std::string table_;
  std::int64_t rows_ = 0;
  std::map<std::string, std::int64_t> unproved_;
};

// The event at `seq` of type `type`, or a problem naming why there is none.
const ledger::Event* EventAt(const EventIndex& index, TableCheck& check, const std::string& row,
                             std::int64_t seq, std::string_view type) {
  if (seq < 0 || static_cast<std::uint64_t>(seq) >= index.events.size()) {
    check.Problem(row, "its " + std::string(type) + " event seq " + std::to_string(seq) +
                           " is not in the log (the log has " +
                           std::to_string(index.events.size()) + " entries)");
    return nullptr;
  }
  const ledger::Event& e = index.events[static_cast<std::size_t>(seq)];
  if (e.type != type) {
    check.Problem(row, "its event seq " + std::to_string(seq) + " is a " + e.type + ", not a " +
                           std::string(type));
    return nullptr;
  }
  return &e;
}

const ledger::Event* Find(const EventIndex& index, TableCheck& check, const std::string& row,
                          const std::optional<std::uint64_t>& seq, std::string_view type) {
  if (!seq) {
    check.Problem(row, "no " + std::string(type) +
                           " event vouches for it (a row added behind "
                           "parley's back, or its event was removed from the log)");
    return nullptr;
  }
  return &index.events[*seq];
}

template <class Map, class Key>
std::optional<std::uint64_t> Lookup(const Map& map, const Key& key) {
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

// A list version made from another party's disclosure (store/received_lists.h), against this
// node's list.version_received event: the list as for a submission, and its provenance.
Result<void> CheckReceivedList(Statement& st, const EventIndex& index, TableCheck& check,
                               const std::string& row) {
  const ledger::Event* e = EventAt(index, check, row, st.ColumnInt(7), "list.version_received");
  if (e == nullptr) return {};
  const json& b = e->body;
  check.Compare(row, "list", st.ColumnText(0), Text(b, "list"), *e);
  check.Compare(row, "version", std::to_string(st.ColumnInt(3)), Text(b, "version"), *e);
  check.Compare(row, "lists.kind", st.ColumnText(1), Text(b, "kind"), *e);
  check.Compare(row, "side", st.ColumnText(2), Text(b, "side"), *e);
  check.Compare(row, "content_sha256", st.ColumnText(4), Text(b, "content_sha256"), *e);
  check.Compare(row, "record_count", std::to_string(st.ColumnInt(5)), Text(b, "record_count"), *e);
  const json from = b.value("from", json::object());
  check.Compare(row, "received_list_versions.origin", st.ColumnText(8), Text(from, "origin"), *e);
  check.Compare(row, "received_list_versions.sender_list", st.ColumnText(9), Text(from, "list"),
                *e);
  check.Compare(row, "received_list_versions.sender_version", std::to_string(st.ColumnInt(10)),
                Text(from, "version"), *e);
  check.Compare(row, "received_list_versions.sender_seq", std::to_string(st.ColumnInt(11)),
                Text(from, "seq"), *e);
  check.Compare(row, "received_list_versions.bundle_sha256", st.ColumnText(12),
                Text(from, "bundle_sha256"), *e);
  check.Compare(row, "received_list_versions.checkpoint_size", std::to_string(st.ColumnInt(13)),
                Text(from, "checkpoint_size"), *e);
  check.Compare(row, "received_list_versions.checkpoint_root", st.ColumnText(14),
                Text(from, "checkpoint_root"), *e);
  return {};
}

Result<void> CheckLists(Database& db, const EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "list_versions");
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT l.name, l.kind, s.name, v.version, v.content_sha256, v.record_count, "
                 "e.seq, r.seq, r.origin, r.sender_list, r.sender_version, r.sender_seq, "
                 "r.bundle_sha256, r.checkpoint_size, r.checkpoint_root FROM list_versions v "
                 "JOIN lists l ON l.id = v.list_id JOIN sides s ON "
                 "s.id = l.side_id LEFT JOIN ledger_list_events e ON e.list_version_id = v.id "
                 "LEFT JOIN received_list_versions r ON r.list_version_id = v.id "
                 "ORDER BY l.name, v.version"));
  std::set<std::pair<std::string, std::int64_t>> seen;
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::string list = st.ColumnText(0);
    const std::int64_t version = st.ColumnInt(3);
    seen.insert({list, version});
    const std::string row = "list " + list + " version " + std::to_string(version);
    if (!st.ColumnIsNull(7)) return CheckReceivedList(st, index, check, row);
    if (st.ColumnIsNull(6)) {
      check.Problem(row,
                    "has no row in ledger_list_events naming its list.version_submitted "
                    "event");
      return {};
    }
    const ledger::Event* e = EventAt(index, check, row, st.ColumnInt(6), "list.version_submitted");
    if (e == nullptr) return {};
    check.Compare(row, "list", list, Text(e->body, "list"), *e);
    check.Compare(row, "version", std::to_string(version), Text(e->body, "version"), *e);
    check.Compare(row, "lists.kind", st.ColumnText(1), Text(e->body, "kind"), *e);
    check.Compare(row, "side", st.ColumnText(2), Text(e->body, "side"), *e);
    check.Compare(row, "content_sha256", st.ColumnText(4), Text(e->body, "content_sha256"), *e);
    check.Compare(row, "record_count", std::to_string(st.ColumnInt(5)),
                  Text(e->body, "record_count"), *e);
    return {};
  }));
  for (const auto& [key, seq] : index.list_submitted) {
    if (!seen.contains(key)) {
      check.Gone("list " + key.first + " version " + std::to_string(key.second),
                 "list.version_submitted", seq);
    }
  }
  for (const auto& [key, seq] : index.list_received) {
    if (!seen.contains(key)) {
      check.Gone("list " + key.first + " version " + std::to_string(key.second),
                 "list.version_received", seq);
    }
  }
  return {};
}

Result<void> CheckAgreements(Database& db, const EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "agreements");
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT id, name, version, title, party_a, party_b, source, "
                                     "content_sha256, added_by FROM agreements ORDER BY id"));
  std::set<std::pair<std::string, std::int64_t>> seen;
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::string name = st.ColumnText(1);
    const std::int64_t version = st.ColumnInt(2);
    seen.insert({name, version});
    const std::string row = "'" + name + "' version " + std::to_string(version) + " (id " +
                            std::to_string(st.ColumnInt(0)) + ")";
    const ledger::Event* e =
        Find(index, check, row, Lookup(index.agreement_added, std::pair{name, version}),
             "agreement.added");
    if (e == nullptr) return {};
    const std::string signed_sha = Text(e->body, "sha256");
    check.Compare(row, "content_sha256", st.ColumnText(7), signed_sha, *e);
    check.Compare(row, "the SHA-256 of the stored text (source)", Sha256Hex(st.ColumnText(6)),
                  signed_sha, *e);
    if (check.Carries(*e, "title"))
      check.Compare(row, "title", st.ColumnText(3), Text(e->body, "title"), *e);
    if (check.Carries(*e, "party_a")) {
      check.Compare(row, "party_a", st.ColumnText(4), Text(e->body, "party_a"), *e);
      check.Compare(row, "party_b", st.ColumnText(5), Text(e->body, "party_b"), *e);
    }
    if (check.Carries(*e, "added_by")) {
      check.Compare(row, "added_by", st.ColumnText(8), Text(e->body, "added_by"), *e);
    }
    return {};
  }));
  for (const auto& [key, seq] : index.agreement_added) {
    if (!seen.contains(key)) {
      check.Gone("'" + key.first + "' version " + std::to_string(key.second), "agreement.added",
                 seq);
    }
  }
  check.Unproved();
  return {};
}

Result<void> CheckAgreementSignatures(Database& db, EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "agreement_signatures");
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT s.agreement_id, a.name, a.version, s.party, s.signer, s.content_sha256, "
                 "s.ledger_seq FROM agreement_signatures s LEFT JOIN agreements a ON a.id = "
                 "s.agreement_id ORDER BY s.ledger_seq"));
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::string row =
        "agreement id " + std::to_string(st.ColumnInt(0)) + " party " + st.ColumnText(3);
    const ledger::Event* e = EventAt(index, check, row, st.ColumnInt(6), "agreement.signed");
    if (e == nullptr) return {};
    index.claimed.insert(e->seq);
    check.Compare(row, "agreement", st.ColumnText(1), Text(e->body, "agreement"), *e);
    check.Compare(row, "agreement version", std::to_string(st.ColumnInt(2)),
                  Text(e->body, "version"), *e);
    check.Compare(row, "party", st.ColumnText(3), Text(e->body, "party"), *e);
    check.Compare(row, "signer", st.ColumnText(4), e->actor, *e);
    check.Compare(row, "content_sha256", st.ColumnText(5), Text(e->body, "sha256"), *e);
    return {};
  }));
  for (const ledger::Event& e : index.events) {
    if (e.type == "agreement.signed" && !index.claimed.contains(e.seq)) {
      check.Problem("of '" + Text(e.body, "agreement") + "' version " + Text(e.body, "version") +
                        " party " + Text(e.body, "party"),
                    "the agreement.signed event seq " + std::to_string(e.seq) +
                        " has no row (the signature was deleted from the database)");
    }
  }
  return {};
}

// A plan's state as its events make it: superseded by a counter or repair, else signed or
// accepted once both sides did so, else proposed.
std::string PlanStateFromEvents(const EventIndex& index, std::int64_t plan) {
  if (index.plan_superseded.contains(plan)) return "superseded";
  std::set<std::string> accepted, signed_by;
  for (const ledger::Event& e : index.events) {
    if (Int(e.body, "plan") != plan) continue;
    if (e.type == "plan.accepted") accepted.insert(Text(e.body, "party"));
    if (e.type == "plan.signed") signed_by.insert(Text(e.body, "party"));
  }
  if (signed_by.size() >= 2) return "signed";
  if (accepted.size() >= 2) return "accepted";
  return "proposed";
}

Result<std::vector<PlanPersonRow>> PlanPeople(Database& db, std::int64_t plan) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT record_id, record_version, phase FROM plan_people "
                                     "WHERE plan_id = ?"));
  st.Bind(1, plan);
  return ReadRows(st, [](const Statement& row) {
    return PlanPersonRow{row.ColumnInt(0), row.ColumnInt(1), row.ColumnInt(2)};
  });
}

Result<void> CheckPlans(Database& db, const EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "plans");
  TableCheck people(report, "plan_people");
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT p.id, a.name, a.version, p.kind, p.parent_id, p.side_a, p.side_b, "
                 "p.state, p.document, p.content_sha256, p.objective, p.a_count, p.b_count, "
                 "p.created_by FROM plans p LEFT JOIN agreements a ON a.id = p.agreement_id "
                 "ORDER BY p.id"));
  std::set<std::int64_t> seen;
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::int64_t id = st.ColumnInt(0);
    seen.insert(id);
    const std::string row = "plan " + std::to_string(id);
    const ledger::Event* e =
        Find(index, check, row, Lookup(index.plan_created, id), "plan.proposed/countered/repaired");
    if (e == nullptr) return {};
    const json& b = e->body;
    const std::string signed_sha = Text(b, "sha256");
    check.Compare(row, "content_sha256", st.ColumnText(9), signed_sha, *e);
    check.Compare(row, "the SHA-256 of the stored plan JSON (document: phases and people)",
                  Sha256Hex(st.ColumnText(8)), signed_sha, *e);
    check.Compare(row, "kind", st.ColumnText(3), Text(b, "kind"), *e);
    check.Compare(row, "parent_id", st.ColumnIsNull(4) ? "" : std::to_string(st.ColumnInt(4)),
                  Text(b, "parent"), *e);
    check.Compare(row, "agreement", st.ColumnText(1), Text(b, "agreement"), *e);
    check.Compare(row, "agreement version", std::to_string(st.ColumnInt(2)),
                  Text(b, "agreement_version"), *e);
    check.Compare(row, "side_a", st.ColumnText(5), Text(b, "side_a"), *e);
    check.Compare(row, "side_b", st.ColumnText(6), Text(b, "side_b"), *e);
    check.Compare(row, "objective", std::to_string(st.ColumnInt(10)), Text(b, "objective"), *e);
    check.Compare(row, "a_count", std::to_string(st.ColumnInt(11)), Text(b, "a_hands_over"), *e);
    check.Compare(row, "b_count", std::to_string(st.ColumnInt(12)), Text(b, "b_hands_over"), *e);
    if (check.Carries(*e, "created_by")) {
      check.Compare(row, "created_by", st.ColumnText(13), Text(b, "created_by"), *e);
    }
    const std::string derived = PlanStateFromEvents(index, id);
    if (st.ColumnText(7) != derived) {
      check.Problem(row, "state is '" + st.ColumnText(7) +
                             "' but its events (accepts, signatures, "
                             "counters and repairs in the log) make it '" +
                             derived + "'");
    }
    if (people.Carries(*e, "people_sha256")) {
      people.Row();
      PARLEY_ASSIGN_OR_RETURN(auto rows, PlanPeople(db, id));
      people.Compare(row, "people (record, version, phase)", PlanPeopleDigest(std::move(rows)),
                     Text(b, "people_sha256"), *e);
    }
    return {};
  }));
  for (const auto& [plan, seq] : index.plan_created) {
    if (!seen.contains(plan)) {
      check.Problem("plan " + std::to_string(plan), "the " + index.events[seq].type +
                                                        " event seq " + std::to_string(seq) +
                                                        " records it, but the database no "
                                                        "longer holds it");
    }
  }
  check.Unproved();
  people.Unproved();
  return {};
}

Result<void> CheckPlanApprovals(Database& db, EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "plan_approvals");
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT plan_id, action, party, actor, content_sha256, "
                                     "ledger_seq FROM plan_approvals ORDER BY ledger_seq"));
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::string action = st.ColumnText(1);
    const std::string row =
        "plan " + std::to_string(st.ColumnInt(0)) + " " + action + " by party " + st.ColumnText(2);
    const ledger::Event* e = EventAt(index, check, row, st.ColumnInt(5),
                                     action == "accept" ? "plan.accepted" : "plan.signed");
    if (e == nullptr) return {};
    index.claimed.insert(e->seq);
    check.Compare(row, "plan_id", std::to_string(st.ColumnInt(0)), Text(e->body, "plan"), *e);
    check.Compare(row, "party", st.ColumnText(2), Text(e->body, "party"), *e);
    check.Compare(row, "actor", st.ColumnText(3), e->actor, *e);
    check.Compare(row, "content_sha256", st.ColumnText(4), Text(e->body, "sha256"), *e);
    return {};
  }));
  for (const ledger::Event& e : index.events) {
    if ((e.type == "plan.accepted" || e.type == "plan.signed") && !index.claimed.contains(e.seq)) {
      check.Problem("plan " + Text(e.body, "plan") + " party " + Text(e.body, "party"),
                    "the " + e.type + " event seq " + std::to_string(e.seq) +
                        " has no row (the approval was deleted from the database)");
    }
  }
  return {};
}

struct DecisionRow {
  std::int64_t id = 0, link = 0;
  std::string decision, actor;
  std::optional<std::string> note;
  std::string state_after;
  bool link_exists = false;
  std::int64_t left_record = 0, right_record = 0;
  std::string link_state;
};

Result<void> CheckLinkDecisions(Database& db, const EventIndex& index, const EventLog& log,
                                VouchedRowsReport& report) {
  TableCheck check(report, "link_decisions");
  TableCheck links(report, "links");
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT d.id, d.link_id, d.decision, d.actor, d.note, d.state_after, l.id, "
                 "l.left_record_id, l.right_record_id, l.state FROM link_decisions d LEFT JOIN "
                 "links l ON l.id = d.link_id ORDER BY d.link_id, d.id"));
  PARLEY_ASSIGN_OR_RETURN(auto rows, ReadRows(st, [](const Statement& r) {
                            return DecisionRow{r.ColumnInt(0),
                                               r.ColumnInt(1),
                                               r.ColumnText(2),
                                               r.ColumnText(3),
                                               r.ColumnIsNull(4)
                                                   ? std::nullopt
                                                   : std::optional<std::string>(r.ColumnText(4)),
                                               r.ColumnText(5),
                                               !r.ColumnIsNull(6),
                                               r.ColumnInt(7),
                                               r.ColumnInt(8),
                                               r.ColumnText(9)};
                          }));
  std::map<std::int64_t, std::vector<const DecisionRow*>> by_link;
  for (const DecisionRow& r : rows) by_link[r.link].push_back(&r);
  for (const auto& [link, seqs] : index.link_decided) by_link[link];
  for (const auto& [link, decisions] : by_link) {
    const auto found = index.link_decided.find(link);
    const std::vector<std::uint64_t> none;
    const std::vector<std::uint64_t>& events =
        found == index.link_decided.end() ? none : found->second;
    for (std::size_t i = 0; i < std::max(decisions.size(), events.size()); ++i) {
      const std::string row = "link " + std::to_string(link) + " decision " + std::to_string(i + 1);
      if (i >= events.size()) {
        check.Problem(row + " (row id " + std::to_string(decisions[i]->id) + ")",
                      "no link.decided event vouches for it (a decision added behind parley's "
                      "back, or its event was removed from the log)");
        continue;
      }
      const ledger::Event& e = index.events[events[i]];
      if (i >= decisions.size()) {
        check.Problem(row, "the link.decided event seq " + std::to_string(e.seq) +
                               " has no row (the decision was deleted from the database)");
        continue;
      }
      const DecisionRow& d = *decisions[i];
      check.Row();
      const std::string named = row + " (row id " + std::to_string(d.id) + ")";
      check.Compare(named, "decision", d.decision, Text(e.body, "decision"), e);
      check.Compare(named, "actor", d.actor, e.actor, e);
      check.Compare(named, "state_after", d.state_after, Text(e.body, "state"), e);
      const bool signed_note = e.body.value("with_note", false);
      check.Compare(named, "note", d.note ? "present" : "absent",
                    signed_note ? "present" : "absent", e);
      if (d.note && e.body.contains("note_commitment")) {
        PARLEY_ASSIGN_OR_RETURN(std::string c,
                                TextCommitment(log, "link_decisions", link,
                                               static_cast<std::int64_t>(i + 1), "note", *d.note));
        check.CompareHidden(named, "note", c == Text(e.body, "note_commitment"), e);
      }
    }
    if (decisions.empty() || events.empty()) continue;
    const DecisionRow& last = *decisions.back();
    const ledger::Event& e = index.events[events.back()];
    const std::string row = std::to_string(link);
    links.Row();
    if (!last.link_exists) {
      links.Problem(row, "is gone, but link.decided events (the last seq " + std::to_string(e.seq) +
                             ") vouch for it");
      continue;
    }
    links.Compare(row, "state", last.link_state, Text(e.body, "state"), e);
    links.Compare(row, "left_record_id", std::to_string(last.left_record),
                  Text(e.body, "left_record"), e);
    links.Compare(row, "right_record_id", std::to_string(last.right_record),
                  Text(e.body, "right_record"), e);
  }
  return {};
}

Result<void> CheckInterviews(Database& db, const EventIndex& index, const EventLog& log,
                             VouchedRowsReport& report) {
  TableCheck check(report, "interviews");
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT record_id, version, outcome, interviewer, "
                                     "interviewed_at, notes, recorded_at FROM interviews "
                                     "ORDER BY record_id, version"));
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::int64_t record = st.ColumnInt(0);
    const std::int64_t version = st.ColumnInt(1);
    seen.insert({record, version});
    const std::string row =
        "record " + std::to_string(record) + " interview version " + std::to_string(version);
    const ledger::Event* e =
        Find(index, check, row, Lookup(index.interviews, std::pair{record, version}),
             "interview.recorded");
    if (e == nullptr) return {};
    check.Compare(row, "outcome", st.ColumnText(2), Text(e->body, "outcome"), *e);
    check.Compare(row, "interviewer", st.ColumnText(3), Text(e->body, "interviewer"), *e);
    check.Compare(row, "interviewed_at", st.ColumnText(4), Text(e->body, "at"), *e);
    if (check.Carries(*e, "notes_commitment")) {
      PARLEY_ASSIGN_OR_RETURN(std::string c, TextCommitment(log, "interviews", record, version,
                                                            "notes", st.ColumnText(5)));
      check.CompareHidden(row, "notes", c == Text(e->body, "notes_commitment"), *e);
    }
    if (check.Carries(*e, "recorded_at")) {
      check.Compare(row, "recorded_at", st.ColumnText(6), Text(e->body, "recorded_at"), *e);
    }
    return {};
  }));
  for (const auto& [key, seq] : index.interviews) {
    if (!seen.contains(key)) {
      check.Gone("record " + std::to_string(key.first) + " interview version " +
                     std::to_string(key.second),
                 "interview.recorded", seq);
    }
  }
  check.Unproved();
  return {};
}

Result<void> CheckHandovers(Database& db, const EventIndex& index, VouchedRowsReport& report) {
  TableCheck check(report, "handover_events");
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT record_id, seq, event, phase, place, at, actor, "
                                     "recorded_at FROM handover_events ORDER BY record_id, seq"));
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  PARLEY_TRY(ForEachRow(st, [&](Statement& st) -> Result<void> {
    check.Row();
    const std::int64_t record = st.ColumnInt(0);
    const std::int64_t seq = st.ColumnInt(1);
    seen.insert({record, seq});
    const std::string row =
        "record " + std::to_string(record) + " handover event " + std::to_string(seq);
    const ledger::Event* e = Find(
        index, check, row, Lookup(index.handovers, std::pair{record, seq}), "handover.recorded");
    if (e == nullptr) return {};
    check.Compare(row, "event", st.ColumnText(2), Text(e->body, "event"), *e);
    check.Compare(row, "phase", std::to_string(st.ColumnInt(3)), Text(e->body, "phase"), *e);
    check.Compare(row, "place", st.ColumnText(4), Text(e->body, "place"), *e);
    check.Compare(row, "at", st.ColumnText(5), Text(e->body, "at"), *e);
    check.Compare(row, "actor", st.ColumnText(6), Text(e->body, "actor"), *e);
    if (check.Carries(*e, "recorded_at")) {
      check.Compare(row, "recorded_at", st.ColumnText(7), Text(e->body, "recorded_at"), *e);
    }
    return {};
  }));
  for (const auto& [key, seq] : index.handovers) {
    if (!seen.contains(key)) {
      check.Gone(
          "record " + std::to_string(key.first) + " handover event " + std::to_string(key.second),
          "handover.recorded", seq);
    }
  }
  check.Unproved();
  return {};
}

// Without a node identity there is no log to vouch for anything: every vouched row is reported.
Result<void> ReportRowsWithoutLog(Database& db, VouchedRowsReport& report) {
  for (const char* table : {"list_versions", "agreements", "agreement_signatures", "plans",
                            "plan_approvals", "link_decisions", "interviews", "handover_events"}) {
    PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string("SELECT count(*) FROM ") + table));
    PARLEY_ASSIGN_OR_RETURN(auto count,
                            ReadFirstRow(st, [](const Statement& r) { return r.ColumnInt(0); }));
    if (count && *count > 0) {
      report.problems.push_back(std::string(table) + ": " + std::to_string(*count) +
                                " row(s), but the workspace has no node identity (ledger_node "
                                "is empty), so no event vouches for them");
    }
  }
  return {};
}

}  // namespace

std::string PlanPeopleDigest(std::vector<PlanPersonRow> people) {
  std::sort(people.begin(), people.end(),
            [](const auto& a, const auto& b) { return a.record_id < b.record_id; });
  std::string lines;
  for (const PlanPersonRow& p : people) {
    lines += std::to_string(p.record_id) + " " + std::to_string(p.record_version) + " " +
             std::to_string(p.phase) + "\n";
  }
  return Sha256Hex(lines);
}

Result<std::string> TextCommitment(const EventLog& log, std::string_view table, std::int64_t row,
                                   std::int64_t version, std::string_view field,
                                   std::string_view text) {
  PARLEY_ASSIGN_OR_RETURN(ledger::SaltKey key, ledger::SaltKey::FromSeed(log.NodeKey().Seed()));
  const std::string row_text = std::to_string(row);
  const ledger::Hash salt = key.Derive({table, row_text, version}, field);
  return ledger::EncodeBase64(ledger::CommitField(salt, field, text));
}

Result<VouchedRowsReport> VerifyVouchedRows(Workspace& ws) {
  VouchedRowsReport report;
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(ws));
  if (!node) {
    PARLEY_TRY(ReportRowsWithoutLog(ws.db(), report));
    return report;
  }
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(EventIndex index, IndexEvents(*log));
  Database& db = ws.db();
  PARLEY_TRY(CheckLists(db, index, report));
  PARLEY_TRY(CheckAgreements(db, index, report));
  PARLEY_TRY(CheckAgreementSignatures(db, index, report));
  PARLEY_TRY(CheckPlans(db, index, report));
  PARLEY_TRY(CheckPlanApprovals(db, index, report));
  PARLEY_TRY(CheckLinkDecisions(db, index, *log, report));
  PARLEY_TRY(CheckInterviews(db, index, *log, report));
  PARLEY_TRY(CheckHandovers(db, index, report));
  return report;
}

const std::vector<UnvouchedTable>& UnvouchedTables() {
  static const std::vector<UnvouchedTable> kTables = {
      {"links (probability, match_weight, explanation; the state of undecided links)",
       "a reconcile run's scores are recomputed by running it again; the run's counts are in "
       "its reconcile.run event"},
      {"reconcile_runs", "a run that changes nothing appends no event"},
      {"users, api_tokens, sessions", "accounts of this node's server, not part of the exchange"},
      {"list_shares", "which side of this node's server may read a list (access, not record)"},
      {"access_log", "append-only by trigger; evidence against other users, not the administrator"},
      {"received_records",
       "checked against the sender's signed disclosure on import; the disclosure itself is not "
       "kept, so it cannot be checked again (keep the bundle file)"},
      {"ledger_checkpoints",
       "checked against the entries by the log check; its length is pinned "
       "by the pinned-checkpoints file"},
      {"review_generation, schema_version", "caches and bookkeeping"},
  };
  return kTables;
}

}  // namespace parley::store
