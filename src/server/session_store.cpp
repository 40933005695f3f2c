#include "server/session_store.h"

#include "server/secret_token.h"

namespace parley::server {

NewSession SessionStore::Create(std::int64_t user_id, Clock::time_point now) {
  NewSession out{NewSecret("ps_"), NewSecret("")};
  std::lock_guard lock(mutex_);
  // Sessions nobody uses again are never looked up; sweep them as new ones arrive.
  if (++creations_ % kSweepEvery == 0) {
    std::erase_if(sessions_, [&](const auto& kv) {
      return now - kv.second.last_used > kIdleTimeout || now - kv.second.created > kAbsoluteTimeout;
    });
  }
  sessions_[TokenDigest(out.id)] = Session{user_id, out.csrf_token, now, now};
  return out;
}

std::optional<Session> SessionStore::Find(std::string_view id, Clock::time_point now) {
  if (id.empty()) return std::nullopt;
  std::string digest = TokenDigest(id);
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(digest);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_used > kIdleTimeout || now - it->second.created > kAbsoluteTimeout) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second;
}

void SessionStore::Remove(std::string_view id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(TokenDigest(id));
}

std::size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionStore::RemoveUser(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.user_id == user_id; });
}

}  // namespace parley::server
