// parley/rules/text.h — the small text rules agreements compare values by.
//
// Agreement values ("Private", "seriously_wounded") are matched against list cells after
// trimming spaces and folding ASCII letters to lower case. Non-ASCII text (Cyrillic ranks)
// must match exactly: case-folding Cyrillic is the names module's job, not the rules'.
//
//   FoldAscii(" Major ") == "major"
#pragma once

#include <string>
#include <string_view>

namespace parley::rules {

[[nodiscard]] std::string FoldAscii(std::string_view text);

}  // namespace parley::rules
