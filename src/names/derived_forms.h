// parley/names/derived_forms.h — the forms parley derives from a record's names, for exports.
//
// An analyst reading an exported list (or a spreadsheet filter) wants to see why two spellings
// are the same person: the cross-script skeleton keys, the surname's blocking key, and which
// given name of the Ukrainian/Russian table a form belongs to. These are computed, never
// stored: the engine that derives them may improve, and the record as written stays the truth.
//
//   DerivedNameForms f = DeriveNameForms("Лисенко", "Олександр", "Миколайович");
//   f.surname_key == "lisenko";  f.given_name_group == "Олександр/Александр"
#pragma once

#include <string>
#include <string_view>

namespace parley::names {

struct DerivedNameForms {
  std::string surname_key;       // RomanKey: the same for every script and romanisation
  std::string surname_phonetic;  // PhoneticSurnameKey: the blocking key (gender-neutral stem)
  std::string given_name_key;
  std::string given_name_group;  // "Олександр/Александр" when the table knows the name
  std::string patronymic_key;
};

// Parts that are empty or not valid UTF-8 give empty forms (the importer has already refused
// invalid UTF-8, so that only happens to callers passing raw bytes).
[[nodiscard]] DerivedNameForms DeriveNameForms(std::string_view surname, std::string_view given,
                                               std::string_view patronymic);

}  // namespace parley::names
