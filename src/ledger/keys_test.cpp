#include "ledger/keys.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("parley_keys_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

// Cheapest Argon2id cost libsodium accepts: the tests check the format, not the cost.
KeyFileOptions CheapPassphrase(std::string pass) {
  return {.passphrase = std::move(pass), .opslimit = 1, .memlimit = 8192};
}

TEST(Keys, SignAndVerify) {
  auto key = GenerateSigningKey("alice");
  ASSERT_TRUE(key.has_value());
  const std::string sig = key->Sign("hello");
  EXPECT_EQ(sig.size(), 64u);
  EXPECT_TRUE(key->Public().Verify("hello", sig));
  EXPECT_FALSE(key->Public().Verify("hellO", sig));
  std::string bad = sig;
  bad[10] ^= 1;
  EXPECT_FALSE(key->Public().Verify("hello", bad));
  EXPECT_FALSE(key->Public().Verify("hello", sig.substr(1)));
}

TEST(Keys, KeyIdIsC2spHashOfNameAndTypedKey) {
  auto key = GenerateSigningKey("mediator");
  const std::string typed =
      std::string("mediator\n\x01", 10) + std::string(AsChars(key->Public().key));
  const Hash h = Sha256(typed);
  EXPECT_EQ(key->Public().KeyId(), ReadU32(AsChars(h)));
}

// The verifier key from the documentation of Go's golang.org/x/mod/sumdb/note.
TEST(Keys, ParsesGoNoteVerifierKey) {
  auto key = ParseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
  ASSERT_TRUE(key.has_value()) << key.error().message;
  EXPECT_EQ(key->name, "PeterNeumann");
  EXPECT_EQ(key->KeyId(), 0xc74f20a3u);
  auto seed = DecodeBase64("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
  ASSERT_TRUE(seed.has_value());
  auto signer = SigningKey::FromSeed("PeterNeumann", seed->substr(1));
  ASSERT_TRUE(signer.has_value());
  EXPECT_EQ(signer->Public(), *key);
}

TEST(Keys, VerifierKeyRoundTripAndRejects) {
  auto key = GenerateSigningKey("ua.bureau");
  const std::string text = key->Public().VerifierKey();
  EXPECT_EQ(*ParseVerifierKey(text), key->Public());
  std::string other_id = text;
  other_id[other_id.find('+') + 1] = other_id[other_id.find('+') + 1] == '0' ? '1' : '0';
  EXPECT_EQ(ParseVerifierKey(other_id).error().message,
            "verifier key 'ua.bureau': key id does not match its name and key");
  EXPECT_EQ(ParseVerifierKey("no-plus").error().message, "verifier key must be NAME+KEYID+BASE64");
  EXPECT_FALSE(ParseVerifierKey("a b+00000000+AAAA").has_value());
  auto keys = ParseVerifierKeys("# trusted\n\n" + text + "\nbroken\n");
  ASSERT_FALSE(keys.has_value());
  EXPECT_EQ(keys.error().where.row, 4);
}

TEST(Keys, KeyFileRoundTripUnencrypted) {
  auto key = GenerateSigningKey("alice");
  auto text = FormatKeyFile(*key, {});
  ASSERT_TRUE(text.has_value());
  EXPECT_TRUE(text->starts_with("parley-ed25519-key v1\nname: alice\npublic: alice+"));
  auto back = ParseKeyFile(*text, std::nullopt);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(back->Public(), key->Public());
  EXPECT_EQ(back->Seed(), key->Seed());
}

TEST(Keys, KeyFileRoundTripEncrypted) {
  auto key = GenerateSigningKey("alice");
  auto text = FormatKeyFile(*key, CheapPassphrase("correct horse"));
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find("encryption: argon2id-xchacha20poly1305\n"), std::string::npos);
  EXPECT_EQ(text->find(EncodeBase64(key->Seed())), std::string::npos);
  auto back = ParseKeyFile(*text, std::string("correct horse"));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(back->Public(), key->Public());

  EXPECT_EQ(ParseKeyFile(*text, std::string("wrong")).error().message,
            "wrong passphrase, or the key file was altered");
  EXPECT_EQ(ParseKeyFile(*text, std::nullopt).error().message,
            "key file is encrypted: give its passphrase");
  // The header is authenticated: changing the Argon2 cost (or anything above the seed) fails.
  std::string edited = *text;
  edited.replace(edited.find("opslimit: 1"), 11, "opslimit: 2");
  EXPECT_EQ(ParseKeyFile(edited, std::string("correct horse")).error().message,
            "wrong passphrase, or the key file was altered");
}

TEST(Keys, KeyFileWithAnotherPublicKeyIsRefused) {
  auto a = GenerateSigningKey("alice");
  auto b = GenerateSigningKey("alice");
  std::string text = *FormatKeyFile(*a, {});
  const std::string a_pub = a->Public().VerifierKey();
  text.replace(text.find(a_pub), a_pub.size(), b->Public().VerifierKey());
  EXPECT_EQ(ParseKeyFile(text, std::nullopt).error().message,
            "key file: seed does not match the public key");
  EXPECT_EQ(ParseKeyFile("hello\n", std::nullopt).error().message,
            "key file: not a parley key file");
}

TEST(Keys, WriteKeyFilesUses0600AndNeverOverwrites) {
  const fs::path dir = TempDir("write");
  auto key = GenerateSigningKey("node-a");
  auto paths = WriteKeyFiles(*key, dir, CheapPassphrase("pw"));
  ASSERT_TRUE(paths.has_value()) << paths.error().Describe();
  struct stat st {};
  ASSERT_EQ(::stat(paths->private_key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto loaded = LoadSigningKey(paths->private_key, std::string("pw"));
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->Public(), key->Public());
  auto pub = LoadVerifierKeys(paths->public_key);
  ASSERT_TRUE(pub.has_value());
  EXPECT_EQ(pub->at(0), key->Public());
  auto again = WriteKeyFiles(*key, dir, {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  // A stale public key alone also blocks, and no private key is left behind.
  fs::remove(paths->private_key);
  auto other = GenerateSigningKey("node-a");
  auto blocked = WriteKeyFiles(*other, dir, {});
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().Describe(),
            paths->public_key.string() +
                ": already exists (a key is never overwritten; remove it first)");
  EXPECT_FALSE(fs::exists(paths->private_key));
  fs::remove_all(dir);
}

TEST(Keys, NamesMayNotHoldSpacesOrPlus) {
  EXPECT_FALSE(GenerateSigningKey("a b").has_value());
  EXPECT_FALSE(GenerateSigningKey("a+b").has_value());
  EXPECT_FALSE(GenerateSigningKey("").has_value());
  EXPECT_TRUE(GenerateSigningKey("посредник").has_value());
}

}  // namespace
}  // namespace parley::ledger
