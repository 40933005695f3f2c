// A plan workbook edited in Excel, read back as a counter-proposal (plan_workbook_reader.h).
#include "report/plan_workbook_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/plan_store.h"
#include "plan/plan_checker.h"
#include "report/paper_people.h"
#include "report/plan_workbook_layout.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

// More problems than this are summarised: a workbook sorted by the wrong column would
// otherwise answer with a thousand lines, and the first fifty say what happened.
constexpr std::size_t kMaxProblems = 50;

struct Cell {
  std::string sheet;
  std::int64_t row = 0;
  std::size_t column = 0;
};

std::string SheetText(std::string_view sheet) { return "sheet \"" + std::string(sheet) + "\""; }

std::string CellText(const Cell& c) {
  return SheetText(c.sheet) + ", row " + std::to_string(c.row) + ", column " +
         XlsxColumnLetters(c.column);
}

std::string_view Trim(std::string_view text) {
  const auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool IsWholeNumber(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// The phase a sheet's name says (in any language parley prints), or 0.
int PhaseOfSheet(std::string_view name, int phase_count) {
  for (ReportLanguage language : kReportLanguages) {
    for (int phase = 1; phase <= phase_count; ++phase) {
      if (name == PhaseSheetName(language, phase)) return phase;
    }
  }
  return 0;
}

bool IsProgressSheet(std::string_view name) {
  return std::ranges::any_of(kReportLanguages, [&](ReportLanguage language) {
    return name == ProgressSheetName(language);
  });
}

// The id column's head: "Ідентифікатор / Идентификатор" in whatever languages were chosen.
bool IsPersonIdHead(std::string_view head) {
  for (std::size_t start = 0; start <= head.size();) {
    std::size_t end = head.find(" / ", start);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view piece = Trim(head.substr(start, end - start));
    for (ReportLanguage language : kReportLanguages) {
      if (piece == WordText(language, Word::kPersonId)) return true;
    }
    start = end + 3;
  }
  return false;
}

bool IsBlank(const CellTable& table) {
  return std::ranges::all_of(table.cells, [](std::string_view c) { return Trim(c).empty(); });
}

std::string_view CellAt(std::span<const std::string_view> cells, std::size_t column) {
  return column < cells.size() ? Trim(cells[column]) : std::string_view{};
}

// Where a person is: in the edited workbook, or (for one not in it) in the workbook as written.
struct Placed {
  int phase = 0;
  Cell cell;
};

class WorkbookRead {
 public:
  WorkbookRead(const negotiation::LoadedPlan& loaded, rules::Side side)
      : loaded_(loaded), side_(side), agreement_(loaded.plan.agreement) {
    const plan::Plan& p = loaded.plan;
    std::map<int, std::int64_t> rows_written;
    for (std::size_t i = 0; i < p.people.size(); ++i) {
      const plan::Candidate& c = p.people[i];
      if (c.side != side_) {
        other_side_.emplace(c.record.id, i);
        continue;
      }
      mine_.emplace(c.record.id, i);
      if (c.phase > 0 && c.dropped.empty()) {
        // The writer puts each phase's people in plan order from row 2 (row 1 is the head).
        written_.emplace(c.record.id,
                         Placed{c.phase, Cell{PhaseSheetName(kReportLanguages[0], c.phase),
                                              ++rows_written[c.phase] + 1, kPersonIdColumn}});
      }
    }
  }

  void Read(const XlsxSheets& book) {
    for (const XlsxSheets::Sheet& sheet : book.sheets) {
      if (IsProgressSheet(sheet.name)) continue;
      const int phase = PhaseOfSheet(sheet.name, agreement_.phase_count);
      if (phase == 0 && IsBlank(sheet.table)) continue;  // a scratch sheet someone added
      if (phase == 0) {
        Problem(SheetText(sheet.name) +
                ": not a sheet of this plan's workbook (renamed?); its "
                "phase sheets are named \"" +
                PhaseSheetName(kReportLanguages[0], 1) + "\" to \"" +
                PhaseSheetName(kReportLanguages[0], agreement_.phase_count) +
                "\" (the word in any of uk, ru, en, tr): give it back its name");
        continue;
      }
      if (auto [it, fresh] = phase_sheets_.emplace(phase, sheet.name); !fresh) {
        Problem(SheetText(sheet.name) + ": phase " + std::to_string(phase) + " already has " +
                SheetText(it->second) + "; keep one sheet per phase");
        continue;
      }
      ReadPhase(sheet, phase);
    }
    for (int phase = 1; phase <= agreement_.phase_count; ++phase) {
      if (!phase_sheets_.contains(phase)) {
        Problem("the workbook has no sheet for phase " + std::to_string(phase) + " (\"" +
                PhaseSheetName(kReportLanguages[0], phase) +
                "\"); to hand nobody over in a phase, keep its sheet with only the head row");
      }
    }
  }

  [[nodiscard]] const std::vector<std::string>& Problems() const { return problems_; }
  [[nodiscard]] std::size_t ProblemCount() const { return problem_count_; }

  // The parent's decisions with this side's from the workbook, as a counter-proposal's JSON.
  [[nodiscard]] std::string EditedJson() const {
    Json people = Json::array();
    for (const plan::Candidate& c : loaded_.plan.people) {
      int phase = c.phase;
      std::string dropped = c.dropped;
      if (c.side == side_) {
        auto it = placed_.find(c.record.id);
        phase = it == placed_.end() ? 0 : it->second.phase;
      }
      Json p = {{"side", rules::SideName(c.side)}, {"id", c.record.id}, {"phase", phase}};
      if (!dropped.empty()) p["dropped"] = dropped;
      people.push_back(std::move(p));
    }
    return Json{{"format", "parley-plan-workbook/1"}, {"people", std::move(people)}}.dump();
  }

  // This side's people placed as the workbook has them (the other side's as they are).
  void ApplyTo(std::vector<plan::Candidate>& people) const {
    for (plan::Candidate& c : people) {
      if (c.side != side_) continue;
      auto it = placed_.find(c.record.id);
      c.phase = it == placed_.end() ? 0 : it->second.phase;
    }
  }

  // Each broken rule at the cell of the person it is about, or the sheet of its phase.
  void Locate(const std::vector<plan::Violation>& broken) {
    for (const plan::Violation& v : broken) {
      const std::string what = "[" + v.rule + "] " + v.message;
      if (!v.id.empty() && v.side == rules::SideName(side_)) {
        if (auto it = placed_.find(v.id); it != placed_.end()) {
          Cell cell = it->second.cell;
          cell.column = ColumnOf(v.rule);
          Problem(CellText(cell) + ": " + what);
          continue;
        }
        if (auto it = written_.find(v.id); it != written_.end()) {
          Cell was = it->second.cell;
          if (auto sheet = phase_sheets_.find(it->second.phase); sheet != phase_sheets_.end()) {
            was.sheet = sheet->second;  // the name it has in this workbook's language
          }
          Problem(what + " (in no sheet of the edited workbook; as written it was " +
                  CellText(was) + ")");
          continue;
        }
      }
      if (auto it = phase_sheets_.find(v.phase); v.phase > 0 && it != phase_sheets_.end()) {
        Problem(SheetText(it->second) + ": " + what);
        continue;
      }
      Problem(what);
    }
  }

 private:
  // The cell to look at: the agreement's category (column F, "rule") for the rules about
  // categories, the person's id otherwise.
  static std::size_t ColumnOf(std::string_view rule) {
    if (rule == "eligibility" || rule == "category_phase" || rule == "category_cap") {
      return kRuleColumn;
    }
    return kPersonIdColumn;
  }

  // Only the first kMaxProblems are kept: a hostile million-row sheet costs a count, not a
  // million messages.
  void Problem(std::string text) {
    if (++problem_count_ <= kMaxProblems) problems_.push_back(std::move(text));
  }

  void ReadPhase(const XlsxSheets::Sheet& sheet, int phase) {
    const CellTable& table = sheet.table;
    if (table.rows.empty() || table.rows[0].line != 1 ||
        !IsPersonIdHead(CellAt(table.Cells(0), kPersonIdColumn))) {
      const std::string found =
          table.rows.empty() || table.rows[0].line != 1
              ? std::string("nothing")
              : "'" + std::string(CellAt(table.Cells(0), kPersonIdColumn)) + "'";
      Problem(CellText({sheet.name, 1, kPersonIdColumn}) + ": the head of the id column (" +
              Label({kReportLanguages.begin(), kReportLanguages.end()}, Word::kPersonId) +
              ") is not here (" + found +
              " is); the columns must stay as the workbook was written: undo the column change");
      return;
    }
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      ReadRow(sheet.name, phase, table.rows[r].line, table.Cells(r));
    }
  }

  void ReadRow(const std::string& sheet, int phase, std::int64_t line,
               std::span<const std::string_view> cells) {
    if (std::ranges::all_of(cells, [](std::string_view c) { return Trim(c).empty(); })) return;
    const Cell id_cell{sheet, line, kPersonIdColumn};
    if (std::string_view number = CellAt(cells, kNumberColumn);
        !number.empty() && !IsWholeNumber(number)) {
      Problem(CellText({sheet, line, kNumberColumn}) + ": '" + std::string(number) +
              "' is not a number; column A holds the row's number (a whole number, or empty)");
    }
    const std::string id(CellAt(cells, kPersonIdColumn));
    if (id.empty()) {
      Problem(CellText(id_cell) +
              ": no person id; every row needs the id of a candidate of the plan in column G "
              "(delete the row to hand nobody over)");
      return;
    }
    auto mine = mine_.find(id);
    if (mine == mine_.end()) {
      Problem(CellText(id_cell) + ": " + UnknownId(id));
      return;
    }
    if (auto [it, fresh] = placed_.emplace(id, Placed{phase, id_cell}); !fresh) {
      Problem(CellText(id_cell) + ": person " + id +
              (it->second.phase == phase
                   ? " is already in row " + std::to_string(it->second.cell.row) +
                         " of this sheet; each person once: delete one of the rows"
                   : " is also in " + CellText(it->second.cell) + " (phase " +
                         std::to_string(it->second.phase) +
                         "); a person is handed over in one phase only: delete one of the rows"));
      return;
    }
    const PersonCells person = DescribePerson(loaded_.plan.people[mine->second], agreement_);
    if (std::string_view name = CellAt(cells, kNameColumn);
        !name.empty() && name != Trim(person.name)) {
      Problem(CellText({sheet, line, kNameColumn}) + ": '" + std::string(name) +
              "' is not the name of person " + id +
              " (column G); a counter-proposal moves "
              "people and cannot change their records: put the name back, or fix the id");
    }
  }

  std::string UnknownId(const std::string& id) const {
    const std::string side = rules::SideName(side_);
    if (other_side_.contains(id)) {
      return id + " is a person the other party hands over, not one of side " + side +
             "'s; this is side " + side + "'s workbook (--side): move only that side's people";
    }
    return id + " is not a candidate of plan " + std::to_string(loaded_.info.id) + " for side " +
           side +
           "; a counter-proposal can only move the plan's candidates (`parley plan "
           "explain " +
           std::to_string(loaded_.info.id) + " " + id + "` says who is)";
  }

  const negotiation::LoadedPlan& loaded_;
  rules::Side side_;
  const rules::Agreement& agreement_;
  std::map<std::string, std::size_t> mine_;        // id -> index in plan.people, this side
  std::map<std::string, std::size_t> other_side_;  // the other side's ids
  std::map<std::string, Placed> written_;          // where the workbook as written had them
  std::map<std::string, Placed> placed_;           // where the edited workbook has them
  std::map<int, std::string> phase_sheets_;        // phase -> the sheet holding it
  std::vector<std::string> problems_;
  std::size_t problem_count_ = 0;
};

Error Refusal(const std::filesystem::path& path, std::int64_t plan_id,
              const std::vector<std::string>& problems, std::size_t count, std::string_view what) {
  std::string message = "the workbook's counter-proposal to plan " + std::to_string(plan_id) + " " +
                        std::string(what) + " (" + std::to_string(count) + "); nothing stored:";
  for (const std::string& problem : problems) message += "\n  " + problem;
  if (count > problems.size()) {
    message += "\n  ... and " + std::to_string(count - problems.size()) + " more";
  }
  return Error{ErrorCode::kInvalidInput, std::move(message), Location{path.string(), 0, 0, {}}};
}

}  // namespace

Result<std::string> WorkbookCounter(store::Workspace& ws, std::int64_t plan_id,
                                    const std::string& side, const std::filesystem::path& path,
                                    const XlsxLimits& limits) {
  PARLEY_ASSIGN_OR_RETURN(PartyPlan plan, LoadPartyPlan(ws, plan_id, side));
  const negotiation::LoadedPlan& loaded = plan.loaded;
  PARLEY_ASSIGN_OR_RETURN(XlsxSheets book, ReadXlsxSheets(path, limits));
  WorkbookRead read(loaded, plan.party);
  read.Read(book);
  if (!read.Problems().empty()) {
    return std::unexpected(
        Refusal(path, plan_id, read.Problems(), read.ProblemCount(), "cannot be read"));
  }
  std::string edited = read.EditedJson();
  // The plan checker on the edited assignment, as CounterPlan will run it again when the
  // counter is stored: applied here to the plan already loaded (negotiation::CheckCounter
  // would load it again, which doubled the time for a 1,400-person plan).
  std::vector<plan::Candidate> people = loaded.plan.people;
  read.ApplyTo(people);
  read.Locate(plan::CheckAssignment(loaded.plan.agreement, people));
  if (!read.Problems().empty()) {
    return std::unexpected(Refusal(path, plan_id, read.Problems(), read.ProblemCount(),
                                   "breaks rules of the agreement"));
  }
  return edited;
}

}  // namespace parley::report
