// parley/intake/import_flow.h — one list file into the workspace, as `parley import`, `parley
// demo` and the API's list upload (POST /api/v1/lists/{list}/versions) all do it.
//
// Policy lives here, not in the reader or the store, and here once, so that the command line
// and the server accept and refuse exactly the same files: the whole file is read (with the
// request's encoding and column mapping) and validated before the store is touched; any bad
// row refuses the import (kInvalidInput naming the count; the rows are in `file.rejects`)
// unless `skip_invalid`, which imports the rest and writes the rejects to FILE.rejects.csv
// beside the input, in the input's own encoding and delimiter. A file with no good row at all
// is refused either way. The list's name must follow lists/list_name.h (checked before the
// file is read; the report carries its NFC form, which is the name stored). The store then
// writes the version, or nothing when the content is unchanged (store::Workspace::ImportList).
//
//   ImportFileRequest req{"ru-custody.csv", "ru-custody", ListKind::kCustody, "ru", {}, false,
//                         "clerk1"};
//   ListFile rejected;
//   auto report = ImportListFile(ws, req, &rejected);
//   if (!report) for (const RowReject& r : rejected.rejects) Show(r.error);
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "intake/import_report.h"
#include "ledger/keys.h"
#include "lists/list_file.h"
#include "lists/list_kind.h"
#include "store/workspace.h"

namespace parley::intake {

struct ImportFileRequest {
  std::filesystem::path file;
  std::string list;
  ListKind kind = ListKind::kCustody;
  std::string side;
  ListReadOptions read;  // forced encoding, column mapping
  bool skip_invalid = false;
  std::string actor;
  const ledger::SigningKey* actor_key = nullptr;  // see store::ImportRequest::actor_key
};

// On refusal because of bad rows, the error is returned and `rejected` (when given) receives
// the file as read, so the caller can list every bad row.
// `source_name`, when given, is recorded as the version's source file instead of
// `request.file`: an upload is read from a temporary copy whose path means nothing later
// ("upload:NAME" says what it was).
[[nodiscard]] Result<ImportFileReport> ImportListFile(store::Workspace& ws,
                                                      const ImportFileRequest& request,
                                                      ListFile* rejected = nullptr,
                                                      std::string_view source_name = {});

}  // namespace parley::intake
