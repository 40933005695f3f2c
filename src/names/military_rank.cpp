#include "names/military_rank.h"

#include <algorithm>
#include <cstdlib>
#include <ranges>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "names/romanise_key.h"

namespace parley::names {
namespace {

struct RankWords {
  std::uint8_t grade;
  std::initializer_list<std::string_view> words;
};

// Ukrainian, Russian and English names of each grade, as lists write them; an abbreviated
// word carries its full stop ("ст. сержант"), which the key reads as a space and the name
// parser's titles read as "an abbreviation" (ForEachRankWord). The armies' ladders differ in the
// senior NCOs: the Russian старшина sits with the Ukrainian головний сержант, the прапорщик with
// the штаб-сержант.
const std::initializer_list<RankWords> kLadder = {
    {1,
     {"рядовий", "солдат", "матрос", "рядовой", "private", "soldier", "seaman", "sailor", "pvt.",
      "pte.", "ряд."}},
    {2,
     {"старший солдат", "старший матрос", "єфрейтор", "ефрейтор", "lance corporal",
      "senior soldier", "private first class", "senior seaman", "pfc.", "ефр.", "єфр.",
      "ст. солдат"}},
    {3,
     {"молодший сержант", "младший сержант", "junior sergeant", "corporal", "cpl.", "мл. сержант",
      "мл. серж."}},
    {4, {"сержант", "sergeant", "sgt.", "серж."}},
    {5, {"старший сержант", "senior sergeant", "ст. сержант", "ст. серж.", "sr. sgt."}},
    {6,
     {"головний сержант", "главный сержант", "chief sergeant", "старшина", "головний старшина",
      "главный старшина"}},
    {7, {"штаб сержант", "staff sergeant", "прапорщик", "warrant officer", "staff sgt."}},
    {8,
     {"майстер сержант", "мастер сержант", "master sergeant", "старший прапорщик",
      "senior warrant officer", "мічман", "мичман", "старший мічман", "старший мичман"}},
    {9,
     {"молодший лейтенант", "младший лейтенант", "junior lieutenant", "second lieutenant",
      "мл. лейтенант", "мл. лейт."}},
    {10, {"лейтенант", "lieutenant", "lt.", "лейт."}},
    {11,
     {"старший лейтенант", "senior lieutenant", "first lieutenant", "ст. лейтенант", "ст. лейт.",
      "1st lt.", "sr. lt."}},
    {12,
     {"капітан", "капитан", "captain", "capt.", "cpt.", "кап.", "капітан лейтенант",
      "капитан лейтенант"}},
    {13, {"майор", "major", "maj.", "капітан 3 рангу", "капитан 3 ранга"}},
    {14,
     {"підполковник", "подполковник", "lieutenant colonel", "lt. col.", "капітан 2 рангу",
      "капитан 2 ранга"}},
    {15, {"полковник", "colonel", "col.", "полк.", "капітан 1 рангу", "капитан 1 ранга"}},
    {16,
     {"генерал", "бригадний генерал", "генерал майор", "генерал лейтенант", "генерал полковник",
      "general", "brigadier general", "major general", "lieutenant general", "gen."}},
    {kCivilianGrade,
     {"цивільний", "цивільна", "цивільна особа", "цивільні", "гражданское лицо", "гражданский",
      "гражданская", "мирный житель", "civilian", "civ."}},
};

std::string Key(std::string_view text) {
  auto key = RomanKey(text);
  return key ? std::move(*key) : std::string();
}

const std::unordered_map<std::string, std::uint8_t>& Grades() {
  static const std::unordered_map<std::string, std::uint8_t> kGrades = [] {
    std::unordered_map<std::string, std::uint8_t> out;
    for (const RankWords& rank : kLadder) {
      for (std::string_view word : rank.words) out.emplace(Key(word), rank.grade);
    }
    return out;
  }();
  return kGrades;
}

}  // namespace

std::uint8_t RankGrade(std::string_view text) {
  if (text.empty()) return kNoRankGrade;
  const auto& grades = Grades();
  const auto it = grades.find(Key(text));
  return it == grades.end() ? kNoRankGrade : it->second;
}

void ForEachRankWord(const std::function<void(std::string_view, bool)>& visit) {
  std::unordered_set<std::string_view> seen;
  for (const RankWords& rank : kLadder) {
    for (std::string_view phrase : rank.words) {
      for (auto piece : std::views::split(phrase, ' ')) {
        const std::string_view word(piece.begin(), piece.end());
        const bool digits = std::ranges::any_of(word, [](char c) { return c >= '0' && c <= '9'; });
        if (word.empty() || digits || !seen.insert(word).second) continue;
        const bool abbreviation = word.ends_with('.');
        visit(abbreviation ? word.substr(0, word.size() - 1) : word, abbreviation);
      }
    }
  }
}

bool RankGradesAdjacent(std::uint8_t a, std::uint8_t b) {
  if (a == kNoRankGrade || b == kNoRankGrade || a == kCivilianGrade || b == kCivilianGrade) {
    return false;
  }
  return std::abs(static_cast<int>(a) - static_cast<int>(b)) == 1;
}

}  // namespace parley::names
