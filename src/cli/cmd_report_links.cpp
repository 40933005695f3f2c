// `parley report links [--format xlsx] [--lang uk,ru] [--out FILE]`: the reconciliation's
// links and its review queue as a workbook (report/links_workbook.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "core/try.h"
#include "report/links_workbook.h"

namespace parley::cli {
namespace {

struct LinksArgs {
  std::string lang = "uk,ru";
  std::string out = "links.xlsx";
  std::string format = "xlsx";
};

Result<void> WriteLinks(store::Workspace& ws, const LinksArgs& args) {
  PARLEY_ASSIGN_OR_RETURN(auto languages, report::ParseReportLanguages(args.lang));
  PARLEY_TRY(report::WriteLinksWorkbook(ws, languages, args.out));
  std::cout << "wrote " << args.out << "\n";
  return {};
}

}  // namespace

void RegisterReportLinksCommand(CLI::App& report, CliContext& ctx) {
  auto args = std::make_shared<LinksArgs>();
  auto* links = report.add_subcommand(
      "links", "The reconciliation's links and review queue as a workbook (names, reasons)");
  links->add_option("--format", args->format, "xlsx (the only form: a sheet to filter)")
      ->check(CLI::IsMember({"xlsx"}))
      ->capture_default_str();
  links
      ->add_option("--lang", args->lang,
                   "Two or three of uk, ru, en, tr, comma-separated (heads in each)")
      ->capture_default_str();
  links->add_option("--out", args->out, "File to write")->capture_default_str();
  AddWorkspaceOption(*links, ctx);
  links->callback([&ctx, args] {
    auto ws = OpenWorkspace(ctx);
    if (!ws) return;
    if (auto done = WriteLinks(*ws, *args); !done) {
      ReportError(done.error(), ctx);
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
