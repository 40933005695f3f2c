// parley/core/words.h — the words of a space-separated string, without copying.
//
// Romanisation keys separate words by one space ("petrenko kovalchuk"), and several places walk
// a key, or a name as written, word by word. One splitter serves them: it skips empty pieces, so
// runs of spaces and a leading or trailing space give no empty words. Only ' ' separates: a key
// has no other white space, and a name cell with a tab between its words is read as one word.
//
//   SpaceSeparatedWords("  jean  pierre marie ") == {"jean", "pierre", "marie"}
#pragma once

#include <string_view>
#include <vector>

namespace parley {

[[nodiscard]] std::vector<std::string_view> SpaceSeparatedWords(std::string_view text);

}  // namespace parley
