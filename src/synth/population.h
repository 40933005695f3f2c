// parley/synth/population.h — the true people behind a synthetic scenario.
//
// Contract: GeneratePopulation draws `count` distinct persons — Ukrainians (mostly servicemen,
// some civilians; mostly men) of whom a share is held by Russia and the rest only reported
// missing, and Russians of whom a share is held by Ukraine. Each person has true canonical
// attributes: names (as indices into the vocabularies, so one person renders in Ukrainian,
// Russian or Latin), sex, a valid birth date giving an age of 18–60 on the reference date, a
// birth town, a unique service number, rank, unit, category, health, capture date and fate.
// The same options and seed give the same population.
//
// Why indices and not strings: a Person is 60-odd bytes, so a million of them fit in cache-
// friendly flat memory, and every list renders names on demand in its own language without
// ever storing a string twice.
//
// Namesakes come from two sources, as in life: the Zipf-skewed name frequencies (many Шевченко,
// many Олександр), and an explicit `namesake_rate` of people who copy the surname and given name
// of an earlier person (the "dozen Шевченко Дмитро in 8,000").
//
//   Rng rng(7);
//   std::vector<Person> people = GeneratePopulation(1000, PopulationOptions{}, rng);
//   NameParts n = UkrainianForm(people[0]);   // {"Шевченко", "Дмитро", "Олександрович"}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/partial_date.h"
#include "synth/rng.h"

namespace parley::synth {

enum class Nation : std::uint8_t { kUkrainian, kRussian };
enum class Sex : std::uint8_t { kMale, kFemale };
enum class Category : std::uint8_t { kCombatant, kCivilian, kMedical, kChaplain };
// kHeld: in the other side's custody. kMissing: reported missing, held by nobody. kDeceased and
// kExchanged: still on the detaining side's register, with a note.
enum class Fate : std::uint8_t { kHeld, kMissing, kDeceased, kExchanged };

struct Person {
  std::uint32_t id = 0;  // 0-based; written as "P0000001" (id + 1)
  Nation nation = Nation::kUkrainian;
  Sex sex = Sex::kMale;
  // A Ukrainian whose passport carries the Russian forms of his names: both sides write them so.
  bool russian_passport = false;
  bool seriously_wounded = false;
  Category category = Category::kCombatant;
  Fate fate = Fate::kHeld;
  std::uint16_t surname = 0;         // index into UkrainianSurnames() or RussianSurnames()
  std::uint16_t given = 0;           // index into MaleNames() or FemaleNames() by sex
  std::uint16_t father = 0;          // index into MaleNames(): the patronymic
  std::uint16_t birth_place = 0;     // index into UkrainianTowns() or RussianTowns()
  std::int16_t rank = -1;            // index into the nation's ranks; -1 for civilians
  std::int16_t unit = -1;            // 0 .. kUnitsPerSide-1; -1 for civilians
  std::uint32_t service_number = 0;  // series * 1'000'000 + serial; unique per nation
  PartialDate birth;
  PartialDate capture;  // unknown for the missing
};

struct PopulationOptions {
  double ukrainian_share = 0.7;        // of all people; the rest are Russians
  double ukrainian_held_share = 0.75;  // of Ukrainians; the rest are only reported missing
  double russian_held_share = 0.85;    // of Russians
  double civilian_share_ua = 0.10;
  double civilian_share_ru = 0.02;
  double medical_share = 0.03;
  double chaplain_share = 0.005;
  double female_share_combatant = 0.06;
  double female_share_civilian = 0.35;
  double russian_passport_share = 0.15;  // of Ukrainians
  double seriously_wounded_share = 0.05;
  double deceased_share = 0.01;    // of held people
  double exchanged_share = 0.015;  // of held people
  double namesake_rate = 0.02;
  PartialDate reference_date{2025, 6, 1};  // "today" of the scenario: ages and captures end here
};

[[nodiscard]] std::vector<Person> GeneratePopulation(std::uint64_t count,
                                                     const PopulationOptions& options, Rng& rng);

struct NameParts {
  std::string surname;
  std::string given;
  std::string patronymic;
};

// The person's names as his own side writes them (a Russian-passport Ukrainian: Russian forms).
[[nodiscard]] NameParts OwnForm(const Person& p);
// Ukrainian forms (for a Russian: his names in Ukrainian letters, given name and patronymic
// translated through the name table: Александр Сергеевич → Олександр Сергійович).
[[nodiscard]] NameParts UkrainianForm(const Person& p);
// Ukrainian letters, no translation (Александр Сергеевич → Александр Сергеєвич).
[[nodiscard]] NameParts UkrainianLettersForm(const Person& p);
// Russian forms: how a Russian register writes the person.
[[nodiscard]] NameParts RussianForm(const Person& p);

[[nodiscard]] std::string PersonId(const Person& p);  // "P0000001"
// A Ukrainian's military ID "ЩК123456", a Russian's personal number "ЩМ-123456" (the Щ series
// marks them synthetic: no real series begins with Щ); "" for civilians.
[[nodiscard]] std::string ServiceNumber(const Person& p);
[[nodiscard]] std::string_view CategoryName(Category c);  // "combatant", ...
[[nodiscard]] std::string_view FateName(Fate f);          // "held", "missing", ...

}  // namespace parley::synth
