#include "store/record_history.h"

#include <gtest/gtest.h>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

PersonRecord Person(const std::string& surname) {
  PersonRecord r;
  r.id = "UA-1";
  r.surname = surname;
  r.given_name = "Дмитро";
  return r;
}

TEST(RecordHistoryTest, EachVersionOfARecordNamesTheListEventThatBroughtItIn) {
  testing::TempWorkspace t("parley-record-history");
  t.Import("ua-request", ListKind::kRequest, "ua", {Person("Шевченко")});
  const std::int64_t record = t.Record("ua-request", "UA-1");
  auto first = RecordListEventSeqs(t.ws(), record);
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  ASSERT_EQ(first->size(), 1u);

  t.Import("ua-request", ListKind::kRequest, "ua", {Person("Коваль")});
  auto both = RecordListEventSeqs(t.ws(), record);
  ASSERT_TRUE(both.has_value());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0], (*first)[0]);
  EXPECT_LT((*both)[0], (*both)[1]);
}

TEST(RecordHistoryTest, AnUnknownRecordHasNoEvents) {
  testing::TempWorkspace t("parley-record-history");
  auto none = RecordListEventSeqs(t.ws(), 404);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace parley::store
