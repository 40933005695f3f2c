// parley/names/given_names.h — which given names are the same name across Ukrainian, Russian
// and Latin spellings, and which patronymics come from which father's name.
//
// The same man is "Олександр Миколайович" on his own side's list and "Александр Николаевич" on
// the detaining side's; a key alone cannot see that (the roots differ), so a curated table
// (internal/given_names_table.cpp: over 200 names with Ukrainian and Russian official forms,
// romanised variants, diminutives, and for male names the patronymics in both languages) is
// indexed by the skeleton key of every form. Any spelling that keys like a listed form is found:
// "Mykolaiovych", "Миколайович", "Nikolaevich" and "Николаевич" all lead to the group of Микола.
//
// Contract:
//  - Groups are identified by a small integer, stable within one build (not across builds: do
//    not store it; store the name as written).
//  - A form may belong to several groups (Саша: Олександр and Олександра; Слава: six names).
//    Lookup returns every hit; callers compare hit sets.
//  - The index is built once, on first use, from constant data, and never changes; lookups are
//    thread-safe and allocation-free.
//
//   auto hits = LookupGivenNameKey(*RomanKey("Николаевич"));
//   // one hit: group of Микола/Николай, kind kPatronymic, bearer kMale
//   bool same = SameGivenName(LookupGivenNameKey("oleksandr"), LookupGivenNameKey("sasha"));
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parley::names {

enum class Sex : unsigned char { kUnknown, kMale, kFemale };

using GivenNameGroupId = std::uint16_t;

enum class NameFormKind : unsigned char {
  kOfficial,    // the Ukrainian or Russian official form
  kVariant,     // another official or foreign spelling (Alexander, Осип, Ярина)
  kDiminutive,  // Саша, Коля, Сашко
  kPatronymic,  // Миколайович, Николаевна: the father's name is the group
};

struct GivenNameHit {
  GivenNameGroupId group = 0;
  NameFormKind kind = NameFormKind::kOfficial;
  Sex sex = Sex::kUnknown;  // of the person bearing this form (Миколаївна: kFemale)

  friend bool operator==(const GivenNameHit&, const GivenNameHit&) = default;
};

struct GivenNameGroup {
  std::string_view ukrainian;
  std::string_view russian;
  Sex sex = Sex::kUnknown;
  std::string ukrainian_key;  // RomanKey of the official forms, e.g. to check an initial
  std::string russian_key;
};

// Every group a skeleton key (RomanKey of one word) belongs to; empty if the table does not
// know it. The span stays valid for the life of the process.
[[nodiscard]] std::span<const GivenNameHit> LookupGivenNameKey(std::string_view key);

// Hits of the table forms within one edit (a letter inserted, deleted, replaced, or two
// adjacent letters swapped) of `key`, for keys of at least five letters: the typos a clerk
// makes ("Олекандр", "Oleksnadr"). Weaker evidence than an exact hit; meant for keys the exact
// lookup does not know. Allocates; not for the inner loop of linkage.
// When no table form is within one edit, the diminutive guess below.
[[nodiscard]] std::vector<GivenNameHit> LookupGivenNameKeyNear(std::string_view key);

// A key the table does not know, read as a diminutive of a name it does: a productive suffix
// (-ко, -ка, -чик, -ушка, -юша, -уся, -ок, -енька, -ечко, -очка, -онька) after a stem that
// begins one group's form ("Вадимко", "Остапчик", "Володька", "Микитка"); one hit of kind
// kDiminutive, or none when the stem is shorter than four letters and not a whole form, or
// fits two groups. Allocates.
[[nodiscard]] std::vector<GivenNameHit> LookupGivenNameKeyDiminutive(std::string_view key);

// Keys `word` first (any script); fails only on invalid UTF-8.
[[nodiscard]] Result<std::vector<GivenNameHit>> LookupGivenName(std::string_view word);

[[nodiscard]] std::size_t GivenNameGroupCount();
// `id` must come from a hit; out of range is a programming error (asserted).
[[nodiscard]] const GivenNameGroup& GivenNameGroupOf(GivenNameGroupId id);

// True when some group holds a given-name form (official, variant or diminutive) of each.
[[nodiscard]] bool SameGivenName(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b);
// True when both are patronymics from the same father's name.
[[nodiscard]] bool SamePatronymic(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b);
// True when any hit is of kind `kind`.
[[nodiscard]] bool HasKind(std::span<const GivenNameHit> hits, NameFormKind kind);

// Two surnames made of one given name in its two languages' forms, by one suffix: Опанасенко /
// Афанасенко, Пилипенко / Филиппенко, Гнатюк / Игнатюк, Федорчук / Фьодорчук, Охрімович /
// Ефремович. A Russian clerk may write a Ukrainian surname's root in its Russian form, which
// spelling alone puts far apart (two letters of the first three). Both roots must be official
// forms or variants of one group, and of that group only, either whole or cut by at most two
// letters (Григор-енко, Петр-енко, Афанас-енко); diminutives do not count, since surnames made
// of them are other surnames (Гриценко is not Григоренко, Петрусенко not Петренко). The
// suffixes are those that make a surname of a forefather's name: -енко, -ук, -юк, -чук,
// -ишин, -як, -ик, -ів and -ов (one suffix: Петрів / Петров), -ин, -ович/-евич, and -овськ- of
// a stem (Костянтиновська / Константиновская). Inputs are skeleton keys of one word each (a
// surname stem or key); different keys are needed, equal ones are one surname anyway.
//
//   SurnamesOfOneGivenName("opanasenko", "afanasenko") == true
[[nodiscard]] bool SurnamesOfOneGivenName(std::string_view a, std::string_view b);

}  // namespace parley::names
