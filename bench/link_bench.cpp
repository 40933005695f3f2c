// Scoring throughput of candidate pairs: the comparator plus the model's weight per pair, the
// inner loop of `parley link` / `parley dedupe`. Target (issue 3): ≥ 2 million pairs per second
// per core. The records are prepared once (as in the real pipeline) from a synthetic
// population with realistic collisions: 300 surnames, 40 given names in Ukrainian and Russian
// forms, 40 birth years; the pairs are drawn at random within surname blocks, so most of them
// are non-matches that need the full graded comparison (the expensive case).
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "link/comparison.h"
#include "link/match_model.h"
#include "link/prepared_list.h"

namespace parley::link {
namespace {

constexpr const char* kGiven[][2] = {
    {"Олександр", "Александр"}, {"Андрій", "Андрей"},     {"Сергій", "Сергей"},
    {"Володимир", "Владимир"},  {"Дмитро", "Дмитрий"},    {"Микола", "Николай"},
    {"Юрій", "Юрий"},           {"Василь", "Василий"},    {"Михайло", "Михаил"},
    {"Петро", "Пётр"},          {"Павло", "Павел"},       {"Євген", "Евгений"},
    {"Олексій", "Алексей"},     {"Григорій", "Григорий"}, {"Федір", "Фёдор"},
    {"Іван", "Иван"},           {"Віктор", "Виктор"},     {"Ігор", "Игорь"},
    {"Богдан", "Богдан"},       {"Тарас", "Тарас"}};
constexpr const char* kSurnameRoots[] = {"Шевч", "Ковал", "Бондар", "Ткач", "Кравч", "Лис",
                                         "Марч", "Петр",  "Клим",   "Павл", "Левч",  "Руд"};
constexpr const char* kSurnameEndings[] = {"енко", "ук", "ишин", "ський", "ко"};

struct Fixture {
  StringPool pool;
  PreparedList left;
  PreparedList right;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  MatchModel model;
};

std::vector<PersonRecord> People(int n, int script, std::mt19937& rng) {
  std::vector<PersonRecord> out;
  for (int i = 0; i < n; ++i) {
    PersonRecord r;
    r.id = std::to_string(i);
    r.surname = std::string(kSurnameRoots[rng() % std::size(kSurnameRoots)]) +
                kSurnameEndings[rng() % std::size(kSurnameEndings)];
    r.given_name = kGiven[rng() % std::size(kGiven)][script];
    r.patronymic = std::string(kGiven[rng() % std::size(kGiven)][script]) + "ович";
    r.birth_date = {1960 + static_cast<int>(rng() % 40), 1 + static_cast<int>(rng() % 12),
                    1 + static_cast<int>(rng() % 28)};
    r.service_number = "ЩР" + std::to_string(100000 + rng() % 900000);
    r.birth_place = rng() % 2 ? "Київ" : "Харків";
    out.push_back(std::move(r));
  }
  return out;
}

Fixture& Data() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    std::mt19937 rng(42);
    const auto a = People(20000, 0, rng);
    const auto b = People(20000, 1, rng);
    fx->left = *PrepareList(a, fx->pool, 1);
    fx->right = *PrepareList(b, fx->pool, 1);
    // Pairs within the same surname-phonetic block, as blocking would produce.
    std::vector<std::vector<std::uint32_t>> by_block(fx->pool.Size());
    for (std::uint32_t j = 0; j < fx->right.Size(); ++j) {
      by_block[fx->right.keys[j].surname_phonetic].push_back(j);
    }
    while (fx->pairs.size() < 1000000) {
      const std::uint32_t i = rng() % fx->left.Size();
      const auto& block = by_block[fx->left.keys[i].surname_phonetic];
      if (block.empty()) continue;
      fx->pairs.emplace_back(i, block[rng() % block.size()]);
    }
    return fx;
  }();
  return *f;
}

void BM_ScoreCandidatePairs(benchmark::State& state) {
  Fixture& f = Data();
  const Comparator comparator(f.pool);
  std::size_t k = 0;
  double sink = 0;
  for (auto _ : state) {
    const auto [i, j] = f.pairs[k];
    const RecordKeys& a = f.left.keys[i];
    const RecordKeys& b = f.right.keys[j];
    const ComparisonVector v = comparator.Compare(a, b);
    sink += f.model.Weight(v, a, b);
    if (++k == f.pairs.size()) k = 0;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreCandidatePairs);

// Pass two of the pipeline: weight from a stored pattern code plus TF (no comparison).
void BM_WeighStoredPatterns(benchmark::State& state) {
  Fixture& f = Data();
  const Comparator comparator(f.pool);
  std::vector<Pattern> codes;
  for (std::size_t k = 0; k < 100000; ++k) {
    const auto [i, j] = f.pairs[k];
    codes.push_back(PatternCode(comparator.Compare(f.left.keys[i], f.right.keys[j])));
  }
  std::size_t k = 0;
  double sink = 0;
  for (auto _ : state) {
    const auto [i, j] = f.pairs[k];
    sink += f.model.Weight(FromPatternCode(codes[k]), f.left.keys[i], f.right.keys[j]);
    if (++k == codes.size()) k = 0;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WeighStoredPatterns);

}  // namespace
}  // namespace parley::link

BENCHMARK_MAIN();
