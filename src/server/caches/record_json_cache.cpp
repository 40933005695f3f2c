#include "server/caches/record_json_cache.h"

#include <mutex>

#include "core/try.h"
#include "server/json_shapes.h"

namespace parley::server {

Result<std::vector<RecordJsonCache::Text>> RecordJsonCache::Latest(
    store::Workspace& ws, std::span<const std::int64_t> record_ids) {
  PARLEY_ASSIGN_OR_RETURN(auto latest, ws.LatestVersionNumbers(record_ids));
  std::vector<Text> out(record_ids.size());
  std::vector<std::int64_t> missing;
  for (std::size_t i = 0; i < record_ids.size(); ++i) {
    auto version = latest.find(record_ids[i]);
    if (version == latest.end()) {
      return Fail(ErrorCode::kNotFound,
                  "no person record with ID " + std::to_string(record_ids[i]));
    }
    out[i] = Find({record_ids[i], version->second});
    if (!out[i]) missing.push_back(record_ids[i]);
  }
  if (missing.empty()) return out;
  PARLEY_ASSIGN_OR_RETURN(auto records, ws.LatestRecords(missing));
  std::map<std::int64_t, Text> fresh;
  for (const store::StoredRecord& r : records) {
    auto text = std::make_shared<const std::string>(
        RecordJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    Insert({r.record_id, r.record_version}, text);
    fresh.emplace(r.record_id, std::move(text));
  }
  for (std::size_t i = 0; i < record_ids.size(); ++i) {
    if (out[i]) continue;
    auto text = fresh.find(record_ids[i]);
    if (text == fresh.end()) {
      return Fail(ErrorCode::kNotFound,
                  "no person record with ID " + std::to_string(record_ids[i]));
    }
    out[i] = text->second;
  }
  return out;
}

std::size_t RecordJsonCache::size() const {
  std::shared_lock lock(mutex_);
  return texts_.size();
}

RecordJsonCache::Text RecordJsonCache::Find(const Key& key) const {
  std::shared_lock lock(mutex_);
  auto it = texts_.find(key);
  return it == texts_.end() ? nullptr : it->second;
}

void RecordJsonCache::Insert(const Key& key, Text text) {
  std::unique_lock lock(mutex_);
  if (texts_.size() >= capacity_) texts_.clear();
  texts_.insert_or_assign(key, std::move(text));
}

}  // namespace parley::server
