// parley/store/list_writer.h — the one writer of a list version's rows (store-internal).
//
// What it is for: a list version is written the same way whether it comes from a file this
// node imported (Workspace::ImportList, then its list.version_submitted event) or from another
// party's disclosure (store/received_lists.h, then its list.version_received event): unchanged
// rows shared with the previous version, changed rows as new record versions, the version
// submitted and frozen. The caller holds the transaction and appends the event that vouches
// for the rows.
//
// Contract: runs inside the caller's write transaction; an unchanged list (same content hash as
// its latest version) writes nothing and says so in outcome.unchanged. A list made from a
// disclosure takes no local version and a local list takes no received one (kConflict naming
// the list and, for a received list, where it came from).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/workspace.h"

namespace parley::store {

enum class ListOrigin { kLocal, kReceived };

struct WrittenListVersion {
  ImportOutcome outcome;
  std::string content_sha256;
  std::int64_t version_id = 0;                // list_versions.id (0 when unchanged)
  std::vector<std::int64_t> record_versions;  // the record version of each record, in order
};

[[nodiscard]] Result<WrittenListVersion> WriteListVersion(Database& db, const ImportRequest& req,
                                                          ListOrigin origin);

}  // namespace parley::store
