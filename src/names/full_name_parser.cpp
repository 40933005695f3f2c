#include "names/full_name_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "core/try.h"
#include "names/digits_as_letters.h"
#include "names/homoglyphs.h"
#include "names/internal/patronymic_forms.h"
#include "names/internal/utf8.h"
#include "names/normalise.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"
#include "names/titles.h"

namespace parley::names {
namespace {

enum class Role : unsigned char { kSurname, kGiven, kPatronymic };

struct Token {
  std::u32string cps;  // normalised: NFC, look-alikes repaired
  std::string key;
  std::span<const GivenNameHit> hits;
  // Where the token stands in the input as written, in bytes, and whether it begins a written
  // word ("О." of "Д.О." does not).
  std::size_t begin = 0;
  std::size_t end = 0;
  bool starts_word = false;
  bool initial = false;
  bool upper = false;
  bool given_hit = false;
  bool patronymic_table = false;
  bool patronymic_suffix = false;
  bool particle = false;  // a Turkic particle, or a father's name joined with its particle
  bool surname_ending = false;
  // The sex the word shows as each part (ReadSexes; unknown for an initial).
  Sex sex_as_patronymic = Sex::kUnknown;
  Sex sex_as_given = Sex::kUnknown;
  Sex sex_as_surname = Sex::kUnknown;
};

bool IsPatronymic(const Token& t) {
  return t.patronymic_table || t.patronymic_suffix || t.particle;
}

// Which order a layout writes the name in. A lone word has no order; "given surname
// patronymic" is neither of the two orders a list uses.
enum class LayoutOrder : unsigned char { kSurnameFirst, kGivenFirst, kEither, kNeither };

struct Layout {
  std::vector<Role> roles;
  LayoutOrder order = LayoutOrder::kEither;
  // The position prior when the layout is in the order leaned towards, and when it is not.
  double lean_prior = 0.0;
  double other_prior = 0.0;
  const char* name = "";
};

bool InOrder(const Layout& layout, NameOrder order) {
  switch (layout.order) {
    case LayoutOrder::kSurnameFirst:
      return order == NameOrder::kSurnameFirst;
    case LayoutOrder::kGivenFirst:
      return order == NameOrder::kGivenFirst;
    case LayoutOrder::kEither:
      return true;
    case LayoutOrder::kNeither:
      return false;
  }
  return false;
}

// How the prior weighs on one name: the order position leans towards, what a layout in that
// order gains beyond the position prior, whether only layouts in that order may be read, and
// what the reason says when the prior's order is read.
struct Lean {
  NameOrder order = NameOrder::kSurnameFirst;
  double bonus = 0.0;
  bool only_this_order = false;
  const char* note = "";
};

struct Scored {
  std::size_t layout = 0;  // index into Reading::layouts
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

bool IsParticleKey(std::string_view key) {
  return std::find(std::begin(internal::kPatronymicParticleKeys),
                   std::end(internal::kPatronymicParticleKeys),
                   key) != std::end(internal::kPatronymicParticleKeys);
}

// A word in capitals transliterated letter by letter writes each digraph with one capital:
// "ShAKhROKhI" for ШАХРОХІ, "DZhAFARI" for ДЖАФАРІ (as Ukraine's sanctions register romanises
// a foreign surname). Its small letters stand alone between capitals, and the capitals are
// more; words run together ("RomanchukVladimir", "NECHAYNazar") have runs of small letters.
bool IsCapitalsWithDigraphs(std::u32string_view word) {
  auto lower = [](char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; };
  int capitals = 0;
  int smalls = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (u_isupper(static_cast<UChar32>(word[i]))) ++capitals;
    if (!lower(word[i])) continue;
    ++smalls;
    if (i > 0 && lower(word[i - 1])) return false;
  }
  return smalls > 0 && capitals > smalls;
}

struct Tokens {
  std::vector<Token> list;
  int before_comma = -1;             // number of tokens before the first comma; -1 without a comma
  bool some_patronymic_sex = false;  // a word shows a sex as a patronymic (ReadSexes)
};

// A run of the input between boundaries, as written: white space and commas end a written
// word, and a '.' also ends a piece within it ("Д.О." is the pieces "Д." and "О.").
struct Piece {
  std::u32string cps;
  std::size_t begin = 0;  // bytes of the input
  std::size_t end = 0;
  bool starts_word = false;
};

struct Pieces {
  std::vector<Piece> list;
  std::size_t before_comma = static_cast<std::size_t>(-1);  // pieces before the first comma
};

bool IsWordBoundary(char32_t cp) { return cp == U',' || u_isUWhiteSpace(static_cast<UChar32>(cp)); }

Pieces Segment(std::u32string_view cps) {
  Pieces out;
  Piece current;
  bool in_word = false;
  // Whether the written word from `word_begin` is in capitals, digraphs and all: read only
  // where a word would be cut, as most words never are.
  std::size_t word_begin = 0;
  enum class Capitals : unsigned char { kUnread, kNo, kYes } in_capitals = Capitals::kUnread;
  auto capitals = [&] {
    if (in_capitals == Capitals::kUnread) {
      const auto end = std::find_if(cps.begin() + static_cast<std::ptrdiff_t>(word_begin),
                                    cps.end(), IsWordBoundary);
      in_capitals = IsCapitalsWithDigraphs(cps.substr(
                        word_begin, static_cast<std::size_t>(end - cps.begin()) - word_begin))
                        ? Capitals::kYes
                        : Capitals::kNo;
    }
    return in_capitals == Capitals::kYes;
  };
  std::size_t byte = 0;
  auto flush = [&] {
    if (!current.cps.empty()) out.list.push_back(std::move(current));
    current = Piece{};
  };
  bool after_boundary = true;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    const auto length = static_cast<std::size_t>(U8_LENGTH(static_cast<UChar32>(cp)));
    const bool comma = cp == U',';
    const bool boundary = IsWordBoundary(cp);
    if (!boundary && after_boundary) {
      word_begin = i;
      in_capitals = Capitals::kUnread;
    }
    after_boundary = boundary;
    // Words run together ("RomanchukVladimir", "ЯрославовичДашкевич"): a capital after a
    // small letter starts a word of its own.
    if (!boundary && current.cps.size() >= 2 && u_isupper(static_cast<UChar32>(cp)) &&
        u_islower(static_cast<UChar32>(current.cps.back())) && !capitals()) {
      flush();
      in_word = false;
    }
    // And a surname in capitals run into the given name ("NECHAYNazar", "LUKYANENKODenys"): a
    // small letter after three or more capitals begins a word at the last capital.
    if (!boundary && u_islower(static_cast<UChar32>(cp)) && current.cps.size() >= 4 &&
        std::all_of(current.cps.begin(), current.cps.end(),
                    [](char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; }) &&
        !capitals()) {
      const char32_t capital = current.cps.back();
      const auto capital_length =
          static_cast<std::size_t>(U8_LENGTH(static_cast<UChar32>(capital)));
      current.cps.pop_back();
      current.end -= capital_length;
      flush();
      current.begin = byte - capital_length;
      current.starts_word = true;
      current.cps.push_back(capital);
    }
    if (!boundary) {
      if (current.cps.empty()) {
        current.begin = byte;
        current.starts_word = !in_word;
      }
      in_word = true;
      current.cps.push_back(cp);
      current.end = byte + length;
    }
    if (boundary || cp == U'.') flush();
    if (boundary) in_word = false;
    if (comma && out.before_comma == static_cast<std::size_t>(-1)) {
      out.before_comma = out.list.size();
    }
    byte += length;
  }
  flush();
  return out;
}

// Brings each piece to the form the keys are made from: NFC (piece by piece, which is the
// whole text's NFC, as no boundary composes with its neighbours) and look-alikes repaired
// over the whole name, as a word's script may be decided by the whole text.
Result<void> NormalisePieces(std::string_view text, Pieces& pieces) {
  PARLEY_ASSIGN_OR_RETURN(const std::string nfc, Normalise(text, NormalForm::kNfc));
  if (nfc != text) {
    for (Piece& piece : pieces.list) {
      PARLEY_ASSIGN_OR_RETURN(const std::string piece_nfc,
                              Normalise(internal::EncodeUtf8(piece.cps), NormalForm::kNfc));
      PARLEY_ASSIGN_OR_RETURN(piece.cps, internal::DecodeUtf8(piece_nfc));
    }
  }
  for (Piece& piece : pieces.list) ReadDigitsAsLettersInPlace(piece.cps);
  std::u32string joined;
  for (const Piece& piece : pieces.list) {
    joined += piece.cps;
    joined.push_back(U' ');
  }
  RepairHomoglyphsInPlace(joined);  // letter for letter: the lengths stay
  std::size_t at = 0;
  for (Piece& piece : pieces.list) {
    piece.cps.assign(joined, at, piece.cps.size());
    at += piece.cps.size() + 1;
  }
  return {};
}

// What one piece says by itself, whatever name it stands in.
struct WordFacts {
  std::string key;
  std::span<const GivenNameHit> hits;
  bool letters = false;
  bool initial = false;
  bool upper = false;
  bool given_hit = false;
  bool patronymic_table = false;
  bool patronymic_suffix = false;
  bool particle = false;
  bool surname_ending = false;
};

Result<WordFacts> ReadWord(std::u32string_view cps) {
  int letters = 0;
  int upper = 0;
  for (char32_t cp : cps) {
    if (u_isalpha(static_cast<UChar32>(cp))) {
      ++letters;
      if (u_isupper(static_cast<UChar32>(cp))) ++upper;
    }
  }
  WordFacts f;
  if (letters == 0) return f;
  f.letters = true;
  PARLEY_ASSIGN_OR_RETURN(f.key, RomanKeyOfRepaired(std::u32string(cps)));
  const bool dotted = cps.back() == U'.';
  f.initial = letters == 1 || (dotted && letters == 2 && upper >= 1);
  // Capitals outnumber small letters before the word is read for digraphs (a Title-case word
  // never is).
  f.upper =
      letters >= 2 && (upper == letters || (2 * upper > letters && IsCapitalsWithDigraphs(cps)));
  if (f.initial) return f;
  if (f.key.find(' ') == std::string::npos) {
    f.hits = LookupGivenNameKey(f.key);
    f.given_hit = HasKind(f.hits, NameFormKind::kOfficial) ||
                  HasKind(f.hits, NameFormKind::kVariant) ||
                  HasKind(f.hits, NameFormKind::kDiminutive);
    f.patronymic_table = HasKind(f.hits, NameFormKind::kPatronymic);
  }
  f.patronymic_suffix = HasPatronymicSuffix(f.key);
  f.particle = IsParticleKey(f.key);
  f.surname_ending = HasSurnameEnding(f.key);
  return f;
}

// A list repeats a few thousand words over a million rows, and a word's key and table
// look-ups are most of what reading a name costs (an import reads each name twice: once for
// the list's vote, once for its parts). So each thread remembers the words it has read; the
// memory is bounded by forgetting them all when too many pile up.
constexpr std::size_t kRememberedWords = 1 << 14;

Result<const WordFacts*> FactsOf(const std::u32string& cps) {
  thread_local std::unordered_map<std::u32string, WordFacts> remembered;
  if (auto it = remembered.find(cps); it != remembered.end()) return &it->second;
  PARLEY_ASSIGN_OR_RETURN(WordFacts facts, ReadWord(cps));
  if (remembered.size() >= kRememberedWords) remembered.clear();
  return &remembered.emplace(cps, std::move(facts)).first->second;
}

Result<std::optional<Token>> MakeToken(Piece&& piece) {
  PARLEY_ASSIGN_OR_RETURN(const WordFacts* f, FactsOf(piece.cps));
  if (!f->letters) return std::nullopt;
  Token t;
  t.cps = std::move(piece.cps);
  t.key = f->key;
  t.hits = f->hits;
  t.begin = piece.begin;
  t.end = piece.end;
  t.starts_word = piece.starts_word;
  t.initial = f->initial;
  t.upper = f->upper;
  t.given_hit = f->given_hit;
  t.patronymic_table = f->patronymic_table;
  t.patronymic_suffix = f->patronymic_suffix;
  t.particle = f->particle;
  t.surname_ending = f->surname_ending;
  return t;
}

std::string TextOf(const Token& t) { return internal::EncodeUtf8(t.cps); }

// In a name of four words or more, a particle joins the father's name before it into one
// patronymic ("Мамедов Алі Гусейн огли"): "Гусейн" alone would read as a given name.
void JoinParticles(Tokens& tokens) {
  if (tokens.list.size() < 4) return;
  for (std::size_t i = 1; i < tokens.list.size(); ++i) {
    Token& t = tokens.list[i];
    const bool across_comma = static_cast<int>(i) == tokens.before_comma;
    if (!t.particle || !t.starts_word || across_comma || tokens.list[i - 1].initial) continue;
    Token& father = tokens.list[i - 1];
    father.cps += U' ';
    father.cps += t.cps;
    father.key += ' ' + t.key;
    father.hits = {};
    father.end = t.end;
    father.upper = father.upper && t.upper;
    father.given_hit = false;
    father.patronymic_table = false;
    father.patronymic_suffix = false;
    father.particle = true;
    father.surname_ending = false;
    tokens.list.erase(tokens.list.begin() + static_cast<std::ptrdiff_t>(i));
    if (static_cast<int>(i) < tokens.before_comma) --tokens.before_comma;
    return;  // a name has one patronymic
  }
}

bool IsPatronymicWord(const WordFacts& f) { return f.patronymic_table || f.patronymic_suffix; }

// Erases token i, keeping the count of tokens before the comma.
void EraseToken(Tokens& tokens, std::size_t i) {
  tokens.list.erase(tokens.list.begin() + static_cast<std::ptrdiff_t>(i));
  if (static_cast<int>(i) < tokens.before_comma) --tokens.before_comma;
}

// A hyphen joins two parts of one name in a double surname ("Петренко-Ковальчук") or a double
// given name ("Анна-Марія"), and two names where a clerk or a form put it between them
// ("Yuri-Volodymyrovych", "Anatolevna-Chuprina", "Shevchenko-Anatolii"). The second kind is
// told by its parts: one is a given name or a patronymic, and they are not both given names.
// `text` is the name as written: the parts' byte spans are found in it, not counted from the
// repaired code points (a digit read as a letter or a Latin look-alike repaired to Cyrillic
// takes more bytes than the character written).
Result<void> SplitJoinedParts(std::string_view text, Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    const std::size_t hyphen = t.cps.find(U'-');
    if (hyphen == std::u32string::npos || hyphen == 0 || hyphen + 1 == t.cps.size() ||
        t.cps.find(U'-', hyphen + 1) != std::u32string::npos) {
      continue;
    }
    Piece first{t.cps.substr(0, hyphen), t.begin, t.begin, t.starts_word};
    Piece second{t.cps.substr(hyphen + 1), 0, t.end, true};
    PARLEY_ASSIGN_OR_RETURN(const WordFacts* a, FactsOf(first.cps));
    PARLEY_ASSIGN_OR_RETURN(const WordFacts* b, FactsOf(second.cps));
    if (!a->letters || !b->letters || a->initial || b->initial) continue;
    const bool names = a->given_hit || b->given_hit || IsPatronymicWord(*a) || IsPatronymicWord(*b);
    // A name that is nothing but two hyphenated words, one ending as surnames do and the other
    // not ("Alisher-Usmanov"), is a given name and a surname, though the table may not know the
    // given name: a double surname alone, with no given name, is not how a list writes a person.
    const bool alone_given_and_surname =
        tokens.list.size() == 1 && a->surname_ending != b->surname_ending;
    if ((!names && !alone_given_and_surname) || (a->given_hit && b->given_hit)) continue;
    // The token's one U+002D is the one ASCII '-' of its span: no repair makes or removes one.
    const std::size_t dash = text.substr(0, t.end).find('-', t.begin);
    if (dash == std::string_view::npos) continue;
    first.end = dash;
    second.begin = dash + 1;
    PARLEY_ASSIGN_OR_RETURN(std::optional<Token> x, MakeToken(std::move(first)));
    PARLEY_ASSIGN_OR_RETURN(std::optional<Token> y, MakeToken(std::move(second)));
    tokens.list[i] = std::move(*x);
    tokens.list.insert(tokens.list.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(*y));
    if (static_cast<int>(i) < tokens.before_comma) ++tokens.before_comma;
    ++i;
  }
  return {};
}

// Ranks, titles and honorifics before the name (names/titles.h): an abbreviation goes when a
// name of two words is left; a full word only when what is left cannot be the name without it
// (three words, or two of which neither is a patronymic of the name table: "Майор Іван
// Петрович" keeps its surname, "сержант Мазуркевич Андрей" does not, since -евич alone ends
// surnames as often as patronymics).
void DropTitles(Tokens& tokens) {
  while (tokens.list.size() >= 3 && tokens.before_comma != 0) {
    const Token& t = tokens.list.front();
    const TitleKind kind = TitleKindOfKey(t.key);
    if (kind == TitleKind::kNone) return;
    if (kind == TitleKind::kWord && tokens.list.size() == 3) {
      auto table_patronymic = [](const Token& w) { return w.patronymic_table || w.particle; };
      if (table_patronymic(tokens.list[1]) || table_patronymic(tokens.list[2])) return;
    }
    EraseToken(tokens, 0);
  }
}

// The same words after the name, set off by a comma ("Artem Diachenko, Cpl.", "DIAK Valentyn,
// Sr. Sgt.", "Andrey Tkach, Mr"): everything after the comma must be titles, and a name of two
// words must be left. That comma then says nothing about which word is the surname.
void DropTrailingTitles(Tokens& tokens) {
  const int comma = tokens.before_comma;
  if (comma < 2 || comma >= static_cast<int>(tokens.list.size())) return;
  for (std::size_t i = static_cast<std::size_t>(comma); i < tokens.list.size(); ++i) {
    if (TitleKindOfKey(tokens.list[i].key) == TitleKind::kNone) return;
  }
  tokens.list.resize(static_cast<std::size_t>(comma));
  tokens.before_comma = -1;
}

Result<Tokens> Tokenise(std::string_view text) {
  PARLEY_ASSIGN_OR_RETURN(const std::u32string cps, internal::DecodeUtf8(text));
  Pieces pieces = Segment(cps);
  PARLEY_TRY(NormalisePieces(text, pieces));

  Tokens out;
  for (std::size_t i = 0; i < pieces.list.size(); ++i) {
    if (i == pieces.before_comma) out.before_comma = static_cast<int>(out.list.size());
    PARLEY_ASSIGN_OR_RETURN(std::optional<Token> t, MakeToken(std::move(pieces.list[i])));
    if (t) out.list.push_back(std::move(*t));
  }
  if (out.before_comma < 0 && pieces.before_comma != static_cast<std::size_t>(-1)) {
    out.before_comma = static_cast<int>(out.list.size());
  }
  if (out.list.empty()) return Fail(ErrorCode::kInvalidInput, "the name has no letters");
  PARLEY_TRY(SplitJoinedParts(text, out));
  DropTrailingTitles(out);
  DropTitles(out);
  JoinParticles(out);
  // Capitals mark the surname only when the other words are not capitals too.
  const bool all_upper = std::all_of(out.list.begin(), out.list.end(),
                                     [](const Token& t) { return t.upper || t.initial; });
  if (all_upper) {
    for (auto& t : out.list) t.upper = false;
  }
  return out;
}

// Marks are what a clerk writes to say what a word is: a comma after the surname, the
// surname in capitals, initials for the given name and patronymic.
bool HasMarks(const Tokens& tokens) {
  return tokens.before_comma > 0 ||
         std::any_of(tokens.list.begin(), tokens.list.end(),
                     [](const Token& t) { return t.upper || t.initial; });
}

// Evidence of order a row carries itself: its marks, or a word shaped like a patronymic,
// which says where the given name is. That is the evidence a list's order is voted from
// (PatronymicOrderEvidence), and a row's own is surer than its neighbours' majority.
bool HasOwnEvidence(const Tokens& tokens) {
  return HasMarks(tokens) || std::any_of(tokens.list.begin(), tokens.list.end(), IsPatronymic);
}

// For a row without evidence of its own, the list's order is worth more than one weak clue
// against it and less than one strong one (see RoleScore): a surname-like ending alone (3)
// does not turn "Коваль Валетин" (a misspelt given name) round in a surname-first list, a
// known given name (5) turns "Dmytro Bondar" round.
constexpr double kListOrderBonus = 3.0;

Lean LeanOf(const Tokens& tokens, NameOrderPrior prior) {
  switch (prior.kind) {
    case NameOrderPrior::Kind::kNone:
      return {};
    case NameOrderPrior::Kind::kFile:
      return {prior.order, HasOwnEvidence(tokens) ? 0.0 : kListOrderBonus, false,
              "; order of the list"};
    case NameOrderPrior::Kind::kForced:
      return {prior.order, 0.0, !HasMarks(tokens), "; order declared for the list"};
  }
  return {};
}

std::vector<Layout> MakeLayouts(std::size_t n) {
  auto repeat = [](std::size_t count) { return std::vector<Role>(count, Role::kSurname); };
  auto join = [](std::vector<Role> a, std::initializer_list<Role> b, std::vector<Role> c = {}) {
    a.insert(a.end(), b);
    a.insert(a.end(), c.begin(), c.end());
    return a;
  };
  using enum LayoutOrder;
  std::vector<Layout> layouts;
  if (n == 1) {
    layouts.push_back({{Role::kSurname}, kEither, 0.0, 0.0, "surname only"});
    return layouts;
  }
  if (n == 2) {
    layouts.push_back({{Role::kSurname, Role::kGiven}, kSurnameFirst, 0.5, 0.2, "surname given"});
    layouts.push_back({{Role::kGiven, Role::kSurname}, kGivenFirst, 0.5, 0.2, "given surname"});
    return layouts;
  }
  layouts.push_back({join(repeat(n - 2), {Role::kGiven, Role::kPatronymic}), kSurnameFirst, 1.0,
                     0.5, "surname given patronymic"});
  layouts.push_back({join({}, {Role::kGiven, Role::kPatronymic}, repeat(n - 2)), kGivenFirst, 1.0,
                     0.5, "given patronymic surname"});
  layouts.push_back(
      {join(repeat(n - 1), {Role::kGiven}), kSurnameFirst, -0.5, -0.7, "surname given"});
  layouts.push_back(
      {join({}, {Role::kGiven}, repeat(n - 1)), kGivenFirst, -0.5, -0.7, "given surname"});
  if (n == 3) {
    // Rare: it must be read from the words (a known given name first), never from a surname
    // ending alone, which an unknown given name often has ("Лисак Юстин Максимович").
    layouts.push_back({{Role::kGiven, Role::kSurname, Role::kPatronymic},
                       kNeither,
                       -2.5,
                       -2.5,
                       "given surname patronymic"});
  }
  return layouts;
}

// The layouts of the usual name lengths are made once: an import reads a million names.
constexpr std::size_t kSharedLayoutLengths = 8;

// The layouts of a name of 1 <= n < kSharedLayoutLengths words.
const std::vector<Layout>& SharedLayouts(std::size_t n) {
  static const std::array<std::vector<Layout>, kSharedLayoutLengths> shared = [] {
    std::array<std::vector<Layout>, kSharedLayoutLengths> made;
    for (std::size_t i = 1; i < made.size(); ++i) made[i] = MakeLayouts(i);
    return made;
  }();
  return shared[n];
}

// The sex the table's hits agree on (patronymic forms, or the other forms), else unknown.
Sex UnanimousSex(std::span<const GivenNameHit> hits, bool patronymics) {
  Sex sex = Sex::kUnknown;
  for (const auto& h : hits) {
    if ((h.kind == NameFormKind::kPatronymic) != patronymics) continue;
    if (sex != Sex::kUnknown && sex != h.sex) return Sex::kUnknown;
    sex = h.sex;
  }
  return sex;
}

// The bearer's sex a word read as a patronymic shows: its table forms, else its ending.
Sex PatronymicSex(const Token& t) {
  if (t.initial) return Sex::kUnknown;
  if (Sex s = UnanimousSex(t.hits, true); s != Sex::kUnknown) return s;
  if (t.key.ends_with("na")) return Sex::kFemale;
  if (t.key.ends_with("ich")) return Sex::kMale;
  return Sex::kUnknown;
}

Sex SexOf(const Token* given, const Token* patronymic, std::string_view surname_key) {
  if (patronymic != nullptr) {
    if (Sex s = PatronymicSex(*patronymic); s != Sex::kUnknown) return s;
  }
  if (given != nullptr) {
    if (Sex s = UnanimousSex(given->hits, false); s != Sex::kUnknown) return s;
  }
  if (surname_key.find(' ') == std::string_view::npos) return SurnameSex(surname_key);
  return Sex::kUnknown;
}

// Points for a word playing a role, roughly log-odds: what the name table says (3 for a given
// name, 4 for a patronymic or a particle, 3 for a patronymic ending) outweighs a surname ending
// or capitals (2 each), and those outweigh the position prior (at most 1 per layout). A comma
// (3, in LayoutScore) settles what the words alone cannot. Wrong roles cost about as much as
// right ones earn, so that one strong clue is not outvoted by two weak ones.
double RoleScore(const Token& t, Role role) {
  const bool patronymic = IsPatronymic(t);
  switch (role) {
    case Role::kGiven:
      if (t.initial) return 1.0;
      return (t.given_hit ? 3.0 : 0.0) - (patronymic ? 4.0 : 0.0) -
             (t.surname_ending && !t.given_hit ? 1.0 : 0.0) - (t.upper ? 1.5 : 0.0);
    case Role::kPatronymic:
      if (t.initial) return 1.0;
      if (t.patronymic_table || t.particle) return 4.0;
      if (t.patronymic_suffix) return 3.0;
      return t.given_hit ? -2.0 : -1.5;
    case Role::kSurname:
      if (t.initial) return -3.0;
      return (t.surname_ending ? 2.0 : 0.0) + (t.upper ? 2.0 : 0.0) - (t.given_hit ? 2.0 : 0.0) -
             (patronymic ? 3.0 : 0.0);
  }
  return 0.0;
}

// A reading whose patronymic shows one sex and whose surname's ending or given name shows the
// other ("Dobryna Serhiyivna Kovalevych" read surname first: a woman's -ina and -ivna beside a
// man's -ych) has put a word in the wrong place: one person's name parts agree.
constexpr double kSexDisagreement = 2.0;

// The sex each word shows in each role it may play, read once for all of a name's layouts and
// only where a word shows one as a patronymic (else no layout's parts can disagree).
void ReadSexes(Tokens& tokens) {
  for (Token& t : tokens.list) t.sex_as_patronymic = PatronymicSex(t);
  tokens.some_patronymic_sex =
      std::any_of(tokens.list.begin(), tokens.list.end(),
                  [](const Token& t) { return t.sex_as_patronymic != Sex::kUnknown; });
  if (!tokens.some_patronymic_sex) return;
  for (Token& t : tokens.list) {
    if (t.initial) continue;
    t.sex_as_given = UnanimousSex(t.hits, false);
    t.sex_as_surname = SurnameSex(t.key);
  }
}

bool SexesDisagree(const Tokens& tokens, const Layout& layout) {
  if (!tokens.some_patronymic_sex) return false;
  Sex sex = Sex::kUnknown;
  const Token* given = nullptr;
  const Token* surname = nullptr;
  int surname_words = 0;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    if (layout.roles[i] == Role::kPatronymic) sex = t.sex_as_patronymic;
    if (layout.roles[i] == Role::kGiven) given = &t;
    if (layout.roles[i] == Role::kSurname) {
      surname = &t;
      ++surname_words;
    }
  }
  if (sex == Sex::kUnknown) return false;
  auto other = [sex](Sex s) { return s != Sex::kUnknown && s != sex; };
  // A given name that is a table name of the other sex, or reads as a patronymic of it.
  if (given != nullptr && (other(given->sex_as_given) || other(given->sex_as_patronymic))) {
    return true;
  }
  return surname_words == 1 && other(surname->sex_as_surname);
}

double LayoutScore(const Tokens& tokens, const Layout& layout, const Lean& lean) {
  double score = InOrder(layout, lean.order) ? layout.lean_prior + lean.bonus : layout.other_prior;
  // Where capitals mark the surname ("Karim Yusuf HADDAD"), a word in small letters is not part
  // of it: a middle name, not the first word of a double surname.
  const bool capitals_mark =
      std::any_of(tokens.list.begin(), tokens.list.end(), [](const Token& t) { return t.upper; });
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    score += RoleScore(t, layout.roles[i]);
    if (capitals_mark && layout.roles[i] == Role::kSurname && !t.upper && !t.initial) score -= 2.0;
  }
  if (SexesDisagree(tokens, layout)) score -= kSexDisagreement;
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

// A name's tokens and its layouts ranked best first.
struct Reading {
  Tokens tokens;
  std::vector<Layout> own_layouts;  // for a name of unusual length only
  std::vector<Scored> ranked;
  Lean lean;

  const std::vector<Layout>& layouts() const {
    return own_layouts.empty() ? SharedLayouts(tokens.list.size()) : own_layouts;
  }
};

Result<Reading> Read(std::string_view text, NameOrderPrior prior) {
  Reading r;
  PARLEY_ASSIGN_OR_RETURN(r.tokens, Tokenise(text));
  if (r.tokens.list.size() >= kSharedLayoutLengths) {
    r.own_layouts = MakeLayouts(r.tokens.list.size());
  }
  r.lean = LeanOf(r.tokens, prior);
  const std::vector<Layout>& layouts = r.layouts();
  ReadSexes(r.tokens);
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    const Layout& layout = layouts[i];
    if (r.lean.only_this_order && !InOrder(layout, r.lean.order)) continue;
    r.ranked.push_back({i, LayoutScore(r.tokens, layout, r.lean)});
  }
  std::stable_sort(r.ranked.begin(), r.ranked.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  return r;
}

WrittenParts WrittenPartsOf(const Tokens& tokens, const Layout& layout) {
  WrittenParts parts;
  std::size_t i = 0;
  while (i < layout.roles.size()) {
    std::size_t last = i;
    while (last + 1 < layout.roles.size() && layout.roles[last + 1] == layout.roles[i]) ++last;
    const TextSpan span{tokens.list[i].begin, tokens.list[last].end - tokens.list[i].begin};
    switch (layout.roles[i]) {
      case Role::kSurname:
        parts.surname = span;
        break;
      case Role::kGiven:
        parts.given = span;
        break;
      case Role::kPatronymic:
        parts.patronymic = span;
        break;
    }
    i = last + 1;
  }
  return parts;
}

void Append(std::string& field, std::string_view word) {
  if (!field.empty()) field.push_back(' ');
  field.append(word);
}

std::string Describe(const Tokens& tokens, const Layout& layout, const Lean& lean) {
  std::string reason = std::string("order: ") + layout.name;
  const bool prior_order = layout.order != LayoutOrder::kEither && InOrder(layout, lean.order);
  if (prior_order && (lean.only_this_order || lean.bonus > 0.0)) reason += lean.note;
  if (tokens.before_comma > 0) reason += "; comma after the surname";
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    const Role r = layout.roles[i];
    if (r == Role::kPatronymic && t.patronymic_table) {
      reason += "; patronymic '" + TextOf(t) + "' in the name table";
    } else if (r == Role::kPatronymic && t.particle) {
      reason += "; patronymic '" + TextOf(t) + "' with its particle";
    } else if (r == Role::kPatronymic && t.patronymic_suffix) {
      reason += "; patronymic ending in '" + TextOf(t) + "'";
    } else if (r == Role::kGiven && t.given_hit) {
      reason += "; given name '" + TextOf(t) + "' in the name table";
    } else if (r == Role::kSurname && t.upper) {
      reason += "; surname '" + TextOf(t) + "' in capitals";
    } else if (r == Role::kSurname && t.surname_ending) {
      reason += "; surname ending in '" + TextOf(t) + "'";
    }
  }
  return reason;
}

// Typo neighbours in the name table, for a word the exact lookup did not find.
std::vector<GivenNameHit> NearHits(const Token& t) {
  if (!t.hits.empty() || t.initial || t.particle) return {};
  return LookupGivenNameKeyNear(t.key);
}

ParsedName Build(const Reading& reading, const Layout& layout, double confidence) {
  const Tokens& tokens = reading.tokens;
  ParsedName p;
  const Token* given = nullptr;
  const Token* patronymic = nullptr;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) {
    const Token& t = tokens.list[i];
    switch (layout.roles[i]) {
      case Role::kSurname:
        Append(p.surname, TextOf(t));
        Append(p.surname_key, t.key);
        break;
      case Role::kGiven:
        p.given = TextOf(t);
        p.given_key = t.key;
        p.given_is_initial = t.initial;
        p.given_hits = t.hits;
        p.given_near_hits = NearHits(t);
        given = &t;
        break;
      case Role::kPatronymic:
        p.patronymic = TextOf(t);
        p.patronymic_key = t.key;
        p.patronymic_is_initial = t.initial;
        p.patronymic_hits = t.hits;
        p.patronymic_near_hits = NearHits(t);
        patronymic = &t;
        break;
    }
  }
  p.surname_stem = SurnameStem(p.surname_key);
  p.written = WrittenPartsOf(tokens, layout);
  p.surname_first = layout.roles.front() == Role::kSurname;
  p.sex = SexOf(given, patronymic, p.surname_key);
  p.confidence = confidence;
  p.reason = Describe(tokens, layout, reading.lean);
  return p;
}

}  // namespace

std::string_view NameOrderName(NameOrder order) {
  return order == NameOrder::kGivenFirst ? "given-first" : "surname-first";
}

Result<NameOrder> ParseNameOrder(std::string_view text) {
  if (text == "surname-first") return NameOrder::kSurnameFirst;
  if (text == "given-first") return NameOrder::kGivenFirst;
  return Fail(ErrorCode::kInvalidInput,
              "unknown name order '" + std::string(text) + "'; use surname-first or given-first");
}

bool HasPatronymicSuffix(std::string_view key) {
  return std::any_of(
      std::begin(internal::kPatronymicSuffixKeys), std::end(internal::kPatronymicSuffixKeys),
      [&](std::string_view s) { return key.size() > s.size() + 1 && key.ends_with(s); });
}

bool LooksLikePatronymic(std::string_view word) {
  auto tokens = Tokenise(word);
  if (!tokens || tokens->list.size() != 1) return false;
  const Token& t = tokens->list.front();
  return t.patronymic_table || t.patronymic_suffix;
}

std::optional<NameOrder> PatronymicOrderEvidence(std::string_view text) {
  auto tokens = Tokenise(text);
  if (!tokens || tokens->before_comma >= 0 || tokens->list.size() < 3) return std::nullopt;
  const bool last = IsPatronymic(tokens->list.back());
  const bool second = IsPatronymic(tokens->list[1]);
  if (last && !second) return NameOrder::kSurnameFirst;
  if (second && !last) return NameOrder::kGivenFirst;
  return std::nullopt;
}

Result<std::vector<ParsedName>> ParseFullNameReadings(std::string_view text,
                                                      std::size_t max_layouts,
                                                      NameOrderPrior prior) {
  PARLEY_ASSIGN_OR_RETURN(const Reading reading, Read(text, prior));
  const std::vector<Scored>& scored = reading.ranked;
  std::vector<ParsedName> readings;
  for (std::size_t i = 0; i < scored.size() && i < std::max<std::size_t>(max_layouts, 1); ++i) {
    const double rival =
        i == 0 ? (scored.size() > 1 ? scored[1].score : scored[0].score) : scored[0].score;
    // A lone word has no rival: an honest coin toss between surname and given name.
    const double margin = scored[i].score - rival;
    readings.push_back(
        Build(reading, reading.layouts()[scored[i].layout], 1.0 / (1.0 + std::exp(-margin))));
  }
  return readings;
}

Result<ParsedName> ParseFullName(std::string_view text, NameOrderPrior prior) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<ParsedName> readings, ParseFullNameReadings(text, 1, prior));
  return std::move(readings.front());
}

Result<WrittenParts> FindWrittenParts(std::string_view text, NameOrderPrior prior) {
  PARLEY_ASSIGN_OR_RETURN(const Reading reading, Read(text, prior));
  return WrittenPartsOf(reading.tokens, reading.layouts()[reading.ranked.front().layout]);
}

}  // namespace parley::names
