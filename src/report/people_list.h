// parley/report/people_list.h — a list version written for people to read in Excel
// (`parley export LIST --format xlsx|csv --lang uk,ru`), beside the machine form that
// lists/list_file.h WriteListFile writes for scripts and re-import.
//
// What differs from the machine form: each column head is in the chosen languages
// ("Прізвище / Фамилия", from the one table of words, report_language.h) instead of
// snake_case; the derived_* columns (parley's own keys) are left out, and so is a canonical
// column that is empty in every record; XLSX gets real date cells for whole birth dates
// (a partial date such as "1991-07" stays text), column widths from the content, a frozen head
// row and an autofilter; CSV gets the UTF-8 BOM and formula neutralisation of CsvStyle (the
// caller's --no-bom / --raw still apply). The bureau's own extra columns are kept as written.
//
// Round trip: the list reader recognises each language's head on its own, and a head of
// several languages joined by " / " when its parts agree (lists/header_map.h), so a people's
// export imports back as the same records.
//
//   PARLEY_ASSIGN_OR_RETURN(auto langs, ParseReportLanguages("uk,ru"));
//   PARLEY_TRY(WritePeopleList("ua.xlsx", ListFormat::kXlsx, records, langs, "ua-request"));
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/list_file.h"
#include "lists/person_record.h"
#include "report/report_language.h"

namespace parley::report {

// `sheet`: the worksheet's name (the list's name; "list" when Excel would refuse it).
[[nodiscard]] Result<void> WritePeopleList(const std::filesystem::path& path, ListFormat format,
                                           const std::vector<PersonRecord>& records,
                                           const std::vector<ReportLanguage>& languages,
                                           const std::string& sheet, const CsvStyle& csv = {});

}  // namespace parley::report
