// parley/store/migrations.h — the workspace schema, as an ordered list of migrations.
//
// Contract: migration N turns a schema at version N-1 into version N, and is applied in the
// same transaction as the `schema_version` row that records it, so a workspace is always at
// exactly one version. Migrations are append-only: never edit one that has shipped; add the
// next. Opening a workspace newer than this build knows is refused rather than risked.
#pragma once

#include <cstdint>

#include "core/error.h"
#include "store/sqlite_db.h"

namespace parley::store {

// The schema version this build writes.
[[nodiscard]] std::int64_t LatestSchemaVersion();
// Brings `db` up to LatestSchemaVersion(). Idempotent.
[[nodiscard]] Result<std::int64_t> Migrate(Database& db);
// Brings `db` up to `version` (at most LatestSchemaVersion()); a database already past it is
// left alone. For tests of a migration on data written under the version before it.
[[nodiscard]] Result<std::int64_t> MigrateTo(Database& db, std::int64_t version);

class Workspace;  // store/workspace.h
// The schema version the workspace is at (0 for an empty schema_version table).
[[nodiscard]] Result<std::int64_t> SchemaVersion(Workspace& ws);

}  // namespace parley::store
