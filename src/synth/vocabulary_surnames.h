// parley/synth/vocabulary_surnames.h — surnames for the Ukrainian and Russian populations.
//
// Contract: each Surname holds the four forms a list may write — Ukrainian masculine and
// feminine, Russian masculine and feminine — for one family name. For Ukrainians the Russian
// forms are how a Russian register renders the name (Лисенко → Лысенко, Ковальський →
// Ковальский); for Russians the Ukrainian forms are how a Ukrainian clerk writes it in Ukrainian
// letters (Соловьёв → Соловйов). Lists are ordered most common first, for a Zipf picker.
//
// Why built from stems: real Ukrainian surnames are a root plus a handful of suffixes (-енко,
// -ук/-юк, -чук, -ський, -ович, -ишин, -ів, -ик); crossing ~130 hand-written roots (each with its
// Russian spelling written by hand, since ы/и is a per-root habit no rule predicts) with those
// suffixes yields 700+ plausible surnames from little data, in a shape the matcher meets in real
// lists. A hand-written head of real common surnames sits first so that the Zipf head looks right
// (Шевченко, Коваленко, Бондаренко ...).
//
//   const Surname& s = UkrainianSurnames()[0];   // {"Шевченко", "Шевченко", "Шевченко", ...}
#pragma once

#include <string>
#include <vector>

namespace parley::synth {

struct Surname {
  std::string ua_m;
  std::string ua_f;
  std::string ru_m;
  std::string ru_f;
};

// At least 400 distinct surnames, most common first. Built once, then immutable.
[[nodiscard]] const std::vector<Surname>& UkrainianSurnames();
// Russian family names (Иванов, Смирнов, ...), most common first.
[[nodiscard]] const std::vector<Surname>& RussianSurnames();

}  // namespace parley::synth
