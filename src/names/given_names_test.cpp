#include "names/given_names.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <utility>

#include "names/internal/given_names_table.h"
#include "names/romanise_key.h"

namespace parley::names {
namespace {

std::vector<GivenNameHit> Hits(std::string_view word) {
  auto hits = LookupGivenName(word);
  EXPECT_TRUE(hits.has_value()) << word;
  return hits.value_or(std::vector<GivenNameHit>{});
}

bool Same(std::string_view a, std::string_view b) { return SameGivenName(Hits(a), Hits(b)); }
bool SameFather(std::string_view a, std::string_view b) {
  return SamePatronymic(Hits(a), Hits(b));
}

TEST(GivenNamesTest, TableHasAtLeast200Names) {
  EXPECT_GE(GivenNameGroupCount(), 200u);
  EXPECT_EQ(GivenNameGroupCount(), internal::GivenNameRows().size());
}

TEST(GivenNamesTest, DomainPairsAreEquivalent) {
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"Олександр", "Александр"}, {"Андрій", "Андрей"},     {"Сергій", "Сергей"},
      {"Володимир", "Владимир"},  {"Дмитро", "Дмитрий"},    {"Микола", "Николай"},
      {"Юрій", "Юрий"},           {"Василь", "Василий"},    {"Михайло", "Михаил"},
      {"Петро", "Пётр"},          {"Павло", "Павел"},       {"Євген", "Евгений"},
      {"Олексій", "Алексей"},     {"Григорій", "Григорий"}, {"Федір", "Фёдор"},
      {"Ганна", "Анна"},          {"Наталія", "Наталья"},   {"Тетяна", "Татьяна"},
      {"Катерина", "Екатерина"},  {"Надія", "Надежда"},
  };
  for (const auto& [uk, ru] : pairs) EXPECT_TRUE(Same(uk, ru)) << uk << " / " << ru;
}

TEST(GivenNamesTest, MoreTablePairs) {
  EXPECT_TRUE(Same("Панас", "Афанасий"));
  EXPECT_TRUE(Same("Пилип", "Филипп"));
  EXPECT_TRUE(Same("Трохим", "Трофим"));
  EXPECT_TRUE(Same("Юхим", "Ефим"));
  EXPECT_TRUE(Same("Хома", "Фома"));
  EXPECT_TRUE(Same("Микита", "Никита"));
  EXPECT_TRUE(Same("Ілля", "Илья"));
  EXPECT_TRUE(Same("Яків", "Яков"));
  EXPECT_TRUE(Same("Йосип", "Иосиф"));
  EXPECT_TRUE(Same("Омелян", "Емельян"));
  EXPECT_TRUE(Same("Кирило", "Кирилл"));
  EXPECT_TRUE(Same("Костянтин", "Константин"));
  EXPECT_TRUE(Same("Єлизавета", "Елизавета"));
  EXPECT_TRUE(Same("Олена", "Елена"));
  EXPECT_TRUE(Same("Світлана", "Светлана"));
  EXPECT_TRUE(Same("Любов", "Любовь"));
  EXPECT_TRUE(Same("Параска", "Прасковья"));
}

TEST(GivenNamesTest, RomanisedFormsFindTheGroup) {
  EXPECT_TRUE(Same("Oleksandr", "Александр"));
  EXPECT_TRUE(Same("Aleksandr", "Олександр"));
  EXPECT_TRUE(Same("Alexander", "Олександр"));
  EXPECT_TRUE(Same("Mykola", "Nikolay"));
  EXPECT_TRUE(Same("Hryhorii", "Grigoriy"));
  EXPECT_TRUE(Same("Yevhen", "Evgeniy"));
  EXPECT_TRUE(Same("Olha", "Ольга"));
  EXPECT_TRUE(Same("Hanna", "Anna"));
  EXPECT_TRUE(Same("Nataliia", "Natalya"));
}

TEST(GivenNamesTest, Diminutives) {
  EXPECT_TRUE(Same("Саша", "Олександр"));
  EXPECT_TRUE(Same("Сашко", "Александр"));
  EXPECT_TRUE(Same("Дима", "Дмитро"));
  EXPECT_TRUE(Same("Коля", "Николай"));
  EXPECT_TRUE(Same("Kolya", "Mykola"));
  EXPECT_TRUE(Same("Женя", "Євгенія"));
  EXPECT_TRUE(Same("Женя", "Евгений"));
  EXPECT_TRUE(Same("Маша", "Марія"));
  EXPECT_TRUE(Same("Вова", "Володимир"));
}

TEST(GivenNamesTest, DifferentNamesAreNotEquivalent) {
  EXPECT_FALSE(Same("Олександр", "Олексій"));
  EXPECT_FALSE(Same("Дмитро", "Микола"));
  EXPECT_FALSE(Same("Іван", "Іванна"));
  EXPECT_FALSE(Same("Юрій", "Георгій"));
  EXPECT_FALSE(Same("Ганна", "Галина"));
  EXPECT_FALSE(Same("Ярослав", "Станіслав"));  // share only the diminutive Слава
}

TEST(GivenNamesTest, UnknownNameHasNoHits) {
  EXPECT_TRUE(Hits("Шевченко").empty());
  EXPECT_TRUE(Hits("").empty());
}

TEST(GivenNamesTest, PatronymicsInBothLanguages) {
  EXPECT_TRUE(SameFather("Миколайович", "Николаевич"));
  EXPECT_TRUE(SameFather("Юрійович", "Юрьевич"));
  EXPECT_TRUE(SameFather("Олексійович", "Алексеевич"));
  EXPECT_TRUE(SameFather("Миколаївна", "Николаевна"));
  EXPECT_TRUE(SameFather("Миколайович", "Миколаївна"));  // brother and sister
  EXPECT_TRUE(SameFather("Олександрович", "Aleksandrovich"));
  EXPECT_TRUE(SameFather("Mykolaiovych", "Nikolaevich"));
  EXPECT_TRUE(SameFather("Васильович", "Васильевич"));
  EXPECT_TRUE(SameFather("Ілліч", "Ильич"));
  EXPECT_TRUE(SameFather("Якович", "Яковлевич"));
  EXPECT_TRUE(SameFather("Панасович", "Афанасьевич"));
  EXPECT_FALSE(SameFather("Олександрович", "Миколайович"));
  EXPECT_FALSE(SameFather("Олександрович", "Олександр"));
}

TEST(GivenNamesTest, PatronymicCarriesBearerSex) {
  auto male = Hits("Николаевич");
  ASSERT_EQ(male.size(), 1u);
  EXPECT_EQ(male[0].kind, NameFormKind::kPatronymic);
  EXPECT_EQ(male[0].sex, Sex::kMale);
  auto female = Hits("Миколаївна");
  ASSERT_EQ(female.size(), 1u);
  EXPECT_EQ(female[0].sex, Sex::kFemale);
  EXPECT_EQ(GivenNameGroupOf(female[0].group).ukrainian, "Микола");
  EXPECT_EQ(GivenNameGroupOf(female[0].group).russian, "Николай");
}

TEST(GivenNamesTest, EveryFormKeysAndFindsItsOwnRow) {
  const auto rows = internal::GivenNameRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::string_view form : {rows[i].ukrainian, rows[i].russian}) {
      auto hits = Hits(form);
      bool found = false;
      for (const auto& h : hits) found = found || h.group == i;
      EXPECT_TRUE(found) << form;
    }
  }
}

// Two different rows whose official forms share a key would make two names equal; the only
// collisions allowed are listed here, each checked by a person.
TEST(GivenNamesTest, NoOfficialFormCollisions) {
  std::map<std::string, std::set<std::size_t>> by_key;
  const auto rows = internal::GivenNameRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::string_view form : {rows[i].ukrainian, rows[i].russian}) {
      by_key[RomanKey(form).value()].insert(i);
    }
  }
  for (const auto& [key, groups] : by_key) {
    EXPECT_EQ(groups.size(), 1u) << "official forms collide on key " << key;
  }
}

}  // namespace
}  // namespace parley::names
