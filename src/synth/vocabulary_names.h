// parley/synth/vocabulary_names.h — given names and patronymics in Ukrainian and Russian.
//
// Contract: each entry pairs a Ukrainian given name with its Russian counterpart (Олександр /
// Александр) and the masculine patronymic built from it in each language (Олександрович /
// Александрович). Entries are ordered from most to least common, so a Zipf picker over the
// index gives realistic collisions (many Олександр, few Всеволод). The same index names the
// same person in both languages: a population stores indices, and each list renders the
// language it writes in.
//
// Why hand-written data in code: the generator must be reproducible and self-contained (no
// runtime file loading), and the Ukrainian↔Russian pairs are the very thing the matcher is
// evaluated on, so they are written here independently of src/names' equivalence table.
//
//   const MaleName& n = MaleNames()[0];      // {"Олександр", "Александр", ...}
//   FemininePatronymicUa(n.ua_patronymic);   // "Олександрівна"
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace parley::synth {

struct MaleName {
  std::string_view ua;
  std::string_view ru;
  std::string_view ua_patronymic;  // masculine: Миколайович
  std::string_view ru_patronymic;  // masculine: Николаевич
};

struct FemaleName {
  std::string_view ua;
  std::string_view ru;
};

// A familiar form families use when they report a missing man (Олександр: Сашко / Саша).
struct Diminutive {
  std::string_view full_ua;  // the given name it stands for, Ukrainian form
  std::string_view ua;
  std::string_view ru;
};

// At least 80 pairs, including every pair named in DOMAIN.md; most common first.
[[nodiscard]] std::span<const MaleName> MaleNames();
// At least 30 pairs; most common first.
[[nodiscard]] std::span<const FemaleName> FemaleNames();

// Diminutives of the common given names, both sexes.
[[nodiscard]] std::span<const Diminutive> Diminutives();
// The diminutive of a Ukrainian given name, or nullptr when it has none in the table.
[[nodiscard]] const Diminutive* FindDiminutive(std::string_view full_ua);

// Миколайович -> Миколаївна, Петрович -> Петрівна, Ілліч -> Іллівна.
[[nodiscard]] std::string FemininePatronymicUa(std::string_view masculine);
// Николаевич -> Николаевна, Петрович -> Петровна, Ильич -> Ильинична, Никитич -> Никитична.
[[nodiscard]] std::string FemininePatronymicRu(std::string_view masculine);

}  // namespace parley::synth
