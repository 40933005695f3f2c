#include "names/full_name_split.h"

#include <cstdint>

#include "names/given_names.h"

namespace parley::names {

NameOrder DetectNameOrder(std::span<const std::string_view> full_names) {
  std::int64_t surname_first = 0;
  std::int64_t given_first = 0;
  for (std::string_view name : full_names) {
    const std::optional<NameOrder> vote = PatronymicOrderEvidence(name);
    if (vote == NameOrder::kSurnameFirst) ++surname_first;
    if (vote == NameOrder::kGivenFirst) ++given_first;
  }
  return given_first > surname_first ? NameOrder::kGivenFirst : NameOrder::kSurnameFirst;
}

NameParts SplitFullName(std::string_view full_name, NameOrderPrior prior) {
  auto parts = FindWrittenParts(full_name, prior);
  if (!parts) return NameParts{std::string(full_name), {}, {}};
  return NameParts{std::string(parts->surname.In(full_name)),
                   std::string(parts->given.In(full_name)),
                   std::string(parts->patronymic.In(full_name))};
}

namespace {

bool IsGivenName(std::string_view word) {
  auto hits = LookupGivenName(word);
  if (!hits) return false;
  for (const GivenNameHit& h : *hits) {
    if (h.kind != NameFormKind::kPatronymic) return true;
  }
  return false;
}

bool HasSeveralWords(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  const std::size_t gap = text.find(' ', first);
  return gap != std::string_view::npos &&
         text.find_first_not_of(' ', gap) != std::string_view::npos;
}

}  // namespace

ColumnsRead ReadNameColumns(NameParts cells, NameOrderPrior prior) {
  if (cells.given_name.empty() && cells.patronymic.empty() && HasSeveralWords(cells.surname)) {
    return {SplitFullName(cells.surname, prior), ColumnReading::kFullNameInSurname};
  }
  // One known given name in the surname cell and a word the table does not know in the
  // given-name cell: the two were written in each other's place. Both known ("Роман |
  // Максим"), or neither, says nothing, and the cells stay as written.
  if (!cells.given_name.empty() && !HasSeveralWords(cells.surname) &&
      !HasSeveralWords(cells.given_name) && IsGivenName(cells.surname) &&
      !IsGivenName(cells.given_name)) {
    std::swap(cells.surname, cells.given_name);
    return {std::move(cells), ColumnReading::kGivenAndSurnameSwapped};
  }
  return {std::move(cells), ColumnReading::kAsWritten};
}

}  // namespace parley::names
