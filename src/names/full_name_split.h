// parley/names/full_name_split.h — how an import reads a list's single full-name column: the
// file's word order, and each cell's parts as the clerk wrote them.
//
// There is one reader of a full name, ParseFullName (names/full_name_parser.h); this is the
// import's view of it. Ukrainian and Russian lists write "ПІБ"/"ФИО" surname first
// ("Шевченко Дмитро Олександрович"); some (often Latin mediator lists) write "Dmytro
// Oleksandrovych Shevchenko". DetectNameOrder decides the order once per file by a majority
// vote of the rows whose patronymic form places it (PatronymicOrderEvidence), so that the rows
// that say little themselves ("Роман Максим", both given names) come out like their
// neighbours. Each cell is then read by the parser under that order as a prior
// (NameOrderPrior::File, or ::Forced when the user declared it). Under the list's own order a
// row's strong evidence still decides it: a comma, capitals, initials, a patronymic form, or a
// known given name beside a word that is none ("Dmytro Shevchenko" in a surname-first list).
// A declared order gives way only to a comma, capitals and initials.
//
// The parts are returned as written (the spans the parser found, not its normalised words):
// an import stores what the clerk wrote, apostrophes and look-alike letters included.
//
//   NameOrder order = DetectNameOrder(cells);
//   NameParts p = SplitFullName("Шевченко Дмитро Олександрович", NameOrderPrior::File(order));
//   // p.surname == "Шевченко", p.given_name == "Дмитро", p.patronymic == "Олександрович"
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "names/full_name_parser.h"

namespace parley::names {

struct NameParts {
  std::string surname;
  std::string given_name;
  std::string patronymic;
};

// Surname-first unless more rows vote for given-first.
[[nodiscard]] NameOrder DetectNameOrder(std::span<const std::string_view> full_names);

// The parts of one cell as written. A cell the parser cannot read (no letters) is kept whole
// as the surname, for the reader's row checks to judge.
[[nodiscard]] NameParts SplitFullName(std::string_view full_name, NameOrderPrior prior);

// How a row of separate name columns was read (ReadNameColumns).
enum class ColumnReading : unsigned char {
  kAsWritten,               // each cell in its own column
  kFullNameInSurname,       // the whole name in the surname cell, the others empty: split
  kGivenAndSurnameSwapped,  // a known given name in the surname cell, none in the given cell
};

// The parts of a row written in separate columns, read by the same evidence as a full name:
// clerks put the whole name in the surname cell ("Слюсар Олександр Іванович", the rest empty)
// or the given name there and the surname in the given-name cell ("Андрій | Дяків |
// Андрійович"). Only the surname, given-name and patronymic cells are read; each part keeps
// its text as written.
struct ColumnsRead {
  NameParts parts;
  ColumnReading reading = ColumnReading::kAsWritten;
};
[[nodiscard]] ColumnsRead ReadNameColumns(NameParts cells, NameOrderPrior prior);

}  // namespace parley::names
