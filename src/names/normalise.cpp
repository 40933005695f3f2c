#include "names/normalise.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "names/internal/utf8.h"

namespace parley::names {
namespace {

Result<const icu::Normalizer2*> Instance(NormalForm form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nullptr;
  switch (form) {
    case NormalForm::kNfc:
      n = icu::Normalizer2::getNFCInstance(status);
      break;
    case NormalForm::kNfkc:
      n = icu::Normalizer2::getNFKCInstance(status);
      break;
    case NormalForm::kNfkcCasefold:
      n = icu::Normalizer2::getNFKCCasefoldInstance(status);
      break;
  }
  if (U_FAILURE(status) || n == nullptr) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU normaliser unavailable: ") + u_errorName(status));
  }
  return n;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

Result<std::string> Normalise(std::string_view utf8, NormalForm form) {
  if (internal::IsAscii(utf8)) {
    std::string out(utf8);
    if (form == NormalForm::kNfkcCasefold) {
      for (char& c : out) c = AsciiLower(c);
    }
    return out;
  }
  // Validate first so that a malformed cell is the user's error, not an ICU failure.
  if (auto valid = internal::ValidateUtf8(utf8); !valid) return std::unexpected(valid.error());
  auto normaliser = Instance(form);
  if (!normaliser) return std::unexpected(normaliser.error());
  const icu::StringPiece piece(utf8.data(), static_cast<std::int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  // Most names are already normalised; the check is a table scan, far cheaper than a rewrite.
  if ((*normaliser)->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  (*normaliser)->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU normalisation failed: ") + u_errorName(status));
  }
  return out;
}

Result<std::string> FoldCase(std::string_view utf8) {
  auto nfc = Normalise(utf8, NormalForm::kNfc);
  if (!nfc) return nfc;
  if (internal::IsAscii(*nfc)) {
    for (char& c : *nfc) c = AsciiLower(c);
    return nfc;
  }
  std::string out;
  out.reserve(nfc->size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                         icu::StringPiece(nfc->data(), static_cast<std::int32_t>(nfc->size())),
                         sink, nullptr, status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU case folding failed: ") + u_errorName(status));
  }
  // Folding can decompose (e.g. U+0130); recompose so callers always see NFC.
  return Normalise(out, NormalForm::kNfc);
}

Result<std::string> CanonicalName(std::string_view utf8) {
  auto folded = Normalise(utf8, NormalForm::kNfkcCasefold);
  if (!folded) return folded;
  auto cps = internal::DecodeUtf8(*folded);
  if (!cps) return std::unexpected(cps.error());
  std::string out;
  out.reserve(folded->size());
  bool pending_space = false;
  for (char32_t cp : *cps) {
    if (u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == U'\u00A0') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    internal::AppendUtf8(cp, out);
  }
  return out;
}

}  // namespace parley::names
