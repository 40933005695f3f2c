// Handlers: the papers of an exchange as downloads (papers.h). Authorisation is the route
// table's (kSignedIn, kPlanRead, kPlanSideRead, kLinkRead); here the paper is made, the people
// it names are logged, and the bytes go out with their type and file name.
#include "server/handlers/papers.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "core/file_io.h"
#include "core/temp_folder.h"
#include "core/try.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/plan_store.h"
#include "plan/plan.h"
#include "report/papers.h"
#include "report/pdf_paper.h"
#include "rules/agreement.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/handlers/link_review.h"
#include "server/http/content_disposition.h"
#include "server/request_parsing.h"

namespace parley::server {
namespace {

constexpr const char* kPdfType = "application/pdf";
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<report::Languages> Languages(const ApiRequest& req) {
  const std::string lang = req.QueryParam("lang");
  auto languages = report::ParseReportLanguages(lang.empty() ? "uk,ru" : lang);
  if (!languages) {
    Error e = languages.error();
    // The report module speaks of the CLI's flag; here it is a query parameter.
    for (auto at = e.message.find("--lang"); at != std::string::npos; at = e.message.find("--lang"))
      e.message.replace(at, 6, "?lang=");
    e.where.field = "lang";
    return std::unexpected(e);
  }
  return languages;
}

ApiResponse FileResponse(std::string bytes, const char* type, const std::string& filename) {
  ApiResponse r;
  r.body = std::move(bytes);
  r.content_type = type;
  r.headers.emplace_back("Content-Disposition", AttachmentDisposition(filename));
  return r;
}

Result<ApiResponse> PdfResponse(const report::Paper& paper) {
  PARLEY_ASSIGN_OR_RETURN(std::string pdf, report::RenderPdf(paper));
  return FileResponse(std::move(pdf), kPdfType, paper.doc_id + ".pdf");
}

std::int64_t PlanId(const ApiRequest& req) {
  return std::stoll(req.path_params.at("plan"));  // parsed by ResolveResource
}

// `phase` is required: a number from 1 (the paper checks it against the plan's phases).
Result<int> Phase(const ApiRequest& req) {
  if (req.QueryParam("phase").empty()) {
    return Fail(ErrorCode::kInvalidInput, "name the phase: ?phase=N (from 1)", {"", 0, 0, "phase"});
  }
  PARLEY_ASSIGN_OR_RETURN(std::int64_t phase, QueryInt(req, "phase", 0, 1000));
  return static_cast<int>(phase);
}

// `side` as "a" or "b" (the resolver has already checked it names one of the plan's sides).
Result<std::string> PlanSide(const ApiRequest& req, store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(auto info, negotiation::PlanInfo(ws, PlanId(req)));
  PARLEY_ASSIGN_OR_RETURN(rules::Side side,
                          negotiation::ParsePlanSide(info, req.QueryParam("side")));
  return std::string(rules::SideName(side));
}

// The record ids of the plan's people that `keep` selects: what a list or act names.
template <typename Keep>
Result<std::vector<std::int64_t>> PeopleOf(store::Workspace& ws, std::int64_t plan_id, Keep keep) {
  PARLEY_ASSIGN_OR_RETURN(auto loaded, negotiation::LoadStoredPlan(ws, plan_id));
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < loaded.plan.people.size() && i < loaded.refs.size(); ++i) {
    if (keep(loaded.plan.people[i])) ids.push_back(loaded.refs[i].record_id);
  }
  return ids;
}

template <typename Write>
Result<ApiResponse> WorkbookResponse(const std::string& filename, Write write) {
  // libxlsxwriter writes to a path, never to memory.
  PARLEY_ASSIGN_OR_RETURN(TempFolder folder, TempFolder::Create("workbook"));
  const std::filesystem::path file = folder.path() / filename;
  PARLEY_TRY(write(file));
  PARLEY_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(file));
  return FileResponse(std::move(bytes), kXlsxType, filename);
}

}  // namespace

ApiResponse PaperHandlers::AgreementPaperHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(report::Paper paper,
                            report::AgreementPaper(ws, req.path_params.at("name"), languages));
    return PdfResponse(paper);
  }());
}

ApiResponse PaperHandlers::PlanPaperHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(report::Paper paper, report::PlanPaper(ws, PlanId(req), languages));
    return PdfResponse(paper);
  }());
}

ApiResponse PaperHandlers::PlanWorkbookHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(std::string side, PlanSide(req, ws));
    const std::int64_t plan_id = PlanId(req);
    const rules::Side hands_over = side == "a" ? rules::Side::kA : rules::Side::kB;
    PARLEY_ASSIGN_OR_RETURN(auto ids, PeopleOf(ws, plan_id, [&](const plan::Candidate& c) {
                              return c.side == hands_over && c.phase > 0;
                            }));
    PARLEY_ASSIGN_OR_RETURN(
        ApiResponse r, WorkbookResponse("plan-" + std::to_string(plan_id) + "-" + side + ".xlsx",
                                        [&](const std::filesystem::path& file) {
                                          return report::WritePlanWorkbook(ws, plan_id, side,
                                                                           languages, file);
                                        }));
    access_log_.Record(req.principal->name, ids, "paper");
    return r;
  }());
}

ApiResponse PaperHandlers::ListPaperHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(int phase, Phase(req));
    PARLEY_ASSIGN_OR_RETURN(std::string side, PlanSide(req, ws));
    const std::int64_t plan_id = PlanId(req);
    PARLEY_ASSIGN_OR_RETURN(report::Paper paper,
                            report::ExchangeListPaper(ws, plan_id, phase, side, languages));
    const rules::Side hands_over = side == "a" ? rules::Side::kA : rules::Side::kB;
    PARLEY_ASSIGN_OR_RETURN(auto ids, PeopleOf(ws, plan_id, [&](const plan::Candidate& c) {
                              return c.side == hands_over && c.phase == phase && c.dropped.empty();
                            }));
    PARLEY_ASSIGN_OR_RETURN(ApiResponse r, PdfResponse(paper));
    access_log_.Record(req.principal->name, ids, "paper");
    return r;
  }());
}

ApiResponse PaperHandlers::ActPaperHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(int phase, Phase(req));
    const std::int64_t plan_id = PlanId(req);
    PARLEY_ASSIGN_OR_RETURN(report::Paper paper, report::ActPaper(ws, plan_id, phase, languages));
    // The act names everyone of the phase, both directions, dropped or not.
    PARLEY_ASSIGN_OR_RETURN(auto ids, PeopleOf(ws, plan_id, [&](const plan::Candidate& c) {
                              return c.phase == phase;
                            }));
    PARLEY_ASSIGN_OR_RETURN(ApiResponse r, PdfResponse(paper));
    access_log_.Record(req.principal->name, ids, "paper");
    return r;
  }());
}

ApiResponse PaperHandlers::ActWorkbookHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(int phase, Phase(req));
    const std::int64_t plan_id = PlanId(req);
    PARLEY_ASSIGN_OR_RETURN(auto ids, PeopleOf(ws, plan_id, [&](const plan::Candidate& c) {
                              return c.phase == phase;
                            }));
    PARLEY_ASSIGN_OR_RETURN(
        ApiResponse r,
        WorkbookResponse(
            "act-plan" + std::to_string(plan_id) + "-phase" + std::to_string(phase) + ".xlsx",
            [&](const std::filesystem::path& file) {
              return report::WriteActWorkbook(ws, plan_id, phase, languages, file);
            }));
    access_log_.Record(req.principal->name, ids, "paper");
    return r;
  }());
}

ApiResponse PaperHandlers::LinkPaperHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(report::Languages languages, Languages(req));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseId(req.path_params.at("id"), "id"));
    PARLEY_ASSIGN_OR_RETURN(report::Paper paper, report::LinkPaper(ws, id, languages));
    PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, ReadLink(ws, id));
    PARLEY_ASSIGN_OR_RETURN(ApiResponse r, PdfResponse(paper));
    access_log_.Record(req.principal->name,
                       std::vector<std::int64_t>{link.left_record_id, link.right_record_id},
                       "paper");
    return r;
  }());
}

}  // namespace parley::server
