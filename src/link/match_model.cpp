#include "link/match_model.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace parley::link {
namespace {

constexpr double kMinProbability = 1e-6;

void Normalise(std::array<double, kMaxLevels>& p, int levels) {
  double sum = 0;
  for (int l = 1; l < levels; ++l) sum += p[l];
  for (int l = 1; l < levels; ++l) p[l] = sum > 0 ? p[l] / sum : 1.0 / (levels - 1);
}

std::vector<float> Adjustments(const std::vector<std::uint32_t>& counts, std::uint64_t total,
                               double u_agree) {
  std::vector<float> out(counts.size(), 0.0f);
  if (total == 0 || u_agree <= 0) return out;
  for (std::size_t id = 1; id < counts.size(); ++id) {
    if (counts[id] == 0) continue;
    const double tf = static_cast<double>(counts[id]) / static_cast<double>(total);
    out[id] = static_cast<float>(std::clamp(std::log2(u_agree / tf), kMinTfAdjust, kMaxTfAdjust));
  }
  return out;
}

// Partial agreement is never stronger evidence than full agreement, and no agreement level is
// weaker than "different". A level that random pairs almost never reach (u from a Laplace count
// of one) would otherwise get a huge weight from a handful of pairs; names are also ordered:
// similar ≤ close ≤ equivalent ≤ exact.
void CapPartialAgreement(int field, std::array<float, kMaxLevels>& w) {
  const int exact = kLevelCount[field] - 1;
  for (int l = 2; l < exact; ++l) w[l] = std::clamp(w[l], w[1], std::max(w[1], w[exact]));
  if (field <= FieldIndex(Field::kPatronymic)) {
    for (int l = exact - 1; l >= 2; --l) w[l] = std::min(w[l], w[l + 1]);
  }
}

}  // namespace

ModelParameters DefaultParameters() {
  ModelParameters p;
  auto set = [&p](Field f, std::initializer_list<double> m, std::initializer_list<double> u) {
    auto& fp = p.fields[FieldIndex(f)];
    std::copy(m.begin(), m.end(), fp.m.begin() + 1);
    std::copy(u.begin(), u.end(), fp.u.begin() + 1);
  };
  //                    different similar close  equiv  exact
  set(Field::kSurname, {0.02, 0.04, 0.10, 0.04, 0.80}, {0.90, 0.06, 0.02, 0.001, 0.019});
  set(Field::kGivenName, {0.02, 0.03, 0.05, 0.30, 0.60}, {0.85, 0.05, 0.02, 0.02, 0.06});
  set(Field::kPatronymic, {0.03, 0.03, 0.05, 0.29, 0.60}, {0.85, 0.05, 0.02, 0.02, 0.06});
  //                different year_only_near two_slips near same_year year_only swapped exact
  set(Field::kBirthDate, {0.03, 0.03, 0.02, 0.03, 0.06, 0.10, 0.03, 0.70},
      {0.92, 0.03, 0.01, 0.001, 0.02, 0.009, 0.0005, 0.0005});
  //                           different close exact
  set(Field::kServiceNumber, {0.05, 0.10, 0.85}, {0.998, 0.0015, 0.0005});
  set(Field::kBirthPlace, {0.10, 0.10, 0.80}, {0.90, 0.05, 0.05});
  set(Field::kRank, {0.05, 0.10, 0.85}, {0.75, 0.15, 0.10});
  p.match_proportion = 0.05;
  return p;
}

TermFrequencies TermFrequencies::Count(std::span<const RecordKeys> a, std::span<const RecordKeys> b,
                                       std::size_t pool_size, double u_surname_exact,
                                       double u_given_agree, double u_patronymic_agree,
                                       double u_place_exact) {
  std::vector<std::uint32_t> surname(pool_size, 0);
  std::vector<std::uint32_t> given(pool_size, 0);
  std::vector<std::uint32_t> patronymic(pool_size, 0);
  std::vector<std::uint32_t> place(pool_size, 0);
  std::uint64_t surname_total = 0;
  std::uint64_t given_total = 0;
  std::uint64_t patronymic_total = 0;
  std::uint64_t place_total = 0;
  for (auto list : {a, b}) {
    for (const RecordKeys& k : list) {
      if (k.surname != 0) ++surname[k.surname], ++surname_total;
      if (k.given_group != 0) ++given[k.given_group], ++given_total;
      if (k.patronymic_group != 0) ++patronymic[k.patronymic_group], ++patronymic_total;
      if (k.birth_place != 0) ++place[k.birth_place], ++place_total;
    }
  }
  TermFrequencies tf;
  tf.surname = Adjustments(surname, surname_total, u_surname_exact);
  tf.given_group = Adjustments(given, given_total, u_given_agree);
  tf.patronymic_group = Adjustments(patronymic, patronymic_total, u_patronymic_agree);
  tf.birth_place = Adjustments(place, place_total, u_place_exact);
  return tf;
}

MatchModel::MatchModel(const ModelParameters& params) : params_(params) {
  for (int f = 0; f < kFieldCount; ++f) {
    auto& fp = params_.fields[f];
    for (int l = 1; l < kLevelCount[f]; ++l) {
      fp.m[l] = std::clamp(fp.m[l], kMinProbability, 1.0);
      fp.u[l] = std::clamp(fp.u[l], kMinProbability, 1.0);
    }
    Normalise(fp.m, kLevelCount[f]);
    Normalise(fp.u, kLevelCount[f]);
    weights_[f][0] = 0.0f;
    for (int l = 1; l < kLevelCount[f]; ++l) {
      weights_[f][l] = static_cast<float>(std::log2(fp.m[l] / fp.u[l]));
    }
    CapPartialAgreement(f, weights_[f]);
  }
  const double lambda = std::clamp(params_.match_proportion, 1e-15, 1.0 - 1e-9);
  prior_log2_odds_ = std::log2(lambda / (1.0 - lambda));
  if (params_.namesake_share > 0) {
    namesake_term_ = params_.namesake_share / FullNameAgreement(params_, &FieldProbabilities::m);
  }
}

double FullNameAgreement(const ModelParameters& params,
                         std::array<double, kMaxLevels> FieldProbabilities::*which) {
  double product = 1;
  for (Field f : {Field::kSurname, Field::kGivenName, Field::kPatronymic}) {
    const auto& p = params.fields[FieldIndex(f)].*which;
    product *= p[name_level::kExact] + p[name_level::kEquivalent];
  }
  return product;
}

bool MatchModel::FullNameAgrees(const ComparisonVector& v) {
  for (Field f : {Field::kSurname, Field::kGivenName, Field::kPatronymic}) {
    const std::uint8_t level = v[FieldIndex(f)];
    if (level != name_level::kExact && level != name_level::kEquivalent) return false;
  }
  return true;
}

bool MatchModel::FullNameAgreesButForASlip(const ComparisonVector& v) {
  const std::uint8_t surname = v[FieldIndex(Field::kSurname)];
  if (surname == kLevelMissing || surname == name_level::kDifferent) return false;
  for (Field f : {Field::kGivenName, Field::kPatronymic}) {
    const std::uint8_t level = v[FieldIndex(f)];
    if (level != name_level::kExact && level != name_level::kEquivalent) return false;
  }
  return true;
}

float MatchModel::NamesakeLimit(const ComparisonVector& v, float names_tf) const {
  if (namesake_term_ <= 0 || !FullNameAgreesButForASlip(v)) return 0;
  double names = names_tf;
  for (Field f : {Field::kSurname, Field::kGivenName, Field::kPatronymic}) {
    names += weights_[FieldIndex(f)][v[FieldIndex(f)]];
  }
  // -log2(2^-W + s/m) - W, written so that it stays exact for large W.
  return static_cast<float>(-std::log2(1.0 + namesake_term_ * std::exp2(names)));
}

float MatchModel::DateAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                 const RecordKeys& b) {
  if (v[FieldIndex(Field::kBirthDate)] != date_level::kDifferent) return 0;
  if (a.birth.year == 0 || b.birth.year == 0) return 0;
  const bool another_year = !YearsOneSlipApart(a.birth.year, b.birth.year);
  if (a.birth.day == 0 || b.birth.day == 0) {
    // One side knows only the year (or month and year): the year is all there is to go by.
    return another_year ? kOtherBirthDateWeight : 0.0f;
  }
  const int years = std::abs(static_cast<int>(a.birth.year) - static_cast<int>(b.birth.year));
  const bool other_month = a.birth.month != b.birth.month;
  const bool other_day = a.birth.day != b.birth.day;
  const bool another_birthday =
      (years >= 2 && other_month && other_day) || (another_year && (other_month || other_day));
  return another_birthday ? kOtherBirthDateWeight : 0.0f;
}

float MatchModel::SurnameAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                    const RecordKeys& b) const {
  const std::uint8_t level = v[FieldIndex(Field::kSurname)];
  if (a.surname >= tf_.surname.size() || b.surname >= tf_.surname.size()) return 0;
  if (level == name_level::kExact) return tf_.surname[a.surname];
  // A misspelt surname is itself rare; the other spelling, the more common of the two, says
  // how many people a random record could be confused with.
  if (level == name_level::kSimilar || level == name_level::kClose) {
    return std::min(tf_.surname[a.surname], tf_.surname[b.surname]);
  }
  return 0;
}

float MatchModel::PatronymicAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                       const RecordKeys& b) const {
  const std::uint8_t p = v[FieldIndex(Field::kPatronymic)];
  if (p != name_level::kExact && p != name_level::kEquivalent) return 0;
  if (a.patronymic_group >= tf_.patronymic_group.size()) return 0;
  return a.patronymic_group == b.patronymic_group ? tf_.patronymic_group[a.patronymic_group] : 0;
}

float MatchModel::GivenNameAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                      const RecordKeys& b) const {
  const std::uint8_t g = v[FieldIndex(Field::kGivenName)];
  if ((g == name_level::kExact || g == name_level::kEquivalent) &&
      a.given_group < tf_.given_group.size() && a.given_group == b.given_group) {
    return tf_.given_group[a.given_group];
  }
  if (g == name_level::kDifferent && (a.given_is_known || b.given_is_known)) {
    return kOtherGivenNameWeight;
  }
  return 0;
}

float MatchModel::PlaceAdjustment(const ComparisonVector& v, const RecordKeys& a) const {
  if (v[FieldIndex(Field::kBirthPlace)] != code_level::kExact) return 0;
  return a.birth_place < tf_.birth_place.size() ? tf_.birth_place[a.birth_place] : 0;
}

float MatchModel::ValueAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                  const RecordKeys& b) const {
  const float names =
      SurnameAdjustment(v, a, b) + GivenNameAdjustment(v, a, b) + PatronymicAdjustment(v, a, b);
  return names + NamesakeLimit(v, names) + DateAdjustment(v, a, b) + PlaceAdjustment(v, a);
}

double MatchModel::Probability(double weight) const {
  return 1.0 / (1.0 + std::exp2(-(prior_log2_odds_ + weight)));
}

double MatchModel::WeightForProbability(double p) const {
  p = std::clamp(p, 1e-12, 1.0 - 1e-12);
  return std::log2(p / (1.0 - p)) - prior_log2_odds_;
}

std::array<FieldWeight, kFieldCount> MatchModel::Explain(const ComparisonVector& v,
                                                         const RecordKeys& a,
                                                         const RecordKeys& b) const {
  std::array<FieldWeight, kFieldCount> out{};
  for (int f = 0; f < kFieldCount; ++f) {
    out[f] = {static_cast<Field>(f), v[f], weights_[f][v[f]]};
  }
  const int surname = FieldIndex(Field::kSurname);
  const int given = FieldIndex(Field::kGivenName);
  const int patronymic = FieldIndex(Field::kPatronymic);
  const float surname_tf = SurnameAdjustment(v, a, b);
  const float given_tf = GivenNameAdjustment(v, a, b);
  const float patronymic_tf = PatronymicAdjustment(v, a, b);
  out[surname].weight += surname_tf;
  out[given].weight += given_tf;
  out[patronymic].weight += patronymic_tf;
  out[FieldIndex(Field::kBirthDate)].weight += DateAdjustment(v, a, b);
  out[FieldIndex(Field::kBirthPlace)].weight += PlaceAdjustment(v, a);
  // The namesake limit is the three names' together: each gives up its share of what they
  // weigh, so that the fields still add up to the pair's weight.
  if (const float limit = NamesakeLimit(v, surname_tf + given_tf + patronymic_tf); limit < 0) {
    float positive = 0;
    for (int f : {surname, given, patronymic}) positive += std::max(0.0f, out[f].weight);
    for (int f : {surname, given, patronymic}) {
      out[f].weight += positive > 0 ? limit * std::max(0.0f, out[f].weight) / positive : limit / 3;
    }
  }
  return out;
}

}  // namespace parley::link
