#include "link/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace parley::link {
namespace {

RecordKeys Key(StringPool& pool, std::string surname, std::string given, int year, int month,
               int day, std::string service = "") {
  RecordKeys k;
  k.surname = k.surname_vowels = pool.Intern(surname);
  k.surname_phonetic = pool.Intern(surname.substr(0, 3));
  k.given = k.given_group = k.given_as_surname = pool.Intern(given);
  k.birth = {static_cast<std::uint16_t>(year), static_cast<std::uint8_t>(month),
             static_cast<std::uint8_t>(day)};
  k.service_number = k.service_roman = pool.Intern(service);
  return k;
}

PreparedList List(std::vector<RecordKeys> keys) {
  PreparedList l;
  l.keys = std::move(keys);
  for (std::size_t i = 0; i < l.keys.size(); ++i) l.ids.push_back(std::to_string(i));
  return l;
}

TEST(BlockingTest, FindsPlantedPairsAmongNoise) {
  StringPool pool;
  std::mt19937 rng(5);
  std::vector<RecordKeys> left;
  std::vector<RecordKeys> right;
  // 2000 random people on each side; left i and right i are the same person for i < 200,
  // each with one field spoilt so that only some rules can find them.
  for (int i = 0; i < 2000; ++i) {
    const std::string s = "sur" + std::to_string(rng() % 5000);
    const std::string g = "giv" + std::to_string(rng() % 300);
    const int y = 1950 + static_cast<int>(rng() % 50);
    const int m = 1 + static_cast<int>(rng() % 12);
    const int d = 1 + static_cast<int>(rng() % 28);
    left.push_back(Key(pool, s, g, y, m, d, "SN" + std::to_string(i)));
    if (i < 200) {
      switch (i % 4) {
        case 0:
          right.push_back(Key(pool, s, "other", y, m, d));
          break;  // given name differs
        case 1:
          right.push_back(Key(pool, "zz" + s, g, y, m, d));
          break;  // surname spoilt
        case 2:
          right.push_back(Key(pool, s, g, y + 7, m, d));
          break;  // wrong year
        default:
          right.push_back(Key(pool, "q", "q", 1900, 1, 1, "SN" + std::to_string(i)));
      }
    } else {
      right.push_back(Key(pool, "x" + std::to_string(rng()), "y", 1950, 1, 1));
    }
  }
  const PreparedList l = List(left);
  const PreparedList r = List(right);
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, {}, &stats);
  std::set<std::pair<std::uint32_t, std::uint32_t>> unique;
  for (const auto& p : pairs) unique.insert({p.left, p.right});
  EXPECT_EQ(unique.size(), pairs.size()) << "candidate pairs must be deduplicated";
  for (std::uint32_t i = 0; i < 200; ++i) EXPECT_TRUE(unique.contains({i, i})) << i;
  EXPECT_LT(pairs.size(), 20000u) << "blocking must not approach the 4M cross product";
}

TEST(BlockingTest, SameCandidatesInTheSameOrderWithOneOrTwoThreads) {
  StringPool pool;
  std::mt19937 rng(9);
  std::vector<RecordKeys> left;
  std::vector<RecordKeys> right;
  for (int i = 0; i < 3000; ++i) {
    left.push_back(Key(pool, "s" + std::to_string(rng() % 300), "g" + std::to_string(rng() % 20),
                       1960 + static_cast<int>(rng() % 10), 1, 1 + static_cast<int>(rng() % 28)));
    right.push_back(Key(pool, "s" + std::to_string(rng() % 300), "g" + std::to_string(rng() % 20),
                        1960 + static_cast<int>(rng() % 10), 1, 1 + static_cast<int>(rng() % 28)));
  }
  const PreparedList l = List(left);
  const PreparedList r = List(right);
  BlockingOptions one;
  one.max_block_pairs = 200;
  BlockingOptions two = one;
  two.threads = 2;
  EXPECT_EQ(GenerateCandidates(l, &r, one, nullptr), GenerateCandidates(l, &r, two, nullptr));
  EXPECT_EQ(GenerateCandidates(l, nullptr, one, nullptr),
            GenerateCandidates(l, nullptr, two, nullptr));
}

TEST(BlockingTest, PairFoundByTwoRulesAppearsOnce) {
  StringPool pool;
  const PreparedList l = List({Key(pool, "shevchenko", "dmitro", 1990, 1, 2, "A1")});
  const PreparedList r = List({Key(pool, "shevchenko", "dmitro", 1990, 1, 2, "A1")});
  const auto pairs = GenerateCandidates(l, &r, {}, nullptr);
  ASSERT_EQ(pairs.size(), 1u);
}

TEST(BlockingTest, OversizedBlocksAreCappedAndCounted) {
  StringPool pool;
  std::vector<RecordKeys> many;
  for (int i = 0; i < 200; ++i) many.push_back(Key(pool, "shevchenko", "dmitro", 0, 0, 0));
  const PreparedList l = List(many);
  BlockingOptions opts;
  opts.max_block_pairs = 1000;
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, nullptr, opts, &stats);
  EXPECT_TRUE(pairs.empty());
  EXPECT_EQ(stats.capped_blocks[2], 1u);
  EXPECT_EQ(stats.capped_blocks[5], 0u) << "no birth year: rule 6 has no key";
  EXPECT_EQ(stats.capped_pairs[2], 200u * 199u / 2u);
}

TEST(BlockingTest, DedupeGivesOrderedPairsOnly) {
  StringPool pool;
  const PreparedList l = List({Key(pool, "a", "b", 1990, 1, 1), Key(pool, "c", "d", 1980, 1, 1),
                               Key(pool, "a", "b", 1990, 1, 1)});
  const auto pairs = GenerateCandidates(l, nullptr, {}, nullptr);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 2}));
}

TEST(BlockingTest, NarrowRulesFindPeopleInCappedCommonNameBlocks) {
  StringPool pool;
  std::vector<RecordKeys> left;
  std::vector<RecordKeys> right;
  // 100 "shevchenko dmitro" on each side, all born 1985 with different days: rules 1 and 3
  // blocks are capped; rule 6 (surname + given + year) is too; the planted pair differs in
  // year, so only rule 7 (with the patronymic) can find it.
  for (int i = 0; i < 100; ++i) {
    RecordKeys k = Key(pool, "shevchenko", "dmitro", 1985, 1 + i % 12, 1 + i % 28);
    k.patronymic_group = pool.Intern("p" + std::to_string(i));
    left.push_back(k);
    k.birth.year = 1986;
    right.push_back(k);
  }
  BlockingOptions opts;
  opts.max_block_pairs = 1000;
  BlockingStats stats;
  const PreparedList l = List(left);
  const PreparedList r = List(right);
  const auto found = GenerateCandidates(l, &r, opts, &stats);
  std::set<std::pair<std::uint32_t, std::uint32_t>> unique;
  for (const auto& p : found) unique.insert({p.left, p.right});
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_TRUE(unique.contains({i, i})) << i;
  EXPECT_GT(stats.capped_blocks[2], 0u);
}

TEST(BlockingTest, AliasOnlyMatchIsACandidateOnce) {
  StringPool pool;
  PreparedList left =
      List({Key(pool, "kowal", "ivan", 1980, 3, 4), Key(pool, "melnyk", "petro", 1975, 1, 2)});
  PreparedList right =
      List({Key(pool, "shevchenko", "ivan", 1980, 3, 4), Key(pool, "bondar", "oleh", 1990, 5, 6)});
  // Left 0 shares no blocking key with right 0 (another surname, another birth date) ...
  right.keys[0].birth = {1960, 7, 8};
  EXPECT_TRUE(GenerateCandidatesOnAllNames(left, &right, {}, nullptr).empty());
  // ... except through its alias "shevchenko ivan" (rule 3: surname + given name).
  RecordKeys alias = left.keys[0];
  alias.surname = right.keys[0].surname;
  alias.surname_phonetic = right.keys[0].surname_phonetic;
  left.alias_keys = {alias, alias};  // the same alias twice: still one candidate
  left.alias_text = {"Шевченко Іван", "Шевченко Іван"};
  left.alias_begin = {0, 2, 2};
  left.keys[0].alias_count = 2;
  const auto pairs = GenerateCandidatesOnAllNames(left, &right, {}, nullptr);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0}));
  // Within one list, a record and its own alias are never a pair.
  PreparedList one = left;
  one.keys.push_back(right.keys[0]);
  one.ids.push_back("2");
  one.alias_begin.push_back(2);
  const auto within = GenerateCandidatesOnAllNames(one, nullptr, {}, nullptr);
  ASSERT_EQ(within.size(), 1u);
  EXPECT_EQ(within[0], (CandidatePair{0, 2}));
}

// The hard case of lists written by different hands: a surname typo in its first letters (so
// the phonetic key differs), and a birth date a year off, or day and month swapped. No exact
// key joins them; the one-edit rules do, each pair once, and a surname two edits away does not.
TEST(BlockingTest, OneEditRulesFindSurnameTyposWithAWrongDate) {
  StringPool pool;
  const PreparedList l = List({Key(pool, "bondarenko", "kyrylo", 1990, 3, 14),
                               Key(pool, "melnychuk", "petro", 1975, 8, 2),
                               Key(pool, "tkachenko", "ivan", 1981, 5, 6)});
  const PreparedList r = List({Key(pool, "pondarenko", "kyrylo", 1991, 3, 14),    // typo, year
                               Key(pool, "emlnychuk", "ivan", 1975, 2, 8),        // swap, d/m
                               Key(pool, "tkachenkovych", "ivan", 1982, 5, 6)});  // far
  EXPECT_TRUE(GenerateCandidates(l, &r, {}, nullptr).empty()) << "no exact key is shared";
  BlockingOptions options;
  options.pool = &pool;
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, options, &stats);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0})) << "surname_one_edit+given_group";
  EXPECT_EQ(pairs[1], (CandidatePair{1, 1})) << "surname_one_edit+day_month";
  EXPECT_EQ(stats.pairs_by_rule[12], 1u);
  EXPECT_EQ(stats.pairs_by_rule[13], 1u);
}

// A slip on one Cyrillic letter written with two Latin ones (БЦГАЙ / Бугай: ts for u) is one
// edit in the folded key; two Cyrillic letters that together spell a folded group, typed in the
// wrong order (Сатсюк / Стасюк: "ts"), are one transposition only in the skeleton as it is.
// Both neighbourhoods are searched.
TEST(BlockingTest, OneEditRulesCountCyrillicLettersAndTheSkeletonAsItIs) {
  StringPool pool;
  const PreparedList l = List(
      {Key(pool, "btsgai", "stanislav", 1988, 11, 4), Key(pool, "satsiuk", "andrii", 0, 0, 0)});
  const PreparedList r = List(
      {Key(pool, "bugai", "stanislav", 1989, 4, 11), Key(pool, "stasiuk", "andrii", 1999, 8, 19)});
  BlockingOptions options;
  options.pool = &pool;
  const auto pairs = GenerateCandidates(l, &r, options, nullptr);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0}));
  EXPECT_EQ(pairs[1], (CandidatePair{1, 1}));
}

TEST(BlockingTest, OneEditRulesAddNothingThatAnExactRuleFound) {
  StringPool pool;
  const PreparedList l = List({Key(pool, "shevchenko", "dmitro", 1990, 1, 2),
                               Key(pool, "shevchenko", "dmitro", 1990, 1, 2)});
  BlockingOptions options;
  options.pool = &pool;
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, nullptr, options, &stats);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 1}));
  EXPECT_EQ(stats.pairs_by_rule[12] + stats.pairs_by_rule[13] + stats.pairs_by_rule[14], 0u);
}

// Two records of one surname share all of its one-edit neighbours (the whole key and each
// deletion), so the rule meets their pair in every one of those blocks; it is kept from one
// of them, and a surname one letter longer still joins through a deletion.
TEST(BlockingTest, OneEditRulesMeetASurnameOncePerPair) {
  StringPool pool;
  const PreparedList l = List({Key(pool, "bondarenko", "kyrylo", 1990, 3, 14)});
  const PreparedList r = List({Key(pool, "bondarenko", "oleh", 1972, 14, 3),      // same surname
                               Key(pool, "bondarenkoo", "taras", 1961, 3, 14)});  // one longer
  BlockingOptions options;
  options.pool = &pool;
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, options, &stats);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0}));
  EXPECT_EQ(pairs[1], (CandidatePair{0, 1}));
  EXPECT_EQ(stats.pairs_by_rule[13], 2u) << "surname_one_edit+day_month, each pair once";
}

TEST(BlockingTest, PatronymicAndDateRulesFindBothFirstNamesOff) {
  StringPool pool;
  RecordKeys a = Key(pool, "kovalenko", "oleksandr", 1988, 4, 11);
  a.patronymic_group = pool.Intern("#p7m");
  RecordKeys b = Key(pool, "kavalenka", "sasha-unknown", 1988, 4, 11);  // rule 8
  b.patronymic_group = a.patronymic_group;
  RecordKeys c = Key(pool, "kavalenka", "oleksandr", 1989, 11, 4);  // rule 9: year off, swap
  c.patronymic_group = a.patronymic_group;
  const PreparedList l = List({a});
  const PreparedList r = List({b, c});
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, {}, &stats);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(stats.pairs_by_rule[7], 1u);
  EXPECT_EQ(stats.pairs_by_rule[8], 1u);
  EXPECT_TRUE(RuleAgrees(7, a, b));
  EXPECT_TRUE(RuleAgrees(8, a, c));
  EXPECT_FALSE(RuleAgrees(8, a, b)) << "given names differ";
}

// "Тит | Науменко" against "Науменко | Тит": a clerk wrote the given name in the surname column
// and the import had no evidence to put it back (a rare given name, no patronymic). Every other
// rule keys the wrong word; rule 11 keys the two names in either order with the birth year.
TEST(BlockingTest, SurnameAndGivenNameInEachOthersColumnsAreACandidate) {
  StringPool pool;
  const RecordKeys a = Key(pool, "tyt", "naumenko", 1945, 6, 4);
  const RecordKeys b = Key(pool, "naumenko", "tyt", 1945, 6, 4);
  const RecordKeys other_year = Key(pool, "naumenko", "tyt", 1946, 6, 4);
  const RecordKeys other_name = Key(pool, "naumenko", "taras", 1945, 6, 4);
  const PreparedList l = List({a});
  const PreparedList r = List({b, other_year, other_name});
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, {}, &stats);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0}));
  EXPECT_EQ(stats.pairs_by_rule[10], 1u);
  EXPECT_TRUE(RuleAgrees(10, a, b));
  EXPECT_FALSE(RuleAgrees(10, a, other_year));
  EXPECT_EQ(BlockingRuleName(10), "surname+given_name_either_order+birth_year");
}

// "Віктор | Левко" against "Левко | Віктор" with the birth date missing on one side: rule 12
// keys the two names in either order with the patronymic.
TEST(BlockingTest, NamesInEachOthersColumnsMeetByThePatronymicWithoutADate) {
  StringPool pool;
  RecordKeys a = Key(pool, "viktor", "levko", 1991, 3, 8);
  RecordKeys b = Key(pool, "levko", "viktor", 0, 0, 0);
  RecordKeys other_father = Key(pool, "levko", "viktor", 0, 0, 0);
  a.patronymic_group = b.patronymic_group = pool.Intern("#p3m");
  other_father.patronymic_group = pool.Intern("#p4m");
  const PreparedList l = List({a});
  const PreparedList r = List({b, other_father});
  BlockingStats stats;
  const auto pairs = GenerateCandidates(l, &r, {}, &stats);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 0}));
  EXPECT_EQ(stats.pairs_by_rule[11], 1u);
  EXPECT_TRUE(RuleAgrees(11, a, b));
  EXPECT_FALSE(RuleAgrees(11, a, other_father));
  EXPECT_EQ(BlockingRuleName(11), "surname+given_name_either_order+patronymic_group");
}

// Підгірський / Подгорский: one surname in the two languages, keys two vowels apart, the birth
// date known on one side only. Rule 7 keys the surname's vowel form.
TEST(BlockingTest, UkrainianAndRussianSpellingsOfASurnameMeetWithoutADate) {
  StringPool pool;
  RecordKeys a = Key(pool, "pidhirsk", "ihor", 0, 0, 0);
  RecordKeys b = Key(pool, "podhorsk", "ihor", 1980, 11, 20);
  a.surname_vowels = b.surname_vowels = pool.Intern("pidhirsk");
  a.patronymic_group = b.patronymic_group = pool.Intern("#p1m");
  const PreparedList l = List({a});
  const PreparedList r = List({b});
  BlockingStats stats;
  ASSERT_EQ(GenerateCandidates(l, &r, {}, &stats).size(), 1u);
  EXPECT_EQ(stats.pairs_by_rule[6], 1u);
  EXPECT_TRUE(RuleAgrees(6, a, b));
}

// Ббенко (а dropped) keys as "benko", two deletions from "babenko": the key merged the doubled
// letter the slip made. Its letters as typed (RecordKeys::surname_letters, "bbenko") are one
// deletion away, and the one-edit rules search them too. A record whose letters are its key's
// carries none.
TEST(BlockingTest, OneEditRulesSearchTheLettersAsTypedWhereTheKeyMergedSome) {
  StringPool pool;
  RecordKeys slip = Key(pool, "benko", "oleksii", 0, 0, 0);
  slip.surname_letters = pool.Intern("bbenko");
  const RecordKeys right = Key(pool, "babenko", "oleksii", 1998, 9, 25);
  const PreparedList l = List({slip});
  const PreparedList r = List({right});
  BlockingOptions options;
  options.pool = &pool;
  BlockingStats stats;
  ASSERT_EQ(GenerateCandidates(l, &r, options, &stats).size(), 1u);
  EXPECT_EQ(stats.pairs_by_rule[12], 1u) << "surname_one_edit+given_group";
  RecordKeys without = slip;
  without.surname_letters = 0;
  EXPECT_TRUE(GenerateCandidates(List({without}), &r, options, nullptr).empty())
      << "the keys alone are two edits apart";
}

}  // namespace
}  // namespace parley::link
