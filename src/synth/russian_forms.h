// parley/synth/russian_forms.h — how a Russian clerk writes a Ukrainian name, and how a
// Ukrainian clerk writes a Russian one in Ukrainian letters.
//
// Contract:
//  - Given names and patronymics are translated through the name table (Олександр → Александр,
//    Миколайович → Николаевич, Миколаївна → Николаевна); a name missing from the table falls back
//    to the letter rules below.
//  - Surnames change letters, not roots (DOMAIN.md): і→и, ї→и, є→е, ґ→г, и→ы after a consonant
//    that takes ы in Russian, the apostrophe becomes ь before я/ю/є/ї (or is dropped when
//    `drop_apostrophe`), -ський/-цький → -ский/-цкий, -ська/-цька → -ская/-цкая.
//  - The reverse direction, UkrainianLettersFromRussian, spells a Russian word with Ukrainian
//    letters: и→і, ы→и, э→е, е→є at the start or after a vowel, ё→ьо/йо, ь or ъ before a
//    vowel → apostrophe, -ский → -ський.
// Case is kept per letter: the first letter of "Ковальський" stays upper.
//
// Why rules here and hand-written pairs in vocabulary_surnames: the vocabulary fixes the exact
// Russian spelling of each generated surname (ы versus и is a per-root habit); these rules
// render the rest (feminine forms, names from outside the vocabulary) and document the habits
// the matcher must undo.
//
//   RussianSurname("Ковальська")  == "Ковальская"
//   RussianGivenName("Олександр") == "Александр"
//   UkrainianLettersFromRussian("Соловьёв") == "Соловйов"
#pragma once

#include <string>
#include <string_view>

namespace parley::synth {

[[nodiscard]] std::string RussianSurname(std::string_view ukrainian, bool drop_apostrophe = false);
[[nodiscard]] std::string RussianGivenName(std::string_view ukrainian);
[[nodiscard]] std::string RussianPatronymic(std::string_view ukrainian);
[[nodiscard]] std::string UkrainianLettersFromRussian(std::string_view russian);

// Feminine form of a masculine surname where the language inflects it (Ковальський → Ковальська,
// Білий → Біла; Иванов → Иванова, Белый → Белая); other surnames are returned unchanged.
[[nodiscard]] std::string FeminineSurnameUa(std::string_view masculine);
[[nodiscard]] std::string FeminineSurnameRu(std::string_view masculine);

}  // namespace parley::synth
