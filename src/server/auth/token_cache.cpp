#include "server/auth/token_cache.h"

namespace parley::server {

std::optional<Principal> TokenCache::Find(const std::string& digest, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(digest);
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.checked >= kTtl) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.who;
}

std::uint64_t TokenCache::Generation() {
  std::lock_guard lock(mutex_);
  return generation_;
}

void TokenCache::Put(const std::string& digest, const Principal& who, std::uint64_t generation,
                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;                 // a Clear() happened during the lookup
  if (entries_.size() >= kMaxEntries) entries_.clear();  // rare: tokens are few per node
  entries_.insert_or_assign(digest, Entry{who, now});
}

void TokenCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  ++generation_;
}

}  // namespace parley::server
