// What changed between two versions of a list: added, removed and changed records matched by
// key, field by field, counted whole and read a page at a time.
#include "store/list_changes.h"

#include <gtest/gtest.h>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

PersonRecord Person(const std::string& id, const std::string& surname, int row) {
  PersonRecord r;
  r.id = id;
  r.surname = surname;
  r.given_name = "Іван";
  r.birth_date = PartialDate{1990, 5, 1};
  r.source_row = row;
  return r;
}

class ListChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tw_.Import("ua-request", ListKind::kRequest, "ua",
               {Person("A", "Бондар", 2), Person("B", "Коваль", 3), Person("C", "Мельник", 4)});
    // Version 2: B's birth place and an extra column written, C gone, D new, A as it was (in
    // another row: provenance is not content).
    PersonRecord b = Person("B", "Коваль", 2);
    b.birth_place = "Суми";
    b.extra.push_back({"unit_code", "A1234"});
    tw_.Import("ua-request", ListKind::kRequest, "ua",
               {b, Person("D", "Шевчук", 3), Person("A", "Бондар", 4)});
  }
  testing::TempWorkspace tw_{"parley-changes"};
};

TEST_F(ListChangesTest, CountsAndNamesEveryKindOfChange) {
  auto page = ListChanges(tw_.ws(), {.list = "ua-request", .since = 1, .version = 2});
  ASSERT_TRUE(page.has_value()) << page.error().Describe();
  EXPECT_EQ(page->counts.added, 1);
  EXPECT_EQ(page->counts.removed, 1);
  EXPECT_EQ(page->counts.changed, 1);
  EXPECT_EQ(page->counts.kept, 1);
  EXPECT_EQ(page->total, 3);
  EXPECT_EQ(page->since.version, 1);
  EXPECT_EQ(page->version.version, 2);
  ASSERT_EQ(page->changes.size(), 3u);
  // Added, then removed, then changed.
  const RecordChange& added = page->changes[0];
  EXPECT_EQ(added.kind, RecordChangeKind::kAdded);
  ASSERT_TRUE(added.after.has_value());
  EXPECT_FALSE(added.before.has_value());
  EXPECT_EQ(added.after->record.id, "D");
  EXPECT_EQ(added.record_id, tw_.Record("ua-request", "D"));
  const RecordChange& removed = page->changes[1];
  EXPECT_EQ(removed.kind, RecordChangeKind::kRemoved);
  ASSERT_TRUE(removed.before.has_value());
  EXPECT_FALSE(removed.after.has_value());
  EXPECT_EQ(removed.before->record.surname, "Мельник");
  const RecordChange& changed = page->changes[2];
  EXPECT_EQ(changed.kind, RecordChangeKind::kChanged);
  ASSERT_TRUE(changed.before && changed.after);
  EXPECT_EQ(changed.before->record_version, 1);
  EXPECT_EQ(changed.after->record_version, 2);
  ASSERT_EQ(changed.fields.size(), 2u);
  EXPECT_EQ(changed.fields[0].field, "birth_place");
  EXPECT_EQ(changed.fields[0].before, "");
  EXPECT_EQ(changed.fields[0].after, "Суми");
  EXPECT_EQ(changed.fields[1].field, "unit_code");
  EXPECT_EQ(changed.fields[1].after, "A1234");
}

TEST_F(ListChangesTest, TheOtherWayRoundSwapsAddedAndRemoved) {
  auto page = ListChanges(tw_.ws(), {.list = "ua-request", .since = 2, .version = 1});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->counts.added, 1);
  EXPECT_EQ(page->changes[0].after->record.id, "C");
  EXPECT_EQ(page->changes[1].before->record.id, "D");
  EXPECT_EQ(page->changes[2].fields[0].before, "Суми");
  auto same = ListChanges(tw_.ws(), {.list = "ua-request", .since = 2, .version = 2});
  ASSERT_TRUE(same.has_value());
  EXPECT_EQ(same->total, 0);
  EXPECT_EQ(same->counts.kept, 3);
  EXPECT_TRUE(same->changes.empty());
}

TEST_F(ListChangesTest, PagesAndOneKindAtATime) {
  auto second = ListChanges(
      tw_.ws(), {.list = "ua-request", .since = 1, .version = 2, .offset = 1, .limit = 1});
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->total, 3);
  ASSERT_EQ(second->changes.size(), 1u);
  EXPECT_EQ(second->changes[0].kind, RecordChangeKind::kRemoved);
  auto changed = ListChanges(
      tw_.ws(),
      {.list = "ua-request", .since = 1, .version = 2, .only = RecordChangeKind::kChanged});
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->total, 1);
  ASSERT_EQ(changed->changes.size(), 1u);
  EXPECT_EQ(changed->changes[0].after->record.id, "B");
  EXPECT_EQ(ParseRecordChangeKind("removed"), RecordChangeKind::kRemoved);
  EXPECT_FALSE(ParseRecordChangeKind("edited").has_value());
}

TEST_F(ListChangesTest, UnknownListsAndVersionsAreNotFound) {
  auto none = ListChanges(tw_.ws(), {.list = "ua-request", .since = 1, .version = 9});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  auto nolist = ListChanges(tw_.ws(), {.list = "nope", .since = 1, .version = 2});
  ASSERT_FALSE(nolist.has_value());
  EXPECT_EQ(nolist.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::store
