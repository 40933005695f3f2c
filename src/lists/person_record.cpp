#include "lists/person_record.h"

namespace parley {

std::string_view PersonRecord::Extra(std::string_view column) const {
  for (const auto& f : extra) {
    if (f.column == column) return f.value;
  }
  return {};
}

std::vector<std::string> PersonRecord::Aliases() const {
  std::vector<std::string> out;
  const std::string_view cell = Extra(kAliasesColumn);
  std::size_t begin = 0;
  while (begin <= cell.size()) {
    std::size_t end = cell.find_first_of(";|", begin);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view name = cell.substr(begin, end - begin);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (!name.empty()) out.emplace_back(name);
    begin = end + 1;
  }
  return out;
}

bool PersonRecord::SameContent(const PersonRecord& o) const {
  return id == o.id && surname == o.surname && given_name == o.given_name &&
         patronymic == o.patronymic && full_name == o.full_name && birth_date == o.birth_date &&
         birth_place == o.birth_place && service_number == o.service_number && rank == o.rank &&
         unit == o.unit && sex == o.sex && category == o.category && notes == o.notes &&
         extra == o.extra;
}

std::string CanonicalField(const PersonRecord& r, std::string_view column) {
  if (column == "id") return r.id;
  if (column == "surname") return r.surname;
  if (column == "given_name") return r.given_name;
  if (column == "patronymic") return r.patronymic;
  if (column == "full_name") return r.full_name;
  if (column == "birth_date") return r.birth_date.ToIso();
  if (column == "birth_place") return r.birth_place;
  if (column == "service_number") return r.service_number;
  if (column == "rank") return r.rank;
  if (column == "unit") return r.unit;
  if (column == "sex") return r.sex;
  if (column == "category") return r.category;
  if (column == "notes") return r.notes;
  return {};
}

}  // namespace parley
