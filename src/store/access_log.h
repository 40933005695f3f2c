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
#pragma once

#include <cstdint>
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

}  // namespace parley::store
