// parley/lists/control_characters.h — finding the characters a list cell must not hold.
//
// A cell is printed: by `parley show`, in import errors, in the review queue, in exports a
// person opens. A control character in it acts instead of showing: NUL cuts C strings and
// log lines short, ESC starts a terminal sequence (recolour, move the cursor, rewrite what
// was printed, on some terminals set the window title or write the clipboard), and the C1
// controls U+0080..U+009F include a one-character ESC [ (CSI, U+009B). No name, date or note
// needs one, so the list reader refuses a row holding one, naming its row and column, rather
// than strip it silently (a stripped cell would be stored as something the file never said).
//
// Contract: refused are U+0000..U+001F except tab, LF and CR (a quoted cell may span lines:
// notes do), U+007F (DEL) and U+0080..U+009F. Format characters such as bidi overrides
// (U+202E) are not controls in this sense and are kept: right-to-left names may need marks.
//
//   if (auto c = FirstControlCharacter(cell)) Refuse(c->code_point, c->position);
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley {

struct ControlCharacter {
  char32_t code_point = 0;
  std::size_t position = 0;  // 1-based, in characters
};

// The first control character in UTF-8 `text` (see the contract), if any.
[[nodiscard]] std::optional<ControlCharacter> FirstControlCharacter(std::string_view text);

// "U+001B (ESC)": the code point, with its usual abbreviation when it has one.
[[nodiscard]] std::string ControlCharacterName(char32_t code_point);

}  // namespace parley
