// Cosignatures: made of another log's checkpoint, carried in a bundle, checked against the log
// they claim to cosign; forged, foreign and altered ones are refused.
#include "ledger/cosignature.h"

#include <gtest/gtest.h>

#include "ledger/bundle.h"
#include "ledger/ledger.h"
#include "ledger/test_support.h"
#include "ledger/verify.h"

namespace parley::ledger {
namespace {

using testing::MemoryStorage;
using testing::SampleEvent;

struct Fixture {
  SigningKey ua = *GenerateSigningKey("node-ua");
  SigningKey ru = *GenerateSigningKey("node-ru");
  SigningKey forger = *GenerateSigningKey("node-ru");  // same name, another key

  Ledger Log(const std::string& origin, const SigningKey& keeper, int n,
             std::vector<PublicKey> trusted) const {
    Ledger l = *Ledger::Open(std::make_unique<MemoryStorage>(),
                             {.origin = origin, .trusted = std::move(trusted), .threads = 1});
    for (int i = 0; i < n; ++i)
      EXPECT_TRUE(l.Append(SampleEvent(keeper.Name(), i), keeper).has_value());
    EXPECT_TRUE(l.MakeCheckpoint(keeper).has_value());
    return l;
  }
};

TEST(Cosignature, MadeCarriedAndCheckedAgainstTheCosignedLog) {
  Fixture f;
  Ledger ua = f.Log("parley/ua/1", f.ua, 3, {f.ru.Public()});
  auto c = MakeCosignature(**ua.LatestCheckpoint(), f.ru);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->checkpoint.size, 3u);
  // The cosignature carries the cosigner's signature alone.
  EXPECT_EQ(ParseSignedNote(c->note)->signatures.size(), 1u);
  const std::vector<PublicKey> keys = {f.ru.Public()};
  auto opened = OpenCosignature(c->note, keys);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_TRUE(CheckCosignatureOfLog(*opened, "parley/ua/1", ua.Tree()).has_value());

  // Carried in ru's bundle: version 3, verified against ru's checkpoint signer.
  Ledger ru = f.Log("parley/ru/1", f.ru, 2, {});
  const std::vector<std::string> carried = {c->note};
  auto bytes = ru.ExportBundle(0, nullptr, carried);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(DecodeBundle(*bytes)->cosignatures, carried);
  auto v = VerifyBundle(*bytes, {.trusted = keys, .threads = 1});
  ASSERT_TRUE(v.has_value()) << v.error().message;
  ASSERT_EQ(v->cosignatures.size(), 1u);
  EXPECT_EQ(v->cosignatures[0].cosigner.name, "node-ru");
  // Without cosignatures the bundle stays version 1.
  EXPECT_EQ((*ru.ExportBundle(0))[11], '\1');
}

TEST(Cosignature, ForgedAlteredAndForeignCosignaturesAreRefused) {
  Fixture f;
  Ledger ua = f.Log("parley/ua/1", f.ua, 3, {});
  const std::vector<PublicKey> keys = {f.ru.Public()};
  // By a key with the trusted name but another key.
  auto forged = MakeCosignature(**ua.LatestCheckpoint(), f.forger);
  EXPECT_EQ(OpenCosignature(forged->note, keys).error().message,
            "cosignature: signed by 'node-ru', whose key is not among the known keys");
  // A cosignature whose checkpoint was altered after signing.
  auto genuine = MakeCosignature(**ua.LatestCheckpoint(), f.ru);
  std::string altered = genuine->note;
  altered[altered.find('\n') + 1] = '4';  // size 3 -> 4
  EXPECT_EQ(OpenCosignature(altered, keys).error().message,
            "cosignature: the signature by 'node-ru' does not verify: the cosigned checkpoint "
            "was altered");
  // Two signatures (the keeper's and the cosigner's) is not a cosignature.
  auto both = Cosign(**ua.LatestCheckpoint(), f.ru);
  EXPECT_EQ(OpenCosignature(*both, keys).error().message,
            "cosignature: carries 2 signatures; a cosignature carries exactly one");
  // A cosignature of a root this log never had: a fork of it, named.
  Ledger other = f.Log("parley/ua/1", f.ua, 4, {});
  auto of_other = OpenCosignature(MakeCosignature(**other.LatestCheckpoint(), f.ru)->note, keys);
  EXPECT_EQ(CheckCosignatureOfLog(*of_other, "parley/ua/1", ua.Tree()).error().message,
            "cosignature by 'node-ru' of size 4: this log has only 3 entries: the cosigned "
            "checkpoint is not of this log (a fork of it, or a forged cosignature)");
  Ledger same_size = f.Log("parley/ua/1", f.ua, 2, {});
  ASSERT_TRUE(same_size.Append(SampleEvent("node-ua", 99), f.ua).has_value());
  ASSERT_TRUE(same_size.MakeCheckpoint(f.ua).has_value());
  auto differs = OpenCosignature(MakeCosignature(**same_size.LatestCheckpoint(), f.ru)->note, keys);
  EXPECT_EQ(CheckCosignatureOfLog(*differs, "parley/ua/1", ua.Tree()).error().message,
            "cosignature by 'node-ru' of size 3: its root is not this log's root at that size: "
            "the cosigner saw another history of this log (a fork of it, or a forged "
            "cosignature)");
  EXPECT_EQ(CheckCosignatureOfLog(*differs, "parley/ru/1", ua.Tree()).error().message,
            "cosignature by 'node-ru' of size 3: it is of log 'parley/ua/1', not 'parley/ru/1'");
  // In a bundle, a cosignature by someone other than the sending node is refused whole.
  Ledger ru = f.Log("parley/ru/1", f.ru, 1, {});
  auto by_ua = MakeCosignature(**other.LatestCheckpoint(), f.ua);
  const std::vector<std::string> carried = {by_ua->note};
  auto v = VerifyBundle(*ru.ExportBundle(0, nullptr, carried), {.trusted = keys, .threads = 1});
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().message,
            "cosignature 1 of 1: cosignature: signed by 'node-ua', whose key is not among the "
            "known keys");
}

}  // namespace
}  // namespace parley::ledger
