#include "link/name_keys.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/try.h"
#include "names/full_name_parser.h"
#include "names/given_names.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::link {
namespace {

// The interned text of a group: the table's ids are stable within one build and never
// stored, so a short tag is enough. A form in several groups (Саша: Олександр and Олександра)
// takes its official or variant group before a diminutive one, then the smallest id, so
// equal forms always get the same group.
struct Group {
  std::string key;
  bool full_form = false;  // the best hit is an official or variant form, not a diminutive
};

Group GroupOf(std::string_view key, bool patronymic) {
  if (key.empty()) return {};
  const auto hits = names::LookupGivenNameKey(key);
  const names::GivenNameHit* best = nullptr;
  auto rank = [](const names::GivenNameHit& h) {
    return h.kind == names::NameFormKind::kDiminutive ? 1 : 0;
  };
  for (const names::GivenNameHit& h : hits) {
    if ((h.kind == names::NameFormKind::kPatronymic) != patronymic) continue;
    if (best == nullptr || std::pair(rank(h), h.group) < std::pair(rank(*best), best->group)) {
      best = &h;
    }
  }
  if (best == nullptr) return {std::string(key), false};
  // Patronymics keep the bearer's sex: Миколайович and Миколаївна are different people.
  std::string out = patronymic ? "#p" : "#g";
  out += std::to_string(best->group);
  if (patronymic) out += best->sex == names::Sex::kFemale ? "f" : "m";
  return {std::move(out), rank(*best) == 0};
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
  PARLEY_ASSIGN_OR_RETURN(
      const PartKeys* surname,
      Remember(surname_, use.surname, [](std::string_view t) -> Result<PartKeys> {
        PARLEY_ASSIGN_OR_RETURN(std::string key, names::RomanKey(t));
        PartKeys out{SurnameKey(key), {}};
        out.second = names::PhoneticKey(out.key);
        // A double surname blocks by its first word: "Петренко-Ковальчук" meets
        // "Петренко".
        if (auto space = out.second.find(' '); space != std::string::npos) out.second.resize(space);
        return out;
      }));
  auto given_like = [](bool patronymic) {
    return [patronymic](std::string_view t) -> Result<PartKeys> {
      PARLEY_ASSIGN_OR_RETURN(std::string key, names::RomanKey(t));
      Group group = GroupOf(key, patronymic);
      return PartKeys{std::move(key), std::move(group.key), group.full_form};
    };
  };
  PARLEY_ASSIGN_OR_RETURN(const PartKeys* given,
                          Remember(given_, use.given_name, given_like(false)));
  PARLEY_ASSIGN_OR_RETURN(const PartKeys* patronymic,
                          Remember(patronymic_, use.patronymic, given_like(true)));
  keys.surname = surname->key;
  keys.surname_phonetic = surname->second;
  keys.given_name = given->key;
  keys.given_group = given->second;
  keys.given_is_full_form = given->full_form;
  keys.patronymic = patronymic->key;
  keys.patronymic_group = patronymic->second;
  return keys;
}

Result<NameKeys> ComputeNameKeys(const NameParts& parts) { return NameKeyCache().Compute(parts); }

}  // namespace parley::link
