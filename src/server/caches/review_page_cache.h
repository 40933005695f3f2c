// parley/server/caches/review_page_cache.h — pages of the review queue, kept until the data under
// them changes.
//
// Contract: Find(key, generation) gives the page stored under `key` if it was built at that
// `generation`, else null; Store() keeps a page (at most `capacity` pages: when full, it
// forgets them all). `generation` is the workspace's review-queue counter
// (store::ReviewQueueGeneration), which every write that can change a page bumps inside the
// write's own transaction (links, decisions, lists, list versions, shares: migration 8's
// triggers, so writes by the CLI or another process count too). Callers build a page and
// read the generation it is stored under in one read snapshot (store/read_snapshot.h), so a
// kept page is exactly the state its generation names, and none is served after a change
// that committed before the request began. Thread-safe.
//
// The key holds the caller's side and the query: what a caller may see depends only on its
// side (route_table.h MaySee). A page keeps the IDs of its records so that every request
// served from the cache still writes its record reads to the access log.
//
// Why: a page is 50 links with both records and their explanations (83 KB); built from the
// database it costs about a millisecond, served from here a copy.
//
//   auto page = cache.Find(key, generation);
//   if (!page) { page = Build(...); cache.Store(key, generation, page); }
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace parley::server {

struct ReviewPage {
  std::string body;                      // the JSON response
  std::vector<std::int64_t> record_ids;  // every person record in it, for the access log
};

class ReviewPageCache {
 public:
  using Page = std::shared_ptr<const ReviewPage>;

  explicit ReviewPageCache(std::size_t capacity) : capacity_(capacity) {}

  [[nodiscard]] Page Find(const std::string& key, std::int64_t generation) const;
  void Store(const std::string& key, std::int64_t generation, Page page);

 private:
  struct Entry {
    std::int64_t generation = 0;
    Page page;
  };

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> pages_;
};

}  // namespace parley::server
