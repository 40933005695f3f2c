// parley/server/handlers/papers.h — the papers of an exchange (report/papers.h) over HTTP:
// the agreement, a plan's summary and workbook, a phase's exchange list and act of transfer,
// and a link's match explanation, as PDF (or XLSX) downloads.
//
// Who may get which paper is decided in route_table.cpp like every other route (docs/server.md,
// "Papers"): the agreement and a plan's summary hold no person, so every signed-in user of
// either side may have them; a list, an act and a workbook name people, so an observer may
// not, and a party's user gets only its own side's list and workbook (Scope::kPlanSideRead)
// but the act of any phase of its plans (both parties sign it). Every person a paper names is
// written to the access log (action "paper"), as a page of records would be.
//
// Each answer is the file with its Content-Type and an attachment Content-Disposition
// (http/content_disposition.h); `lang` picks the languages as `parley report --lang` does
// (default uk,ru). The bytes are the CLI's for the same workspace state.
#pragma once

#include "server/api_types.h"
#include "server/handlers/handler_context.h"
#include "store/workspace.h"

namespace parley::server {

class PaperHandlers : public HandlerContext {
 public:
  ApiResponse AgreementPaperHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse PlanPaperHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse PlanWorkbookHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ListPaperHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ActPaperHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse ActWorkbookHandler(ApiRequest& req, store::Workspace& ws);
  ApiResponse LinkPaperHandler(ApiRequest& req, store::Workspace& ws);
};

}  // namespace parley::server
