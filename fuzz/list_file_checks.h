// fuzz/list_file_checks.h — what must hold of any list the reader accepts, whatever the bytes
// (shared by the CSV and XLSX harnesses, whose files end in the same ReadListFile).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_support.h"
#include "lists/control_characters.h"
#include "lists/list_file.h"

namespace parley::fuzz {

// A cell that reaches the store is valid UTF-8 without control characters (issue 16 item 5:
// such a row is refused, never stored). `column` names it in the message.
inline void CheckStoredText(std::string_view text, std::string_view column) {
  const bool utf8 = ValidateUtf8(text).has_value();
  const bool clean = utf8 && !FirstControlCharacter(text).has_value();
  if (utf8 && clean) return;
  std::string hex;
  for (unsigned char c : text) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
    hex += ' ';
  }
  std::fprintf(stderr, "column %.*s holds: %s\n", static_cast<int>(column.size()), column.data(),
               hex.c_str());
  Require(utf8, "stored text is valid UTF-8");
  Require(clean, "stored text holds no control character");
}

// Reads `path` as the CLI's `parley import` and the server's upload do (intake::ImportListFile
// calls ReadListFile with the clerk's options; these are the defaults) and checks the result.
inline void ReadAndCheckListFile(const std::filesystem::path& path) {
  ListReadOptions options;
  options.date_bounds.today = PartialDate{2026, 11, 25};  // not the clock: runs must repeat
  auto list = ReadListFile(path, options);
  if (!list) {
    Require(list.error().code != ErrorCode::kInternal, "a bad file is the user's error");
    Require(!list.error().message.empty(), "a refused file says why");
    return;
  }
  Require(list->header_row >= 1, "the header row is a row");
  for (std::string_view cell : list->header) CheckStoredText(cell, "(header)");
  for (const RowReject& reject : list->rejects) {
    Require(reject.error.where.row >= 1, "a rejected row is named");
    Require(reject.error.code != ErrorCode::kInternal, "a rejected row is the user's error");
  }
  for (const PersonRecord& r : list->records) {
    Require(r.source_row >= 1, "a record names its row");
    for (std::string_view column : kCanonicalColumns) {
      CheckStoredText(CanonicalField(r, column), column);
    }
    for (const ExtraField& e : r.extra) {
      CheckStoredText(e.column, "(extra column name)");
      CheckStoredText(e.value, e.column);
    }
  }
}

}  // namespace parley::fuzz
