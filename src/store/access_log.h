// parley/store/access_log.h — the rows of who read which person record, and when (table
// `access_log`, append-only by trigger).
//
// Contract: AppendAccessRows writes a batch in one transaction (all rows or none); a row
// carries the number of identical reads it stands for (`reads`, at least 1). Which reads are
// identical, and when a batch is written, is the server's decision (server/access_log.h):
// this file keeps the rows as it is given them.
//
//   PARLEY_TRY(AppendAccessRows(ws, {{"2026-01-01T10:00:00Z", "olena", 42, "read", 3}}));
//   PARLEY_ASSIGN_OR_RETURN(auto rows, AccessRowsOfRecord(ws, 42));   // newest first
//   AccessLogQuery query;
//   query.user = "olena";
//   PARLEY_ASSIGN_OR_RETURN(AccessLogPage page, QueryAccessLog(ws, query));   // newest first
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

struct AccessRow {
  std::string at;
  std::string user;
  std::int64_t record_id = 0;
  std::string action;  // read, history, export, list-records, review
  std::int64_t reads = 1;
};

// In its own transaction: not for use inside another.
[[nodiscard]] Result<void> AppendAccessRows(Workspace& ws, std::span<const AccessRow> rows);
// The rows of one record, newest first.
[[nodiscard]] Result<std::vector<AccessRow>> AccessRowsOfRecord(Workspace& ws,
                                                                std::int64_t record_id);

// A page of the node's whole access log, newest first. Each filter narrows it; none set is
// every row. A user's rows are read through the index access_log_by_user, a record's through
// access_log_by_record, so a filtered page does not walk the whole log.
struct AccessLogQuery {
  std::optional<std::string> user;        // exactly this user name
  std::optional<std::int64_t> record_id;  // exactly this record
  // When set, only rows of records whose list is in it (a caller's visible lists; an empty
  // set sees nothing).
  std::optional<std::set<std::string>> visible_lists;
  std::int64_t offset = 0;
  std::int64_t limit = 100;
};

// A row with where its record lives (the list's name and the record's key in it: identifiers,
// never the record's contents).
struct AccessLogRow {
  AccessRow access;
  std::string list;
  std::string record_key;
};

struct AccessLogPage {
  std::vector<AccessLogRow> rows;
  bool more = false;  // rows beyond this page match the filters
};

[[nodiscard]] Result<AccessLogPage> QueryAccessLog(Workspace& ws, const AccessLogQuery& query);

}  // namespace parley::store
