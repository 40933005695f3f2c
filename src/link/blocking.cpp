#include "link/blocking.h"

#include <algorithm>
#include <unordered_set>

namespace parley::link {
namespace {

std::uint64_t Mix(std::uint64_t x) {
  // splitmix64's finaliser: spreads ids so that keys of different rules do not line up.
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t Combine(std::uint64_t rule, std::initializer_list<std::uint64_t> parts) {
  std::uint64_t h = Mix(rule);
  for (std::uint64_t p : parts) {
    if (p == 0) return 0;
    h = Mix(h ^ p);
  }
  return h == 0 ? 1 : h;
}

std::uint64_t FullDate(const PackedDate& d) {
  if (d.day == 0) return 0;
  return (static_cast<std::uint64_t>(d.year) << 16) | (d.month << 8) | d.day;
}

struct KeyedRecord {
  std::uint64_t key;
  std::uint32_t index;
  friend bool operator<(const KeyedRecord& a, const KeyedRecord& b) {
    return a.key < b.key || (a.key == b.key && a.index < b.index);
  }
};

std::vector<KeyedRecord> SortedKeys(const std::vector<std::vector<std::uint64_t>>& keys, int rule) {
  std::vector<KeyedRecord> out;
  out.reserve(keys[rule].size());
  for (std::uint32_t i = 0; i < keys[rule].size(); ++i) {
    if (keys[rule][i] != 0) out.push_back({keys[rule][i], i});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::vector<std::uint64_t>> AllKeys(const PreparedList& list) {
  std::vector<std::vector<std::uint64_t>> keys(kBlockingRuleCount);
  for (int rule = 0; rule < kBlockingRuleCount; ++rule) {
    keys[rule].reserve(list.Size());
    for (const RecordKeys& k : list.keys) keys[rule].push_back(BlockingKey(rule, k));
  }
  return keys;
}

class PairCollector {
 public:
  PairCollector(const std::vector<std::vector<std::uint64_t>>& left_keys,
                const std::vector<std::vector<std::uint64_t>>& right_keys,
                std::vector<CandidatePair>& out)
      : left_keys_(left_keys), right_keys_(right_keys), out_(out) {}

  // True when an earlier rule already produced (l, r).
  [[nodiscard]] bool SeenBefore(int rule, std::uint32_t l, std::uint32_t r) const {
    for (int j = 0; j < rule; ++j) {
      const std::uint64_t k = left_keys_[j][l];
      if (k != 0 && k == right_keys_[j][r] && !capped_[j].contains(k)) return true;
    }
    return false;
  }
  void Add(int rule, std::uint32_t l, std::uint32_t r, BlockingStats& stats) {
    if (SeenBefore(rule, l, r)) return;
    out_.push_back({l, r});
    ++stats.pairs_by_rule[rule];
  }
  void Cap(int rule, std::uint64_t key) { capped_[rule].insert(key); }

 private:
  const std::vector<std::vector<std::uint64_t>>& left_keys_;
  const std::vector<std::vector<std::uint64_t>>& right_keys_;
  std::vector<CandidatePair>& out_;
  std::array<std::unordered_set<std::uint64_t>, kBlockingRuleCount> capped_;
};

}  // namespace

std::string_view BlockingRuleName(int rule) {
  static constexpr std::array<std::string_view, kBlockingRuleCount> kNames = {
      "surname_phonetic+birth_year",
      "given_group+birth_date",
      "surname+given_group",
      "service_number",
      "given_group+patronymic_group+birth_year",
      "surname+given_group+birth_year",
      "surname+given_group+patronymic_group"};
  return kNames[rule];
}

std::uint64_t BlockingKey(int rule, const RecordKeys& k) {
  const std::uint64_t r = static_cast<std::uint64_t>(rule) + 1;
  switch (rule) {
    case 0:
      return Combine(r, {k.surname_phonetic, k.birth.year});
    case 1:
      return Combine(r, {k.given_group, FullDate(k.birth)});
    case 2:
      return Combine(r, {k.surname, k.given_group});
    case 3:
      return Combine(r, {k.service_roman});
    case 4:
      return Combine(r, {k.given_group, k.patronymic_group, k.birth.year});
    case 5:
      return Combine(r, {k.surname, k.given_group, k.birth.year});
    case 6:
      return Combine(r, {k.surname, k.given_group, k.patronymic_group});
    default:
      return 0;
  }
}

bool RuleAgrees(int rule, const RecordKeys& a, const RecordKeys& b) {
  const bool same_year = a.birth.year != 0 && a.birth.year == b.birth.year;
  const bool same_given = a.given_group != 0 && a.given_group == b.given_group;
  switch (rule) {
    case 0:
      return same_year && a.surname_phonetic != 0 && a.surname_phonetic == b.surname_phonetic;
    case 1:
      return same_given && a.birth.day != 0 && a.birth.year == b.birth.year &&
             a.birth.month == b.birth.month && a.birth.day == b.birth.day;
    case 2:
      return same_given && a.surname != 0 && a.surname == b.surname;
    case 3:
      return a.service_roman != 0 && a.service_roman == b.service_roman;
    case 4:
      return same_given && same_year && a.patronymic_group != 0 &&
             a.patronymic_group == b.patronymic_group;
    case 5:
      return same_given && same_year && a.surname != 0 && a.surname == b.surname;
    case 6:
      return same_given && a.surname != 0 && a.surname == b.surname && a.patronymic_group != 0 &&
             a.patronymic_group == b.patronymic_group;
    default:
      return false;
  }
}

std::vector<CandidatePair> GenerateCandidates(const PreparedList& left, const PreparedList* right,
                                              const BlockingOptions& options,
                                              BlockingStats* stats_out) {
  BlockingStats stats;
  const bool dedupe = right == nullptr;
  const auto left_keys = AllKeys(left);
  const auto right_keys = dedupe ? std::vector<std::vector<std::uint64_t>>{} : AllKeys(*right);
  const auto& rkeys = dedupe ? left_keys : right_keys;
  std::vector<CandidatePair> out;
  PairCollector collector(left_keys, rkeys, out);
  for (int rule = 0; rule < kBlockingRuleCount; ++rule) {
    const std::vector<KeyedRecord> ls = SortedKeys(left_keys, rule);
    const std::vector<KeyedRecord> rs =
        dedupe ? std::vector<KeyedRecord>{} : SortedKeys(rkeys, rule);
    const std::vector<KeyedRecord>& rsorted = dedupe ? ls : rs;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < ls.size() && j < rsorted.size()) {
      if (ls[i].key < rsorted[j].key) {
        ++i;
        continue;
      }
      if (rsorted[j].key < ls[i].key) {
        ++j;
        continue;
      }
      const std::uint64_t key = ls[i].key;
      std::size_t i_end = i;
      while (i_end < ls.size() && ls[i_end].key == key) ++i_end;
      std::size_t j_end = j;
      while (j_end < rsorted.size() && rsorted[j_end].key == key) ++j_end;
      const std::uint64_t n_l = i_end - i;
      const std::uint64_t n_r = j_end - j;
      const std::uint64_t block_pairs = dedupe ? n_l * (n_l - 1) / 2 : n_l * n_r;
      if (block_pairs > options.max_block_pairs) {
        collector.Cap(rule, key);
        ++stats.capped_blocks[rule];
        stats.capped_pairs[rule] += block_pairs;
      } else if (dedupe) {
        for (std::size_t a = i; a < i_end; ++a) {
          for (std::size_t b = a + 1; b < i_end; ++b) {
            collector.Add(rule, ls[a].index, ls[b].index, stats);
          }
        }
      } else {
        for (std::size_t a = i; a < i_end; ++a) {
          for (std::size_t b = j; b < j_end; ++b) {
            collector.Add(rule, ls[a].index, rsorted[b].index, stats);
          }
        }
      }
      i = i_end;
      j = j_end;
    }
  }
  if (stats_out != nullptr) *stats_out = stats;
  return out;
}

}  // namespace parley::link
