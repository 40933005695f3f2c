// parley/names/full_name_split.h — splitting a single full-name cell into its three parts, the
// way an import reads a list.
//
// Why a second reader beside ParseFullName (names/full_name_parser.h): an import must keep
// the words as written and decide the order once per file, so that one odd row does not come
// out differently from its neighbours; linkage instead scores each name's readings against
// the given-name table. Both share one patronymic table (names/internal/patronymic_forms.h).
//
// Many lists have one "ПІБ"/"ФИО" column. Ukrainian and Russian lists write it surname first
// ("Шевченко Дмитро Олександрович"); some (often Latin mediator lists) write "Dmytro
// Oleksandrovych Shevchenko". The order is decided once per file by DetectNameOrder, a
// majority vote over rows whose patronymic is recognisable by its suffix (-ович, -івна,
// -ovych, ...): a patronymic-like last token votes surname-first, a patronymic-like second
// token votes given-first. Deciding per file, not per row, keeps one odd row from flipping.
// Per row, two writings override the file order: a comma ("Шевченко, Дмитро Олександрович")
// ends the surname, and a single all-capitals token ("ШЕВЧЕНКО Дмитро") is the surname.
//
//   NameOrder order = DetectNameOrder(cells);
//   NameParts p = SplitFullName("Шевченко Дмитро Олександрович", order);
//   // p.surname == "Шевченко", p.given_name == "Дмитро", p.patronymic == "Олександрович"
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

enum class NameOrder { kSurnameFirst, kGivenFirst };

struct NameParts {
  std::string surname;
  std::string given_name;
  std::string patronymic;
};

// "surname-first" or "given-first".
[[nodiscard]] std::string_view NameOrderName(NameOrder order);

// The inverse of NameOrderName; an error names the accepted values.
[[nodiscard]] Result<NameOrder> ParseNameOrder(std::string_view text);

// True for a token that looks like a patronymic (Cyrillic or Latin suffix, any case).
[[nodiscard]] bool LooksLikePatronymic(std::string_view token);

// Surname-first unless more rows vote for given-first.
[[nodiscard]] NameOrder DetectNameOrder(std::span<const std::string_view> full_names);

[[nodiscard]] NameParts SplitFullName(std::string_view full_name, NameOrder order);

}  // namespace parley::names
