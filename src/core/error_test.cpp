#include "core/error.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Error, DescribeNamesFileRowColumnAndField) {
  Error e{ErrorCode::kInvalidInput, "bad date", {"list.csv", 12, 6, "birth_date"}};
  EXPECT_EQ(e.Describe(), "list.csv: row 12, column 6 (birth_date): bad date");
}

TEST(Error, DescribeLeavesOutEmptyParts) {
  EXPECT_EQ((Error{ErrorCode::kNotFound, "no list 'x'", {}}).Describe(), "no list 'x'");
  EXPECT_EQ((Error{ErrorCode::kInvalidInput, "m", {"", 0, 0, "kind"}}).Describe(), "field kind: m");
}

TEST(Error, UserErrorsExitWithOneAndOursWithTwo) {
  EXPECT_TRUE((Error{ErrorCode::kInvalidInput, "", {}}).IsUserError());
  EXPECT_FALSE((Error{ErrorCode::kInternal, "", {}}).IsUserError());
}

}  // namespace
}  // namespace parley
