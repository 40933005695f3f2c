// The name engine's cost in instructions, for `valgrind --tool=callgrind`: wall-clock
// benchmarks (names_bench) spread by ±20 % on a shared machine, instruction counts repeat to
// the instruction. The work is fixed (no timing loop decides how much), and the tables are
// warmed before it, so that two builds run the very same calls:
//
//   valgrind --tool=callgrind --toggle-collect='*ParseRounds*' build/release/bin/names_instructions
//   valgrind --tool=callgrind --toggle-collect='*CompareRounds*'
//   build/release/bin/names_instructions callgrind_annotate callgrind.out.PID | grep 'PROGRAM
//   TOTALS'
#include <cstdio>
#include <string>
#include <vector>

#include "names/full_name_parser.h"
#include "names/name_comparator.h"

namespace {

using parley::names::ParsedName;

// Made-up names of the kinds lists hold: Ukrainian and Russian Cyrillic, Latin in both orders,
// capitals, a double surname, a name without patronymic.
const std::vector<std::string> kNames = {"Шевченко Дмитро Олександрович",
                                         "Коваленко Олена Петрівна",
                                         "Иванов Сергей Николаевич",
                                         "Kovalenko Taras Petrovych",
                                         "Serhii Ivanovych Bondarenko",
                                         "SHEVCHENKO Dmytro",
                                         "Петренко-Ковальчук Олена Іванівна",
                                         "Мельник Андрій",
                                         "Oleksandr Tkachenko",
                                         "Кравчук Ірина Василівна",
                                         "Sidorov Aleksei Viktorovich",
                                         "Бондар Ігор Миколайович",
                                         "Шевченко Дмитрий Александрович",
                                         "Kovalenko Olena Petrivna"};

constexpr int kParseRounds = 500;
constexpr int kCompareRounds = 30;

__attribute__((noinline)) std::size_t ParseRounds() {
  std::size_t letters = 0;
  for (int r = 0; r < kParseRounds; ++r) {
    for (const std::string& name : kNames) {
      if (auto parsed = parley::names::ParseFullName(name)) letters += parsed->surname.size();
    }
  }
  return letters;
}

__attribute__((noinline)) double CompareRounds(const std::vector<ParsedName>& parsed) {
  double total = 0.0;
  for (int r = 0; r < kCompareRounds; ++r) {
    for (const ParsedName& a : parsed) {
      for (const ParsedName& b : parsed) total += parley::names::CompareParsedNames(a, b).score;
    }
  }
  return total;
}

}  // namespace

int main() {
  std::vector<ParsedName> parsed;
  for (const std::string& name : kNames) {
    if (auto p = parley::names::ParseFullName(name)) parsed.push_back(std::move(*p));
  }
  // Printed so that neither loop is optimised away.
  std::printf("%zu %.6f\n", ParseRounds(), CompareRounds(parsed));
  return 0;
}
