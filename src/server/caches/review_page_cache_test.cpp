#include "server/caches/review_page_cache.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

ReviewPageCache::Page PageOf(std::string body) {
  return std::make_shared<const ReviewPage>(ReviewPage{std::move(body), {1, 2}});
}

TEST(ReviewPageCache, AnswersOnlyAtTheGenerationThePageWasBuiltAt) {
  ReviewPageCache cache(8);
  EXPECT_EQ(cache.Find("mediator\n\n\n\n0\n50", 7), nullptr);
  cache.Store("mediator\n\n\n\n0\n50", 7, PageOf("{\"links\":[]}"));
  auto page = cache.Find("mediator\n\n\n\n0\n50", 7);
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->body, "{\"links\":[]}");
  EXPECT_EQ(page->record_ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(cache.Find("mediator\n\n\n\n0\n50", 8), nullptr);  // something changed since
  EXPECT_EQ(cache.Find("ua\n\n\n\n0\n50", 7), nullptr);        // another side's page
  cache.Store("mediator\n\n\n\n0\n50", 8, PageOf("{}"));
  EXPECT_EQ(cache.Find("mediator\n\n\n\n0\n50", 8)->body, "{}");
  EXPECT_EQ(cache.Find("mediator\n\n\n\n0\n50", 7), nullptr);
}

TEST(ReviewPageCache, ForgetsEverythingWhenFull) {
  ReviewPageCache cache(2);
  cache.Store("a", 1, PageOf("a"));
  cache.Store("b", 1, PageOf("b"));
  cache.Store("a", 1, PageOf("a2"));  // replacing a page does not count as a new one
  EXPECT_EQ(cache.Find("b", 1)->body, "b");
  cache.Store("c", 1, PageOf("c"));
  EXPECT_EQ(cache.Find("a", 1), nullptr);
  EXPECT_EQ(cache.Find("b", 1), nullptr);
  EXPECT_EQ(cache.Find("c", 1)->body, "c");
}

}  // namespace
}  // namespace parley::server
