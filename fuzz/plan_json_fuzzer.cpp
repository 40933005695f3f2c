// fuzz/plan_json_fuzzer.cpp — a plan file ("parley-plan/1"), as `parley plan check|explain`
// reads a file and POST /api/v1/plans/{plan}/check|counter take an edited plan from the other
// side: nlohmann's JSON parser, parley's reading of the document (the embedded agreement TOML
// and every candidate record), then what a loaded plan is used for: checking the assignment
// against the agreement, its objective and phase summary, explaining a person's place.
//
// Properties, besides no crash, leak or undefined behaviour: a refused plan is invalid input
// with a message; an accepted plan written back with PlanToJson reads again, and writing that
// gives the same text (the file format is a fixed point after one load).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "plan/explain.h"
#include "plan/plan_checker.h"
#include "plan/plan_json.h"
#include "plan/repair.h"

using parley::fuzz::Require;
namespace plan = parley::plan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = plan::PlanFromJson(text, "fuzz.json");
  if (!loaded) {
    Require(loaded.error().code == parley::ErrorCode::kInvalidInput,
            "a refused plan is invalid input");
    Require(!loaded.error().message.empty(), "a refused plan says why");
    return 0;
  }
  // `parley plan check`: classify, check, objective, phases.
  plan::Plan checked = *loaded;
  plan::ClassifyAll(checked.agreement, checked.people);
  static_cast<void>(plan::CheckAssignment(checked.agreement, checked.people));
  static_cast<void>(plan::PlanObjective(checked.agreement, checked.people));
  static_cast<void>(plan::SummarisePhases(checked.agreement, checked.people));
  // `parley plan explain`, for the first and the last person, by id and by side and id.
  if (!loaded->people.empty()) {
    for (const plan::Candidate* c : {&loaded->people.front(), &loaded->people.back()}) {
      const std::string side = c->side == parley::rules::Side::kA ? "a:" : "b:";
      for (const std::string& who : {c->record.id, side + c->record.id}) {
        static_cast<void>(plan::FindPerson(*loaded, who));
        if (auto e = plan::ExplainPerson(*loaded, who)) {
          static_cast<void>(plan::FormatExplanation(*e));
        }
      }
    }
  }
  const std::string written = plan::PlanToJson(*loaded);
  auto again = plan::PlanFromJson(written, "fuzz-again.json");
  Require(again.has_value(), "a plan parley wrote reads again");
  Require(plan::PlanToJson(*again) == written, "writing a plan read back gives the same text");
  return 0;
}
