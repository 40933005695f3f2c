// Handlers: person records, their interviews, handover events, access log, integrity (api.h).
// Every handler here that returns person-record fields writes the access log.
#include <set>
#include <string>

#include "core/clock.h"
#include "core/try.h"
#include "handover/person_status.h"
#include "negotiation/planned_handover.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/json_shapes.h"

namespace parley::server {
namespace {

std::int64_t RecordId(const ApiRequest& req) {
  // The API layer has already parsed and resolved {id} (ResolveResource), so this succeeds.
  return std::stoll(req.path_params.at("id"));
}

constexpr std::int64_t kDefaultAccessLogPage = 100;
constexpr std::int64_t kMaxAccessLogPage = 1000;

// The lists whose records' reads `who` may see in the node's access log: those it may read.
Result<std::set<std::string>> VisibleLists(store::Workspace& ws, const Principal& who) {
  PARLEY_ASSIGN_OR_RETURN(auto lists, ws.Lists());
  PARLEY_ASSIGN_OR_RETURN(auto shared_names, ListsSharedWith(ws, who.side));
  std::set<std::string> shared(shared_names.begin(), shared_names.end());
  std::set<std::string> out;
  for (const auto& v : lists) {
    if (MaySee(who, v.side, shared.contains(v.list))) out.insert(v.list);
  }
  return out;
}

}  // namespace

ApiResponse RecordHandlers::GetRecord(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(id));
    PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
    nlohmann::json out = RecordJson(history.back());
    out["status"] = handover::ToString(status);
    access_log_.Record(req.principal->name, id, "read");
    return JsonResponse(200, out);
  }());
}

ApiResponse RecordHandlers::GetRecordHistory(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(id));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : history) out.push_back(RecordJson(r));
    access_log_.Record(req.principal->name, id, "history");
    return JsonResponse(200, {{"record_id", id}, {"versions", out}});
  }());
}

ApiResponse RecordHandlers::GetInterview(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(auto history, handover::InterviewHistory(ws, id));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : history) out.push_back(InterviewJson(i));
    PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
    return JsonResponse(200, {{"record_id", id},
                              {"version", history.empty() ? 0 : history.back().version},
                              {"current", history.empty() ? nlohmann::json() : out.back()},
                              {"history", out},
                              {"status", handover::ToString(status)}});
  }());
}

ApiResponse RecordHandlers::PutInterview(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t version, RequiredInt(body, "version"));
    handover::Interview i;
    PARLEY_ASSIGN_OR_RETURN(std::string outcome, RequiredString(body, "outcome"));
    PARLEY_ASSIGN_OR_RETURN(auto at, OptionalString(body, "at"));
    i.at = at.value_or(UtcNow());
    PARLEY_ASSIGN_OR_RETURN(auto notes, OptionalString(body, "notes"));
    i.notes = notes.value_or("");
    i.interviewer = req.principal->name;
    PARLEY_ASSIGN_OR_RETURN(i.outcome, handover::ParseInterviewOutcome(outcome));
    PARLEY_ASSIGN_OR_RETURN(handover::Interview saved,
                            handover::RecordInterview(ws, id, version, i, {req.principal->name}));
    PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
    nlohmann::json out = InterviewJson(saved);
    out["status"] = handover::ToString(status);
    return JsonResponse(version == 0 ? 201 : 200, out);
  }());
}

ApiResponse RecordHandlers::ListHandovers(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(auto events, handover::HandoverEvents(ws, id));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : events) out.push_back(HandoverJson(e));
    PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
    return JsonResponse(200, {{"record_id", id},
                              {"count", static_cast<std::int64_t>(events.size())},
                              {"events", out},
                              {"status", handover::ToString(status)}});
  }());
}

ApiResponse RecordHandlers::AppendHandoverHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    std::int64_t id = RecordId(req);
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t expected, RequiredInt(body, "expected_count"));
    handover::HandoverEvent e;
    PARLEY_ASSIGN_OR_RETURN(std::string event, RequiredString(body, "event"));
    PARLEY_ASSIGN_OR_RETURN(e.phase, RequiredInt(body, "phase"));
    PARLEY_ASSIGN_OR_RETURN(e.place, RequiredString(body, "place"));
    PARLEY_ASSIGN_OR_RETURN(auto at, OptionalString(body, "at"));
    e.at = at.value_or(UtcNow());
    e.actor = req.principal->name;
    PARLEY_ASSIGN_OR_RETURN(e.event, handover::ParseHandoverEventKind(event));
    PARLEY_ASSIGN_OR_RETURN(
        handover::HandoverEvent saved,
        negotiation::RecordPlannedHandover(ws, id, expected, e, {req.principal->name}));
    PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
    nlohmann::json out = HandoverJson(saved);
    out["status"] = handover::ToString(status);
    return JsonResponse(201, out);
  }());
}

ApiResponse RecordHandlers::GetAccessLog(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_TRY(access_log_.Flush());
    PARLEY_ASSIGN_OR_RETURN(auto entries, ReadAccessLog(ws, RecordId(req)));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : entries) {
      out.push_back({{"at", e.at}, {"user", e.user}, {"action", e.action}, {"reads", e.reads}});
    }
    return JsonResponse(200, {{"record_id", RecordId(req)}, {"entries", out}});
  }());
}

ApiResponse RecordHandlers::ListAccessLog(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    AccessLogQuery query;
    if (std::string user = req.QueryParam("user"); !user.empty()) query.user = std::move(user);
    if (!req.QueryParam("record").empty()) {
      PARLEY_ASSIGN_OR_RETURN(query.record_id, QueryInt(req, "record", 0, INT64_MAX));
    }
    PARLEY_ASSIGN_OR_RETURN(query.offset, QueryInt(req, "offset", 0, INT32_MAX));
    PARLEY_ASSIGN_OR_RETURN(query.limit,
                            QueryInt(req, "limit", kDefaultAccessLogPage, kMaxAccessLogPage));
    if (!req.principal->IsMediator()) {
      PARLEY_ASSIGN_OR_RETURN(query.visible_lists, VisibleLists(ws, *req.principal));
    }
    // Reads still queued (at most AccessLog::kFlushInterval old) are written first, so the
    // page holds every read recorded before this request.
    PARLEY_TRY(access_log_.Flush());
    PARLEY_ASSIGN_OR_RETURN(AccessLogPage page, ReadAccessLogPage(ws, query));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : page.rows) {
      out.push_back({{"at", row.access.at},
                     {"user", row.access.user},
                     {"action", row.access.action},
                     {"reads", row.access.reads},
                     {"record_id", row.access.record_id},
                     {"list", row.list},
                     {"record_key", row.record_key}});
    }
    return JsonResponse(
        200,
        {{"entries", out}, {"offset", query.offset}, {"limit", query.limit}, {"more", page.more}});
  }());
}

ApiResponse RecordHandlers::CheckIntegrityHandler(ApiRequest&, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto report, ws.CheckIntegrity());
    return JsonResponse(200, {{"ok", report.ok()}, {"problems", report.problems}});
  }());
}

}  // namespace parley::server
