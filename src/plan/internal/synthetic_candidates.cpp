#include "plan/internal/synthetic_candidates.h"

#include "lists/csv_writer.h"

namespace parley::plan::internal {
namespace {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
  bool Percent(int p) { return Below(100) < p; }

 private:
  std::uint64_t state_;
};

constexpr const char* kStems[] = {"Bor", "Kal", "Dem", "Lys", "Mar", "Ost", "Pet", "Ryb",
                                  "Sav", "Tar", "Vol", "Zor", "Hal", "Kry", "Mel", "Nov"};
constexpr const char* kSuffixes[] = {"enko", "chuk", "iuk", "ov", "in", "skyi", "ets", "ak"};
constexpr const char* kGiven[] = {"Oleksandr", "Andrii", "Serhii", "Volodymyr", "Dmytro",
                                  "Mykola",    "Yurii",  "Vasyl",  "Mykhailo",  "Petro"};
constexpr const char* kGivenF[] = {"Hanna", "Nataliia", "Tetiana", "Kateryna", "Nadiia"};
constexpr const char* kFathers[] = {"Ivan", "Petro", "Stepan", "Taras", "Bohdan", "Roman"};

std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s = "0" + s;
  return s;
}

}  // namespace

std::vector<PersonRecord> GenerateCandidates(const SyntheticSpec& spec) {
  SplitMix64 rng(spec.seed);
  int rank_total = 0;
  for (const auto& [r, w] : spec.ranks) rank_total += w;
  std::vector<PersonRecord> out;
  out.reserve(spec.count);
  for (int i = 0; i < spec.count; ++i) {
    PersonRecord p;
    p.id = spec.id_prefix + Pad(i + 1, 5);
    bool female = rng.Percent(spec.female_percent);
    p.sex = female ? "F" : "M";
    p.surname = std::string(kStems[rng.Below(16)]) + kSuffixes[rng.Below(8)];
    p.given_name = female ? kGivenF[rng.Below(5)] : kGiven[rng.Below(10)];
    p.patronymic = std::string(kFathers[rng.Below(6)]) + (female ? "ivna" : "ovych");
    int age = spec.min_age + rng.Below(spec.max_age - spec.min_age + 1);
    int month = 1 + rng.Below(12), day = 1 + rng.Below(28);
    p.birth_date = rng.Percent(5)
                       ? PartialDate{spec.on.year - age - 1, 0, 0}
                       : PartialDate{spec.on.year - age - 1 + (month < spec.on.month), month, day};
    bool civilian = rng.Percent(spec.civilian_percent);
    p.category = civilian ? "civilian" : "military";
    if (!civilian && rank_total > 0) {
      int pick = rng.Below(rank_total);
      for (const auto& [r, w] : spec.ranks) {
        if (pick < w) {
          p.rank = r;
          break;
        }
        pick -= w;
      }
    }
    if (!spec.category_override.empty()) {
      p.category = spec.category_override;
      p.rank.clear();
    }
    int h = rng.Below(100);
    std::string health = h < spec.seriously_wounded_percent ? "seriously_wounded"
                         : h < spec.seriously_wounded_percent + spec.wounded_percent ? "wounded"
                                                                                     : "";
    int captive_days = 1 + rng.Below(1000);
    int cy = spec.on.year, cm = spec.on.month, cd = spec.on.day;
    for (int d = 0; d < captive_days; ++d) {
      if (--cd == 0) {
        if (--cm == 0) {
          cm = 12;
          --cy;
        }
        cd = DaysInMonth(cy, cm);
      }
    }
    p.extra.push_back({"health", health});
    p.extra.push_back({"capture_date", PartialDate{cy, cm, cd}.ToIso()});
    p.extra.push_back({"requested", rng.Percent(30) ? "yes" : ""});
    p.extra.push_back({"interview", rng.Percent(spec.refused_percent) ? "refused" : "agreed"});
    p.extra.push_back({"sentence", rng.Percent(spec.life_sentence_percent) ? "life" : ""});
    out.push_back(std::move(p));
  }
  return out;
}

void WriteCandidatesCsv(const std::vector<PersonRecord>& people, std::ostream& out) {
  CsvWriter csv(out);
  std::vector<std::string> header = {"id",         "surname", "given_name", "patronymic",
                                     "birth_date", "rank",    "category",   "sex"};
  if (!people.empty()) {
    for (const ExtraField& f : people[0].extra) header.push_back(f.column);
  }
  csv.WriteRow(std::span<const std::string>(header));
  for (const PersonRecord& p : people) {
    std::vector<std::string> row = {
        p.id,   p.surname,  p.given_name, p.patronymic, p.birth_date.ToIso(),
        p.rank, p.category, p.sex};
    for (size_t c = 8; c < header.size(); ++c) row.push_back(std::string(p.Extra(header[c])));
    csv.WriteRow(std::span<const std::string>(row));
  }
}

std::vector<ExampleCandidateFile> ExampleCandidateFiles() {
  std::vector<ExampleCandidateFile> files;
  SyntheticSpec dix;
  dix.on = {1862, 7, 22};
  dix.count = 80;
  dix.ranks = {{"private", 60},        {"non-commissioned officer", 14},
               {"lieutenant", 8},      {"captain", 6},
               {"major", 3},           {"lieutenant-colonel", 2},
               {"colonel", 2},         {"midshipman", 1},
               {"warrant officer", 1}, {"brigadier-general", 1},
               {"major-general", 1},   {"commanding general", 1}};
  dix.female_percent = 0;
  dix.civilian_percent = 8;
  dix.seed = 1862;
  dix.id_prefix = "US-";
  files.push_back({"dix-hill-1862-a.csv", dix});
  dix.seed = 1863;
  dix.id_prefix = "CS-";
  dix.count = 70;
  files.push_back({"dix-hill-1862-b.csv", dix});

  SyntheticSpec ist;
  ist.on = {2025, 6, 9};
  ist.count = 120;
  ist.civilian_percent = 5;
  ist.seriously_wounded_percent = 6;
  ist.refused_percent = 3;
  ist.seed = 2025;
  ist.id_prefix = "UA-";
  files.push_back({"istanbul-2025-a.csv", ist});
  ist.seed = 2026;
  ist.id_prefix = "RU-";
  ist.count = 100;
  files.push_back({"istanbul-2025-b.csv", ist});

  SyntheticSpec gaza_a;
  gaza_a.on = {2025, 1, 19};
  gaza_a.count = 1200;
  gaza_a.civilian_percent = 30;
  gaza_a.female_percent = 4;
  gaza_a.life_sentence_percent = 8;
  gaza_a.seed = 119;
  gaza_a.id_prefix = "IL-";
  files.push_back({"gaza-2025-ratio-a.csv", gaza_a});
  SyntheticSpec gaza_b = gaza_a;
  gaza_b.count = 33;
  gaza_b.civilian_percent = 60;
  gaza_b.female_percent = 55;
  gaza_b.life_sentence_percent = 0;
  gaza_b.seed = 120;
  gaza_b.id_prefix = "H-";
  files.push_back({"gaza-2025-ratio-b.csv", gaza_b});

  SyntheticSpec big;
  big.on = {2025, 5, 23};
  big.count = 1150;
  big.civilian_percent = 12;
  big.refused_percent = 0;
  big.seed = 523;
  big.id_prefix = "UA-";
  files.push_back({"istanbul-1000-for-1000-a.csv", big});
  big.count = 1080;
  big.seed = 524;
  big.id_prefix = "RU-";
  files.push_back({"istanbul-1000-for-1000-b.csv", big});

  SyntheticSpec remains;
  remains.on = {2025, 6, 14};
  remains.count = 150;
  remains.category_override = "remains";
  remains.seed = 614;
  remains.id_prefix = "UA-R-";
  files.push_back({"remains-by-count-a.csv", remains});
  remains.count = 120;
  remains.seed = 615;
  remains.id_prefix = "RU-R-";
  files.push_back({"remains-by-count-b.csv", remains});
  return files;
}

}  // namespace parley::plan::internal
