// parley/server/list_upload.h — how an uploaded list file reaches the import policy.
//
// Contract: the server writes the uploaded bytes to a private temporary file and calls the
// ListImporter it was given; the importer applies the same all-or-nothing policy as
// `parley import` (cli/import_flow.h: every row is validated before the store is touched, and
// any bad row refuses the whole file unless skip_invalid). On refusal it returns the error
// and fills `rejects` with one Error per bad row (row, column, field, reason).
//
// Why a function and not a call: the import policy lives in the CLI module, which depends on
// this one; `parley serve` hands it in, so there is one policy and no dependency cycle.
//
//   ListImporter importer = [](store::Workspace& ws, const ListUpload& u,
//                              std::vector<Error>& rejects) -> Result<nlohmann::json> {...};
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/list_kind.h"
#include "store/workspace.h"

namespace parley::server {

struct ListUpload {
  std::filesystem::path file;  // the temporary copy of the upload
  std::string display_name;    // the uploaded file's own name, for messages and provenance
  std::string list;
  ListKind kind = ListKind::kCustody;
  std::string side;
  std::string encoding;  // empty = detect
  bool skip_invalid = false;
  std::string actor;
};

// Returns the import report (list, version, unchanged, records, added, changed, kept, removed,
// encoding, name_order, rejected).
using ListImporter = std::function<Result<nlohmann::json>(
    store::Workspace& ws, const ListUpload& upload, std::vector<Error>& rejects)>;

}  // namespace parley::server
