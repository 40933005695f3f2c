#include "ledger/signed_note.h"

#include <gtest/gtest.h>

namespace parley::ledger {
namespace {

// The signed note from the documentation of Go's golang.org/x/mod/sumdb/note: an
// independent implementation of the format.
constexpr char kGoNote[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

std::vector<PublicKey> GoKey() {
  return {*ParseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")};
}

TEST(SignedNote, VerifiesGoNoteExample) {
  auto note = ParseSignedNote(kGoNote);
  ASSERT_TRUE(note.has_value()) << note.error().message;
  ASSERT_EQ(note->signatures.size(), 1u);
  EXPECT_EQ(note->signatures[0].key_id, 0xc74f20a3u);
  auto v = VerifySignedNote(*note, GoKey());
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_EQ(v->verified_by.at(0).name, "PeterNeumann");
  EXPECT_EQ(FormatSignedNote(*note), kGoNote);
}

TEST(SignedNote, SignAndCosignThenVerify) {
  auto node = GenerateSigningKey("node");
  auto mediator = GenerateSigningKey("mediator");
  SignedNote note{.text = "origin\n5\n", .signatures = {}};
  ASSERT_TRUE(AddSignature(note, *node).has_value());
  ASSERT_TRUE(AddSignature(note, *mediator).has_value());
  EXPECT_EQ(AddSignature(note, *mediator).error().code, ErrorCode::kConflict);
  auto parsed = ParseSignedNote(FormatSignedNote(note));
  ASSERT_TRUE(parsed.has_value());
  const std::vector<PublicKey> both = {node->Public(), mediator->Public()};
  auto v = VerifySignedNote(*parsed, both);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->verified_by.size(), 2u);
  // Only the mediator's key known: the node's signature is unknown, not an error.
  const std::vector<PublicKey> only_mediator = {mediator->Public()};
  v = VerifySignedNote(*parsed, only_mediator);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->unknown.at(0).name, "node");
}

TEST(SignedNote, RefusesAlteredTextAndUnknownSigners) {
  auto note = *ParseSignedNote(kGoNote);
  note.text[0] = 'i';
  EXPECT_EQ(VerifySignedNote(note, GoKey()).error().message,
            "signature by 'PeterNeumann' does not verify: the note was altered");
  auto other = GenerateSigningKey("someone");
  const std::vector<PublicKey> keys = {other->Public()};
  EXPECT_EQ(VerifySignedNote(*ParseSignedNote(kGoNote), keys).error().message,
            "no signature by a trusted key (signed by: PeterNeumann)");
}

TEST(SignedNote, ParseErrorsNameTheProblem) {
  EXPECT_EQ(ParseSignedNote("text only\n").error().message,
            "signed note has no blank line before its signatures");
  EXPECT_EQ(ParseSignedNote("text\n\n").error().message, "signed note has no signature");
  EXPECT_EQ(ParseSignedNote("text\n\n- a AAAA\n").error().message,
            "signature line 1: must start with an em dash and a space");
  EXPECT_EQ(ParseSignedNote("text\n\n\xE2\x80\x94 a AAAA\n").error().message,
            "signature line 1: signature must be 68 bytes");
  const std::string note(kGoNote);
  const std::string sig_line = note.substr(note.find("\n\n") + 2);
  EXPECT_EQ(ParseSignedNote(note + sig_line).error().message,
            "signature line 2: key 'PeterNeumann' signed twice");
  std::string no_newline(kGoNote);
  no_newline.pop_back();
  EXPECT_EQ(ParseSignedNote(no_newline).error().message,
            "signature line 1 does not end with a newline");
}

}  // namespace
}  // namespace parley::ledger
