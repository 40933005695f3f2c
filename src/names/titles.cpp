#include "names/titles.h"

#include <array>
#include <string>
#include <unordered_map>

#include "names/military_rank.h"
#include "names/romanise_key.h"

namespace parley::names {
namespace {

// Civil titles and the English, French and Arabic honorifics mediators' lists carry, as
// people write them. Military ranks come from their ladder (names/military_rank.h).
constexpr std::array kWords = {"громадянин", "громадянка", "пан",     "пані",    "гражданин",
                               "гражданка",  "господин",   "госпожа", "курсант", "cadet",
                               "mister",     "madam",      "sheikh",  "shaikh",  "monsieur",
                               "madame",     "herr",       "frau",    "doctor",  "shaykh",
                               "hajji",      "haji",       "hadji",   "alhaji",  "mullah",
                               "mulla",      "maulana",    "mawlana", "mawlawi", "maulvi"};

constexpr std::array kAbbreviations = {"гр",   "гн", "пн", "mr",  "mrs", "ms",  "dr",
                                       "prof", "jr", "sr", "snr", "sir", "mme", "mlle"};

const std::unordered_map<std::string, TitleKind>& Titles() {
  static const std::unordered_map<std::string, TitleKind> kTitles = [] {
    std::unordered_map<std::string, TitleKind> out;
    auto add = [&out](std::string_view word, TitleKind kind) {
      if (auto key = RomanKey(word); key && !key->empty()) out.emplace(*key, kind);
    };
    // Words first: where a word and an abbreviation share a key, the word's rule (dropped only
    // before a whole name) is the safer one, and emplace keeps the first.
    for (std::string_view w : kWords) add(w, TitleKind::kWord);
    ForEachRankWord([&](std::string_view word, bool abbreviation) {
      if (!abbreviation) add(word, TitleKind::kWord);
    });
    for (std::string_view a : kAbbreviations) add(a, TitleKind::kAbbreviation);
    ForEachRankWord([&](std::string_view word, bool abbreviation) {
      if (abbreviation) add(word, TitleKind::kAbbreviation);
    });
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
