#include "lists/header_map.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_map>

#include "lists/person_record.h"

namespace parley {
namespace {

struct Alias {
  std::string_view name;  // as people write it; normalised when the table is built
  std::string_view column;
};

// Known header names. Normalisation makes case, spaces, punctuation and apostrophes
// irrelevant, so each alias is written once in its natural form.
constexpr Alias kAliases[] = {
    {"ПІБ", "full_name"},
    {"ФІО", "full_name"},
    {"ФИО", "full_name"},
    {"Прізвище, ім'я, по батькові", "full_name"},
    {"Прізвище ім'я та по батькові", "full_name"},
    {"Фамилия Имя Отчество", "full_name"},
    {"Фамилия, имя, отчество", "full_name"},
    {"Full name", "full_name"},
    {"Name", "full_name"},
    {"Прізвище", "surname"},
    {"Фамилия", "surname"},
    {"Surname", "surname"},
    {"Last name", "surname"},
    {"Family name", "surname"},
    {"Ім'я", "given_name"},
    {"Имя", "given_name"},
    {"First name", "given_name"},
    {"Given name", "given_name"},
    {"Forename", "given_name"},
    {"По батькові", "patronymic"},
    {"Отчество", "patronymic"},
    {"Patronymic", "patronymic"},
    {"Father's name", "patronymic"},
    {"Middle name", "patronymic"},
    {"Дата народження", "birth_date"},
    {"Дата рождения", "birth_date"},
    {"Date of birth", "birth_date"},
    {"DOB", "birth_date"},
    {"Birth date", "birth_date"},
    {"Дата нар.", "birth_date"},
    {"Дата народж.", "birth_date"},
    {"Рік народження", "birth_date"},
    {"Дата рожд.", "birth_date"},
    {"Год рождения", "birth_date"},
    {"Birthdate", "birth_date"},
    {"Місце народження", "birth_place"},
    {"Место рождения", "birth_place"},
    {"Place of birth", "birth_place"},
    {"Birth place", "birth_place"},
    {"Військовий квиток", "service_number"},
    {"Особистий номер", "service_number"},
    {"Жетон", "service_number"},
    {"Личный номер", "service_number"},
    {"Service number", "service_number"},
    {"Номер жетона", "service_number"},
    {"Жетон №", "service_number"},
    {"Номер військового квитка", "service_number"},
    {"Військовий квиток №", "service_number"},
    {"Личный жетон", "service_number"},
    {"Номер военного билета", "service_number"},
    {"Военный билет", "service_number"},
    {"Звання", "rank"},
    {"Військове звання", "rank"},
    {"Звание", "rank"},
    {"Воинское звание", "rank"},
    {"Rank", "rank"},
    {"Частина", "unit"},
    {"Військова частина", "unit"},
    {"Воинская часть", "unit"},
    {"Часть", "unit"},
    {"Unit", "unit"},
    {"Стать", "sex"},
    {"Пол", "sex"},
    {"Sex", "sex"},
    {"Gender", "sex"},
    {"Категорія", "category"},
    {"Категория", "category"},
    {"Category", "category"},
    {"Примітки", "notes"},
    {"Примітка", "notes"},
    {"Примечания", "notes"},
    {"Примечание", "notes"},
    {"Notes", "notes"},
    {"Note", "notes"},
    {"Comment", "notes"},
    {"Comments", "notes"},
    {"№", "id"},
    {"№ п/п", "id"},
    {"№ з/п", "id"},
    {"Номер з/п", "id"},
    {"ID", "id"},
    {"Ідентифікатор", "id"},
    {"Идентификатор", "id"},
    // Turkish, as parley's exports for people write it (report/report_language.cpp).
    {"Kimlik", "id"},
    {"Soyadı", "surname"},
    {"Adı", "given_name"},
    {"Baba adı", "patronymic"},
    {"Tam adı", "full_name"},
    {"Doğum tarihi", "birth_date"},
    {"Doğum yeri", "birth_place"},
    {"Sicil numarası", "service_number"},
    {"Rütbe", "rank"},
    {"Birlik", "unit"},
    {"Cinsiyet", "sex"},
    {"Kategori", "category"},
    {"Notlar", "notes"},
    {"Номер", "id"},
    {"No", "id"},
};

// Headers of the aliases column (an extra column, not a canonical one: see person_record.h).
constexpr std::string_view kAliasesHeaders[] = {
    "aliases",       "alias",       "aka",          "a.k.a.",          "also known as",
    "also_known_as", "other names", "Псевдоніми",   "Псевдонім",       "Інші імена",
    "Псевдонимы",    "Псевдоним",   "Другие имена", "Прежние фамилии", "Попередні прізвища"};

bool IsApostrophe(UChar32 c) {
  // ' ’ ʼ ʻ ` ´ — ʼ and ʻ are letters to ICU (Lm), so they must be dropped explicitly.
  return c == 0x27 || c == 0x2019 || c == 0x02BC || c == 0x02BB || c == 0x60 || c == 0xB4;
}

std::unordered_map<std::string, std::string_view> BuildAliasTable() {
  std::unordered_map<std::string, std::string_view> table;
  for (const Alias& a : kAliases) table.emplace(NormaliseHeaderName(a.name), a.column);
  // The canonical names themselves ("full_name", "Birth_Date") are always recognised.
  for (std::string_view c : kCanonicalColumns) table.emplace(NormaliseHeaderName(c), c);
  return table;
}

const std::unordered_map<std::string, std::string_view>& AliasTable() {
  static const std::unordered_map<std::string, std::string_view> table = BuildAliasTable();
  return table;
}

bool IsCanonical(std::string_view column) {
  return std::find(std::begin(kCanonicalColumns), std::end(kCanonicalColumns), column) !=
         std::end(kCanonicalColumns);
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

std::string NormaliseHeaderName(std::string_view name) {
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))
          .foldCase();
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (IsApostrophe(c)) continue;
    if (u_isalnum(c) || c == 0x2116 /* № */) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

bool IsAliasesHeader(std::string_view header_name) {
  static const std::vector<std::string> normalised = [] {
    std::vector<std::string> out;
    for (std::string_view h : kAliasesHeaders) out.push_back(NormaliseHeaderName(h));
    return out;
  }();
  const std::string name = NormaliseHeaderName(header_name);
  return std::find(normalised.begin(), normalised.end(), name) != normalised.end();
}

std::string_view CanonicalColumnFor(std::string_view header_name) {
  const auto& table = AliasTable();
  auto it = table.find(NormaliseHeaderName(header_name));
  if (it != table.end()) return it->second;
  // A head in several languages, as parley's exports for people write them ("Прізвище /
  // Фамилия"): every part must be a known name of the same column, so a bureau's own
  // "Дата / місце народження" stays an extra column rather than half of one.
  if (header_name.find(" / ") == std::string_view::npos) return {};
  std::string_view found;
  for (std::size_t start = 0, end = 0; start <= header_name.size(); start = end + 3) {
    end = std::min(header_name.find(" / ", start), header_name.size());
    auto part = table.find(NormaliseHeaderName(header_name.substr(start, end - start)));
    if (part == table.end() || (!found.empty() && found != part->second)) return {};
    found = part->second;
  }
  return found;
}

Result<std::vector<std::string>> MapHeader(
    std::span<const std::string> header,
    std::span<const std::pair<std::string, std::string>> overrides, const Location& header_row) {
  std::vector<std::string> columns;
  columns.reserve(header.size());
  for (const std::string& h : header) columns.emplace_back(CanonicalColumnFor(h));

  for (const auto& [from, to] : overrides) {
    if (!to.empty() && !IsCanonical(to)) {
      return Fail(ErrorCode::kInvalidInput,
                  "--map " + Quote(from + "=" + to) + ": " + Quote(to) +
                      " is not a canonical column; use id, surname, given_name, patronymic, "
                      "full_name, birth_date, birth_place, service_number, rank, unit, sex, "
                      "category or notes",
                  header_row);
    }
    std::string wanted = NormaliseHeaderName(from);
    bool found = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == from || NormaliseHeaderName(header[i]) == wanted) {
        columns[i] = to;
        found = true;
      }
    }
    if (!found) {
      return Fail(ErrorCode::kInvalidInput,
                  "--map names column " + Quote(from) + ", which the header does not have",
                  header_row);
    }
  }

  std::string recognised;
  bool has_name = false;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (columns[j] != columns[i]) continue;
      Location where = header_row;
      where.column = static_cast<std::int64_t>(i + 1);
      where.field = header[i];
      return Fail(ErrorCode::kInvalidInput,
                  "columns " + std::to_string(j + 1) + " " + Quote(header[j]) + " and " +
                      std::to_string(i + 1) + " " + Quote(header[i]) + " both mean " + columns[i] +
                      "; rename one or use --map to say which is " + columns[i],
                  where);
    }
    has_name = has_name || columns[i] == "surname" || columns[i] == "full_name";
    recognised += (recognised.empty() ? "" : ", ") + columns[i] + " (" + header[i] + ")";
  }
  if (!has_name) {
    return Fail(ErrorCode::kInvalidInput,
                "no name column: the header needs a full name (ПІБ, ФИО, Full name) or a "
                "surname (Прізвище, Фамилия, Surname) column, or --map; recognised: " +
                    (recognised.empty() ? std::string("nothing") : recognised),
                header_row);
  }
  return columns;
}

}  // namespace parley
