#include "names/given_names.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "names/internal/belarusian_forms_table.h"
#include "names/internal/given_names_table.h"
#include "names/romanise_key.h"
#include "names/string_similarity.h"

namespace parley::names {
namespace {

struct IndexEntry {
  std::string key;
  GivenNameHit hit;
};

// Productive diminutive suffixes of Ukrainian and Russian given names, as skeleton keys
// (-ко/-ько, -ка/-ька, -чик, -ушка, -юша, -уся/-юся, -юня/-уня, -ок, -енька, -ечко, -очка,
// -онька, -ик), longest first where one ends another. -ик makes men's names only (Тарасик,
// Юрик; not a form of Марина or Олена); -уся, -юня and -ик are also added to a short name
// cut before its last vowel (Ол-юся, Ол-юня from Оля, Юр-ик from Юра).
struct DiminutiveSuffix {
  std::string_view key;
  bool on_short_names = false;
  bool male_only = false;
};
constexpr DiminutiveSuffix kDiminutiveSuffixes[] = {
    {"ushka"}, {"enka"},  {"onka"},        {"echko"},         {"ochka"},
    {"chik"},  {"iusha"}, {"iunia", true}, {"unia", true},    {"usia", true},
    {"ko"},    {"ka"},    {"ok"},          {"ik", true, true}};

// Sorted by key, so that all hits of one key are contiguous and LookupGivenNameKey can hand
// out a span into the index without allocating.
class GivenNameIndex {
 public:
  GivenNameIndex() {
    const auto rows = internal::GivenNameRows();
    std::vector<IndexEntry> entries;
    entries.reserve(rows.size() * 12);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = rows[i];
      const auto id = static_cast<GivenNameGroupId>(i);
      const Sex sex = row.sex == internal::TableSex::kMale ? Sex::kMale : Sex::kFemale;
      groups_.push_back({row.ukrainian, row.russian, sex, RomanKey(row.ukrainian).value_or(""),
                         RomanKey(row.russian).value_or("")});
      Add(entries, row.ukrainian, {id, NameFormKind::kOfficial, sex});
      Add(entries, row.russian, {id, NameFormKind::kOfficial, sex});
      AddList(entries, row.variants, {id, NameFormKind::kVariant, sex}, false);
      AddList(entries, row.diminutives, {id, NameFormKind::kDiminutive, sex}, false);
      AddList(entries, row.patronymics_uk, {id, NameFormKind::kPatronymic, Sex::kMale}, true);
      AddList(entries, row.patronymics_ru, {id, NameFormKind::kPatronymic, Sex::kMale}, true);
    }
    AddBelarusianForms(rows, entries);
    std::sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
      return std::tie(a.key, a.hit.group, a.hit.kind, a.hit.sex) <
             std::tie(b.key, b.hit.group, b.hit.kind, b.hit.sex);
    });
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const IndexEntry& a, const IndexEntry& b) {
                                return a.key == b.key && a.hit == b.hit;
                              }),
                  entries.end());
    keys_.reserve(entries.size());
    hits_.reserve(entries.size());
    for (auto& e : entries) {
      keys_.push_back(std::move(e.key));
      hits_.push_back(e.hit);
    }
    BuildDeletionIndex();
  }

  // Table keys within one edit (insertion, deletion, substitution or adjacent transposition)
  // of `key`, found through the one-deletion neighbourhoods of both sides.
  std::vector<GivenNameHit> FindNear(std::string_view key) const {
    std::vector<GivenNameHit> out;
    if (key.size() < kMinFuzzyLength) return out;
    std::vector<std::string_view> candidates;
    auto collect_deleted = [&](std::string_view probe) {
      auto [lo, hi] =
          std::equal_range(deletions_.begin(), deletions_.end(), probe,
                           [](const auto& a, const auto& b) { return ProbeOf(a) < ProbeOf(b); });
      for (auto it = lo; it != hi; ++it) candidates.push_back(keys_[it->second]);
    };
    auto collect_exact = [&](std::string_view probe) {
      auto it = std::lower_bound(keys_.begin(), keys_.end(), probe,
                                 [](const std::string& a, std::string_view b) { return a < b; });
      if (it != keys_.end() && *it == probe) candidates.push_back(*it);
    };
    collect_deleted(key);  // key has one letter fewer than a table key
    std::string deleted;
    for (std::size_t i = 0; i < key.size(); ++i) {
      deleted.assign(key.substr(0, i)).append(key.substr(i + 1));
      collect_exact(deleted);    // key has one letter more
      collect_deleted(deleted);  // one letter substituted or two transposed
    }
    for (std::string_view candidate : candidates) {
      if (candidate.size() < kMinFuzzyLength || EditDistance(key, candidate, 1) > 1) continue;
      // Every candidate views a key inside the index, never the scratch string.
      for (const auto& hit : Find(candidate)) {
        if (std::find(out.begin(), out.end(), hit) == out.end()) out.push_back(hit);
      }
    }
    return out;
  }

  // A name the table does not know, made from one it knows by a diminutive suffix
  // (Вадимко, Остапчик, Глебушка, Микитка, Володька, Тарасик): the stem left without the
  // suffix begins a known name's form (at least four letters of it, or all of it), and of one
  // group only. A shorter stem is also read as the short name it was cut from (Юр-ик from
  // Юра, Ол-юня from Оля) for the suffixes that are added to short names.
  std::vector<GivenNameHit> FindByDiminutiveSuffix(std::string_view key) const {
    std::vector<GivenNameHit> out;
    auto add = [&out](const GivenNameHit& hit, const DiminutiveSuffix& suffix) {
      if (hit.kind == NameFormKind::kPatronymic) return true;
      if (suffix.male_only && hit.sex != Sex::kMale) return true;
      if (!out.empty() && out.front().group != hit.group) return false;  // two names: no guess
      if (out.empty()) out.push_back({hit.group, NameFormKind::kDiminutive, hit.sex});
      return true;
    };
    for (const DiminutiveSuffix& suffix : kDiminutiveSuffixes) {
      if (key.size() <= suffix.key.size() || !key.ends_with(suffix.key)) continue;
      const std::string_view stem = key.substr(0, key.size() - suffix.key.size());
      if (suffix.on_short_names && stem.size() >= 2) {
        for (std::string_view ending : {"a", "ia"}) {
          for (const GivenNameHit& hit : Find(std::string(stem) + std::string(ending))) {
            if (!add(hit, suffix)) return {};
          }
        }
      }
      if (stem.size() < 3) continue;
      auto it = std::lower_bound(keys_.begin(), keys_.end(), stem,
                                 [](const std::string& a, std::string_view b) { return a < b; });
      for (; it != keys_.end() && it->starts_with(stem); ++it) {
        if (stem.size() < kMinDiminutiveStem && *it != stem) continue;
        for (const GivenNameHit& hit : Find(*it)) {
          if (!add(hit, suffix)) return {};
        }
      }
    }
    return out;
  }

  // The one group whose official form or variant is `stem`, or else begins with it and is at
  // most `max_cut` letters longer (Федор is Федір's, though Федора begins so too); nothing for
  // no group or for two.
  std::optional<GivenNameGroupId> GroupOfRoot(std::string_view stem, std::size_t max_cut) const {
    for (bool whole : {true, false}) {
      std::optional<GivenNameGroupId> group;
      auto it = std::lower_bound(keys_.begin(), keys_.end(), stem,
                                 [](const std::string& a, std::string_view b) { return a < b; });
      for (; it != keys_.end() && it->starts_with(stem); ++it) {
        if (whole ? it->size() != stem.size() : it->size() > stem.size() + max_cut) continue;
        for (const GivenNameHit& hit : Find(*it)) {
          if (hit.kind != NameFormKind::kOfficial && hit.kind != NameFormKind::kVariant) continue;
          if (group && *group != hit.group) return std::nullopt;
          group = hit.group;
        }
      }
      if (group) return group;
    }
    return std::nullopt;
  }

  std::span<const GivenNameHit> Find(std::string_view key) const {
    auto [lo, hi] = std::equal_range(
        keys_.begin(), keys_.end(), key,
        [](const auto& a, const auto& b) { return std::string_view(a) < std::string_view(b); });
    return std::span<const GivenNameHit>(hits_).subspan(
        static_cast<std::size_t>(lo - keys_.begin()), static_cast<std::size_t>(hi - lo));
  }

  const std::vector<GivenNameGroup>& groups() const { return groups_; }

 private:
  static void Add(std::vector<IndexEntry>& entries, std::string_view form, GivenNameHit hit) {
    auto key = RomanKey(form);
    // The table is constant data checked by the unit tests; a form that fails to key is
    // skipped rather than taking the process down.
    if (key && !key->empty()) entries.push_back({std::move(*key), hit});
  }

  // Belarusian forms join the group their row names by its Ukrainian official form.
  void AddBelarusianForms(std::span<const internal::GivenNameRow> rows,
                          std::vector<IndexEntry>& entries) const {
    for (const internal::BelarusianFormsRow& be : internal::BelarusianFormsRows()) {
      const auto row = std::find_if(rows.begin(), rows.end(), [&](const internal::GivenNameRow& r) {
        return r.ukrainian == be.group_ukrainian;
      });
      // A row naming no group is a data error the unit tests report; skipped here.
      if (row == rows.end()) continue;
      const auto id = static_cast<GivenNameGroupId>(row - rows.begin());
      const Sex sex = groups_[id].sex;
      AddList(entries, be.forms, {id, NameFormKind::kVariant, sex}, false);
      AddList(entries, be.patronymics, {id, NameFormKind::kPatronymic, Sex::kMale}, true);
    }
  }

  // Patronymic lists alternate masculine and feminine forms.
  static void AddList(std::vector<IndexEntry>& entries, std::string_view list, GivenNameHit hit,
                      bool alternate_sex) {
    std::size_t position = 0;
    while (!list.empty()) {
      const std::size_t bar = list.find('|');
      if (alternate_sex) hit.sex = position % 2 == 0 ? Sex::kMale : Sex::kFemale;
      Add(entries, list.substr(0, bar), hit);
      ++position;
      if (bar == std::string_view::npos) break;
      list.remove_prefix(bar + 1);
    }
  }

  static std::string_view ProbeOf(const std::pair<std::string, std::size_t>& entry) {
    return entry.first;
  }
  static std::string_view ProbeOf(std::string_view probe) { return probe; }

  void BuildDeletionIndex() {
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (k > 0 && keys_[k] == keys_[k - 1]) continue;  // one entry per distinct key
      const std::string& key = keys_[k];
      for (std::size_t i = 0; i < key.size(); ++i) {
        deletions_.emplace_back(key.substr(0, i) + key.substr(i + 1), k);
      }
    }
    std::sort(deletions_.begin(), deletions_.end());
    deletions_.erase(std::unique(deletions_.begin(), deletions_.end()), deletions_.end());
  }

  static constexpr std::size_t kMinFuzzyLength = 5;
  static constexpr std::size_t kMinDiminutiveStem = 4;

  std::vector<GivenNameGroup> groups_;
  std::vector<std::string> keys_;
  std::vector<GivenNameHit> hits_;
  std::vector<std::pair<std::string, std::size_t>> deletions_;  // (key minus one letter, key)
};

const GivenNameIndex& Index() {
  static const GivenNameIndex index;
  return index;
}

bool ShareGroup(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b, bool patronymic) {
  for (const auto& x : a) {
    if ((x.kind == NameFormKind::kPatronymic) != patronymic) continue;
    for (const auto& y : b) {
      if ((y.kind == NameFormKind::kPatronymic) != patronymic) continue;
      if (x.group == y.group) return true;
    }
  }
  return false;
}

}  // namespace

std::span<const GivenNameHit> LookupGivenNameKey(std::string_view key) { return Index().Find(key); }

std::vector<GivenNameHit> LookupGivenNameKeyNear(std::string_view key) {
  std::vector<GivenNameHit> near = Index().FindNear(key);
  return near.empty() ? Index().FindByDiminutiveSuffix(key) : near;
}

namespace {

// Suffixes that make a surname of a forefather's given name, as skeleton keys, longest first
// where one ends another (-чук before -ук), each with the suffix it is in the other language:
// Ukrainian -ів is Russian -ов (Петрів / Петров), as і stands for о in the stem.
struct SurnameSuffix {
  std::string_view key;
  std::string_view same_as;
};
constexpr SurnameSuffix kPatronymicSurnameSuffixes[] = {
    {"ovich", "ovich"}, {"evich", "evich"}, {"ishin", "ishin"}, {"ovsk", "ovsk"}, {"enko", "enko"},
    {"chuk", "chuk"},   {"iuk", "iuk"},     {"iak", "iak"},     {"uk", "uk"},     {"ik", "ik"},
    {"iv", "ov"},       {"ov", "ov"},       {"in", "in"}};
// Surname roots shorter than this are too many names' beginnings (Іва-, Пет-).
constexpr std::size_t kMinSurnameRoot = 4;
constexpr std::size_t kMaxRootCut = 2;

// The group and suffix of a surname made of one given name, if it is one.
std::optional<std::pair<GivenNameGroupId, std::string_view>> GivenNameRoot(std::string_view key) {
  for (const SurnameSuffix& suffix : kPatronymicSurnameSuffixes) {
    if (!key.ends_with(suffix.key) || key.size() < suffix.key.size() + kMinSurnameRoot) continue;
    const std::string_view root = key.substr(0, key.size() - suffix.key.size());
    if (auto group = Index().GroupOfRoot(root, kMaxRootCut))
      return std::pair{*group, suffix.same_as};
  }
  return std::nullopt;
}

}  // namespace

bool SurnamesOfOneGivenName(std::string_view a, std::string_view b) {
  if (a == b || a.find(' ') != std::string_view::npos || b.find(' ') != std::string_view::npos) {
    return false;
  }
  // Every suffix above ends as its other-language form does, but for -ів / -ов: a cheap test
  // that spares most pairs the table lookups (parley names compares each pair so).
  auto ending = [](std::string_view w) { return w.size() < 2 ? w : w.substr(w.size() - 2); };
  if (ending(a) != ending(b) && !(ending(a).ends_with('v') && ending(b).ends_with('v'))) {
    return false;
  }
  const auto root_a = GivenNameRoot(a);
  return root_a && root_a == GivenNameRoot(b);
}

std::vector<GivenNameHit> LookupGivenNameKeyDiminutive(std::string_view key) {
  return Index().FindByDiminutiveSuffix(key);
}

Result<std::vector<GivenNameHit>> LookupGivenName(std::string_view word) {
  auto key = RomanKey(word);
  if (!key) return std::unexpected(key.error());
  auto hits = LookupGivenNameKey(*key);
  return std::vector<GivenNameHit>(hits.begin(), hits.end());
}

std::size_t GivenNameGroupCount() { return Index().groups().size(); }

const GivenNameGroup& GivenNameGroupOf(GivenNameGroupId id) {
  assert(id < Index().groups().size());
  return Index().groups()[id];
}

bool SameGivenName(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b) {
  return ShareGroup(a, b, false);
}

bool SamePatronymic(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b) {
  return ShareGroup(a, b, true);
}

bool HasKind(std::span<const GivenNameHit> hits, NameFormKind kind) {
  return std::any_of(hits.begin(), hits.end(),
                     [kind](const GivenNameHit& h) { return h.kind == kind; });
}

}  // namespace parley::names
