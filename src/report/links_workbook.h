// parley/report/links_workbook.h — the reconciliation's links as a workbook for Excel users
// (`parley report links --format xlsx`): a sheet with the review queue (links waiting for a
// person's decision) and a sheet with every link (accepted automatically, confirmed,
// rejected, waiting), each row both records' list, id, name and birth date, the probability
// as a number, the state in the chosen languages, who decided, and the per-field reasons
// (the comparison level and weight of each field, as `parley review` shows them, and the
// names the pair matched under when not both listed names). Heads in
// the chosen languages, frozen, with an autofilter; the same workspace state gives the same
// bytes. Read through store/link_store.h; names come from each record's latest version.
//
//   PARLEY_TRY(WriteLinksWorkbook(ws, langs, "links.xlsx"));
#pragma once

#include <filesystem>

#include "core/error.h"
#include "report/report_language.h"
#include "store/workspace.h"

namespace parley::report {

[[nodiscard]] Result<void> WriteLinksWorkbook(store::Workspace& ws,
                                              const std::vector<ReportLanguage>& languages,
                                              const std::filesystem::path& path);

}  // namespace parley::report
