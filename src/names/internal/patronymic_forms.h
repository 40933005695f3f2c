// parley/names/internal/patronymic_forms.h — the one table of how a patronymic ends.
//
// The full-name parser (names/full_name_parser.h) matches these against a word's RomanKey,
// so one key form covers every script and spelling: "ovich" is -ович, -ovych, -ovich and
// -йович (the key folds y to i and й to i); "ivna" is -івна, -ївна, -ivna, -yivna.
#pragma once

#include <string_view>

namespace parley::names::internal {

// Any match counts, so the order does not matter. The short -ич (Ильич) is left out: on its
// own it is not enough (Бабич is a surname); such patronymics are found by the name table.
inline constexpr std::string_view kPatronymicSuffixKeys[] = {"ovich", "evich", "ivna",
                                                             "ovna",  "evna",  "ichna"};

// Turkic patronymic particles written as a separate word after the father's name ("Гусейн
// огли" = son of Huseyn), as keys: огли, оглы, ogly, ogli -> ogli; оглу, oglu -> oglu; кизи,
// кызы, kyzy, kizi, qizi -> kizi.
inline constexpr std::string_view kPatronymicParticleKeys[] = {"ogli", "oglu", "kizi"};

}  // namespace parley::names::internal
