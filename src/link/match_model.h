// parley/link/match_model.h — the Fellegi–Sunter model: m and u per level, match weights,
// term-frequency adjustment, and the probability of a pair.
//
// For each field f and agreement level l, m = P(level l | same person) and u = P(level l |
// different people). A pair's match weight is Σ log2(m/u) over its fields; with λ the share of
// true matches among all pairs (u is measured on random pairs, so λ is too), its probability is 1 /
// (1 + 2^-(log2(λ/(1-λ)) + W)). "missing" always weighs 0: an absent value is no evidence either
// way.
//
// Term-frequency adjustment: agreeing on "Шевченко" is weaker evidence than agreeing on a rare
// surname, because two random people are more often both Шевченко. For the surname (exact; and
// similar or close, by the more common of the two spellings: Шевченко misspelt is still one of
// many Шевченко), the given name and the patronymic (exact or equivalent, by equivalence group:
// a patronymic is a father's given name, and fathers are named like everyone else) the weight
// of agreement becomes log2(m / tf(value)) instead of log2(m / u), where tf(value) is the
// value's share of records: the chance that a random record carries it. Stored as an additive
// adjustment log2(u / tf(value)) per interned id, clamped to [kMinTfAdjust, kMaxTfAdjust] so
// that one very rare name cannot outvote a contradicting birth date.
//
// Namesakes: the fields' weights add up as if they were independent, so a rare surname, given
// name and patronymic agreeing would be 2^-20 unlikely for two different people. They are not
// independent: sons are named after fathers, relatives and namesakes share whole names, and a
// list holds more of them than the product says (a generated 3,000-row request list held
// about ten such pairs of different people where the product expected three). So each run
// measures the share s of pairs of different people that carry one full name beyond the
// product (ModelParameters::namesake_share), and a full name's likelihood ratio becomes
// m / (u + s) instead of m / u, with u = m·2^-W the product the names' weight W stands for and
// m = P(full name agrees | same person) (s is a share of all full-name agreements, whatever
// their levels): W becomes -log2(2^-W + s/m). A common full name keeps its weight; a rare one
// weighs at most log2(m/s), so that it needs a birth date, a number or a place beside it to
// reach what auto-accept trusts.
//
// Partial levels are capped: never above "exact", never below "different", and for names
// similar ≤ close ≤ equivalent ≤ exact (a level random pairs never reach would otherwise get an
// enormous weight from u's Laplace count of one).
//
// Design: weights are a dense float table [field][level] and the TF adjustments are dense
// arrays indexed by pool id, so scoring a pair is a handful of loads and adds.
//
//   MatchModel model(params);
//   model.SetTermFrequencies(TermFrequencies::Count(left, right, pool.Size(), u_surname,
//                                                   u_given, u_patronymic, u_place));
//   double w = model.Weight(v, left.keys[i], right.keys[j]);
//   double p = model.Probability(w);
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "link/comparison.h"
#include "link/prepared_list.h"

namespace parley::link {

inline constexpr double kMinTfAdjust = -6.0;
inline constexpr double kMaxTfAdjust = 2.5;
// Two given names that differ (not one group, nor close or similar in spelling), at least one of
// which the table knows as one name (Ярослав / Игорь, Володя / Виктор, Антон / Лазарь; not
// Саша / Олександр, nor a misspelling): twins and brothers share surname, patronymic and often the
// birth date, so this must outweigh all of them together; EM cannot learn it, since such pairs are
// rare among the true matches of any one run. One known name is enough: the other, unknown to the
// table, is still a name far from it in spelling (one that begins as the known name does may be
// a diminutive the table lacks, and is "similar": Comparator::CompareNames). Added to the weight
// of "different" given names.
inline constexpr float kOtherGivenNameWeight = -16.0f;
// Another birthday, not a typo: two full dates that differ in year (by two or more), month and
// day alike, or in a year more than one slip of the pen away (not off by one, one digit or two
// neighbouring digits swapped) and in day or month; or, where one side knows only the year,
// years more than a slip apart. This is what tells a namesake (same surname, given name and
// patronymic, born years apart) from the person. Added to the weight of "different" dates.
inline constexpr float kOtherBirthDateWeight = -8.0f;

struct FieldProbabilities {
  std::array<double, kMaxLevels> m{};  // index 0 (missing) is unused
  std::array<double, kMaxLevels> u{};
};

struct ModelParameters {
  std::array<FieldProbabilities, kFieldCount> fields;
  double match_proportion = 1e-4;  // λ: the share of all pairs (left × right) that match
  // The share of pairs of *different* people that carry one full name (surname, given name and
  // patronymic all exact or equivalent) beyond what the fields' u multiplied expect, measured on
  // the lists; 0 when there are no more than that. See MatchModel::NamesakeLimit.
  double namesake_share = 0;
};

// The probability that the surname, given name and patronymic all agree (exact or
// equivalent) as the fields' probabilities multiplied: `which` is &FieldProbabilities::m (same
// person) or ::u (different people). The namesake share is measured and applied against it.
[[nodiscard]] double FullNameAgreement(const ModelParameters& params,
                                       std::array<double, kMaxLevels> FieldProbabilities::*which);

// Starting m probabilities: most true matches agree exactly, few are "different". EM refines
// them; they also serve when there are too few pairs to estimate anything.
[[nodiscard]] ModelParameters DefaultParameters();

// Per-value share of records, as TF adjustments indexed by pool id.
struct TermFrequencies {
  std::vector<float> surname;           // by surname id
  std::vector<float> given_group;       // by given-name group id
  std::vector<float> patronymic_group;  // by patronymic group id
  // By birth place id: Дніпро, where hundreds of thousands were born, says less than a village.
  std::vector<float> birth_place;
  // Counts values over the given lists (pass the same list twice for dedupe: shares are the
  // same). The u are the models' u of the levels adjusted (for the names, exact + equivalent).
  [[nodiscard]] static TermFrequencies Count(std::span<const RecordKeys> a,
                                             std::span<const RecordKeys> b, std::size_t pool_size,
                                             double u_surname_exact, double u_given_agree,
                                             double u_patronymic_agree, double u_place_exact);
};

// A field's contribution to a pair's weight, for explanations.
struct FieldWeight {
  Field field;
  std::uint8_t level;
  float weight;  // log2(m/u), with the TF adjustment when it applied
};

class MatchModel {
 public:
  MatchModel() : MatchModel(DefaultParameters()) {}
  explicit MatchModel(const ModelParameters& params);

  void SetTermFrequencies(TermFrequencies tf) { tf_ = std::move(tf); }

  [[nodiscard]] float LevelWeight(int field, std::uint8_t level) const {
    return weights_[field][level];
  }
  [[nodiscard]] float Weight(const ComparisonVector& v, const RecordKeys& a,
                             const RecordKeys& b) const {
    float w = 0;
    for (int f = 0; f < kFieldCount; ++f) w += weights_[f][v[f]];
    return w + ValueAdjustment(v, a, b);
  }
  // What the values themselves add: the TF adjustments (names and birth place),
  // kOtherGivenNameWeight, kOtherBirthDateWeight and the namesake limit.
  [[nodiscard]] float ValueAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                      const RecordKeys& b) const;
  // The surname's TF adjustment when it applies, else 0: exact by its own share; similar or
  // close (a misspelling) by the share of the more common of the two spellings.
  [[nodiscard]] float SurnameAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                        const RecordKeys& b) const;
  // The given name's TF adjustment when it applies, else 0.
  [[nodiscard]] float GivenNameAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                          const RecordKeys& b) const;
  // The patronymic's TF adjustment when it applies, else 0.
  [[nodiscard]] float PatronymicAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                           const RecordKeys& b) const;
  // The birth place's TF adjustment when the places are the same, else 0.
  [[nodiscard]] float PlaceAdjustment(const ComparisonVector& v, const RecordKeys& a) const;
  // What the namesake share takes off a pair whose three names agree (FullNameAgreesButForASlip),
  // given their summed TF adjustments: ≤ 0, and 0 without a share.
  [[nodiscard]] float NamesakeLimit(const ComparisonVector& v, float names_tf) const;
  // Whether the surname, given name and patronymic are all exact or equivalent.
  [[nodiscard]] static bool FullNameAgrees(const ComparisonVector& v);
  // The same, the surname perhaps one slip or a spelling off (similar or close): a namesake's
  // record may carry a slip as well as anyone's.
  [[nodiscard]] static bool FullNameAgreesButForASlip(const ComparisonVector& v);
  // kOtherBirthDateWeight when it applies, else 0.
  [[nodiscard]] static float DateAdjustment(const ComparisonVector& v, const RecordKeys& a,
                                            const RecordKeys& b);
  [[nodiscard]] double Probability(double weight) const;
  // The weight at which Probability() equals p.
  [[nodiscard]] double WeightForProbability(double p) const;
  [[nodiscard]] std::array<FieldWeight, kFieldCount> Explain(const ComparisonVector& v,
                                                             const RecordKeys& a,
                                                             const RecordKeys& b) const;
  [[nodiscard]] const ModelParameters& Parameters() const { return params_; }
  [[nodiscard]] double PriorLog2Odds() const { return prior_log2_odds_; }

 private:
  ModelParameters params_;
  std::array<std::array<float, kMaxLevels>, kFieldCount> weights_{};
  double prior_log2_odds_ = 0;
  // namesake share / P(full name agrees | same person); 0 without a share.
  double namesake_term_ = 0;
  TermFrequencies tf_;
};

}  // namespace parley::link
