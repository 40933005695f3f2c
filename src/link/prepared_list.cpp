#include "link/prepared_list.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/words.h"
#include "link/name_keys.h"
#include "link/renamed_places.h"
#include "link/service_number.h"
#include "names/military_rank.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"

namespace parley::link {
namespace {

// Everything derived from one record before interning.
struct DerivedKeys {
  NameKeys names;
  std::vector<NameKeys> aliases;
  std::vector<std::string> alias_text;
  std::string service_number;
  std::string service_roman;
  std::string place;
  std::string place_phonetic;
  std::uint8_t rank_grade = 0;
};

// Per-thread memos of place keys and rank grades: places and ranks repeat even more than names,
// and each costs a RomanKey.
struct DeriveMemo {
  std::unordered_map<std::string, std::pair<std::string, std::string>> places;
  std::unordered_map<std::string, std::uint8_t> rank_grades;

  std::uint8_t RankGrade(const std::string& text) {
    auto it = rank_grades.find(text);
    if (it == rank_grades.end()) it = rank_grades.emplace(text, names::RankGrade(text)).first;
    return it->second;
  }
};

Result<DerivedKeys> Derive(const PersonRecord& r, NameKeyCache& name_cache, DeriveMemo& memo) {
  DerivedKeys d;
  Result<NameKeys> names = name_cache.Compute({r.surname, r.given_name, r.patronymic, r.full_name});
  if (!names) {
    Error e = names.error();
    e.where.row = r.source_row;
    e.message = "record " + r.id + ": " + e.message;
    return std::unexpected(std::move(e));
  }
  d.names = std::move(*names);
  for (std::string& alias : r.Aliases()) {
    Result<NameKeys> keys = name_cache.Compute({{}, {}, {}, alias});
    if (!keys) {
      Error e = keys.error();
      e.where.row = r.source_row;
      e.where.field = std::string(kAliasesColumn);
      e.message = "record " + r.id + ", alias '" + alias + "': " + e.message;
      return std::unexpected(std::move(e));
    }
    d.aliases.push_back(std::move(*keys));
    d.alias_text.push_back(std::move(alias));
  }
  // A mediator's list mixes the orders row by row: the person is met under either reading
  // (the best one wins, and the explanation names it as the name read the other way).
  if (std::optional<NameKeys> other =
          name_cache.OtherOrder({r.surname, r.given_name, r.patronymic, r.full_name}, d.names)) {
    d.aliases.push_back(std::move(*other));
    d.alias_text.push_back(r.full_name + " (read the other way round)");
  }
  // A mediator's clerk may spell by French, German, Polish or GOST habits, which the common
  // key reads otherwise (names/latin_readings.h).
  Result<std::vector<NameKeyCache::Respelling>> respelled =
      name_cache.LatinRespellings({r.surname, r.given_name, r.patronymic, r.full_name}, d.names);
  if (!respelled) return std::unexpected(respelled.error());
  for (NameKeyCache::Respelling& reading : *respelled) {
    d.aliases.push_back(std::move(reading.keys));
    d.alias_text.push_back(std::move(reading.text));
  }
  d.service_number = NormaliseServiceNumber(r.service_number);
  d.service_roman = RomanServiceNumber(r.service_number);
  auto& places = memo.places;
  auto place = places.find(r.birth_place);
  if (place == places.end()) {
    std::string key = PlaceKey(r.birth_place);
    std::string phonetic = names::PhoneticKey(key);
    place = places.emplace(r.birth_place, std::pair(std::move(key), std::move(phonetic))).first;
  }
  d.place = place->second.first;
  d.place_phonetic = place->second.second;
  // A list without a rank may still say "civilian" in its category column.
  d.rank_grade = memo.RankGrade(r.rank);
  if (d.rank_grade == names::kNoRankGrade) d.rank_grade = memo.RankGrade(r.category);
  return d;
}

}  // namespace

std::string PlaceKey(std::string_view place) {
  auto key = names::RomanKey(place);
  if (!key) return {};
  std::string out;
  for (std::string_view word : SpaceSeparatedWords(*key)) {
    const bool settlement_type = word.size() <= 1 || word == "smt" || word == "pgt" ||
                                 word == "sel" || word == "misto" || word == "gorod" ||
                                 word == "selo" || word == "obl" || word == "rn" || word == "r";
    if (!settlement_type) {
      if (!out.empty()) out.push_back(' ');
      out.append(word);
    }
  }
  return std::string(CurrentPlaceKey(out));
}

namespace {

void SetNameKeys(const NameKeys& names, StringPool& pool, RecordKeys& k) {
  k.surname = pool.Intern(names.surname);
  k.given = pool.Intern(names.given_name);
  k.given_group = pool.Intern(names.given_group);
  k.patronymic = pool.Intern(names.patronymic);
  k.patronymic_group = pool.Intern(names.patronymic_group);
  k.surname_phonetic = pool.Intern(names.surname_phonetic);
  k.surname_vowels = pool.Intern(names.surname_vowels);
  k.given_is_known = names.given_is_known;
  k.given_alternatives = pool.Intern(names.given_alternatives);
  k.given_as_surname = pool.Intern(names.given_as_surname);
  k.surname_letters = pool.Intern(names.surname_letters);
}

}  // namespace

Result<PreparedList> PrepareList(std::span<const PersonRecord> records, StringPool& pool,
                                 int threads) {
  const std::size_t n = records.size();
  std::vector<Result<DerivedKeys>> derived(n);
  threads = std::max(1, threads);
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        NameKeyCache name_cache;
        DeriveMemo memo;
        for (std::size_t i = t; i < n; i += threads) {
          derived[i] = Derive(records[i], name_cache, memo);
        }
      });
    }
  }
  PreparedList out;
  out.ids.reserve(n);
  out.keys.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!derived[i]) return std::unexpected(derived[i].error());
    const DerivedKeys& d = *derived[i];
    const PersonRecord& r = records[i];
    RecordKeys k;
    SetNameKeys(d.names, pool, k);
    k.service_number = pool.Intern(d.service_number);
    k.service_roman = pool.Intern(d.service_roman);
    k.birth_place = pool.Intern(d.place);
    k.place_phonetic = pool.Intern(d.place_phonetic);
    k.rank_grade = d.rank_grade;
    k.birth = {static_cast<std::uint16_t>(r.birth_date.year),
               static_cast<std::uint8_t>(r.birth_date.month),
               static_cast<std::uint8_t>(r.birth_date.day)};
    // Beyond 255 aliases a record's further names are dropped (none has that many).
    const std::size_t aliases = std::min<std::size_t>(d.aliases.size(), 255);
    k.alias_count = static_cast<std::uint8_t>(aliases);
    out.ids.push_back(r.id);
    out.keys.push_back(k);
    if (aliases > 0 && out.alias_begin.empty()) out.alias_begin.assign(i + 1, 0);
    for (std::size_t a = 0; a < aliases; ++a) {
      RecordKeys alias = k;
      SetNameKeys(d.aliases[a], pool, alias);
      out.alias_keys.push_back(alias);
      out.alias_text.push_back(std::move(d.alias_text[a]));
    }
    if (!out.alias_begin.empty()) {
      out.alias_begin.push_back(static_cast<std::uint32_t>(out.alias_keys.size()));
    }
    derived[i] = DerivedKeys{};  // release the strings early: a million records add up
  }
  return out;
}

}  // namespace parley::link
