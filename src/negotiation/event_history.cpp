#include "negotiation/event_history.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "store/event_log.h"
#include "store/ledger_storage.h"

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

Result<std::vector<std::int64_t>> Ids(store::Database& db, const std::string& sql,
                                      std::int64_t param) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st, db.Prepare(sql));
  st.Bind(1, param);
  std::vector<std::int64_t> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.ColumnInt(0));
  }
  return out;
}

Result<std::vector<HistoryEvent>> Select(store::Workspace& ws, Selection selection) {
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(auto storage,
                          store::SqliteEntryStorage::Open(ws.db(), log->Node().origin));
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

// The plan, its ancestors (parent_id up to the proposal) and all its descendants.
Result<std::set<std::int64_t>> PlanFamily(store::Database& db, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(
      auto ancestors,
      Ids(db,
          "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.parent_id FROM plans p JOIN up "
          "ON p.id = up.id WHERE p.parent_id IS NOT NULL) SELECT id FROM up",
          plan_id));
  PARLEY_ASSIGN_OR_RETURN(
      auto descendants,
      Ids(db,
          "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p.id FROM plans p JOIN down "
          "ON p.parent_id = down.id) SELECT id FROM down",
          plan_id));
  std::set<std::int64_t> family(ancestors.begin(), ancestors.end());
  family.insert(descendants.begin(), descendants.end());
  return family;
}

}  // namespace

Result<std::vector<HistoryEvent>> RecordEvents(store::Workspace& ws, std::int64_t record_id) {
  Selection s;
  PARLEY_ASSIGN_OR_RETURN(auto seqs,
                          Ids(ws.db(),
                              "SELECT e.seq FROM record_versions rv JOIN ledger_list_events e "
                              "ON e.list_version_id = rv.created_in WHERE rv.record_id = ?",
                              record_id));
  for (std::int64_t seq : seqs) s.seqs.insert(static_cast<std::uint64_t>(seq));
  for (const char* key : {"record_id", "left_record", "right_record"}) {
    s.marks.push_back(Mark(key, record_id));
  }
  PARLEY_ASSIGN_OR_RETURN(
      auto plans, Ids(ws.db(), "SELECT plan_id FROM plan_people WHERE record_id = ?", record_id));
  for (std::int64_t plan : plans) s.marks.push_back(Mark("plan", plan));
  return Select(ws, std::move(s));
}

Result<std::vector<HistoryEvent>> PlanEvents(store::Workspace& ws, std::int64_t plan_id) {
  PARLEY_ASSIGN_OR_RETURN(auto found, Ids(ws.db(), "SELECT id FROM plans WHERE id = ?", plan_id));
  if (found.empty()) {
    return Fail(ErrorCode::kNotFound, "no plan with ID " + std::to_string(plan_id) +
                                          "; `parley plan list` shows the plans");
  }
  Selection s;
  PARLEY_ASSIGN_OR_RETURN(auto family, PlanFamily(ws.db(), plan_id));
  for (std::int64_t plan : family) s.marks.push_back(Mark("plan", plan));
  return Select(ws, std::move(s));
}

Result<std::vector<HistoryEvent>> AgreementEvents(store::Workspace& ws, const std::string& name) {
  PARLEY_TRY(FindAgreement(ws.db(), name, std::nullopt));
  // Agreement and plan events both carry the agreement's name as "agreement".
  Selection s;
  s.marks.push_back(Mark("agreement", name));
  return Select(ws, std::move(s));
}

}  // namespace parley::negotiation
