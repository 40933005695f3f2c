#include "names/full_name_split.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

#include "names/internal/patronymic_forms.h"

namespace parley::names {
namespace {

using internal::kPatronymicParticles;
using internal::kPatronymicSuffixes;

icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string FoldCase(std::string_view s) {
  std::string out;
  ToUnicode(s).foldCase().toUTF8String(out);
  return out;
}

bool IsParticle(std::string_view token) {
  std::string folded = FoldCase(token);
  for (std::string_view p : kPatronymicParticles) {
    if (folded == p) return true;
  }
  return false;
}

// All letters upper case, at least two of them: "ШЕВЧЕНКО", "SHEVCHENKO-BOIKO". Decodes in
// place (U8_NEXT) because it runs on every token of every row.
bool IsAllCaps(std::string_view token) {
  // Initials ("Д.О.") are capitals too, but never a surname.
  if (token.find('.') != std::string_view::npos) return false;
  const auto* s = reinterpret_cast<const std::uint8_t*>(token.data());
  const auto length = static_cast<std::int32_t>(token.size());
  int letters = 0;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

std::string Join(std::span<const std::string_view> tokens) {
  std::string out;
  for (std::string_view t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Given name and patronymic from the tokens after (or before) the surname: the first token
// is the given name, the rest the patronymic (with its particle, if any).
void FillGivenAndPatronymic(std::span<const std::string_view> rest, NameParts& parts) {
  if (rest.empty()) return;
  parts.given_name = std::string(rest.front());
  parts.patronymic = Join(rest.subspan(1));
}

// How many trailing tokens form the patronymic: 2 with a particle ("Гусейн огли"), else 1.
std::size_t PatronymicWidth(std::span<const std::string_view> tokens) {
  return tokens.size() >= 4 && IsParticle(tokens.back()) ? 2 : 1;
}

NameParts SplitSurnameFirst(std::span<const std::string_view> tokens) {
  NameParts parts;
  if (tokens.size() <= 3) {
    parts.surname = std::string(tokens[0]);
    FillGivenAndPatronymic(tokens.subspan(1), parts);
    return parts;
  }
  // Four or more tokens: the given name and patronymic are the last two words (three with a
  // particle); everything before them is kept as the surname. Double surnames written with
  // a space ("Петренко Бойко Іван Петрович") are far more common in lists than double given
  // names, and keeping extra words in the surname loses nothing: it is compared as a whole.
  std::size_t tail = 1 + PatronymicWidth(tokens);
  parts.surname = Join(tokens.first(tokens.size() - tail));
  FillGivenAndPatronymic(tokens.last(tail), parts);
  return parts;
}

NameParts SplitGivenFirst(std::span<const std::string_view> tokens) {
  NameParts parts;
  if (tokens.size() == 2) {
    parts.given_name = std::string(tokens[0]);
    parts.surname = std::string(tokens[1]);
    return parts;
  }
  // "Given Patronymic [particle] Surname...": extra words again stay with the surname.
  std::size_t head = tokens.size() >= 4 && IsParticle(tokens[2]) ? 3 : 2;
  FillGivenAndPatronymic(tokens.first(head), parts);
  parts.surname = Join(tokens.subspan(head));
  return parts;
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

bool LooksLikePatronymic(std::string_view token) {
  std::string folded = FoldCase(token);
  // A patronymic is longer than its suffix: "Ич" alone is not one.
  for (std::string_view suffix : kPatronymicSuffixes) {
    if (folded.size() > suffix.size() + 2 && folded.ends_with(suffix)) return true;
  }
  return false;
}

NameOrder DetectNameOrder(std::span<const std::string_view> full_names) {
  std::int64_t surname_first = 0;
  std::int64_t given_first = 0;
  for (std::string_view name : full_names) {
    if (name.find(',') != std::string_view::npos) continue;  // the comma decides that row
    std::vector<std::string_view> tokens = Tokens(name);
    if (tokens.size() < 3) continue;
    bool last = LooksLikePatronymic(tokens.back()) || IsParticle(tokens.back());
    bool second = LooksLikePatronymic(tokens[1]);
    if (last && !second) ++surname_first;
    if (second && !last) ++given_first;
  }
  return given_first > surname_first ? NameOrder::kGivenFirst : NameOrder::kSurnameFirst;
}

NameParts SplitFullName(std::string_view full_name, NameOrder order) {
  if (std::size_t comma = full_name.find(','); comma != std::string_view::npos) {
    NameParts parts;
    parts.surname = std::string(Trim(full_name.substr(0, comma)));
    std::vector<std::string_view> rest = Tokens(full_name.substr(comma + 1));
    FillGivenAndPatronymic(rest, parts);
    return parts;
  }
  std::vector<std::string_view> tokens = Tokens(full_name);
  if (tokens.empty()) return {};
  if (tokens.size() == 1) return NameParts{std::string(tokens[0]), {}, {}};
  // One all-capitals token among mixed-case ones is the surname, wherever it stands.
  int caps = 0;
  std::size_t caps_at = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (IsAllCaps(tokens[i])) {
      ++caps;
      caps_at = i;
    }
  }
  if (caps == 1 && (caps_at == 0 || caps_at == tokens.size() - 1)) {
    order = caps_at == 0 ? NameOrder::kSurnameFirst : NameOrder::kGivenFirst;
  }
  return order == NameOrder::kGivenFirst ? SplitGivenFirst(tokens) : SplitSurnameFirst(tokens);
}

}  // namespace parley::names
