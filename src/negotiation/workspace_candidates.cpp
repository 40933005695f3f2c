#include "negotiation/workspace_candidates.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/try.h"

namespace parley::negotiation {
namespace {

using store::Database;
using store::Statement;

// The headers synth and the bureaus use for the two facts the planner reads from a record.
constexpr std::string_view kHealthColumns[] = {"health", "Стан здоров'я", "Стан здоров’я",
                                               "Состояние здоровья"};
constexpr std::string_view kCaptureColumns[] = {"capture_date", "Дата полонення", "Дата захоплення",
                                                "Дата пленения", "Дата захвата"};

template <size_t N>
std::string FirstExtra(const PersonRecord& r, const std::string_view (&columns)[N]) {
  for (std::string_view c : columns) {
    std::string_view v = r.Extra(c);
    if (!v.empty()) return std::string(v);
  }
  return {};
}

void SetExtra(std::vector<ExtraField>& extra, const ExtraField& f) {
  for (ExtraField& e : extra) {
    if (e.column == f.column) {
      e.value = f.value;
      return;
    }
  }
  extra.push_back(f);
}

// One end of an accepted link, seen from a custody record.
struct LinkedRecord {
  std::int64_t record_id = 0;
  std::string list;
  std::string kind;
  std::string side;
};

Result<std::vector<std::string>> CustodyLists(Database& db, const std::string& side) {
  PARLEY_ASSIGN_OR_RETURN(auto known, db.Prepare("SELECT 1 FROM sides WHERE name = ?"));
  known.Bind(1, side);
  PARLEY_ASSIGN_OR_RETURN(bool exists, known.Step());
  if (!exists) {
    return Fail(ErrorCode::kNotFound, "no side named '" + side +
                                          "' in this workspace; `parley lists` shows the sides "
                                          "of the lists imported");
  }
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT l.name FROM lists l JOIN sides s ON s.id = "
                                     "l.side_id WHERE l.kind = 'custody' AND s.name = ? "
                                     "ORDER BY l.name"));
  st.Bind(1, side);
  std::vector<std::string> names;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    names.push_back(st.ColumnText(0));
  }
  if (names.empty()) {
    return Fail(ErrorCode::kNotFound, "side '" + side +
                                          "' has no custody list; import the people it holds with "
                                          "`parley import FILE --list NAME --kind custody --side " +
                                          side + "`");
  }
  return names;
}

// Every accepted (auto_accepted or confirmed) link, from both ends.
Result<std::multimap<std::int64_t, LinkedRecord>> AcceptedLinks(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT k.left_record_id, ll.name, ll.kind, ls.name, k.right_record_id, "
                 "rl.name, rl.kind, rs.name FROM links k "
                 "JOIN lists ll ON ll.id = k.left_list_id JOIN sides ls ON ls.id = ll.side_id "
                 "JOIN lists rl ON rl.id = k.right_list_id JOIN sides rs ON rs.id = rl.side_id "
                 "WHERE k.state IN ('auto_accepted', 'confirmed')"));
  std::multimap<std::int64_t, LinkedRecord> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    LinkedRecord left{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3)};
    LinkedRecord right{st.ColumnInt(4), st.ColumnText(5), st.ColumnText(6), st.ColumnText(7)};
    out.emplace(left.record_id, right);
    out.emplace(right.record_id, left);
  }
  return out;
}

struct StatusFacts {
  std::set<std::int64_t> interview_excluded;  // latest outcome keeps them home
  std::set<std::int64_t> handed_over;
};

Result<StatusFacts> LoadStatusFacts(Database& db) {
  StatusFacts f;
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT i.record_id FROM interviews i WHERE i.version = (SELECT max(version) "
                 "FROM interviews j WHERE j.record_id = i.record_id) AND i.outcome IN "
                 "('refuses', 'unfit', 'deceased', 'not_presented')"));
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    f.interview_excluded.insert(st.ColumnInt(0));
  }
  PARLEY_ASSIGN_OR_RETURN(Statement h,
                          db.Prepare("SELECT DISTINCT record_id FROM handover_events"));
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, h.Step());
    if (!row) break;
    f.handed_over.insert(h.ColumnInt(0));
  }
  return f;
}

}  // namespace

std::vector<ExtraField> RecordFacts(const PersonRecord& stored) {
  std::vector<ExtraField> facts;
  if (std::string health = FirstExtra(stored, kHealthColumns); !health.empty()) {
    facts.push_back({"health", health});
  }
  if (std::string capture = FirstExtra(stored, kCaptureColumns); !capture.empty()) {
    auto d = ParsePartialDate(capture, DateBounds{1600, PartialDate{9999}});
    facts.push_back({"capture_date", d && !d->IsUnknown() ? d->ToIso() : capture});
  }
  return facts;
}

PersonRecord PlannerRecord(const std::string& list, const PersonRecord& stored,
                           const std::vector<ExtraField>& facts) {
  PersonRecord r = stored;
  r.id = list + ":" + stored.id;
  for (const ExtraField& f : facts) SetExtra(r.extra, f);
  return r;
}

Result<CandidateSelection> SelectCandidates(store::Workspace& ws, const std::string& holding_side,
                                            const std::string& other_side, bool all_held) {
  if (holding_side == other_side) {
    return Fail(ErrorCode::kInvalidInput, "--side-a and --side-b are both '" + holding_side +
                                              "'; name the two workspace sides that exchange");
  }
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> lists, CustodyLists(db, holding_side));
  PARLEY_ASSIGN_OR_RETURN(auto links, AcceptedLinks(db));
  PARLEY_ASSIGN_OR_RETURN(StatusFacts status, LoadStatusFacts(db));
  CandidateSelection out;
  for (const std::string& list : lists) {
    PARLEY_ASSIGN_OR_RETURN(auto records, ws.Records(list, std::nullopt));
    for (store::StoredRecord& s : records) {
      ++out.held;
      std::set<std::string> requested_by;
      bool by_mediator = false;
      bool interview_excluded = status.interview_excluded.contains(s.record_id);
      bool handed_over = status.handed_over.contains(s.record_id);
      auto [from, to] = links.equal_range(s.record_id);
      for (auto it = from; it != to; ++it) {
        const LinkedRecord& other = it->second;
        if (other.kind == "request" && other.side == other_side) requested_by.insert(other.list);
        by_mediator = by_mediator || other.kind == "mediator";
        interview_excluded =
            interview_excluded || status.interview_excluded.contains(other.record_id);
        handed_over = handed_over || status.handed_over.contains(other.record_id);
      }
      bool linked = !requested_by.empty() || by_mediator;
      if (linked) ++out.linked;
      if (!linked && !all_held) continue;
      if (handed_over) {
        ++out.excluded_by_handover;
        continue;
      }
      if (interview_excluded) {
        ++out.excluded_by_interview;
        continue;
      }
      WorkspaceCandidate c;
      c.record_id = s.record_id;
      c.record_version = s.record_version;
      c.list = list;
      c.facts = RecordFacts(s.record);
      std::string names;
      for (const std::string& n : requested_by) names += (names.empty() ? "" : ",") + n;
      c.facts.push_back({"requested", requested_by.empty() ? "no" : "yes"});
      c.facts.push_back({"requested_by", names});
      c.record = PlannerRecord(list, s.record, c.facts);
      out.people.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace parley::negotiation
