#include "link/linker.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/try.h"
#include "link/assignment.h"
#include "link/clustering.h"

namespace parley::link {

namespace {

// Both rows carry a full birth date and they agree but for one slip. Rows without one, or
// with only a year, may be namesakes born years apart: when unsure, two register rows stay
// rivals (the safe side: the request's pairs go to a reviewer).
bool BirthDatesAgree(const ComparisonVector& v) {
  const std::uint8_t d = v[FieldIndex(Field::kBirthDate)];
  return d == date_level::kExact || d == date_level::kSwapped || d == date_level::kSameYear ||
         d == date_level::kYearNear;
}

}  // namespace

// A pair scored at least this (what auto-accept trusts) joins its two records in one cluster
// even where a decisive field disagrees (Cluster()).
constexpr double kTrustedDespiteConflict = 0.99;

bool RecordsConflict(const ComparisonVector& v) {
  return v[FieldIndex(Field::kBirthDate)] == date_level::kDifferent ||
         v[FieldIndex(Field::kPatronymic)] == name_level::kDifferent ||
         v[FieldIndex(Field::kServiceNumber)] == code_level::kDifferent;
}

double RivalWeight(double lambda, double held_share, double others) {
  const double held = std::clamp(held_share, 0.0, kMaxHeldShare);
  return std::log2(1.0 - lambda) - std::log2((1.0 - held) + lambda * std::max(0.0, others));
}

std::array<FieldWeight, kFieldCount> Linkage::Explain(const LinkedPair& p) const {
  return model_.Explain(FromPatternCode(p.pattern), left_.Name(p.left, p.names.left),
                        Right().Name(p.right, p.names.right));
}

std::string_view Linkage::NameUsed(const LinkedPair& p, bool left_side) const {
  const PreparedList& list = left_side ? left_ : Right();
  const std::uint32_t record = left_side ? p.left : p.right;
  const std::uint32_t name = left_side ? p.names.left : p.names.right;
  if (name == 0) return {};
  return list.alias_text[list.alias_begin[record] + name - 1];
}

bool Linkage::NamesCrossed(const LinkedPair& p) const {
  return Comparator(pool_).NamesCrossed(left_.Name(p.left, p.names.left),
                                        Right().Name(p.right, p.names.right));
}

// Runs the stages on a Linkage it fills in; a class only to share the state between them.
class LinkRunner {
 public:
  LinkRunner(Linkage& out, const LinkOptions& options) : out_(out), options_(options) {}

  Result<void> KeyRecords(std::span<const PersonRecord> left,
                          std::span<const PersonRecord>* right) {
    Progress("preparing", 0, 1);
    PARLEY_ASSIGN_OR_RETURN(out_.left_, PrepareList(left, out_.pool_, Threads()));
    if (right != nullptr) {
      PARLEY_ASSIGN_OR_RETURN(out_.right_, PrepareList(*right, out_.pool_, Threads()));
    }
    out_.same_list_ = right == nullptr;
    out_.weighs_rivals_ = options_.weigh_rivals && !out_.same_list_;
    out_.stats_.left_records = out_.left_.Size();
    out_.stats_.right_records = out_.Right().Size();
    Progress("preparing", 1, 1);
    return {};
  }

  void Run() {
    Progress("blocking", 0, 1);
    BlockingOptions blocking = options_.blocking;
    blocking.threads = Threads();
    blocking.pool = &out_.pool_;
    candidates_ = GenerateCandidatesOnAllNames(out_.left_, out_.same_list_ ? nullptr : &out_.right_,
                                               blocking, &out_.stats_.blocking);
    aliases_ = out_.left_.HasAliases() || out_.Right().HasAliases();
    KeepActivePairs();
    out_.stats_.candidates = candidates_.size();
    Progress("blocking", 1, 1);
    const Comparator comparator(out_.pool_);
    std::vector<TrainingSession> sessions = Sessions();
    PatternHistogram histogram = ComputePatterns(comparator, sessions);
    Progress("estimating", 0, 1);
    ModelParameters params = options_.parameters.value_or(DefaultParameters());
    if (!options_.parameters) Estimate(comparator, sessions, histogram, params);
    const TermFrequencies tf = CountTermFrequencies(params);
    out_.model_ = MatchModel(params);
    out_.model_.SetTermFrequencies(tf);
    if (!options_.parameters) {
      params.namesake_share = NamesakeShare(params);
      out_.model_ = MatchModel(params);
      out_.model_.SetTermFrequencies(tf);
    }
    Progress("estimating", 1, 1);
    Decide();
  }

 private:
  // Incremental runs: the pairs touching an active record. When rivals are weighed, a left
  // record with a candidate among the active right records is scored again whole, since a
  // new or changed right record is a new rival of its other pairs.
  void KeepActivePairs() {
    const auto& la = options_.left_active;
    const auto& ra = out_.same_list_ ? options_.left_active : options_.right_active;
    if (la.empty() && ra.empty()) return;
    auto right_active = [&](std::uint32_t r) { return r < ra.size() && ra[r]; };
    std::vector<bool> left_scored(out_.left_.Size(), false);
    for (std::size_t i = 0; i < std::min(la.size(), left_scored.size()); ++i) {
      left_scored[i] = la[i];
    }
    if (out_.weighs_rivals_) {
      for (const CandidatePair& c : candidates_) {
        if (right_active(c.right)) left_scored[c.left] = true;
      }
      out_.rescored_left_ = left_scored;
    }
    std::erase_if(candidates_, [&](const CandidatePair& c) {
      return !left_scored[c.left] && !right_active(c.right);
    });
  }

  void Estimate(const Comparator& comparator, const std::vector<TrainingSession>& sessions,
                const PatternHistogram& histogram, ModelParameters& params) {
    EstimateU(out_.left_, out_.Right(), out_.same_list_, comparator, options_.u_samples,
              options_.seed, params);
    out_.stats_.em = FitM(sessions, params);
    const double nl = static_cast<double>(out_.left_.Size());
    const double all_pairs =
        out_.same_list_ ? nl * (nl - 1) / 2 : nl * static_cast<double>(out_.Right().Size());
    out_.stats_.expected_matches = FitMatchProportion(histogram, all_pairs, params);
  }

  TermFrequencies CountTermFrequencies(const ModelParameters& params) const {
    if (!options_.term_frequency) return {};
    const auto& s = params.fields[FieldIndex(Field::kSurname)].u;
    const auto& g = params.fields[FieldIndex(Field::kGivenName)].u;
    const auto& p = params.fields[FieldIndex(Field::kPatronymic)].u;
    const auto& place = params.fields[FieldIndex(Field::kBirthPlace)].u;
    return TermFrequencies::Count(
        out_.left_.keys, out_.same_list_ ? std::span<const RecordKeys>{} : out_.right_.keys,
        out_.pool_.Size(), s[name_level::kExact],
        g[name_level::kExact] + g[name_level::kEquivalent],
        p[name_level::kExact] + p[name_level::kEquivalent], place[code_level::kExact]);
  }

  // ModelParameters::namesake_share, measured: the candidates whose three names agree but whose
  // birth dates are another birthday (MatchModel::DateAdjustment) are namesakes, each counted
  // as the model's chance that it is not one person after all (a duplicate with a wrong date),
  // over all pairs in which both records have a birth date; less the share the fields' u
  // multiplied expect (chance, which the weights already count). Candidates cover the
  // namesakes: blocking keys on names alone.
  double NamesakeShare(const ModelParameters& params) const {
    const MatchModel& model = out_.model_;
    const PreparedList& left = out_.left_;
    const PreparedList& right = out_.Right();
    // Which patterns are "one full name, birth dates that differ": a table, so that the pass
    // over every candidate is a lookup, not a decoding.
    std::vector<std::uint8_t> namesake_pattern(kPatternCount, 0);
    for (std::size_t code = 0; code < namesake_pattern.size(); ++code) {
      const ComparisonVector v = FromPatternCode(static_cast<Pattern>(code));
      namesake_pattern[code] = v[FieldIndex(Field::kBirthDate)] == date_level::kDifferent &&
                               MatchModel::FullNameAgrees(v);
    }
    std::vector<double> namesakes(Threads(), 0.0);
    ParallelInFixedOrder(candidates_.size(), [&](std::size_t begin, std::size_t end, int t) {
      for (std::size_t i = begin; i < end; ++i) {
        if (namesake_pattern[patterns_[i]] == 0) continue;
        const ComparisonVector v = FromPatternCode(patterns_[i]);
        const CandidatePair c = candidates_[i];
        const NamePick names = aliases_ ? picks_[i] : NamePick{};
        const RecordKeys& a = left.Name(c.left, names.left);
        const RecordKeys& b = right.Name(c.right, names.right);
        if (MatchModel::DateAdjustment(v, a, b) == 0) continue;
        namesakes[t] += 1.0 - model.Probability(model.Weight(v, a, b));
      }
    });
    double total = 0;
    for (double n : namesakes) total += n;
    auto dated = [](const PreparedList& list) {
      return static_cast<double>(
          std::count_if(list.keys.begin(), list.keys.end(),
                        [](const RecordKeys& k) { return k.birth.year != 0; }));
    };
    const double dl = dated(left);
    const double pairs = out_.same_list_ ? dl * (dl - 1) / 2 : dl * dated(right);
    if (pairs <= 0) return 0.0;
    return std::max(0.0, total / pairs - FullNameAgreement(params, &FieldProbabilities::u));
  }

  int Threads() const { return std::max(1, options_.threads); }

  void Progress(std::string_view stage, std::uint64_t done, std::uint64_t total) const {
    if (options_.progress) options_.progress(stage, done, total);
  }

  // Runs body(begin, end, thread) over `n` items in chunks that the threads take in turn.
  // Not one slice per thread: candidates come in blocking-rule order, and the later rules'
  // pairs (surnames that differ, so Jaro–Winkler runs) cost several times the earlier ones',
  // which left one thread working alone for a third of the scoring at scale.
  static constexpr std::size_t kChunk = 1 << 16;
  template <typename Body>
  void Parallel(std::size_t n, Body body) const {
    std::atomic<std::size_t> next{0};
    std::vector<std::jthread> workers;
    for (int t = 0; t < Threads(); ++t) {
      workers.emplace_back([&, t] {
        for (std::size_t begin = next.fetch_add(kChunk); begin < n;
             begin = next.fetch_add(kChunk)) {
          body(begin, std::min(n, begin + kChunk), t);
        }
      });
    }
  }

  // The same, but thread t always takes chunks t, t + threads, ... in order: for sums of
  // floating-point numbers per thread, which must come out the same on every run (the
  // explanations of two runs, or of two parties, must agree to the last digit).
  template <typename Body>
  void ParallelInFixedOrder(std::size_t n, Body body) const {
    const std::size_t stride = kChunk * static_cast<std::size_t>(Threads());
    std::vector<std::jthread> workers;
    for (int t = 0; t < Threads(); ++t) {
      workers.emplace_back([&, t] {
        for (std::size_t begin = kChunk * static_cast<std::size_t>(t); begin < n; begin += stride) {
          body(begin, std::min(n, begin + kChunk), t);
        }
      });
    }
  }

  // EM training sessions: (blocking rule, the fields it fixes). See estimation.h.
  static constexpr int kSessionRule[] = {1, 2, 0};
  static std::vector<TrainingSession> Sessions() {
    std::vector<TrainingSession> sessions(std::size(kSessionRule));
    for (auto& s : sessions) s.histogram.assign(kPatternCount, 0);
    auto ignore = [&](int s, Field f) { sessions[s].ignored[FieldIndex(f)] = true; };
    ignore(0, Field::kGivenName);  // given-name group + birth date
    ignore(0, Field::kBirthDate);
    ignore(1, Field::kSurname);  // surname + given-name group
    ignore(1, Field::kGivenName);
    ignore(2, Field::kSurname);  // phonetic surname + birth year
    ignore(2, Field::kBirthDate);
    return sessions;
  }

  PatternHistogram ComputePatterns(const Comparator& comparator,
                                   std::vector<TrainingSession>& sessions) {
    patterns_.resize(candidates_.size());
    if (aliases_) picks_.resize(candidates_.size());
    const std::size_t per_thread = 1 + sessions.size();
    std::vector<PatternHistogram> histograms(Threads() * per_thread,
                                             PatternHistogram(kPatternCount, 0));
    const auto& lk = out_.left_.keys;
    const auto& rk = out_.Right().keys;
    const std::size_t n = candidates_.size();
    std::atomic<std::size_t> scored{0};
    Parallel(n, [&](std::size_t begin, std::size_t end, int t) {
      PatternHistogram* h = &histograms[t * per_thread];
      for (std::size_t i = begin; i < end; ++i) {
        const CandidatePair c = candidates_[i];
        Pattern code = 0;
        const RecordKeys* a = &lk[c.left];
        const RecordKeys* b = &rk[c.right];
        // Only a pair with an alias takes the slower best-of-names path: the plain comparison
        // stays inlined in this loop, which is most of the scoring time.
        if (aliases_ && (a->alias_count != 0 || b->alias_count != 0)) {
          NamePick& pick = picks_[i];
          code =
              PatternCode(comparator.CompareBest(out_.left_, c.left, out_.Right(), c.right, &pick));
          a = &out_.left_.Name(c.left, pick.left);
          b = &out_.Right().Name(c.right, pick.right);
        } else {
          code = PatternCode(comparator.Compare(*a, *b));
        }
        patterns_[i] = code;
        ++h[0][code];
        for (std::size_t s = 0; s < std::size(kSessionRule); ++s) {
          if (RuleAgrees(kSessionRule[s], *a, *b)) ++h[1 + s][code];
        }
      }
      const std::size_t done = scored.fetch_add(end - begin) + (end - begin);
      if (t == 0) Progress("scoring", done, n);
    });
    Progress("scoring", 1, 1);
    PatternHistogram total(kPatternCount, 0);
    for (int t = 0; t < Threads(); ++t) {
      for (int c = 0; c < kPatternCount; ++c) {
        total[c] += histograms[t * per_thread][c];
        for (std::size_t s = 0; s < sessions.size(); ++s) {
          sessions[s].histogram[c] += histograms[t * per_thread + 1 + s][c];
        }
      }
    }
    return total;
  }

  void Decide() {
    const std::vector<float> weights = CandidateWeights();
    const MatchModel& model = out_.model_;
    const double min_weight = model.WeightForProbability(options_.threshold);
    const double lambda = model.Parameters().match_proportion;
    const double held = std::min(kMaxHeldShare, lambda * static_cast<double>(out_.Right().Size()));
    const std::vector<double> evidence =
        out_.weighs_rivals_ ? EvidencePerLeftRecord(weights) : std::vector<double>{};
    const std::unordered_map<std::size_t, double> same_person =
        out_.weighs_rivals_ ? SamePersonEvidence(weights, lambda, held)
                            : std::unordered_map<std::size_t, double>{};
    // No pair gains more from its rivals than a pair without any.
    const double max_gain = out_.weighs_rivals_ ? RivalWeight(lambda, held, 0) : 0.0;
    out_.rival_weight_alone_ = static_cast<float>(max_gain);
    std::vector<std::vector<LinkedPair>> kept(Threads());
    Parallel(candidates_.size(), [&](std::size_t begin, std::size_t end, int t) {
      for (std::size_t i = begin; i < end; ++i) {
        const float w = weights[i];
        if (w + max_gain < min_weight) continue;
        const CandidatePair c = candidates_[i];
        float rivals = 0;
        if (out_.weighs_rivals_) {
          double others = evidence[c.left] - std::exp2(static_cast<double>(w));
          if (auto it = same_person.find(i); it != same_person.end()) others -= it->second;
          rivals = static_cast<float>(RivalWeight(lambda, held, others));
        }
        const float total = w + rivals;
        if (total < min_weight) continue;
        const NamePick names = aliases_ ? picks_[i] : NamePick{};
        kept[t].push_back({c.left, c.right, total, static_cast<float>(model.Probability(total)),
                           patterns_[i], names, rivals});
      }
    });
    std::vector<LinkedPair>& matches = out_.matches_;
    for (auto& part : kept) matches.insert(matches.end(), part.begin(), part.end());
    std::sort(matches.begin(), matches.end(), [](const LinkedPair& a, const LinkedPair& b) {
      return a.left < b.left || (a.left == b.left && a.right < b.right);
    });
    if (out_.same_list_) {
      Cluster();
    } else if (options_.one_to_one) {
      KeepOneToOne();
    }
  }

  // Every candidate's match weight (its fields' evidence, without rivals).
  std::vector<float> CandidateWeights() const {
    const PreparedList& left = out_.left_;
    const PreparedList& right = out_.Right();
    std::vector<float> weights(candidates_.size());
    Parallel(candidates_.size(), [&](std::size_t begin, std::size_t end, int) {
      for (std::size_t i = begin; i < end; ++i) {
        const CandidatePair c = candidates_[i];
        const NamePick names = aliases_ ? picks_[i] : NamePick{};
        weights[i] =
            out_.model_.Weight(FromPatternCode(patterns_[i]), left.Name(c.left, names.left),
                               right.Name(c.right, names.right));
      }
    });
    return weights;
  }

  // Σ 2^weight over each left record's candidates (a double holds 2^±1000; weights stay
  // within ±100 bits).
  std::vector<double> EvidencePerLeftRecord(const std::vector<float>& weights) const {
    std::vector<std::vector<double>> sums(Threads(), std::vector<double>(out_.left_.Size(), 0.0));
    ParallelInFixedOrder(candidates_.size(), [&](std::size_t begin, std::size_t end, int t) {
      for (std::size_t i = begin; i < end; ++i) {
        sums[t][candidates_[i].left] += std::exp2(static_cast<double>(weights[i]));
      }
    });
    for (int t = 1; t < Threads(); ++t) {
      for (std::size_t k = 0; k < sums[0].size(); ++k) sums[0][k] += sums[t][k];
    }
    return std::move(sums[0]);
  }

  // Registers hold the same person twice (DOMAIN.md): two register rows that are one person
  // are not rivals for a request, they are both its partner. For each strong candidate (one
  // whose evidence could matter against "not held") of a left record with several: the summed
  // 2^weight of its fellow candidates whose right records match each other (no conflicting
  // field, birth dates that agree, probability ≥ kSamePersonProbability under the same
  // model), to be taken out of its rivals.
  std::unordered_map<std::size_t, double> SamePersonEvidence(const std::vector<float>& weights,
                                                             double lambda, double held) const {
    const double strong = std::log2(kStrongShare * (1.0 - held) / lambda);
    std::vector<std::pair<std::uint32_t, std::size_t>> by_left;  // (left record, candidate)
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      if (weights[i] >= strong) by_left.emplace_back(candidates_[i].left, i);
    }
    std::sort(by_left.begin(), by_left.end());
    const PreparedList& right = out_.Right();
    const Comparator comparator(out_.pool_);
    const double same_weight = out_.model_.WeightForProbability(kSamePersonProbability);
    std::unordered_map<std::size_t, double> out;
    for (std::size_t g = 0; g < by_left.size();) {
      std::size_t end = g;
      while (end < by_left.size() && by_left[end].first == by_left[g].first) ++end;
      for (std::size_t a = g; a < end; ++a) {
        for (std::size_t b = a + 1; b < end; ++b) {
          const std::size_t ia = by_left[a].second;
          const std::size_t ib = by_left[b].second;
          const std::uint32_t ra = candidates_[ia].right;
          const std::uint32_t rb = candidates_[ib].right;
          NamePick pick;
          const ComparisonVector v = comparator.CompareBest(right, ra, right, rb, &pick);
          if (RecordsConflict(v) || !BirthDatesAgree(v)) continue;
          const double w =
              out_.model_.Weight(v, right.Name(ra, pick.left), right.Name(rb, pick.right));
          if (w < same_weight) continue;
          out[ia] += std::exp2(static_cast<double>(weights[ib]));
          out[ib] += std::exp2(static_cast<double>(weights[ia]));
        }
      }
      g = end;
    }
    return out;
  }

  // The exact maximum-weight matching (assignment.h); a pair's gain is its match weight above
  // the threshold's (plus a hair, so that a pair at the threshold still counts).
  void KeepOneToOne() {
    const double min_weight = out_.model_.WeightForProbability(options_.threshold);
    std::vector<ScoredLink> links;
    links.reserve(out_.matches_.size());
    for (const LinkedPair& p : out_.matches_) {
      links.push_back({p.left, p.right, p.probability, p.weight - min_weight + 1e-3});
    }
    std::vector<std::size_t> keep = MaxWeightOneToOne(links);
    std::vector<LinkedPair> kept;
    kept.reserve(keep.size());
    for (std::size_t i : keep) kept.push_back(out_.matches_[i]);
    out_.matches_ = std::move(kept);
  }

  void Cluster() {
    std::vector<MatchEdge> edges;
    edges.reserve(out_.matches_.size());
    // Pairs the model holds to be one person although a decisive field disagrees (a service
    // number with a slip, beside the same name, date and place): their own disagreement was
    // weighed already. The conflict rule keeps a third record from chaining two people; it does
    // not overrule the model on the pair it scored.
    std::unordered_set<std::uint64_t> trusted;
    auto key = [](std::uint32_t a, std::uint32_t b) {
      return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    };
    for (const LinkedPair& p : out_.matches_) {
      edges.push_back({p.left, p.right, p.probability});
      if (p.probability >= kTrustedDespiteConflict) trusted.insert(key(p.left, p.right));
    }
    const Comparator comparator(out_.pool_);
    const PreparedList& list = out_.left_;
    out_.clusters_ =
        ClusterRecords(list.Size(), std::move(edges), [&](std::uint32_t a, std::uint32_t b) {
          if (trusted.contains(key(a, b))) return false;
          return RecordsConflict(comparator.CompareBest(list, a, list, b, nullptr));
        });
  }

  Linkage& out_;
  const LinkOptions& options_;
  std::vector<CandidatePair> candidates_;
  std::vector<Pattern> patterns_;
  bool aliases_ = false;         // either list has aliases: compare under the best names
  std::vector<NamePick> picks_;  // per candidate, when aliases_
};

Result<Linkage> LinkRecords(std::span<const PersonRecord> left, std::span<const PersonRecord> right,
                            const LinkOptions& options) {
  Linkage out;
  LinkRunner runner(out, options);
  PARLEY_TRY(runner.KeyRecords(left, &right));
  runner.Run();
  return out;
}

Result<Linkage> DedupeRecords(std::span<const PersonRecord> list, const LinkOptions& options) {
  Linkage out;
  LinkRunner runner(out, options);
  PARLEY_TRY(runner.KeyRecords(list, nullptr));
  runner.Run();
  return out;
}

}  // namespace parley::link
