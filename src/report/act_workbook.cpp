// The act of transfer as one worksheet (papers.h, WriteActWorkbook): the same rows as the PDF.
#include <xlsxwriter.h>

#include <ctime>

#include "core/file_io.h"
#include "core/try.h"
#include "report/act_record.h"
#include "report/papers.h"

namespace parley::report {
namespace {

// "2026-05-23T10:00:00Z" as a time_t, for the workbook's fixed creation date (0 if not one).
std::time_t ParseUtc(const std::string& text) {
  std::tm tm{};
  if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) return 0;
  return timegm(&tm);
}

Result<void> WriteSheet(const std::filesystem::path& temp, const std::filesystem::path& path,
                        const ActRecord& act, const Languages& languages) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  const std::string name = temp.string();
  lxw_workbook* workbook = workbook_new_opt(name.c_str(), &options);
  if (workbook == nullptr) {
    return Fail(ErrorCode::kIoError, "cannot create the workbook",
                Location{path.string(), 0, 0, {}});
  }
  // A date from the data, not the clock: the same act gives the same bytes.
  lxw_doc_properties properties{};
  properties.created = ParseUtc(act.info.created_at);
  workbook_set_properties(workbook, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "act");
  const Word heads[] = {Word::kNumber,    Word::kName,   Word::kRomanisation, Word::kBirthDate,
                        Word::kDirection, Word::kStatus, Word::kTime,         Word::kPlace};
  for (lxw_col_t c = 0; c < std::size(heads); ++c) {
    worksheet_write_string(sheet, 0, c, Label(languages, heads[c]).c_str(), nullptr);
  }
  lxw_row_t row = 1;
  for (const ActPerson& p : act.people) {
    const std::string cells[] = {std::to_string(row),
                                 p.cells.name,
                                 p.cells.latin,
                                 p.cells.birth_date,
                                 DirectionText(act.agreement, p.from),
                                 std::string(handover::ToString(p.status)),
                                 p.time,
                                 p.place};
    for (lxw_col_t c = 0; c < std::size(cells); ++c) {
      if (!cells[c].empty()) worksheet_write_string(sheet, row, c, cells[c].c_str(), nullptr);
    }
    ++row;
  }
  if (const lxw_error status = workbook_close(workbook); status != LXW_NO_ERROR) {
    return Fail(ErrorCode::kIoError,
                std::string("cannot write the workbook: ") + lxw_strerror(status),
                Location{path.string(), 0, 0, {}});
  }
  return {};
}

}  // namespace

Result<void> WriteActWorkbook(store::Workspace& ws, std::int64_t plan_id, int phase,
                              const Languages& languages, const std::filesystem::path& path) {
  PARLEY_ASSIGN_OR_RETURN(ActRecord act, LoadActRecord(ws, plan_id, phase));
  // libxlsxwriter insists on a path of its own: it writes the temporary file, which is
  // committed only when the workbook closed cleanly.
  return WriteViaTempFile(path, [&](const std::filesystem::path& temp) {
    return WriteSheet(temp, path, act, languages);
  });
}

}  // namespace parley::report
