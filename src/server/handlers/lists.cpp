// Handlers: lists, their versions and records, upload, export and shares (api.h).
// Who may call them, and on which side, is decided in route_table.cpp before they run.
#include <unistd.h>

#include <set>
#include <sstream>

#include "core/file_io.h"
#include "core/temp_folder.h"
#include "core/try.h"
#include "intake/import_flow.h"
#include "intake/import_report.h"
#include "lists/list_file.h"
#include "lists/list_name.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/share_store.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/http/content_disposition.h"
#include "server/json_shapes.h"
#include "store/list_changes.h"
#include "store/read_snapshot.h"

namespace parley::server {
namespace {

constexpr std::int64_t kDefaultPageSize = 1000;
constexpr std::int64_t kMaxPageSize = 10000;
constexpr std::int64_t kDefaultChangesPage = 100;
constexpr std::int64_t kMaxChangesPage = 1000;

Result<std::optional<std::int64_t>> ParseVersionParam(const std::string& text) {
  if (text == "latest") return std::optional<std::int64_t>{};
  PARLEY_ASSIGN_OR_RETURN(store::ListRef ref, store::ParseListRef("x@" + text));
  return ref.version;
}

// Only the extension of the client's file name is used on disk (it selects CSV or XLSX).
std::string SafeExtension(const std::string& filename) {
  std::string ext = std::filesystem::path(filename).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx" || ext == ".json" || ext == ".tsv" || ext == ".txt" ? ext : ".csv";
}

}  // namespace

ApiResponse ListHandlers::ListLists(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto lists, ws.Lists());
    PARLEY_ASSIGN_OR_RETURN(auto shared_names, ListsSharedWith(ws, req.principal->side));
    std::set<std::string> shared(shared_names.begin(), shared_names.end());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : lists) {
      if (MaySee(*req.principal, v.side, shared.contains(v.list))) out.push_back(VersionJson(v));
    }
    return JsonResponse(200, {{"lists", out}});
  }());
}

ApiResponse ListHandlers::GetList(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto latest, ws.Version(req.path_params.at("list"), std::nullopt));
    return JsonResponse(200, VersionJson(latest));
  }());
}

ApiResponse ListHandlers::ListVersions(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto versions, ws.Versions(req.path_params.at("list")));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : versions) out.push_back(VersionJson(v));
    return JsonResponse(200, {{"versions", out}});
  }());
}

ApiResponse ListHandlers::ListRecords(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string& list = req.path_params.at("list");
    PARLEY_ASSIGN_OR_RETURN(auto version, ParseVersionParam(req.path_params.at("version")));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t offset, QueryInt(req, "offset", 0, INT32_MAX));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t limit,
                            QueryInt(req, "limit", kDefaultPageSize, kMaxPageSize));
    PARLEY_ASSIGN_OR_RETURN(auto info, ws.Version(list, version));
    PARLEY_ASSIGN_OR_RETURN(auto records, ws.RecordsPage(list, info.version, offset, limit));
    nlohmann::json out = nlohmann::json::array();
    std::vector<std::int64_t> read;
    for (const auto& record : records) {
      out.push_back(RecordJson(record));
      read.push_back(record.record_id);
    }
    access_log_.Record(req.principal->name, read, "list-records");
    return JsonResponse(200, {{"list", list},
                              {"version", info.version},
                              {"total", info.record_count},
                              {"offset", offset},
                              {"records", out}});
  }());
}

ApiResponse ListHandlers::ExportList(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    const std::string& list = req.path_params.at("list");
    PARLEY_ASSIGN_OR_RETURN(auto version, ParseVersionParam(req.path_params.at("version")));
    std::string format_name = req.QueryParam("format").empty() ? "csv" : req.QueryParam("format");
    PARLEY_ASSIGN_OR_RETURN(ListFormat format, ParseListFormat(format_name));
    PARLEY_ASSIGN_OR_RETURN(auto info, ws.Version(list, version));
    PARLEY_ASSIGN_OR_RETURN(auto stored, ws.Records(list, info.version));
    std::vector<PersonRecord> records;
    std::vector<std::int64_t> ids;
    for (auto& s : stored) {
      ids.push_back(s.record_id);
      records.push_back(std::move(s.record));
    }
    PARLEY_ASSIGN_OR_RETURN(TempFolder tmp, TempFolder::Create("upload"));
    std::filesystem::path file = tmp.path() / ("export." + format_name);
    // CSV as for people (a BOM, formulas neutralised): the browser UI downloads it for a
    // spreadsheet. Scripts that want the stored values byte for byte ask for JSON.
    PARLEY_TRY(WriteListFile(file, format, records, {}, CsvStyle{}));
    PARLEY_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(file));
    access_log_.Record(req.principal->name, ids, "export");
    ApiResponse r;
    r.body = std::move(bytes);
    r.content_type = format == ListFormat::kCsv    ? "text/csv; charset=utf-8"
                     : format == ListFormat::kJson ? "application/json"
                                                   : "application/vnd.openxmlformats-"
                                                     "officedocument.spreadsheetml.sheet";
    r.headers.emplace_back(
        "Content-Disposition",
        AttachmentDisposition(list + "-v" + std::to_string(info.version) + "." + format_name));
    return r;
  }());
}

ApiResponse ListHandlers::ListChangesHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    store::ListChangesQuery q;
    q.list = req.path_params.at("list");
    PARLEY_ASSIGN_OR_RETURN(auto version, ParseVersionParam(req.path_params.at("version")));
    PARLEY_ASSIGN_OR_RETURN(q.offset, QueryInt(req, "offset", 0, INT32_MAX));
    PARLEY_ASSIGN_OR_RETURN(q.limit, QueryInt(req, "limit", kDefaultChangesPage, kMaxChangesPage));
    if (std::string kind = req.QueryParam("kind"); !kind.empty()) {
      q.only = store::ParseRecordChangeKind(kind);
      if (!q.only) {
        return Fail(ErrorCode::kInvalidInput, "kind is one of added, removed, changed",
                    {"", 0, 0, "kind"});
      }
    }
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
    PARLEY_ASSIGN_OR_RETURN(auto info, ws.Version(q.list, version));
    q.version = info.version;
    if (req.QueryParam("since").empty()) {
      if (info.version == 1) {
        return Fail(ErrorCode::kInvalidInput,
                    "version 1 has no version before it: give since=N to compare with another",
                    {"", 0, 0, "since"});
      }
      q.since = info.version - 1;
    } else {
      PARLEY_ASSIGN_OR_RETURN(q.since, QueryInt(req, "since", 0, INT32_MAX));
    }
    auto page = store::ListChanges(ws, q);
    if (!page) {
      Error e = page.error();
      if (e.code == ErrorCode::kNotFound &&
          e.message.find(" version " + std::to_string(q.since)) != std::string::npos) {
        e.where.field = "since";
      }
      return std::unexpected(e);
    }
    nlohmann::json changes = nlohmann::json::array();
    std::vector<std::int64_t> read;
    for (const auto& c : page->changes) {
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& f : c.fields) {
        fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
      }
      const auto& any = c.after ? c.after : c.before;
      changes.push_back({{"kind", store::RecordChangeKindName(c.kind)},
                         {"record_id", c.record_id},
                         {"key", any ? any->record.id : ""},
                         {"before", c.before ? RecordJson(*c.before) : nlohmann::json(nullptr)},
                         {"after", c.after ? RecordJson(*c.after) : nlohmann::json(nullptr)},
                         {"fields", fields}});
      read.push_back(c.record_id);
    }
    // Every record shown is a read, as for the records of a version.
    access_log_.Record(req.principal->name, read, "list-changes");
    const auto& n = page->counts;
    return JsonResponse(
        200,
        {{"list", q.list},
         {"since", VersionJson(page->since)},
         {"version", VersionJson(page->version)},
         {"counts",
          {{"added", n.added}, {"removed", n.removed}, {"changed", n.changed}, {"kept", n.kept}}},
         {"kind", q.only ? nlohmann::json(store::RecordChangeKindName(*q.only)) : nullptr},
         {"total", page->total},
         {"offset", q.offset},
         {"changes", changes}});
  }());
}

ApiResponse ListHandlers::UploadListVersion(ApiRequest& req, store::Workspace& ws) {
  std::vector<Error> rejects;
  std::string display_name;
  auto result = [&]() -> Result<ApiResponse> {
    intake::ImportFileRequest upload;
    // The import checks the name again; checked first here, so a bad name is the answer
    // whatever else the request gets wrong.
    PARLEY_ASSIGN_OR_RETURN(upload.list, CheckListName(req.path_params.at("list")));
    auto file = req.parts.find("file");
    if (file == req.parts.end() || file->second.filename.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "send the list as multipart/form-data with a file field named 'file'",
                  {"", 0, 0, "file"});
    }
    display_name = std::filesystem::path(file->second.filename).filename().string();
    PARLEY_ASSIGN_OR_RETURN(upload.kind, ParseListKind(req.Part("kind")));
    upload.side = req.Part("side");
    if (upload.side.empty()) {
      return Fail(ErrorCode::kInvalidInput, "the list's side is needed", {"", 0, 0, "side"});
    }
    upload.read.encoding = req.Part("encoding");
    upload.skip_invalid = req.Part("skip_invalid") == "true";
    upload.actor = req.principal->name;
    PARLEY_ASSIGN_OR_RETURN(TempFolder tmp, TempFolder::Create("upload"));
    upload.file = tmp.path() / ("upload" + SafeExtension(display_name));
    PARLEY_TRY(WriteFileAtomically(upload.file, file->second.content));
    ListFile rejected;
    auto report = intake::ImportListFile(ws, upload, &rejected, "upload:" + display_name);
    if (!report) {
      for (const RowReject& r : rejected.rejects) rejects.push_back(r.error);
      return std::unexpected(report.error());
    }
    return JsonResponse(report->outcome.unchanged ? 200 : 201,
                        intake::ImportReportJson(*report, intake::ImportReportReader::kApi));
  }();
  if (result) return std::move(*result);
  Error e = result.error();
  nlohmann::json error = ErrorJson(e);
  if (!display_name.empty()) error["file"] = display_name;
  if (!rejects.empty()) {
    nlohmann::json rows = nlohmann::json::array();
    for (const Error& r : rejects) rows.push_back(ErrorJson(r));
    error["rejects"] = rows;
  }
  return JsonResponse(HttpStatusFor(e.code), {{"error", error}});
}

ApiResponse ListHandlers::ListSharesHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(ListOwner owner, FindListOwner(ws, req.path_params.at("list")));
    PARLEY_ASSIGN_OR_RETURN(auto shares, ListShares(ws, owner.list));
    bool owns = MaySee(*req.principal, owner.side, false);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : shares) {
      // A party that only received the list sees its own share, not who else got it.
      if (owns || s.side == req.principal->side) out.push_back(ShareJson(s));
    }
    return JsonResponse(200, {{"shares", out}});
  }());
}

ApiResponse ListHandlers::PutShare(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t version, RequiredInt(body, "version"));
    PARLEY_ASSIGN_OR_RETURN(auto active, OptionalBool(body, "active"));
    PARLEY_ASSIGN_OR_RETURN(Share s,
                            SetShare(ws, req.path_params.at("list"), req.path_params.at("side"),
                                     active.value_or(true), version, req.principal->name));
    return JsonResponse(version == 0 ? 201 : 200, ShareJson(s));
  }());
}

}  // namespace parley::server
