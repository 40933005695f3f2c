#include "store/shares.h"

#include <gtest/gtest.h>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

class StoreShares : public ::testing::Test {
 protected:
  StoreShares() {
    PersonRecord r;
    r.id = "RU-1";
    r.surname = "Иванов";
    r.given_name = "Сергей";
    r.source_row = 2;
    t_.Import("ru-custody", ListKind::kCustody, "ru", {r});
  }
  testing::TempWorkspace t_{"parley-shares"};
};

TEST_F(StoreShares, OwnersOfListsAndRecords) {
  auto owner = OwnerOfList(t_.ws(), "ru-custody");
  ASSERT_TRUE(owner.has_value() && owner->has_value());
  EXPECT_EQ((*owner)->list, "ru-custody");
  EXPECT_EQ((*owner)->side, "ru");
  auto of_record = OwnerOfRecord(t_.ws(), t_.Record("ru-custody", "RU-1"));
  ASSERT_TRUE(of_record.has_value() && of_record->has_value());
  EXPECT_EQ((*of_record)->list_id, (*owner)->list_id);
  EXPECT_FALSE(OwnerOfList(t_.ws(), "nope")->has_value());
  EXPECT_FALSE(OwnerOfRecord(t_.ws(), 999999)->has_value());
}

TEST_F(StoreShares, VisibleWhileActiveAndKeptWhenWithdrawn) {
  const std::int64_t list_id = (**OwnerOfList(t_.ws(), "ru-custody")).list_id;
  EXPECT_FALSE(*ShareIsActive(t_.ws(), list_id, "ua"));
  EXPECT_FALSE(ShareVersion(t_.ws(), list_id, "ua")->has_value());

  ASSERT_TRUE(InsertShare(t_.ws(), {list_id, "ua", true, "admin", "t1"}));
  EXPECT_TRUE(*ShareIsActive(t_.ws(), list_id, "ua"));
  EXPECT_EQ(*ListsActivelySharedWith(t_.ws(), "ua"), std::vector<std::string>{"ru-custody"});
  EXPECT_EQ(**ShareVersion(t_.ws(), list_id, "ua"), 1);

  ASSERT_TRUE(UpdateShare(t_.ws(), {list_id, "ua", false, "mediator", "t2"}));
  EXPECT_FALSE(*ShareIsActive(t_.ws(), list_id, "ua"));
  EXPECT_TRUE(ListsActivelySharedWith(t_.ws(), "ua")->empty());
  auto shares = SharesOfList(t_.ws(), "ru-custody");
  ASSERT_TRUE(shares.has_value());
  ASSERT_EQ(shares->size(), 1u);  // the withdrawn share stays, as history
  const Share& s = shares->front();
  EXPECT_EQ(s.list, "ru-custody");
  EXPECT_EQ(s.side, "ua");
  EXPECT_FALSE(s.active);
  EXPECT_EQ(s.version, 2);
  EXPECT_EQ(s.updated_by, "mediator");
  EXPECT_EQ(s.updated_at, "t2");
}

}  // namespace
}  // namespace parley::store
