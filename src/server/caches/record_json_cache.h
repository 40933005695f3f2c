// parley/server/caches/record_json_cache.h — the JSON text of person record versions, kept in
// memory.
//
// Contract: Latest(ws, ids) gives, for each id in order, the JSON text of that record's latest
// version (json_shapes.h RecordJson: the shape GET /records/{id} shows), or kNotFound naming
// the first id that has no version. It costs one index-only query for the latest version
// numbers, plus one query for the versions not cached yet. Thread-safe. It holds at most
// `capacity` versions; when full it forgets them all and starts again, which bounds memory
// without bookkeeping (the working set is the few pages of the review queue in use).
//
// Why caching is safe: a record version is never rewritten (a change to a person is a new
// version, store/workspace.h), so (record ID, version) names one JSON text for the life of the
// workspace. Why it exists: the review queue shows both records beside every link, and reading
// and serialising 100 records was over a third of the cost of a 50-link page.
//
//   RecordJsonCache cache(100'000);
//   PARLEY_ASSIGN_OR_RETURN(auto texts, cache.Latest(ws, std::vector<std::int64_t>{12, 40}));
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::server {

class RecordJsonCache {
 public:
  using Text = std::shared_ptr<const std::string>;

  explicit RecordJsonCache(std::size_t capacity) : capacity_(capacity) {}

  [[nodiscard]] Result<std::vector<Text>> Latest(store::Workspace& ws,
                                                 std::span<const std::int64_t> record_ids);
  [[nodiscard]] std::size_t size() const;

 private:
  using Key = std::pair<std::int64_t, std::int64_t>;  // record ID, version

  [[nodiscard]] Text Find(const Key& key) const;
  void Insert(const Key& key, Text text);

  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::map<Key, Text> texts_;
};

}  // namespace parley::server
