// parley/names/internal/belarusian_forms_table.h — Belarusian forms of the table's given names.
//
// Not API: given_names.h indexes them into the groups of given_names_table.cpp, so that
// "Aliaksandr Ryhoravich" (a Belarusian passport, a sanctions list) is the same name and
// patronymic as "Александр Григорьевич" and "Олександр Григорович". Kept apart so that a
// reviewer who knows Belarusian can check the data alone.
//
//   for (const BelarusianFormsRow& row : BelarusianFormsRows()) ... row.group_ukrainian ...
#pragma once

#include <span>
#include <string_view>

namespace parley::names::internal {

// One group's Belarusian forms. Lists are separated by '|'; patronymics come as
// "masculine|feminine" pairs, in Cyrillic and in Latin.
struct BelarusianFormsRow {
  std::string_view group_ukrainian;  // the group's Ukrainian official form in the main table
  std::string_view forms;            // the given name, Cyrillic and romanised
  std::string_view patronymics;      // empty for women's names
};

std::span<const BelarusianFormsRow> BelarusianFormsRows();

}  // namespace parley::names::internal
