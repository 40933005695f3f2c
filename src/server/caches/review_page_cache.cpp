#include "server/caches/review_page_cache.h"

namespace parley::server {

ReviewPageCache::Page ReviewPageCache::Find(const std::string& key, std::int64_t generation) const {
  std::lock_guard lock(mutex_);
  auto it = pages_.find(key);
  if (it == pages_.end() || it->second.generation != generation) return nullptr;
  return it->second.page;
}

void ReviewPageCache::Store(const std::string& key, std::int64_t generation, Page page) {
  std::lock_guard lock(mutex_);
  if (pages_.size() >= capacity_ && !pages_.contains(key)) pages_.clear();
  pages_.insert_or_assign(key, Entry{generation, std::move(page)});
}

}  // namespace parley::server
