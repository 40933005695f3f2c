// parley/rules/agreement.h — an exchange agreement as the negotiators signed it.
//
// An Agreement is the parsed, validated form of an agreement TOML file (docs/agreements.md
// gives the schema with an annotated example). It says who the parties and mediators are,
// which people qualify under which category (predicates over a person's fields), what a
// person is worth (points by rank or a category's own value), how each category balances
// (a pool balanced by count or value at a ratio, all-for-all, or outside any ratio), who is
// excluded, how candidates are ranked, the phases, their caps and the largest imbalance
// either side may be owed after any phase.
//
// Contract: an Agreement returned by ParseAgreement (agreement_parser.h) is consistent: every
// category names an existing pool, phase numbers are in range, caps do not contradict each
// other. Every element keeps its source position so later checks (the planner, the plan
// checker, explanations) can point the reader at the line that made the rule.
//
// Why plain structs: the planner, the checker and the summary all read the same few fields
// many times; a flat value type with indices (category i, pool j) keeps those loops simple
// and lets a Plan refer to rules by index and id without pointers.
//
//   Result<Agreement> a = LoadAgreementFile("examples/agreements/istanbul-2025.toml");
//   for (const Category& c : a->categories) std::cout << c.id << "\n";
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/partial_date.h"
#include "ledger/keys.h"
#include "rules/sharing.h"

namespace parley::rules {

// The two parties. Side a's candidate file lists the people party a holds and may hand over
// to party b; side b's, the people b holds and may hand over to a.
enum class Side { kA = 0, kB = 1 };
[[nodiscard]] const char* SideName(Side side);  // "a" / "b"

struct SourcePos {
  std::int64_t line = 0;
  std::int64_t column = 0;
};

// One eligibility condition over a person's fields. All conditions of a category must hold.
struct Predicate {
  enum class Kind {
    kFieldIn,           // field (canonical or extra column) equals one of `values`
    kAgeBetween,        // age at the agreement date is certainly within [min_age, max_age]
    kCaptivityAtLeast,  // days since `capture_date` (extra column) at least `min_days`
    kRequested,         // extra column `requested` is yes/true/1 (or not, when !requested)
  };
  Kind kind = Kind::kFieldIn;
  std::string field;                // for kFieldIn: "rank", "sex", "health", ...
  std::vector<std::string> values;  // for kFieldIn, compared ASCII-case-insensitively
  int min_age = 0;
  int max_age = 0;
  PartialDate age_on;  // the day ages are counted on; year 0 = the agreement's date
  std::int64_t min_days = 0;
  bool requested = true;
  SourcePos pos;
};

enum class Balance {
  kPool,       // balanced with the other side inside a pool (count or value, at a ratio)
  kAllForAll,  // every eligible person on both sides goes; not counted in any balance
  kOutside,    // goes regardless of number (GC III Art. 109-110); not counted in any balance
};
[[nodiscard]] const char* BalanceName(Balance balance);

enum class SideFilter { kBoth, kA, kB };

struct Category {
  std::string id;
  std::string title;
  std::vector<Predicate> when;
  SideFilter side = SideFilter::kBoth;
  Balance balance = Balance::kPool;
  int pool = -1;                      // index into Agreement::pools when balance == kPool
  std::optional<std::int64_t> value;  // overrides the points table for this category
  std::optional<std::int64_t> cap;    // most people one side hands over in this category
  std::vector<int> phases;            // phases (1-based) it may go in; empty = every phase
  std::int64_t weight = 1;            // multiplier in the objective
  SourcePos pos;

  [[nodiscard]] bool Applies(Side s) const {
    return side == SideFilter::kBoth || (side == SideFilter::kA) == (s == Side::kA);
  }
  [[nodiscard]] bool AllowsPhase(int phase) const;
};

enum class Measure { kCount, kValue };

// A balance pool: after every phase p, |ratio_b * A_p - ratio_a * B_p| <= max_owed, where
// A_p (B_p) is the measure (people or value) side a (b) handed over in the pool's
// categories in phases 1..p. "30 prisoners per civilian" is ratio = [1, 30] by count.
struct Pool {
  std::string id;
  Measure measure = Measure::kCount;
  std::int64_t ratio_a = 1;
  std::int64_t ratio_b = 1;
  std::int64_t max_owed = 0;
  SourcePos pos;
};

struct Exclusion {
  std::string id;
  std::string reason;
  std::vector<std::string> ids;  // "a:ID", "b:ID" or "ID" (either side)
  std::vector<Predicate> when;   // all must hold; empty with ids = ids only
  SourcePos pos;
};

// One ranking criterion; candidates are ordered by the criteria in turn, then by id.
struct PriorityCriterion {
  std::string by;  // field, extra column, or "age", "captivity_days", "value"
  bool descending = false;
  std::vector<std::string> order;  // explicit ranking of values: listed first = first
  SourcePos pos;
};

struct ValueTable {
  std::string field = "rank";
  std::map<std::string, std::int64_t> points;  // key ASCII-lowercased
  std::int64_t default_value = 1;
  bool present = false;
};

enum class Objective { kPeople, kValue };

struct Agreement {
  std::string file;    // where it was read from (may be empty)
  std::string source;  // the TOML text as signed: plans embed it
  std::string title;
  std::string summary;
  PartialDate date;  // reference date for ages and time in captivity
  std::string party_a;
  std::string party_b;
  // The workspace side of each party's users ([parties] a_side / b_side); empty: the party's
  // name is its side.
  std::string side_a;
  std::string side_b;
  std::vector<std::string> mediators;
  // The public keys pinned in [parties] (a_key, b_key, mediator_keys; the verifier-key line of
  // ledger/keys.h). A party's signature on this agreement or a plan under it counts only when
  // made with its pinned key; a mediator key may witness, never sign for a party. Absent: no
  // party may sign (negotiation/party_keys.h says why).
  std::optional<ledger::PublicKey> key_a;
  std::optional<ledger::PublicKey> key_b;
  std::vector<ledger::PublicKey> mediator_keys;
  Objective objective = Objective::kPeople;

  int phase_count = 1;
  std::vector<std::int64_t> phase_caps;        // per side, per phase; empty = no caps
  std::optional<std::int64_t> required_total;  // each side hands over at least this many

  ValueTable value;
  std::vector<Pool> pools;
  std::vector<Category> categories;
  std::vector<Exclusion> exclusions;
  std::vector<PriorityCriterion> priority;
  // [sharing]: what bundles show each recipient (rules/sharing.h); the default when absent.
  SharingPolicy sharing = DefaultSharingPolicy();

  [[nodiscard]] std::string PartyName(Side s) const { return s == Side::kA ? party_a : party_b; }
  [[nodiscard]] const std::optional<ledger::PublicKey>& PinnedKey(Side s) const {
    return s == Side::kA ? key_a : key_b;
  }
  // The workspace side that acts for party `s` (signs for it).
  [[nodiscard]] std::string SideOf(Side s) const {
    const std::string& side = s == Side::kA ? side_a : side_b;
    return side.empty() ? PartyName(s) : side;
  }
};

}  // namespace parley::rules
