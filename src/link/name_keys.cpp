#include "link/name_keys.h"

#include <array>
#include <unordered_map>
#include <vector>

#include "core/try.h"
#include "names/romanise_key.h"

namespace parley::link {
namespace {

// Ukrainian and Russian forms of the same given name with their male patronymics. A stand-in
// until the name engine's curated table (issue 3 part 1) lands; the group of a name is the key
// of its Russian form. Female patronymics are derived by rule below.
struct GivenNamePair {
  std::string_view ua;
  std::string_view ru;
  std::string_view ua_patronymic;  // empty for female names
  std::string_view ru_patronymic;
};

constexpr std::array<GivenNamePair, 44> kGivenNames = {{
    {"Олександр", "Александр", "Олександрович", "Александрович"},
    {"Андрій", "Андрей", "Андрійович", "Андреевич"},
    {"Сергій", "Сергей", "Сергійович", "Сергеевич"},
    {"Володимир", "Владимир", "Володимирович", "Владимирович"},
    {"Дмитро", "Дмитрий", "Дмитрович", "Дмитриевич"},
    {"Микола", "Николай", "Миколайович", "Николаевич"},
    {"Юрій", "Юрий", "Юрійович", "Юрьевич"},
    {"Василь", "Василий", "Васильович", "Васильевич"},
    {"Михайло", "Михаил", "Михайлович", "Михайлович"},
    {"Петро", "Пётр", "Петрович", "Петрович"},
    {"Павло", "Павел", "Павлович", "Павлович"},
    {"Євген", "Евгений", "Євгенович", "Евгеньевич"},
    {"Олексій", "Алексей", "Олексійович", "Алексеевич"},
    {"Григорій", "Григорий", "Григорович", "Григорьевич"},
    {"Федір", "Фёдор", "Федорович", "Фёдорович"},
    {"Іван", "Иван", "Іванович", "Иванович"},
    {"Віктор", "Виктор", "Вікторович", "Викторович"},
    {"Анатолій", "Анатолий", "Анатолійович", "Анатольевич"},
    {"Віталій", "Виталий", "Віталійович", "Витальевич"},
    {"Валерій", "Валерий", "Валерійович", "Валерьевич"},
    {"Геннадій", "Геннадий", "Геннадійович", "Геннадьевич"},
    {"Ігор", "Игорь", "Ігорович", "Игоревич"},
    {"Олег", "Олег", "Олегович", "Олегович"},
    {"Богдан", "Богдан", "Богданович", "Богданович"},
    {"Костянтин", "Константин", "Костянтинович", "Константинович"},
    {"Степан", "Степан", "Степанович", "Степанович"},
    {"Тарас", "Тарас", "Тарасович", "Тарасович"},
    {"Ярослав", "Ярослав", "Ярославович", "Ярославович"},
    {"Максим", "Максим", "Максимович", "Максимович"},
    {"Роман", "Роман", "Романович", "Романович"},
    {"Леонід", "Леонид", "Леонідович", "Леонидович"},
    {"Семен", "Семён", "Семенович", "Семёнович"},
    {"Яків", "Яков", "Якович", "Яковлевич"},
    {"Ілля", "Илья", "Ілліч", "Ильич"},
    {"Кирило", "Кирилл", "Кирилович", "Кириллович"},
    {"Данило", "Даниил", "Данилович", "Даниилович"},
    {"Ганна", "Анна", "", ""},
    {"Наталія", "Наталья", "", ""},
    {"Тетяна", "Татьяна", "", ""},
    {"Катерина", "Екатерина", "", ""},
    {"Надія", "Надежда", "", ""},
    {"Олена", "Елена", "", ""},
    {"Ольга", "Ольга", "", ""},
    {"Людмила", "Людмила", "", ""},
}};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ReplaceSuffix(std::string_view s, std::string_view suffix, std::string_view with) {
  return std::string(s.substr(0, s.size() - suffix.size())) + std::string(with);
}

std::string UkrainianFemalePatronymic(std::string_view male) {
  if (EndsWith(male, "йович")) return ReplaceSuffix(male, "йович", "ївна");
  if (EndsWith(male, "ович")) return ReplaceSuffix(male, "ович", "івна");
  return {};
}

std::string RussianFemalePatronymic(std::string_view male) {
  if (EndsWith(male, "евич")) return ReplaceSuffix(male, "евич", "евна");
  if (EndsWith(male, "ович")) return ReplaceSuffix(male, "ович", "овна");
  return {};
}

std::string KeyOrEmpty(std::string_view text) {
  auto k = names::RomanKey(text);
  return k ? *k : std::string();
}

// key of any known form -> key of its group. Built once; read-only afterwards, so it is safe
// to share between the threads that prepare records.
using GroupTable = std::unordered_map<std::string, std::string>;

struct EquivalenceTables {
  GroupTable given;
  GroupTable patronymic;
};

void AddGroup(GroupTable& table, std::string_view a, std::string_view b) {
  std::string group = KeyOrEmpty(b);
  if (group.empty()) return;
  table.emplace(KeyOrEmpty(a), group);
  table.emplace(group, group);
}

const EquivalenceTables& Tables() {
  static const EquivalenceTables tables = [] {
    EquivalenceTables t;
    for (const auto& p : kGivenNames) {
      AddGroup(t.given, p.ua, p.ru);
      if (p.ua_patronymic.empty()) continue;
      AddGroup(t.patronymic, p.ua_patronymic, p.ru_patronymic);
      AddGroup(t.patronymic, UkrainianFemalePatronymic(p.ua_patronymic),
               RussianFemalePatronymic(p.ru_patronymic));
    }
    return t;
  }();
  return tables;
}

std::string GroupOf(const GroupTable& table, const std::string& key) {
  auto it = table.find(key);
  return it == table.end() ? key : it->second;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool LooksLikePatronymic(std::string_view word) {
  const std::string key = KeyOrEmpty(word);
  for (std::string_view suffix : {"ovich", "evich", "ivna", "ovna", "evna", "ich", "inichna"}) {
    if (EndsWith(key, suffix)) return true;
  }
  return false;
}

}  // namespace

std::string FoldSurnameGender(std::string key) {
  // Order matters: the longer feminine endings first.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEndings = {{
      {"skaia", "ski"}, {"ska", "ski"}, {"ova", "ov"}, {"eva", "ev"}, {"ina", "in"},
  }};
  for (const auto& [feminine, masculine] : kEndings) {
    if (key.size() > feminine.size() + 2 && EndsWith(key, feminine)) {
      return ReplaceSuffix(key, feminine, masculine);
    }
  }
  return key;
}

std::string PhoneticKey(std::string_view skeleton) {
  std::string out;
  for (char c : skeleton) {
    if (c == ' ') break;  // the first word of a double surname decides the block
    if (!out.empty() && IsVowel(c)) continue;
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
    if (out.size() == 6) break;
  }
  return out;
}

Result<NameKeys> ComputeNameKeys(const NameParts& parts) {
  NameKeys keys;
  PARLEY_ASSIGN_OR_RETURN(std::string surname, names::RomanKey(parts.surname));
  PARLEY_ASSIGN_OR_RETURN(keys.given_name, names::RomanKey(parts.given_name));
  PARLEY_ASSIGN_OR_RETURN(keys.patronymic, names::RomanKey(parts.patronymic));
  keys.surname = FoldSurnameGender(std::move(surname));
  const auto& tables = Tables();
  keys.given_group = GroupOf(tables.given, keys.given_name);
  keys.patronymic_group = GroupOf(tables.patronymic, keys.patronymic);
  keys.surname_phonetic = PhoneticKey(keys.surname);
  return keys;
}

SplitName SplitFullName(std::string_view full_name) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < full_name.size()) {
    while (i < full_name.size() && (full_name[i] == ' ' || full_name[i] == ',')) ++i;
    std::size_t j = i;
    while (j < full_name.size() && full_name[j] != ' ' && full_name[j] != ',') ++j;
    if (j > i) words.push_back(full_name.substr(i, j - i));
    i = j;
  }
  SplitName out;
  if (words.empty()) return out;
  if (words.size() == 1) {
    out.surname = words[0];
    return out;
  }
  if (words.size() >= 3 && LooksLikePatronymic(words[1]) && !LooksLikePatronymic(words[2])) {
    out.given_name = words[0];  // "Given Patronymic Surname"
    out.patronymic = words[1];
    out.surname = words[2];
    return out;
  }
  out.surname = words[0];
  out.given_name = words[1];
  if (words.size() >= 3) out.patronymic = words[2];
  return out;
}

}  // namespace parley::link
