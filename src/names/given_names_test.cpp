#include "names/given_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "names/internal/belarusian_forms_table.h"
#include "names/internal/given_names_table.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::names {
namespace {

std::vector<GivenNameHit> Hits(std::string_view word) {
  auto hits = LookupGivenName(word);
  EXPECT_TRUE(hits.has_value()) << word;
  return hits.value_or(std::vector<GivenNameHit>{});
}

bool Same(std::string_view a, std::string_view b) { return SameGivenName(Hits(a), Hits(b)); }
bool SameFather(std::string_view a, std::string_view b) { return SamePatronymic(Hits(a), Hits(b)); }

// Every row's official forms by key: the names no other row's form may key like.
std::map<std::string, std::set<std::size_t>> OfficialFormRows() {
  std::map<std::string, std::set<std::size_t>> official;
  const auto rows = internal::GivenNameRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::string_view form : {rows[i].ukrainian, rows[i].russian}) {
      official[RomanKey(form).value()].insert(i);
    }
  }
  return official;
}

// body(form, position) for each form of a '|'-separated table list.
template <typename Body>
void ForEachForm(std::string_view list, Body body) {
  for (std::size_t position = 0; !list.empty(); ++position) {
    const std::size_t bar = list.find('|');
    body(list.substr(0, bar), position);
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
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

// Rarer traditional names (older people, church-named families) with their Russian and folk
// forms and patronymics: a name the table does not know is read as a surname.
TEST(GivenNamesTest, RarerTraditionalNames) {
  EXPECT_TRUE(Same("Феодосій", "Феодосий"));
  EXPECT_TRUE(Same("Федосей", "Феодосій"));
  EXPECT_TRUE(Same("Кіндрат", "Кондрат"));
  EXPECT_TRUE(Same("Тадей", "Фаддей"));
  EXPECT_TRUE(Same("Свирид", "Спиридон"));
  EXPECT_TRUE(Same("Юстин", "Устим")) << "Устим, Устин and Юстин are forms of Иустин";
  EXPECT_TRUE(Same("Панько", "Опанас"));
  EXPECT_TRUE(SameFather("Опанасович", "Афанасьевич"));
  EXPECT_TRUE(SameFather("Феодосійович", "Феодосьевич"));
  EXPECT_TRUE(SameFather("Самійлович", "Самуилович"));
  EXPECT_FALSE(Hits("Тит").empty());
  EXPECT_FALSE(Same("Мартин", "Марк"));
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

TEST(GivenNamesTest, PassportSpellingsFindTheGroup) {
  // Ukraine 2010 (Ukrainian passports) and ICAO 9303 (Russian passports since 2013).
  const std::pair<std::string_view, std::string_view> spellings[] = {
      {"Oleksii", "Олексій"},     {"Aleksei", "Олексій"},    {"Serhii", "Сергій"},
      {"Sergei", "Сергій"},       {"Andrii", "Андрій"},      {"Andrei", "Андрій"},
      {"Volodymyr", "Володимир"}, {"Vladimir", "Володимир"}, {"Mykhailo", "Михайло"},
      {"Mikhail", "Михайло"},     {"Fedir", "Федір"},        {"Fedor", "Федір"},
      {"Vasyl", "Василь"},        {"Vasilii", "Василь"},     {"Dmitrii", "Дмитро"},
      {"Mykola", "Микола"},       {"Nikolai", "Микола"},     {"Ihor", "Ігор"},
      {"Igor", "Ігор"},           {"Tetiana", "Тетяна"},     {"Tatiana", "Тетяна"},
      {"Kateryna", "Катерина"},   {"Ekaterina", "Катерина"}, {"Nadiia", "Надія"},
      {"Nadezhda", "Надія"},      {"Iryna", "Ірина"},        {"Liudmyla", "Людмила"},
      {"Svitlana", "Світлана"},   {"Svetlana", "Світлана"},  {"Yevheniia", "Євгенія"},
  };
  for (const auto& [latin, cyrillic] : spellings) {
    EXPECT_TRUE(Same(latin, cyrillic)) << latin << " / " << cyrillic;
  }
}

TEST(GivenNamesTest, ANeighbouringLanguagesFormFindsTheGroup) {
  // A mediator's clerk may write the name as their own language does.
  const std::pair<std::string_view, std::string_view> forms[] = {
      {"Pierre", "Петро"}, {"Jerzy", "Юрій"},         {"Michel", "Михаил"}, {"Cyrille", "Кирило"},
      {"Eliasz", "Илья"},  {"Grégoire", "Григорій"},  {"Jean", "Іван"},     {"Stéphane", "Степан"},
      {"Hélène", "Олена"}, {"Katarzyna", "Катерина"},
  };
  for (const auto& [local, cyrillic] : forms) {
    EXPECT_TRUE(Same(local, cyrillic)) << local << " / " << cyrillic;
  }
  EXPECT_FALSE(Same("Jean", "Ян"));  // Polish Jan would be both; it is not listed
}

TEST(GivenNamesTest, ADiminutiveSuffixOnAKnownNameFindsItsGroup) {
  auto group_of = [](std::string_view word) -> std::optional<GivenNameGroupId> {
    auto hits = LookupGivenNameKeyDiminutive(RomanKey(word).value_or(""));
    if (hits.size() != 1) return std::nullopt;
    EXPECT_EQ(hits.front().kind, NameFormKind::kDiminutive);
    return hits.front().group;
  };
  auto group_named = [](std::string_view official) { return Hits(official).front().group; };
  EXPECT_EQ(group_of("Остапчик"), group_named("Остап"));
  EXPECT_EQ(group_of("Тарасик"), group_named("Тарас"));
  EXPECT_EQ(group_of("Юрик"), group_named("Юрій"));    // Юр-а, Юр-ик
  EXPECT_EQ(group_of("Олюня"), group_named("Ольга"));  // Ол-я, Ол-юня
  EXPECT_EQ(group_of("Маринік"), std::nullopt);        // -ик makes men's names
  EXPECT_EQ(group_of("Назарко"), group_named("Назар"));
  EXPECT_EQ(group_of("Оксанка"), group_named("Оксана"));
  EXPECT_EQ(group_of("Богданка"), std::nullopt);  // Богдан or Богдана
  EXPECT_EQ(group_of("Максимко"), group_named("Максим"));
  // A stem of three letters must be a whole name ("Мир-ко": Мирон or Мирослав?), and a stem
  // that begins two groups' names is no guess.
  EXPECT_EQ(group_of("Мирко"), std::nullopt);
  EXPECT_EQ(group_of("Андріан"), std::nullopt);  // no diminutive suffix: another name
  // The near lookup falls back on it when no form is one edit away.
  EXPECT_TRUE(
      SameGivenName(LookupGivenNameKeyNear(RomanKey("Остапчик").value_or("")), Hits("Остап")));
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
  // Diminutives a clerk copies from a family's letter (added 2026-12-07).
  EXPECT_TRUE(Same("Матюша", "Матвій"));
  EXPECT_TRUE(Same("Ясь", "Ян"));
  EXPECT_TRUE(Same("Вірочка", "Віра"));
  EXPECT_TRUE(Same("Зеньо", "Зиновій"));
  EXPECT_TRUE(Same("Никиша", "Никифор"));
  EXPECT_TRUE(Same("Ксюша", "Оксана"));
  EXPECT_TRUE(Same("Ксюша", "Ксенія"));
  EXPECT_TRUE(Same("Едік", "Едгар"));
  EXPECT_TRUE(Same("Кеша", "Вікентій"));
  EXPECT_TRUE(Same("Кеша", "Иннокентий"));
  EXPECT_FALSE(Same("Едгар", "Едуард")) << "they share only the diminutive Едік";
  EXPECT_FALSE(Same("Оксана", "Ксенія"));
}

TEST(GivenNamesTest, DifferentNamesAreNotEquivalent) {
  EXPECT_FALSE(Same("Олександр", "Олексій"));
  EXPECT_FALSE(Same("Дмитро", "Микола"));
  EXPECT_FALSE(Same("Іван", "Іванна"));
  EXPECT_FALSE(Same("Юрій", "Георгій"));
  EXPECT_FALSE(Same("Ганна", "Галина"));
  EXPECT_FALSE(Same("Ярослав", "Станіслав"));  // share only the diminutive Слава
}

bool NearGroupOf(std::string_view typo, std::string_view name) {
  const auto near = LookupGivenNameKeyNear(RomanKey(typo).value());
  return SameGivenName(near, Hits(name)) || SamePatronymic(near, Hits(name));
}

TEST(GivenNamesTest, NearLookupAllowsOneTypo) {
  EXPECT_TRUE(NearGroupOf("Олекандр", "Александр"));           // deletion
  EXPECT_TRUE(NearGroupOf("Oleksnadr", "Олександр"));          // transposition
  EXPECT_TRUE(NearGroupOf("Олександер", "Олександр"));         // insertion
  EXPECT_TRUE(NearGroupOf("Володимор", "Владимир"));           // substitution
  EXPECT_TRUE(NearGroupOf("Олександрович", "Александрович"));  // exact keys are near too
  EXPECT_TRUE(NearGroupOf("Миколайвич", "Николаевич"));        // a patronymic typo
  EXPECT_FALSE(NearGroupOf("Олеандрр", "Олександр"));          // two edits
  EXPECT_TRUE(LookupGivenNameKeyNear("ivn").empty());          // too short to guess
  EXPECT_TRUE(LookupGivenNameKeyNear("shevchenko").empty());
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

TEST(GivenNamesTest, EveryPatronymicFindsItsFatherWithTheRightSex) {
  const auto rows = internal::GivenNameRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool male = rows[i].sex == internal::TableSex::kMale;
    EXPECT_EQ(male, !rows[i].patronymics_uk.empty()) << rows[i].ukrainian;
    EXPECT_EQ(male, !rows[i].patronymics_ru.empty()) << rows[i].russian;
    for (std::string_view list : {rows[i].patronymics_uk, rows[i].patronymics_ru}) {
      std::size_t position = 0;
      while (!list.empty()) {
        const std::size_t bar = list.find('|');
        const std::string_view form = list.substr(0, bar);
        const Sex expected = position % 2 == 0 ? Sex::kMale : Sex::kFemale;
        bool found = false;
        for (const auto& h : Hits(form)) {
          found =
              found || (h.group == i && h.kind == NameFormKind::kPatronymic && h.sex == expected);
        }
        EXPECT_TRUE(found) << form << " of " << rows[i].ukrainian;
        ++position;
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
      }
      EXPECT_EQ(position % 2, 0u) << "patronymics come in masculine|feminine pairs: "
                                  << rows[i].ukrainian;
    }
  }
}

// Two different rows whose official forms share a key would make two names equal; the only
// collisions allowed are listed here, each checked by a person.
TEST(GivenNamesTest, NoOfficialFormCollisions) {
  for (const auto& [key, groups] : OfficialFormRows()) {
    EXPECT_EQ(groups.size(), 1u) << "official forms collide on key " << key;
  }
}

// A variant or diminutive that keys like another row's official form would make two different
// names equal through it (Polish "Jan" for Іван is the official Ян).
TEST(GivenNamesTest, NoVariantOrDiminutiveIsAnotherNamesOfficialForm) {
  const auto official = OfficialFormRows();
  const auto rows = internal::GivenNameRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::string_view list : {rows[i].variants, rows[i].diminutives}) {
      ForEachForm(list, [&](std::string_view form, std::size_t) {
        if (auto it = official.find(RomanKey(form).value()); it != official.end()) {
          for (std::size_t j : it->second) {
            EXPECT_EQ(j, i) << form << " of " << rows[i].ukrainian << " is the official form of "
                            << rows[j].ukrainian;
          }
        }
      });
    }
  }
}

// Belarusian passports and lists (and sanctions lists that copy them) write Аляксандр
// Рыгоравіч, romanised Aliaksandr Ryhoravich: the same name and patronymic as Александр
// Григорьевич and Олександр Григорович, not another.
TEST(GivenNamesTest, BelarusianFormsAreTheSameNames) {
  EXPECT_TRUE(Same("Aliaksandr", "Александр"));
  EXPECT_TRUE(Same("Аляксандр", "Олександр"));
  EXPECT_TRUE(Same("Uladzimir", "Владимир"));
  EXPECT_TRUE(Same("Yauhen", "Євген"));
  EXPECT_TRUE(Same("Volha", "Ольга"));
  EXPECT_TRUE(SameFather("Ryhoravich", "Григорьевич"));
  EXPECT_TRUE(SameFather("Мікалаеўна", "Миколаївна"));
  EXPECT_FALSE(Same("Aliaksandr", "Алексей"));
  EXPECT_FALSE(Same("Aliaksei", "Александр"));
  EXPECT_TRUE(SameFather("Siarheevich", "Сергійович"));
}

TEST(GivenNamesTest, EveryBelarusianFormFindsItsGroup) {
  const auto rows = internal::GivenNameRows();
  const auto official = OfficialFormRows();
  for (const internal::BelarusianFormsRow& be : internal::BelarusianFormsRows()) {
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const internal::GivenNameRow& r) {
      return r.ukrainian == be.group_ukrainian;
    });
    ASSERT_NE(row, rows.end()) << be.group_ukrainian << " names no row of the main table";
    const auto group = static_cast<GivenNameGroupId>(row - rows.begin());
    ForEachForm(be.forms, [&](std::string_view form, std::size_t) {
      bool found = false;
      for (const auto& h : Hits(form)) found = found || h.group == group;
      EXPECT_TRUE(found) << form;
      if (auto it = official.find(RomanKey(form).value()); it != official.end()) {
        for (std::size_t j : it->second) {
          EXPECT_EQ(j, group) << form << " is the official form of " << rows[j].ukrainian;
        }
      }
    });
    std::size_t patronymics = 0;
    ForEachForm(be.patronymics, [&](std::string_view form, std::size_t position) {
      const Sex expected = position % 2 == 0 ? Sex::kMale : Sex::kFemale;
      bool found = false;
      for (const auto& h : Hits(form)) {
        found =
            found || (h.group == group && h.kind == NameFormKind::kPatronymic && h.sex == expected);
      }
      EXPECT_TRUE(found) << form;
      ++patronymics;
    });
    EXPECT_EQ(patronymics % 2, 0u) << be.group_ukrainian;
    EXPECT_EQ(row->sex == internal::TableSex::kMale, patronymics > 0) << be.group_ukrainian;
  }
}

// A Russian clerk may write a Ukrainian surname's root, a given name, in its Russian form.
TEST(GivenNamesTest, SurnamesOfOneGivenNameInItsTwoLanguages) {
  auto one = [](std::string_view a, std::string_view b) {
    return SurnamesOfOneGivenName(*RomanKey(a), *RomanKey(b));
  };
  EXPECT_TRUE(one("Опанасенко", "Афанасенко"));
  EXPECT_TRUE(one("Пилипенко", "Филиппенко"));
  EXPECT_TRUE(one("Гнатюк", "Игнатюк"));
  EXPECT_TRUE(one("Охрімович", "Ефремович"));
  EXPECT_TRUE(one("Юхименко", "Ефименко"));
  EXPECT_TRUE(one("Федорів", "Федоров"));
  EXPECT_TRUE(one("Pylypenko", "Filippenko")) << "any script";
  // Surnames of diminutives are other surnames; so are other suffixes and other names.
  EXPECT_FALSE(one("Гриценко", "Григоренко"));
  EXPECT_FALSE(one("Петрусенко", "Петренко"));
  EXPECT_FALSE(one("Іваненко", "Іванченко"));
  EXPECT_FALSE(one("Павленко", "Павлюк"));
  EXPECT_FALSE(one("Петренко", "Павленко"));
  EXPECT_FALSE(one("Коваленко", "Шевченко"));
  EXPECT_FALSE(one("Опанасенко", "Опанасенко")) << "one spelling: nothing to translate";
  // -овськ- of a stem, whatever the gender and script.
  auto stems = [](std::string_view a, std::string_view b) {
    return SurnamesOfOneGivenName(SurnameStem(*RomanKey(a)), SurnameStem(*RomanKey(b)));
  };
  EXPECT_TRUE(stems("Костянтиновська", "Константиновская"));
  EXPECT_TRUE(stems("Kostiantynovskyi", "Konstantinovskiy"));
  EXPECT_FALSE(stems("Костянтиновська", "Петровская"));
}

}  // namespace
}  // namespace parley::names
