// parley/lists/person_record.h — one person as one list wrote him.
//
// A PersonRecord holds the fields of SYSTEM.md's list format exactly as the file gave them
// (after decoding to UTF-8 and trimming), split into surname / given name / patronymic, with
// the birth date parsed into a PartialDate. Columns the format does not know are kept in
// `extra`, in file order, so nothing a bureau wrote is dropped. Records are values: the store
// versions them and never edits one in place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/partial_date.h"

namespace parley {

// A column that is not one of the canonical ones, kept as written.
struct ExtraField {
  std::string column;
  std::string value;
  friend bool operator==(const ExtraField&, const ExtraField&) = default;
};

struct PersonRecord {
  std::string id;  // the list's own identifier for the row (unique within a list version)
  std::string surname;
  std::string given_name;
  std::string patronymic;
  std::string full_name;  // the single name cell as written, when the file had one
  PartialDate birth_date;
  std::string birth_place;
  std::string service_number;
  std::string rank;
  std::string unit;
  std::string sex;
  std::string category;
  std::string notes;
  std::vector<ExtraField> extra;
  std::int64_t source_row = 0;  // 1-based row in the source file (the header is row 1)

  // The value of an extra column, or "" when absent.
  [[nodiscard]] std::string_view Extra(std::string_view column) const;
  // The other full names the person is known by (kAliasesColumn, split on ';' or '|',
  // trimmed, empty ones dropped), in the order written.
  [[nodiscard]] std::vector<std::string> Aliases() const;
  // Equality of content: `source_row` is provenance, not content, and is ignored.
  [[nodiscard]] bool SameContent(const PersonRecord& other) const;
};

// The extra column holding a person's other names (aliases, earlier spellings), several full
// names separated by ';' or '|'. The reader names a column so whichever synonym the header
// used (IsAliasesHeader), so it is kept with the record and exports round-trip it. Linkage
// matches on every name a record carries.
inline constexpr std::string_view kAliasesColumn = "aliases";

// The canonical columns of the list format, in the order exports write them.
inline constexpr std::string_view kCanonicalColumns[] = {
    "id",         "surname",     "given_name",     "patronymic", "full_name",
    "birth_date", "birth_place", "service_number", "rank",       "unit",
    "sex",        "category",    "notes"};

// The value of a canonical column by name ("birth_date" gives the ISO form); "" if unknown.
[[nodiscard]] std::string CanonicalField(const PersonRecord& record, std::string_view column);

}  // namespace parley
