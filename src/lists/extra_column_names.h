// parley/lists/extra_column_names.h — the name each column of a list file is kept under when
// parley does not know it (an extra field, exported again under that name).
//
// Extra fields are keyed by name, so every column needs a distinct one: a column with an
// empty header (often a trailing delimiter) becomes "column N"; the first aliases column
// (aliases, aka, Псевдоніми, ...) is kAliasesColumn whatever its header said; a header met
// before gets " (N)", N being its 1-based column. A name another column already took (a
// header "a (2)" after two "a" columns, or "aliases" after "aka") gets " (N)" as well, so no
// two columns share a name and no export drops a column's values.
//
// Why one pass: a hostile or generated file may have 100,000 columns. Names already given are
// kept in a hash set, so each column costs one look-up, and each header is asked
// `is_aliases` once (ICU case folding is not cheap); comparing each header with every one
// before it took 10.9 s for 100k columns (issue 16 item 5).
//
//   ExtraColumnNames({"", "aka", "Група крові", "Група крові"})
//   // {"column 1", "aliases", "Група крові", "Група крові (4)"}
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// One name per header cell. `is_aliases` says whether a header names the aliases column;
// the default is IsAliasesHeader (header_map.h). Tests pass their own to count the calls.
[[nodiscard]] std::vector<std::string> ExtraColumnNames(
    std::span<const std::string> header,
    const std::function<bool(std::string_view)>& is_aliases = {});

}  // namespace parley
