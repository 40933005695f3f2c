#include "synth/population.h"

#include <array>
#include <cstdio>

#include "synth/russian_forms.h"
#include "synth/vocabulary_names.h"
#include "synth/vocabulary_places.h"
#include "synth/vocabulary_surnames.h"

namespace parley::synth {
namespace {

constexpr std::array<std::string_view, 11> kSeriesLetters = {"А", "В", "Е", "К", "М", "Н",
                                                             "О", "Р", "С", "Т", "Х"};
constexpr std::uint32_t kServiceNumberSpace = 11'000'000;  // 11 series x 1,000,000 serials
constexpr PartialDate kWarStart{2022, 2, 24};

// Walks forward `days` days from `from`; the spans involved are a few thousand days at most.
PartialDate AddDays(PartialDate from, std::int64_t days) {
  PartialDate d = from;
  while (days > 0) {
    const int left_in_month = DaysInMonth(d.year, d.month) - d.day;
    if (days <= left_in_month) {
      d.day += static_cast<int>(days);
      break;
    }
    days -= left_in_month + 1;
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

std::int64_t DaysBetween(PartialDate from, PartialDate to) {
  std::int64_t days = 0;
  PartialDate d = from;
  while (d.year < to.year || (d.year == to.year && d.month < to.month)) {
    days += DaysInMonth(d.year, d.month) - d.day + 1;
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return days + (to.day - d.day);
}

// Everything drawn from a Zipf picker is built once per population.
struct Pickers {
  WeightedPicker ua_surname, ru_surname, male, female, ua_town, ru_town, unit, ua_rank, ru_rank;
};

WeightedPicker RankPicker(std::span<const Rank> ranks) {
  std::vector<double> w;
  for (const Rank& r : ranks) w.push_back(r.weight);
  return WeightedPicker(w);
}

Pickers MakePickers() {
  Pickers p;
  p.ua_surname = WeightedPicker(ZipfWeights(UkrainianSurnames().size(), 1.0, 12.0));
  p.ru_surname = WeightedPicker(ZipfWeights(RussianSurnames().size(), 1.0, 8.0));
  p.male = WeightedPicker(ZipfWeights(MaleNames().size(), 1.0, 3.0));
  p.female = WeightedPicker(ZipfWeights(FemaleNames().size(), 1.0, 3.0));
  p.ua_town = WeightedPicker(ZipfWeights(UkrainianTowns().size(), 1.0, 2.0));
  p.ru_town = WeightedPicker(ZipfWeights(RussianTowns().size(), 1.0, 2.0));
  p.unit = WeightedPicker(ZipfWeights(kUnitsPerSide, 1.0, 20.0));
  p.ua_rank = RankPicker(UkrainianRanks());
  p.ru_rank = RankPicker(RussianRanks());
  return p;
}

PartialDate DrawBirth(Rng& rng, PartialDate reference) {
  // Years back 19..60 give an age of 18..60 on the reference date whatever the birthday, and a
  // birth date never after it. The sum of two uniforms peaks the ages near 40.
  const int back = 19 + static_cast<int>((rng.Below(42) + rng.Below(42)) / 2);
  PartialDate d;
  d.year = reference.year - back;
  d.month = 1 + static_cast<int>(rng.Below(12));
  d.day = 1 + static_cast<int>(rng.Below(static_cast<std::uint64_t>(DaysInMonth(d.year, d.month))));
  return d;
}

Category DrawCategory(const PopulationOptions& o, Nation nation, Rng& rng) {
  const double civilian = nation == Nation::kUkrainian ? o.civilian_share_ua : o.civilian_share_ru;
  const double x = rng.Unit();
  if (x < civilian) return Category::kCivilian;
  if (x < civilian + o.medical_share) return Category::kMedical;
  if (x < civilian + o.medical_share + o.chaplain_share) return Category::kChaplain;
  return Category::kCombatant;
}

}  // namespace

std::vector<Person> GeneratePopulation(std::uint64_t count, const PopulationOptions& o, Rng& rng) {
  const Pickers pick = MakePickers();
  std::vector<Person> people;
  people.reserve(count);
  // Earlier people of each (nation, sex), for namesake copies.
  std::array<std::vector<std::uint32_t>, 4> earlier;
  const std::int64_t capture_span = DaysBetween(kWarStart, o.reference_date);

  for (std::uint64_t i = 0; i < count; ++i) {
    Person p;
    p.id = static_cast<std::uint32_t>(i);
    p.nation = rng.Chance(o.ukrainian_share) ? Nation::kUkrainian : Nation::kRussian;
    const bool ua = p.nation == Nation::kUkrainian;
    p.category = DrawCategory(o, p.nation, rng);
    const bool civilian = p.category == Category::kCivilian;
    p.sex = rng.Chance(civilian ? o.female_share_civilian : o.female_share_combatant) ? Sex::kFemale
                                                                                      : Sex::kMale;
    auto& pool = earlier[(ua ? 0 : 2) + (p.sex == Sex::kFemale ? 1 : 0)];
    if (!pool.empty() && rng.Chance(o.namesake_rate)) {
      const Person& model = people[pool[rng.Below(pool.size())]];
      p.surname = model.surname;
      p.given = model.given;
    } else {
      p.surname = static_cast<std::uint16_t>((ua ? pick.ua_surname : pick.ru_surname).Pick(rng));
      p.given =
          static_cast<std::uint16_t>((p.sex == Sex::kMale ? pick.male : pick.female).Pick(rng));
    }
    pool.push_back(p.id);
    p.father = static_cast<std::uint16_t>(pick.male.Pick(rng));
    p.russian_passport = ua && rng.Chance(o.russian_passport_share);
    p.birth = DrawBirth(rng, o.reference_date);
    p.birth_place = static_cast<std::uint16_t>((ua ? pick.ua_town : pick.ru_town).Pick(rng));
    if (!civilian) {
      p.rank = static_cast<std::int16_t>((ua ? pick.ua_rank : pick.ru_rank).Pick(rng));
      p.unit = static_cast<std::int16_t>(pick.unit.Pick(rng));
      // 7919 is prime and coprime with the space, so distinct ids give distinct numbers.
      p.service_number =
          static_cast<std::uint32_t>((i * 7919 + (ua ? 104'729 : 1'299'709)) % kServiceNumberSpace);
    }
    const bool held = rng.Chance(ua ? o.ukrainian_held_share : o.russian_held_share);
    if (held) {
      const double x = rng.Unit();
      p.fate = x < o.deceased_share                       ? Fate::kDeceased
               : x < o.deceased_share + o.exchanged_share ? Fate::kExchanged
                                                          : Fate::kHeld;
      p.capture = AddDays(kWarStart, static_cast<std::int64_t>(
                                         rng.Below(static_cast<std::uint64_t>(capture_span) + 1)));
      p.seriously_wounded = rng.Chance(o.seriously_wounded_share);
    } else {
      p.fate = Fate::kMissing;
    }
    people.push_back(p);
  }
  return people;
}

NameParts UkrainianForm(const Person& p) {
  const bool female = p.sex == Sex::kFemale;
  const Surname& s = p.nation == Nation::kUkrainian ? UkrainianSurnames()[p.surname]
                                                    : RussianSurnames()[p.surname];
  const MaleName& father = MaleNames()[p.father];
  NameParts n;
  n.surname = female ? s.ua_f : s.ua_m;
  n.given = female ? FemaleNames()[p.given].ua : MaleNames()[p.given].ua;
  n.patronymic =
      female ? FemininePatronymicUa(father.ua_patronymic) : std::string(father.ua_patronymic);
  return n;
}

NameParts RussianForm(const Person& p) {
  const bool female = p.sex == Sex::kFemale;
  const Surname& s = p.nation == Nation::kUkrainian ? UkrainianSurnames()[p.surname]
                                                    : RussianSurnames()[p.surname];
  const MaleName& father = MaleNames()[p.father];
  NameParts n;
  n.surname = female ? s.ru_f : s.ru_m;
  n.given = female ? FemaleNames()[p.given].ru : MaleNames()[p.given].ru;
  n.patronymic =
      female ? FemininePatronymicRu(father.ru_patronymic) : std::string(father.ru_patronymic);
  return n;
}

NameParts UkrainianLettersForm(const Person& p) {
  if (p.nation == Nation::kUkrainian) return UkrainianForm(p);
  NameParts ru = RussianForm(p);
  NameParts n;
  n.surname = UkrainianForm(p).surname;
  n.given = UkrainianLettersFromRussian(ru.given);
  n.patronymic = UkrainianLettersFromRussian(ru.patronymic);
  return n;
}

NameParts OwnForm(const Person& p) {
  return p.nation == Nation::kUkrainian && !p.russian_passport ? UkrainianForm(p) : RussianForm(p);
}

std::string PersonId(const Person& p) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "P%07u", p.id + 1);
  return buffer;
}

std::string ServiceNumber(const Person& p) {
  if (p.rank < 0) return "";
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06u", p.service_number % 1'000'000);
  std::string out = "Щ";
  out += kSeriesLetters[p.service_number / 1'000'000];
  if (p.nation == Nation::kRussian) out += "-";
  out += digits;
  return out;
}

std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kCombatant:
      return "combatant";
    case Category::kCivilian:
      return "civilian";
    case Category::kMedical:
      return "medical";
    case Category::kChaplain:
      return "chaplain";
  }
  return "combatant";
}

std::string_view FateName(Fate f) {
  switch (f) {
    case Fate::kHeld:
      return "held";
    case Fate::kMissing:
      return "missing";
    case Fate::kDeceased:
      return "deceased";
    case Fate::kExchanged:
      return "already_exchanged";
  }
  return "held";
}

}  // namespace parley::synth
