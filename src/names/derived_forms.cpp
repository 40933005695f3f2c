#include "names/derived_forms.h"

#include "names/given_names.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"

namespace parley::names {
namespace {

std::string KeyOrEmpty(std::string_view text) {
  if (text.empty()) return {};
  return RomanKey(text).value_or(std::string{});
}

std::string GroupName(std::string_view key) {
  for (const GivenNameHit& hit : LookupGivenNameKey(key)) {
    if (hit.kind == NameFormKind::kPatronymic) continue;
    const GivenNameGroup& g = GivenNameGroupOf(hit.group);
    return std::string(g.ukrainian) + "/" + std::string(g.russian);
  }
  return {};
}

}  // namespace

DerivedNameForms DeriveNameForms(std::string_view surname, std::string_view given,
                                 std::string_view patronymic) {
  DerivedNameForms f;
  f.surname_key = KeyOrEmpty(surname);
  if (!surname.empty()) f.surname_phonetic = PhoneticSurnameKey(surname).value_or(std::string{});
  f.given_name_key = KeyOrEmpty(given);
  f.given_name_group = GroupName(f.given_name_key);
  f.patronymic_key = KeyOrEmpty(patronymic);
  return f;
}

}  // namespace parley::names
