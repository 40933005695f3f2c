#include "synth/scenario_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/partial_date.h"
#include "synth/utf8.h"

namespace parley::synth {
namespace {

namespace fs = std::filesystem;

using Row = std::vector<std::string>;

// A minimal RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF.
std::vector<Row> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      cell += c;
    }
  }
  return rows;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("parley_synth_test_" + name);
  fs::remove_all(dir);
  return dir;
}

const char* const kLists[] = {"ua-request.csv", "ru-custody.csv", "ru-request.csv",
                              "ua-custody.csv", "mediator.csv"};

// One 10,000-person scenario shared by the tests that only read it.
class ScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(TempDir("shared"));
    SynthOptions options;
    options.people = 10'000;
    options.seed = 3;
    auto written = WriteScenario(options, *dir_);
    ASSERT_TRUE(written.has_value()) << written.error().Describe();
    summary_ = new SynthSummary(*written);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete summary_;
  }
  static const fs::path& dir() { return *dir_; }
  static const SynthSummary& summary() { return *summary_; }

 private:
  static fs::path* dir_;
  static SynthSummary* summary_;
};
fs::path* ScenarioTest::dir_ = nullptr;
SynthSummary* ScenarioTest::summary_ = nullptr;

TEST(ScenarioWriterTest, SameSeedGivesIdenticalBytesAndOtherSeedsDiffer) {
  SynthOptions options;
  options.people = 1500;
  options.seed = 11;
  const fs::path a = TempDir("a"), b = TempDir("b"), c = TempDir("c");
  ASSERT_TRUE(WriteScenario(options, a).has_value());
  ASSERT_TRUE(WriteScenario(options, b).has_value());
  options.seed = 12;
  ASSERT_TRUE(WriteScenario(options, c).has_value());
  for (const char* file : {"ua-request.csv", "ru-custody.csv", "ru-request.csv", "ua-custody.csv",
                           "mediator.csv", "truth.csv", "people.csv", "README.txt"}) {
    const std::string bytes = ReadBytes(a / file);
    EXPECT_FALSE(bytes.empty()) << file;
    EXPECT_EQ(bytes, ReadBytes(b / file)) << file;
    if (std::string_view(file) != "README.txt") {
      EXPECT_NE(bytes, ReadBytes(c / file)) << file;
    }
  }
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove_all(c);
}

TEST_F(ScenarioTest, HeadersAreAsDocumented) {
  EXPECT_EQ(ReadCsv(dir() / "ua-request.csv")[0],
            (Row{"№", "ПІБ", "Дата народження", "Місце народження", "Військовий квиток", "Звання",
                 "Частина", "Категорія", "Стан здоров'я", "Стать", "Примітки"}));
  EXPECT_EQ(ReadCsv(dir() / "ru-custody.csv")[0][1], "Фамилия");
  EXPECT_EQ(ReadCsv(dir() / "ru-custody.csv")[0][3], "Отчество");
  EXPECT_EQ(ReadCsv(dir() / "ru-request.csv")[0][1], "ФИО");
  EXPECT_EQ(ReadCsv(dir() / "ua-custody.csv")[0][1], "Прізвище");
  EXPECT_EQ(ReadCsv(dir() / "mediator.csv")[0][1], "full_name");
  EXPECT_EQ(ReadCsv(dir() / "truth.csv")[0], (Row{"file", "id", "person_id"}));
  EXPECT_EQ(ReadCsv(dir() / "people.csv")[0][0], "person_id");
  EXPECT_TRUE(fs::exists(dir() / "README.txt"));
}

TEST_F(ScenarioTest, TruthCoversEveryRowAndNothingElse) {
  std::set<std::pair<std::string, std::string>> rows;
  std::map<std::string, std::uint64_t> counts;
  for (const char* file : kLists) {
    const auto csv = ReadCsv(dir() / file);
    const size_t width = csv[0].size();
    for (size_t i = 1; i < csv.size(); ++i) {
      ASSERT_EQ(csv[i].size(), width) << file << " row " << i;
      ASSERT_TRUE(rows.insert({file, csv[i][0]}).second) << file << " repeats id " << csv[i][0];
    }
    counts[file] = csv.size() - 1;
  }
  std::set<std::string> people;
  for (const Row& r : ReadCsv(dir() / "people.csv")) people.insert(r[0]);
  const auto truth = ReadCsv(dir() / "truth.csv");
  std::set<std::pair<std::string, std::string>> truth_rows;
  for (size_t i = 1; i < truth.size(); ++i) {
    ASSERT_TRUE(truth_rows.insert({truth[i][0], truth[i][1]}).second);
    ASSERT_TRUE(people.contains(truth[i][2])) << truth[i][2];
  }
  EXPECT_EQ(rows, truth_rows);
  for (const auto& f : summary().files) {
    if (counts.contains(f.file)) {
      EXPECT_EQ(counts[f.file], f.rows) << f.file;
    }
  }
}

TEST_F(ScenarioTest, EveryDateIsValidAndInThePast) {
  const std::pair<const char*, std::vector<size_t>> date_columns[] = {{"ua-request.csv", {2}},
                                                                      {"ru-custody.csv", {4, 12}},
                                                                      {"ru-request.csv", {2}},
                                                                      {"ua-custody.csv", {4, 12}},
                                                                      {"mediator.csv", {2}}};
  for (const auto& [file, columns] : date_columns) {
    const auto csv = ReadCsv(dir() / file);
    for (size_t i = 1; i < csv.size(); ++i) {
      for (size_t column : columns) {
        auto date = ParsePartialDate(csv[i][column]);
        ASSERT_TRUE(date.has_value()) << file << " row " << i << ": " << date.error().Describe();
        if (column == 2 || column == 4) {
          ASSERT_FALSE(date->IsUnknown()) << file << " row " << i;
        }
      }
    }
  }
}

TEST_F(ScenarioTest, MediatorNamesAreLatin) {
  const auto csv = ReadCsv(dir() / "mediator.csv");
  for (size_t i = 1; i < csv.size(); ++i) {
    for (char32_t c : DecodeUtf8(csv[i][1])) ASSERT_FALSE(IsCyrillicCp(c)) << csv[i][1];
  }
  std::uint64_t romanised = 0;
  for (auto n : summary().romanised_rows) {
    EXPECT_GT(n, 0u);  // every system is used
    romanised += n;
  }
  EXPECT_EQ(romanised, csv.size() - 1);
}

// Measures each variation from the files themselves (joined to people.csv through truth.csv),
// independently of the writer's own counters, and checks it against the configured rate.
TEST_F(ScenarioTest, RequestedRatesAreRoughlyMet) {
  const VariationRates rates;
  std::map<std::string, Row> people;
  for (const Row& r : ReadCsv(dir() / "people.csv")) people[r[0]] = r;
  std::map<std::pair<std::string, std::string>, std::string> truth;
  for (const Row& r : ReadCsv(dir() / "truth.csv")) truth[{r[0], r[1]}] = r[2];

  for (const char* file : {"ua-request.csv", "ru-custody.csv"}) {
    const bool split = std::string_view(file) == "ru-custody.csv";
    const size_t date_column = split ? 4 : 2;
    const auto csv = ReadCsv(dir() / file);
    double rows = 0, year_only = 0, month_year = 0, swapped = 0, wrong_year = 0, latin = 0,
           no_patronymic = 0, upper = 0;
    std::map<std::string, int> per_person;
    for (size_t i = 1; i < csv.size(); ++i) {
      const Row& r = csv[i];
      const std::string& pid = truth[{file, r[0]}];
      ++per_person[pid];
      ++rows;
      const std::string& dob = r[date_column];
      const std::string& true_dob = people[pid][9];  // YYYY-MM-DD
      if (dob.size() == 4) ++year_only;
      if (dob.size() == 7) ++month_year;
      if (dob.size() == 10) {
        const std::string day = dob.substr(0, 2), month = dob.substr(3, 2), year = dob.substr(6);
        const std::string t_year = true_dob.substr(0, 4), t_month = true_dob.substr(5, 2),
                          t_day = true_dob.substr(8, 2);
        if (year == t_year && day == t_month && month == t_day && day != month) ++swapped;
        if (year != t_year && day == t_day && month == t_month) ++wrong_year;
      }
      const std::string name = split ? r[1] + r[2] + r[3] : r[1];
      for (char32_t c : DecodeUtf8(name)) {
        if (c >= U'A' && c <= U'z') {
          ++latin;
          break;
        }
      }
      if (split && r[3].empty()) ++no_patronymic;
      if (split && ToUpper(r[1]) == r[1] && DecodeUtf8(r[1]).size() > 1) ++upper;
    }
    double duplicates = 0;
    for (const auto& [pid, n] : per_person) duplicates += n - 1;
    SCOPED_TRACE(file);
    EXPECT_NEAR(duplicates / rows, rates.duplicate, 0.008);
    EXPECT_NEAR(year_only / rows, rates.year_only, 0.012);
    // A duplicate with no other variation is made to differ, half the time by dropping the day.
    EXPECT_NEAR(month_year / rows, rates.month_year + rates.duplicate * 0.4, 0.01);
    // Swaps happen only when the day is ≤ 12 (about 40% of dates) and differs from the month.
    EXPECT_NEAR(swapped / rows, rates.day_month_swap * 0.37, 0.006);
    EXPECT_NEAR(wrong_year / rows, rates.wrong_birth_year, 0.008);
    // Name homoglyphs land on a name part that has a look-alike letter nearly always.
    EXPECT_NEAR(latin / rows, rates.homoglyph, 0.012);
    if (split) {
      EXPECT_NEAR(no_patronymic / rows, rates.missing_patronymic, 0.01);
      EXPECT_NEAR(upper / rows, rates.upper_case_surname, 0.02);
    }
  }
}

TEST_F(ScenarioTest, SummaryCountsEveryKindOfVariation) {
  for (const auto& item : summary().variations.Items()) {
    EXPECT_GT(item.count, 0u) << item.name;
  }
  const std::string json = summary().ToJson();
  EXPECT_NE(json.find("\"people\":10000"), std::string::npos);
  EXPECT_NE(json.find("\"duplicate_rows\":"), std::string::npos);
  EXPECT_NE(json.find("\"ua2010\":"), std::string::npos);
}

TEST(ScenarioWriterTest, RefusesBadOptions) {
  SynthOptions options;
  options.people = 0;
  auto result = WriteScenario(options, TempDir("bad"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);

  options.people = 10;
  options.rates.typo = 1.5;
  result = WriteScenario(options, TempDir("bad"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(result.error().message.find("--typo"), std::string::npos);

  options.rates.typo = 0.03;
  options.population.reference_date = {2100, 1, 1};
  result = WriteScenario(options, TempDir("bad"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
}

TEST(ScenarioWriterTest, ReportsAnUnwritableFolder) {
  const fs::path file = TempDir("blocker");
  std::ofstream(file) << "a file, not a folder";
  SynthOptions options;
  options.people = 10;
  auto result = WriteScenario(options, file / "inside");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kIoError);
  fs::remove_all(file);
}

TEST(ScenarioWriterTest, ZeroRatesGiveCleanLists) {
  SynthOptions options;
  options.people = 2000;
  options.rates = VariationRates{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const fs::path dir = TempDir("clean");
  auto summary = WriteScenario(options, dir);
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->variations.duplicate_rows, 0u);
  EXPECT_EQ(summary->variations.typos, 0u);
  EXPECT_EQ(summary->variations.homoglyph_rows, 0u);
  EXPECT_EQ(summary->variations.day_month_swaps, 0u);
  const auto csv = ReadCsv(dir / "ua-request.csv");
  for (size_t i = 1; i < csv.size(); ++i) ASSERT_EQ(csv[i][2].size(), 10u) << csv[i][2];
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::synth
