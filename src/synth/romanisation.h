// parley/synth/romanisation.h — Cyrillic names written in Latin letters, by several systems.
//
// The mediator's list romanises each name with whichever system the source document used:
//   kUkraine2010   Ukraine's national system (Cabinet resolution 55, 2010), from the Ukrainian
//                  form: Г→h, И→y, Х→kh, Щ→shch, Є/Ї/Й/Ю/Я → Ye/Yi/Y/Yu/Ya at a word's start
//                  and ie/i/i/iu/ia elsewhere, зг→zgh, Ь and apostrophe dropped.
//   kIcao9303      Russian passports since 2013 (ICAO Doc 9303), from the Russian form:
//                  Й→i, Ц→ts, Ю→iu, Я→ia, Ъ→ie, Ы→y, Х→kh, Е/Ё→e.
//   kBgnPcgn       BGN/PCGN 1947 for Russian: е/ё → ye/yë at a word's start and after vowels, й,
//                  ъ, ь; й→y, ю→yu, я→ya, ы→y, ь→'.
//   kGost779B      GOST 7.79-2000 system B: ц→cz (c before e, i, y, j), щ→shh, х→x, й→j, ю→yu,
//                  я→ya, ы→y', э→e`, ь→`, ъ→``.
//   kLegacyEnglish older English habit: кс→x, й→y, щ→sch, е→ye at a word's start.
//   kFrench        French habit: ч→tch, ш→ch, ж→j, у→ou, щ→chtch, ю→iou, кс→x.
//   kGerman        German habit: в→w, ч→tsch, ш→sch, ж→sh, з→s, х→ch, ц→z, й→j, ю→ju, я→ja.
//
// Contract: input is UTF-8 Cyrillic (Ukrainian or Russian letters; any other character passes
// through unchanged). Each word keeps its case shape: "Щербак" → "Shcherbak", an all-capitals
// word ("ЩЕРБАК") stays all capitals ("SHCHERBAK").
//
// Why hand-written tables and not ICU: the generator must be an implementation of these systems
// independent of the matcher's (src/names uses ICU transliterators), or evaluating the matcher on
// synthetic data would be circular: a bug shared by both sides would score as a match. ICU also
// lacks several of these systems (Ukraine 2010, ICAO 9303, GOST 7.79 B).
//
//   Romanise("Олександр", RomanisationSystem::kUkraine2010) == "Oleksandr"
//   Romanise("Юрьевич", RomanisationSystem::kIcao9303)      == "Iurevich"
#pragma once

#include <string>
#include <string_view>

namespace parley::synth {

enum class RomanisationSystem {
  kUkraine2010,
  kIcao9303,
  kBgnPcgn,
  kGost779B,
  kLegacyEnglish,
  kFrench,
  kGerman,
};
inline constexpr int kRomanisationSystemCount = 7;

// "ua2010", "icao9303", "bgn_pcgn", "gost779b", "legacy_en", "legacy_fr", "legacy_de".
[[nodiscard]] std::string_view RomanisationSystemName(RomanisationSystem system);
// True when the system is applied to the Ukrainian spelling of a name; false for the Russian.
[[nodiscard]] bool RomanisesUkrainianForm(RomanisationSystem system);

[[nodiscard]] std::string Romanise(std::string_view cyrillic, RomanisationSystem system);

}  // namespace parley::synth
