#include "lists/person_record.h"

namespace parley {

std::string_view PersonRecord::Extra(std::string_view column) const {
  for (const auto& f : extra) {
    if (f.column == column) return f.value;
  }
  return {};
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
