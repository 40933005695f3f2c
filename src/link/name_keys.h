// parley/link/name_keys.h — the comparison keys linkage derives from a record's names.
//
// Linkage does not compare names as written; it compares keys from the name engine
// (src/names): the skeleton key that puts Ukrainian, Russian and Latin spellings into one
// space, a gender-folded surname (Ковальська / Ковальский meet), an equivalence group for given
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
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::link {

// The three name parts as a list wrote them (any script, any case).
struct NameParts {
  std::string_view surname;
  std::string_view given_name;
  std::string_view patronymic;
};

struct NameKeys {
  std::string surname;           // skeleton key, feminine endings folded to masculine
  std::string given_name;        // skeleton key
  std::string given_group;       // key of the given name's equivalence group
  std::string patronymic;        // skeleton key
  std::string patronymic_group;  // key of the patronymic's equivalence group
  std::string surname_phonetic;  // coarse key for blocking (first letter + consonant skeleton)
};

[[nodiscard]] Result<NameKeys> ComputeNameKeys(const NameParts& parts);

// Splits a single full-name cell into parts when a file had no split columns: surname first
// unless the middle word is a patronymic ("Олександр Миколайович Шевченко").
struct SplitName {
  std::string surname;
  std::string given_name;
  std::string patronymic;
};
[[nodiscard]] SplitName SplitFullName(std::string_view full_name);

// Folds the feminine surname endings of a skeleton key onto the masculine ones.
[[nodiscard]] std::string FoldSurnameGender(std::string key);

// The blocking key of a skeleton surname key.
[[nodiscard]] std::string PhoneticKey(std::string_view skeleton);

}  // namespace parley::link
