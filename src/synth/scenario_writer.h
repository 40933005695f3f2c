// parley/synth/scenario_writer.h — writes a whole synthetic exchange scenario to a folder.
//
// This is the module's API: `parley synth`, `parley demo`, tests and benchmarks call
// WriteScenario. From `people` true persons (population.h) it writes, into `out_dir`:
//
//   ua-request.csv  Ukraine asks for its own people (held by Russia, and some only missing).
//                   Ukrainian spelling, one ПІБ column (surname first; some rows given name
//                   first), Ukrainian headers, dates DD.MM.YYYY:
//                   №,ПІБ,Дата народження,Місце народження,Військовий квиток,Звання,Частина,
//                   Категорія,Стан здоров'я,Стать,Примітки
//   ru-custody.csv  Russia's register of the Ukrainians it holds (including people Ukraine did
//                   not request), Russian spellings, split names, Russian headers:
//                   №,Фамилия,Имя,Отчество,Дата рождения,Место рождения,Военный билет,Звание,
//                   Воинская часть,Категория,Состояние здоровья,Пол,Дата пленения,Примечание
//   ru-request.csv  Russia asks for its own people held by Ukraine (and some missing), Russian
//                   spelling, one ФИО column:
//                   №,ФИО,Дата рождения,Место рождения,Личный номер,Звание,Воинская часть,
//                   Категория,Состояние здоровья,Пол,Примечание
//   ua-custody.csv  Ukraine's register of the Russians it holds: Russian spellings, on some rows
//                   written in Ukrainian letters; split names, Ukrainian headers:
//                   №,Прізвище,Ім'я,По батькові,Дата народження,Місце народження,
//                   Особистий номер,Звання,Частина,Категорія,Стан здоров'я,Стать,
//                   Дата полонення,Примітки
//   mediator.csv    the mediator's Latin list of a share of the Ukrainians held by Russia, each
//                   batch of rows (and some single rows) romanised by another system
//                   (romanisation.h); dates ISO 8601:
//                   id,full_name,date_of_birth,place_of_birth,service_number,rank,sex,category,
//                   health,notes
//   truth.csv       file,id,person_id for every row of every list above.
//   people.csv      each person's true canonical attributes (person_id first).
//   README.txt      the layouts above, the options used, and what each variation means.
// All files are UTF-8 unless `legacy_encodings` asks for Windows-1251 and UTF-16 (see below).
//
// Values: Категорія/category is one of combatant, civilian, medical, chaplain (the canonical
// codes of SYSTEM.md, so imports need no mapping); health is "seriously_wounded" or empty; sex
// is ч/ж (Ukrainian), м/ж (Russian), M/F (mediator); notes say deceased or already exchanged
// in the writer's language.
//
// Contract: the same options give byte-identical files on every machine (rng.h); every date
// written is a valid calendar date, not in the future; every row of every list has exactly one
// truth row and vice versa; each injected variation is counted in the summary. Rates are
// probabilities per row (or per person, or per batch, as each field says). Files are streamed
// through 1 MiB buffers, so memory is the population (~64 bytes a person), not the output.
//
//   SynthOptions options;
//   options.people = 10'000;
//   options.seed = 7;
//   Result<SynthSummary> summary = WriteScenario(options, "/tmp/scenario");
//   if (!summary) return ReportError(summary.error(), ctx);
//   for (const auto& f : summary->files) std::cout << f.file << " " << f.rows << "\n";
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "synth/population.h"
#include "synth/romanisation.h"

namespace parley::synth {

// Per-row probabilities of each kind of dirt (DOMAIN.md, "What goes wrong" and "Names").
struct VariationRates {
  double duplicate = 0.02;              // a person listed twice (new id, small variation)
  double typo = 0.03;                   // one letter substituted, swapped, dropped or doubled
  double year_only = 0.04;              // birth date written as YYYY
  double month_year = 0.02;             // birth date written as MM.YYYY
  double day_month_swap = 0.02;         // day and month exchanged (only when both are ≤ 12)
  double wrong_birth_year = 0.02;       // birth year off by one
  double missing_patronymic = 0.03;     // patronymic left empty
  double homoglyph = 0.03;              // a Latin look-alike inside a Cyrillic name or number
  double apostrophe_variant = 0.5;      // of rows whose names hold an apostrophe: ' ’ or ʼ
  double upper_case_surname = 0.10;     // surname in capitals (Cyrillic lists; mediator by batch)
  double given_first_order = 0.05;      // "Given Patronymic Surname" in single-name columns
  double civilian_as_combatant = 0.30;  // of civilians, in the detaining side's register
  double diminutive = 0.01;  // request rows naming a man as his family does (Сашко, Саша)
  double place_prefix = 0.15;   // birth place written with "м." / "г." (town) in front
  double number_format = 0.10;  // service number with a space after the series or no dash
  // Of people: known by a former surname too. The detaining side's register (and the mediator,
  // who learns names from it) lists him under the former surname; his own side's request lists
  // the current one and gives the former full name in its aliases column (Інші імена /
  // Другие имена).
  double alias = 0.02;
};

struct SynthOptions {
  std::uint64_t people = 10'000;
  std::uint64_t seed = 1;
  PopulationOptions population;
  double request_share_held = 0.90;      // of held people, in their own side's request
  double request_share_missing = 0.80;   // of missing-only people, in their side's request
  double custody_share = 0.98;           // of held people, in the detaining side's register
  double mediator_share = 0.60;          // of Ukrainians held by Russia, in mediator.csv
  int mediator_batch = 200;              // rows per mediator batch (one romanisation system)
  double mediator_row_switch = 0.15;     // rows romanised by another system than their batch
  double ukrainian_letters_rate = 0.30;  // ua-custody rows of Russians in Ukrainian letters
  // Rewrite ua-request.csv as UTF-8 with BOM, ru-custody.csv as Windows-1251 and ua-custody.csv
  // as UTF-16LE (DOMAIN.md: lists arrive in all three); the others stay UTF-8.
  bool legacy_encodings = false;
  VariationRates rates;
};

// Counts of what the scenario holds, for the summary and for tests of the rates.
struct VariationCounts {
  std::uint64_t duplicate_rows = 0;
  std::uint64_t namesake_people = 0;  // people sharing surname + given name with another
  std::uint64_t typos = 0;
  std::uint64_t year_only_dates = 0;
  std::uint64_t month_year_dates = 0;
  std::uint64_t day_month_swaps = 0;
  std::uint64_t wrong_birth_years = 0;
  std::uint64_t missing_patronymics = 0;
  std::uint64_t homoglyph_rows = 0;
  std::uint64_t apostrophe_variants = 0;
  std::uint64_t upper_case_surnames = 0;
  std::uint64_t given_first_rows = 0;
  std::uint64_t civilian_as_combatant = 0;
  std::uint64_t deceased_rows = 0;
  std::uint64_t exchanged_rows = 0;
  std::uint64_t russian_passport_people = 0;  // Ukrainians with Russian forms on both sides
  std::uint64_t ukrainian_letters_rows = 0;
  std::uint64_t missing_only_requests = 0;  // requested people nobody holds
  std::uint64_t unrequested_custody = 0;    // held people their side did not request
  std::uint64_t diminutives = 0;            // given names written as a diminutive (Сашко)
  std::uint64_t place_prefixes = 0;         // birth places with "м." / "г." in front
  std::uint64_t number_formats = 0;         // service numbers written "ЩК 123456" or "ЩМ123456"
  std::uint64_t former_name_rows = 0;       // custody / mediator rows under a former surname
  std::uint64_t alias_rows = 0;             // request rows carrying that former name as an alias

  struct Item {
    std::string_view name;
    std::uint64_t count;
  };
  [[nodiscard]] std::vector<Item> Items() const;
};

struct ListFileSummary {
  std::string file;
  std::uint64_t rows = 0;          // data rows, header excluded
  std::string encoding = "utf-8";  // see FileEncodingName
};

struct SynthSummary {
  std::uint64_t people = 0;
  std::uint64_t seed = 0;
  std::vector<ListFileSummary> files;  // in the order written
  VariationCounts variations;
  std::array<std::uint64_t, kRomanisationSystemCount> romanised_rows{};  // by system
  // Characters Windows-1251 cannot hold (ʼ) written as their ASCII fallback.
  std::uint64_t encoding_replacements = 0;
  [[nodiscard]] std::uint64_t TotalRows() const;
  // One JSON object: {"people":..,"seed":..,"files":[{"file":..,"rows":..,"encoding":..}],
  // "variations":{..},"romanisation":{..}}.
  [[nodiscard]] std::string ToJson() const;
};

// kInvalidInput when a count or a rate is out of range (rates must lie in [0, 1]).
[[nodiscard]] Result<void> ValidateOptions(const SynthOptions& options);

// Writes the scenario; creates `out_dir` if needed and overwrites the files named above.
// kInvalidInput for bad options, kIoError when a file cannot be written.
[[nodiscard]] Result<SynthSummary> WriteScenario(const SynthOptions& options,
                                                 const std::filesystem::path& out_dir);

}  // namespace parley::synth
