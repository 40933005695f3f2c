#include "synth/scenario_writer.h"

#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include "core/file_io.h"
#include "core/try.h"
#include "lists/csv_writer.h"
#include "synth/encoding.h"
#include "synth/utf8.h"
#include "synth/variations.h"
#include "synth/vocabulary_names.h"
#include "synth/vocabulary_places.h"
#include "synth/vocabulary_surnames.h"

namespace parley::synth {
namespace {

constexpr std::string_view kTruthFile = "truth.csv";
constexpr std::string_view kPeopleFile = "people.csv";
constexpr std::string_view kReadmeFile = "README.txt";

// Independent random streams: adding a draw to one list never shifts another list's data.
enum Stream : std::uint64_t {
  kStreamPopulation = 1,
  kStreamUaRequest,
  kStreamRuCustody,
  kStreamRuRequest,
  kStreamUaCustody,
  kStreamMediator,
  kStreamAliases,
};

struct Entry {
  std::uint32_t person;
  bool duplicate;
};

// Which side writes a list and about whom.
struct ListSpec {
  std::string_view file;
  Nation subject;        // whose people the list names
  bool ukrainian_clerk;  // headers, towns, ranks, sex letters and notes in Ukrainian
  bool custody;          // the detaining side's register (else a request)
  bool single_name_column;
  Stream stream;
};

constexpr ListSpec kUaRequest{"ua-request.csv", Nation::kUkrainian, true, false, true,
                              kStreamUaRequest};
constexpr ListSpec kRuCustody{"ru-custody.csv", Nation::kUkrainian, false, true, false,
                              kStreamRuCustody};
constexpr ListSpec kRuRequest{"ru-request.csv", Nation::kRussian, false, false, true,
                              kStreamRuRequest};
constexpr ListSpec kUaCustody{"ua-custody.csv", Nation::kRussian, true, true, false,
                              kStreamUaCustody};

std::vector<std::string> HeaderFor(const ListSpec& spec) {
  if (spec.ukrainian_clerk && spec.single_name_column) {
    return {"№",        "ПІБ",       "Дата народження", "Місце народження", "Військовий квиток",
            "Звання",   "Частина",   "Категорія",       "Стан здоров'я",    "Стать",
            "Примітки", "Інші імена"};
  }
  if (spec.ukrainian_clerk) {
    return {"№",
            "Прізвище",
            "Ім'я",
            "По батькові",
            "Дата народження",
            "Місце народження",
            "Особистий номер",
            "Звання",
            "Частина",
            "Категорія",
            "Стан здоров'я",
            "Стать",
            "Дата полонення",
            "Примітки"};
  }
  if (spec.single_name_column) {
    return {"№",
            "ФИО",
            "Дата рождения",
            "Место рождения",
            "Личный номер",
            "Звание",
            "Воинская часть",
            "Категория",
            "Состояние здоровья",
            "Пол",
            "Примечание",
            "Другие имена"};
  }
  return {"№",
          "Фамилия",
          "Имя",
          "Отчество",
          "Дата рождения",
          "Место рождения",
          "Военный билет",
          "Звание",
          "Воинская часть",
          "Категория",
          "Состояние здоровья",
          "Пол",
          "Дата пленения",
          "Примечание"};
}

const std::vector<std::string> kMediatorHeader = {
    "id",   "full_name", "date_of_birth", "place_of_birth", "service_number",
    "rank", "sex",       "category",      "health",         "notes"};

std::string JoinName(const NameParts& n, bool given_first) {
  std::string out;
  auto add = [&out](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ' ';
    out += part;
  };
  if (given_first) {
    add(n.given);
    add(n.patronymic);
    add(n.surname);
  } else {
    add(n.surname);
    add(n.given);
    add(n.patronymic);
  }
  return out;
}

// Rewrites the ь a Russian clerk writes for a Ukrainian apostrophe (Дем'яненко: Демьяненко) as
// `replacement`: "" (Демяненко) or "ъ" (Демъяненко).
std::string ReplaceSoftSignBeforeIotated(std::string_view text, std::string_view replacement) {
  std::string out;
  out.reserve(text.size());
  const std::string_view soft = "ь";
  for (size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with(soft) &&
        (rest.substr(2).starts_with("я") || rest.substr(2).starts_with("ю") ||
         rest.substr(2).starts_with("е"))) {
      out += replacement;
      i += soft.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

// "ЩК123456" -> "ЩК 123456"; "ЩК-123456" -> "ЩК123456": the two habits clerks have with the
// separator between series and number.
std::string ReformatServiceNumber(std::string_view number) {
  const size_t dash = number.find('-');
  if (dash != std::string_view::npos) {
    return std::string(number.substr(0, dash)) + std::string(number.substr(dash + 1));
  }
  const size_t digits = number.find_first_of("0123456789");
  if (digits == std::string_view::npos) return std::string(number);
  return std::string(number.substr(0, digits)) + " " + std::string(number.substr(digits));
}

class ScenarioWriter {
 public:
  ScenarioWriter(const SynthOptions& options, std::filesystem::path dir)
      : o_(options), r_(options.rates), dir_(std::move(dir)) {}
  // counts_ refers into summary_: a copy would point into the original.
  ScenarioWriter(const ScenarioWriter&) = delete;
  ScenarioWriter& operator=(const ScenarioWriter&) = delete;

  [[nodiscard]] Result<SynthSummary> Run();

 private:
  // Renders and applies variations to a list's names; returns how many variations it applied.
  int VaryNames(NameParts& names, Rng& rng, Keyboard keyboard, bool upper_surname_allowed);
  // Applies date variations; returns how many it applied.
  int VaryDate(PartialDate& date, Rng& rng);
  std::vector<Entry> Select(Nation subject, bool custody, double held_share, double missing_share,
                            Rng& rng);
  [[nodiscard]] Result<void> WriteCyrillicList(const ListSpec& spec);
  [[nodiscard]] Result<void> Reencode(const ListSpec& spec);
  [[nodiscard]] Result<void> WriteMediatorList();
  [[nodiscard]] Result<void> WritePeople();
  [[nodiscard]] Result<void> WriteReadme();
  void CountPopulation();
  void WriteTruth(std::string_view file, const std::string& id, const Person& p);
  // The person as the detaining side knows him: under his former surname, if he has one.
  [[nodiscard]] Person AsDetainerKnows(const Person& p) const;
  [[nodiscard]] bool HasFormerSurname(const Person& p) const { return former_surname_[p.id] >= 0; }

  const SynthOptions& o_;
  const VariationRates& r_;
  std::filesystem::path dir_;
  std::vector<Person> people_;
  // Per person: bit 0 requested by his side, bit 1 on the detaining side's register.
  std::vector<std::uint8_t> membership_;
  // Per person: index of a former surname in his nation's vocabulary, or -1 (rates.alias).
  std::vector<std::int32_t> former_surname_;
  std::optional<StagedFile> truth_file_;
  std::unique_ptr<CsvWriter> truth_;
  SynthSummary summary_;
  VariationCounts& counts_ = summary_.variations;
};

Person ScenarioWriter::AsDetainerKnows(const Person& p) const {
  Person known = p;
  if (HasFormerSurname(p)) known.surname = static_cast<std::uint16_t>(former_surname_[p.id]);
  return known;
}

std::vector<Entry> ScenarioWriter::Select(Nation subject, bool custody, double held_share,
                                          double missing_share, Rng& rng) {
  std::vector<Entry> entries;
  for (const Person& p : people_) {
    if (p.nation != subject) continue;
    const bool missing = p.fate == Fate::kMissing;
    if (custody && missing) continue;
    if (!rng.Chance(missing ? missing_share : held_share)) continue;
    entries.push_back({p.id, false});
    membership_[p.id] |= custody ? 2 : 1;
    if (rng.Chance(r_.duplicate)) entries.push_back({p.id, true});
  }
  Shuffle(entries, rng);
  return entries;
}

int ScenarioWriter::VaryNames(NameParts& n, Rng& rng, Keyboard keyboard,
                              bool upper_surname_allowed) {
  int applied = 0;
  if (!n.patronymic.empty() && rng.Chance(r_.missing_patronymic)) {
    n.patronymic.clear();
    ++counts_.missing_patronymics;
    ++applied;
  }
  auto pick_part = [&n, &rng]() -> std::string& {
    const std::uint64_t x = rng.Below(10);
    if (x < 5 || (x >= 8 && n.patronymic.empty())) return n.surname;
    return x < 8 ? n.given : n.patronymic;
  };
  if (rng.Chance(r_.typo)) {
    std::string& part = pick_part();
    std::string typo = InjectTypo(part, rng, keyboard);
    if (typo != part) {
      part = std::move(typo);
      ++counts_.typos;
      ++applied;
    }
  }
  if (rng.Chance(r_.homoglyph)) {
    std::string& part = pick_part();
    std::string changed = InjectHomoglyph(part, rng);
    if (changed != part) {
      part = std::move(changed);
      ++counts_.homoglyph_rows;
      ++applied;
    }
  }
  if ((HasApostrophe(n.surname) || HasApostrophe(n.given) || HasApostrophe(n.patronymic)) &&
      rng.Chance(r_.apostrophe_variant)) {
    // One typist uses one apostrophe throughout a row.
    const std::string before = n.surname + n.given + n.patronymic;
    const char32_t apostrophe = PickApostrophe(rng);
    n.surname = ReplaceApostrophes(n.surname, apostrophe);
    n.given = ReplaceApostrophes(n.given, apostrophe);
    n.patronymic = ReplaceApostrophes(n.patronymic, apostrophe);
    if (n.surname + n.given + n.patronymic != before) {
      ++counts_.apostrophe_variants;
      ++applied;
    }
  }
  if (upper_surname_allowed && rng.Chance(r_.upper_case_surname)) {
    n.surname = ToUpper(n.surname);
    ++counts_.upper_case_surnames;
  }
  return applied;
}

int ScenarioWriter::VaryDate(PartialDate& d, Rng& rng) {
  int applied = 0;
  if (rng.Chance(r_.wrong_birth_year)) {
    d = ShiftYear(d, rng, o_.population.reference_date);
    ++counts_.wrong_birth_years;
    ++applied;
  }
  if (rng.Chance(r_.day_month_swap)) {
    if (auto swapped = SwapDayMonth(d)) {
      d = *swapped;
      ++counts_.day_month_swaps;
      ++applied;
    }
  }
  const double x = rng.Unit();
  if (x < r_.year_only) {
    d.month = 0;
    d.day = 0;
    ++counts_.year_only_dates;
    ++applied;
  } else if (x < r_.year_only + r_.month_year) {
    d.day = 0;
    ++counts_.month_year_dates;
    ++applied;
  }
  return applied;
}

void ScenarioWriter::WriteTruth(std::string_view file, const std::string& id, const Person& p) {
  const std::string person_id = PersonId(p);
  truth_->WriteRow({file, std::string_view(id), std::string_view(person_id)});
}

Result<void> ScenarioWriter::WriteCyrillicList(const ListSpec& spec) {
  Rng rng = Rng(o_.seed).Fork(spec.stream);
  const bool ua_subject = spec.subject == Nation::kUkrainian;
  std::vector<Entry> entries = spec.custody ? Select(spec.subject, true, o_.custody_share, 0, rng)
                                            : Select(spec.subject, false, o_.request_share_held,
                                                     o_.request_share_missing, rng);
  PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(dir_ / spec.file));
  CsvWriter csv(file.stream());
  const std::vector<std::string> header = HeaderFor(spec);
  csv.WriteRow(header);
  std::vector<std::string> cells(header.size());
  const auto ranks = ua_subject ? UkrainianRanks() : RussianRanks();
  const auto towns = ua_subject ? UkrainianTowns() : RussianTowns();

  std::uint64_t row_number = 0;
  for (const Entry& e : entries) {
    const Person& real = people_[e.person];
    // The detaining side's register knows a person with a former surname only under it; his
    // own side's request names him as he is now and gives the former name as an alias.
    const Person known = spec.custody ? AsDetainerKnows(real) : real;
    const Person& p = known;
    const bool former = HasFormerSurname(real);
    if (former && spec.custody) ++counts_.former_name_rows;
    NameParts names;
    if (spec.subject == Nation::kUkrainian) {
      names = spec.ukrainian_clerk ? OwnForm(p) : RussianForm(p);
      if (!spec.ukrainian_clerk && HasApostrophe(UkrainianForm(p).surname)) {
        // DOMAIN.md: the apostrophe is "dropped or ъ/ь"; the vocabulary writes ь.
        const std::uint64_t habit = rng.Below(10);
        if (habit < 3) {
          names.surname = ReplaceSoftSignBeforeIotated(names.surname, "");
          ++counts_.apostrophe_variants;
        } else if (habit == 3) {
          names.surname = ReplaceSoftSignBeforeIotated(names.surname, "ъ");
          ++counts_.apostrophe_variants;
        }
      }
    } else if (spec.ukrainian_clerk && rng.Chance(o_.ukrainian_letters_rate)) {
      names = rng.Chance(0.5) ? UkrainianForm(p) : UkrainianLettersForm(p);
      ++counts_.ukrainian_letters_rows;
    } else {
      names = RussianForm(p);
    }
    if (!spec.custody && rng.Chance(r_.diminutive)) {
      const std::string_view full =
          p.sex == Sex::kFemale ? FemaleNames()[p.given].ua : MaleNames()[p.given].ua;
      if (const Diminutive* d = FindDiminutive(full)) {
        names.given = spec.ukrainian_clerk ? d->ua : d->ru;
        ++counts_.diminutives;
      }
    }
    PartialDate birth = p.birth;
    const Keyboard keyboard = spec.ukrainian_clerk ? Keyboard::kUkrainian : Keyboard::kRussian;
    int applied = VaryNames(names, rng, keyboard, true);
    applied += VaryDate(birth, rng);
    if (e.duplicate) {
      ++counts_.duplicate_rows;
      // A second entry of the same person always differs a little from the first.
      if (applied == 0) {
        if (rng.Chance(0.5) || birth.day == 0) {
          names.given = InjectTypo(names.given, rng, keyboard);
          ++counts_.typos;
        } else {
          birth.day = 0;
          ++counts_.month_year_dates;
        }
      }
    }

    size_t c = 0;
    cells[c++] = std::to_string(++row_number);
    if (spec.single_name_column) {
      const bool given_first = rng.Chance(r_.given_first_order);
      counts_.given_first_rows += given_first ? 1 : 0;
      cells[c++] = JoinName(names, given_first);
    } else {
      cells[c++] = names.surname;
      cells[c++] = names.given;
      cells[c++] = names.patronymic;
    }
    cells[c++] = FormatDateDmy(birth);
    const Town& town = towns[p.birth_place];
    std::string place(spec.ukrainian_clerk ? town.ua : town.ru);
    if (HasApostrophe(place) && rng.Chance(r_.apostrophe_variant)) {  // Слов'янськ
      std::string varied = ReplaceApostrophes(place, PickApostrophe(rng));
      counts_.apostrophe_variants += varied != place ? 1 : 0;
      place = std::move(varied);
    }
    if (rng.Chance(r_.place_prefix)) {
      place.insert(0, spec.ukrainian_clerk ? "м. " : "г. ");
      ++counts_.place_prefixes;
    }
    cells[c++] = std::move(place);
    // The detaining side copies the number from captured documents, which are sometimes lost.
    std::string number = spec.custody && rng.Chance(0.2) ? "" : ServiceNumber(p);
    if (!number.empty() && rng.Chance(r_.number_format)) {
      number = ReformatServiceNumber(number);
      ++counts_.number_formats;
    }
    if (!number.empty() && rng.Chance(r_.homoglyph)) {
      number = InjectHomoglyph(number, rng);
      ++counts_.homoglyph_rows;
    }
    cells[c++] = std::move(number);
    cells[c++] =
        p.rank < 0 ? "" : std::string(spec.ukrainian_clerk ? ranks[p.rank].ua : ranks[p.rank].ru);
    cells[c++] = p.unit < 0 ? "" : UnitDesignation(ua_subject, p.unit);
    Category category = p.category;
    if (spec.custody && category == Category::kCivilian && rng.Chance(r_.civilian_as_combatant)) {
      category = Category::kCombatant;
      ++counts_.civilian_as_combatant;
    }
    cells[c++] = CategoryName(category);
    // Requests learn of wounds only from videos and released comrades: half of them.
    const bool wounded = p.seriously_wounded && (spec.custody || rng.Chance(0.5));
    cells[c++] = wounded ? "seriously_wounded" : "";
    const bool female = p.sex == Sex::kFemale;
    cells[c++] = spec.ukrainian_clerk ? (female ? "ж" : "ч") : (female ? "ж" : "м");
    if (!spec.single_name_column) cells[c++] = FormatDateDmy(p.capture);
    std::string note;
    std::string aliases;
    if (!spec.custody && former) {
      const Person then = AsDetainerKnows(real);
      aliases = JoinName(spec.ukrainian_clerk ? OwnForm(then) : RussianForm(then), false);
      ++counts_.alias_rows;
    }
    if (p.fate == Fate::kDeceased) {
      ++counts_.deceased_rows;
      if (spec.custody) note = spec.ukrainian_clerk ? "помер" : "умер";
    } else if (p.fate == Fate::kExchanged) {
      ++counts_.exchanged_rows;
      if (spec.custody) note = spec.ukrainian_clerk ? "вже обміняний" : "уже обменян";
    }
    cells[c++] = std::move(note);
    if (spec.single_name_column) cells[c++] = std::move(aliases);
    csv.WriteRow(std::span<const std::string>(cells.data(), c));
    WriteTruth(spec.file, cells[0], p);
  }
  summary_.files.push_back({std::string(spec.file), row_number, "utf-8"});
  if (auto closed = file.Commit(); !closed) return closed;
  return Reencode(spec);
}

Result<void> ScenarioWriter::Reencode(const ListSpec& spec) {
  if (!o_.legacy_encodings) return {};
  const FileEncoding encoding = spec.stream == kStreamUaRequest   ? FileEncoding::kUtf8Bom
                                : spec.stream == kStreamRuCustody ? FileEncoding::kWindows1251
                                : spec.stream == kStreamUaCustody ? FileEncoding::kUtf16Le
                                                                  : FileEncoding::kUtf8;
  summary_.files.back().encoding = FileEncodingName(encoding);
  return ReencodeFile(dir_ / spec.file, encoding, summary_.encoding_replacements);
}

RomanisationSystem DrawSystem(Rng& rng) {
  // Shares loosely follow what a mediator receives: Ukrainian passports (2010 system) and
  // Russian documents (ICAO) dominate, older and foreign habits fill the tail.
  static constexpr std::array<double, kRomanisationSystemCount> kWeights = {35, 25, 12, 8,
                                                                            10, 5,  5};
  static const WeightedPicker kPicker(kWeights);
  return static_cast<RomanisationSystem>(kPicker.Pick(rng));
}

Result<void> ScenarioWriter::WriteMediatorList() {
  constexpr std::string_view kFile = "mediator.csv";
  Rng rng = Rng(o_.seed).Fork(kStreamMediator);
  std::vector<Entry> entries;
  for (const Person& p : people_) {
    if (p.nation != Nation::kUkrainian || p.fate == Fate::kMissing) continue;
    if (!rng.Chance(o_.mediator_share)) continue;
    entries.push_back({p.id, false});
    if (rng.Chance(r_.duplicate)) entries.push_back({p.id, true});
  }
  Shuffle(entries, rng);

  PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(dir_ / kFile));
  CsvWriter csv(file.stream());
  csv.WriteRow(kMediatorHeader);
  std::vector<std::string> cells(kMediatorHeader.size());

  RomanisationSystem batch_system = RomanisationSystem::kUkraine2010;
  bool batch_upper = false, batch_given_first = false, batch_no_patronymic = false;
  const auto batch = static_cast<std::uint64_t>(o_.mediator_batch);
  std::uint64_t row_number = 0;
  char id[32];
  for (const Entry& e : entries) {
    if (row_number % batch == 0) {
      batch_system = DrawSystem(rng);
      batch_upper = rng.Chance(0.4);
      batch_given_first = rng.Chance(0.3);
      batch_no_patronymic = rng.Chance(0.25);
    }
    // The mediator learns names from the detaining side: a former surname, if any.
    const Person known = AsDetainerKnows(people_[e.person]);
    const Person& p = known;
    if (HasFormerSurname(p)) ++counts_.former_name_rows;
    const RomanisationSystem system =
        rng.Chance(o_.mediator_row_switch) ? DrawSystem(rng) : batch_system;
    ++summary_.romanised_rows[static_cast<size_t>(system)];
    const bool from_ukrainian = RomanisesUkrainianForm(system);
    NameParts cyr = from_ukrainian ? OwnForm(p) : RussianForm(p);
    NameParts names{Romanise(cyr.surname, system), Romanise(cyr.given, system),
                    batch_no_patronymic ? "" : Romanise(cyr.patronymic, system)};
    if (batch_no_patronymic) ++counts_.missing_patronymics;
    PartialDate birth = p.birth;
    int applied = VaryNames(names, rng, Keyboard::kLatin, false);
    applied += VaryDate(birth, rng);
    if (batch_upper) {
      names.surname = ToUpper(names.surname);
      ++counts_.upper_case_surnames;
    }
    if (e.duplicate) {
      ++counts_.duplicate_rows;
      if (applied == 0) {
        names.given = InjectTypo(names.given, rng, Keyboard::kLatin);
        ++counts_.typos;
      }
    }
    const bool given_first = batch_given_first != rng.Chance(r_.given_first_order);
    counts_.given_first_rows += given_first ? 1 : 0;

    std::snprintf(id, sizeof id, "MED-%06llu", static_cast<unsigned long long>(++row_number));
    size_t c = 0;
    cells[c++] = id;
    cells[c++] = JoinName(names, given_first);
    cells[c++] = FormatDateIso(birth);
    const Town& town = UkrainianTowns()[p.birth_place];
    cells[c++] = Romanise(from_ukrainian ? town.ua : town.ru, system);
    cells[c++] = Romanise(ServiceNumber(p), system);
    cells[c++] = p.rank < 0 ? "" : std::string(UkrainianRanks()[p.rank].en);
    cells[c++] = p.sex == Sex::kFemale ? "F" : "M";
    Category category = p.category;
    if (category == Category::kCivilian && rng.Chance(r_.civilian_as_combatant)) {
      category = Category::kCombatant;  // the mediator copies the detaining side's claim
      ++counts_.civilian_as_combatant;
    }
    cells[c++] = CategoryName(category);
    cells[c++] = p.seriously_wounded ? "seriously_wounded" : "";
    std::string note;
    if (p.fate == Fate::kDeceased) {
      ++counts_.deceased_rows;
      note = "deceased";
    } else if (p.fate == Fate::kExchanged) {
      ++counts_.exchanged_rows;
      note = "already exchanged";
    }
    cells[c++] = std::move(note);
    csv.WriteRow(std::span<const std::string>(cells.data(), c));
    WriteTruth(kFile, cells[0], p);
  }
  summary_.files.push_back({std::string(kFile), row_number});
  return file.Commit();
}

Result<void> ScenarioWriter::WritePeople() {
  PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(dir_ / kPeopleFile));
  CsvWriter csv(file.stream());
  const std::vector<std::string> header = {"person_id",      "nation",         "sex",
                                           "surname_ua",     "given_name_ua",  "patronymic_ua",
                                           "surname_ru",     "given_name_ru",  "patronymic_ru",
                                           "birth_date",     "birth_place_ua", "birth_place_ru",
                                           "service_number", "rank_ua",        "rank_ru",
                                           "unit",           "category",       "seriously_wounded",
                                           "capture_date",   "fate",           "russian_passport"};
  csv.WriteRow(header);
  std::vector<std::string> cells(header.size());
  for (const Person& p : people_) {
    const bool ua = p.nation == Nation::kUkrainian;
    const NameParts u = UkrainianForm(p);
    const NameParts r = RussianForm(p);
    const Town& town = (ua ? UkrainianTowns() : RussianTowns())[p.birth_place];
    const auto ranks = ua ? UkrainianRanks() : RussianRanks();
    size_t c = 0;
    cells[c++] = PersonId(p);
    cells[c++] = ua ? "ua" : "ru";
    cells[c++] = p.sex == Sex::kFemale ? "F" : "M";
    cells[c++] = u.surname;
    cells[c++] = u.given;
    cells[c++] = u.patronymic;
    cells[c++] = r.surname;
    cells[c++] = r.given;
    cells[c++] = r.patronymic;
    cells[c++] = p.birth.ToIso();
    cells[c++] = town.ua;
    cells[c++] = town.ru;
    cells[c++] = ServiceNumber(p);
    cells[c++] = p.rank < 0 ? "" : std::string(ranks[p.rank].ua);
    cells[c++] = p.rank < 0 ? "" : std::string(ranks[p.rank].ru);
    cells[c++] = p.unit < 0 ? "" : UnitDesignation(ua, p.unit);
    cells[c++] = CategoryName(p.category);
    cells[c++] = p.seriously_wounded ? "true" : "false";
    cells[c++] = p.capture.ToIso();
    cells[c++] = FateName(p.fate);
    cells[c++] = p.russian_passport ? "true" : "false";
    csv.WriteRow(std::span<const std::string>(cells.data(), c));
  }
  summary_.files.push_back({std::string(kPeopleFile), people_.size()});
  return file.Commit();
}

void ScenarioWriter::CountPopulation() {
  std::unordered_map<std::uint64_t, std::uint32_t> groups;
  groups.reserve(people_.size());
  auto key = [](const Person& p) {
    return (static_cast<std::uint64_t>(p.nation) << 40) |
           (static_cast<std::uint64_t>(p.sex) << 32) |
           (static_cast<std::uint64_t>(p.surname) << 16) | p.given;
  };
  for (const Person& p : people_) ++groups[key(p)];
  for (const Person& p : people_) {
    if (groups[key(p)] > 1) ++counts_.namesake_people;
    if (p.russian_passport) ++counts_.russian_passport_people;
    const bool missing = p.fate == Fate::kMissing;
    if (missing && (membership_[p.id] & 1) != 0) ++counts_.missing_only_requests;
    if (!missing && (membership_[p.id] & 3) == 2) ++counts_.unrequested_custody;
  }
}

std::string RateLine(std::string_view name, double rate, std::string_view meaning) {
  std::ostringstream s;
  s << "  " << name << " = " << rate << "  " << meaning << "\n";
  return s.str();
}

Result<void> ScenarioWriter::WriteReadme() {
  PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(dir_ / kReadmeFile));
  std::ostream& out = file.stream();
  out << "Synthetic prisoner-exchange scenario written by `parley synth`.\n"
         "Every person, name, number and unit here is invented (service numbers use the series\n"
         "letter Щ and units the letters Ш/Щ, which no real document uses). Never real data.\n\n"
      << "people = " << o_.people << ", seed = " << o_.seed
      << " (the same people and seed always give byte-identical files)\n"
      << "reference date (scenario's today) = " << o_.population.reference_date.ToIso() << "\n\n"
      << "FILES (RFC 4180 CSV, CRLF line ends, header row first; encoding at the end)\n"
         "ua-request.csv  Ukraine's request for its own people: held by Russia, and some only\n"
         "                reported missing. Ukrainian spelling, one ПІБ column, surname first\n"
         "                (a few rows given name first). Dates DD.MM.YYYY, MM.YYYY or YYYY.\n"
         "    №,ПІБ,Дата народження,Місце народження,Військовий квиток,Звання,Частина,\n"
         "    Категорія,Стан здоров'я,Стать,Примітки,Інші імена (aliases: a former full name)\n"
         "ru-custody.csv  Russia's register of the Ukrainians it holds, Russian spellings\n"
         "                (Олександр -> Александр, Лисенко -> Лысенко, -ський -> -ский).\n"
         "    №,Фамилия,Имя,Отчество,Дата рождения,Место рождения,Военный билет,Звание,\n"
         "    Воинская часть,Категория,Состояние здоровья,Пол,Дата пленения,Примечание\n"
         "ru-request.csv  Russia's request for its own people held by Ukraine (and missing).\n"
         "    №,ФИО,Дата рождения,Место рождения,Личный номер,Звание,Воинская часть,Категория,\n"
         "    Состояние здоровья,Пол,Примечание,Другие имена\n"
         "ua-custody.csv  Ukraine's register of the Russians it holds; Russian spellings, some\n"
         "                rows in Ukrainian letters (Сергей -> Сергій or Сергєй).\n"
         "    №,Прізвище,Ім'я,По батькові,Дата народження,Місце народження,Особистий номер,\n"
         "    Звання,Частина,Категорія,Стан здоров'я,Стать,Дата полонення,Примітки\n"
         "mediator.csv    the mediator's Latin list of a share of the Ukrainians held by Russia;\n"
         "                each batch of rows (and some single rows) romanised by one of:\n"
         "                ua2010 (Ukraine 2010, from the Ukrainian form), icao9303, bgn_pcgn,\n"
         "                gost779b, legacy_en (x, sch), legacy_fr (tch, ou), legacy_de (w, tsch,\n"
         "                sch, j) from the Russian form. Dates ISO 8601 "
         "(YYYY-MM-DD/YYYY-MM/YYYY).\n"
         "    id,full_name,date_of_birth,place_of_birth,service_number,rank,sex,category,health,\n"
         "    notes\n"
         "truth.csv       file,id,person_id: the true person behind every row of every list.\n"
         "people.csv      the true canonical attributes of every person.\n\n"
         "VALUES\n"
         "  Категорія/Категория/category: combatant, civilian, medical, chaplain.\n"
         "  Стан здоров'я/Состояние здоровья/health: seriously_wounded or empty.\n"
         "  Стать ч/ж, Пол м/ж, sex M/F. Notes: помер/умер/deceased, вже обміняний/уже обменян/\n"
         "  already exchanged (custody registers and the mediator only).\n\n"
         "VARIATION (probability per row unless said otherwise)\n";
  out << RateLine("duplicate", r_.duplicate, "same person listed again, new id, small change")
      << RateLine("typo", r_.typo, "a letter substituted, swapped, dropped or doubled")
      << RateLine("year_only", r_.year_only, "birth date written as the year only")
      << RateLine("month_year", r_.month_year, "birth date written as MM.YYYY")
      << RateLine("day_month_swap", r_.day_month_swap, "day and month exchanged (both <= 12)")
      << RateLine("wrong_birth_year", r_.wrong_birth_year, "birth year off by one")
      << RateLine("missing_patronymic", r_.missing_patronymic, "patronymic left empty")
      << RateLine("homoglyph", r_.homoglyph,
                  "look-alike letters of the other script (Latin in Cyrillic, or the reverse)")
      << RateLine("apostrophe_variant", r_.apostrophe_variant,
                  "of rows with an apostrophe: ' or U+2019 or U+02BC")
      << RateLine("upper_case_surname", r_.upper_case_surname, "surname in capitals")
      << RateLine("given_first_order", r_.given_first_order,
                  "full name written Given Patronymic Surname")
      << RateLine("civilian_as_combatant", r_.civilian_as_combatant,
                  "of civilians: listed as combatant by the detaining side")
      << RateLine("diminutive", r_.diminutive,
                  "request rows: given name as the family says it (Сашко, Саша)")
      << RateLine("place_prefix", r_.place_prefix,
                  "birth place written as \"м. Київ\" / \"г. Киев\"")
      << RateLine("number_format", r_.number_format,
                  "service number written \"ЩК 123456\" or \"ЩМ123456\" (no dash)")
      << RateLine("alias", r_.alias,
                  "of people: a former surname; custody and mediator rows use it, the request "
                  "gives it as an alias")
      << RateLine("namesake_rate", o_.population.namesake_rate,
                  "of people: copies an earlier person's surname and given name")
      << RateLine("russian_passport_share", o_.population.russian_passport_share,
                  "of Ukrainians: Russian name forms on both sides")
      << RateLine("ukrainian_letters_rate", o_.ukrainian_letters_rate,
                  "of ua-custody rows: Russian names in Ukrainian letters")
      << RateLine("mediator_share", o_.mediator_share,
                  "of Ukrainians held by Russia: on the mediator's list")
      << "Mediator batches (" << o_.mediator_batch
      << " rows): 40% write surnames in capitals, 30% put the given name first, 25% omit\n"
         "patronymics. For a Ukrainian apostrophe Russian registers write ь, or nothing (30% of\n"
         "rows), or ъ (10%).\n"
         "Custody registers lack the service number on 20% of rows.\n\n"
      << "ENCODING: "
      << (o_.legacy_encodings
              ? "ua-request.csv is UTF-8 with BOM, ru-custody.csv Windows-1251 (U+02BC written as "
                "'), ua-custody.csv UTF-16LE with BOM; the other files UTF-8.\n"
              : "every file UTF-8 without BOM (--legacy-encodings writes some lists in "
                "Windows-1251 and UTF-16).\n");
  return file.Commit();
}

Result<SynthSummary> ScenarioWriter::Run() {
  PARLEY_TRY(CreatePrivateFolders(dir_));
  Rng population_rng = Rng(o_.seed).Fork(kStreamPopulation);
  people_ = GeneratePopulation(o_.people, o_.population, population_rng);
  membership_.assign(people_.size(), 0);
  former_surname_.assign(people_.size(), -1);
  Rng alias_rng = Rng(o_.seed).Fork(kStreamAliases);
  for (const Person& p : people_) {
    if (!alias_rng.Chance(r_.alias)) continue;
    const std::size_t vocabulary =
        p.nation == Nation::kUkrainian ? UkrainianSurnames().size() : RussianSurnames().size();
    // Any other surname of his nation's vocabulary.
    const auto other = static_cast<std::int32_t>(alias_rng.Below(vocabulary - 1));
    former_surname_[p.id] = other >= p.surname ? other + 1 : other;
  }
  summary_.people = people_.size();
  summary_.seed = o_.seed;

  PARLEY_ASSIGN_OR_RETURN(StagedFile truth_file, StagedFile::Open(dir_ / kTruthFile));
  truth_file_.emplace(std::move(truth_file));
  truth_ = std::make_unique<CsvWriter>(truth_file_->stream());
  truth_->WriteRow({"file", "id", "person_id"});

  for (const ListSpec* spec : {&kUaRequest, &kRuCustody, &kRuRequest, &kUaCustody}) {
    if (auto written = WriteCyrillicList(*spec); !written) return std::unexpected(written.error());
  }
  if (auto written = WriteMediatorList(); !written) return std::unexpected(written.error());
  std::uint64_t truth_rows = 0;
  for (const auto& f : summary_.files) truth_rows += f.rows;
  if (auto closed = truth_file_->Commit(); !closed) return std::unexpected(closed.error());
  summary_.files.push_back({std::string(kTruthFile), truth_rows});
  if (auto written = WritePeople(); !written) return std::unexpected(written.error());
  CountPopulation();
  if (auto written = WriteReadme(); !written) return std::unexpected(written.error());
  return summary_;
}

bool IsRate(double x) { return x >= 0.0 && x <= 1.0; }

}  // namespace

std::vector<VariationCounts::Item> VariationCounts::Items() const {
  return {
      {"duplicate_rows", duplicate_rows},
      {"namesake_people", namesake_people},
      {"typos", typos},
      {"year_only_dates", year_only_dates},
      {"month_year_dates", month_year_dates},
      {"day_month_swaps", day_month_swaps},
      {"wrong_birth_years", wrong_birth_years},
      {"missing_patronymics", missing_patronymics},
      {"homoglyph_rows", homoglyph_rows},
      {"apostrophe_variants", apostrophe_variants},
      {"upper_case_surnames", upper_case_surnames},
      {"given_first_rows", given_first_rows},
      {"civilian_as_combatant", civilian_as_combatant},
      {"deceased_rows", deceased_rows},
      {"exchanged_rows", exchanged_rows},
      {"russian_passport_people", russian_passport_people},
      {"ukrainian_letters_rows", ukrainian_letters_rows},
      {"missing_only_requests", missing_only_requests},
      {"unrequested_custody", unrequested_custody},
      {"diminutives", diminutives},
      {"place_prefixes", place_prefixes},
      {"number_formats", number_formats},
      {"former_name_rows", former_name_rows},
      {"alias_rows", alias_rows},
  };
}

std::uint64_t SynthSummary::TotalRows() const {
  std::uint64_t total = 0;
  for (const auto& f : files) total += f.rows;
  return total;
}

std::string SynthSummary::ToJson() const {
  // Every key and file name is ASCII without quotes or backslashes, so no escaping is needed.
  std::ostringstream s;
  s << "{\"people\":" << people << ",\"seed\":" << seed << ",\"files\":[";
  for (size_t i = 0; i < files.size(); ++i) {
    s << (i ? "," : "") << "{\"file\":\"" << files[i].file << "\",\"rows\":" << files[i].rows
      << ",\"encoding\":\"" << files[i].encoding << "\"}";
  }
  s << "],\"variations\":{";
  const auto items = variations.Items();
  for (size_t i = 0; i < items.size(); ++i) {
    s << (i ? "," : "") << "\"" << items[i].name << "\":" << items[i].count;
  }
  s << "},\"romanisation\":{";
  for (int i = 0; i < kRomanisationSystemCount; ++i) {
    s << (i ? "," : "") << "\"" << RomanisationSystemName(static_cast<RomanisationSystem>(i))
      << "\":" << romanised_rows[static_cast<size_t>(i)];
  }
  s << "},\"encoding_replacements\":" << encoding_replacements << "}";
  return s.str();
}

Result<void> ValidateOptions(const SynthOptions& o) {
  if (o.people < 1 || o.people > 10'000'000) {
    return Fail(ErrorCode::kInvalidInput,
                "--people must be between 1 and 10000000, got " + std::to_string(o.people));
  }
  if (o.mediator_batch < 1) {
    return Fail(ErrorCode::kInvalidInput, "--mediator-batch must be at least 1");
  }
  const VariationRates& r = o.rates;
  const PopulationOptions& p = o.population;
  const std::pair<std::string_view, double> rates[] = {
      {"duplicate", r.duplicate},
      {"typo", r.typo},
      {"year-only", r.year_only},
      {"month-year", r.month_year},
      {"day-month-swap", r.day_month_swap},
      {"wrong-birth-year", r.wrong_birth_year},
      {"missing-patronymic", r.missing_patronymic},
      {"homoglyph", r.homoglyph},
      {"apostrophe-variant", r.apostrophe_variant},
      {"upper-case-surname", r.upper_case_surname},
      {"given-first", r.given_first_order},
      {"civilian-as-combatant", r.civilian_as_combatant},
      {"diminutive", r.diminutive},
      {"place-prefix", r.place_prefix},
      {"number-format", r.number_format},
      {"alias", r.alias},
      {"request-share-held", o.request_share_held},
      {"request-share-missing", o.request_share_missing},
      {"custody-share", o.custody_share},
      {"mediator-share", o.mediator_share},
      {"mediator-row-switch", o.mediator_row_switch},
      {"ukrainian-letters", o.ukrainian_letters_rate},
      {"ukrainian-share", p.ukrainian_share},
      {"ukrainian-held-share", p.ukrainian_held_share},
      {"russian-held-share", p.russian_held_share},
      {"russian-passport", p.russian_passport_share},
      {"namesake", p.namesake_rate},
      {"seriously-wounded", p.seriously_wounded_share},
      {"deceased", p.deceased_share},
      {"exchanged", p.exchanged_share},
  };
  for (const auto& [name, value] : rates) {
    if (!IsRate(value)) {
      return Fail(ErrorCode::kInvalidInput, "--" + std::string(name) +
                                                " must be a rate between 0 and 1, got " +
                                                std::to_string(value));
    }
  }
  if (r.year_only + r.month_year > 1.0) {
    return Fail(ErrorCode::kInvalidInput, "--year-only plus --month-year must not exceed 1");
  }
  const PartialDate ref = p.reference_date;
  if (ref.year < 2023 || ref.month < 1 || ref.month > 12 || ref.day < 1 ||
      ref.day > DaysInMonth(ref.year, ref.month) || ref > TodayUtc()) {
    return Fail(ErrorCode::kInvalidInput,
                "the reference date must be a full date after 2022 and not in the future");
  }
  return {};
}

Result<SynthSummary> WriteScenario(const SynthOptions& options,
                                   const std::filesystem::path& out_dir) {
  if (auto valid = ValidateOptions(options); !valid) return std::unexpected(valid.error());
  ScenarioWriter writer(options, out_dir);
  return writer.Run();
}

}  // namespace parley::synth
