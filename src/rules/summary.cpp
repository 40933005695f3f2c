#include "rules/summary.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "rules/eligibility.h"

namespace parley::rules {
namespace {

std::string SideWords(const Agreement& a, SideFilter s) {
  switch (s) {
    case SideFilter::kBoth:
      return "handed over by either side";
    case SideFilter::kA:
      return "handed over by " + a.party_a + " only";
    case SideFilter::kB:
      return "handed over by " + a.party_b + " only";
  }
  return "";
}

std::string Conditions(const std::vector<Predicate>& when) {
  if (when.empty()) return "anyone";
  std::string out;
  for (size_t i = 0; i < when.size(); ++i) {
    if (i > 0) out += i + 1 == when.size() ? " and " : ", ";
    out += DescribePredicate(when[i]);
  }
  return out;
}

}  // namespace

std::string DescribePool(const Agreement& a, const Pool& p) {
  std::string unit = p.measure == Measure::kCount ? "people" : "points";
  std::ostringstream out;
  out << "pool '" << p.id << "' counts " << unit << ": " << a.party_a << " hands over " << p.ratio_a
      << " for every " << p.ratio_b << " " << a.party_b << " hands over";
  out << "; after every phase neither side may be owed more than " << p.max_owed << " "
      << (p.ratio_a == 1 && p.ratio_b == 1 ? unit : "(in units of " + unit + " x ratio)");
  return out.str();
}

namespace {

// Who signs for whom, when the agreement pins keys: a negotiator reads the key ids aloud to the
// other side before signing. Nothing when none is pinned (no party can sign such a text).
std::string SignersLine(const Agreement& a) {
  if (!a.key_a && !a.key_b && a.mediator_keys.empty()) return "";
  auto key = [](const ledger::PublicKey& k) {
    char id[9];
    std::snprintf(id, sizeof id, "%08x", k.KeyId());
    return k.name + " (key id " + id + ")";
  };
  std::ostringstream out;
  out << "Signed for " << a.party_a << " only with key "
      << (a.key_a ? key(*a.key_a) : std::string("(none pinned)")) << ", for " << a.party_b
      << " only with key " << (a.key_b ? key(*a.key_b) : std::string("(none pinned)"));
  if (!a.mediator_keys.empty()) {
    out << "; witnessed by the mediator with ";
    for (size_t i = 0; i < a.mediator_keys.size(); ++i) {
      out << (i == 0 ? "" : ", ") << key(a.mediator_keys[i]);
    }
  }
  out << ".\n";
  return out.str();
}

}  // namespace

std::string DescribeAgreement(const Agreement& a) {
  std::ostringstream out;
  out << "Agreement: " << a.title << " (dated " << a.date.ToIso() << ")\n";
  out << "Between " << a.party_a << " (side a) and " << a.party_b << " (side b)";
  if (!a.mediators.empty()) {
    out << ", mediated by ";
    for (size_t i = 0; i < a.mediators.size(); ++i) {
      out << (i == 0 ? "" : i + 1 == a.mediators.size() ? " and " : ", ") << a.mediators[i];
    }
  }
  out << ".\n";
  if (!a.summary.empty()) out << a.summary << "\n";
  out << SignersLine(a);

  out << "\nWho may be exchanged (a person counts under the first category that fits him):\n";
  for (size_t i = 0; i < a.categories.size(); ++i) {
    const Category& c = a.categories[i];
    out << "  " << i + 1 << ". " << c.title << " [" << c.id << "]: " << Conditions(c.when) << "; "
        << SideWords(a, c.side) << ".\n     ";
    switch (c.balance) {
      case Balance::kOutside:
        out << "Outside any ratio: every eligible person goes, regardless of number or rank.";
        break;
      case Balance::kAllForAll:
        out << "All for all: every eligible person on both sides goes.";
        break;
      case Balance::kPool:
        out << "Balanced in pool '" << a.pools[c.pool].id << "'.";
        break;
    }
    if (c.value) out << " Each counts " << *c.value << (*c.value == 1 ? " point." : " points.");
    if (c.cap) out << " At most " << *c.cap << " from each side.";
    if (!c.phases.empty()) {
      out << " Only in phase" << (c.phases.size() > 1 ? "s " : " ");
      for (size_t k = 0; k < c.phases.size(); ++k) out << (k ? ", " : "") << c.phases[k];
      out << ".";
    }
    if (c.weight != 1) out << " Weighs " << c.weight << " in the objective.";
    out << "\n";
  }
  out << "Anyone who fits no category is not part of this exchange.\n";

  if (a.value.present) {
    out << "\nValue of a person by " << a.value.field << ": ";
    std::vector<std::pair<std::string, std::int64_t>> table(a.value.points.begin(),
                                                            a.value.points.end());
    std::stable_sort(table.begin(), table.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    for (size_t k = 0; k < table.size(); ++k) {
      out << (k == 0 ? "" : ", ") << table[k].first << " " << table[k].second;
    }
    out << "; anyone else " << a.value.default_value << ".\n";
  }

  out << "\nBalance:\n";
  for (const Pool& p : a.pools) out << "  - " << DescribePool(a, p) << ".\n";

  out << "\nPhases: " << a.phase_count << ".";
  if (!a.phase_caps.empty()) {
    out << " Each side hands over at most ";
    for (size_t k = 0; k < a.phase_caps.size(); ++k) {
      out << (k ? ", " : "") << a.phase_caps[k];
    }
    out << " people in phase" << (a.phase_caps.size() > 1 ? "s 1.." : " ") << a.phase_caps.size()
        << ".";
  }
  if (a.required_total) {
    out << " Each side hands over at least " << *a.required_total << " people in all.";
  }
  out << "\n";

  if (!a.exclusions.empty()) {
    out << "\nExcluded whatever their category:\n";
    for (const Exclusion& e : a.exclusions) {
      out << "  - " << e.id << (e.reason.empty() ? "" : " (" + e.reason + ")") << ": ";
      if (!e.ids.empty()) {
        out << "the persons ";
        for (size_t k = 0; k < e.ids.size(); ++k) out << (k ? ", " : "") << e.ids[k];
        if (!e.when.empty()) out << "; and anyone ";
      }
      if (!e.when.empty()) out << Conditions(e.when);
      out << ".\n";
    }
  }

  out << "\nWithin a category and value, people go in this order: ";
  for (const PriorityCriterion& c : a.priority) {
    out << c.by;
    if (!c.order.empty()) {
      out << " (";
      for (size_t k = 0; k < c.order.size(); ++k) out << (k ? ", " : "") << c.order[k];
      out << ", then others)";
    } else {
      out << (c.descending ? " (highest first)" : " (lowest first)");
    }
    out << ", then ";
  }
  out << "list id.\n";
  out << "\nThe plan "
      << (a.objective == Objective::kPeople ? "brings home as many people as the rules allow"
                                            : "exchanges as many points as the rules allow")
      << ", and among equally good plans sends people in the earliest phase possible.\n";
  return out.str();
}

}  // namespace parley::rules
