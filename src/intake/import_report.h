// parley/intake/import_report.h — what importing one list file did, and its JSON.
//
// One report for every front end: `parley import` and `parley demo` print it, `parley import
// --json` and the API's list upload (POST /api/v1/lists/{list}/versions) write it as JSON through
// ImportReportJson, so the two can never drift apart in the fields they share. They differ
// only where their readers do: the command line names the rejects file it wrote beside the
// input (the user can open it); an API client cannot reach that file (it sits beside the
// server's temporary copy of the upload), so it is sent the rejected rows themselves.
//
//   PARLEY_ASSIGN_OR_RETURN(ImportFileReport r, ImportListFile(ws, request));
//   std::cout << ImportReportJson(r, ImportReportReader::kCommandLine).dump(2);
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "lists/list_file.h"
#include "store/workspace.h"

namespace parley::intake {

struct ImportFileReport {
  std::string list;              // the list's name in the workspace
  ListFile file;                 // what was read (records moved out once stored)
  std::size_t record_count = 0;  // good rows imported
  std::string rejects_file;      // written only with skip_invalid and bad rows
  store::ImportOutcome outcome;
};

// Who reads the JSON; see the header comment for why their fields differ.
enum class ImportReportReader {
  kCommandLine,  // adds "rejects_file": the path written, "" when none
  kApi,          // adds "rejects": [{row, field, message}] of the rows skipped
};

// The report as one JSON object: list, version, unchanged, encoding, name_order, records,
// rejected, added, changed, kept, removed, and the reader's own field.
[[nodiscard]] nlohmann::json ImportReportJson(const ImportFileReport& report,
                                              ImportReportReader reader);

}  // namespace parley::intake
