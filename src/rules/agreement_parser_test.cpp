#include "rules/agreement_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace parley::rules {
namespace {

constexpr const char* kMinimal = R"(
[agreement]
title = "Test"
date = 2025-06-09

[parties]
a = "A"
b = "B"

[[category]]
id = "soldiers"
when = { category = "military" }
)";

Error ParseError(const std::string& text) {
  auto a = ParseAgreement(text, "t.toml");
  EXPECT_FALSE(a.has_value());
  return a ? Error{} : a.error();
}

TEST(AgreementParser, MinimalDefaults) {
  auto a = ParseAgreement(kMinimal, "t.toml");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_EQ(a->title, "Test");
  EXPECT_EQ(a->date, (PartialDate{2025, 6, 9}));
  EXPECT_EQ(a->phase_count, 1);
  ASSERT_EQ(a->pools.size(), 1u);
  EXPECT_EQ(a->pools[0].id, "main");
  EXPECT_EQ(a->pools[0].measure, Measure::kCount);
  ASSERT_EQ(a->categories.size(), 1u);
  EXPECT_EQ(a->categories[0].pool, 0);
  EXPECT_EQ(a->categories[0].balance, Balance::kPool);
}

TEST(AgreementParser, EveryExampleValidates) {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator("examples/agreements")) {
    if (entry.path().extension() != ".toml") continue;
    ++seen;
    auto a = LoadAgreementFile(entry.path().string());
    EXPECT_TRUE(a.has_value()) << entry.path() << ": " << (a ? "" : a.error().Describe());
  }
  EXPECT_GE(seen, 5);
}

TEST(AgreementParser, DixHillHasTheFullRankTable) {
  auto a = LoadAgreementFile("examples/agreements/dix-hill-1862.toml");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  EXPECT_EQ(a->value.points.at("commanding general"), 60);
  EXPECT_EQ(a->value.points.at("major-general"), 40);
  EXPECT_EQ(a->value.points.at("brigadier-general"), 20);
  EXPECT_EQ(a->value.points.at("colonel"), 15);
  EXPECT_EQ(a->value.points.at("lieutenant-colonel"), 10);
  EXPECT_EQ(a->value.points.at("major"), 8);
  EXPECT_EQ(a->value.points.at("captain"), 6);
  EXPECT_EQ(a->value.points.at("lieutenant"), 4);
  EXPECT_EQ(a->value.points.at("midshipman"), 3);
  EXPECT_EQ(a->value.points.at("warrant officer"), 3);
  EXPECT_EQ(a->value.points.at("non-commissioned officer"), 2);
  EXPECT_EQ(a->value.points.at("private"), 1);
}

std::string WithParties(const std::string& extra) {
  std::string text = kMinimal;
  const std::string b = "b = \"B\"\n";
  return text.replace(text.find(b), b.size(), b + extra);
}

TEST(AgreementParser, ActingSidesDefaultToThePartyNames) {
  auto plain = ParseAgreement(kMinimal, "t.toml");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->SideOf(Side::kA), "A");
  auto sided = ParseAgreement(WithParties("a_side = \"ua\"\nb_side = \"ru\"\n"), "t.toml");
  ASSERT_TRUE(sided.has_value()) << sided.error().Describe();
  EXPECT_EQ(sided->SideOf(Side::kA), "ua");
  EXPECT_EQ(sided->SideOf(Side::kB), "ru");
  EXPECT_EQ(sided->PartyName(Side::kA), "A");
}

TEST(AgreementParser, ActingSidesMustDifferAndNotBeEmpty) {
  Error same = ParseError(WithParties("a_side = \"ua\"\nb_side = \"ua\"\n"));
  EXPECT_NE(same.message.find("must differ"), std::string::npos) << same.message;
  EXPECT_EQ(same.where.row, 6);  // the [parties] table
  Error empty = ParseError(WithParties("a_side = \"\"\n"));
  EXPECT_NE(empty.message.find("must not be empty"), std::string::npos) << empty.message;
  EXPECT_EQ(empty.where.row, 9);
  Error wrong_type = ParseError(WithParties("b_side = 3\n"));
  EXPECT_EQ(wrong_type.where.row, 9);
}

std::string VerifierKeyOf(const std::string& name) {
  auto key = ledger::GenerateSigningKey(name);
  EXPECT_TRUE(key.has_value());
  return key->Public().VerifierKey();
}

TEST(AgreementParser, PinnedPartyKeysAreParsed) {
  const std::string ua = VerifierKeyOf("ua-signer"), ru = VerifierKeyOf("ru-signer"),
                    icrc = VerifierKeyOf("icrc");
  auto a = ParseAgreement(WithParties("a_key = \"" + ua + "\"\nb_key = \"" + ru +
                                      "\"\nmediator_keys = [\"" + icrc + "\"]\n"),
                          "t.toml");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  ASSERT_TRUE(a->PinnedKey(Side::kA).has_value());
  EXPECT_EQ(a->PinnedKey(Side::kA)->VerifierKey(), ua);
  EXPECT_EQ(a->PinnedKey(Side::kB)->name, "ru-signer");
  ASSERT_EQ(a->mediator_keys.size(), 1u);
  EXPECT_EQ(a->mediator_keys[0].VerifierKey(), icrc);
  auto unpinned = ParseAgreement(kMinimal, "t.toml");
  ASSERT_TRUE(unpinned.has_value());
  EXPECT_FALSE(unpinned->PinnedKey(Side::kA).has_value());
  EXPECT_TRUE(unpinned->mediator_keys.empty());
}

TEST(AgreementParser, MalformedPinnedKeysNameTheField) {
  const std::string ua = VerifierKeyOf("ua-signer"), icrc = VerifierKeyOf("icrc");
  Error garbage = ParseError(WithParties("a_key = \"not a key\"\n"));
  EXPECT_NE(garbage.message.find("a_key is not a verifier key"), std::string::npos)
      << garbage.message;
  EXPECT_EQ(garbage.where.row, 9);
  // One character of the key id changed: the id no longer matches name and key.
  std::string wrong_id = ua;
  const std::size_t id_at = wrong_id.find('+') + 1;
  wrong_id[id_at] = wrong_id[id_at] == '0' ? '1' : '0';
  Error id = ParseError(WithParties("b_key = \"" + wrong_id + "\"\n"));
  EXPECT_NE(id.message.find("b_key is not a verifier key"), std::string::npos) << id.message;
  EXPECT_NE(id.message.find("key id"), std::string::npos) << id.message;
  Error number = ParseError(WithParties("a_key = 7\n"));
  EXPECT_NE(number.message.find("'a_key' must be a string"), std::string::npos);
  Error same = ParseError(WithParties("a_key = \"" + ua + "\"\nb_key = \"" + ua + "\"\n"));
  EXPECT_NE(same.message.find("a_key and b_key are the same key"), std::string::npos)
      << same.message;
  Error mediator_is_party = ParseError(
      WithParties("a_key = \"" + ua + "\"\nmediator_keys = [\"" + icrc + "\", \"" + ua + "\"]\n"));
  EXPECT_NE(mediator_is_party.message.find("mediator_keys holds the key of party a"),
            std::string::npos)
      << mediator_is_party.message;
  Error not_array = ParseError(WithParties("mediator_keys = \"" + icrc + "\"\n"));
  EXPECT_NE(not_array.message.find("mediator_keys must be a non-empty array"), std::string::npos)
      << not_array.message;
  Error bad_item = ParseError(WithParties("mediator_keys = [\"x+y+z\"]\n"));
  EXPECT_NE(bad_item.message.find("mediator_keys is not a verifier key"), std::string::npos)
      << bad_item.message;
}

TEST(AgreementParser, UnknownKeyNamesLineColumnAndAllowedKeys) {
  std::string text = std::string(kMinimal) + "\n[phases]\ncount = 2\ncpas = [1, 2]\n";
  Error e = ParseError(text);
  EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(e.where.file, "t.toml");
  EXPECT_EQ(e.where.row, 16);
  EXPECT_EQ(e.where.column, 1);
  EXPECT_NE(e.message.find("unknown key 'cpas'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("caps"), std::string::npos) << e.message;
}

TEST(AgreementParser, UnknownConditionInWhen) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[[category]]
id = "x"
when = { rnak = "major" }
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 9);
  EXPECT_EQ(e.where.column, 10);
  EXPECT_NE(e.message.find("unknown key 'rnak'"), std::string::npos) << e.message;
}

TEST(AgreementParser, WrongTypeNamesLineColumnAndExample) {
  std::string text = std::string(kMinimal) + "\n[phases]\ncount = \"three\"\n";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 15);
  EXPECT_EQ(e.where.column, 9);
  EXPECT_NE(e.message.find("whole number"), std::string::npos) << e.message;
}

TEST(AgreementParser, DateMustBeATomlDate) {
  std::string text = R"([agreement]
title = "T"
date = "2025-01-01"
[parties]
a = "A"
b = "B"
[[category]]
id = "x"
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 3);
  EXPECT_EQ(e.where.column, 8);
  EXPECT_NE(e.message.find("without quotes"), std::string::npos);
}

TEST(AgreementParser, ContradictoryPhaseCaps) {
  std::string text = std::string(kMinimal) +
                     "\n[phases]\ncount = 3\ncaps = [390, 307, 300]\nrequired_total = 1000\n";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 17);
  EXPECT_EQ(e.where.column, 18);
  EXPECT_NE(e.message.find("contradictory caps"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("997"), std::string::npos) << e.message;
}

TEST(AgreementParser, ContradictoryCategoryCaps) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[phases]
required_total = 10
[[category]]
id = "x"
cap = 4
[[category]]
id = "y"
cap = 5
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 8);
  EXPECT_NE(e.message.find("category caps sum to 9"), std::string::npos) << e.message;
}

TEST(AgreementParser, CapOnAllForAllIsContradictory) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[[category]]
id = "young"
balance = "all_for_all"
cap = 10
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 10);
  EXPECT_EQ(e.where.column, 7);
  EXPECT_NE(e.message.find("contradictory"), std::string::npos);
}

TEST(AgreementParser, CapsCountMustMatchPhases) {
  std::string text = std::string(kMinimal) + "\n[phases]\ncount = 3\ncaps = [1, 2]\n";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 16);
  EXPECT_NE(e.message.find("one cap per phase"), std::string::npos);
}

TEST(AgreementParser, PhaseOutOfRange) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[phases]
count = 2
[[category]]
id = "x"
phases = [1, 3]
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 11);
  EXPECT_EQ(e.where.column, 14);
  EXPECT_NE(e.message.find("phase 3 does not exist"), std::string::npos);
}

TEST(AgreementParser, UndeclaredPool) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[[pool]]
id = "main"
[[category]]
id = "x"
pool = "officers"
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 11);
  EXPECT_NE(e.message.find("pool 'officers' is not declared"), std::string::npos);
}

TEST(AgreementParser, BadEnumValues) {
  std::string text = R"([agreement]
title = "T"
date = 2025-01-01
[parties]
a = "A"
b = "B"
[[category]]
id = "x"
balance = "fair"
)";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 9);
  EXPECT_NE(e.message.find("all_for_all"), std::string::npos);
}

TEST(AgreementParser, SyntaxErrorHasPosition) {
  Error e = ParseError("[agreement]\ntitle = \"T\nx");
  EXPECT_EQ(e.where.row, 2);
  EXPECT_GT(e.where.column, 0);
  EXPECT_NE(e.message.find("not valid TOML"), std::string::npos);
}

TEST(AgreementParser, MissingSectionsAndCategories) {
  Error e = ParseError("[agreement]\ntitle = \"T\"\ndate = 2025-01-01\n");
  EXPECT_NE(e.message.find("[parties]"), std::string::npos) << e.message;
  e = ParseError("[agreement]\ntitle = \"T\"\ndate = 2025-01-01\n[parties]\na=\"A\"\nb=\"B\"\n");
  EXPECT_NE(e.message.find("no [[category]]"), std::string::npos) << e.message;
}

TEST(AgreementParser, DuplicateCategory) {
  std::string text = std::string(kMinimal) + "\n[[category]]\nid = \"soldiers\"\n";
  Error e = ParseError(text);
  EXPECT_EQ(e.where.row, 15);
  EXPECT_NE(e.message.find("declared twice"), std::string::npos);
}

// Data-driven: tests/cases/agreements/NAME.toml must fail with NAME.expected's text.
TEST(AgreementParser, InvalidAgreementCases) {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator("tests/cases/agreements")) {
    if (entry.path().extension() != ".toml") continue;
    ++cases;
    std::filesystem::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    std::ifstream in(expected_path);
    std::string expected;
    std::getline(in, expected);
    ASSERT_FALSE(expected.empty()) << expected_path;
    auto a = LoadAgreementFile(entry.path().string());
    ASSERT_FALSE(a.has_value()) << entry.path() << " should be rejected";
    std::string got = a.error().Describe();
    std::string want = entry.path().string() + ": " + expected;
    EXPECT_EQ(got.substr(0, want.size()), want) << "got: " << got;
  }
  EXPECT_GE(cases, 8);
}

TEST(AgreementParser, MissingFileIsNotFound) {
  auto a = LoadAgreementFile("no/such/file.toml");
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::rules
