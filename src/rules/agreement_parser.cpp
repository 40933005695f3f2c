#include "rules/agreement_parser.h"

#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <sstream>

#include "core/file_io.h"
#include "core/try.h"
#include "lists/person_record.h"
#include "rules/text.h"

namespace parley::rules {
namespace {

using Keys = std::initializer_list<std::string_view>;

std::string JoinKeys(Keys keys) {
  std::string out;
  for (std::string_view k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

SourcePos PosOf(const toml::source_region& r) {
  return {static_cast<std::int64_t>(r.begin.line), static_cast<std::int64_t>(r.begin.column)};
}

// Levenshtein distance of two short ASCII-ish names (for "did you mean").
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class Parser {
 public:
  explicit Parser(std::string_view file) : file_(file) {}

  std::unexpected<Error> FailAt(SourcePos pos, std::string message) const {
    return Fail(ErrorCode::kInvalidInput, std::move(message),
                Location{file_, pos.line, pos.column, {}});
  }
  std::unexpected<Error> FailAt(const toml::node& node, std::string message) const {
    return FailAt(PosOf(node.source()), std::move(message));
  }

  // Every key of `table` must be one of `allowed`.
  Result<void> CheckKeys(const toml::table& table, std::string_view where, Keys allowed) const {
    for (auto&& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        return FailAt(PosOf(key.source()), "unknown key '" + std::string(key.str()) + "' in " +
                                               std::string(where) +
                                               "; allowed keys: " + JoinKeys(allowed));
      }
    }
    return {};
  }

  Result<std::string> String(const toml::node& node, std::string_view name) const {
    if (!node.is_string()) {
      return FailAt(node, "'" + std::string(name) + "' must be a string in quotes, e.g. " +
                              std::string(name) + " = \"...\"");
    }
    return node.as_string()->get();
  }

  Result<std::int64_t> Integer(const toml::node& node, std::string_view name,
                               std::int64_t min_value) const {
    if (!node.is_integer()) {
      return FailAt(node, "'" + std::string(name) + "' must be a whole number, e.g. " +
                              std::string(name) + " = " +
                              std::to_string(std::max<std::int64_t>(min_value, 1)));
    }
    std::int64_t v = node.as_integer()->get();
    if (v < min_value) {
      return FailAt(node, "'" + std::string(name) + "' must be at least " +
                              std::to_string(min_value) + "; it is " + std::to_string(v));
    }
    return v;
  }

  Result<const toml::table*> Table(const toml::node& node, std::string_view name) const {
    if (!node.is_table()) {
      return FailAt(node, "'" + std::string(name) + "' must be a table, e.g. [" +
                              std::string(name) + "] or " + std::string(name) + " = { ... }");
    }
    return node.as_table();
  }

  Result<const toml::array*> Array(const toml::node& node, std::string_view name) const {
    if (!node.is_array()) {
      return FailAt(node, "'" + std::string(name) + "' must be an array, e.g. " +
                              std::string(name) + " = [ ... ]");
    }
    return node.as_array();
  }

  Result<std::vector<std::string>> StringOrStrings(const toml::node& node,
                                                   std::string_view name) const {
    std::vector<std::string> out;
    if (node.is_string()) {
      out.push_back(node.as_string()->get());
      return out;
    }
    if (!node.is_array()) {
      return FailAt(node, "'" + std::string(name) +
                              "' must be a string or an array of strings, e.g. " +
                              std::string(name) + " = [\"a\", \"b\"]");
    }
    for (const toml::node& item : *node.as_array()) {
      auto s = String(item, name);
      if (!s) return std::unexpected(s.error());
      out.push_back(*s);
    }
    if (out.empty()) return FailAt(node, "'" + std::string(name) + "' must not be empty");
    return out;
  }

  Result<std::vector<Predicate>> Predicates(const toml::node& node, std::string_view where) const {
    auto table = Table(node, "when");
    if (!table) return std::unexpected(table.error());
    std::vector<Predicate> out;
    const Keys kWhenKeys = {"rank",
                            "category",
                            "sex",
                            "unit",
                            "health",
                            "birth_place",
                            "id",
                            "age",
                            "age_on",
                            "requested",
                            "captivity_days_min",
                            "extra"};
    auto ok = CheckKeys(**table, std::string(where) + ".when", kWhenKeys);
    if (!ok) return std::unexpected(ok.error());
    PartialDate age_on;
    if (const toml::node* n = (*table)->get("age_on")) {
      if (!n->is_date()) {
        return FailAt(*n, "'age_on' must be a TOML date without quotes, e.g. age_on = 2025-06-01");
      }
      if ((*table)->get("age") == nullptr) {
        return FailAt(*n, "'age_on' only says when 'age' is counted; add age = [min, max]");
      }
      toml::date d = n->as_date()->get();
      age_on = {static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
    }
    for (auto&& [key, value] : **table) {
      Predicate p;
      p.pos = PosOf(key.source());
      std::string_view k = key.str();
      if (k == "age_on") continue;
      if (k == "age") {
        auto arr = Array(value, "age");
        if (!arr) return std::unexpected(arr.error());
        if ((*arr)->size() != 2) {
          return FailAt(value,
                        "'age' must be [youngest, oldest] in whole years, e.g. age = [18, 25]");
        }
        auto lo = Integer(*(*arr)->get(0), "age", 0);
        if (!lo) return std::unexpected(lo.error());
        auto hi = Integer(*(*arr)->get(1), "age", 0);
        if (!hi) return std::unexpected(hi.error());
        if (*lo > *hi) {
          return FailAt(value, "'age' = [" + std::to_string(*lo) + ", " + std::to_string(*hi) +
                                   "] is empty; write the youngest age first");
        }
        p.kind = Predicate::Kind::kAgeBetween;
        p.min_age = static_cast<int>(*lo);
        p.max_age = static_cast<int>(*hi);
        p.age_on = age_on;
      } else if (k == "captivity_days_min") {
        auto d = Integer(value, k, 0);
        if (!d) return std::unexpected(d.error());
        p.kind = Predicate::Kind::kCaptivityAtLeast;
        p.min_days = *d;
      } else if (k == "requested") {
        if (value.is_boolean()) {
          p.kind = Predicate::Kind::kRequested;
          p.requested = value.as_boolean()->get();
        } else if (value.is_string() || value.is_array()) {
          // requested = "Kyiv list 3": the `requested` column names the list that asked.
          auto lists = StringOrStrings(value, k);
          if (!lists) return std::unexpected(lists.error());
          p.kind = Predicate::Kind::kFieldIn;
          p.field = "requested";
          p.values = *lists;
        } else {
          return FailAt(value,
                        "'requested' must be true/false (requested by name at all) or "
                        "the name(s) of the requesting list, e.g. requested = [\"list 3\"]");
        }
      } else if (k == "extra") {
        auto extra = Table(value, "extra");
        if (!extra) return std::unexpected(extra.error());
        for (auto&& [col, v] : **extra) {
          Predicate e;
          e.pos = PosOf(col.source());
          e.kind = Predicate::Kind::kFieldIn;
          e.field = std::string(col.str());
          auto vals = StringOrStrings(v, e.field);
          if (!vals) return std::unexpected(vals.error());
          e.values = *vals;
          out.push_back(std::move(e));
        }
        continue;
      } else {
        p.kind = Predicate::Kind::kFieldIn;
        p.field = std::string(k);
        auto vals = StringOrStrings(value, k);
        if (!vals) return std::unexpected(vals.error());
        p.values = *vals;
      }
      out.push_back(std::move(p));
    }
    if (out.empty()) return FailAt(node, "'when' is empty; name at least one condition");
    return out;
  }

  Result<Agreement> Parse(std::string_view text) {
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
      return FailAt(PosOf(e.source()),
                    "not valid TOML: " + std::string(e.description()) +
                        " (see https://toml.io; strings need quotes, tables [name])");
    }
    Agreement a;
    a.file = file_;
    a.source = std::string(text);
    auto ok = CheckKeys(root, "the file",
                        {"agreement", "parties", "phases", "value", "pool", "category", "exclusion",
                         "priority", "sharing"});
    if (!ok) return std::unexpected(ok.error());
    if (auto r = ParseHeader(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParseParties(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParsePhases(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParseValue(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParsePools(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParseCategories(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParseExclusions(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParsePriority(root, a); !r) return std::unexpected(r.error());
    if (auto r = CheckCaps(root, a); !r) return std::unexpected(r.error());
    if (auto r = ParseSharing(root, a); !r) return std::unexpected(r.error());
    return a;
  }

 private:
  Result<const toml::table*> Required(const toml::table& root, std::string_view name,
                                      std::string_view example) const {
    const toml::node* n = root.get(name);
    if (n == nullptr) {
      return FailAt(SourcePos{1, 1},
                    "missing [" + std::string(name) + "]; add e.g. " + std::string(example));
    }
    return Table(*n, name);
  }

  Result<void> ParseHeader(const toml::table& root, Agreement& a) const {
    auto t = Required(root, "agreement", "[agreement] title = \"...\" date = 2025-06-09");
    if (!t) return std::unexpected(t.error());
    auto ok = CheckKeys(**t, "[agreement]", {"title", "date", "summary", "objective"});
    if (!ok) return ok;
    const toml::node* title = (*t)->get("title");
    if (title == nullptr) return FailAt(**t, "[agreement] needs title = \"...\"");
    auto s = String(*title, "title");
    if (!s) return std::unexpected(s.error());
    a.title = *s;
    if (const toml::node* n = (*t)->get("summary")) {
      auto v = String(*n, "summary");
      if (!v) return std::unexpected(v.error());
      a.summary = *v;
    }
    const toml::node* date = (*t)->get("date");
    if (date == nullptr) {
      return FailAt(**t,
                    "[agreement] needs date = YYYY-MM-DD: ages and time in captivity "
                    "are counted on that day");
    }
    if (!date->is_date()) {
      return FailAt(*date, "'date' must be a TOML date without quotes, e.g. date = 2025-06-09");
    }
    toml::date d = date->as_date()->get();
    a.date =
        PartialDate{static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
    if (const toml::node* n = (*t)->get("objective")) {
      auto v = String(*n, "objective");
      if (!v) return std::unexpected(v.error());
      if (*v == "people") {
        a.objective = Objective::kPeople;
      } else if (*v == "value") {
        a.objective = Objective::kValue;
      } else {
        return FailAt(*n,
                      "'objective' must be \"people\" (most people home) or \"value\" "
                      "(most points exchanged); it is \"" +
                          *v + "\"");
      }
    }
    return {};
  }

  Result<void> ParseParties(const toml::table& root, Agreement& a) const {
    auto t = Required(root, "parties", "[parties] a = \"...\" b = \"...\"");
    if (!t) return std::unexpected(t.error());
    auto ok =
        CheckKeys(**t, "[parties]",
                  {"a", "b", "mediators", "a_side", "b_side", "a_key", "b_key", "mediator_keys"});
    if (!ok) return ok;
    for (std::string_view side : {"a", "b"}) {
      const toml::node* n = (*t)->get(side);
      if (n == nullptr) {
        return FailAt(**t, "[parties] needs " + std::string(side) + " = \"name of the party\"");
      }
      auto s = String(*n, side);
      if (!s) return std::unexpected(s.error());
      (side == "a" ? a.party_a : a.party_b) = *s;
    }
    // a_side / b_side: the side name of each party's parley users ("ua", "ru"), when it is not
    // the party's name itself; it says whose signer may sign for which party.
    for (std::string_view key : {"a_side", "b_side"}) {
      if (const toml::node* n = (*t)->get(key)) {
        auto s = String(*n, key);
        if (!s) return std::unexpected(s.error());
        if (s->empty()) return FailAt(*n, "[parties] " + std::string(key) + " must not be empty");
        (key == "a_side" ? a.side_a : a.side_b) = *s;
      }
    }
    if (!a.side_a.empty() && a.SideOf(Side::kA) == a.SideOf(Side::kB)) {
      return FailAt(**t, "[parties] gives both parties the side \"" + a.side_a +
                             "\": a_side and b_side must differ");
    }
    if (const toml::node* n = (*t)->get("mediators")) {
      auto m = StringOrStrings(*n, "mediators");
      if (!m) return std::unexpected(m.error());
      a.mediators = *m;
    }
    return ParsePartyKeys(**t, a);
  }

  // One verifier key line ("NAME+KEYID+BASE64", as `parley keys init` prints it).
  Result<ledger::PublicKey> VerifierKey(const toml::node& node, std::string_view field) const {
    auto text = String(node, field);
    if (!text) return std::unexpected(text.error());
    auto key = ledger::ParseVerifierKey(*text);
    if (!key) {
      return FailAt(node, "[parties] " + std::string(field) + " is not a verifier key (" +
                              key.error().message +
                              "): paste the line NAME+KEYID+BASE64 that `parley keys init` "
                              "printed, or the content of the signer's NAME.pub");
    }
    return key;
  }

  // a_key / b_key / mediator_keys: the keys each party's and the mediator's signatures must
  // be made with. Two roles sharing one key would let one sign for the other, so all differ.
  Result<void> ParsePartyKeys(const toml::table& t, Agreement& a) const {
    for (std::string_view field : {"a_key", "b_key"}) {
      if (const toml::node* n = t.get(field)) {
        auto key = VerifierKey(*n, field);
        if (!key) return std::unexpected(key.error());
        (field == "a_key" ? a.key_a : a.key_b) = std::move(*key);
      }
    }
    if (a.key_a && a.key_b && a.key_a->key == a.key_b->key) {
      return FailAt(*t.get("b_key"),
                    "[parties] a_key and b_key are the same key: each party signs with its own "
                    "key, so pin two different keys");
    }
    if (const toml::node* n = t.get("mediator_keys")) {
      if (!n->is_array() || n->as_array()->empty()) {
        return FailAt(*n,
                      "[parties] mediator_keys must be a non-empty array of verifier keys, e.g. "
                      "mediator_keys = [\"icrc+1a2b3c4d+AW...\"]");
      }
      for (const toml::node& item : *n->as_array()) {
        auto key = VerifierKey(item, "mediator_keys");
        if (!key) return std::unexpected(key.error());
        for (const auto* party : {&a.key_a, &a.key_b}) {
          if (*party && (*party)->key == key->key) {
            return FailAt(item, "[parties] mediator_keys holds the key of party " +
                                    std::string(party == &a.key_a ? "a" : "b") +
                                    " (a_key/b_key): the mediator may witness, never sign for a "
                                    "party, so its key must differ");
          }
        }
        a.mediator_keys.push_back(std::move(*key));
      }
    }
    return {};
  }

  Result<void> ParsePhases(const toml::table& root, Agreement& a) {
    const toml::node* node = root.get("phases");
    if (node == nullptr) return {};
    auto t = Table(*node, "phases");
    if (!t) return std::unexpected(t.error());
    auto ok = CheckKeys(**t, "[phases]", {"count", "caps", "required_total", "max_owed"});
    if (!ok) return ok;
    if (const toml::node* n = (*t)->get("count")) {
      auto c = Integer(*n, "count", 1);
      if (!c) return std::unexpected(c.error());
      if (*c > 50) return FailAt(*n, "'count' is at most 50 phases");
      a.phase_count = static_cast<int>(*c);
    }
    if (const toml::node* n = (*t)->get("caps")) {
      auto arr = Array(*n, "caps");
      if (!arr) return std::unexpected(arr.error());
      for (const toml::node& item : **arr) {
        auto c = Integer(item, "caps", 0);
        if (!c) return std::unexpected(c.error());
        a.phase_caps.push_back(*c);
      }
      if (static_cast<int>(a.phase_caps.size()) != a.phase_count) {
        return FailAt(*n, "'caps' has " + std::to_string(a.phase_caps.size()) +
                              " entries but there are " + std::to_string(a.phase_count) +
                              " phases; give one cap per phase (people each side hands over)");
      }
    }
    if (const toml::node* n = (*t)->get("required_total")) {
      auto c = Integer(*n, "required_total", 0);
      if (!c) return std::unexpected(c.error());
      a.required_total = *c;
      required_total_pos_ = PosOf(n->source());
    }
    if (const toml::node* n = (*t)->get("max_owed")) {
      auto c = Integer(*n, "max_owed", 0);
      if (!c) return std::unexpected(c.error());
      default_max_owed_ = *c;
    }
    return {};
  }

  Result<void> ParseValue(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("value");
    if (node == nullptr) return {};
    auto t = Table(*node, "value");
    if (!t) return std::unexpected(t.error());
    auto ok = CheckKeys(**t, "[value]", {"field", "default", "points"});
    if (!ok) return ok;
    a.value.present = true;
    if (const toml::node* n = (*t)->get("field")) {
      auto s = String(*n, "field");
      if (!s) return std::unexpected(s.error());
      a.value.field = *s;
    }
    if (const toml::node* n = (*t)->get("default")) {
      auto v = Integer(*n, "default", 1);
      if (!v) return std::unexpected(v.error());
      a.value.default_value = *v;
    }
    if (const toml::node* n = (*t)->get("points")) {
      auto pts = Table(*n, "value.points");
      if (!pts) return std::unexpected(pts.error());
      for (auto&& [key, v] : **pts) {
        auto p = Integer(v, key.str(), 1);
        if (!p) return std::unexpected(p.error());
        a.value.points[FoldAscii(key.str())] = *p;
      }
    }
    return {};
  }

  Result<void> ParsePools(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("pool");
    if (node == nullptr) return {};
    if (!node->is_array_of_tables()) {
      return FailAt(*node, "pools are written [[pool]] (one block per pool)");
    }
    for (const toml::node& item : *node->as_array()) {
      const toml::table& t = *item.as_table();
      auto ok = CheckKeys(t, "[[pool]]", {"id", "measure", "ratio", "max_owed"});
      if (!ok) return ok;
      Pool p;
      p.pos = PosOf(t.source());
      p.max_owed = default_max_owed_;
      const toml::node* id = t.get("id");
      if (id == nullptr) return FailAt(t, "[[pool]] needs id = \"...\"");
      auto s = String(*id, "id");
      if (!s) return std::unexpected(s.error());
      p.id = *s;
      for (const Pool& other : a.pools) {
        if (other.id == p.id) return FailAt(*id, "pool '" + p.id + "' is declared twice");
      }
      p.measure = a.value.present ? Measure::kValue : Measure::kCount;
      if (const toml::node* n = t.get("measure")) {
        auto m = String(*n, "measure");
        if (!m) return std::unexpected(m.error());
        if (*m == "count") {
          p.measure = Measure::kCount;
        } else if (*m == "value") {
          p.measure = Measure::kValue;
        } else {
          return FailAt(*n, "'measure' must be \"count\" (people) or \"value\" (points)");
        }
      }
      if (const toml::node* n = t.get("ratio")) {
        auto arr = Array(*n, "ratio");
        if (!arr) return std::unexpected(arr.error());
        if ((*arr)->size() != 2) {
          return FailAt(*n,
                        "'ratio' must be [a, b]: side a hands over a for every b from "
                        "side b, e.g. ratio = [1, 30]");
        }
        auto ra = Integer(*(*arr)->get(0), "ratio", 1);
        if (!ra) return std::unexpected(ra.error());
        auto rb = Integer(*(*arr)->get(1), "ratio", 1);
        if (!rb) return std::unexpected(rb.error());
        p.ratio_a = *ra;
        p.ratio_b = *rb;
      }
      if (const toml::node* n = t.get("max_owed")) {
        auto m = Integer(*n, "max_owed", 0);
        if (!m) return std::unexpected(m.error());
        p.max_owed = *m;
      }
      a.pools.push_back(std::move(p));
    }
    return {};
  }

  Result<int> PoolIndex(Agreement& a, const toml::node* node) const {
    if (node == nullptr) {
      if (a.pools.empty()) {
        Pool p;
        p.id = "main";
        p.measure = a.value.present ? Measure::kValue : Measure::kCount;
        p.max_owed = default_max_owed_;
        a.pools.push_back(p);
        return 0;
      }
      if (a.pools.size() == 1) return 0;
      return -1;
    }
    auto s = String(*node, "pool");
    if (!s) return std::unexpected(s.error());
    for (size_t i = 0; i < a.pools.size(); ++i) {
      if (a.pools[i].id == *s) return static_cast<int>(i);
    }
    if (a.pools.empty() && *s == "main") {
      return PoolIndex(a, nullptr);
    }
    std::string known;
    for (const Pool& p : a.pools) known += (known.empty() ? "" : ", ") + p.id;
    return FailAt(*node, "pool '" + *s + "' is not declared; add [[pool]] id = \"" + *s + "\"" +
                             (known.empty() ? std::string() : " or use one of: " + known));
  }

  Result<void> ParseCategories(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("category");
    if (node == nullptr) {
      return FailAt(SourcePos{1, 1},
                    "no [[category]]: an agreement needs at least one "
                    "category saying who may be exchanged");
    }
    if (!node->is_array_of_tables()) {
      return FailAt(*node, "categories are written [[category]] (one block per category)");
    }
    for (const toml::node& item : *node->as_array()) {
      auto c = ParseCategory(*item.as_table(), a);
      if (!c) return std::unexpected(c.error());
      a.categories.push_back(std::move(*c));
    }
    return {};
  }

  // One [[category]] block; `a` holds the pools, the phase count and the categories before it
  // (and gains the default pool when the first pool category needs one).
  Result<Category> ParseCategory(const toml::table& t, Agreement& a) const {
    auto ok = CheckKeys(
        t, "[[category]]",
        {"id", "title", "when", "side", "balance", "pool", "value", "cap", "phases", "weight"});
    if (!ok) return std::unexpected(ok.error());
    Category c;
    c.pos = PosOf(t.source());
    const toml::node* id = t.get("id");
    if (id == nullptr) return FailAt(t, "[[category]] needs id = \"...\"");
    auto s = String(*id, "id");
    if (!s) return std::unexpected(s.error());
    c.id = *s;
    for (const Category& other : a.categories) {
      if (other.id == c.id) return FailAt(*id, "category '" + c.id + "' is declared twice");
    }
    c.title = c.id;
    if (const toml::node* n = t.get("title")) {
      auto v = String(*n, "title");
      if (!v) return std::unexpected(v.error());
      c.title = *v;
    }
    if (const toml::node* n = t.get("when")) {
      auto w = Predicates(*n, "[[category]] '" + c.id + "'");
      if (!w) return std::unexpected(w.error());
      c.when = *w;
    }
    if (auto r = ParseCategorySide(t, c); !r) return std::unexpected(r.error());
    if (auto r = ParseCategoryBalance(t, c); !r) return std::unexpected(r.error());
    if (auto r = ParseCategoryPool(t, a, c); !r) return std::unexpected(r.error());
    if (auto r = ParseCategoryNumbers(t, c); !r) return std::unexpected(r.error());
    if (auto r = ParseCategoryPhases(t, a, c); !r) return std::unexpected(r.error());
    return c;
  }

  Result<void> ParseCategorySide(const toml::table& t, Category& c) const {
    const toml::node* n = t.get("side");
    if (n == nullptr) return {};
    auto v = String(*n, "side");
    if (!v) return std::unexpected(v.error());
    if (*v == "both") {
      c.side = SideFilter::kBoth;
    } else if (*v == "a") {
      c.side = SideFilter::kA;
    } else if (*v == "b") {
      c.side = SideFilter::kB;
    } else {
      return FailAt(*n,
                    "'side' must be \"a\", \"b\" or \"both\" (the side that hands "
                    "these people over)");
    }
    return {};
  }

  Result<void> ParseCategoryBalance(const toml::table& t, Category& c) const {
    const toml::node* balance = t.get("balance");
    if (balance == nullptr) return {};
    auto v = String(*balance, "balance");
    if (!v) return std::unexpected(v.error());
    if (*v == "pool") {
      c.balance = Balance::kPool;
    } else if (*v == "all_for_all") {
      c.balance = Balance::kAllForAll;
    } else if (*v == "outside") {
      c.balance = Balance::kOutside;
    } else {
      return FailAt(*balance,
                    "'balance' must be \"pool\" (counted against the other "
                    "side), \"all_for_all\" or \"outside\" (regardless of "
                    "number, GC III Art. 109)");
    }
    return {};
  }

  // A pool category names its pool (unless there is only one); no other category may.
  Result<void> ParseCategoryPool(const toml::table& t, Agreement& a, Category& c) const {
    const toml::node* pool = t.get("pool");
    if (c.balance == Balance::kPool) {
      auto idx = PoolIndex(a, pool);
      if (!idx) return std::unexpected(idx.error());
      if (*idx < 0) {
        return FailAt(t, "category '" + c.id +
                             "' must name its pool: there are several; "
                             "add pool = \"...\"");
      }
      c.pool = *idx;
    } else if (pool != nullptr) {
      return FailAt(*pool, "category '" + c.id + "' has balance = \"" + BalanceName(c.balance) +
                               "\" and is not counted in any pool; remove pool = ...");
    }
    return {};
  }

  // value, weight and cap.
  Result<void> ParseCategoryNumbers(const toml::table& t, Category& c) const {
    if (const toml::node* n = t.get("value")) {
      auto v = Integer(*n, "value", 1);
      if (!v) return std::unexpected(v.error());
      c.value = *v;
    }
    if (const toml::node* n = t.get("weight")) {
      auto v = Integer(*n, "weight", 1);
      if (!v) return std::unexpected(v.error());
      c.weight = *v;
    }
    if (const toml::node* n = t.get("cap")) {
      auto v = Integer(*n, "cap", 0);
      if (!v) return std::unexpected(v.error());
      if (c.balance != Balance::kPool) {
        return FailAt(*n, "contradictory: category '" + c.id + "' is " + BalanceName(c.balance) +
                              " (everyone eligible goes) but has a cap; remove cap or use "
                              "balance = \"pool\"");
      }
      c.cap = *v;
    }
    return {};
  }

  Result<void> ParseCategoryPhases(const toml::table& t, const Agreement& a, Category& c) const {
    const toml::node* n = t.get("phases");
    if (n == nullptr) return {};
    auto arr = Array(*n, "phases");
    if (!arr) return std::unexpected(arr.error());
    for (const toml::node& p : **arr) {
      auto v = Integer(p, "phases", 1);
      if (!v) return std::unexpected(v.error());
      if (*v > a.phase_count) {
        return FailAt(p, "phase " + std::to_string(*v) +
                             " does not exist: [phases] count = " + std::to_string(a.phase_count) +
                             "; use 1.." + std::to_string(a.phase_count));
      }
      c.phases.push_back(static_cast<int>(*v));
    }
    if (c.phases.empty()) return FailAt(*n, "'phases' is empty; list at least one phase");
    std::sort(c.phases.begin(), c.phases.end());
    c.phases.erase(std::unique(c.phases.begin(), c.phases.end()), c.phases.end());
    return {};
  }

  Result<void> ParseExclusions(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("exclusion");
    if (node == nullptr) return {};
    if (!node->is_array_of_tables()) {
      return FailAt(*node, "exclusions are written [[exclusion]] (one block per rule)");
    }
    for (const toml::node& item : *node->as_array()) {
      const toml::table& t = *item.as_table();
      auto ok = CheckKeys(t, "[[exclusion]]", {"id", "reason", "ids", "when"});
      if (!ok) return ok;
      Exclusion e;
      e.pos = PosOf(t.source());
      const toml::node* id = t.get("id");
      if (id == nullptr) return FailAt(t, "[[exclusion]] needs id = \"...\"");
      auto s = String(*id, "id");
      if (!s) return std::unexpected(s.error());
      e.id = *s;
      if (const toml::node* n = t.get("reason")) {
        auto v = String(*n, "reason");
        if (!v) return std::unexpected(v.error());
        e.reason = *v;
      }
      if (const toml::node* n = t.get("ids")) {
        auto v = StringOrStrings(*n, "ids");
        if (!v) return std::unexpected(v.error());
        e.ids = *v;
      }
      if (const toml::node* n = t.get("when")) {
        auto w = Predicates(*n, "[[exclusion]] '" + e.id + "'");
        if (!w) return std::unexpected(w.error());
        e.when = *w;
      }
      if (e.ids.empty() && e.when.empty()) {
        return FailAt(t, "exclusion '" + e.id + "' names nobody; add ids = [...] or when = {...}");
      }
      a.exclusions.push_back(std::move(e));
    }
    return {};
  }

  Result<void> ParsePriority(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("priority");
    if (node == nullptr) return {};
    if (!node->is_array_of_tables()) {
      return FailAt(*node,
                    "priorities are written [[priority]] (one block per criterion, "
                    "most important first)");
    }
    for (const toml::node& item : *node->as_array()) {
      const toml::table& t = *item.as_table();
      auto ok = CheckKeys(t, "[[priority]]", {"by", "direction", "order"});
      if (!ok) return ok;
      PriorityCriterion c;
      c.pos = PosOf(t.source());
      const toml::node* by = t.get("by");
      if (by == nullptr) {
        return FailAt(t,
                      "[[priority]] needs by = \"field\" (e.g. \"health\", \"age\", "
                      "\"captivity_days\", \"value\")");
      }
      auto s = String(*by, "by");
      if (!s) return std::unexpected(s.error());
      c.by = *s;
      if (const toml::node* n = t.get("direction")) {
        auto v = String(*n, "direction");
        if (!v) return std::unexpected(v.error());
        if (*v == "asc") {
          c.descending = false;
        } else if (*v == "desc") {
          c.descending = true;
        } else {
          return FailAt(*n, "'direction' must be \"asc\" (smallest first) or \"desc\"");
        }
      }
      if (const toml::node* n = t.get("order")) {
        auto v = StringOrStrings(*n, "order");
        if (!v) return std::unexpected(v.error());
        c.order = *v;
      }
      a.priority.push_back(std::move(c));
    }
    return {};
  }

  Result<void> CheckCaps(const toml::table& root, const Agreement& a) const {
    if (!a.required_total) return {};
    std::int64_t req = *a.required_total;
    if (!a.phase_caps.empty()) {
      std::int64_t sum = 0;
      for (std::int64_t c : a.phase_caps) sum += c;
      if (sum < req) {
        return FailAt(required_total_pos_,
                      "contradictory caps: required_total = " + std::to_string(req) +
                          " but the phase caps sum to " + std::to_string(sum) +
                          "; raise [phases] caps or lower required_total");
      }
    }
    // If every category is capped, their caps bound what a side can hand over.
    std::int64_t cap_sum = 0;
    for (const Category& c : a.categories) {
      if (!c.cap) return {};
      cap_sum += *c.cap;
    }
    if (cap_sum < req) {
      return FailAt(required_total_pos_,
                    "contradictory caps: required_total = " + std::to_string(req) +
                        " but the category caps sum to " + std::to_string(cap_sum) +
                        "; raise a category's cap or lower required_total");
    }
    (void)root;
    return {};
  }

  // A field name a sharing list may hold: a canonical column other than id, or an extra
  // column. A near miss of a canonical column ("surnme") is a typo, not an extra column.
  Result<std::string> SharingField(const toml::node& node, std::string_view list) const {
    auto name = String(node, list);
    if (!name) return name;
    if (*name == "id") {
      return FailAt(node, "'id' is always shown with a disclosed record; remove it from " +
                              std::string(list));
    }
    if (name->empty() || *name == "*") {
      return FailAt(node, "\"" + *name + "\" is not a field name in " + std::string(list) +
                              (*name == "*" ? "; write " + std::string(list) + " = \"*\" alone"
                                            : std::string()));
    }
    for (std::string_view column : kCanonicalColumns) {
      if (column == *name) return name;
    }
    for (std::string_view column : kCanonicalColumns) {
      if (column != "id" && EditDistance(column, *name) <= 2) {
        return FailAt(node, "unknown field '" + *name + "' in " + std::string(list) +
                                "; did you mean '" + std::string(column) + "'?");
      }
    }
    return name;
  }

  Result<RecipientFields> SharingList(const toml::node& node, std::string_view key,
                                      bool star_allowed) const {
    RecipientFields out;
    if (node.is_string() && node.as_string()->get() == "*" && star_allowed) {
      out.all = true;
      return out;
    }
    if (!node.is_array()) {
      return FailAt(node, "'" + std::string(key) + "' must be a list of fields, e.g. " +
                              std::string(key) + " = [\"surname\", \"birth_date\"]" +
                              (star_allowed ? ", or \"*\" for every field" : ""));
    }
    const std::string where = "[sharing] " + std::string(key);
    for (const toml::node& item : *node.as_array()) {
      auto field = SharingField(item, where);
      if (!field) return std::unexpected(field.error());
      if (std::find(out.fields.begin(), out.fields.end(), *field) != out.fields.end()) {
        return FailAt(item, "'" + *field + "' is listed twice in " + where);
      }
      out.fields.push_back(*field);
    }
    return out;
  }

  Result<void> ParseSharing(const toml::table& root, Agreement& a) const {
    const toml::node* node = root.get("sharing");
    if (node == nullptr) return {};
    auto t = Table(*node, "sharing");
    if (!t) return std::unexpected(t.error());
    auto ok = CheckKeys(**t, "[sharing]", {"mediator", "other_party", "never"});
    if (!ok) return ok;
    // An explicit policy starts from nothing shared: only what it names is shown.
    SharingPolicy p;
    p.from_agreement = true;
    for (std::string_view key : {"mediator", "other_party", "never"}) {
      const toml::node* n = (*t)->get(key);
      if (n == nullptr) continue;
      auto fields = SharingList(*n, key, key != "never");
      if (!fields) return std::unexpected(fields.error());
      if (key == "mediator") p.mediator = *fields;
      if (key == "other_party") p.other_party = *fields;
      if (key == "never") p.never = fields->fields;
    }
    for (std::string_view key : {"mediator", "other_party"}) {
      const RecipientFields& r = key == "mediator" ? p.mediator : p.other_party;
      for (const std::string& f : r.fields) {
        if (std::find(p.never.begin(), p.never.end(), f) != p.never.end()) {
          return FailAt(*(*t)->get(key), "contradictory: '" + f + "' is shared with the " +
                                             std::string(key) +
                                             " but [sharing] never lists it; remove it from one");
        }
      }
    }
    a.sharing = std::move(p);
    return {};
  }

  std::string file_;
  std::int64_t default_max_owed_ = 0;
  SourcePos required_total_pos_;
};

}  // namespace

const char* SideName(Side side) { return side == Side::kA ? "a" : "b"; }

const char* BalanceName(Balance balance) {
  switch (balance) {
    case Balance::kPool:
      return "pool";
    case Balance::kAllForAll:
      return "all_for_all";
    case Balance::kOutside:
      return "outside";
  }
  return "pool";
}

bool Category::AllowsPhase(int phase) const {
  return phases.empty() || std::find(phases.begin(), phases.end(), phase) != phases.end();
}

Result<Agreement> ParseAgreement(std::string_view text, std::string_view file) {
  Parser parser(file);
  return parser.Parse(text);
}

Result<Agreement> LoadAgreementFile(const std::string& path) {
  PARLEY_ASSIGN_OR_RETURN(const std::string text, ReadWholeFile(path));
  return ParseAgreement(text, path);
}

}  // namespace parley::rules
