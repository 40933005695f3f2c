// parley/link/string_pool.h — interning of comparison keys into small integers.
//
// Scoring compares tens of millions of pairs; comparing two uint32 ids is one instruction,
// comparing two std::strings is a call, a length check and a memcmp. So every key is interned
// once when records are prepared, equality becomes id equality, and the text is looked up only
// when a graded similarity is needed. Left and right lists share one pool so that equal keys
// get equal ids across lists.
//
// Contract: id 0 is the empty string ("missing"); ids are dense, in first-seen order; views
// returned by View() stay valid for the pool's lifetime (strings live in a deque, which never
// moves its elements). Not thread-safe for Intern; View is safe concurrently once interning ends.
//
//   StringPool pool;
//   uint32_t a = pool.Intern("shevchenko");   // 1
//   pool.Intern("shevchenko") == a;           // true
//   pool.View(a) == "shevchenko";
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::link {

class StringPool {
 public:
  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  // The id of `text`, adding it if new; 0 for the empty string.
  std::uint32_t Intern(std::string_view text);
  [[nodiscard]] std::string_view View(std::uint32_t id) const { return views_[id]; }
  [[nodiscard]] std::size_t Size() const { return views_.size(); }
  // A number no other pool of this process carries (it moves with the pool): memos of values
  // computed from a pool's ids are tagged with it, since a pool's address can be reused.
  [[nodiscard]] std::uint64_t Generation() const { return generation_; }

 private:
  std::deque<std::string> strings_;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
  std::uint64_t generation_;
};

}  // namespace parley::link
