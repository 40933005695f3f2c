#include "report/paper_people.h"

#include <array>

#include "names/passport_romanisation.h"

namespace parley::report {

PersonCells DescribePerson(const plan::Candidate& person, const rules::Agreement& agreement) {
  const PersonRecord& r = person.record;
  PersonCells out;
  for (const std::string* part : {&r.surname, &r.given_name, &r.patronymic}) {
    if (part->empty()) continue;
    if (!out.name.empty()) out.name += ' ';
    out.name += *part;
  }
  if (out.name.empty()) out.name = r.full_name;
  if (names::HasCyrillic(out.name)) {
    // The record's own letters decide the language (a list is written in one); with no
    // evidence, ICAO 9303 (the Russian passport standard) reads closer to both than KMU.
    const std::array<std::string_view, 4> texts = {r.surname, r.given_name, r.patronymic,
                                                   r.birth_place};
    const names::NameLanguage language =
        names::NameLanguageOf(texts).value_or(names::NameLanguage::kRussian);
    out.latin = names::PassportRomanisation(out.name, language);
  }
  out.birth_date = r.birth_date.ToIso();
  out.category = r.category;
  const int category = person.rule.category;
  if (category >= 0 && static_cast<std::size_t>(category) < agreement.categories.size()) {
    out.rule = agreement.categories[static_cast<std::size_t>(category)].id;
  }
  return out;
}

Result<void> CheckPhase(const rules::Agreement& agreement, std::int64_t plan_id, int phase) {
  if (phase >= 1 && phase <= agreement.phase_count) return {};
  return Fail(ErrorCode::kInvalidInput,
              "phase " + std::to_string(phase) + " is out of range: plan " +
                  std::to_string(plan_id) + " has phases 1.." +
                  std::to_string(agreement.phase_count),
              Location{"", 0, 0, "--phase"});
}

std::string DirectionText(const rules::Agreement& agreement, rules::Side from) {
  const rules::Side to = from == rules::Side::kA ? rules::Side::kB : rules::Side::kA;
  return agreement.PartyName(from) + " → " + agreement.PartyName(to);
}

}  // namespace parley::report
