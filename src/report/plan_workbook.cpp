// One party's side of a plan as a workbook for Excel users (papers.h, WritePlanWorkbook): a
// sheet per phase with the people the party hands over, and a progress sheet.
#include <xlsxwriter.h>

#include <ctime>

#include "core/file_io.h"
#include "core/try.h"
#include "handover/plan_progress.h"
#include "negotiation/agreement_store.h"
#include "negotiation/plan_store.h"
#include "negotiation/stored_plan_progress.h"
#include "report/paper_people.h"
#include "report/papers.h"
#include "report/plan_workbook_layout.h"

namespace parley::report {
namespace {

struct Column {
  Word head;
  double width;  // characters
};

constexpr Column kPeopleColumns[] = {
    {Word::kNumber, 6},    {Word::kName, 36}, {Word::kRomanisation, 36}, {Word::kBirthDate, 14},
    {Word::kCategory, 18}, {Word::kRule, 18}, {Word::kPersonId, 16}};
static_assert(std::size(kPeopleColumns) == kPersonIdColumn + 1, "the id column is the last");
constexpr Column kProgressColumns[] = {
    {Word::kPhase, 8},     {Word::kDirection, 34}, {Word::kPromised, 14},   {Word::kHandedOver, 14},
    {Word::kReceived, 14}, {Word::kExcluded, 14},  {Word::kOutstanding, 14}};

std::time_t ParseUtc(const std::string& text) {
  std::tm tm{};
  if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) return 0;
  return timegm(&tm);
}

// The head row in the chosen languages, frozen, with an autofilter over the rows below it.
template <std::size_t N>
void WriteHead(lxw_worksheet* sheet, const Column (&columns)[N], const Languages& languages,
               lxw_format* bold, lxw_row_t rows) {
  for (lxw_col_t c = 0; c < N; ++c) {
    worksheet_set_column(sheet, c, c, columns[c].width, nullptr);
    worksheet_write_string(sheet, 0, c, Label(languages, columns[c].head).c_str(), bold);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, rows, static_cast<lxw_col_t>(N - 1));
}

void WritePerson(lxw_worksheet* sheet, lxw_row_t row, const plan::Candidate& person,
                 const rules::Agreement& agreement, lxw_format* date_format) {
  const PersonCells cells = DescribePerson(person, agreement);
  worksheet_write_number(sheet, row, 0, row, nullptr);
  worksheet_write_string(sheet, row, 1, cells.name.c_str(), nullptr);
  worksheet_write_string(sheet, row, 2, cells.latin.c_str(), nullptr);
  const PartialDate& birth = person.record.birth_date;
  if (birth.day != 0) {
    // A whole date is a real date cell (it sorts and filters as one); a partial one is text.
    lxw_datetime date{birth.year, birth.month, birth.day, 0, 0, 0};
    worksheet_write_datetime(sheet, row, 3, &date, date_format);
  } else if (!birth.IsUnknown()) {
    worksheet_write_string(sheet, row, 3, cells.birth_date.c_str(), nullptr);
  }
  worksheet_write_string(sheet, row, 4, cells.category.c_str(), nullptr);
  worksheet_write_string(sheet, row, 5, cells.rule.c_str(), nullptr);
  // The key a counter-proposal is read back by (plan_workbook_reader.h): the person's id in
  // the side's list, as text so Excel keeps leading zeros.
  worksheet_write_string(sheet, row, kPersonIdColumn, person.record.id.c_str(), nullptr);
}

Result<void> WriteBook(const std::filesystem::path& temp, const std::filesystem::path& path,
                       const negotiation::LoadedPlan& loaded, rules::Side side,
                       const handover::PlanProgress& progress, const Languages& languages) {
  const std::string name = temp.string();
  lxw_workbook* book = workbook_new(name.c_str());
  if (book == nullptr) {
    return Fail(ErrorCode::kIoError, "cannot create the workbook",
                Location{path.string(), 0, 0, {}});
  }
  lxw_doc_properties properties{};
  properties.created = ParseUtc(loaded.info.created_at);  // from the data: same plan, same bytes
  workbook_set_properties(book, &properties);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* date_format = workbook_add_format(book);
  format_set_num_format(date_format, "yyyy-mm-dd");
  const rules::Agreement& agreement = loaded.plan.agreement;
  for (int phase = 1; phase <= agreement.phase_count; ++phase) {
    lxw_worksheet* sheet =
        workbook_add_worksheet(book, PhaseSheetName(languages[0], phase).c_str());
    lxw_row_t row = 0;
    for (const plan::Candidate& person : loaded.plan.people) {
      if (person.side != side || person.phase != phase || !person.dropped.empty()) continue;
      WritePerson(sheet, ++row, person, agreement, date_format);
    }
    WriteHead(sheet, kPeopleColumns, languages, bold, row);
  }
  lxw_worksheet* sheet = workbook_add_worksheet(book, ProgressSheetName(languages[0]).c_str());
  lxw_row_t row = 0;
  for (const handover::ProgressRow& r : progress.rows) {
    ++row;
    worksheet_write_number(sheet, row, 0, r.phase, nullptr);
    worksheet_write_string(sheet, row, 1, DirectionText(agreement, r.from).c_str(), nullptr);
    const std::int64_t counts[] = {r.counts.promised, r.counts.handed_over, r.counts.received,
                                   r.counts.excluded, r.counts.outstanding};
    for (lxw_col_t c = 0; c < std::size(counts); ++c) {
      worksheet_write_number(sheet, row, c + 2, static_cast<double>(counts[c]), nullptr);
    }
  }
  WriteHead(sheet, kProgressColumns, languages, bold, row);
  if (const lxw_error status = workbook_close(book); status != LXW_NO_ERROR) {
    return Fail(ErrorCode::kIoError,
                std::string("cannot write the workbook: ") + lxw_strerror(status),
                Location{path.string(), 0, 0, {}});
  }
  return {};
}

}  // namespace

Result<PartyPlan> LoadPartyPlan(store::Workspace& ws, std::int64_t plan_id,
                                const std::string& side) {
  PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan loaded, negotiation::LoadStoredPlan(ws, plan_id));
  PARLEY_ASSIGN_OR_RETURN(negotiation::StoredAgreement stored,
                          negotiation::AgreementById(ws, loaded.info.agreement_id));
  auto party = negotiation::ParsePartySide(stored, side);
  if (!party) {
    Error e = party.error();
    e.where.field = "--side";
    return std::unexpected(e);
  }
  return PartyPlan{std::move(loaded), *party};
}

Result<void> WritePlanWorkbook(store::Workspace& ws, std::int64_t plan_id, const std::string& side,
                               const Languages& languages, const std::filesystem::path& path) {
  PARLEY_ASSIGN_OR_RETURN(PartyPlan plan, LoadPartyPlan(ws, plan_id, side));
  const negotiation::LoadedPlan& loaded = plan.loaded;
  PARLEY_ASSIGN_OR_RETURN(handover::PlanProgress progress,
                          negotiation::StoredPlanProgress(ws, plan_id));
  // libxlsxwriter insists on a path of its own: it writes the temporary file, which is
  // committed only when the workbook closed cleanly.
  return WriteViaTempFile(path, [&](const std::filesystem::path& temp) {
    return WriteBook(temp, path, loaded, plan.party, progress, languages);
  });
}

}  // namespace parley::report
