#include "plan/plan_checker.h"

#include <cstdlib>
#include <map>
#include <set>

namespace parley::plan {
namespace {

using rules::Balance;

std::string Who(const Candidate& c) {
  return std::string(rules::SideName(c.side)) + ":" + c.record.id;
}

// What the valid placements add up to, per side (0 = a, 1 = b): the limits are checked on it.
struct Tally {
  explicit Tally(const rules::Agreement& a) {
    for (int s = 0; s < 2; ++s) {
      phase_count[s].assign(a.phase_count + 1, 0);
      pool[s].assign(a.pools.size(), std::vector<std::int64_t>(a.phase_count + 1));
    }
  }
  std::vector<std::int64_t> phase_count[2];
  std::map<int, std::int64_t> category_count[2];
  std::int64_t total[2] = {0, 0};
  // per pool per phase: measure handed over in that phase
  std::vector<std::vector<std::int64_t>> pool[2];
};

// Whether the agreement lets `c` be where the plan puts them. True when they go and count
// toward the limits; false for people who stay, were dropped or may not go at all.
bool CheckPlacement(const rules::Agreement& a, const Candidate& c, const rules::Classification& cls,
                    std::vector<Violation>& out) {
  const std::string side = rules::SideName(c.side);
  if (!c.dropped.empty()) {
    if (c.phase > 0) {
      out.push_back({"dropped",
                     Who(c) + " was dropped (" + c.dropped + ") but is still planned in phase " +
                         std::to_string(c.phase),
                     side, c.record.id, c.phase});
    }
    return false;
  }
  if (cls.status == rules::Status::kEligible) {
    const rules::Category& cat = a.categories[cls.category];
    if (c.phase == 0 && cat.balance != Balance::kPool) {
      out.push_back({"all_for_all",
                     Who(c) + " is in category '" + cat.id + "' (" +
                         rules::BalanceName(cat.balance) + ") and must go, but is not planned",
                     side, c.record.id, 0});
    }
  }
  if (c.phase == 0) return false;
  if (cls.status == rules::Status::kExcluded) {
    const rules::Exclusion& e = a.exclusions[cls.exclusion];
    out.push_back({"eligibility",
                   Who(c) + " is excluded by rule '" + e.id + "'" +
                       (e.reason.empty() ? "" : " (" + e.reason + ")") +
                       " but is planned in phase " + std::to_string(c.phase),
                   side, c.record.id, c.phase});
    return false;
  }
  if (cls.status == rules::Status::kIneligible) {
    out.push_back({"eligibility",
                   Who(c) + " fits no category of the agreement but is planned in phase " +
                       std::to_string(c.phase),
                   side, c.record.id, c.phase});
    return false;
  }
  const rules::Category& cat = a.categories[cls.category];
  if (!cat.AllowsPhase(c.phase)) {
    out.push_back(
        {"category_phase",
         Who(c) + " (category '" + cat.id + "') may not go in phase " + std::to_string(c.phase),
         side, c.record.id, c.phase});
  }
  return true;
}

void Count(const rules::Agreement& a, const Candidate& c, const rules::Classification& cls,
           Tally& tally) {
  const int s = c.side == Side::kA ? 0 : 1;
  const rules::Category& cat = a.categories[cls.category];
  tally.phase_count[s][c.phase] += 1;
  tally.category_count[s][cls.category] += 1;
  tally.total[s] += 1;
  if (cat.balance == Balance::kPool) {
    std::int64_t m = a.pools[cat.pool].measure == rules::Measure::kValue ? cls.value : 1;
    tally.pool[s][cat.pool][c.phase] += m;
  }
}

void CheckPerson(const rules::Agreement& a, const Candidate& c, bool reclassify,
                 std::set<std::pair<int, std::string>>& seen, Tally& tally,
                 std::vector<Violation>& out) {
  const int P = a.phase_count;
  const int s = c.side == Side::kA ? 0 : 1;
  const std::string side = rules::SideName(c.side);
  if (!seen.insert({s, c.record.id}).second) {
    out.push_back(
        {"duplicate_id", "id " + Who(c) + " appears more than once", side, c.record.id, c.phase});
  }
  if (c.phase < 0 || c.phase > P) {
    out.push_back({"phase_range",
                   Who(c) + " is in phase " + std::to_string(c.phase) + "; phases are 1.." +
                       std::to_string(P) + " (0 = stays)",
                   side, c.record.id, c.phase});
    return;
  }
  rules::Classification cls = reclassify ? rules::Classify(a, c.side, c.record) : c.rule;
  if (CheckPlacement(a, c, cls, out)) Count(a, c, cls, tally);
}

// Phase caps, category caps and the required total of one side.
void CheckSideLimits(const rules::Agreement& a, const Tally& tally, int s,
                     std::vector<Violation>& out) {
  const int P = a.phase_count;
  const std::string side = s == 0 ? "a" : "b";
  const std::string party = s == 0 ? a.party_a : a.party_b;
  if (!a.phase_caps.empty()) {
    for (int p = 1; p <= P; ++p) {
      if (tally.phase_count[s][p] > a.phase_caps[p - 1]) {
        out.push_back({"phase_cap",
                       party + " hands over " + std::to_string(tally.phase_count[s][p]) +
                           " in phase " + std::to_string(p) + "; the cap is " +
                           std::to_string(a.phase_caps[p - 1]),
                       side, "", p});
      }
    }
  }
  for (size_t c = 0; c < a.categories.size(); ++c) {
    const auto& cat = a.categories[c];
    auto it = tally.category_count[s].find(static_cast<int>(c));
    std::int64_t n = it == tally.category_count[s].end() ? 0 : it->second;
    if (cat.cap && n > *cat.cap) {
      out.push_back({"category_cap",
                     party + " hands over " + std::to_string(n) + " in category '" + cat.id +
                         "'; the cap is " + std::to_string(*cat.cap),
                     side, "", 0});
    }
  }
  if (a.required_total && tally.total[s] < *a.required_total) {
    out.push_back({"required_total",
                   party + " hands over " + std::to_string(tally.total[s]) +
                       " in all; the agreement requires at least " +
                       std::to_string(*a.required_total),
                   side, "", 0});
  }
}

// After every phase, each pool's running balance must stay within what may be owed.
void CheckPoolBalance(const rules::Agreement& a, const Tally& tally, std::vector<Violation>& out) {
  const int P = a.phase_count;
  for (size_t q = 0; q < a.pools.size(); ++q) {
    const rules::Pool& pool = a.pools[q];
    std::int64_t ca = 0, cb = 0;
    for (int p = 1; p <= P; ++p) {
      ca += tally.pool[0][q][p];
      cb += tally.pool[1][q][p];
      std::int64_t owed = pool.ratio_b * ca - pool.ratio_a * cb;
      if (std::llabs(owed) > pool.max_owed) {
        out.push_back({"balance",
                       "after phase " + std::to_string(p) + " pool '" + pool.id + "' has " +
                           std::to_string(ca) + " from side a and " + std::to_string(cb) +
                           " from side b (ratio " + std::to_string(pool.ratio_a) + ":" +
                           std::to_string(pool.ratio_b) + "): side " + (owed > 0 ? "a" : "b") +
                           " is owed " + std::to_string(std::llabs(owed)) + ", more than " +
                           std::to_string(pool.max_owed),
                       "", "", p});
      }
    }
  }
}

}  // namespace

std::vector<Violation> CheckAssignment(const rules::Agreement& a,
                                       const std::vector<Candidate>& people, bool reclassify) {
  std::vector<Violation> out;
  std::set<std::pair<int, std::string>> seen;
  Tally tally(a);
  for (const Candidate& c : people) CheckPerson(a, c, reclassify, seen, tally, out);
  for (int s = 0; s < 2; ++s) CheckSideLimits(a, tally, s, out);
  CheckPoolBalance(a, tally, out);
  return out;
}

}  // namespace parley::plan
