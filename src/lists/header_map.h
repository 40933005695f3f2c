// parley/lists/header_map.h — recognising a list's header names as canonical columns.
//
// Bureaus name their columns in Ukrainian, Russian or English, in any case, with or without
// spaces, punctuation or apostrophes ("Ім'я", "ІМʼЯ", "Ім’я" and "имя" are the same column).
// MapHeader compares a normalised form of each header cell (ICU case folding, then only
// letters, digits and "№" kept) with a table of known names, so a new alias is one line of
// data, not code. `overrides` (the CLI's --map "ПІБ=full_name") win over the table.
//
// Contract: the result has one entry per header cell: a canonical column name, or "" for an
// unknown column (kept by the reader as an extra field). Errors, both at the header row:
//   - no name column at all (neither surname nor full_name): the message lists what was
//     recognised, so the clerk sees which header to rename or --map;
//   - two cells mapping to the same canonical column (e.g. "ПІБ" and "ФИО").
//
//   std::vector<std::string> header = {"№", "Особа", "Дата народження", "Група крові"};
//   std::vector<std::pair<std::string, std::string>> map = {{"Особа", "full_name"}};
//   auto columns = MapHeader(header, map, Location{"a.csv", 1, 0, {}});
//   // *columns == {"id", "full_name", "birth_date", ""}
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace parley {

// Case-folded, with only letters, digits and "№" kept: "Ім'я " -> "імя", "Date of birth" ->
// "dateofbirth".
[[nodiscard]] std::string NormaliseHeaderName(std::string_view name);

// The canonical column a header name means, or "" when it is not a known alias. A head of
// several names joined by " / " ("Прізвище / Фамилия", as exports for people write them)
// means the column when every part is a known name of that same column; otherwise none.
[[nodiscard]] std::string_view CanonicalColumnFor(std::string_view header_name);

// True when a header names the aliases column (lists/person_record.h kAliasesColumn):
// aliases, aka, also known as, Псевдоніми, Інші імена, Псевдонимы, Другие имена, ...
[[nodiscard]] bool IsAliasesHeader(std::string_view header_name);

[[nodiscard]] Result<std::vector<std::string>> MapHeader(
    std::span<const std::string> header,
    std::span<const std::pair<std::string, std::string>> overrides, const Location& header_row);

}  // namespace parley
