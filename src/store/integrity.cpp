// The workspace's integrity check: SQLite's own page-level and foreign-key checks, then
// parley's invariants, each of which a crash or a bug could break:
// - every submitted list version holds exactly record_count members;
// - no draft version is left behind (an import is whole or absent);
// - every record version's content hash matches its stored content.
#include "core/try.h"
#include "store/record_codec.h"
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

}  // namespace

Result<IntegrityReport> Workspace::CheckIntegrity() {
  IntegrityReport report;
  PARLEY_TRY(CollectStrings(db_, "PRAGMA integrity_check", "sqlite: ", report.problems));
  PARLEY_TRY(CollectStrings(
      db_,
      "SELECT 'table ' || \"table\" || ' row ' || rowid || ' breaks a reference to ' || "
      "parent FROM pragma_foreign_key_check",
      "foreign key: ", report.problems));
  PARLEY_TRY(CollectStrings(
      db_,
      "SELECT 'list ' || l.name || ' version ' || v.version || ' should hold ' || "
      "v.record_count || ' records but holds ' || (SELECT count(*) FROM list_members m WHERE "
      "m.list_version_id = v.id) FROM list_versions v JOIN lists l ON l.id = v.list_id WHERE "
      "v.record_count != (SELECT count(*) FROM list_members m WHERE m.list_version_id = v.id)",
      "", report.problems));
  PARLEY_TRY(CollectStrings(
      db_,
      "SELECT 'list ' || l.name || ' version ' || v.version || ' was never submitted' FROM "
      "list_versions v JOIN lists l ON l.id = v.list_id WHERE v.state != 'submitted'",
      "", report.problems));
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
