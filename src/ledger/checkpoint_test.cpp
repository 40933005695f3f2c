#include "ledger/checkpoint.h"

#include <gtest/gtest.h>

namespace parley::ledger {
namespace {

Checkpoint Sample() {
  Checkpoint cp;
  cp.origin = "parley.test/log";
  cp.size = 42;
  cp.root = Sha256("root");
  return cp;
}

TEST(Checkpoint, BodyIsTlogCheckpointFormat) {
  auto body = FormatCheckpointBody(Sample());
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(*body, "parley.test/log\n42\n" + EncodeBase64(Sha256("root")) + "\n");
  EXPECT_EQ(*ParseCheckpointBody(*body), Sample());
}

TEST(Checkpoint, SignCosignOpen) {
  auto node = GenerateSigningKey("node");
  auto mediator = GenerateSigningKey("mediator");
  auto wire = SignCheckpoint(Sample(), *node);
  ASSERT_TRUE(wire.has_value());
  auto cosigned = Cosign(*wire, *mediator);
  ASSERT_TRUE(cosigned.has_value());
  const std::vector<PublicKey> trusted = {mediator->Public()};
  auto opened = OpenCheckpoint(*cosigned, trusted);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->checkpoint, Sample());
  EXPECT_EQ(opened->verification.verified_by.at(0).name, "mediator");
  EXPECT_EQ(opened->note.signatures.size(), 2u);
  // Not signed by anyone we trust.
  auto stranger = GenerateSigningKey("stranger");
  const std::vector<PublicKey> nobody = {stranger->Public()};
  EXPECT_EQ(OpenCheckpoint(*cosigned, nobody).error().message,
            "no signature by a trusted key (signed by: node, mediator)");
}

TEST(Checkpoint, ParseRejectsMalformedBodies) {
  EXPECT_EQ(ParseCheckpointBody("o\n042\n" + EncodeBase64(Sha256("x")) + "\n").error().message,
            "checkpoint: tree size '042' is not a decimal number");
  EXPECT_EQ(ParseCheckpointBody("o\n4x\nAAAA\n").error().message,
            "checkpoint: tree size '4x' is not a decimal number");
  EXPECT_EQ(ParseCheckpointBody("o\n4\nAAAA\n").error().message,
            "checkpoint: root hash is not 32 bytes of base64");
  EXPECT_EQ(ParseCheckpointBody("o\n4\n").error().message,
            "checkpoint: expected origin, size and root lines");
  auto with_ext = ParseCheckpointBody("o\n4\n" + EncodeBase64(Sha256("x")) + "\nextra\n");
  ASSERT_TRUE(with_ext.has_value());
  EXPECT_EQ(with_ext->extensions.at(0), "extra");
}

}  // namespace
}  // namespace parley::ledger
