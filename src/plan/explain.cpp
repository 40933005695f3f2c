#include "plan/explain.h"

#include <algorithm>

#include "plan/internal/class_model.h"
#include "plan/plan_json.h"
#include "plan/repair.h"
#include "rules/summary.h"

namespace parley::plan {
namespace {

std::string BalanceLine(const Plan& plan, int phase, int pool) {
  for (const PhaseSummary& s : plan.phases) {
    if (s.phase != phase) continue;
    const PoolBalance& b = s.pools[pool];
    return "after phase " + std::to_string(phase) + " pool '" + b.pool + "' stands at " +
           std::to_string(b.a) + " from side a and " + std::to_string(b.b) + " from side b (" +
           (b.owed == 0 ? std::string("even")
                        : "side " + std::string(b.owed > 0 ? "a" : "b") + " owed " +
                              std::to_string(b.owed > 0 ? b.owed : -b.owed)) +
           ", at most " + std::to_string(plan.agreement.pools[pool].max_owed) + " allowed)";
  }
  return "";
}

void ExplainIneligible(const rules::Agreement& a, const Candidate& c, Explanation& e) {
  e.verdict = "not eligible: fits no category of the agreement";
  for (const rules::Category& cat : a.categories) {
    if (!cat.Applies(c.side)) {
      e.details.push_back("not '" + cat.id + "': that category is for side " +
                          (c.side == Side::kA ? "b" : "a") + " only");
      continue;
    }
    for (const rules::Predicate& p : cat.when) {
      std::string why;
      if (!rules::Matches(p, c.record, a.date, &why)) {
        e.details.push_back("not '" + cat.id + "': " + why);
        break;
      }
    }
  }
}

// Where a person stands in their class: same side, category and value, in priority order.
struct ClassRank {
  std::vector<int> members;  // indices into plan.people, by priority
  int rank = 0;              // the person's place in `members`
  int last_admitted = -1;    // the lowest-ranked member who goes, or -1
};

ClassRank RankInClass(const Plan& plan, std::size_t idx) {
  const Candidate& c = plan.people[idx];
  ClassRank r;
  for (size_t i = 0; i < plan.people.size(); ++i) {
    const Candidate& o = plan.people[i];
    if (o.side == c.side && o.dropped.empty() && o.rule.status == rules::Status::kEligible &&
        o.rule.category == c.rule.category && o.rule.value == c.rule.value) {
      r.members.push_back(static_cast<int>(i));
    }
  }
  internal::SortByPriority(plan.agreement, plan.people, r.members);
  for (size_t k = 0; k < r.members.size(); ++k) {
    if (r.members[k] == static_cast<int>(idx)) r.rank = static_cast<int>(k);
    if (plan.people[r.members[k]].phase > 0) r.last_admitted = static_cast<int>(k);
  }
  return r;
}

void ExplainGoing(const Plan& plan, const Candidate& c, const std::string& position,
                  Explanation& e) {
  const rules::Agreement& a = plan.agreement;
  const rules::Category& cat = a.categories[c.rule.category];
  std::string when = "goes in phase " + std::to_string(c.phase);
  switch (cat.balance) {
    case rules::Balance::kOutside:
      e.verdict = when + ", outside the ratio: " + cat.title;
      break;
    case rules::Balance::kAllForAll:
      e.verdict = when + ", all for all: " + cat.title;
      break;
    case rules::Balance::kPool:
      e.verdict = when + " under category '" + cat.id + "' (" + cat.title +
                  "), balanced in pool '" + a.pools[cat.pool].id + "'";
      e.details.push_back(rules::DescribePool(a, a.pools[cat.pool]));
      e.details.push_back(BalanceLine(plan, c.phase, cat.pool));
      break;
  }
  e.details.push_back(position);
  if (c.phase <= plan.executed_phases) e.details.push_back("that phase has been carried out");
}

// Nobody of the person's class goes: which of the carried-out phases, the phase caps, the
// category cap or the balance stopped them.
void ExplainClassStopped(const Plan& plan, const Candidate& c, Explanation& e) {
  const rules::Agreement& a = plan.agreement;
  const rules::Category& cat = a.categories[c.rule.category];
  std::vector<int> open;
  for (int p = plan.executed_phases + 1; p <= a.phase_count; ++p) {
    if (cat.AllowsPhase(p)) open.push_back(p);
  }
  if (open.empty()) {
    e.verdict = "eligible, but every phase his category may go in has been carried out";
    return;
  }
  if (!a.phase_caps.empty()) {
    bool all_full = true;
    for (int p : open) {
      const PhaseSummary& s = plan.phases[p - 1];
      std::int64_t n = c.side == Side::kA ? s.a_count : s.b_count;
      if (n < a.phase_caps[p - 1]) all_full = false;
    }
    if (all_full) {
      e.verdict = "eligible, but the caps of every phase he may go in are full on side " + e.side;
      return;
    }
  }
  if (cat.cap) {
    std::int64_t n = 0;
    for (const Candidate& o : plan.people) {
      if (o.side == c.side && o.phase > 0 && o.rule.status == rules::Status::kEligible &&
          o.rule.category == c.rule.category) {
        ++n;
      }
    }
    if (n >= *cat.cap) {
      e.verdict = "eligible, but category '" + cat.id + "' has reached its cap of " +
                  std::to_string(*cat.cap);
      return;
    }
  }
  int p = open.back();
  e.verdict = "balance exhausted in phase " + std::to_string(p) + ": nobody of value " +
              std::to_string(c.rule.value) + " in category '" + cat.id +
              "' could go without the other side being owed more than pool '" +
              a.pools[cat.pool].id + "' allows, or a cap being passed";
  e.details.push_back(BalanceLine(plan, p, cat.pool));
}

void ExplainLeftOut(const Plan& plan, const Candidate& c, const ClassRank& r,
                    const std::string& position, Explanation& e) {
  const rules::Category& cat = plan.agreement.categories[c.rule.category];
  if (cat.balance != rules::Balance::kPool) {
    e.verdict = "must go (" + std::string(rules::BalanceName(cat.balance)) +
                ") but the plan leaves him out: the plan breaks the rule";
    return;
  }
  e.details.push_back(position);
  if (r.last_admitted > r.rank) {
    e.verdict = "eligible and ranked above the last admitted in category '" + cat.id +
                "', but left out" +
                (plan.repairs.empty() ? " (the plan was edited by hand?)"
                                      : ": the repair kept changes to the fewest people");
    return;
  }
  if (r.last_admitted >= 0) {
    e.verdict = "eligible, but priority below the last admitted in category '" + cat.id + "' (" +
                plan.people[r.members[r.last_admitted]].record.id + ", priority " +
                std::to_string(r.last_admitted + 1) + ")";
    return;
  }
  ExplainClassStopped(plan, c, e);
}

}  // namespace

Result<Explanation> ExplainPerson(const Plan& plan, std::string_view person) {
  auto idx = FindPerson(plan, person);
  if (!idx) return std::unexpected(idx.error());
  const rules::Agreement& a = plan.agreement;
  const Candidate& c = plan.people[*idx];
  Explanation e;
  e.side = rules::SideName(c.side);
  e.id = c.record.id;
  e.phase = c.phase;
  if (!c.dropped.empty()) {
    e.verdict = "dropped from the plan: " + c.dropped;
    return e;
  }
  if (c.rule.status == rules::Status::kExcluded) {
    const rules::Exclusion& x = a.exclusions[c.rule.exclusion];
    e.verdict = "excluded by rule '" + x.id + "'" + (x.reason.empty() ? "" : ": " + x.reason);
    if (c.phase > 0)
      e.details.push_back("yet the plan sends him in phase " + std::to_string(c.phase) +
                          ": the plan breaks the rule");
    return e;
  }
  if (c.rule.status == rules::Status::kIneligible) {
    ExplainIneligible(a, c, e);
    return e;
  }
  const rules::Category& cat = a.categories[c.rule.category];
  const ClassRank r = RankInClass(plan, *idx);
  const std::string position =
      "priority " + std::to_string(r.rank + 1) + " of " + std::to_string(r.members.size()) +
      " in category '" + cat.id + "'" +
      (a.value.present || cat.value ? " at value " + std::to_string(c.rule.value) : "");
  if (c.phase > 0) {
    ExplainGoing(plan, c, position, e);
  } else {
    ExplainLeftOut(plan, c, r, position, e);
  }
  return e;
}

std::string FormatExplanation(const Explanation& e) {
  std::string out = e.side + ":" + e.id + ": " + e.verdict + "\n";
  for (const std::string& d : e.details) out += "  - " + d + "\n";
  return out;
}

}  // namespace parley::plan
