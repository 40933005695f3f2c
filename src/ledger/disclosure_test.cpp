// Field commitments, the bundle's disclosure section and the later reveal of one field: every
// way a disclosed value, salt, commitment or root can be wrong is refused, naming list, record
// and field where it can.
#include "ledger/disclosure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "ledger/bundle.h"
#include "ledger/ledger.h"
#include "ledger/merkle_tree.h"
#include "ledger/proofs.h"
#include "ledger/test_support.h"
#include "ledger/verify.h"

namespace parley::ledger {
namespace {

using testing::MemoryStorage;
using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr char kOrigin[] = "parley/ua-bureau/0011223344556677";

struct Fixture {
  SigningKey node = *GenerateSigningKey("ua-bureau");
  SaltKey salts = *SaltKey::FromSeed(node.Seed());
  std::vector<Fields> people = {
      {{"surname", "Шевченко"}, {"birth_date", "1990-02-01"}, {"health", "seriously_wounded"}},
      {{"surname", "Лисенко"}, {"birth_date", "1985"}, {"health", ""}},
      {{"surname", "Коваль"}, {"birth_date", ""}, {"health", ""}}};
  Ledger ledger = *Ledger::Open(std::make_unique<MemoryStorage>(),
                                {.origin = kOrigin, .trusted = {node.Public()}, .threads = 2});

  std::vector<RecordCommitment> Commitments() const {
    std::vector<RecordCommitment> out;
    for (std::size_t i = 0; i < people.size(); ++i) {
      out.push_back(*CommitRecord(salts, "ua-custody", std::to_string(i + 1), 1, people[i]));
    }
    return out;
  }

  // A list.version_submitted event signing the records root, then a checkpoint.
  void Submit(const Hash& root) {
    Event e{.seq = 0,
            .type = "list.version_submitted",
            .actor = "clerk1",
            .time = "2026-11-25T10:00:00Z",
            .body = {{"list", "ua-custody"},
                     {"version", 1},
                     {"record_count", people.size()},
                     {"records_root", EncodeBase64(AsChars(root))}}};
    auto clerk = *GenerateSigningKey("clerk1");
    ASSERT_TRUE(ledger.Append(std::move(e), clerk).has_value());
    ASSERT_TRUE(ledger.MakeCheckpoint(node).has_value());
  }

  // Shows surname and birth_date, withholds health.
  Disclosure Disclose() const {
    Disclosure d{"mediator", "mediator", node.Name(), {}};
    DisclosedList list{0, "ua-custody", 1, {}};
    for (std::size_t i = 0; i < people.size(); ++i) {
      DisclosedRecord r{std::to_string(i + 1), 1, {}};
      const RecordSaltScope scope{"ua-custody", r.id, 1};
      for (const auto& [name, value] : people[i]) {
        DisclosedField f{name, {}, name != "health", "", {}};
        const Hash salt = salts.Derive(scope, name);
        f.commitment = CommitField(salt, name, value);
        if (f.shown) {
          f.value = value;
          f.salt = salt;
        }
        r.fields.push_back(f);
      }
      std::sort(r.fields.begin(), r.fields.end(),
                [](const auto& a, const auto& b) { return a.field < b.field; });
      list.records.push_back(r);
    }
    d.lists.push_back(list);
    return d;
  }

  std::string Bundle(const Disclosure& d) const {
    const std::string text = *EncodeDisclosure(d);
    const SignedDisclosure s{text, SignDisclosure(text, node)};
    return *ledger.ExportBundle(0, &s);
  }

  std::string CheckError(const Disclosure& d) {
    auto entries = *ledger.Storage().Read(0, ledger.Size());
    auto r = CheckDisclosure(d, entries, 0);
    return r ? "" : r.error().message;
  }
};

DisclosedField& FieldOf(Disclosure& d, std::size_t record, const std::string& name) {
  for (auto& f : d.lists[0].records[record].fields) {
    if (f.field == name) return f;
  }
  throw std::logic_error("no field " + name);
}

TEST(FieldCommitment, SaltsDependOnEveryPartOfTheirScope) {
  Fixture f;
  const Hash a = f.salts.Derive({"ua-custody", "1", 1}, "surname");
  EXPECT_EQ(a, f.salts.Derive({"ua-custody", "1", 1}, "surname"));  // re-derivable
  EXPECT_NE(a, f.salts.Derive({"ua-custody", "1", 2}, "surname"));
  EXPECT_NE(a, f.salts.Derive({"ua-custody", "2", 1}, "surname"));
  EXPECT_NE(a, f.salts.Derive({"ua-request", "1", 1}, "surname"));
  EXPECT_NE(a, f.salts.Derive({"ua-custody", "1", 1}, "given_name"));
  // Length prefixes keep ("ab","c") and ("a","bc") apart.
  EXPECT_NE(f.salts.Derive({"ab", "c", 1}, "x"), f.salts.Derive({"a", "bc", 1}, "x"));
  auto other = *GenerateSigningKey("ua-bureau");
  EXPECT_NE(a, SaltKey::FromSeed(other.Seed())->Derive({"ua-custody", "1", 1}, "surname"));
}

TEST(FieldCommitment, CommitmentBindsSaltFieldAndValue) {
  Fixture f;
  const Hash salt = f.salts.Derive({"l", "1", 1}, "health");
  const Hash c = CommitField(salt, "health", "seriously_wounded");
  EXPECT_EQ(c, CommitField(salt, "health", "seriously_wounded"));
  EXPECT_NE(c, CommitField(salt, "health", ""));
  EXPECT_NE(c, CommitField(salt, "notes", "seriously_wounded"));
  Hash other = salt;
  other[0] ^= 1;
  EXPECT_NE(c, CommitField(other, "health", "seriously_wounded"));
  // The field/value boundary is length-prefixed: ("ab", "c") differs from ("a", "bc").
  EXPECT_NE(CommitField(salt, "ab", "c"), CommitField(salt, "a", "bc"));
}

TEST(FieldCommitment, RecordFieldsAreSortedAndUnique) {
  Fixture f;
  auto r = CommitRecord(f.salts, "l", "1", 1, Fields{{"z", "1"}, {"a", "2"}});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->fields[0].field, "a");
  auto dup = CommitRecord(f.salts, "l", "1", 1, Fields{{"a", "1"}, {"a", "2"}});
  ASSERT_FALSE(dup.has_value());
  EXPECT_NE(dup.error().message.find("'a' appears twice"), std::string::npos);
}

TEST(Disclosure, EncodeParseRoundTripIsExact) {
  Fixture f;
  const Disclosure d = f.Disclose();
  const std::string text = *EncodeDisclosure(d);
  auto back = ParseDisclosure(text);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*EncodeDisclosure(*back), text);
  EXPECT_EQ(text.find("seriously_wounded"), std::string::npos);  // withheld: no value
  EXPECT_NE(text.find("Шевченко"), std::string::npos);
  // Not canonical (a space) or an unknown key: refused.
  EXPECT_FALSE(ParseDisclosure(text.substr(0, 1) + " " + text.substr(1)).has_value());
  std::string extra = text;
  extra.insert(1, R"("extra":1,)");
  EXPECT_FALSE(ParseDisclosure(extra).has_value());
}

TEST(Disclosure, AGoodBundleVerifiesAndShowsOnlyTheSharedFields) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  const std::string bytes = f.Bundle(f.Disclose());
  auto v = VerifyBundle(bytes, {.trusted = {f.node.Public()}, .threads = 2});
  ASSERT_TRUE(v.has_value()) << v.error().message;
  ASSERT_TRUE(v->disclosure.has_value());
  const auto& record = v->disclosure->lists[0].records[0];
  EXPECT_EQ(record.id, "1");
  for (const auto& field : record.fields) {
    EXPECT_EQ(field.shown, field.field != "health") << field.field;
    if (field.field == "surname") {
      EXPECT_EQ(field.value, "Шевченко");
    }
  }
  EXPECT_EQ(DecodeBundle(bytes)->disclosure.empty(), false);
}

TEST(Disclosure, ATamperedValueIsNamedByListRecordAndField) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  Disclosure d = f.Disclose();
  FieldOf(d, 1, "surname").value = "Лысенко";
  EXPECT_EQ(f.CheckError(d),
            "disclosure: list ua-custody version 1, record 2, field surname: the value and salt "
            "do not match its commitment");
}

TEST(Disclosure, ATamperedSaltIsRefused) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  Disclosure d = f.Disclose();
  FieldOf(d, 0, "birth_date").salt[5] ^= 0x10;
  EXPECT_EQ(f.CheckError(d),
            "disclosure: list ua-custody version 1, record 1, field birth_date: the value and "
            "salt do not match its commitment");
}

TEST(Disclosure, AValueAndCommitmentChangedTogetherBreakTheSignedRoot) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  Disclosure d = f.Disclose();
  DisclosedField& field = FieldOf(d, 2, "surname");
  field.value = "Петренко";
  field.commitment = CommitField(field.salt, "surname", field.value);
  EXPECT_EQ(f.CheckError(d),
            "disclosure: list ua-custody version 1: the records' commitments do not match the "
            "records root signed in entry seq 0");
}

TEST(Disclosure, ATamperedWithheldCommitmentBreaksTheSignedRoot) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  Disclosure d = f.Disclose();
  FieldOf(d, 0, "health").commitment[0] ^= 1;
  EXPECT_NE(f.CheckError(d).find("do not match the records root signed in entry seq 0"),
            std::string::npos);
}

TEST(Disclosure, ADifferentSignedRootIsRefused) {
  Fixture f;
  auto commitments = f.Commitments();
  commitments.pop_back();  // the event signed a root over two records, the bundle shows three
  f.Submit(RecordsRoot(commitments));
  EXPECT_NE(f.CheckError(f.Disclose()).find("do not match the records root signed in entry seq 0"),
            std::string::npos);
}

TEST(Disclosure, ListsMustBeTheSubjectOfAnEventInTheBundle) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  Disclosure d = f.Disclose();
  d.lists[0].seq = 7;
  EXPECT_NE(f.CheckError(d).find("entry seq 7 is not in this bundle"), std::string::npos);
  d = f.Disclose();
  d.lists[0].version = 2;
  EXPECT_NE(f.CheckError(d).find("records list ua-custody version 1"), std::string::npos);
  d = f.Disclose();
  d.lists[0].records.pop_back();
  EXPECT_NE(f.CheckError(d).find("2 records disclosed, entry seq 0 signed 3"), std::string::npos);
  d = f.Disclose();
  d.lists.push_back(d.lists[0]);
  EXPECT_NE(f.CheckError(d).find("disclosed twice"), std::string::npos);
}

TEST(DisclosureTamper, EveryByteOfTheSectionMattersInABundle) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  const std::string good = f.Bundle(f.Disclose());
  const Bundle b = *DecodeBundle(good);
  const std::size_t start = good.find(b.disclosure);
  ASSERT_NE(start, std::string::npos);
  const std::size_t end = start + b.disclosure.size() + 4 + kSignatureSize;
  for (std::size_t i = start - 4; i < end; ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto v = VerifyBundle(bad, {.trusted = {f.node.Public()}, .threads = 1});
    EXPECT_FALSE(v.has_value()) << "flip of byte " << i << " accepted";
  }
}

TEST(DisclosureTamper, AnUnsignedOrForeignSignedSectionIsRefused) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  const std::string text = *EncodeDisclosure(f.Disclose());
  auto stranger = *GenerateSigningKey("ua-bureau");
  const SignedDisclosure forged{text, SignDisclosure(text, stranger)};
  auto v = VerifyBundle(*f.ledger.ExportBundle(0, &forged), {.trusted = {}, .threads = 1});
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().message, "disclosure: the signature by 'ua-bureau' does not verify");
  Disclosure other = f.Disclose();
  other.signer = "clerk1";  // signed the entry, not the checkpoint
  const std::string other_text = *EncodeDisclosure(other);
  const SignedDisclosure wrong_signer{other_text, SignDisclosure(other_text, f.node)};
  v = VerifyBundle(*f.ledger.ExportBundle(0, &wrong_signer), {.trusted = {}, .threads = 1});
  ASSERT_FALSE(v.has_value());
  EXPECT_NE(v.error().message.find("who did not sign the checkpoint"), std::string::npos);
}

FieldDisclosure RevealHealth(const Fixture& f, std::size_t index) {
  const auto commitments = f.Commitments();
  MerkleTree tree;
  for (const auto& c : commitments) tree.Append(HashLeaf(RecordLeaf(c)));
  FieldDisclosure d;
  d.origin = kOrigin;
  d.seq = 0;
  d.list = "ua-custody";
  d.list_version = 1;
  d.index = index;
  d.count = commitments.size();
  d.record = commitments[index];
  d.proof = *InclusionProof(tree, index, tree.Size());
  d.field = "health";
  d.value = f.people[index][2].second;
  d.salt = f.salts.Derive({"ua-custody", d.record.id, 1}, "health");
  return d;
}

std::string RevealError(const Fixture& f, const FieldDisclosure& d) {
  auto entries = *f.ledger.Storage().Read(0, f.ledger.Size());
  auto text = EncodeFieldDisclosure(d);
  auto parsed = ParseFieldDisclosure(*text);
  if (!parsed) return parsed.error().message;
  auto r = VerifyFieldDisclosure(*parsed, kOrigin, entries, 0);
  return r ? "" : r.error().message;
}

TEST(FieldDisclosure, AWithheldFieldIsProvedLater) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  EXPECT_EQ(RevealError(f, RevealHealth(f, 0)), "");
  EXPECT_EQ(RevealError(f, RevealHealth(f, 2)), "");
}

TEST(FieldDisclosure, AWrongValueSaltProofOrLogIsRefused) {
  Fixture f;
  f.Submit(RecordsRoot(f.Commitments()));
  FieldDisclosure d = RevealHealth(f, 0);
  d.value = "";
  EXPECT_EQ(RevealError(f, d),
            "list ua-custody version 1, record 1, field health: the value and salt do not match "
            "the field's commitment");
  d = RevealHealth(f, 0);
  d.salt[0] ^= 1;
  EXPECT_NE(RevealError(f, d).find("do not match the field's commitment"), std::string::npos);
  d = RevealHealth(f, 0);
  d.record.fields[0].commitment[0] ^= 1;  // another field's commitment: the record changes
  EXPECT_NE(RevealError(f, d).find("is not in the records root signed in entry seq 0"),
            std::string::npos);
  d = RevealHealth(f, 0);
  d.index = 1;
  EXPECT_NE(RevealError(f, d).find("is not in the records root"), std::string::npos);
  d = RevealHealth(f, 0);
  d.origin = "parley/ru-bureau/1";
  EXPECT_NE(RevealError(f, d).find("the disclosure is of log"), std::string::npos);
  d = RevealHealth(f, 0);
  d.field = "rank";
  EXPECT_NE(RevealError(f, d).find("no commitment for this field"), std::string::npos);
}

}  // namespace
}  // namespace parley::ledger
