// parley/cli/import_flow.h — one list file into the workspace, as `import` and `demo` do it.
//
// Policy lives here, not in the reader or the store: the whole file is read and validated
// before the store is touched; any bad row refuses the import (kInvalidInput naming the
// count; the rows are in `file.rejects`) unless `skip_invalid`, which imports the rest and
// writes the rejects to FILE.rejects.csv beside the input.
#pragma once

#include <string>

#include "lists/list_file.h"
#include "store/workspace.h"

namespace parley::cli {

struct ImportFileRequest {
  std::filesystem::path file;
  std::string list;
  ListKind kind = ListKind::kCustody;
  std::string side;
  ListReadOptions read;
  bool skip_invalid = false;
  std::string actor;
  const ledger::SigningKey* actor_key = nullptr;  // see store::ImportRequest::actor_key
};

struct ImportFileReport {
  ListFile file;                 // what was read (records moved out once stored)
  std::size_t record_count = 0;  // good rows imported
  std::string rejects_file;      // written only with skip_invalid and bad rows
  store::ImportOutcome outcome;
};

// On refusal because of bad rows, the error is returned and `rejected` (when given) receives
// the file as read, so the caller can list every bad row.
// `source_name`, when given, is recorded as the version's source file instead of
// `request.file` (an upload through `parley serve` is read from a temporary copy).
[[nodiscard]] Result<ImportFileReport> ImportListFile(store::Workspace& ws,
                                                      const ImportFileRequest& request,
                                                      ListFile* rejected = nullptr,
                                                      std::string_view source_name = {});

}  // namespace parley::cli
