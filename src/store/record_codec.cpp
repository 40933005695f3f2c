#include "store/record_codec.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "core/sha256.h"
#include "core/try.h"

namespace parley::store {
namespace {

// Separators that cannot occur in decoded cell text (the C0 "information separators"), so
// that no two different records serialise to the same bytes.
constexpr char kFieldSep = '\x1f';
constexpr char kPairSep = '\x1e';

}  // namespace

std::string RecordContentHash(const PersonRecord& r) {
  Sha256 h;
  for (std::string_view column : kCanonicalColumns) {
    h.Update(CanonicalField(r, column));
    h.Update(std::string_view(&kFieldSep, 1));
  }
  for (const auto& f : r.extra) {
    h.Update(f.column);
    h.Update(std::string_view(&kFieldSep, 1));
    h.Update(f.value);
    h.Update(std::string_view(&kPairSep, 1));
  }
  return h.FinishHex();
}

std::string ListContentHash(const std::vector<PersonRecord>& records,
                            const std::vector<std::string>& record_hashes) {
  std::vector<size_t> order(records.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return records[a].id < records[b].id; });
  Sha256 h;
  for (size_t i : order) {
    h.Update(records[i].id);
    h.Update(std::string_view(&kFieldSep, 1));
    h.Update(record_hashes[i]);
    h.Update(std::string_view(&kPairSep, 1));
  }
  return h.FinishHex();
}

std::string ExtraToJson(const std::vector<ExtraField>& extra) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& f : extra) array.push_back({f.column, f.value});
  return array.dump();
}

Result<std::vector<ExtraField>> ExtraFromJson(const std::string& json) {
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_array()) {
    return Fail(ErrorCode::kCorruption, "stored extra columns are not a JSON array");
  }
  std::vector<ExtraField> out;
  for (const auto& pair : parsed) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      return Fail(ErrorCode::kCorruption, "stored extra column is not a [name, value] pair");
    }
    out.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
  }
  return out;
}

Result<std::optional<std::string>> StoredContentHash(Database& db, std::int64_t record_id,
                                                     std::int64_t version) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT content_sha256 FROM record_versions WHERE "
                                     "record_id = ? AND version = ?"));
  st.Bind(1, record_id);
  st.Bind(2, version);
  return ReadFirstRow(st, [](const Statement& row) { return row.ColumnText(0); });
}

}  // namespace parley::store
