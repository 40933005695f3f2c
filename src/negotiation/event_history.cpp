#include "negotiation/event_history.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "store/event_log.h"
#include "store/plans.h"
#include "store/record_history.h"

namespace parley::negotiation {
namespace {

// What to look for: seqs already known from the tables, and body members written as canonical
// JSON marks ("record_id":42, "agreement":"deal"), each followed by ',' or '}' in the entry.
struct Selection {
  std::set<std::uint64_t> seqs;
  std::vector<std::string> marks;
};

std::string Mark(std::string_view key, const nlohmann::json& value) {
  return nlohmann::json(key).dump() + ":" + value.dump();
}

bool NamesAny(const std::string& leaf, const std::vector<std::string>& marks) {
  for (const std::string& mark : marks) {
    for (std::size_t at = leaf.find(mark); at != std::string::npos; at = leaf.find(mark, at + 1)) {
      const char next = at + mark.size() < leaf.size() ? leaf[at + mark.size()] : '\0';
      if (next == ',' || next == '}') return true;
    }
  }
  return false;
}

Result<std::vector<HistoryEvent>> Select(store::Workspace& ws, Selection selection) {
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
  // The node's own log, as of now: Events() reopens it when another process appended.
  const ledger::EntryStorage* storage = &log->Log().Storage();
  constexpr std::uint64_t kChunk = 4096;
  for (std::uint64_t begin = 0; begin < storage->Size(); begin += kChunk) {
    const std::uint64_t count = std::min(kChunk, storage->Size() - begin);
    PARLEY_ASSIGN_OR_RETURN(auto leaves, storage->Read(begin, count));
    for (std::uint64_t i = 0; i < count; ++i) {
      if (NamesAny(leaves[i], selection.marks)) selection.seqs.insert(begin + i);
    }
  }
  std::vector<HistoryEvent> out;
  for (std::uint64_t seq : selection.seqs) {
    PARLEY_ASSIGN_OR_RETURN(auto leaves, storage->Read(seq, 1));
    PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event, ledger::OpenLeaf(leaves[0], seq));
    out.push_back({std::move(leaves[0]), std::move(event)});
  }
  return out;
}

}  // namespace

Result<std::vector<HistoryEvent>> RecordEvents(store::Workspace& ws, std::int64_t record_id) {
  Selection s;
  PARLEY_ASSIGN_OR_RETURN(auto seqs, store::RecordListEventSeqs(ws, record_id));
  for (std::int64_t seq : seqs) s.seqs.insert(static_cast<std::uint64_t>(seq));
  for (const char* key : {"record_id", "left_record", "right_record"}) {
    s.marks.push_back(Mark(key, record_id));
  }
  PARLEY_ASSIGN_OR_RETURN(auto plans, store::PlansWithRecord(ws, record_id));
  for (std::int64_t plan : plans) s.marks.push_back(Mark("plan", plan));
  return Select(ws, std::move(s));
}

Result<std::vector<HistoryEvent>> PlanEvents(store::Workspace& ws, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(std::set<std::int64_t> family, store::PlanFamily(ws, plan_id));
  if (family.empty()) {
    return Fail(ErrorCode::kNotFound, "no plan with ID " + std::to_string(plan_id) +
                                          "; `parley plan list` shows the plans");
  }
  Selection s;
  for (std::int64_t plan : family) s.marks.push_back(Mark("plan", plan));
  return Select(ws, std::move(s));
}

Result<std::vector<HistoryEvent>> AgreementEvents(store::Workspace& ws, const std::string& name) {
  PARLEY_TRY(FindAgreement(ws, name, std::nullopt));
  // Agreement and plan events both carry the agreement's name as "agreement".
  Selection s;
  s.marks.push_back(Mark("agreement", name));
  return Select(ws, std::move(s));
}

Result<std::vector<HistoryEvent>> ListEvents(store::Workspace& ws, const std::string& list) {
  PARLEY_TRY(ws.Version(list, std::nullopt));  // kNotFound, naming the list
  Selection s;
  for (const char* key : {"list", "left_list", "right_list"}) s.marks.push_back(Mark(key, list));
  return Select(ws, std::move(s));
}

}  // namespace parley::negotiation
