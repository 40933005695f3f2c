// parley/rules/eligibility.h — who qualifies under which rule, what he is worth, who goes first.
//
// Contract: Classify puts a person (a PersonRecord from one side's candidate file) in exactly
// one state: excluded (the first [[exclusion]] that matches him, in file order), eligible
// under the first [[category]] (file order) whose side filter and conditions all hold, or
// ineligible. First-match-wins is documented in docs/agreements.md: a negotiator orders the
// categories the way the deal reads ("the seriously wounded first, then ages 18-25, ...").
//
// Uncertain facts never make a person eligible: an age condition holds only when every birth
// date the partial date allows gives an age inside the range; time in captivity is counted
// from the latest capture date the `capture_date` column allows. So a person whose birth year
// alone is known is "age unknown" near a boundary, and Explain says so.
//
// Priority: PriorityKey precomputes a person's rank under the agreement's [[priority]]
// criteria so that sorting 20,000 candidates compares small vectors, not re-parsed dates.
// The final tie-break is the id (bytewise), so the order is total and deterministic.
//
//   Classification c = Classify(agreement, Side::kA, record);
//   if (c.status == Status::kEligible) std::cout << agreement.categories[c.category].id;
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lists/person_record.h"
#include "rules/agreement.h"

namespace parley::rules {

enum class Status { kEligible, kExcluded, kIneligible };
[[nodiscard]] const char* StatusName(Status status);

struct Classification {
  Status status = Status::kIneligible;
  int category = -1;   // index into Agreement::categories when eligible
  int exclusion = -1;  // index into Agreement::exclusions when excluded
  std::int64_t value = 1;
};

// The value of a canonical column ("rank"), a known extra column ("health") or "" if absent.
[[nodiscard]] std::string FieldOf(const PersonRecord& record, std::string_view field);

// Age bounds in whole years on `on`; nullopt when the birth year is unknown.
struct AgeRange {
  int youngest = 0;
  int oldest = 0;
};
[[nodiscard]] std::optional<AgeRange> AgeOn(const PartialDate& birth, const PartialDate& on);

// Days in captivity on `on`, counted from the latest date `capture_date` allows; nullopt
// when the column is missing, empty or not a date.
[[nodiscard]] std::optional<std::int64_t> CaptivityDays(const PersonRecord& record,
                                                        const PartialDate& on);

// Days since 1970-01-01 of a full date (proleptic Gregorian).
[[nodiscard]] std::int64_t DaysFromCivil(int year, int month, int day);

// Whether the predicate holds; when it does not and `why_not` is given, a sentence such as
// "health is 'light', the rule needs 'seriously_wounded'".
[[nodiscard]] bool Matches(const Predicate& predicate, const PersonRecord& record,
                           const PartialDate& on, std::string* why_not = nullptr);

// A sentence for the predicate: "rank is one of: colonel, major".
[[nodiscard]] std::string DescribePredicate(const Predicate& predicate);

[[nodiscard]] bool ExclusionMatches(const Exclusion& exclusion, Side side,
                                    const PersonRecord& record, const PartialDate& on);

[[nodiscard]] Classification Classify(const Agreement& agreement, Side side,
                                      const PersonRecord& record);

// The points of a person in `category` (the category's own value, else the points table).
[[nodiscard]] std::int64_t ValueOf(const Agreement& agreement, int category,
                                   const PersonRecord& record);

struct PriorityPart {
  bool known = false;
  std::int64_t number = 0;
  std::string text;
};
using PriorityKey = std::vector<PriorityPart>;

[[nodiscard]] PriorityKey MakePriorityKey(const Agreement& agreement, const PersonRecord& record,
                                          std::int64_t value);

// True when (key_x, id_x) goes before (key_y, id_y): criteria in order (unknown values
// last), then id bytewise ascending.
[[nodiscard]] bool PriorityBefore(const Agreement& agreement, const PriorityKey& key_x,
                                  std::string_view id_x, const PriorityKey& key_y,
                                  std::string_view id_y);

}  // namespace parley::rules
