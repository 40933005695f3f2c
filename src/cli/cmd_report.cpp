// `parley report agreement|list|act|plan|link`: the papers of an exchange as PDF (report/papers.h),
// each in two or three languages (--lang uk,ru), written to --out (default: the document's id
// with .pdf). `report act --format xlsx` writes the act's rows as a worksheet instead;
// `report plan ID --format xlsx --side S` one party's workbook of the plan.
#include <charconv>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/negotiation_commands.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "core/try.h"
#include "report/papers.h"
#include "report/pdf_paper.h"

namespace parley::cli {
namespace {

struct ReportArgs {
  std::string name;  // agreement name
  std::string plan;  // plan id
  int phase = 0;
  std::string side;
  std::string lang = "uk,ru";
  std::string out;
  std::string format = "pdf";
};

Result<std::int64_t> ParseLinkId(const std::string& text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
    return Fail(ErrorCode::kInvalidInput,
                "'" + text + "' is not a link number; `parley review --list` shows them",
                Location{"", 0, 0, "ID"});
  }
  return id;
}

using PaperMaker =
    std::function<Result<report::Paper>(store::Workspace&, const report::Languages&)>;

Result<std::string> WritePaper(store::Workspace& ws, const ReportArgs& args,
                               const PaperMaker& make) {
  PARLEY_ASSIGN_OR_RETURN(report::Languages languages, report::ParseReportLanguages(args.lang));
  PARLEY_ASSIGN_OR_RETURN(report::Paper paper, make(ws, languages));
  PARLEY_ASSIGN_OR_RETURN(std::string pdf, report::RenderPdf(paper));
  const std::string out = args.out.empty() ? paper.doc_id + ".pdf" : args.out;
  PARLEY_TRY(WriteFileAtomically(out, pdf));
  return out;
}

void Run(CliContext& ctx, const ReportArgs& args, const PaperMaker& make) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto out = WritePaper(*ws, args, make);
  if (!out) {
    ReportError(out.error(), ctx);
    return;
  }
  std::cout << "wrote " << *out << "\n";
  ctx.exit_code = kExitOk;
}

Result<void> WriteActXlsx(store::Workspace& ws, const ReportArgs& args) {
  PARLEY_ASSIGN_OR_RETURN(report::Languages languages, report::ParseReportLanguages(args.lang));
  PARLEY_ASSIGN_OR_RETURN(std::int64_t plan, ParsePlanId(args.plan));
  const std::string out =
      args.out.empty() ? "act-plan" + args.plan + "-phase" + std::to_string(args.phase) + ".xlsx"
                       : args.out;
  PARLEY_TRY(report::WriteActWorkbook(ws, plan, args.phase, languages, out));
  std::cout << "wrote " << out << "\n";
  return {};
}

Result<void> WritePlanXlsx(store::Workspace& ws, const ReportArgs& args) {
  PARLEY_ASSIGN_OR_RETURN(report::Languages languages, report::ParseReportLanguages(args.lang));
  PARLEY_ASSIGN_OR_RETURN(std::int64_t plan, ParsePlanId(args.plan));
  if (args.side.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "a plan workbook is one party's: give --side (a, b, or a party or side name)",
                Location{"", 0, 0, "--side"});
  }
  const std::string out =
      args.out.empty() ? "plan-" + args.plan + "-" + args.side + ".xlsx" : args.out;
  PARLEY_TRY(report::WritePlanWorkbook(ws, plan, args.side, languages, out));
  std::cout << "wrote " << out << "\n";
  return {};
}

CLI::App* AddCommon(CLI::App& parent, const char* name, const char* help, CliContext& ctx,
                    ReportArgs& args) {
  auto* cmd = parent.add_subcommand(name, help);
  cmd->add_option("--lang", args.lang,
                  "Two or three of uk, ru, en, tr, comma-separated (headings in each)")
      ->capture_default_str();
  cmd->add_option("--out", args.out, "File to write (default: the document id + .pdf)");
  AddWorkspaceOption(*cmd, ctx);
  return cmd;
}

}  // namespace

void RegisterReportCommand(CLI::App& app, CliContext& ctx) {
  auto* report = app.add_subcommand(
      "report", "The papers of an exchange as PDF: agreement, exchange lists, acts, plan");
  report->require_subcommand(1);

  auto a = std::make_shared<ReportArgs>();
  auto* agreement =
      AddCommon(*report, "agreement", "The agreement: text, summary, parties, signatures", ctx, *a);
  agreement->add_option("NAME", a->name, "Agreement name (`parley agreement list`)")->required();
  agreement->callback([&ctx, a] {
    Run(ctx, *a, [a](store::Workspace& ws, const report::Languages& l) {
      return report::AgreementPaper(ws, a->name, l);
    });
  });

  auto l = std::make_shared<ReportArgs>();
  auto* list = AddCommon(*report, "list", "The exchange list of one phase and direction", ctx, *l);
  list->add_option("--plan", l->plan, "Plan number (`parley plan list`)")->required();
  list->add_option("--phase", l->phase, "Phase number (from 1)")->required();
  list->add_option("--side", l->side, "The side handing over: a, b, or a party or side name")
      ->required();
  list->callback([&ctx, l] {
    Run(ctx, *l,
        [l](store::Workspace& ws, const report::Languages& langs) -> Result<report::Paper> {
          PARLEY_ASSIGN_OR_RETURN(std::int64_t plan, ParsePlanId(l->plan));
          return report::ExchangeListPaper(ws, plan, l->phase, l->side, langs);
        });
  });

  auto t = std::make_shared<ReportArgs>();
  auto* act = AddCommon(*report, "act", "The act of transfer of one phase", ctx, *t);
  act->add_option("--plan", t->plan, "Plan number (`parley plan list`)")->required();
  act->add_option("--phase", t->phase, "Phase number (from 1)")->required();
  act->add_option("--format", t->format, "pdf, or xlsx (the act's rows as one worksheet)")
      ->check(CLI::IsMember({"pdf", "xlsx"}))
      ->capture_default_str();
  act->callback([&ctx, t] {
    if (t->format == "xlsx") {
      auto ws = OpenWorkspace(ctx);
      if (!ws) return;
      if (auto done = WriteActXlsx(*ws, *t); !done) {
        ReportError(done.error(), ctx);
        return;
      }
      ctx.exit_code = kExitOk;
      return;
    }
    Run(ctx, *t,
        [t](store::Workspace& ws, const report::Languages& langs) -> Result<report::Paper> {
          PARLEY_ASSIGN_OR_RETURN(std::int64_t plan, ParsePlanId(t->plan));
          return report::ActPaper(ws, plan, t->phase, langs);
        });
  });

  auto k = std::make_shared<ReportArgs>();
  auto* link = AddCommon(*report, "link",
                         "A link's match explanation: each field's weight as a waterfall", ctx, *k);
  link->add_option("ID", k->plan, "Link number (`parley review --list`)")->required();
  link->callback([&ctx, k] {
    Run(ctx, *k,
        [k](store::Workspace& ws, const report::Languages& langs) -> Result<report::Paper> {
          PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParseLinkId(k->plan));
          return report::LinkPaper(ws, id, langs);
        });
  });

  auto p = std::make_shared<ReportArgs>();
  auto* plan =
      AddCommon(*report, "plan", "A plan's phases, balance and handover progress", ctx, *p);
  plan->add_option("ID", p->plan, "Plan number (`parley plan list`)")->required();
  plan->add_option("--format", p->format,
                   "pdf, or xlsx (one party's workbook: a sheet per phase, and progress)")
      ->check(CLI::IsMember({"pdf", "xlsx"}))
      ->capture_default_str();
  plan->add_option("--side", p->side, "With --format xlsx: the party whose workbook to write");
  plan->callback([&ctx, p] {
    if (p->format == "xlsx") {
      auto ws = OpenWorkspace(ctx);
      if (!ws) return;
      if (auto done = WritePlanXlsx(*ws, *p); !done) {
        ReportError(done.error(), ctx);
        return;
      }
      ctx.exit_code = kExitOk;
      return;
    }
    Run(ctx, *p,
        [p](store::Workspace& ws, const report::Languages& langs) -> Result<report::Paper> {
          PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ParsePlanId(p->plan));
          return report::PlanPaper(ws, id, langs);
        });
  });

  RegisterReportLinksCommand(*report, ctx);
}

}  // namespace parley::cli
