// `parley export LIST[@VERSION] --format csv|xlsx|json --out FILE [--no-bom] [--raw]
// [--lang uk,ru]`: the machine form by default (snake_case heads, derived_* columns, dates as
// ISO text: what scripts and re-import expect), or with --lang the form for people
// (report/people_list.h: heads in those languages, real dates, no internal columns).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "lists/list_file.h"
#include "names/derived_forms.h"
#include "report/people_list.h"

namespace parley::cli {
namespace {

struct ExportOptions {
  std::string ref;
  std::string format = "csv";
  std::string out;
  bool derived = true;
  CsvStyle csv;      // for people unless --no-bom / --raw
  std::string lang;  // non-empty: the form for people, heads in these languages
};

// The name forms parley derives (names/derived_forms.h), one column each; the reader skips
// these columns on import (kDerivedColumnPrefix), so an export re-imports as the same records.
DerivedColumns DeriveColumns(const std::vector<PersonRecord>& records) {
  DerivedColumns d;
  for (const char* name : {"surname_key", "surname_phonetic", "given_name_key", "given_name_group",
                           "patronymic_key"}) {
    d.names.push_back(std::string(kDerivedColumnPrefix) + name);
  }
  d.values.reserve(records.size());
  for (const auto& r : records) {
    names::DerivedNameForms f = names::DeriveNameForms(r.surname, r.given_name, r.patronymic);
    d.values.push_back({std::move(f.surname_key), std::move(f.surname_phonetic),
                        std::move(f.given_name_key), std::move(f.given_name_group),
                        std::move(f.patronymic_key)});
  }
  return d;
}

void RunExport(CliContext& ctx, const ExportOptions& o) {
  auto ref = store::ParseListRef(o.ref);
  auto format = ref ? ParseListFormat(o.format) : Result<ListFormat>(std::unexpected(ref.error()));
  if (!format) {
    ReportError(format.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto stored = ws->Records(ref->list, ref->version);
  if (!stored) {
    ReportError(stored.error(), ctx);
    return;
  }
  std::vector<PersonRecord> records;
  records.reserve(stored->size());
  for (auto& s : *stored) records.push_back(std::move(s.record));
  if (!o.lang.empty()) {
    auto languages = report::ParseReportLanguages(o.lang);
    auto w = languages
                 ? report::WritePeopleList(o.out, *format, records, *languages, ref->list, o.csv)
                 : Result<void>(std::unexpected(languages.error()));
    if (!w) {
      ReportError(w.error(), ctx);
      return;
    }
    if (!ctx.json) std::cout << "wrote " << records.size() << " records to " << o.out << "\n";
    return;
  }
  DerivedColumns derived = o.derived ? DeriveColumns(records) : DerivedColumns{};
  if (auto w = WriteListFile(o.out, *format, records, derived, o.csv); !w) {
    ReportError(w.error(), ctx);
    return;
  }
  if (!ctx.json) {
    std::cout << "wrote " << records.size() << " records to " << o.out
              << (ws->sealed() ? " (plain text for people to read, not sealed like the "
                                 "workspace: keep it safe and delete it when done)"
                               : "")
              << "\n";
  }
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write a list version as CSV, XLSX or JSON");
  cmd->add_option("LIST", o->ref, "LIST or LIST@VERSION (default: the latest)")->required();
  cmd->add_option("--format", o->format, "csv | xlsx | json (default csv)");
  cmd->add_option("--out", o->out, "The file to write")->required();
  cmd->add_flag("!--no-derived", o->derived,
                "Leave out the derived name forms (derived_* columns: cross-script keys, "
                "blocking key, given-name group)");
  cmd->add_flag("!--no-bom", o->csv.bom,
                "CSV: leave out the UTF-8 byte order mark (written by default so that Excel "
                "reads Cyrillic correctly); for scripts");
  cmd->add_flag("!--raw", o->csv.neutralise_formulas,
                "CSV: write cells exactly as stored; by default a cell a spreadsheet would run "
                "as a formula (starting with = + - @, tab or CR, numbers aside) gets a leading '");
  cmd->add_option("--lang", o->lang,
                  "csv/xlsx for people: heads in two or three of uk, ru, en, tr (e.g. uk,ru), "
                  "real dates, no derived_* columns (default: the machine form)");
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, o] { RunExport(ctx, *o); });
}

}  // namespace parley::cli
