#include "negotiation/workspace_candidates.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/try.h"
#include "handover/handover_events.h"
#include "handover/interviews.h"
#include "store/candidate_sources.h"

namespace parley::negotiation {
namespace {

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
using LinkedRecord = store::LinkEndRow;

Result<std::vector<std::string>> CustodyLists(store::Workspace& ws, const std::string& side) {
  PARLEY_ASSIGN_OR_RETURN(bool exists, store::SideExists(ws, side));
  if (!exists) {
    return Fail(ErrorCode::kNotFound, "no side named '" + side +
                                          "' in this workspace; `parley lists` shows the sides "
                                          "of the lists imported");
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> names, store::CustodyListNames(ws, side));
  if (names.empty()) {
    return Fail(ErrorCode::kNotFound, "side '" + side +
                                          "' has no custody list; import the people it holds with "
                                          "`parley import FILE --list NAME --kind custody --side " +
                                          side + "`");
  }
  return names;
}

// Every accepted (auto_accepted or confirmed) link, from both ends.
Result<std::multimap<std::int64_t, LinkedRecord>> LinksByRecord(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<store::AcceptedLinkRow> rows, store::AcceptedLinks(ws));
  std::multimap<std::int64_t, LinkedRecord> out;
  for (store::AcceptedLinkRow& row : rows) {
    const std::int64_t left = row.left.record_id;
    const std::int64_t right = row.right.record_id;
    out.emplace(left, std::move(row.right));
    out.emplace(right, std::move(row.left));
  }
  return out;
}

struct StatusFacts {
  std::set<std::int64_t> interview_excluded;  // handover::ExcludesFromExchange
  std::set<std::int64_t> handed_over;
};

Result<StatusFacts> LoadStatusFacts(store::Workspace& ws) {
  StatusFacts f;
  PARLEY_ASSIGN_OR_RETURN(f.interview_excluded, handover::RecordsExcludedByInterview(ws));
  PARLEY_ASSIGN_OR_RETURN(f.handed_over, handover::RecordsWithHandovers(ws));
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
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> lists, CustodyLists(ws, holding_side));
  PARLEY_ASSIGN_OR_RETURN(auto links, LinksByRecord(ws));
  PARLEY_ASSIGN_OR_RETURN(StatusFacts status, LoadStatusFacts(ws));
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
