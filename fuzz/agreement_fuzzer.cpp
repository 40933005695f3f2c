// fuzz/agreement_fuzzer.cpp — an agreement's TOML text, as `parley agreement check|add` reads a
// file and POST /api/v1/agreements takes a body: toml++'s parser, then parley's strict
// validation (rules/agreement_parser.h), then what every accepted agreement is used for: its
// summary in words, and classifying, valuing and ordering people under its clauses.
//
// Properties, besides no crash, leak or undefined behaviour: a refused agreement is invalid
// input with a message and a line; an accepted one classifies every person into exactly one
// state whose index is in range, and its priority order is a strict weak order on them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "rules/agreement_parser.h"
#include "rules/eligibility.h"
#include "rules/summary.h"

namespace {

using parley::fuzz::Require;
using namespace parley::rules;

// People who touch each kind of clause: ranks, categories, health, sex, full and partial
// birth dates, capture dates (captivity_days), ages at the boundaries.
std::vector<parley::PersonRecord> People() {
  std::vector<parley::PersonRecord> people(6);
  people[0] = {.id = "1",
               .surname = "Шевченко",
               .given_name = "Дмитро",
               .birth_date = {1990, 5, 17},
               .rank = "colonel",
               .sex = "m",
               .category = "military",
               .extra = {{"health", "seriously_wounded"}, {"capture_date", "2023-02-01"}}};
  people[1] = {.id = "2",
               .surname = "Kovalenko",
               .birth_date = {2005, 0, 0},
               .rank = "private",
               .sex = "f",
               .category = "civilian",
               .extra = {{"capture_date", "2024"}}};
  people[2] = {.id = "3",
               .full_name = "Іван Петренко",
               .rank = "captain",
               .category = "military",
               .extra = {{"health", "light"}, {"capture_date", "not a date"}}};
  people[3] = {.id = "a:4", .birth_date = {1, 1, 1}, .category = "remains"};
  people[4] = {.id = "5",
               .birth_date = {9999, 12, 31},
               .rank = "MAJOR",
               .unit = "93",
               .extra = {{"capture_date", "9999-12-31"}}};
  people[5] = {.id = "", .surname = "x"};
  return people;
}

void CheckClauses(const Agreement& agreement) {
  Require(!DescribeAgreement(agreement).empty(), "an agreement has a summary");
  for (const Pool& pool : agreement.pools) static_cast<void>(DescribePool(agreement, pool));
  const std::vector<parley::PersonRecord> people = People();
  for (Side side : {Side::kA, Side::kB}) {
    std::vector<PriorityKey> keys;
    for (const parley::PersonRecord& person : people) {
      const Classification c = Classify(agreement, side, person);
      std::int64_t value = 0;
      if (c.status == Status::kEligible) {
        Require(
            c.category >= 0 && static_cast<std::size_t>(c.category) < agreement.categories.size(),
            "an eligible person's category is one of the agreement's");
        value = ValueOf(agreement, c.category, person);
      } else if (c.status == Status::kExcluded) {
        Require(
            c.exclusion >= 0 && static_cast<std::size_t>(c.exclusion) < agreement.exclusions.size(),
            "an excluded person's exclusion is one of the agreement's");
      }
      keys.push_back(MakePriorityKey(agreement, person, value));
    }
    for (std::size_t x = 0; x < people.size(); ++x) {
      Require(!PriorityBefore(agreement, keys[x], people[x].id, keys[x], people[x].id),
              "nobody goes before himself");
      for (std::size_t y = 0; y < people.size(); ++y) {
        const bool xy = PriorityBefore(agreement, keys[x], people[x].id, keys[y], people[y].id);
        const bool yx = PriorityBefore(agreement, keys[y], people[y].id, keys[x], people[x].id);
        Require(!(xy && yx), "priority is asymmetric");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto agreement = ParseAgreement(text, "fuzz.toml");
  if (!agreement) {
    Require(agreement.error().code == parley::ErrorCode::kInvalidInput,
            "a refused agreement is invalid input");
    Require(!agreement.error().message.empty(), "a refused agreement says why");
    return 0;
  }
  CheckClauses(*agreement);
  return 0;
}
