// parley/rules/agreement_parser.h — reads and strictly validates an agreement TOML file.
//
// Contract: ParseAgreement returns a consistent Agreement (see agreement.h) or the first
// error found, as kInvalidInput with the file, line and column of the offending key or value
// and a message that says how to fix it ("unknown key 'cpas' in [phases]; allowed keys:
// count, caps, ..."). Nothing is guessed: an unknown key, a wrong type, a phase out of range,
// a pool nobody declared or caps that contradict each other (the phase caps sum to less than
// the required total; a cap on an all-for-all category) are errors, because an agreement is a
// signed document and a silently ignored clause is a clause nobody enforces.
//
// Why toml++: it keeps the source position of every key and value, which is what lets each
// error point at line:column. Its parse exceptions are caught here and never leave the module.
//
//   Result<Agreement> a = LoadAgreementFile("deal.toml");
//   if (!a) std::cerr << a.error().Describe();  // "deal.toml: row 12, column 1: ..."
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "rules/agreement.h"

namespace parley::rules {

// Parses `text`; `file` is only used in error locations and kept in Agreement::file.
[[nodiscard]] Result<Agreement> ParseAgreement(std::string_view text, std::string_view file = {});

// Reads the file (kNotFound / kIoError when it cannot) and parses it.
[[nodiscard]] Result<Agreement> LoadAgreementFile(const std::string& path);

}  // namespace parley::rules
