// parley/ledger/canonical_json.h — RFC 8785 (JSON Canonicalization Scheme, JCS) serialisation.
//
// What it is for: a ledger event is signed and hashed as bytes, so two nodes must turn the
// same JSON value into the same bytes. JCS fixes those bytes: no whitespace, object members
// sorted by the UTF-16 code units of their names, strings with the minimal escaping of
// ECMAScript's JSON.stringify, numbers in ECMAScript's Number.prototype.toString form.
//
// Contract:
//   - Strings must be valid UTF-8 (else kInvalidInput naming the offending path).
//   - Numbers: integers are accepted when |n| <= 2^53 - 1 (the range a double holds exactly;
//     larger ones would silently change value in every JavaScript verifier, so they are
//     refused: write them as strings). Doubles are accepted when finite and printed with the
//     shortest round-trip digits in ECMAScript layout (1e+21, 1e-7, 0.000001, -0 as 0).
//     Events themselves only use integers and strings; doubles are supported for the RFC's
//     test vectors and for body fields such as probabilities.
//   - Output is byte-identical for equal values; IsCanonical(text) says whether `text` is
//     already in that form (used on import so that no byte of an entry can change unseen).
//
// Why this design: nlohmann::json keeps objects in std::map ordered by UTF-8 bytes, i.e. by
// code point, which differs from UTF-16 order only when a name holds a character above
// U+FFFF; the writer re-sorts by UTF-16 code units only then, so the common case costs no
// sort and no conversion. Parsing is nlohmann's; canonical form is then checked by
// re-serialising, which keeps one writer as the single definition of "canonical".
//
//   Result<std::string> bytes = CanonicalJson(nlohmann::json::parse(R"({"b":1,"a":"x"})"));
//   // *bytes == R"({"a":"x","b":1})"
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::ledger {

inline constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

[[nodiscard]] Result<std::string> CanonicalJson(const nlohmann::json& value);

// Appending forms, for writers that lay out a known object themselves (event.h): they
// avoid building a temporary nlohmann::json around a value that already exists.
[[nodiscard]] Result<void> AppendCanonicalJson(const nlohmann::json& value, std::string& out);
[[nodiscard]] Result<void> AppendCanonicalString(std::string_view text, std::string& out);

// Parses `text` (errors are returned, never thrown) and requires it to be canonical already.
[[nodiscard]] Result<nlohmann::json> ParseCanonicalJson(std::string_view text);

// ECMAScript Number::toString for a finite double (exposed for tests).
[[nodiscard]] std::string FormatEcmaScriptNumber(double value);

}  // namespace parley::ledger
