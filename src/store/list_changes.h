// parley/store/list_changes.h — what changed in a list between two of its versions.
//
// What it is for: GET /api/v1/lists/{list}/versions/{version}/changes?since=V, where a clerk
// or an analyst sees what a new version of a list brought: records added, removed and changed,
// each changed one field by field (old → new).
//
// Contract: records are matched by their key in the list (person_records holds one record ID
// per list and key, whatever the version), so "changed" is the same key with other content
// (record_versions.content_sha256, which covers content, not the source row), "added" a key
// only in `version`, "removed" a key only in `since`. Either version may be the older one.
// Counts cover the whole difference; the page (`offset`, `limit`, optionally one kind) is cut
// in SQL, added first, then removed, then changed, each in list order (position in `version`,
// or in `since` for removed records). Field changes name the canonical columns except `id`
// (birth_date in its ISO form) and every extra column, in that order.
//
// Why in SQL: a register of 100,000 people changes by a few hundred rows between versions;
// the difference is found by joining the two versions' members on record ID, and only the
// rows of the page are read whole.
//
//   PARLEY_ASSIGN_OR_RETURN(ListChangesPage page,
//                           ListChanges(ws, {.list = "ua-request", .since = 1, .version = 2}));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

enum class RecordChangeKind { kAdded, kRemoved, kChanged };

[[nodiscard]] std::string_view RecordChangeKindName(RecordChangeKind kind);
// "added", "removed", "changed"; nullopt for anything else.
[[nodiscard]] std::optional<RecordChangeKind> ParseRecordChangeKind(std::string_view name);

struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};

struct RecordChange {
  RecordChangeKind kind = RecordChangeKind::kAdded;
  std::int64_t record_id = 0;
  std::optional<StoredRecord> before;  // as in `since` (removed, changed)
  std::optional<StoredRecord> after;   // as in `version` (added, changed)
  std::vector<FieldChange> fields;     // changed records only
};

struct ListChangeCounts {
  std::int64_t added = 0;
  std::int64_t removed = 0;
  std::int64_t changed = 0;
  std::int64_t kept = 0;  // in both, same content
};

struct ListChangesQuery {
  std::string list;
  std::int64_t since = 0;
  std::int64_t version = 0;
  std::optional<RecordChangeKind> only = std::nullopt;  // one kind of change, or all
  std::int64_t offset = 0;
  std::int64_t limit = 100;
};

struct ListChangesPage {
  ListVersionInfo since;
  ListVersionInfo version;
  ListChangeCounts counts;
  std::int64_t total = 0;  // changes of the kind asked for (all kinds: added+removed+changed)
  std::vector<RecordChange> changes;
};

// The fields whose values differ between two records (see the contract above for the order).
[[nodiscard]] std::vector<FieldChange> ChangedFields(const PersonRecord& before,
                                                     const PersonRecord& after);

// kNotFound when the list or either version does not exist.
[[nodiscard]] Result<ListChangesPage> ListChanges(Workspace& ws, const ListChangesQuery& query);

}  // namespace parley::store
