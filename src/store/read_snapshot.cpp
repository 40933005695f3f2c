#include "store/read_snapshot.h"

#include "store/workspace.h"

namespace parley::store {

ReadSnapshot::ReadSnapshot(Workspace& ws) : db_(ws.db()) {}

Result<void> ReadSnapshot::Begin() {
  auto begun = db_.Exec("BEGIN DEFERRED");
  if (!begun) {
    return Fail(ErrorCode::kConflict, "a read snapshot cannot start inside another transaction: " +
                                          begun.error().message);
  }
  open_ = true;
  return {};
}

ReadSnapshot::~ReadSnapshot() {
  // Nothing was written, so ending it cannot lose anything; a failure here is not actionable.
  if (open_) (void)db_.Exec("COMMIT");
}

}  // namespace parley::store
