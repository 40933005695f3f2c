// parley/link/name_keys.h — the comparison keys linkage derives from a record's names.
//
// Linkage does not compare names as written; it compares keys from the name engine
// (src/names): the skeleton key that puts Ukrainian, Russian and Latin spellings into one
// space, a surname stem (Ковальська / Ковальский meet), an equivalence group for given
// names and patronymics (Олександр / Александр, Миколайович / Николаевич) and a coarse
// phonetic key for blocking. This file is the one seam between the two modules: everything in
// src/link reads names only through NameKeys, so when the name engine's richer tables land
// only this file changes.
//
// Contract:
//  - ComputeNameKeys never fails on text the name engine accepts; invalid UTF-8 is
//    kInvalidInput (the caller adds the row).
//  - Empty input gives empty keys ("missing", never "different").
//  - Group keys equal the plain key when a name is not in the equivalence table.
//
//   auto k = ComputeNameKeys({"Шевченко", "Олександр", "Миколайович"});
//   // k->surname == "shevchenko", k->given_group == ComputeNameKeys({"", "Александр", ""})
//   //   ->given_group, k->patronymic_group likewise for "Николаевич".
//
// Built on src/names: RomanKey (skeleton), SurnameStem (sex and language endings),
// LookupGivenNameKey (the curated table of 200+ names, patronymics and diminutives),
// PhoneticKey (blocking) and ParseFullName (a lone full-name cell).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.h"

namespace parley::link {

// The three name parts as a list wrote them (any script, any case). When `full_name` is set it
// wins: the name engine's parser decides, row by row, which word is which.
struct NameParts {
  std::string_view surname;
  std::string_view given_name;
  std::string_view patronymic;
  std::string_view full_name;
};

struct NameKeys {
  std::string surname;           // skeleton key stemmed across sex and language
  std::string given_name;        // skeleton key
  std::string given_group;       // equivalence group of the given name ("#g12"), else its key
  std::string patronymic;        // skeleton key
  std::string patronymic_group;  // group of the father's name and the bearer's sex, else key
  std::string surname_phonetic;  // the name engine's phonetic key of the first surname word
  std::string surname_vowels;  // names::SurnameVowelForm of the surname key: Білецький/Белецкий
  // The given name is in the name table and stands for one name there (one group, with the
  // bearer's sex when the patronymic says it): two such names of different groups are two
  // names (Ярослав / Игорь, Володя / Виктор), not a misspelling or a diminutive of one.
  bool given_is_known = false;
  // A given name that stands for several names of the table (Слава: Ярослав, Святослав,
  // Станіслав, В'ячеслав...): their groups ("#a3,17,40"); given_group is one of them. Empty
  // otherwise.
  std::string given_alternatives;
  // The given-name cell keyed as a surname is (stemmed): where a clerk wrote the two in each
  // other's columns, it meets the other record's `surname` (blocking rules 11 and 12, the
  // comparator's crossed reading).
  std::string given_as_surname;
  // The surname's letters as typed (names::RomanLetters), where they are not the surname key's
  // own (the key merged some: a doubled letter, і + о, т + з; or stemmed the ending: Дзюба);
  // empty otherwise. A slip there is one edit in these letters and two in the key (Ббенко /
  // Бабенко, Тзюба / Дзюба): the one-edit blocking rules and the comparator's one-slip level
  // count it here too.
  std::string surname_letters;
};

[[nodiscard]] Result<NameKeys> ComputeNameKeys(const NameParts& parts);

// ComputeNameKeys with the keys of each surname, given name and patronymic remembered: a
// million records hold a few thousand distinct surnames and a few hundred given names, and
// transliteration is what preparing a record costs. One cache per thread (not thread-safe);
// results are identical to ComputeNameKeys.
class NameKeyCache {
 public:
  [[nodiscard]] Result<NameKeys> Compute(const NameParts& parts);
  // The other reading of a full-name cell whose order the parser is unsure of: two or more
  // words without a patronymic and without the clerk's marks ("Petro Stasyk", "Maxime
  // Lyssak": both words may be given names, or neither known). Nothing for split columns, a
  // name with a patronymic, a sure reading, or one that keys the same either way.
  [[nodiscard]] std::optional<NameKeys> OtherOrder(const NameParts& parts, const NameKeys& read);
  // The readings of a Latin-script name by other languages' spelling habits
  // (names/latin_readings.h: French ch = ш, German z = ц, GOST cz = ц...), each with the
  // respelled name for explanations; only those whose keys differ from `read`'s.
  struct Respelling {
    NameKeys keys;
    std::string text;  // the respelled name and the habit, e.g. "Zelena Yuliia (German)"
  };
  [[nodiscard]] Result<std::vector<Respelling>> LatinRespellings(const NameParts& parts,
                                                                 const NameKeys& read);

 private:
  // The keys of one name part as written.
  struct PartKeys {
    std::string key;      // surname key, or skeleton key of a given name or patronymic
    std::string second;   // the surname's phonetic key, or the name's group
    bool known = false;   // given names: NameKeys::given_is_known
    std::string third;    // the surname's vowel form, or a given name's alternatives
    std::string letters;  // surnames: NameKeys::surname_letters
  };
  using Memo = std::unordered_map<std::string, PartKeys>;
  Memo surname_;
  Memo given_;
  Memo patronymic_;
};

// The surname key of a skeleton key: its stem shared by male/female, Ukrainian/Russian forms.
[[nodiscard]] std::string SurnameKey(std::string_view skeleton);

}  // namespace parley::link
