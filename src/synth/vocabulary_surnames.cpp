#include "synth/vocabulary_surnames.h"

#include <array>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "synth/russian_forms.h"

namespace parley::synth {
namespace {

struct Pair {
  std::string_view ua;
  std::string_view ru;
};

// Real common Ukrainian surnames, roughly by frequency, with the Russian register's spelling.
constexpr std::array kHead = {
    Pair{"Шевченко", "Шевченко"},
    Pair{"Коваленко", "Коваленко"},
    Pair{"Бондаренко", "Бондаренко"},
    Pair{"Ткаченко", "Ткаченко"},
    Pair{"Кравченко", "Кравченко"},
    Pair{"Бойко", "Бойко"},
    Pair{"Коваль", "Коваль"},
    Pair{"Олійник", "Олейник"},
    Pair{"Шевчук", "Шевчук"},
    Pair{"Поліщук", "Полищук"},
    Pair{"Мельник", "Мельник"},
    Pair{"Лисенко", "Лысенко"},
    Pair{"Ковальчук", "Ковальчук"},
    Pair{"Савченко", "Савченко"},
    Pair{"Марченко", "Марченко"},
    Pair{"Руденко", "Руденко"},
    Pair{"Мороз", "Мороз"},
    Pair{"Петренко", "Петренко"},
    Pair{"Кравчук", "Кравчук"},
    Pair{"Клименко", "Клименко"},
    Pair{"Павленко", "Павленко"},
    Pair{"Савчук", "Савчук"},
    Pair{"Ткачук", "Ткачук"},
    Pair{"Іваненко", "Иваненко"},
    Pair{"Литвиненко", "Литвиненко"},
    Pair{"Харченко", "Харченко"},
    Pair{"Мазур", "Мазур"},
    Pair{"Гончаренко", "Гончаренко"},
    Pair{"Мельничук", "Мельничук"},
    Pair{"Кузьменко", "Кузьменко"},
    Pair{"Ткач", "Ткач"},
    Pair{"Бондар", "Бондарь"},
    Pair{"Кравець", "Кравец"},
    Pair{"Гуменюк", "Гуменюк"},
    Pair{"Ґудзь", "Гудзь"},
    Pair{"Їжак", "Ижак"},
    Pair{"Білий", "Белый"},
    Pair{"Сивий", "Сивый"},
    Pair{"Чорний", "Черный"},
    Pair{"Вовк", "Вовк"},
    Pair{"Сорока", "Сорока"},
    Pair{"Кіт", "Кит"},
    Pair{"Дем'яненко", "Демьяненко"},
    Pair{"П'ятничук", "Пятничук"},
    Pair{"Лук'яненко", "Лукьяненко"},
    Pair{"Ковальський", "Ковальский"},
    Pair{"Яремчук", "Яремчук"},
    Pair{"Щербак", "Щербак"},
    Pair{"Григоренко", "Григоренко"},
    Pair{"Остапчук", "Остапчук"},
    Pair{"Юрченко", "Юрченко"},
    Pair{"Євтушенко", "Евтушенко"},
    Pair{"Приходько", "Приходько"},
    Pair{"Левченко", "Левченко"},
    Pair{"Демченко", "Демченко"},
    Pair{"Стасюк", "Стасюк"},
    Pair{"Семенюк", "Семенюк"},
    Pair{"Гнатюк", "Гнатюк"},
    Pair{"Гребенюк", "Гребенюк"},
    Pair{"Зінченко", "Зинченко"},
    Pair{"Скиба", "Скиба"},
    Pair{"Сидоренко", "Сидоренко"},
    Pair{"Нестеренко", "Нестеренко"},
    Pair{"Мартинюк", "Мартынюк"},
    Pair{"Костенко", "Костенко"},
    Pair{"Карпенко", "Карпенко"},
    Pair{"Тимошенко", "Тимошенко"},
    Pair{"Кучер", "Кучер"},
    Pair{"Дячук", "Дьячук"},
    Pair{"Заїка", "Заика"},
    Pair{"Гайдай", "Гайдай"},
    Pair{"Панчишин", "Панчишин"},
};

// Roots crossed with suffixes. Hand-written Russian spelling per root (ы or и, е or и, ь).
constexpr std::array kRoots = {
    Pair{"Лис", "Лыс"},           Pair{"Гриц", "Гриц"},
    Pair{"Сидор", "Сидор"},       Pair{"Пилип", "Пилип"},
    Pair{"Дорош", "Дорош"},       Pair{"Гордій", "Гордий"},
    Pair{"Охрім", "Охрим"},       Pair{"Остап", "Остап"},
    Pair{"Назар", "Назар"},       Pair{"Тарас", "Тарас"},
    Pair{"Оліфір", "Олифир"},     Pair{"Ничипор", "Нечипор"},
    Pair{"Василь", "Василь"},     Pair{"Михайл", "Михайл"},
    Pair{"Грищ", "Грищ"},         Pair{"Федор", "Федор"},
    Pair{"Стеф", "Стеф"},         Pair{"Кирил", "Кирил"},
    Pair{"Марк", "Марк"},         Pair{"Мирон", "Мирон"},
    Pair{"Семен", "Семен"},       Pair{"Самійл", "Самойл"},
    Pair{"Антон", "Антон"},       Pair{"Зінов", "Зинов"},
    Pair{"Юхим", "Юхим"},         Pair{"Хом", "Хом"},
    Pair{"Яцен", "Яцен"},         Pair{"Ющ", "Ющ"},
    Pair{"Гавриш", "Гавриш"},     Pair{"Горб", "Горб"},
    Pair{"Грабов", "Грабов"},     Pair{"Дуб", "Дуб"},
    Pair{"Верб", "Верб"},         Pair{"Берез", "Берез"},
    Pair{"Липов", "Липов"},       Pair{"Калин", "Калин"},
    Pair{"Мовчан", "Мовчан"},     Pair{"Гуцал", "Гуцал"},
    Pair{"Бурлак", "Бурлак"},     Pair{"Козак", "Козак"},
    Pair{"Сотник", "Сотник"},     Pair{"Писар", "Писар"},
    Pair{"Пасічн", "Пасечн"},     Pair{"Мірош", "Мирош"},
    Pair{"Рибал", "Рыбал"},       Pair{"Швець", "Швец"},
    Pair{"Кушнір", "Кушнир"},     Pair{"Стельмах", "Стельмах"},
    Pair{"Бондар", "Бондар"},     Pair{"Тесл", "Тесл"},
    Pair{"Гончар", "Гончар"},     Pair{"Коваль", "Коваль"},
    Pair{"Ковтун", "Ковтун"},     Pair{"Дзюб", "Дзюб"},
    Pair{"Шпак", "Шпак"},         Pair{"Горобець", "Горобец"},
    Pair{"Сокол", "Сокол"},       Pair{"Ворон", "Ворон"},
    Pair{"Журавель", "Журавель"}, Pair{"Лебідь", "Лебедь"},
    Pair{"Ведмід", "Ведмед"},     Pair{"Зайч", "Зайч"},
    Pair{"Бобр", "Бобр"},         Pair{"Вовч", "Вовч"},
    Pair{"Козл", "Козл"},         Pair{"Бик", "Бык"},
    Pair{"Голуб", "Голуб"},       Pair{"Сирот", "Сирот"},
    Pair{"Сивок", "Сивок"},       Pair{"Рудь", "Рудь"},
    Pair{"Чорнов", "Чернов"},     Pair{"Білоус", "Белоус"},
    Pair{"Довгаль", "Довгаль"},   Pair{"Тимош", "Тимош"},
    Pair{"Ярем", "Ярем"},         Pair{"Юрч", "Юрч"},
    Pair{"Данил", "Данил"},       Pair{"Гаврил", "Гаврил"},
    Pair{"Дем'ян", "Демьян"},     Pair{"Лук'ян", "Лукьян"},
    Pair{"Мар'ян", "Марьян"},     Pair{"Кир'ян", "Кирьян"},
    Pair{"Іван", "Иван"},         Pair{"Ігнат", "Игнат"},
    Pair{"Ілюш", "Илюш"},         Pair{"Онищ", "Онищ"},
    Pair{"Єрем", "Ерем"},         Pair{"Євтух", "Евтух"},
    Pair{"Ґаврон", "Гаврон"},     Pair{"Ґалаґан", "Галаган"},
    Pair{"Їжач", "Ижач"},         Pair{"Вітр", "Витр"},
    Pair{"Кисіль", "Кисель"},     Pair{"Пріс", "Прис"},
    Pair{"Христ", "Христ"},       Pair{"Щерб", "Щерб"},
    Pair{"Щур", "Щур"},           Pair{"Шаповал", "Шаповал"},
    Pair{"Бабій", "Бабий"},       Pair{"Гуменн", "Гуменн"},
    Pair{"Задорож", "Задорож"},   Pair{"Запорож", "Запорож"},
    Pair{"Полтав", "Полтав"},     Pair{"Волин", "Волын"},
    Pair{"Поділ", "Подол"},       Pair{"Литвин", "Литвин"},
    Pair{"Руснак", "Руснак"},     Pair{"Сліпч", "Слипч"},
    Pair{"Кругл", "Кругл"},       Pair{"Тонк", "Тонк"},
    Pair{"Товст", "Товст"},       Pair{"Сухор", "Сухор"},
    Pair{"Мокр", "Мокр"},         Pair{"Гнід", "Гнед"},
    Pair{"Рябоконь", "Рябоконь"}, Pair{"Головат", "Головат"},
    Pair{"Вусат", "Вусат"},       Pair{"Бородай", "Бородай"},
    Pair{"Кривонос", "Кривонос"}, Pair{"Ступ", "Ступ"},
    Pair{"Жук", "Жук"},           Pair{"Комар", "Комар"},
    Pair{"Осад", "Осад"},         Pair{"Панас", "Панас"},
    Pair{"Опанас", "Опанас"},     Pair{"Олекс", "Олекс"},
    Pair{"Прокоп", "Прокоп"},     Pair{"Трохим", "Трохим"},
    Pair{"Мусій", "Мусий"},
};

// The suffixes crossed with every root, Ukrainian and Russian spelling.
constexpr std::array<Pair, 8> kSuffixes = {
    Pair{"енко", "енко"}, Pair{"ук", "ук"},     Pair{"чук", "чук"}, Pair{"ський", "ский"},
    Pair{"ович", "ович"}, Pair{"ишин", "ишин"}, Pair{"ів", "ив"},   Pair{"ик", "ик"},
};

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> tails) {
  for (auto t : tails) {
    if (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) return true;
  }
  return false;
}

// The last letter of every root is a 2-byte Cyrillic code point.
std::string_view DropLast(std::string_view s) { return s.substr(0, s.size() - 2); }

// Joins a root and a suffix the way Ukrainian spelling does (Коваль+енко = Коваленко,
// Коваль+ук = Ковалюк, Гордій+енко = Гордієнко); "" when the pair does not make a plausible
// surname (Жук+ський).
std::string Join(std::string_view root_ua, std::string_view root, const Pair& suffix_pair,
                 bool russian) {
  const std::string_view suffix = russian ? suffix_pair.ru : suffix_pair.ua;
  const std::string_view key = suffix_pair.ua;
  const bool root_soft = EndsWithAny(root, {"ь", "й"});
  const std::string_view stem = root_soft ? DropLast(root) : root;
  std::string out;
  if (EndsWithAny(root_ua, {"ь"})) {
    if (key == "енко" || key == "ишин" || key == "ик") return std::string(stem) += suffix;
    if (key == "ук") return std::string(stem) += "юк";
    if (key == "ович") return std::string(stem) += "евич";
    if (key == "ів") return std::string(stem) += suffix;
    return (std::string(stem) += "ь") += suffix;
  }
  if (EndsWithAny(root_ua, {"й"})) {
    if (key == "енко") return std::string(stem) += russian ? "енко" : "єнко";
    if (key == "ук") return std::string(stem) += "юк";
    if (key == "чук" || key == "ович") return (std::string(stem) += "й") += suffix;
    return "";
  }
  if (EndsWithAny(root_ua, {"к", "г", "х"})) {
    if (key == "ович" || key == "ів") return std::string(root) += suffix;
    return "";
  }
  // After л and н Ukrainian surnames take the soft -юк (Кирилюк, Гуменюк, Семенюк), and -чук
  // after л is written -льчук (Кирильчук).
  if (EndsWithAny(root_ua, {"л", "н"})) {
    if (key == "ук") return std::string(root) += "юк";
    if (key == "чук" && EndsWithAny(root_ua, {"л"})) return std::string(root) += "ьчук";
  }
  if (EndsWithAny(root_ua, {"в"}) && key == "ук") return "";
  if (EndsWithAny(root_ua, {"ч", "ш", "щ", "ж"})) {
    if (key == "енко" || key == "ович" || key == "ів" || key == "ук") {
      return std::string(root) += suffix;
    }
    return "";
  }
  if (EndsWithAny(root_ua, {"ц"})) {
    if (key == "чук" || key == "ський" || key == "ик") return "";
    return std::string(root) += suffix;
  }
  if (EndsWithAny(root_ua, {"а", "и", "о", "е", "і"})) return "";
  return std::string(root) += suffix;
}

Surname MakeUkrainian(std::string_view ua, std::string_view ru) {
  std::string ua_f = FeminineSurnameUa(ua);
  // The Russian register inflects only what the passport inflects: a woman named Литвин stays
  // Литвин, not Литвина.
  std::string ru_f = ua_f == ua ? std::string(ru) : FeminineSurnameRu(ru);
  return Surname{std::string(ua), std::move(ua_f), std::string(ru), std::move(ru_f)};
}

std::vector<Surname> BuildUkrainian() {
  std::vector<Surname> out;
  std::unordered_set<std::string> seen;
  auto add = [&](std::string_view ua, std::string_view ru) {
    if (seen.insert(std::string(ua)).second) out.push_back(MakeUkrainian(ua, ru));
  };
  for (const Pair& p : kHead) add(p.ua, p.ru);
  // Suffix-major order interleaves roots, so the Zipf head is not one root's family.
  for (size_t s = 0; s < kSuffixes.size(); ++s) {
    for (size_t r = 0; r < kRoots.size(); ++r) {
      // A fixed, irregular subset of combinations: not every root takes every suffix.
      if (s > 0 && (r * 7 + s * 3) % 5 == 0) continue;
      const Pair& root = kRoots[r];
      std::string ua = Join(root.ua, root.ua, kSuffixes[s], false);
      std::string ru = Join(root.ua, root.ru, kSuffixes[s], true);
      if (!ua.empty() && !ru.empty()) add(ua, ru);
    }
  }
  return out;
}

constexpr std::string_view kRussian[] = {
    "Иванов",      "Смирнов",   "Кузнецов",   "Попов",      "Васильев", "Петров",     "Соколов",
    "Михайлов",    "Новиков",   "Фёдоров",    "Морозов",    "Волков",   "Алексеев",   "Лебедев",
    "Семёнов",     "Егоров",    "Павлов",     "Козлов",     "Степанов", "Николаев",   "Орлов",
    "Андреев",     "Макаров",   "Никитин",    "Захаров",    "Зайцев",   "Соловьёв",   "Борисов",
    "Яковлев",     "Григорьев", "Романов",    "Воробьёв",   "Сергеев",  "Кузьмин",    "Фролов",
    "Александров", "Дмитриев",  "Королёв",    "Гусев",      "Киселёв",  "Ильин",      "Максимов",
    "Поляков",     "Сорокин",   "Виноградов", "Ковалёв",    "Белов",    "Медведев",   "Антонов",
    "Тарасов",     "Жуков",     "Баранов",    "Филиппов",   "Комаров",  "Давыдов",    "Беляев",
    "Герасимов",   "Богданов",  "Осипов",     "Сидоров",    "Матвеев",  "Титов",      "Марков",
    "Миронов",     "Крылов",    "Куликов",    "Карпов",     "Власов",   "Мельников",  "Денисов",
    "Гаврилов",    "Тихонов",   "Казаков",    "Афанасьев",  "Данилов",  "Савельев",   "Тимофеев",
    "Фомин",       "Чернов",    "Абрамов",    "Мартынов",   "Ефимов",   "Федотов",    "Щербаков",
    "Назаров",     "Калинин",   "Исаев",      "Чернышёв",   "Быков",    "Маслов",     "Родионов",
    "Коновалов",   "Лазарев",   "Воронин",    "Климов",     "Филатов",  "Пономарёв",  "Голубев",
    "Кудрявцев",   "Прохоров",  "Наумов",     "Потапов",    "Журавлёв", "Овчинников", "Трофимов",
    "Леонов",      "Соболев",   "Ермаков",    "Колесников", "Гончаров", "Емельянов",  "Никифоров",
    "Грачёв",      "Котов",     "Гришин",     "Ефремов",    "Архипов",  "Громов",     "Кириллов",
    "Малышев",     "Панов",     "Моисеев",    "Румянцев",   "Акимов",   "Кондратьев", "Бирюков",
    "Горбунов",    "Анисимов",  "Ерёмин",     "Тихомиров",  "Галкин",   "Лукьянов",   "Михеев",
    "Скворцов",    "Юдин",      "Белоусов",   "Нестеров",   "Симонов",  "Прокофьев",  "Харитонов",
    "Князев",      "Цветков",   "Левин",      "Митрофанов", "Воронов",  "Аксёнов",    "Мальцев",
    "Логинов",     "Горшков",   "Савин",      "Краснов",    "Майоров",  "Демидов",    "Рыбаков",
    "Жданов",      "Толстой",
};

std::vector<Surname> BuildRussian() {
  std::vector<Surname> out;
  out.reserve(std::size(kRussian));
  for (std::string_view ru : kRussian) {
    std::string ua = UkrainianLettersFromRussian(ru);
    out.push_back(Surname{ua, FeminineSurnameUa(ua), std::string(ru), FeminineSurnameRu(ru)});
  }
  return out;
}

}  // namespace

const std::vector<Surname>& UkrainianSurnames() {
  static const std::vector<Surname> kAll = BuildUkrainian();
  return kAll;
}

const std::vector<Surname>& RussianSurnames() {
  static const std::vector<Surname> kAll = BuildRussian();
  return kAll;
}

}  // namespace parley::synth
