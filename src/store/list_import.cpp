// Import of a list version: the one write path for person records.
//
// Why this shape: a bureau re-sends its whole list every time something changes, and lists
// reach a million rows. So an import (1) hashes the content and stops early when nothing
// changed, (2) loads the previous version's (id → record version, hash) map once, and
// (3) streams every row through three prepared statements in one IMMEDIATE transaction.
// Only rows whose content changed get a new record version; unchanged rows are shared by
// reference between list versions, so history costs space only for what really changed.
#include <unordered_map>

#include "core/clock.h"
#include "core/try.h"
#include "store/event_log.h"
#include "store/list_writer.h"
#include "store/received_lists.h"
#include "store/record_codec.h"
#include "store/record_sharing.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

struct PreviousRecord {
  std::int64_t record_id = 0;
  std::int64_t record_version_id = 0;
  std::int64_t version = 0;
  std::string content_sha256;
  bool in_latest = false;
};

Result<std::int64_t> SideId(Database& db, const std::string& side, const std::string& now) {
  PARLEY_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare("INSERT OR IGNORE INTO sides(name, created_at) VALUES(?, ?)"));
  insert.Bind(1, side);
  insert.Bind(2, now);
  PARLEY_TRY(insert.Run());
  PARLEY_ASSIGN_OR_RETURN(Statement select, db.Prepare("SELECT id FROM sides WHERE name = ?"));
  select.Bind(1, side);
  PARLEY_TRY(select.Step());
  return select.ColumnInt(0);
}

// The list's id, creating it on first import; a list keeps its kind and side for life, and a
// list made from another party's disclosure takes only received versions (and the reverse).
Result<std::int64_t> ListId(Database& db, const ImportRequest& req, std::int64_t side_id,
                            const std::string& now, ListOrigin origin) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement select,
      db.Prepare("SELECT l.id, l.kind, s.name FROM lists l JOIN sides s ON s.id = l.side_id "
                 "WHERE l.name = ?"));
  select.Bind(1, req.list_name);
  PARLEY_ASSIGN_OR_RETURN(bool found, select.Step());
  if (found) {
    const std::int64_t list_id = select.ColumnInt(0);
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> provenance,
                            ReceivedListProvenance(db, list_id));
    if (provenance && origin == ListOrigin::kLocal) {
      return Fail(ErrorCode::kConflict,
                  "list '" + req.list_name + "' is read-only: it was " + *provenance +
                      "; its records change only by a newer disclosure from that party. Import "
                      "your own file under another list name; nothing was changed",
                  {"", 0, 0, "--list"});
    }
    if (!provenance && origin == ListOrigin::kReceived) {
      return Fail(ErrorCode::kConflict,
                  "list '" + req.list_name +
                      "' is one of this node's own lists; a disclosure cannot become a version "
                      "of it. Import the bundle with another --list-prefix; nothing was changed",
                  {"", 0, 0, "--list-prefix"});
    }
    const std::string kind = select.ColumnText(1);
    const std::string side = select.ColumnText(2);
    if (kind != ListKindName(req.kind) || side != req.side) {
      return Fail(ErrorCode::kConflict, "list '" + req.list_name + "' is a " + kind +
                                            " list of side '" + side + "'; import it with --kind " +
                                            kind + " --side " + side +
                                            ", or choose another list name");
    }
    return list_id;
  }
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert,
      db.Prepare("INSERT INTO lists(name, kind, side_id, created_at) VALUES(?, ?, ?, ?)"));
  insert.Bind(1, req.list_name);
  insert.Bind(2, ListKindName(req.kind));
  insert.Bind(3, side_id);
  insert.Bind(4, now);
  PARLEY_TRY(insert.Run());
  return db.LastInsertId();
}

struct LatestVersion {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string content_sha256;
};

Result<LatestVersion> Latest(Database& db, std::int64_t list_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT id, version, content_sha256 FROM list_versions WHERE "
                                     "list_id = ? ORDER BY version DESC LIMIT 1"));
  st.Bind(1, list_id);
  PARLEY_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return LatestVersion{};
  return LatestVersion{st.ColumnInt(0), st.ColumnInt(1), st.ColumnText(2)};
}

Result<std::unordered_map<std::string, PreviousRecord>> LoadPrevious(Database& db,
                                                                     std::int64_t list_id,
                                                                     std::int64_t latest_id) {
  std::unordered_map<std::string, PreviousRecord> previous;
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT pr.record_key, pr.id, rv.id, rv.version, rv.content_sha256 "
                 "FROM person_records pr JOIN record_versions rv ON rv.record_id = pr.id "
                 "WHERE pr.list_id = ? ORDER BY pr.id, rv.version"));
  st.Bind(1, list_id);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    previous[st.ColumnText(0)] = {st.ColumnInt(1), st.ColumnInt(2), st.ColumnInt(3),
                                  st.ColumnText(4), false};
  }
  PARLEY_ASSIGN_OR_RETURN(
      Statement members,
      db.Prepare("SELECT pr.record_key FROM list_members m JOIN record_versions rv ON rv.id = "
                 "m.record_version_id JOIN person_records pr ON pr.id = rv.record_id "
                 "WHERE m.list_version_id = ?"));
  members.Bind(1, latest_id);
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, members.Step());
    if (!row) break;
    previous[members.ColumnText(0)].in_latest = true;
  }
  return previous;
}

void BindRecordVersion(Statement& st, std::int64_t record_id, std::int64_t version,
                       const std::string& hash, const PersonRecord& r,
                       std::int64_t list_version_id) {
  st.Bind(1, record_id);
  st.Bind(2, version);
  st.Bind(3, hash);
  int column = 4;
  for (std::string_view name : kCanonicalColumns) {
    if (name == "id") continue;
    st.Bind(column++, CanonicalField(r, name));
  }
  st.Bind(column++, ExtraToJson(r.extra));
  st.Bind(column++, r.source_row);
  st.Bind(column, list_version_id);
}

Result<std::int64_t> InsertListVersion(Database& db, const ImportRequest& req, std::int64_t list_id,
                                       std::int64_t version, const std::string& hash,
                                       const std::string& now) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("INSERT INTO list_versions(list_id, version, state, content_sha256, "
                 "record_count, source_file, source_format, source_encoding, name_order, "
                 "imported_by, created_at) VALUES(?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, list_id);
  st.Bind(2, version);
  st.Bind(3, hash);
  st.Bind(4, static_cast<std::int64_t>(req.records.size()));
  st.Bind(5, req.source_file);
  st.Bind(6, req.source_format);
  st.Bind(7, req.encoding);
  st.Bind(8, req.name_order);
  st.Bind(9, req.actor);
  st.Bind(10, now);
  PARLEY_TRY(st.Run());
  return db.LastInsertId();
}

Result<void> CheckUniqueIds(const ImportRequest& req) {
  std::unordered_map<std::string_view, std::int64_t> seen;
  seen.reserve(req.records.size());
  for (const auto& r : req.records) {
    auto [it, fresh] = seen.emplace(r.id, r.source_row);
    if (!fresh) {
      return Fail(ErrorCode::kInvalidInput,
                  "id '" + r.id + "' is used twice (rows " + std::to_string(it->second) + " and " +
                      std::to_string(r.source_row) + "); ids must be unique in a list",
                  {req.source_file, r.source_row, 0, "id"});
    }
  }
  return {};
}

}  // namespace

// The event says what was submitted, never who is on the list: names and other personal data
// stay in the workspace; the content hash lets another party check a copy they receive.
Result<void> Workspace::RecordSubmission(LoggedTransaction& tx, const ImportRequest& req,
                                         std::int64_t version, const std::string& content_sha256,
                                         std::int64_t version_id,
                                         const std::vector<std::int64_t>& record_versions) {
  // The records root commits to every field of every record under salts only this node can
  // derive (store/record_sharing.h): contents stay provable, the event stays free of them.
  PARLEY_ASSIGN_OR_RETURN(ledger::SaltKey salt_key,
                          ledger::SaltKey::FromSeed(tx.Log().NodeKey().Seed()));
  PARLEY_ASSIGN_OR_RETURN(ledger::Hash records_root,
                          ListRecordsRoot(salt_key, req.list_name, req.records, record_versions));
  PARLEY_ASSIGN_OR_RETURN(
      ledger::SignedEvent event,
      tx.Append({req.actor, req.actor_key}, "list.version_submitted",
                {{"list", req.list_name},
                 {"kind", std::string(ListKindName(req.kind))},
                 {"side", req.side},
                 {"version", version},
                 {"record_count", static_cast<std::int64_t>(req.records.size())},
                 {"content_sha256", content_sha256},
                 {"records_root", ledger::EncodeBase64(ledger::AsChars(records_root))}}));
  PARLEY_ASSIGN_OR_RETURN(
      Statement link,
      db().Prepare("INSERT INTO ledger_list_events(list_version_id, seq) VALUES(?, ?)"));
  link.Bind(1, version_id);
  link.Bind(2, static_cast<std::int64_t>(event.event.seq));
  return link.Run();
}

Result<ImportOutcome> Workspace::ImportList(const ImportRequest& req) {
  LoggedTransaction tx(*this);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(WrittenListVersion written,
                          WriteListVersion(db(), req, ListOrigin::kLocal));
  // Unchanged: the transaction rolls back, nothing was written.
  if (written.outcome.unchanged) return written.outcome;
  PARLEY_TRY(RecordSubmission(tx, req, written.outcome.version, written.content_sha256,
                              written.version_id, written.record_versions));
  PARLEY_TRY(tx.Commit());
  return written.outcome;
}

Result<WrittenListVersion> WriteListVersion(Database& db, const ImportRequest& req,
                                            ListOrigin origin) {
  if (req.list_name.empty() || req.list_name.find('@') != std::string::npos) {
    return Fail(ErrorCode::kInvalidInput,
                "list name '" + req.list_name + "' is empty or holds '@'; choose another",
                {"", 0, 0, "--list"});
  }
  if (req.side.empty()) {
    return Fail(ErrorCode::kInvalidInput, "a side is needed (--side ua, ru, mediator, ...)",
                {"", 0, 0, "--side"});
  }
  PARLEY_TRY(CheckUniqueIds(req));
  std::vector<std::string> hashes;
  hashes.reserve(req.records.size());
  for (const auto& r : req.records) hashes.push_back(RecordContentHash(r));
  std::string list_hash = ListContentHash(req.records, hashes);

  const std::string now = UtcNow();
  WrittenListVersion written;
  written.content_sha256 = list_hash;
  ImportOutcome& outcome = written.outcome;
  PARLEY_ASSIGN_OR_RETURN(std::int64_t side_id, SideId(db, req.side, now));
  PARLEY_ASSIGN_OR_RETURN(std::int64_t list_id, ListId(db, req, side_id, now, origin));
  PARLEY_ASSIGN_OR_RETURN(LatestVersion latest, Latest(db, list_id));
  if (latest.version > 0 && latest.content_sha256 == list_hash) {
    outcome.unchanged = true;
    outcome.version = latest.version;
    outcome.kept = static_cast<std::int64_t>(req.records.size());
    return written;
  }
  PARLEY_ASSIGN_OR_RETURN(auto previous, LoadPrevious(db, list_id, latest.id));
  outcome.version = latest.version + 1;
  PARLEY_ASSIGN_OR_RETURN(std::int64_t version_id,
                          InsertListVersion(db, req, list_id, outcome.version, list_hash, now));

  PARLEY_ASSIGN_OR_RETURN(
      Statement insert_record,
      db.Prepare("INSERT INTO person_records(list_id, record_key) VALUES(?, ?)"));
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert_version,
      db.Prepare("INSERT INTO record_versions(record_id, version, content_sha256, surname, "
                 "given_name, patronymic, full_name, birth_date, birth_place, service_number, "
                 "rank, unit, sex, category, notes, extra_json, source_row, created_in) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  PARLEY_ASSIGN_OR_RETURN(
      Statement insert_member,
      db.Prepare("INSERT INTO list_members(list_version_id, position, record_version_id) "
                 "VALUES(?, ?, ?)"));

  std::int64_t still_present = 0;
  std::vector<std::int64_t> record_versions(req.records.size(), 1);
  for (size_t i = 0; i < req.records.size(); ++i) {
    const PersonRecord& r = req.records[i];
    std::int64_t member_id = 0;
    auto it = previous.find(r.id);
    if (it != previous.end() && it->second.content_sha256 == hashes[i]) {
      member_id = it->second.record_version_id;
      record_versions[i] = it->second.version;
      ++outcome.kept;
    } else {
      std::int64_t record_id = 0;
      std::int64_t version = 1;
      if (it != previous.end()) {
        record_id = it->second.record_id;
        version = it->second.version + 1;
        ++outcome.changed;
      } else {
        insert_record.Bind(1, list_id);
        insert_record.Bind(2, r.id);
        PARLEY_TRY(insert_record.Run());
        record_id = db.LastInsertId();
        ++outcome.added;
      }
      record_versions[i] = version;
      BindRecordVersion(insert_version, record_id, version, hashes[i], r, version_id);
      PARLEY_TRY(insert_version.Run());
      member_id = db.LastInsertId();
    }
    if (it != previous.end() && it->second.in_latest) ++still_present;
    insert_member.Bind(1, version_id);
    insert_member.Bind(2, static_cast<std::int64_t>(i));
    insert_member.Bind(3, member_id);
    PARLEY_TRY(insert_member.Run());
  }
  std::int64_t previously = 0;
  for (const auto& [key, p] : previous) previously += p.in_latest ? 1 : 0;
  outcome.removed = previously - still_present;

  PARLEY_ASSIGN_OR_RETURN(Statement submit,
                          db.Prepare("UPDATE list_versions SET state = 'submitted' WHERE id = ?"));
  submit.Bind(1, version_id);
  PARLEY_TRY(submit.Run());
  written.version_id = version_id;
  written.record_versions = std::move(record_versions);
  return written;
}

}  // namespace parley::store
