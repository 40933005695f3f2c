#include "report/plan_workbook_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include "negotiation/agreement_store.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/test_workspace.h"
#include "report/papers.h"

namespace parley::report {
namespace {

namespace neg = negotiation;
const store::Actor kUa{"negotiator-ua", &neg::testing::UaKey()};

// A workbook as a person might leave it: sheets of rows, each row {column: text}.
using Rows = std::vector<std::map<lxw_col_t, std::string>>;
std::filesystem::path WriteBook(const std::filesystem::path& path,
                                const std::vector<std::pair<std::string, Rows>>& sheets) {
  lxw_workbook* book = workbook_new(path.string().c_str());
  for (const auto& [name, rows] : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    if (rows.empty()) continue;  // a sheet left empty: not even a head row
    worksheet_write_string(sheet, 0, 6, "Ідентифікатор / Идентификатор", nullptr);
    for (lxw_row_t r = 0; r < rows.size(); ++r) {
      for (const auto& [column, text] : rows[r]) {
        worksheet_write_string(sheet, r + 1, column, text.c_str(), nullptr);
      }
    }
  }
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
  return path;
}

class PlanWorkbookReader : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(neg::AddAgreement(t_.ws(), "deal", neg::testing::kTestAgreement, "deal.toml", kUa));
    neg::ProposeRequest req;
    req.agreement = "deal";
    req.side_a = "ua";
    req.side_b = "ru";
    auto p = neg::ProposePlan(t_.ws(), req, kUa);
    ASSERT_TRUE(p) << p.error().Describe();
    plan_ = *p;
    for (const plan::Candidate& c : plan_.plan.people) {
      if (c.side == rules::Side::kA && c.phase > 0) planned_[c.record.id] = c.phase;
    }
    ASSERT_FALSE(planned_.empty());
  }
  std::filesystem::path Path(const char* name) { return t_.dir() / name; }
  // The phases the edited JSON gives side a's people (0 = not handed over).
  static std::map<std::string, int> SideA(const std::string& json) {
    std::map<std::string, int> out;
    const nlohmann::json parsed = nlohmann::json::parse(json);
    for (const auto& p : parsed["people"]) {
      if (p["side"] == "a") out[p["id"].get<std::string>()] = p["phase"].get<int>();
    }
    return out;
  }

  neg::testing::TestWorkspace t_;
  neg::PlanOutcome plan_;
  std::map<std::string, int> planned_;  // side a's planned people and their phases
};

TEST_F(PlanWorkbookReader, TheWorkbookAsWrittenReadsBackAsThePlan) {
  auto langs = ParseReportLanguages("ru,en");
  ASSERT_TRUE(langs);
  const auto path = Path("plan.xlsx");
  ASSERT_TRUE(WritePlanWorkbook(t_.ws(), plan_.info.id, "a", *langs, path));
  auto edited = WorkbookCounter(t_.ws(), plan_.info.id, "a", path);
  ASSERT_TRUE(edited) << edited.error().Describe();
  std::map<std::string, int> phases = SideA(*edited);
  for (const auto& [id, phase] : planned_) EXPECT_EQ(phases[id], phase) << id;
}

TEST_F(PlanWorkbookReader, EachProblemIsNamedBySheetRowAndColumn) {
  const std::string someone = planned_.begin()->first;
  const auto path = WriteBook(Path("bad.xlsx"),
                              {{"Етап 1", {{{6, someone}}, {{0, "x"}, {6, "nobody"}}, {{1, "N"}}}},
                               {"Phase 2", {{{6, someone}}}},
                               {"Аркуш1", {{{0, "scratch"}}}},
                               {"Лист2", {}}});
  auto edited = WorkbookCounter(t_.ws(), plan_.info.id, "a", path);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, ErrorCode::kInvalidInput);
  const std::string& m = edited.error().message;
  EXPECT_NE(m.find("sheet \"Етап 1\", row 3, column A: 'x' is not a number"), std::string::npos)
      << m;
  EXPECT_NE(m.find("sheet \"Етап 1\", row 3, column G: nobody is not a candidate"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("sheet \"Етап 1\", row 4, column G: no person id"), std::string::npos) << m;
  EXPECT_NE(m.find("sheet \"Phase 2\", row 2, column G: person " + someone +
                   " is also in sheet \"Етап 1\", row 2, column G (phase 1)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("sheet \"Аркуш1\": not a sheet of this plan's workbook"), std::string::npos)
      << m;
  EXPECT_EQ(m.find("Лист2"), std::string::npos) << m;  // an empty added sheet is passed over
}

TEST_F(PlanWorkbookReader, ManyProblemsAreCountedAndTheFirstFiftyListed) {
  Rows rows;
  for (int i = 0; i < 60; ++i) rows.push_back({{6, "nobody-" + std::to_string(i)}});
  const auto path = WriteBook(Path("many.xlsx"), {{"Етап 1", rows}, {"Етап 2", Rows(1)}});
  auto edited = WorkbookCounter(t_.ws(), plan_.info.id, "a", path);
  ASSERT_FALSE(edited);
  const std::string& m = edited.error().message;
  EXPECT_NE(m.find("cannot be read (60)"), std::string::npos) << m;
  EXPECT_NE(m.find("nobody-49 "), std::string::npos) << m;
  EXPECT_EQ(m.find("nobody-50 "), std::string::npos) << m;
  EXPECT_NE(m.find("... and 10 more"), std::string::npos) << m;
}

TEST_F(PlanWorkbookReader, AMissingPhaseSheetAndAMovedColumnAreRefused) {
  lxw_workbook* book = workbook_new(Path("cols.xlsx").string().c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Етап 1");
  worksheet_write_string(sheet, 0, 5, "Ідентифікатор", nullptr);  // in F, not G
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  auto edited = WorkbookCounter(t_.ws(), plan_.info.id, "a", Path("cols.xlsx"));
  ASSERT_FALSE(edited);
  const std::string& m = edited.error().message;
  EXPECT_NE(m.find("sheet \"Етап 1\", row 1, column G: the head of the id column"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("the workbook has no sheet for phase 2"), std::string::npos) << m;
}

TEST_F(PlanWorkbookReader, AnUnknownSideAndAMissingFileAreErrors) {
  auto side = WorkbookCounter(t_.ws(), plan_.info.id, "x", Path("none.xlsx"));
  ASSERT_FALSE(side);
  EXPECT_EQ(side.error().where.field, "--side");
  auto file = WorkbookCounter(t_.ws(), plan_.info.id, "a", Path("none.xlsx"));
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::report
