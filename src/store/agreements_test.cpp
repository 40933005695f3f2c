#include "store/agreements.h"

#include <gtest/gtest.h>

#include <string>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

NewAgreementRow Row(const std::string& name, std::int64_t version, char hash) {
  return {.name = name,
          .version = version,
          .title = "Title of " + name,
          .party_a = "Ukraine",
          .party_b = "Russia",
          .source = "[agreement]\n# " + name,
          .sha256 = std::string(64, hash),
          .added_by = "negotiator1",
          .created_at = "2026-01-01T00:00:00Z"};
}

NewAgreementSignature Signature(std::int64_t id, const std::string& party, std::int64_t seq) {
  return {.agreement_id = id,
          .party = party,
          .signer = "signer-" + party,
          .content_sha256 = std::string(64, 'a'),
          .ledger_seq = seq,
          .signed_at = "2026-01-02T00:00:00Z"};
}

TEST(AgreementRowsTest, RoundTripsAVersionAndItsSignatures) {
  testing::TempWorkspace t("parley-agreements");
  auto id = InsertAgreement(t.ws(), Row("deal", 1, 'a'));
  ASSERT_TRUE(id.has_value()) << id.error().Describe();
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*id, "b", 7)).has_value());
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*id, "a", 5)).has_value());

  auto found = AgreementRowById(t.ws(), *id);
  ASSERT_TRUE(found.has_value()) << found.error().Describe();
  ASSERT_TRUE(found->has_value());
  const AgreementRow& a = **found;
  EXPECT_EQ(a.name, "deal");
  EXPECT_EQ(a.version, 1);
  EXPECT_EQ(a.title, "Title of deal");
  EXPECT_EQ(a.party_a, "Ukraine");
  EXPECT_EQ(a.party_b, "Russia");
  EXPECT_EQ(a.source, "[agreement]\n# deal");
  EXPECT_EQ(a.sha256, std::string(64, 'a'));
  EXPECT_EQ(a.added_by, "negotiator1");
  EXPECT_EQ(a.created_at, "2026-01-01T00:00:00Z");
  ASSERT_EQ(a.signatures.size(), 2u);
  EXPECT_EQ(a.signatures[0].party, "a");  // by party, not by the order of signing
  EXPECT_EQ(a.signatures[0].signer, "signer-a");
  EXPECT_EQ(a.signatures[0].ledger_seq, 5);
  EXPECT_EQ(a.signatures[1].party, "b");
  EXPECT_EQ(a.signatures[1].signed_at, "2026-01-02T00:00:00Z");
  // A party signs a version once (the table's key).
  EXPECT_FALSE(InsertAgreementSignature(t.ws(), Signature(*id, "a", 9)).has_value());
}

TEST(AgreementRowsTest, FindsTheLatestOrOneVersionAndListsByNameThenVersion) {
  testing::TempWorkspace t("parley-agreements");
  ASSERT_TRUE(InsertAgreement(t.ws(), Row("zeta", 1, 'c')).has_value());
  ASSERT_TRUE(InsertAgreement(t.ws(), Row("deal", 2, 'b')).has_value());
  ASSERT_TRUE(InsertAgreement(t.ws(), Row("deal", 1, 'a')).has_value());

  auto latest = FindAgreementRow(t.ws(), "deal", std::nullopt);
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ((*latest)->version, 2);
  auto v1 = FindAgreementRow(t.ws(), "deal", 1);
  ASSERT_TRUE(v1.has_value() && v1->has_value());
  EXPECT_EQ((*v1)->sha256, std::string(64, 'a'));

  auto all = ListAgreementRows(t.ws());
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name + "@" + std::to_string((*all)[0].version), "deal@1");
  EXPECT_EQ((*all)[1].name + "@" + std::to_string((*all)[1].version), "deal@2");
  EXPECT_EQ((*all)[2].name, "zeta");
}

TEST(AgreementRowsTest, NotFoundIsNoRow) {
  testing::TempWorkspace t("parley-agreements");
  ASSERT_TRUE(InsertAgreement(t.ws(), Row("deal", 1, 'a')).has_value());
  auto missing_version = FindAgreementRow(t.ws(), "deal", 9);
  ASSERT_TRUE(missing_version.has_value());
  EXPECT_FALSE(missing_version->has_value());
  auto missing_name = FindAgreementRow(t.ws(), "nope", std::nullopt);
  ASSERT_TRUE(missing_name.has_value());
  EXPECT_FALSE(missing_name->has_value());
  auto missing_id = AgreementRowById(t.ws(), 12345);
  ASSERT_TRUE(missing_id.has_value());
  EXPECT_FALSE(missing_id->has_value());
  EXPECT_TRUE(ListAgreementRows(t.ws())->size() == 1u);
}

TEST(AgreementRowsTest, InForceIsTheVersionWhoseSecondSignatureCameLast) {
  testing::TempWorkspace t("parley-agreements");
  auto none = AgreementRowInForce(t.ws());
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());

  auto first = InsertAgreement(t.ws(), Row("first", 1, 'a'));
  auto second = InsertAgreement(t.ws(), Row("second", 1, 'b'));
  auto draft = InsertAgreement(t.ws(), Row("draft", 1, 'c'));
  ASSERT_TRUE(first && second && draft);
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*first, "a", 1)).has_value());
  EXPECT_FALSE(AgreementRowInForce(t.ws())->has_value());  // one signature: not in force
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*second, "a", 2)).has_value());
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*second, "b", 3)).has_value());
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*draft, "a", 4)).has_value());
  EXPECT_EQ((*AgreementRowInForce(t.ws()))->name, "second");
  // `first` comes into force later than `second` did: it is the one in force now.
  ASSERT_TRUE(InsertAgreementSignature(t.ws(), Signature(*first, "b", 5)).has_value());
  auto now = AgreementRowInForce(t.ws());
  ASSERT_TRUE(now.has_value() && now->has_value());
  EXPECT_EQ((*now)->name, "first");
  EXPECT_EQ((*now)->signatures.size(), 2u);
}

}  // namespace
}  // namespace parley::store
