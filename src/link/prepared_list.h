// parley/link/prepared_list.h — records turned once into flat arrays of small keys.
//
// Why: a record is compared with dozens of candidates, and a million-record register with
// hundreds of millions of candidate pairs in total. Deriving name keys (Unicode folding,
// transliteration) costs microseconds; doing it per pair would dominate everything. So each
// record is prepared exactly once into a 64-byte RecordKeys of interned ids and a packed date,
// stored contiguously (one cache line per record), and the scoring loop reads only these.
//
// Contract:
//  - PrepareList keeps record order: keys[i] belongs to records[i].
//  - A record with only `full_name` (not split by a reader) is parsed by the name engine.
//  - Names the name engine refuses (invalid UTF-8) fail the whole call with the row named.
//  - Preparation of the name keys runs on `threads` threads; interning is serial (the pool is
//    not thread-safe), which is cheap next to transliteration.
//  - Other names (PersonRecord::Aliases: aliases, earlier spellings) are prepared too: each
//    alias is a copy of the record's keys with the alias's name keys, kept apart from `keys` so
//    that records without aliases (nearly all) cost nothing more. Name 0 of a record is its
//    listed name, names 1.. its aliases in the order written.
//
//   StringPool pool;
//   PARLEY_ASSIGN_OR_RETURN(PreparedList left, PrepareList(records, pool, 2));
//   left.keys[0].surname  // an id into `pool`
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "link/string_pool.h"
#include "lists/person_record.h"

namespace parley::link {

struct PackedDate {
  std::uint16_t year = 0;  // 0 = unknown
  std::uint8_t month = 0;
  std::uint8_t day = 0;
};

struct RecordKeys {
  std::uint32_t surname = 0;  // ids into the shared StringPool; 0 = missing
  std::uint32_t given = 0;
  std::uint32_t given_group = 0;
  std::uint32_t patronymic = 0;
  std::uint32_t patronymic_group = 0;
  std::uint32_t surname_phonetic = 0;
  std::uint32_t surname_vowels = 0;  // NameKeys::surname_vowels: the comparator's surname group
  std::uint32_t service_number = 0;  // look-alike letters made Latin (NormaliseServiceNumber)
  std::uint32_t service_roman = 0;   // letters romanised (RomanServiceNumber)
  std::uint32_t birth_place = 0;
  std::uint32_t place_phonetic = 0;  // consonant skeleton: Київ/Киев, Львів/Львов meet
  std::uint32_t given_alternatives = 0;  // NameKeys::given_alternatives (0: one name)
  std::uint32_t given_as_surname = 0;    // NameKeys::given_as_surname: column swaps
  std::uint32_t surname_letters = 0;     // NameKeys::surname_letters (0: the key's letters)
  PackedDate birth;
  // How many aliases the record has (PreparedList::alias_keys), capped at 255: kept here, in
  // the cache line the comparator reads anyway, so that a pair without aliases costs no
  // lookup in the alias index.
  std::uint8_t alias_count = 0;
  // names/military_rank.h: the rank's grade, or the category's when it says civilian.
  std::uint8_t rank_grade = 0;
  // NameKeys::given_is_known: a name of the table standing for one name (match_model.h).
  bool given_is_known = false;
};
// The comparator reads two per pair: the size the header comments promise.
static_assert(sizeof(RecordKeys) == 64);

struct PreparedList {
  std::vector<std::string> ids;  // the list's own record ids, for output
  std::vector<RecordKeys> keys;
  // Aliases: those of record i are alias_keys[alias_begin[i] .. alias_begin[i + 1]), their
  // text alias_text[...]. Both empty when no record of the list has an alias.
  std::vector<std::uint32_t> alias_begin;
  std::vector<RecordKeys> alias_keys;
  std::vector<std::string> alias_text;

  [[nodiscard]] std::size_t Size() const { return keys.size(); }
  [[nodiscard]] bool HasAliases() const { return !alias_keys.empty(); }
  // How many names record i carries (1 + its aliases).
  [[nodiscard]] std::uint32_t NameCount(std::size_t i) const { return 1 + keys[i].alias_count; }
  // The keys of record i under its name `name` (0: the listed name).
  [[nodiscard]] const RecordKeys& Name(std::size_t i, std::uint32_t name) const {
    return name == 0 ? keys[i] : alias_keys[alias_begin[i] + name - 1];
  }
};

// The comparable form of a birth place: skeleton key without settlement-type abbreviations
// ("м. Київ", "г. Киев", "с. Іванівка", "смт ...").
[[nodiscard]] std::string PlaceKey(std::string_view place);

[[nodiscard]] Result<PreparedList> PrepareList(std::span<const PersonRecord> records,
                                               StringPool& pool, int threads);

}  // namespace parley::link
