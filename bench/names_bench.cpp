// Throughput of the name engine on the operations linkage runs millions of times: keying a
// name, parsing a full name, and comparing two names (from text, and pre-parsed as the linkage
// inner loop will hold them). Names are a deterministic mix of Ukrainian and Russian Cyrillic
// and Latin romanisations.
#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "names/full_name_parser.h"
#include "names/name_comparator.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"
#include "names/string_similarity.h"

namespace {

using namespace parley::names;

std::vector<std::string> Corpus() {
  const std::array<const char*, 12> surnames = {
      "Шевченко", "Лисенко", "Ковальський", "Бондаренко", "Ткаченко",   "Кравець",
      "Лысенко",  "Иванова", "Shevchenko",  "Kovalskyi",  "Bondarenko", "Мельник"};
  const std::array<const char*, 10> given = {"Дмитро", "Олександр", "Андрій", "Дмитрий",
                                             "Сергей", "Oleksandr", "Yurii",  "Наталія",
                                             "Mykola", "Ганна"};
  const std::array<const char*, 8> patronymics = {"Олександрович", "Миколайович",    "Юрьевич",
                                                  "Петрович",      "Oleksandrovych", "Ivanovich",
                                                  "Миколаївна",    "Андреевна"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < 1000; ++i) {
    out.push_back(std::string(surnames[i % surnames.size()]) + " " + given[(i / 3) % given.size()] +
                  " " + patronymics[(i / 7) % patronymics.size()]);
  }
  return out;
}

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = Corpus();
  return names;
}

void BM_RomanKeyFullName(benchmark::State& state) {
  const auto& names = Names();
  std::size_t i = 0;
  for (auto _ : state) {
    auto key = RomanKey(names[i++ % names.size()]);
    benchmark::DoNotOptimize(key);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_RomanKeyFullName);

// The design alternative romanise_key.h argues against: ICU's BGN/PCGN transliterator on the
// same full names (one instance, reused; output not yet folded).
void BM_IcuRussianBgnFullName(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Russian-Latin/BGN", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU transliterator unavailable");
    return;
  }
  std::vector<icu::UnicodeString> names;
  for (const auto& n : Names()) names.push_back(icu::UnicodeString::fromUTF8(n));
  std::size_t i = 0;
  for (auto _ : state) {
    icu::UnicodeString text = names[i++ % names.size()];
    t->transliterate(text);
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_IcuRussianBgnFullName);

void BM_PhoneticSurnameKey(benchmark::State& state) {
  const std::array<const char*, 4> surnames = {"Шевченко", "Ковальська", "Lysenko",
                                               "Schewtschenko"};
  std::size_t i = 0;
  for (auto _ : state) {
    auto key = PhoneticSurnameKey(surnames[i++ % surnames.size()]);
    benchmark::DoNotOptimize(key);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_PhoneticSurnameKey);

void BM_ParseFullName(benchmark::State& state) {
  const auto& names = Names();
  std::size_t i = 0;
  for (auto _ : state) {
    auto parsed = ParseFullName(names[i++ % names.size()]);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseFullName);

void BM_CompareFullNamesFromText(benchmark::State& state) {
  const auto& names = Names();
  std::size_t i = 0;
  for (auto _ : state) {
    auto score = CompareFullNames(names[i % names.size()], names[(i * 7 + 3) % names.size()]);
    ++i;
    benchmark::DoNotOptimize(score);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_CompareFullNamesFromText);

void BM_CompareParsedNames(benchmark::State& state) {
  std::vector<ParsedName> parsed;
  for (const auto& n : Names()) parsed.push_back(*ParseFullName(n));
  std::size_t i = 0;
  for (auto _ : state) {
    auto score = CompareParsedNames(parsed[i % parsed.size()], parsed[(i * 7 + 3) % parsed.size()]);
    ++i;
    benchmark::DoNotOptimize(score);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_CompareParsedNames);

void BM_JaroWinklerKeys(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(JaroWinkler("shevchenko", "shevchuk"));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_JaroWinklerKeys);

}  // namespace

BENCHMARK_MAIN();
