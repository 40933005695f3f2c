#include "intake/import_flow.h"

#include "core/try.h"
#include "lists/list_name.h"

namespace parley::intake {
namespace {

std::filesystem::path RejectsPath(const std::filesystem::path& input) {
  std::filesystem::path out = input;
  out.replace_extension();
  out += ".rejects.csv";
  return out;
}

}  // namespace

Result<ImportFileReport> ImportListFile(store::Workspace& ws, const ImportFileRequest& request,
                                        ListFile* rejected, std::string_view source_name) {
  ImportFileReport report;
  // The name first: a refused name costs no read of the file, and nothing is created.
  PARLEY_ASSIGN_OR_RETURN(report.list, CheckListName(request.list));
  PARLEY_ASSIGN_OR_RETURN(report.file, ReadListFile(request.file, request.read));
  ListFile& file = report.file;
  if (!file.rejects.empty() && !request.skip_invalid) {
    Error e{ErrorCode::kInvalidInput,
            std::to_string(file.rejects.size()) +
                " invalid row(s); nothing was imported. Fix them, or import the rest with "
                "--skip-invalid",
            {request.file.string(), 0, 0, ""}};
    if (rejected != nullptr) *rejected = std::move(file);
    return std::unexpected(e);
  }
  if (file.records.empty()) {
    return Fail(ErrorCode::kInvalidInput, "no valid rows to import",
                {request.file.string(), 0, 0, ""});
  }
  if (!file.rejects.empty()) {
    report.rejects_file = RejectsPath(request.file).string();
    PARLEY_TRY(WriteRejects(report.rejects_file, file.header, file.rejects, RejectsLayoutOf(file)));
  }
  report.record_count = file.records.size();
  store::ImportRequest req{report.list,
                           request.kind,
                           request.side,
                           source_name.empty() ? request.file.string() : std::string(source_name),
                           file.format == ListFormat::kXlsx ? "xlsx" : "csv",
                           file.encoding,
                           file.name_order,
                           request.actor,
                           std::move(file.records),
                           request.actor_key};
  PARLEY_ASSIGN_OR_RETURN(report.outcome, ws.ImportList(req));
  file.records = std::move(req.records);
  return report;
}

}  // namespace parley::intake
