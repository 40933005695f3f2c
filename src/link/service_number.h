// parley/link/service_number.h — the comparable form of a service (identity) number.
//
// Service numbers are typed by clerks on Ukrainian, Russian and English keyboards: "АВ 123456"
// arrives with Cyrillic А and В or Latin A and B, with or without spaces, hyphens or slashes,
// in either case. Only letters and digits carry identity, and a Cyrillic letter that looks like
// a Latin one is the Latin one (the homoglyph repair of the name engine, applied to codes).
//
// Contract: returns uppercase ASCII letters and digits only, look-alike Cyrillic letters mapped
// to Latin, other Cyrillic letters romanised one to one so that they are kept, not dropped;
// separators and punctuation removed. Never fails; "" means no usable number.
//
//   NormaliseServiceNumber("ав-123 456") == "AB123456"   (Cyrillic а, в)
//
// Lists written in Latin letters romanise the letters of a number phonetically instead
// ("ЩР712343" becomes "SHCHR712343" on a mediator's list), so a second form passes the number
// through the name engine's skeleton key: RomanServiceNumber("ЩР-712343") ==
// RomanServiceNumber("SHCHR712343"). A pair agrees when either form agrees.
#pragma once

#include <string>
#include <string_view>

namespace parley::link {

[[nodiscard]] std::string NormaliseServiceNumber(std::string_view text);

// The skeleton-key form (lowercase ASCII letters and digits, no separators); "" if none.
[[nodiscard]] std::string RomanServiceNumber(std::string_view text);

}  // namespace parley::link
