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
#pragma once

#include <string>
#include <string_view>

namespace parley::link {

[[nodiscard]] std::string NormaliseServiceNumber(std::string_view text);

}  // namespace parley::link
