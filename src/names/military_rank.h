// parley/names/military_rank.h — a military rank written in Ukrainian, Russian or English, read
// as its grade on one ladder shared by both armies.
//
// Why: lists carry the rank ("солдат", "рядовой", "Sgt."), and two records of one person
// mostly carry the same rank or the next one (a promotion between the two lists, or the two
// armies' nearest equivalents: УА "головний сержант", РФ "старшина"). Twins and namesakes
// seldom share it: an officer and a private with one name are two people. The linker compares
// grades (link/comparison.h, field "rank"); the words differ by army and language, so the
// grade, not the text, is compared. The ladder follows the NATO codes the two armies' ranks are
// usually mapped to (OR-1 private … OF-5 colonel); generals are one grade. A civilian is a
// grade of its own, never next to a rank.
//
// Words are matched by their RomanKey (names/romanise_key.h) with full stops read as spaces,
// so "ст. сержант", "старший сержант", "Starshyi serzhant" and any case meet. Text that is no
// rank of the table ("військовослужбовець", "водій") has no grade: it says nothing.
//
//   RankGrade("рядовой") == RankGrade("солдат") == 1
//   RankGrade("ст. лейтенант") == RankGrade("Senior Lieutenant") == 11
//   RankGrade("гражданское лицо") == kCivilianGrade
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace parley::names {

inline constexpr std::uint8_t kNoRankGrade = 0;
inline constexpr std::uint8_t kCivilianGrade = 100;

// The grade of `text` (1 private … 16 general, kCivilianGrade), or kNoRankGrade.
[[nodiscard]] std::uint8_t RankGrade(std::string_view text);

// Calls `visit(word, abbreviation)` once for each word of the ladder's ranks, as written
// ("старший", "сержант", "ст", "Sgt"), without a full stop; `abbreviation` says the ladder writes
// it with one. Words with digits ("1st", "3 рангу") are left out. The name parser drops these
// words before a name (names/titles.h): the ranks have this one home.
void ForEachRankWord(const std::function<void(std::string_view word, bool abbreviation)>& visit);

// Two grades one step apart on the ladder (a promotion, or the armies' nearest equivalents).
[[nodiscard]] bool RankGradesAdjacent(std::uint8_t a, std::uint8_t b);

}  // namespace parley::names
