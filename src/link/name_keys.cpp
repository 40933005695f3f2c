#include "link/name_keys.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/try.h"
#include "core/words.h"
#include "names/digits_as_letters.h"
#include "names/full_name_parser.h"
#include "names/given_names.h"
#include "names/latin_readings.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::link {
namespace {
// A reading this sure of its order (a comma, capitals, initials, a patronymic form) is not
// read the other way as well (NameKeyCache::OtherOrder).
constexpr double kSureOrder = 0.9;

// The interned text of a group: the table's ids are stable within one build and never
// stored, so a short tag is enough. A form in several groups (Саша: Олександр and Олександра;
// Женя: Євген and Євгенія) takes the group of the bearer's sex when the patronymic says it,
// then an official or variant group before a diminutive one, then the smallest id, so equal
// forms of people of one sex always get the same group.
struct Group {
  std::string key;
  bool known = false;        // NameKeys::given_is_known
  std::string alternatives;  // NameKeys::given_alternatives
};

// "#a3,17,40": every group a form of several groups may stand for (Слава: Ярослав, Святослав,
// Станіслав...), so that the comparator can take it as any of them.
std::string Alternatives(std::span<const names::GivenNameHit> hits, auto fits) {
  std::vector<names::GivenNameGroupId> groups;
  for (const names::GivenNameHit& h : hits) {
    if (fits(h)) groups.push_back(h.group);
  }
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  std::string out = "#a";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    out += (i == 0 ? "" : ",") + std::to_string(groups[i]);
  }
  return out;
}

Group GroupOf(std::string_view key, bool patronymic, names::Sex sex) {
  if (key.empty()) return {};
  std::span<const names::GivenNameHit> hits = names::LookupGivenNameKey(key);
  // A given name the table does not know may be a diminutive made from one it knows
  // (Вадимко, Володька): it joins that group, but is not "known" (so never weighs as another
  // name against one).
  std::vector<names::GivenNameHit> diminutive;
  if (hits.empty() && !patronymic) {
    diminutive = names::LookupGivenNameKeyDiminutive(key);
    hits = diminutive;
  }
  // A double given name (Богдан-Ігор, Юрій Богдан) stands for each of its names against one
  // name, as a form of several groups does: the bearer is called by either (Бодя, Ігор). Not
  // "known": it is not one name of the table.
  std::vector<names::GivenNameHit> words;
  if (hits.empty() && !patronymic && key.find(' ') != std::string_view::npos) {
    for (std::string_view word : SpaceSeparatedWords(key)) {
      for (const names::GivenNameHit& h : names::LookupGivenNameKey(word)) words.push_back(h);
    }
    hits = words;
  }
  auto fits = [&](const names::GivenNameHit& h) {
    return (h.kind == names::NameFormKind::kPatronymic) == patronymic;
  };
  const bool sex_decides =
      !patronymic && sex != names::Sex::kUnknown &&
      std::any_of(hits.begin(), hits.end(), [&](const auto& h) { return fits(h) && h.sex == sex; });
  auto rank = [](const names::GivenNameHit& h) {
    return h.kind == names::NameFormKind::kDiminutive ? 1 : 0;
  };
  const names::GivenNameHit* best = nullptr;
  bool one_group = true;
  for (const names::GivenNameHit& h : hits) {
    if (!fits(h) || (sex_decides && h.sex != sex)) continue;
    if (best != nullptr && h.group != best->group) one_group = false;
    if (best == nullptr || std::pair(rank(h), h.group) < std::pair(rank(*best), best->group)) {
      best = &h;
    }
  }
  if (best == nullptr) return {std::string(key), false, {}};
  const bool known = one_group && diminutive.empty() && words.empty();
  // Patronymics keep the bearer's sex: Миколайович and Миколаївна are different people.
  std::string out = patronymic ? "#p" : "#g";
  out += std::to_string(best->group);
  if (patronymic) out += best->sex == names::Sex::kFemale ? "f" : "m";
  std::string alternatives;
  if ((!one_group || !words.empty()) && !patronymic) {
    alternatives = Alternatives(hits, [&](const names::GivenNameHit& h) {
      return fits(h) && (!sex_decides || h.sex == sex);
    });
  }
  // A double name's group is itself: two double names that share one name (Богдан-Ігор /
  // Богдан-Андрій) are two people; against one name, its alternatives stand for it.
  if (!words.empty()) out = std::string(key);
  return {std::move(out), known, std::move(alternatives)};
}

// The bearer's sex as a patronymic group says it ("#p12m"), else unknown.
names::Sex SexOfPatronymicGroup(std::string_view group) {
  if (!group.starts_with("#p") || group.size() < 4) return names::Sex::kUnknown;
  return group.back() == 'f' ? names::Sex::kFemale : names::Sex::kMale;
}

}  // namespace

std::string SurnameKey(std::string_view skeleton) { return names::SurnameStem(skeleton); }

namespace {

// The keys of one name part, memoised in `memo` (key: the text as written).
template <typename Memo, typename Make>
Result<const typename Memo::mapped_type*> Remember(Memo& memo, std::string_view text, Make make) {
  if (auto it = memo.find(std::string(text)); it != memo.end()) return &it->second;
  PARLEY_ASSIGN_OR_RETURN(auto value, make(text));
  return &memo.emplace(std::string(text), std::move(value)).first->second;
}

}  // namespace

Result<NameKeys> NameKeyCache::Compute(const NameParts& parts) {
  NameKeys keys;
  NameParts use = parts;
  names::ParsedName parsed;
  // A full-name cell is parsed row by row even when the reader already split it: the reader
  // decides one order per file, and mediator lists mix "Surname Given" and "Given Surname"
  // rows; the name engine's parser weighs each row's own evidence (the given-name table).
  if (!parts.full_name.empty()) {
    PARLEY_ASSIGN_OR_RETURN(parsed, names::ParseFullName(parts.full_name));
    use = {parsed.surname, parsed.given, parsed.patronymic, {}};
  }
  auto surname_like = [](std::string_view cell) -> Result<PartKeys> {
    PARLEY_ASSIGN_OR_RETURN(const std::string t, names::ReadDigitsAsLetters(cell));
    PARLEY_ASSIGN_OR_RETURN(std::string key, names::RomanKey(t));
    PARLEY_ASSIGN_OR_RETURN(std::string letters, names::RomanLetters(t));
    std::string stem = SurnameKey(key);
    // Kept wherever they are not the stem's own letters, so that two records compare letters
    // with letters: one without them is a surname the key neither merged nor stemmed.
    if (letters == names::OneBytePerLetter(stem)) letters.clear();
    PartKeys out{std::move(stem), {}, false, {}, std::move(letters)};
    out.second = names::PhoneticKey(out.key);
    out.third = names::SurnameVowelForm(out.key);
    // A double surname blocks by its first word: "Петренко-Ковальчук" meets "Петренко".
    if (auto space = out.second.find(' '); space != std::string::npos) out.second.resize(space);
    return out;
  };
  PARLEY_ASSIGN_OR_RETURN(const PartKeys* surname, Remember(surname_, use.surname, surname_like));
  PARLEY_ASSIGN_OR_RETURN(const PartKeys* given_as_surname,
                          Remember(surname_, use.given_name, surname_like));
  auto given_like = [](bool patronymic, names::Sex sex) {
    return [patronymic, sex](std::string_view cell) -> Result<PartKeys> {
      PARLEY_ASSIGN_OR_RETURN(const std::string t, names::ReadDigitsAsLetters(cell));
      PARLEY_ASSIGN_OR_RETURN(std::string key, names::RomanKey(t));
      Group group = GroupOf(key, patronymic, sex);
      return PartKeys{
          std::move(key), std::move(group.key), group.known, std::move(group.alternatives), {}};
    };
  };
  PARLEY_ASSIGN_OR_RETURN(
      const PartKeys* patronymic,
      Remember(patronymic_, use.patronymic, given_like(true, names::Sex::kUnknown)));
  // The given name is remembered per bearer's sex, which picks its group (GroupOf).
  const names::Sex sex = SexOfPatronymicGroup(patronymic->second);
  std::string given_text(use.given_name);
  given_text += sex == names::Sex::kMale     ? "\x1f"
                                               "m"
                : sex == names::Sex::kFemale ? "\x1f"
                                               "f"
                                             : "";
  PARLEY_ASSIGN_OR_RETURN(const PartKeys* given,
                          Remember(given_, given_text, [&](std::string_view) {
                            return given_like(false, sex)(use.given_name);
                          }));
  keys.surname = surname->key;
  keys.surname_phonetic = surname->second;
  keys.surname_vowels = surname->third;
  keys.given_name = given->key;
  keys.given_group = given->second;
  keys.given_is_known = given->known;
  keys.given_alternatives = given->third;
  keys.given_as_surname = given_as_surname->key;
  keys.surname_letters = surname->letters;
  keys.patronymic = patronymic->key;
  keys.patronymic_group = patronymic->second;
  return keys;
}

std::optional<NameKeys> NameKeyCache::OtherOrder(const NameParts& parts, const NameKeys& read) {
  if (parts.full_name.empty()) return std::nullopt;
  Result<names::ParsedName> parsed = names::ParseFullName(parts.full_name);
  if (!parsed || !parsed->patronymic.empty() || parsed->surname.empty() || parsed->given.empty() ||
      parsed->confidence >= kSureOrder) {
    return std::nullopt;
  }
  Result<NameKeys> other = Compute({parsed->given, parsed->surname, {}, {}});
  if (!other || (other->surname == read.surname && other->given_name == read.given_name)) {
    return std::nullopt;
  }
  return std::move(*other);
}

Result<std::vector<NameKeyCache::Respelling>> NameKeyCache::LatinRespellings(const NameParts& parts,
                                                                             const NameKeys& read) {
  std::vector<Respelling> out;
  // The parts are respelled as one text (the habit's evidence is the whole name's), joined
  // by a separator no name holds and split again.
  constexpr char kSeparator = '\x1f';
  const std::string whole =
      std::string(parts.surname) + kSeparator + std::string(parts.given_name) + kSeparator +
      std::string(parts.patronymic) + kSeparator + std::string(parts.full_name);
  for (names::LatinHabit habit : names::kLatinHabits) {
    const std::optional<std::string> respelled = names::RespellLatin(whole, habit);
    if (!respelled) continue;
    std::array<std::string, 4> part;
    std::size_t begin = 0;
    for (std::string& p : part) {
      const std::size_t end = std::min(respelled->find(kSeparator, begin), respelled->size());
      p = respelled->substr(begin, end - begin);
      begin = end + 1;
    }
    const auto& [surname, given, patronymic, full] = part;
    PARLEY_ASSIGN_OR_RETURN(NameKeys keys, Compute({surname, given, patronymic, full}));
    if (keys.surname == read.surname && keys.given_name == read.given_name &&
        keys.patronymic == read.patronymic) {
      continue;
    }
    std::string text = full.empty() ? surname + " " + given + " " + patronymic : full;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out.push_back({std::move(keys), names::WithHabitNote(text, habit)});
  }
  return out;
}

Result<NameKeys> ComputeNameKeys(const NameParts& parts) { return NameKeyCache().Compute(parts); }

}  // namespace parley::link
