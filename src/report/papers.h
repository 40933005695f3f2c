// parley/report/papers.h — the papers of an exchange, read from the workspace and laid out as
// blocks (paper_layout.h) for the typesetter (pdf_paper.h):
//   - AgreementPaper: an agreement's text as signed, its plain summary, parties, mediator
//     and signature blocks (who has signed, from the store);
//   - ExchangeListPaper: one plan phase and direction, person by person: number, name in its
//     own script with the passport romanisation beside it, birth date, category, rule;
//   - ActPaper: the act of transfer of one phase: who was handed over and received (time and
//     place from the handover events), refusals and exclusions by reason code (the status
//     only: interview notes, which may hold health details, are never printed), signature
//     blocks for both parties and the mediator;
//   - PlanPaper: a plan's phases and balance as a table and a bar chart, and the handover
//     progress per phase and direction.
//
// Contract: every paper carries the checkpoint of the node's log taken after its data was
// read (paper_checkpoint.h) and a creation date from the data (the agreement's or plan's
// time), so the same workspace state gives the same bytes. Errors name what is missing: an
// unknown agreement or plan (kNotFound), a phase outside the plan's phases or an unknown
// side (kInvalidInput, naming the ones there are). No SQL here: the rows come from
// negotiation/ and handover/.
//
//   PARLEY_ASSIGN_OR_RETURN(auto langs, ParseReportLanguages("uk,ru"));
//   PARLEY_ASSIGN_OR_RETURN(Paper act, ActPaper(ws, plan_id, 1, langs));
//   PARLEY_ASSIGN_OR_RETURN(std::string pdf, RenderPdf(act));
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "report/paper_layout.h"
#include "report/report_language.h"
#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::report {

using Languages = std::vector<ReportLanguage>;

[[nodiscard]] Result<Paper> AgreementPaper(store::Workspace& ws, const std::string& name,
                                           const Languages& languages);
// `side`: "a", "b", a party's name or its workspace side (negotiation::ParsePartySide).
[[nodiscard]] Result<Paper> ExchangeListPaper(store::Workspace& ws, std::int64_t plan_id, int phase,
                                              const std::string& side, const Languages& languages);
[[nodiscard]] Result<Paper> ActPaper(store::Workspace& ws, std::int64_t plan_id, int phase,
                                     const Languages& languages);
[[nodiscard]] Result<Paper> PlanPaper(store::Workspace& ws, std::int64_t plan_id,
                                      const Languages& languages);
// A reconciliation link's match explanation (`parley review`'s pair): both records side by
// side, each field's agreement level and weight, and a waterfall chart from the model's prior
// through each field's weight to the final score (log2 odds) and probability. kNotFound for an
// unknown link.
[[nodiscard]] Result<Paper> LinkPaper(store::Workspace& ws, std::int64_t link_id,
                                      const Languages& languages);
// The line that paper prints for its explanation's `name_used` entry: the aliases the pair
// matched under ("Matched under another name: left ~ right", a respelled name's habit in the
// paper's languages), or that its surname and given name were compared crossed (written in
// each other's columns on one side); "" when both listed names were compared.
[[nodiscard]] std::string NamesUsedLine(std::string_view explanation, const Languages& languages);
// A name as an explanation stored it, its habit note ("(Turkish spelling)",
// names/latin_readings.h) in the chosen languages.
[[nodiscard]] std::string NameAsRead(std::string_view text, const Languages& languages);
// A link's state as papers and workbooks print it.
[[nodiscard]] Word LinkStateWord(store::LinkState state);

// The act's rows (handed over, received, refusals, outstanding: one row per person of the
// phase) as one worksheet, the same cells as the PDF's tables: the spreadsheet form of the
// act, and the baseline its PDF is measured against (docs/benchmarks.md).
[[nodiscard]] Result<void> WriteActWorkbook(store::Workspace& ws, std::int64_t plan_id, int phase,
                                            const Languages& languages,
                                            const std::filesystem::path& path);

// One party's side of a plan (`side` as for ExchangeListPaper) as a workbook for Excel users:
// a sheet per phase with the people that party hands over (headers in the chosen languages,
// whole birth dates as date cells, column widths, a frozen head row, an autofilter), and a
// progress sheet per phase and direction. Column G holds each person's id in the side's list:
// the key by which the workbook, edited in Excel, is read back as a counter-proposal
// (plan_workbook_reader.h; the layout both share is plan_workbook_layout.h).
[[nodiscard]] Result<void> WritePlanWorkbook(store::Workspace& ws, std::int64_t plan_id,
                                             const std::string& side, const Languages& languages,
                                             const std::filesystem::path& path);

}  // namespace parley::report
