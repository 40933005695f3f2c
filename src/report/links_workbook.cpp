// The reconciliation's links as a workbook (links_workbook.h).
#include "report/links_workbook.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/try.h"
#include "report/papers.h"
#include "store/link_store.h"

namespace parley::report {
namespace {

struct Column {
  std::string head;
  double width;
};

struct Side {
  std::string name;
  std::string birth_date;
};

std::vector<Column> LinkColumns(const std::vector<ReportLanguage>& languages) {
  const auto first = [&](Word w) { return Label(languages, w) + " (1)"; };
  const auto second = [&](Word w) { return Label(languages, w) + " (2)"; };
  return {{Label(languages, Word::kLink), 8},
          {Label(languages, Word::kStatus), 22},
          {Label(languages, Word::kProbability), 12},
          {first(Word::kList), 14},
          {first(Word::kPersonId), 14},
          {first(Word::kName), 32},
          {first(Word::kBirthDate), 14},
          {second(Word::kList), 14},
          {second(Word::kPersonId), 14},
          {second(Word::kName), 32},
          {second(Word::kBirthDate), 14},
          {Label(languages, Word::kReasons), 60},
          {Label(languages, Word::kDecidedBy), 16}};
}

std::string DisplayName(const PersonRecord& r) {
  std::string name = r.surname;
  for (const std::string* part : {&r.given_name, &r.patronymic}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name.empty() ? r.full_name : name;
}

// "surname: exact +4.20; birth_date: year_month −1.10": the explanation the linker stored,
// then the names the pair matched under when not both listed names (NamesUsedLine), which
// tells an Excel reviewer why two names that differ count as the same.
std::string Reasons(const std::string& explanation, const std::vector<ReportLanguage>& languages) {
  std::string out;
  const nlohmann::json fields = nlohmann::json::parse(explanation, nullptr, false);
  if (!fields.is_array()) return out;
  for (const auto& f : fields) {
    if (!f.is_object() || f.value("field", "") == "name_used") continue;
    char weight[32];
    std::snprintf(weight, sizeof weight, "%+.2f", f.value("weight", 0.0));
    out += (out.empty() ? "" : "; ") + f.value("field", std::string()) + ": " +
           f.value("level", std::string()) + " " + weight;
  }
  const std::string names_used = NamesUsedLine(explanation, languages);
  if (!names_used.empty()) out += (out.empty() ? "" : "; ") + names_used;
  return out;
}

class LinkSheets {
 public:
  LinkSheets(store::Workspace& ws, const std::vector<ReportLanguage>& languages)
      : ws_(ws), languages_(languages) {}

  Result<void> Write(lxw_workbook* book, const std::vector<store::StoredLink>& links,
                     bool queue_only, const std::string& title) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, title.c_str());
    const std::vector<Column> columns = LinkColumns(languages_);
    lxw_format* bold = Bold(book);
    lxw_row_t row = 0;
    for (const store::StoredLink& link : links) {
      if (queue_only && link.state != store::LinkState::kNeedsReview) continue;
      PARLEY_ASSIGN_OR_RETURN(Side left, Record(link.left_record_id));
      PARLEY_ASSIGN_OR_RETURN(Side right, Record(link.right_record_id));
      ++row;
      worksheet_write_number(sheet, row, 0, static_cast<double>(link.id), nullptr);
      worksheet_write_string(sheet, row, 1, Label(languages_, LinkStateWord(link.state)).c_str(),
                             nullptr);
      worksheet_write_number(sheet, row, 2, link.probability, Probability(book));
      const std::string* texts[] = {&link.left_list,  &link.left_key,   &left.name,
                                    &left.birth_date, &link.right_list, &link.right_key,
                                    &right.name,      &right.birth_date};
      for (lxw_col_t c = 0; c < std::size(texts); ++c) {
        worksheet_write_string(sheet, row, c + 3, texts[c]->c_str(), nullptr);
      }
      worksheet_write_string(sheet, row, 11, Reasons(link.explanation, languages_).c_str(),
                             nullptr);
      worksheet_write_string(sheet, row, 12, link.decided_by.c_str(), nullptr);
    }
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
      worksheet_set_column(sheet, c, c, columns[c].width, nullptr);
      worksheet_write_string(sheet, 0, c, columns[c].head.c_str(), bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(columns.size() - 1));
    return {};
  }

 private:
  lxw_format* Bold(lxw_workbook* book) {
    if (bold_ == nullptr) {
      bold_ = workbook_add_format(book);
      format_set_bold(bold_);
    }
    return bold_;
  }
  lxw_format* Probability(lxw_workbook* book) {
    if (probability_ == nullptr) {
      probability_ = workbook_add_format(book);
      format_set_num_format(probability_, "0.0000");
    }
    return probability_;
  }

  // A record's latest version, read once however many links name it.
  Result<Side> Record(std::int64_t record_id) {
    if (auto it = records_.find(record_id); it != records_.end()) return it->second;
    PARLEY_ASSIGN_OR_RETURN(auto history, ws_.RecordHistory(record_id));
    if (history.empty()) {
      return Fail(ErrorCode::kCorruption,
                  "a link names record " + std::to_string(record_id) + ", which is missing");
    }
    const PersonRecord& r = history.back().record;
    return records_.emplace(record_id, Side{DisplayName(r), r.birth_date.ToIso()}).first->second;
  }

  store::Workspace& ws_;
  const std::vector<ReportLanguage>& languages_;
  std::map<std::int64_t, Side> records_;
  lxw_format* bold_ = nullptr;
  lxw_format* probability_ = nullptr;
};

}  // namespace

Result<void> WriteLinksWorkbook(store::Workspace& ws, const std::vector<ReportLanguage>& languages,
                                const std::filesystem::path& path) {
  store::LinkStore link_store(ws);
  PARLEY_ASSIGN_OR_RETURN(std::vector<store::StoredLink> links, link_store.Links(std::nullopt));
  return WriteViaTempFile(path, [&](const std::filesystem::path& temp) -> Result<void> {
    const std::string name = temp.string();
    lxw_workbook* book = workbook_new(name.c_str());
    if (book == nullptr) {
      return Fail(ErrorCode::kIoError, "cannot create the workbook",
                  Location{path.string(), 0, 0, {}});
    }
    // A fixed creation time: the same links give the same bytes (no clock in the file).
    lxw_doc_properties properties{};
    properties.created = 1;
    workbook_set_properties(book, &properties);
    LinkSheets sheets(ws, languages);
    const ReportLanguage first = languages.front();
    auto queue = sheets.Write(book, links, true, std::string(WordText(first, Word::kReviewQueue)));
    auto all = queue ? sheets.Write(book, links, false, std::string(WordText(first, Word::kLinks)))
                     : queue;
    const lxw_error status = workbook_close(book);
    if (!all) return all;
    if (status != LXW_NO_ERROR) {
      return Fail(ErrorCode::kIoError,
                  std::string("cannot write the workbook: ") + lxw_strerror(status),
                  Location{path.string(), 0, 0, {}});
    }
    return {};
  });
}

}  // namespace parley::report
