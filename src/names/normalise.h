// parley/names/normalise.h — Unicode normalisation and case folding of names (ICU).
//
// Lists arrive typed on different keyboards and exported by different programs: "й" may be one
// code point or "и" + combining breve, "Ё" may be "Е" + diaeresis, fullwidth or ligature forms
// appear in scanned-and-OCRed lists, and soft hyphens or zero-width joiners hide inside cells.
// Before any comparison every name goes through one of these forms.
//
// Contract:
//  - Input must be valid UTF-8; otherwise kInvalidInput (the caller names the row and column).
//  - ICU failures (UErrorCode) come back as kInternal; nothing here throws.
//  - The ICU normaliser objects are process-wide singletons owned by ICU and are thread-safe,
//    so these functions may run concurrently and never construct ICU objects per call.
//  - Pure ASCII input takes a fast path that does not touch ICU (it is already NFC/NFKC).
//
//   Result<std::string> s = Normalise("И\u0306ван", NormalForm::kNfc);  // "Йван"
//   Result<std::string> k = CanonicalName(" ШЕВЧЕНКО  Дми\u00ADтро ");  // "шевченко дмитро"
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

enum class NormalForm {
  kNfc,           // canonical composition: what we store and display
  kNfkc,          // compatibility composition: fullwidth and ligature forms unified
  kNfkcCasefold,  // NFKC + full case folding + removal of default-ignorable code points
};

// Returns `utf8` in the requested normal form.
[[nodiscard]] Result<std::string> Normalise(std::string_view utf8, NormalForm form);

// Full Unicode case folding (not locale lowercasing: Turkish dotless i rules must not apply to
// Cyrillic or Latin names). Output is NFC.
[[nodiscard]] Result<std::string> FoldCase(std::string_view utf8);

// The form every key starts from: NFKC + case fold + invisible characters removed, runs of
// white space collapsed to one ASCII space, leading and trailing space trimmed.
[[nodiscard]] Result<std::string> CanonicalName(std::string_view utf8);

}  // namespace parley::names
