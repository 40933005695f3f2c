#include "lists/extra_column_names.h"

#include <gtest/gtest.h>

#include <unordered_set>

namespace parley {
namespace {

using Names = std::vector<std::string>;

TEST(ExtraColumnNames, EmptyAliasesAndRepeatedHeaders) {
  Names header{"", "aka", "Група крові", "Група крові", "Псевдоніми", ""};
  EXPECT_EQ(ExtraColumnNames(header), (Names{"column 1", "aliases", "Група крові",
                                             "Група крові (4)", "Псевдоніми", "column 6"}));
}

// A header that spells a name parley gave another column no longer shares it.
TEST(ExtraColumnNames, NoTwoColumnsShareAName) {
  EXPECT_EQ(ExtraColumnNames(Names{"a", "a", "a (2)"}), (Names{"a", "a (2)", "a (2) (3)"}));
  EXPECT_EQ(ExtraColumnNames(Names{"aka", "aliases"}), (Names{"aliases", "aliases (2)"}));
  EXPECT_EQ(ExtraColumnNames(Names{"column 2", ""}), (Names{"column 2", "column 2 (2)"}));
}

// The structure that keeps 100,000 columns linear: each header is asked whether it names the
// aliases column at most once (the old code asked every earlier header again for each
// aliases column), and the names come out distinct, as a set look-up per column makes them.
TEST(ExtraColumnNames, EachHeaderIsExaminedOnceEvenWhenAllRepeat) {
  constexpr std::size_t kColumns = 20'000;
  for (const char* repeated : {"aka", "x"}) {
    Names header(kColumns, repeated);
    std::size_t asked = 0;
    Names names = ExtraColumnNames(header, [&](std::string_view h) {
      ++asked;
      return h == "aka";
    });
    EXPECT_LE(asked, kColumns) << repeated;
    std::unordered_set<std::string> distinct(names.begin(), names.end());
    EXPECT_EQ(distinct.size(), kColumns) << repeated;
    EXPECT_EQ(names[1], std::string(repeated) + " (2)");
  }
}

}  // namespace
}  // namespace parley
