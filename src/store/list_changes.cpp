#include "store/list_changes.h"

#include <algorithm>

#include "core/try.h"

namespace parley::store {
namespace {

// The members of two list versions, `to` (?1) and `from` (?2), matched on record ID; each row
// a change with its kind (0 added, 1 removed, 2 changed), the record, its version on either
// side (0: absent) and its place in the list.
constexpr const char* kChangesSql = R"sql(
WITH
  new AS (SELECT rv.record_id AS rid, rv.version AS ver, rv.content_sha256 AS sha, m.position AS pos
          FROM list_members m JOIN record_versions rv ON rv.id = m.record_version_id
          WHERE m.list_version_id = ?1),
  old AS (SELECT rv.record_id AS rid, rv.version AS ver, rv.content_sha256 AS sha, m.position AS pos
          FROM list_members m JOIN record_versions rv ON rv.id = m.record_version_id
          WHERE m.list_version_id = ?2),
  changes AS (
    SELECT 0 AS kind, new.rid AS rid, 0 AS before_ver, new.ver AS after_ver, new.pos AS pos
      FROM new WHERE new.rid NOT IN (SELECT rid FROM old)
    UNION ALL
    SELECT 1, old.rid, old.ver, 0, old.pos FROM old WHERE old.rid NOT IN (SELECT rid FROM new)
    UNION ALL
    SELECT 2, new.rid, old.ver, new.ver, new.pos FROM new JOIN old ON old.rid = new.rid
      WHERE new.sha <> old.sha)
)sql";

Result<std::int64_t> ListVersionId(Workspace& ws, const std::string& list, std::int64_t version) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, ws.db().Prepare("SELECT lv.id FROM list_versions lv JOIN lists l ON l.id = "
                                    "lv.list_id WHERE l.name = ? AND lv.version = ?"));
  st.Bind(1, list);
  st.Bind(2, version);
  PARLEY_ASSIGN_OR_RETURN(auto id,
                          ReadFirstRow(st, [](const Statement& row) { return row.ColumnInt(0); }));
  if (!id) {
    return Fail(ErrorCode::kNotFound,
                "list '" + list + "' has no version " + std::to_string(version));
  }
  return *id;
}

Result<ListChangeCounts> CountChanges(Workspace& ws, std::int64_t to, std::int64_t from) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare(std::string(kChangesSql) +
                                          "SELECT (SELECT count(*) FROM changes WHERE kind = 0), "
                                          "(SELECT count(*) FROM changes WHERE kind = 1), "
                                          "(SELECT count(*) FROM changes WHERE kind = 2), "
                                          "(SELECT count(*) FROM new JOIN old ON old.rid = new.rid "
                                          "WHERE new.sha = old.sha)"));
  st.Bind(1, to);
  st.Bind(2, from);
  PARLEY_ASSIGN_OR_RETURN(auto counts, ReadFirstRow(st, [](const Statement& row) {
                            return ListChangeCounts{row.ColumnInt(0), row.ColumnInt(1),
                                                    row.ColumnInt(2), row.ColumnInt(3)};
                          }));
  return counts.value_or(ListChangeCounts{});
}

struct ChangeRow {
  RecordChangeKind kind;
  std::int64_t record_id;
  std::int64_t before_version;  // 0: absent
  std::int64_t after_version;
};

Result<std::vector<ChangeRow>> ChangeRows(Workspace& ws, std::int64_t to, std::int64_t from,
                                          const ListChangesQuery& q) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare(std::string(kChangesSql) +
                                          "SELECT kind, rid, before_ver, after_ver FROM changes "
                                          "WHERE ?3 < 0 OR kind = ?3 ORDER BY kind, pos LIMIT ?4 "
                                          "OFFSET ?5"));
  st.Bind(1, to);
  st.Bind(2, from);
  st.Bind(3, q.only ? static_cast<std::int64_t>(*q.only) : std::int64_t{-1});
  st.Bind(4, q.limit);
  st.Bind(5, q.offset);
  return ReadRows(st, [](const Statement& row) {
    return ChangeRow{static_cast<RecordChangeKind>(row.ColumnInt(0)), row.ColumnInt(1),
                     row.ColumnInt(2), row.ColumnInt(3)};
  });
}

std::optional<StoredRecord> VersionOf(std::vector<StoredRecord>& history, std::int64_t version) {
  if (version == 0) return std::nullopt;
  for (StoredRecord& r : history) {
    if (r.record_version == version) return std::move(r);
  }
  return std::nullopt;
}

std::int64_t Total(const ListChangeCounts& c, std::optional<RecordChangeKind> only) {
  if (!only) return c.added + c.removed + c.changed;
  switch (*only) {
    case RecordChangeKind::kAdded:
      return c.added;
    case RecordChangeKind::kRemoved:
      return c.removed;
    case RecordChangeKind::kChanged:
      return c.changed;
  }
  return 0;
}

}  // namespace

std::string_view RecordChangeKindName(RecordChangeKind kind) {
  switch (kind) {
    case RecordChangeKind::kAdded:
      return "added";
    case RecordChangeKind::kRemoved:
      return "removed";
    case RecordChangeKind::kChanged:
      return "changed";
  }
  return "changed";
}

std::optional<RecordChangeKind> ParseRecordChangeKind(std::string_view name) {
  for (auto kind :
       {RecordChangeKind::kAdded, RecordChangeKind::kRemoved, RecordChangeKind::kChanged}) {
    if (RecordChangeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::vector<FieldChange> ChangedFields(const PersonRecord& before, const PersonRecord& after) {
  std::vector<FieldChange> out;
  for (std::string_view column : kCanonicalColumns) {
    if (column == "id") continue;
    std::string was = CanonicalField(before, column);
    std::string now = CanonicalField(after, column);
    if (was != now) out.push_back({std::string(column), std::move(was), std::move(now)});
  }
  std::vector<std::string> extras;
  for (const auto* r : {&before, &after}) {
    for (const ExtraField& e : r->extra) {
      if (std::find(extras.begin(), extras.end(), e.column) == extras.end()) {
        extras.push_back(e.column);
      }
    }
  }
  for (const std::string& column : extras) {
    std::string was(before.Extra(column));
    std::string now(after.Extra(column));
    if (was != now) out.push_back({column, std::move(was), std::move(now)});
  }
  return out;
}

Result<ListChangesPage> ListChanges(Workspace& ws, const ListChangesQuery& q) {
  ListChangesPage page;
  PARLEY_ASSIGN_OR_RETURN(page.since, ws.Version(q.list, q.since));
  PARLEY_ASSIGN_OR_RETURN(page.version, ws.Version(q.list, q.version));
  PARLEY_ASSIGN_OR_RETURN(std::int64_t from, ListVersionId(ws, q.list, q.since));
  PARLEY_ASSIGN_OR_RETURN(std::int64_t to, ListVersionId(ws, q.list, q.version));
  PARLEY_ASSIGN_OR_RETURN(page.counts, CountChanges(ws, to, from));
  page.total = Total(page.counts, q.only);
  PARLEY_ASSIGN_OR_RETURN(std::vector<ChangeRow> rows, ChangeRows(ws, to, from, q));
  for (const ChangeRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(std::vector<StoredRecord> history, ws.RecordHistory(row.record_id));
    RecordChange change;
    change.kind = row.kind;
    change.record_id = row.record_id;
    change.before = VersionOf(history, row.before_version);
    change.after = VersionOf(history, row.after_version);
    if (change.before && change.after) {
      change.fields = ChangedFields(change.before->record, change.after->record);
    }
    page.changes.push_back(std::move(change));
  }
  return page;
}

}  // namespace parley::store
