// parley/lists/list_name.h — what a list's name may be: the one rule, for the command line,
// the HTTP API and every other way a list is created (intake/import_flow.h applies it).
//
// A list name travels: into file names (exports, `Content-Disposition` of an API download),
// URL paths (/api/v1/lists/{list}), terminal output, log events and the other party's
// bundle. So it is a short identifier, not free text:
//   - 1 to 64 characters once in Unicode NFC (the NFC form is the name stored);
//   - letters of any script (ICU's Alphabetic property), combining marks after them, decimal
//     digits, and `-`, `_`, `.`;
//   - not starting with `.` (hidden files, `..`) or `-` (it would read as a command-line flag).
// That leaves out, by construction: path separators (`/`, `\`), `@` and `:` (they separate a
// list from its version and record: `ua-request@2`, `ua-request:UA-7`), quotes, spaces
// (so no leading, trailing or lone space), controls, bidi overrides such as U+202E and other
// invisible format characters. Names that look alike across scripts (Latin `a`, Cyrillic `а`)
// are both allowed: a workspace holds a handful of lists, named by the people who import them.
//
// Lists created before this rule keep their names and can still be read; a new version of
// one needs a name this rule accepts.
//
//   auto name = CheckListName("ua-request");   // "ua-request"
//   auto bad = CheckListName("../etc/passwd");  // kInvalidInput naming the '/' and the rule
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

inline constexpr std::size_t kMaxListNameLength = 64;  // characters, after NFC

// The name in NFC when it follows the rule; otherwise kInvalidInput with field "list", a
// message that quotes the name (controls and invisible characters shown as U+XXXX), says
// which character or length is at fault, and states the rule.
[[nodiscard]] Result<std::string> CheckListName(std::string_view name);

}  // namespace parley
