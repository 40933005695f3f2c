#include "link/name_keys.h"

#include <algorithm>
#include <string>

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
std::string GroupKey(std::string_view key, bool patronymic) {
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
  if (best == nullptr) return std::string(key);
  // Patronymics keep the bearer's sex: Миколайович and Миколаївна are different people.
  std::string out = patronymic ? "#p" : "#g";
  out += std::to_string(best->group);
  if (patronymic) out += best->sex == names::Sex::kFemale ? "f" : "m";
  return out;
}

}  // namespace

std::string SurnameKey(std::string_view skeleton) { return names::SurnameStem(skeleton); }

Result<NameKeys> ComputeNameKeys(const NameParts& parts) {
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
  PARLEY_ASSIGN_OR_RETURN(std::string surname, names::RomanKey(use.surname));
  PARLEY_ASSIGN_OR_RETURN(keys.given_name, names::RomanKey(use.given_name));
  PARLEY_ASSIGN_OR_RETURN(keys.patronymic, names::RomanKey(use.patronymic));
  keys.surname = SurnameKey(surname);
  keys.given_group = GroupKey(keys.given_name, /*patronymic=*/false);
  keys.patronymic_group = GroupKey(keys.patronymic, /*patronymic=*/true);
  keys.surname_phonetic = names::PhoneticKey(keys.surname);
  // A double surname blocks by its first word, so "Петренко-Ковальчук" meets "Петренко".
  if (auto space = keys.surname_phonetic.find(' '); space != std::string::npos) {
    keys.surname_phonetic.resize(space);
  }
  return keys;
}

}  // namespace parley::link
