#include "lists/header_map.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

using Strings = std::vector<std::string>;
using Overrides = std::vector<std::pair<std::string, std::string>>;

const Location kHeader{"h.csv", 1, 0, {}};

TEST(HeaderMap, NormalisesCaseSpacesPunctuationAndApostrophes) {
  EXPECT_EQ(NormaliseHeaderName(" Ім'я "), "імя");
  EXPECT_EQ(NormaliseHeaderName("ІМʼЯ"), "імя");
  EXPECT_EQ(NormaliseHeaderName("Ім’я"), "імя");
  EXPECT_EQ(NormaliseHeaderName("Date of Birth:"), "dateofbirth");
  EXPECT_EQ(NormaliseHeaderName("№ п/п"), "№пп");
}

TEST(HeaderMap, RecognisesUkrainianRussianAndEnglish) {
  struct Case {
    std::string_view header, column;
  };
  const Case cases[] = {
      {"ПІБ", "full_name"},
      {"ФИО", "full_name"},
      {"Прізвище, ім'я, по батькові", "full_name"},
      {"Фамилия Имя Отчество", "full_name"},
      {"Full name", "full_name"},
      {"Прізвище", "surname"},
      {"фамилия", "surname"},
      {"Last Name", "surname"},
      {"Ім’я", "given_name"},
      {"Имя", "given_name"},
      {"First name", "given_name"},
      {"По батькові", "patronymic"},
      {"Отчество", "patronymic"},
      {"Father’s name", "patronymic"},
      {"Дата народження", "birth_date"},
      {"Дата рождения", "birth_date"},
      {"DOB", "birth_date"},
      {"Місце народження", "birth_place"},
      {"Место рождения", "birth_place"},
      {"Військовий квиток", "service_number"},
      {"Особистий номер", "service_number"},
      {"Жетон", "service_number"},
      {"Личный номер", "service_number"},
      {"Звання", "rank"},
      {"Звание", "rank"},
      {"Військова частина", "unit"},
      {"Воинская часть", "unit"},
      {"Стать", "sex"},
      {"Пол", "sex"},
      {"Gender", "sex"},
      {"Категорія", "category"},
      {"Примітки", "notes"},
      {"Примечания", "notes"},
      {"Comment", "notes"},
      {"№", "id"},
      {"ID", "id"},
      {"Номер", "id"},
      {"Дата нар.", "birth_date"},
      {"Рік народження", "birth_date"},
      {"Жетон №", "service_number"},
      {"№ з/п", "id"},
      {"birth_date", "birth_date"},
      {"SERVICE_NUMBER", "service_number"},
  };
  for (const Case& c : cases) EXPECT_EQ(CanonicalColumnFor(c.header), c.column) << c.header;
  EXPECT_EQ(CanonicalColumnFor("Група крові"), "");
}

TEST(HeaderMap, HeadsInSeveralLanguagesMapWhenEveryPartAgrees) {
  // As `parley export --lang uk,ru,tr` writes them (report/people_list.h).
  EXPECT_EQ(CanonicalColumnFor("Прізвище / Фамилия"), "surname");
  EXPECT_EQ(CanonicalColumnFor("Дата народження / Дата рождения / Doğum tarihi"), "birth_date");
  EXPECT_EQ(CanonicalColumnFor("Ідентифікатор / Идентификатор / ID"), "id");
  // A part that is no known name, or parts naming two columns, name none.
  EXPECT_EQ(CanonicalColumnFor("Дата / Місце народження"), "");
  EXPECT_EQ(CanonicalColumnFor("Прізвище / Ім'я"), "");
  EXPECT_EQ(CanonicalColumnFor(" / "), "");
}

TEST(HeaderMap, UnknownColumnsMapToEmpty) {
  auto m = MapHeader(Strings{"№", "ПІБ", "Група крові"}, {}, kHeader);
  ASSERT_TRUE(m) << m.error().Describe();
  EXPECT_EQ(*m, (Strings{"id", "full_name", ""}));
}

TEST(HeaderMap, OverridesWin) {
  auto m =
      MapHeader(Strings{"Код", "Особа"}, Overrides{{"Код", "id"}, {"Особа", "full_name"}}, kHeader);
  ASSERT_TRUE(m) << m.error().Describe();
  EXPECT_EQ(*m, (Strings{"id", "full_name"}));
  // An override can also turn a recognised column into an extra one.
  auto m2 = MapHeader(Strings{"ПІБ", "Примітки"}, Overrides{{"Примітки", ""}}, kHeader);
  ASSERT_TRUE(m2);
  EXPECT_EQ(*m2, (Strings{"full_name", ""}));
}

TEST(HeaderMap, OverrideOfMissingColumnIsAnError) {
  auto m = MapHeader(Strings{"ПІБ"}, Overrides{{"ФИО", "full_name"}}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().message, "--map names column 'ФИО', which the header does not have");
}

TEST(HeaderMap, OverrideToUnknownColumnIsAnError) {
  auto m = MapHeader(Strings{"ПІБ"}, Overrides{{"ПІБ", "name"}}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("'name' is not a canonical column"), std::string::npos);
}

TEST(HeaderMap, NoNameColumnListsWhatWasRecognised) {
  auto m = MapHeader(Strings{"№", "Особа", "Дата народження"}, {}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().where.row, 1);
  EXPECT_EQ(m.error().Describe(),
            "h.csv: row 1: no name column: the header needs a full name (ПІБ, ФИО, Full name) or "
            "a surname (Прізвище, Фамилия, Surname) column, or --map; recognised: id (№), "
            "birth_date (Дата народження)");
}

TEST(HeaderMap, NoNameColumnWhenNothingIsRecognised) {
  auto m = MapHeader(Strings{"x", "y"}, {}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_TRUE(m.error().message.ends_with("recognised: nothing"));
}

TEST(HeaderMap, TwoColumnsForOneCanonicalColumnConflict) {
  auto m = MapHeader(Strings{"ПІБ", "Дата", "ФИО"}, {}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().where.column, 3);
  EXPECT_EQ(m.error().where.field, "ФИО");
  EXPECT_EQ(m.error().Describe(),
            "h.csv: row 1, column 3 (ФИО): columns 1 'ПІБ' and 3 'ФИО' both mean full_name; "
            "rename one or use --map to say which is full_name");
}

TEST(HeaderMap, ConflictCreatedByOverride) {
  auto m = MapHeader(Strings{"Прізвище", "Фамилия2"}, Overrides{{"Фамилия2", "surname"}}, kHeader);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("both mean surname"), std::string::npos);
}

}  // namespace
}  // namespace parley
