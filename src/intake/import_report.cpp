#include "intake/import_report.h"

namespace parley::intake {

nlohmann::json ImportReportJson(const ImportFileReport& r, ImportReportReader reader) {
  const store::ImportOutcome& out = r.outcome;
  nlohmann::json json{{"list", r.list},
                      {"version", out.version},
                      {"unchanged", out.unchanged},
                      {"encoding", r.file.encoding},
                      {"name_order", r.file.name_order},
                      {"rows_with_names_moved", r.file.rows_with_names_moved},
                      {"records", r.record_count},
                      {"rejected", r.file.rejects.size()},
                      {"added", out.added},
                      {"changed", out.changed},
                      {"kept", out.kept},
                      {"removed", out.removed}};
  switch (reader) {
    case ImportReportReader::kCommandLine:
      json["rejects_file"] = r.rejects_file;
      break;
    case ImportReportReader::kApi: {
      nlohmann::json rows = nlohmann::json::array();
      for (const RowReject& reject : r.file.rejects) {
        const Error& e = reject.error;
        rows.push_back({{"row", e.where.row}, {"field", e.where.field}, {"message", e.message}});
      }
      json["rejects"] = std::move(rows);
      break;
    }
  }
  return json;
}

}  // namespace parley::intake
