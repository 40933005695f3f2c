// parley/store/record_codec.h — how a PersonRecord becomes stored columns and a content hash.
//
// The content hash decides whether a re-imported row is "the same record" (kept) or a new
// version of it (changed); the list hash decides whether a whole re-import is a no-op. Both
// cover content only, never provenance (source row), so the same people written in another
// row order or another file format are recognised as unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/person_record.h"
#include "store/sqlite_db.h"

namespace parley::store {

[[nodiscard]] std::string RecordContentHash(const PersonRecord& record);
// Hash over (id, content hash) pairs sorted by id: independent of row order.
[[nodiscard]] std::string ListContentHash(const std::vector<PersonRecord>& records,
                                          const std::vector<std::string>& record_hashes);

// The content hash stored with one record version (RecordContentHash at import); nullopt for
// a version the database does not hold.
[[nodiscard]] Result<std::optional<std::string>> StoredContentHash(Database& db,
                                                                   std::int64_t record_id,
                                                                   std::int64_t version);

[[nodiscard]] std::string ExtraToJson(const std::vector<ExtraField>& extra);
[[nodiscard]] Result<std::vector<ExtraField>> ExtraFromJson(const std::string& json);

}  // namespace parley::store
