#include "names/full_name_parser.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "names/homoglyphs.h"
#include "names/internal/patronymic_forms.h"
#include "names/internal/utf8.h"
#include "names/normalise.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::names {
namespace {

enum class Role : unsigned char { kSurname, kGiven, kPatronymic };

struct Token {
  std::string text;
  std::string key;
  std::span<const GivenNameHit> hits;
  bool initial = false;
  bool upper = false;
  bool given_hit = false;
  bool patronymic_table = false;
  bool patronymic_suffix = false;
  bool surname_ending = false;
};

struct Layout {
  std::vector<Role> roles;
  double prior = 0.0;
  const char* order = "";
};

struct Scored {
  const Layout* layout = nullptr;
  double score = 0.0;
};

bool HasSurnameEnding(std::string_view key) {
  static constexpr std::array<std::string_view, 17> kEndings = {
      "enko", "chuk", "iuk", "uk",  "ski", "ska", "skaia", "ov", "ova",
      "ev",   "eva",  "in",  "ina", "ikh", "iak", "ets",   "iv"};
  return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) {
    return key.size() > e.size() + 1 && key.ends_with(e);
  });
}

struct Tokens {
  std::vector<Token> list;
  int before_comma = -1;  // number of tokens before the first comma; -1 without a comma
};

Result<Tokens> Tokenise(std::string_view text) {
  auto nfc = Normalise(text, NormalForm::kNfc);
  if (!nfc) return std::unexpected(nfc.error());
  auto cps = internal::DecodeUtf8(*nfc);
  if (!cps) return std::unexpected(cps.error());
  RepairHomoglyphsInPlace(*cps);

  Tokens out;
  std::u32string current;
  auto flush = [&]() -> Result<void> {
    int letters = 0;
    int upper = 0;
    for (char32_t cp : current) {
      if (u_isalpha(static_cast<UChar32>(cp))) {
        ++letters;
        if (u_isupper(static_cast<UChar32>(cp))) ++upper;
      }
    }
    if (letters > 0) {
      Token t;
      t.text = internal::EncodeUtf8(current);
      auto key = RomanKeyOfRepaired(current);
      if (!key) return std::unexpected(key.error());
      t.key = std::move(*key);
      const bool dotted = current.back() == U'.';
      t.initial = letters == 1 || (dotted && letters == 2 && upper >= 1);
      t.upper = letters >= 2 && upper == letters;
      if (!t.initial && t.key.find(' ') == std::string::npos) {
        t.hits = LookupGivenNameKey(t.key);
        t.given_hit = HasKind(t.hits, NameFormKind::kOfficial) ||
                      HasKind(t.hits, NameFormKind::kVariant) ||
                      HasKind(t.hits, NameFormKind::kDiminutive);
        t.patronymic_table = HasKind(t.hits, NameFormKind::kPatronymic);
      }
      t.patronymic_suffix = !t.initial && HasPatronymicSuffix(t.key);
      t.surname_ending = !t.initial && HasSurnameEnding(t.key);
      out.list.push_back(std::move(t));
    }
    current.clear();
    return {};
  };
  for (char32_t cp : *cps) {
    const bool comma = cp == U',';
    const bool boundary = comma || u_isUWhiteSpace(static_cast<UChar32>(cp));
    if (!boundary) current.push_back(cp);
    if (boundary || cp == U'.') {
      if (auto flushed = flush(); !flushed) return std::unexpected(flushed.error());
    }
    if (comma && out.before_comma < 0) out.before_comma = static_cast<int>(out.list.size());
  }
  if (auto flushed = flush(); !flushed) return std::unexpected(flushed.error());
  if (out.list.empty()) return Fail(ErrorCode::kInvalidInput, "the name has no letters");
  // Capitals mark the surname only when the other words are not capitals too.
  const bool all_upper = std::all_of(out.list.begin(), out.list.end(),
                                     [](const Token& t) { return t.upper || t.initial; });
  if (all_upper) {
    for (auto& t : out.list) t.upper = false;
  }
  return out;
}

std::vector<Layout> Layouts(std::size_t n) {
  auto repeat = [](std::size_t count) { return std::vector<Role>(count, Role::kSurname); };
  auto join = [](std::vector<Role> a, std::initializer_list<Role> b, std::vector<Role> c = {}) {
    a.insert(a.end(), b);
    a.insert(a.end(), c.begin(), c.end());
    return a;
  };
  std::vector<Layout> layouts;
  if (n == 1) {
    layouts.push_back({{Role::kSurname}, 0.0, "surname only"});
    return layouts;
  }
  if (n == 2) {
    layouts.push_back({{Role::kSurname, Role::kGiven}, 0.5, "surname given"});
    layouts.push_back({{Role::kGiven, Role::kSurname}, 0.2, "given surname"});
    return layouts;
  }
  layouts.push_back(
      {join(repeat(n - 2), {Role::kGiven, Role::kPatronymic}), 1.0, "surname given patronymic"});
  layouts.push_back({join({}, {Role::kGiven, Role::kPatronymic}, repeat(n - 2)), 0.5,
                     "given patronymic surname"});
  layouts.push_back({join(repeat(n - 1), {Role::kGiven}), -0.5, "surname given"});
  layouts.push_back({join({}, {Role::kGiven}, repeat(n - 1)), -0.7, "given surname"});
  if (n == 3) {
    layouts.push_back(
        {{Role::kGiven, Role::kSurname, Role::kPatronymic}, -1.0, "given surname patronymic"});
  }
  return layouts;
}

// Points for a word playing a role, roughly log-odds: what the name table says (3 for a given
// name, 4 for a patronymic, 3 for a patronymic ending) outweighs a surname ending or capitals
// (2 each), and those outweigh the position prior (at most 1 per layout). A comma (3, in
// LayoutScore) settles what the words alone cannot. Wrong roles cost about as much as right
// ones earn, so that one strong clue is not outvoted by two weak ones.
double RoleScore(const Token& t, Role role) {
  const bool patronymic = t.patronymic_table || t.patronymic_suffix;
  switch (role) {
    case Role::kGiven:
      if (t.initial) return 1.0;
      return (t.given_hit ? 3.0 : 0.0) - (patronymic ? 4.0 : 0.0) -
             (t.surname_ending && !t.given_hit ? 1.0 : 0.0) - (t.upper ? 1.5 : 0.0);
    case Role::kPatronymic:
      if (t.initial) return 1.0;
      if (t.patronymic_table) return 4.0;
      if (t.patronymic_suffix) return 3.0;
      return t.given_hit ? -2.0 : -1.5;
    case Role::kSurname:
      if (t.initial) return -3.0;
      return (t.surname_ending ? 2.0 : 0.0) + (t.upper ? 2.0 : 0.0) - (t.given_hit ? 2.0 : 0.0) -
             (patronymic ? 3.0 : 0.0);
  }
  return 0.0;
}

double LayoutScore(const Tokens& tokens, const Layout& layout) {
  double score = layout.prior;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    score += RoleScore(tokens.list[i], layout.roles[i]);
  }
  if (tokens.before_comma > 0) {
    bool surname_before = true;
    for (std::size_t i = 0; i < tokens.list.size(); ++i) {
      const bool before = static_cast<int>(i) < tokens.before_comma;
      surname_before = surname_before && ((layout.roles[i] == Role::kSurname) == before);
    }
    score += surname_before ? 3.0 : -3.0;
  }
  return score;
}

void Append(std::string& field, std::string_view word) {
  if (!field.empty()) field.push_back(' ');
  field.append(word);
}

std::string Describe(const Tokens& tokens, const Layout& layout) {
  std::string reason = std::string("order: ") + layout.order;
  if (tokens.before_comma > 0) reason += "; comma after the surname";
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    const Role r = layout.roles[i];
    if (r == Role::kPatronymic && t.patronymic_table) {
      reason += "; patronymic '" + t.text + "' in the name table";
    } else if (r == Role::kPatronymic && t.patronymic_suffix) {
      reason += "; patronymic ending in '" + t.text + "'";
    } else if (r == Role::kGiven && t.given_hit) {
      reason += "; given name '" + t.text + "' in the name table";
    } else if (r == Role::kSurname && t.upper) {
      reason += "; surname '" + t.text + "' in capitals";
    } else if (r == Role::kSurname && t.surname_ending) {
      reason += "; surname ending in '" + t.text + "'";
    }
  }
  return reason;
}

Sex SexOf(const Token* given, const Token* patronymic, std::string_view surname_key) {
  auto unanimous = [](std::span<const GivenNameHit> hits, bool patronymics) {
    Sex sex = Sex::kUnknown;
    for (const auto& h : hits) {
      if ((h.kind == NameFormKind::kPatronymic) != patronymics) continue;
      if (sex != Sex::kUnknown && sex != h.sex) return Sex::kUnknown;
      sex = h.sex;
    }
    return sex;
  };
  if (patronymic != nullptr && !patronymic->initial) {
    if (Sex s = unanimous(patronymic->hits, true); s != Sex::kUnknown) return s;
    if (patronymic->key.ends_with("na")) return Sex::kFemale;
    if (patronymic->key.ends_with("ich")) return Sex::kMale;
  }
  if (given != nullptr) {
    if (Sex s = unanimous(given->hits, false); s != Sex::kUnknown) return s;
  }
  if (surname_key.find(' ') == std::string_view::npos) return SurnameSex(surname_key);
  return Sex::kUnknown;
}

ParsedName Build(const Tokens& tokens, const Layout& layout, double confidence) {
  ParsedName p;
  const Token* given = nullptr;
  const Token* patronymic = nullptr;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    switch (layout.roles[i]) {
      case Role::kSurname:
        Append(p.surname, t.text);
        Append(p.surname_key, t.key);
        break;
      case Role::kGiven:
        p.given = t.text;
        p.given_key = t.key;
        p.given_is_initial = t.initial;
        p.given_hits = t.hits;
        if (t.hits.empty() && !t.initial) p.given_near_hits = LookupGivenNameKeyNear(t.key);
        given = &t;
        break;
      case Role::kPatronymic:
        p.patronymic = t.text;
        p.patronymic_key = t.key;
        p.patronymic_is_initial = t.initial;
        p.patronymic_hits = t.hits;
        if (t.hits.empty() && !t.initial) p.patronymic_near_hits = LookupGivenNameKeyNear(t.key);
        patronymic = &t;
        break;
    }
  }
  p.surname_stem = SurnameStem(p.surname_key);
  p.surname_first = layout.roles.front() == Role::kSurname;
  p.sex = SexOf(given, patronymic, p.surname_key);
  p.confidence = confidence;
  p.reason = Describe(tokens, layout);
  return p;
}

}  // namespace

bool HasPatronymicSuffix(std::string_view key) {
  // The short -ich is left out: on its own it is not enough (Петрович is also a surname).
  return std::any_of(std::begin(internal::kPatronymicSuffixes),
                     std::end(internal::kPatronymicSuffixes), [&](std::string_view s) {
                       return s != "ич" && key.size() > s.size() + 1 && key.ends_with(s);
                     });
}

Result<std::vector<ParsedName>> ParseFullNameReadings(std::string_view text,
                                                      std::size_t max_layouts) {
  auto tokens = Tokenise(text);
  if (!tokens) return std::unexpected(tokens.error());
  const std::vector<Layout> layouts = Layouts(tokens->list.size());
  std::vector<Scored> scored;
  for (const auto& layout : layouts) scored.push_back({&layout, LayoutScore(*tokens, layout)});
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  std::vector<ParsedName> readings;
  for (std::size_t i = 0; i < scored.size() && i < std::max<std::size_t>(max_layouts, 1); ++i) {
    const double rival =
        i == 0 ? (scored.size() > 1 ? scored[1].score : scored[0].score) : scored[0].score;
    // A lone word has no rival: an honest coin toss between surname and given name.
    const double margin = scored[i].score - rival;
    readings.push_back(Build(*tokens, *scored[i].layout, 1.0 / (1.0 + std::exp(-margin))));
  }
  return readings;
}

Result<ParsedName> ParseFullName(std::string_view text) {
  auto readings = ParseFullNameReadings(text, 1);
  if (!readings) return std::unexpected(readings.error());
  return std::move(readings->front());
}

}  // namespace parley::names
