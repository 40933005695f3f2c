// parley/names/internal/given_names_table.h — the curated Ukrainian/Russian given-name data.
//
// Not API: read through given_names.h, which keys and indexes it. Kept apart from the lookup
// code so that a reviewer (a bureau clerk who knows the names) can check the data alone.
//
//   for (const GivenNameRow& row : GivenNameRows()) Index(row.ukrainian, row.russian, ...);
#pragma once

#include <span>
#include <string_view>

namespace parley::names::internal {

enum class TableSex : unsigned char { kMale, kFemale };

// One given name as one group: its Ukrainian and Russian official forms, the other official or
// romanised spellings met in passports, the common diminutives, and (for male names only) the
// patronymics derived from it as "masculine|feminine" pairs (several pairs where both forms
// are official, e.g. Russian Даниилович/Данилович). Lists are separated by '|'.
struct GivenNameRow {
  TableSex sex;
  std::string_view ukrainian;
  std::string_view russian;
  std::string_view patronymics_uk;
  std::string_view patronymics_ru;
  std::string_view variants;
  std::string_view diminutives;
};

std::span<const GivenNameRow> GivenNameRows();

}  // namespace parley::names::internal
