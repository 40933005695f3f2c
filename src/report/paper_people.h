// parley/report/paper_people.h — how a person and a plan's parts read on paper: the name as
// the list wrote it with its passport romanisation beside it, the birth date, the category
// and the rule of the agreement that put them in the plan; and the checks of a phase and a
// side that every paper of a plan shares.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "plan/plan.h"
#include "rules/agreement.h"

namespace parley::report {

struct PersonCells {
  std::string name;   // as the list wrote it (surname, given name, patronymic)
  std::string latin;  // passport romanisation (names/passport_romanisation.h); "" if Latin
  std::string birth_date{};
  std::string category{};  // as the list wrote it
  std::string rule;        // the agreement's category that admitted them ("" if none)
};

[[nodiscard]] PersonCells DescribePerson(const plan::Candidate& person,
                                         const rules::Agreement& agreement);

// kInvalidInput unless 1 <= phase <= the agreement's phases, naming the plan's range.
[[nodiscard]] Result<void> CheckPhase(const rules::Agreement& agreement, std::int64_t plan_id,
                                      int phase);

// "Ukraine → Russian Federation": who hands over to whom.
[[nodiscard]] std::string DirectionText(const rules::Agreement& agreement, rules::Side from);

}  // namespace parley::report
