// parley/store/read_snapshot.h — several reads that see one state of the workspace.
//
// Contract: between Begin() and the object's end, every statement on `db` reads the same
// snapshot (a deferred SQLite transaction; in WAL mode it neither waits for writers nor holds
// them up). The destructor ends it. Begin() fails (kConflict) when `db` is already inside a
// transaction: a snapshot is for top-level reads, not for use inside a write.
//
// Why: a view assembled from several queries (a page of the review queue with the counter it
// is cached under, a plan's progress from the plan, interviews and handovers) must not mix
// the states before and after a write that commits between two of its queries.
//
//   ReadSnapshot snapshot(ws);
//   PARLEY_TRY(snapshot.Begin());
//   ... queries ...
#pragma once

#include "core/error.h"
#include "store/sqlite_db.h"

namespace parley::store {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db) : db_(db) {}
  // On the workspace's connection: how code outside the store takes a snapshot.
  explicit ReadSnapshot(Workspace& ws);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  [[nodiscard]] Result<void> Begin();

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace parley::store
