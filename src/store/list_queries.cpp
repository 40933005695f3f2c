// Read-side queries of the workspace: lists, versions, records and record history.
#include <nlohmann/json.hpp>
#include <string>

#include "core/try.h"
#include "store/record_codec.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

constexpr const char* kVersionColumns =
    "SELECT l.name, l.kind, s.name, v.version, v.state, v.record_count, v.content_sha256, "
    "v.source_file, v.source_format, v.source_encoding, v.name_order, v.imported_by, "
    "v.created_at, r.origin, r.sender_node, r.sender_list, r.sender_version, r.sender_seq, "
    "r.bundle_sha256, r.checkpoint_size, r.checkpoint_root, r.withheld_json, r.seq "
    "FROM list_versions v JOIN lists l ON l.id = v.list_id "
    "JOIN sides s ON s.id = l.side_id "
    "LEFT JOIN received_list_versions r ON r.list_version_id = v.id ";

// Columns 13.. of kVersionColumns: the provenance of a received version, or nothing.
std::optional<ReceivedFrom> ReadReceivedFrom(const Statement& st) {
  if (st.ColumnIsNull(13)) return std::nullopt;
  ReceivedFrom r{st.ColumnText(13),
                 st.ColumnText(14),
                 st.ColumnText(15),
                 st.ColumnInt(16),
                 static_cast<std::uint64_t>(st.ColumnInt(17)),
                 st.ColumnText(18),
                 static_cast<std::uint64_t>(st.ColumnInt(19)),
                 st.ColumnText(20),
                 {},
                 static_cast<std::uint64_t>(st.ColumnInt(22))};
  const auto withheld = nlohmann::json::parse(st.ColumnText(21), nullptr, false);
  if (withheld.is_array()) {
    for (const auto& f : withheld) {
      if (f.is_string()) r.withheld.push_back(f.get<std::string>());
    }
  }
  return r;
}

ListVersionInfo ReadVersion(const Statement& st) {
  return {st.ColumnText(0),  st.ColumnText(1),    st.ColumnText(2),  st.ColumnInt(3),
          st.ColumnText(4),  st.ColumnInt(5),     st.ColumnText(6),  st.ColumnText(7),
          st.ColumnText(8),  st.ColumnText(9),    st.ColumnText(10), st.ColumnText(11),
          st.ColumnText(12), ReadReceivedFrom(st)};
}

Result<std::vector<ListVersionInfo>> CollectVersions(Statement& st) {
  std::vector<ListVersionInfo> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(ReadVersion(st));
  }
  return out;
}

constexpr const char* kRecordColumns =
    "SELECT rv.record_id, rv.version, l.name, cv.version, pr.record_key, rv.surname, "
    "rv.given_name, rv.patronymic, rv.full_name, rv.birth_date, rv.birth_place, "
    "rv.service_number, rv.rank, rv.unit, rv.sex, rv.category, rv.notes, rv.extra_json, "
    "rv.source_row, sd.name FROM record_versions rv "
    "JOIN person_records pr ON pr.id = rv.record_id JOIN lists l ON l.id = pr.list_id "
    "JOIN sides sd ON sd.id = l.side_id JOIN list_versions cv ON cv.id = rv.created_in ";

Result<StoredRecord> ReadRecord(const Statement& st) {
  StoredRecord s;
  s.record_id = st.ColumnInt(0);
  s.record_version = st.ColumnInt(1);
  s.list = st.ColumnText(2);
  s.created_in_list_version = st.ColumnInt(3);
  PersonRecord& r = s.record;
  r.id = st.ColumnText(4);
  r.surname = st.ColumnText(5);
  r.given_name = st.ColumnText(6);
  r.patronymic = st.ColumnText(7);
  r.full_name = st.ColumnText(8);
  PARLEY_ASSIGN_OR_RETURN(r.birth_date,
                          ParsePartialDate(st.ColumnText(9), DateBounds{0, PartialDate{9999}}));
  r.birth_place = st.ColumnText(10);
  r.service_number = st.ColumnText(11);
  r.rank = st.ColumnText(12);
  r.unit = st.ColumnText(13);
  r.sex = st.ColumnText(14);
  r.category = st.ColumnText(15);
  r.notes = st.ColumnText(16);
  PARLEY_ASSIGN_OR_RETURN(r.extra, ExtraFromJson(st.ColumnText(17)));
  r.source_row = st.ColumnInt(18);
  s.list_side = st.ColumnText(19);
  return s;
}

Result<std::vector<StoredRecord>> CollectRecords(Statement& st) {
  std::vector<StoredRecord> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    PARLEY_ASSIGN_OR_RETURN(StoredRecord r, ReadRecord(st));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<ListVersionInfo>> Workspace::Lists() {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db().Prepare(std::string(kVersionColumns) +
                   "WHERE v.version = (SELECT max(version) FROM list_versions WHERE list_id = "
                   "l.id AND state = 'submitted') ORDER BY l.name"));
  return CollectVersions(st);
}

Result<std::vector<ListVersionInfo>> Workspace::Versions(const std::string& list) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db().Prepare(std::string(kVersionColumns) +
                                 "WHERE l.name = ? AND v.state = 'submitted' ORDER BY v.version"));
  st.Bind(1, list);
  PARLEY_ASSIGN_OR_RETURN(auto versions, CollectVersions(st));
  if (versions.empty()) {
    return Fail(ErrorCode::kNotFound,
                "no list named '" + list + "' in this workspace; `parley lists` shows them");
  }
  return versions;
}

Result<ListVersionInfo> Workspace::Version(const std::string& list,
                                           std::optional<std::int64_t> version) {
  PARLEY_ASSIGN_OR_RETURN(auto versions, Versions(list));
  if (!version) return versions.back();
  for (auto& v : versions) {
    if (v.version == *version) return v;
  }
  return Fail(ErrorCode::kNotFound, "list '" + list + "' has no version " +
                                        std::to_string(*version) + "; its latest is " +
                                        std::to_string(versions.back().version));
}

Result<std::vector<StoredRecord>> Workspace::Records(const std::string& list,
                                                     std::optional<std::int64_t> version) {
  PARLEY_ASSIGN_OR_RETURN(ListVersionInfo info, Version(list, version));
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db().Prepare(std::string(kRecordColumns) +
                                 "JOIN list_members m ON m.record_version_id = rv.id "
                                 "JOIN list_versions lv ON lv.id = m.list_version_id "
                                 "WHERE lv.list_id = pr.list_id AND l.name = ? AND lv.version = ? "
                                 "ORDER BY m.position"));
  st.Bind(1, list);
  st.Bind(2, info.version);
  return CollectRecords(st);
}

Result<std::vector<StoredRecord>> Workspace::RecordsPage(const std::string& list,
                                                         std::int64_t version, std::int64_t offset,
                                                         std::int64_t limit) {
  // The members' primary key (list_version_id, position) gives the page in order; the list
  // version is found first so that the planner starts from it.
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db().Prepare(std::string(kRecordColumns) +
                   "JOIN list_members m ON m.record_version_id = rv.id "
                   "WHERE m.list_version_id = (SELECT lv.id FROM list_versions lv "
                   "JOIN lists ll ON ll.id = lv.list_id WHERE ll.name = ? AND lv.version = ?) "
                   "ORDER BY m.position LIMIT ? OFFSET ?"));
  st.Bind(1, list);
  st.Bind(2, version);
  st.Bind(3, limit);
  st.Bind(4, offset);
  return CollectRecords(st);
}

Result<std::vector<StoredRecord>> Workspace::RecordHistory(std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db().Prepare(std::string(kRecordColumns) +
                                                     "WHERE rv.record_id = ? ORDER BY rv.version"));
  st.Bind(1, record_id);
  PARLEY_ASSIGN_OR_RETURN(auto history, CollectRecords(st));
  if (history.empty()) {
    return Fail(ErrorCode::kNotFound, "no person record with ID " + std::to_string(record_id) +
                                          "; `parley show LIST` lists record IDs");
  }
  return history;
}

namespace {

// A JSON array of ids, bound to one `json_each(?)` parameter: one statement text (and so one
// cached prepared statement) for any number of ids.
std::string IdArray(std::span<const std::int64_t> ids) {
  std::string out = "[";
  for (std::int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

}  // namespace

Result<std::map<std::int64_t, std::int64_t>> Workspace::LatestVersionNumbers(
    std::span<const std::int64_t> record_ids) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db().Prepare("SELECT record_id, max(version) FROM record_versions WHERE record_id IN "
                   "(SELECT value FROM json_each(?)) GROUP BY record_id"));
  st.Bind(1, IdArray(record_ids));
  std::map<std::int64_t, std::int64_t> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.emplace(st.ColumnInt(0), st.ColumnInt(1));
  }
  return out;
}

Result<std::vector<StoredRecord>> Workspace::LatestRecords(
    std::span<const std::int64_t> record_ids) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db().Prepare(std::string(kRecordColumns) +
                   "WHERE rv.record_id IN (SELECT value FROM json_each(?)) AND rv.version = "
                   "(SELECT max(x.version) FROM record_versions x WHERE x.record_id = "
                   "rv.record_id)"));
  st.Bind(1, IdArray(record_ids));
  return CollectRecords(st);
}

Result<std::vector<StoredRecord>> Workspace::AllRecordVersions(const std::string& list) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db().Prepare(std::string(kRecordColumns) +
                                       "WHERE l.name = ? ORDER BY rv.record_id, rv.version"));
  st.Bind(1, list);
  return CollectRecords(st);
}

Result<std::int64_t> Workspace::FindRecord(const std::string& list, const std::string& key) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db().Prepare("SELECT pr.id FROM person_records pr JOIN lists l ON l.id = "
                                       "pr.list_id WHERE l.name = ? AND pr.record_key = ?"));
  st.Bind(1, list);
  st.Bind(2, key);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    return Fail(ErrorCode::kNotFound, "list '" + list + "' has no record with id '" + key + "'");
  }
  return st.ColumnInt(0);
}

}  // namespace parley::store
