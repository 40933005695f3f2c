#include "link/blocking.h"

#include <algorithm>
#include <atomic>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "names/romanise_key.h"

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
  // One-edit rules only: the record's surname id, with kWholeKey set when the entry's
  // neighbour is the surname's whole key rather than a deletion (SurnameNeighbourhoods).
  // Free: the struct's padding holds it.
  std::uint32_t surname = 0;
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

std::uint64_t DayMonthEitherOrder(const PackedDate& d) {
  if (d.day == 0 || d.month == 0) return 0;
  return (std::min(d.day, d.month) << 8) | std::max(d.day, d.month);
}

std::vector<std::vector<std::uint64_t>> AllKeys(const PreparedList& list) {
  std::vector<std::vector<std::uint64_t>> keys(kExactKeyRuleCount);
  for (int rule = 0; rule < kExactKeyRuleCount; ++rule) {
    keys[rule].reserve(list.Size());
    for (const RecordKeys& k : list.keys) keys[rule].push_back(BlockingKey(rule, k));
  }
  return keys;
}

using RuleKeys = std::vector<std::vector<std::uint64_t>>;  // [rule][record]

// Calls block(key, l_begin, l_end, r_begin, r_end) for every key present on both sides
// (in dedupe, `l` and `r` are the same array).
template <typename Block>
void ForEachBlock(const std::vector<KeyedRecord>& l, const std::vector<KeyedRecord>& r,
                  Block block) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < l.size() && j < r.size()) {
    if (l[i].key < r[j].key) {
      ++i;
    } else if (r[j].key < l[i].key) {
      ++j;
    } else {
      const std::uint64_t key = l[i].key;
      std::size_t i_end = i;
      while (i_end < l.size() && l[i_end].key == key) ++i_end;
      std::size_t j_end = j;
      while (j_end < r.size() && r[j_end].key == key) ++j_end;
      block(key, i, i_end, j, j_end);
      i = i_end;
      j = j_end;
    }
  }
}

// Runs body(rule) for every rule in [first, last) on `threads` threads; each rule runs on
// exactly one.
template <typename Body>
void ForEachRule(int threads, int first, int last, Body body) {
  std::atomic<int> next{first};
  std::vector<std::jthread> workers;
  for (int t = 0; t < std::max(1, threads); ++t) {
    workers.emplace_back([&] {
      for (int rule = next++; rule < last; rule = next++) body(rule);
    });
  }
}

constexpr std::uint32_t kWholeKey = 0x80000000u;

// The one-edit neighbourhood of every surname of the lists, by surname id: hashes of the key
// (first) and of each string made by deleting one of its letters (symmetric deletion). Keys
// are the name engine's ASCII skeletons with one byte per Cyrillic letter
// (names::OneBytePerLetter: a typo on ч, ш, я... is one deletion away, as it is in the Cyrillic
// the clerk typed), plus the deletions that break a folded group, plus the letters as typed
// and their deletions where the key is not made of them (RecordKeys::surname_letters: Ббенко meets
// Бабенко). Keys shorter than four letters keep only themselves: their deletions would join
// most short surnames.
class SurnameNeighbourhoods {
 public:
  SurnameNeighbourhoods(const StringPool& pool, const PreparedList& left,
                        const PreparedList* right) {
    for (const PreparedList* list : {&left, right}) {
      if (list == nullptr) continue;
      for (const RecordKeys& k : list->keys) Add(pool, k.surname, k.surname_letters);
    }
  }

  [[nodiscard]] std::span<const std::uint64_t> Of(const RecordKeys& k) const {
    const auto it = range_.find(Id(k.surname, k.surname_letters));
    if (it == range_.end()) return {};
    return std::span(hashes_).subspan(it->second.first, it->second.second);
  }

 private:
  static std::uint64_t Hash(std::string_view a, std::string_view b) {
    std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a over both parts, then mixed
    for (std::string_view part : {a, b}) {
      for (char c : part) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    }
    return Mix(h);
  }

  static std::uint64_t Id(std::uint32_t surname, std::uint32_t letters) {
    return (static_cast<std::uint64_t>(letters) << 32) | surname;
  }

  void Add(const StringPool& pool, std::uint32_t surname, std::uint32_t letters) {
    if (surname == 0 || range_.contains(Id(surname, letters))) return;
    const std::string_view plain = pool.View(surname);
    const std::string key = names::OneBytePerLetter(plain);
    const std::size_t first = hashes_.size();
    hashes_.push_back(Hash(key, {}));
    AddDeletions(key);
    // Two Cyrillic letters that together spell a folded group (т + с = "ts") typed in the wrong
    // order (Сатсюк / Стасюк) are one transposition apart in the skeleton, not in the folded
    // key. Deleting a letter of the group from the skeleton, then folding, meets the other
    // side's folded deletion; only those deletions are added (the rest are already there).
    if (key != plain && plain.size() >= 4) {
      for (std::size_t i = 0; i < plain.size(); ++i) {
        const std::string folded =
            names::OneBytePerLetter(std::string(plain.substr(0, i)).append(plain.substr(i + 1)));
        if (folded.size() + 1 != key.size()) hashes_.push_back(Hash(folded, {}));
      }
    }
    if (letters != 0) {
      const std::string_view typed = pool.View(letters);
      hashes_.push_back(Hash(typed, {}));
      AddDeletions(typed);
    }
    // Deleting either letter of a double letter gives one string: keep it once.
    const auto deletions = hashes_.begin() + static_cast<std::ptrdiff_t>(first) + 1;
    std::sort(deletions, hashes_.end());
    hashes_.erase(std::unique(deletions, hashes_.end()), hashes_.end());
    range_.emplace(Id(surname, letters),
                   std::pair(static_cast<std::uint32_t>(first),
                             static_cast<std::uint32_t>(hashes_.size() - first)));
  }

  void AddDeletions(std::string_view key) {
    if (key.size() < 4) return;
    for (std::size_t i = 0; i < key.size(); ++i) {
      hashes_.push_back(Hash(key.substr(0, i), key.substr(i + 1)));
    }
  }

  std::vector<std::uint64_t> hashes_;
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> range_;
};

// What a one-edit rule pairs the surname neighbourhood with.
std::uint64_t OneEditPartner(int rule, const RecordKeys& k) {
  switch (rule - kExactKeyRuleCount) {
    case 0:
      return k.given_group;
    case 1:
      return DayMonthEitherOrder(k.birth);
    default:
      return k.patronymic_group;
  }
}

// The keys of every record under a one-edit rule, sorted: one per surname neighbour.
std::vector<KeyedRecord> OneEditKeys(int rule, const PreparedList& list,
                                     const SurnameNeighbourhoods& neighbourhoods) {
  const std::uint64_t r = static_cast<std::uint64_t>(rule) + 1;
  std::vector<KeyedRecord> out;
  for (std::uint32_t i = 0; i < list.Size(); ++i) {
    const RecordKeys& k = list.keys[i];
    const std::uint64_t other = OneEditPartner(rule, k);
    if (other == 0) continue;
    const std::span<const std::uint64_t> neighbours = neighbourhoods.Of(k);
    for (std::size_t n = 0; n < neighbours.size(); ++n) {
      out.push_back({Combine(r, {neighbours[n], other}), i, k.surname | (n == 0 ? kWholeKey : 0)});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Two records of one surname share every neighbour of it, so their pair turns up in each of
// those blocks (a surname of 9 letters: 10 times). It is taken only in the block of the whole
// key, which both entries have and which is never larger than the others (a block of a
// deletion holds every record of the whole key's block).
bool SameSurnameOffItsKey(const KeyedRecord& a, const KeyedRecord& b) {
  return a.surname == b.surname && (a.surname & kWholeKey) == 0;
}

struct RulePair {
  CandidatePair pair;
  int rule;
};

// The one-edit rules' pairs that no exact-key rule found (`seen(l, r)`), each pair once, in
// pair order, appended to `out`. A pair shares several neighbours when the surnames are equal
// or nearly so, hence the sort and unique that the exact-key rules do not need.
template <typename Seen>
void AppendOneEditPairs(const PreparedList& left, const PreparedList* right,
                        const BlockingOptions& options, Seen seen, BlockingStats& stats,
                        std::vector<CandidatePair>& out) {
  const bool dedupe = right == nullptr;
  const SurnameNeighbourhoods neighbourhoods(*options.pool, left, right);
  std::vector<std::vector<RulePair>> found(kBlockingRuleCount);
  ForEachRule(options.threads, kExactKeyRuleCount, kBlockingRuleCount, [&](int rule) {
    const std::vector<KeyedRecord> l = OneEditKeys(rule, left, neighbourhoods);
    const std::vector<KeyedRecord> r =
        dedupe ? std::vector<KeyedRecord>{} : OneEditKeys(rule, *right, neighbourhoods);
    const std::vector<KeyedRecord>& other = dedupe ? l : r;
    ForEachBlock(
        l, other,
        [&](std::uint64_t, std::size_t i, std::size_t i_end, std::size_t j, std::size_t j_end) {
          const std::uint64_t n_l = i_end - i;
          const std::uint64_t pairs = dedupe ? n_l * (n_l - 1) / 2 : n_l * (j_end - j);
          if (pairs > options.max_block_pairs) {
            ++stats.capped_blocks[rule];
            stats.capped_pairs[rule] += pairs;
            return;
          }
          for (std::size_t a = i; a < i_end; ++a) {
            for (std::size_t b = dedupe ? a + 1 : j; b < j_end; ++b) {
              if (SameSurnameOffItsKey(l[a], other[b])) continue;
              if (!seen(l[a].index, other[b].index)) {
                found[rule].push_back({{l[a].index, other[b].index}, rule});
              }
            }
          }
        });
  });
  std::vector<RulePair> all;
  for (auto& f : found) all.insert(all.end(), f.begin(), f.end());
  std::sort(all.begin(), all.end(), [](const RulePair& a, const RulePair& b) {
    return std::tie(a.pair.left, a.pair.right, a.rule) <
           std::tie(b.pair.left, b.pair.right, b.rule);
  });
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k > 0 && all[k].pair == all[k - 1].pair) continue;
    out.push_back(all[k].pair);
    ++stats.pairs_by_rule[all[k].rule];
  }
}

}  // namespace

std::string_view BlockingRuleName(int rule) {
  static constexpr std::array<std::string_view, kBlockingRuleCount> kNames = {
      "surname_phonetic+birth_year",
      "given_group+birth_date",
      "surname+given_group",
      "service_number",
      "given_group+patronymic_group+birth_year",
      "surname+given_group+birth_year",
      "surname_vowels+given_group+patronymic_group",
      "patronymic_group+birth_date",
      "given_group+patronymic_group+day_month",
      "surname+patronymic_group",
      "surname+given_name_either_order+birth_year",
      "surname+given_name_either_order+patronymic_group",
      "surname_one_edit+given_group",
      "surname_one_edit+day_month",
      "surname_one_edit+patronymic_group"};
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
      return Combine(r, {k.surname_vowels, k.given_group, k.patronymic_group});
    case 7:
      return Combine(r, {k.patronymic_group, FullDate(k.birth)});
    case 8:
      return Combine(r, {k.given_group, k.patronymic_group, DayMonthEitherOrder(k.birth)});
    case 9:
      return Combine(r, {k.surname, k.patronymic_group});
    case 10:
      return Combine(r, {std::min(k.surname, k.given_as_surname),
                         std::max(k.surname, k.given_as_surname), k.birth.year});
    case 11:
      return Combine(r, {std::min(k.surname, k.given_as_surname),
                         std::max(k.surname, k.given_as_surname), k.patronymic_group});
    default:
      return 0;
  }
}

namespace {

// The surname and given name agree, written in the same or in each other's column.
bool NamesEitherOrder(const RecordKeys& a, const RecordKeys& b) {
  return a.surname != 0 && a.given_as_surname != 0 &&
         ((a.surname == b.surname && a.given_as_surname == b.given_as_surname) ||
          (a.surname == b.given_as_surname && a.given_as_surname == b.surname));
}

}  // namespace

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
      return same_given && a.surname_vowels != 0 && a.surname_vowels == b.surname_vowels &&
             a.patronymic_group != 0 && a.patronymic_group == b.patronymic_group;
    case 7:
      return a.patronymic_group != 0 && a.patronymic_group == b.patronymic_group &&
             FullDate(a.birth) != 0 && FullDate(a.birth) == FullDate(b.birth);
    case 8:
      return same_given && a.patronymic_group != 0 && a.patronymic_group == b.patronymic_group &&
             DayMonthEitherOrder(a.birth) != 0 &&
             DayMonthEitherOrder(a.birth) == DayMonthEitherOrder(b.birth);
    case 9:
      return a.surname != 0 && a.surname == b.surname && a.patronymic_group != 0 &&
             a.patronymic_group == b.patronymic_group;
    case 10:
      return same_year && NamesEitherOrder(a, b);
    case 11:
      return a.patronymic_group != 0 && a.patronymic_group == b.patronymic_group &&
             NamesEitherOrder(a, b);
    default:
      return false;
  }
}

std::vector<CandidatePair> GenerateCandidates(const PreparedList& left, const PreparedList* right,
                                              const BlockingOptions& options,
                                              BlockingStats* stats_out) {
  BlockingStats stats;
  const bool dedupe = right == nullptr;
  const RuleKeys left_keys = AllKeys(left);
  const RuleKeys right_keys = dedupe ? RuleKeys{} : AllKeys(*right);
  const RuleKeys& rkeys = dedupe ? left_keys : right_keys;
  auto block_pairs = [dedupe](std::uint64_t n_l, std::uint64_t n_r) {
    return dedupe ? n_l * (n_l - 1) / 2 : n_l * n_r;
  };
  // Phase one, rules in parallel: sort each rule's keys and find its oversized blocks. Phase
  // two needs every earlier rule's capped blocks to decide whether a pair is new.
  std::vector<std::vector<KeyedRecord>> ls(kExactKeyRuleCount);
  std::vector<std::vector<KeyedRecord>> rs(kExactKeyRuleCount);
  std::array<std::unordered_set<std::uint64_t>, kExactKeyRuleCount> capped;
  ForEachRule(options.threads, 0, kExactKeyRuleCount, [&](int rule) {
    ls[rule] = SortedKeys(left_keys, rule);
    if (!dedupe) rs[rule] = SortedKeys(rkeys, rule);
    ForEachBlock(
        ls[rule], dedupe ? ls[rule] : rs[rule],
        [&](std::uint64_t key, std::size_t i, std::size_t i_end, std::size_t j, std::size_t j_end) {
          const std::uint64_t pairs = block_pairs(i_end - i, j_end - j);
          if (pairs <= options.max_block_pairs) return;
          capped[rule].insert(key);
          ++stats.capped_blocks[rule];
          stats.capped_pairs[rule] += pairs;
        });
  });
  // A pair found by rule k is dropped if an earlier rule produced it: equal keys under that
  // rule, in a block that was not capped.
  auto seen_before = [&](int rule, std::uint32_t l, std::uint32_t r) {
    for (int j = 0; j < rule; ++j) {
      const std::uint64_t k = left_keys[j][l];
      if (k != 0 && k == rkeys[j][r] && !capped[j].contains(k)) return true;
    }
    return false;
  };
  // Phase two, rules in parallel: each rule's new pairs, concatenated in rule order.
  std::vector<std::vector<CandidatePair>> found(kExactKeyRuleCount);
  ForEachRule(options.threads, 0, kExactKeyRuleCount, [&](int rule) {
    const auto& l = ls[rule];
    const auto& r = dedupe ? ls[rule] : rs[rule];
    auto& out = found[rule];
    auto add = [&](std::uint32_t a, std::uint32_t b) {
      if (!seen_before(rule, a, b)) out.push_back({a, b});
    };
    ForEachBlock(
        l, r,
        [&](std::uint64_t key, std::size_t i, std::size_t i_end, std::size_t j, std::size_t j_end) {
          if (capped[rule].contains(key)) return;
          for (std::size_t a = i; a < i_end; ++a) {
            for (std::size_t b = dedupe ? a + 1 : j; b < j_end; ++b) {
              add(l[a].index, r[b].index);
            }
          }
        });
    stats.pairs_by_rule[rule] = out.size();
    std::vector<KeyedRecord>().swap(ls[rule]);  // free the sorted keys as soon as possible
    if (!dedupe) std::vector<KeyedRecord>().swap(rs[rule]);
  });
  std::size_t total = 0;
  for (const auto& f : found) total += f.size();
  std::vector<CandidatePair> out;
  out.reserve(total);
  for (auto& f : found) {
    out.insert(out.end(), f.begin(), f.end());
    std::vector<CandidatePair>().swap(f);
  }
  if (options.pool != nullptr) {
    AppendOneEditPairs(
        left, right, options,
        [&](std::uint32_t l, std::uint32_t r) { return seen_before(kExactKeyRuleCount, l, r); },
        stats, out);
  }
  if (stats_out != nullptr) *stats_out = stats;
  return out;
}

namespace {

// The list with each alias appended as a record of its own; owner[k] is the record entry k
// belongs to. Blocking on it blocks every record under each of its names.
PreparedList WithAliasesAsRecords(const PreparedList& list, std::vector<std::uint32_t>& owner) {
  PreparedList out;
  out.keys = list.keys;
  out.keys.insert(out.keys.end(), list.alias_keys.begin(), list.alias_keys.end());
  owner.resize(out.keys.size());
  for (std::uint32_t i = 0; i < list.Size(); ++i) {
    owner[i] = i;
    if (list.alias_begin.empty()) continue;
    for (std::uint32_t a = list.alias_begin[i]; a < list.alias_begin[i + 1]; ++a) {
      owner[list.Size() + a] = i;
    }
  }
  return out;
}

}  // namespace

std::vector<CandidatePair> GenerateCandidatesOnAllNames(const PreparedList& left,
                                                        const PreparedList* right,
                                                        const BlockingOptions& options,
                                                        BlockingStats* stats) {
  if (!left.HasAliases() && (right == nullptr || !right->HasAliases())) {
    return GenerateCandidates(left, right, options, stats);
  }
  std::vector<std::uint32_t> left_owner;
  std::vector<std::uint32_t> right_owner;
  const PreparedList all_left = WithAliasesAsRecords(left, left_owner);
  PreparedList all_right;
  if (right != nullptr) all_right = WithAliasesAsRecords(*right, right_owner);
  std::vector<CandidatePair> found =
      GenerateCandidates(all_left, right == nullptr ? nullptr : &all_right, options, stats);
  // One byte per record, read for every found pair: small enough to stay in cache, unlike
  // the records' keys.
  auto alias_flags = [](const PreparedList& list) {
    std::vector<std::uint8_t> flags(list.Size());
    for (std::size_t i = 0; i < flags.size(); ++i) flags[i] = list.keys[i].alias_count != 0;
    return flags;
  };
  const std::vector<std::uint8_t> left_flags = alias_flags(left);
  const std::vector<std::uint8_t> right_flags =
      right == nullptr ? std::vector<std::uint8_t>{} : alias_flags(*right);
  const std::vector<std::uint8_t>& other_flags = right == nullptr ? left_flags : right_flags;
  const std::vector<std::uint32_t>& other_owner = right == nullptr ? left_owner : right_owner;
  // A pair of records without aliases is found once (blocking never repeats a pair) and is
  // mapped in place; a pair with an alias may be found under several names and is kept once.
  std::vector<CandidatePair> with_aliases;
  std::size_t kept = 0;
  for (const CandidatePair& c : found) {
    std::uint32_t l = left_owner[c.left];
    std::uint32_t r = other_owner[c.right];
    if (right == nullptr) {
      if (l == r) continue;  // a record and its own alias
      if (l > r) std::swap(l, r);
    }
    if (left_flags[l] == 0 && other_flags[r] == 0) {
      found[kept++] = {l, r};
    } else {
      with_aliases.push_back({l, r});
    }
  }
  found.resize(kept);
  std::sort(with_aliases.begin(), with_aliases.end(), [](CandidatePair a, CandidatePair b) {
    return a.left < b.left || (a.left == b.left && a.right < b.right);
  });
  with_aliases.erase(std::unique(with_aliases.begin(), with_aliases.end()), with_aliases.end());
  found.insert(found.end(), with_aliases.begin(), with_aliases.end());
  return found;
}

}  // namespace parley::link
