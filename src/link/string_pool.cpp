#include "link/string_pool.h"

#include <atomic>

namespace parley::link {

StringPool::StringPool() {
  static std::atomic<std::uint64_t> next_generation{1};
  generation_ = next_generation.fetch_add(1, std::memory_order_relaxed);
  views_.emplace_back();
}

std::uint32_t StringPool::Intern(std::string_view text) {
  if (text.empty()) return 0;
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(views_.size());
  const std::string& stored = strings_.emplace_back(text);
  views_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

}  // namespace parley::link
