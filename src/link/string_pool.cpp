#include "link/string_pool.h"

namespace parley::link {

StringPool::StringPool() { views_.emplace_back(); }

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
