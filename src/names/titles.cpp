#include "names/titles.h"

#include <array>
#include <string>
#include <unordered_map>

#include "names/romanise_key.h"

namespace parley::names {
namespace {

// Ranks of the Ukrainian and Russian forces, civil titles, and the English, French and Arabic
// honorifics mediators' lists carry. Written as people write them; keyed once.
constexpr std::array kWords = {
    // Ukrainian
    "рядовий", "солдат", "матрос", "старший", "молодший", "головний", "штаб", "майстер", "єфрейтор",
    "сержант", "старшина", "прапорщик", "мічман", "лейтенант", "капітан", "майор", "підполковник",
    "полковник", "генерал", "громадянин", "громадянка", "пан", "пані",
    // Russian
    "рядовой", "младший", "ефрейтор", "подполковник", "капитан", "гражданин", "гражданка",
    "господин", "госпожа",
    // Latin
    "private", "sergeant", "corporal", "lieutenant", "captain", "colonel", "general", "major",
    "senior", "junior", "staff", "lance", "cadet", "mister", "madam", "sheikh", "shaikh",
    "monsieur", "madame", "herr", "frau"};

constexpr std::array kAbbreviations = {
    "мл",  "ст",  "ряд", "серж", "ефр",  "єфр", "лейт", "кап", "полк", "гр", "гн",   "пн",
    "mr",  "mrs", "ms",  "dr",   "prof", "sgt", "pvt",  "pte", "cpl",  "lt", "capt", "cpt",
    "maj", "col", "gen", "jr",   "sr",   "snr", "sir",  "mme", "mlle", "pfc"};

const std::unordered_map<std::string, TitleKind>& Titles() {
  static const std::unordered_map<std::string, TitleKind> kTitles = [] {
    std::unordered_map<std::string, TitleKind> out;
    auto add = [&out](std::string_view word, TitleKind kind) {
      if (auto key = RomanKey(word); key && !key->empty()) out.emplace(*key, kind);
    };
    // Words first: where a word and an abbreviation share a key, the word's rule (dropped only
    // before a whole name) is the safer one, and emplace keeps the first.
    for (std::string_view w : kWords) add(w, TitleKind::kWord);
    for (std::string_view a : kAbbreviations) add(a, TitleKind::kAbbreviation);
    return out;
  }();
  return kTitles;
}

}  // namespace

TitleKind TitleKindOfKey(std::string_view key) {
  const auto& titles = Titles();
  const auto it = titles.find(std::string(key));
  return it == titles.end() ? TitleKind::kNone : it->second;
}

}  // namespace parley::names
