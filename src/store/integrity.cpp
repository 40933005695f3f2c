// The workspace's integrity check: SQLite's own page-level and foreign-key checks, then
// parley's invariants, each of which a crash or a bug could break:
// - every submitted list version holds exactly record_count members;
// - no draft version is left behind (an import is whole or absent);
// - every record version's content hash matches its stored content;
// - every submitted list version has its `list.version_submitted` event in the node's log,
//   and that event states the version's list, number and content hash (signatures and the
//   tree are `parley verify --workspace`'s job);
// - every row a ledger event vouches for matches it (store/vouched_rows.h), and the log is no
//   shorter than the last checkpoint that left the node (ledger-checkpoints.pinned).
#include "core/try.h"
#include "ledger/event.h"
#include "store/event_log.h"
#include "store/ledger_storage.h"
#include "store/record_codec.h"
#include "store/vouched_rows.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

Result<void> CollectStrings(Database& db, const char* sql, const std::string& prefix,
                            std::vector<std::string>& out) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    std::string text = st.ColumnText(0);
    if (text != "ok") out.push_back(prefix + text);
  }
  return {};
}

Result<void> CheckListEvents(Database& db, std::vector<std::string>& problems) {
  PARLEY_TRY(CollectStrings(
      db,
      "SELECT 'list ' || l.name || ' version ' || v.version || ' has no ledger event' FROM "
      "list_versions v JOIN lists l ON l.id = v.list_id WHERE v.state = 'submitted' AND NOT "
      "EXISTS (SELECT 1 FROM ledger_list_events e WHERE e.list_version_id = v.id) AND NOT "
      "EXISTS (SELECT 1 FROM received_list_versions r WHERE r.list_version_id = v.id)",
      "ledger: ", problems));
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db));
  if (!node) return {};
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, node->origin));
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT l.name, v.version, v.content_sha256, e.seq, v.record_count FROM "
                 "ledger_list_events e JOIN list_versions v ON v.id = "
                 "e.list_version_id JOIN lists l ON l.id = v.list_id ORDER BY e.seq"));
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    const std::string what = "list " + st.ColumnText(0) + " version " +
                             std::to_string(st.ColumnInt(1)) + ": its ledger event seq " +
                             std::to_string(st.ColumnInt(3));
    const auto seq = static_cast<std::uint64_t>(st.ColumnInt(3));
    if (seq >= storage->Size()) {
      problems.push_back("ledger: " + what + " is missing (the log has " +
                         std::to_string(storage->Size()) + " entries)");
      continue;
    }
    PARLEY_ASSIGN_OR_RETURN(auto leaves, storage->Read(seq, 1));
    const std::string_view leaf = leaves[0];
    auto event = ledger::ParseCanonicalEvent(leaf.substr(0, leaf.find('\0')));
    if (!event || event->type != "list.version_submitted" ||
        event->body.value("list", "") != st.ColumnText(0) ||
        event->body.value("version", std::int64_t{0}) != st.ColumnInt(1) ||
        event->body.value("content_sha256", "") != st.ColumnText(2) ||
        event->body.value("record_count", std::int64_t{-1}) != st.ColumnInt(4)) {
      problems.push_back("ledger: " + what + " does not record this version");
    }
  }
  return {};
}

}  // namespace

Result<IntegrityReport> Workspace::CheckIntegrity() {
  IntegrityReport report;
  PARLEY_TRY(CollectStrings(db(), "PRAGMA integrity_check", "sqlite: ", report.problems));
  PARLEY_TRY(CollectStrings(
      db(),
      "SELECT 'table ' || \"table\" || ' row ' || rowid || ' breaks a reference to ' || "
      "parent FROM pragma_foreign_key_check",
      "foreign key: ", report.problems));
  PARLEY_TRY(CollectStrings(
      db(),
      "SELECT 'list ' || l.name || ' version ' || v.version || ' should hold ' || "
      "v.record_count || ' records but holds ' || (SELECT count(*) FROM list_members m WHERE "
      "m.list_version_id = v.id) FROM list_versions v JOIN lists l ON l.id = v.list_id WHERE "
      "v.record_count != (SELECT count(*) FROM list_members m WHERE m.list_version_id = v.id)",
      "", report.problems));
  PARLEY_TRY(CollectStrings(
      db(),
      "SELECT 'list ' || l.name || ' version ' || v.version || ' was never submitted' FROM "
      "list_versions v JOIN lists l ON l.id = v.list_id WHERE v.state != 'submitted'",
      "", report.problems));
  PARLEY_TRY(CheckListEvents(db(), report.problems));
  // Rows against the events that vouch for them, and the log against its pinned length: cheap
  // (no signature is checked; `parley verify --workspace` does that).
  auto vouched = VerifyVouchedRows(*this);
  if (!vouched) {
    report.problems.push_back("ledger: rows not checked against their events: " +
                              vouched.error().message);
  } else {
    for (std::string& p : vouched->problems) report.problems.push_back("ledger: " + std::move(p));
  }
  PARLEY_ASSIGN_OR_RETURN(auto node, LoadNodeIdentity(db()));
  auto log = node ? Events() : Result<EventLog*>(nullptr);
  if (log && *log != nullptr) {
    if (auto pinned = (*log)->CheckPinned(); !pinned) {
      report.problems.push_back("ledger: " + pinned.error().message);
    }
  }
  // Re-hash every stored record: catches bytes changed behind parley's back.
  PARLEY_ASSIGN_OR_RETURN(auto lists, Lists());
  for (const auto& info : lists) {
    PARLEY_ASSIGN_OR_RETURN(auto versions, Versions(info.list));
    for (const auto& v : versions) {
      PARLEY_ASSIGN_OR_RETURN(auto records, Records(v.list, v.version));
      std::vector<PersonRecord> plain;
      std::vector<std::string> hashes;
      for (auto& s : records) {
        hashes.push_back(RecordContentHash(s.record));
        plain.push_back(std::move(s.record));
      }
      if (ListContentHash(plain, hashes) != v.content_sha256) {
        report.problems.push_back("list " + v.list + " version " + std::to_string(v.version) +
                                  ": stored records do not match the version's content hash");
      }
    }
  }
  return report;
}

}  // namespace parley::store
