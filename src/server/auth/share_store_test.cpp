#include "server/auth/share_store.h"

#include <gtest/gtest.h>

#include "server/test_workspace.h"

namespace parley::server {
namespace {

TEST(ShareStore, ShareRevokeAndVersions) {
  testing::TestWorkspace tw;
  auto owner = FindListOwner(tw.ws(), "ru-custody");
  ASSERT_TRUE(owner.has_value());
  EXPECT_EQ(owner->side, "ru");
  EXPECT_FALSE(*IsSharedWith(tw.ws(), owner->list_id, "ua"));
  auto s = SetShare(tw.ws(), "ru-custody", "ua", true, 0, "admin");
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_EQ(s->version, 1);
  EXPECT_TRUE(*IsSharedWith(tw.ws(), owner->list_id, "ua"));
  EXPECT_EQ(ListsSharedWith(tw.ws(), "ua")->size(), 1u);
  // A second admin who did not see the share gets a conflict.
  EXPECT_EQ(SetShare(tw.ws(), "ru-custody", "ua", false, 0, "other").error().code,
            ErrorCode::kConflict);
  auto revoked = SetShare(tw.ws(), "ru-custody", "ua", false, 1, "admin");
  ASSERT_TRUE(revoked.has_value());
  EXPECT_FALSE(revoked->active);
  EXPECT_EQ(revoked->version, 2);
  EXPECT_FALSE(*IsSharedWith(tw.ws(), owner->list_id, "ua"));
}

TEST(ShareStore, RefusesOwnSideUnknownListAndBadSide) {
  testing::TestWorkspace tw;
  EXPECT_EQ(SetShare(tw.ws(), "ru-custody", "ru", true, 0, "a").error().code,
            ErrorCode::kInvalidInput);
  EXPECT_EQ(SetShare(tw.ws(), "nope", "ua", true, 0, "a").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(SetShare(tw.ws(), "ru-custody", "U A", true, 0, "a").error().code,
            ErrorCode::kInvalidInput);
}

TEST(ShareStore, RecordOwner) {
  testing::TestWorkspace tw;
  auto owner = FindRecordOwner(tw.ws(), tw.Record("ua-request", "UA-1"));
  ASSERT_TRUE(owner.has_value());
  EXPECT_EQ(owner->list, "ua-request");
  EXPECT_EQ(owner->side, "ua");
  EXPECT_EQ(FindRecordOwner(tw.ws(), 999999).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::server
