// parley/ledger/keys.h — Ed25519 keys of users and nodes, their key ids and key files.
//
// What it is for: every ledger event is signed by the acting user and every checkpoint by a
// node (and cosigned by the other parties and the mediator). A receiving party must know
// which key signed what without trusting the sender's database, so keys are named and carry
// the C2SP signed-note key id.
//
// Key id (C2SP signed-note): the first 4 bytes, big-endian, of
//   SHA-256(name || 0x0A || 0x01 || public_key)     (0x01 = the Ed25519 signature type)
//
// Verifier key (one line; the public form, shared with the other parties; as in C2SP/Go's
// golang.org/x/mod/sumdb/note):
//   NAME+KEYID_HEX8+BASE64(0x01 || public_key)
// Names are 1..128 bytes of printable ASCII or UTF-8 without spaces or '+'.
//
// Key files written by `parley keys init --name NAME --out DIR`:
//   DIR/NAME.pub  the verifier key line followed by "\n" (mode 0644).
//   DIR/NAME.key  mode 0600, text lines "field: value", in this order:
//       parley-ed25519-key v1
//       name: NAME
//       public: <verifier key>
//       encryption: none | argon2id-xchacha20poly1305
//       (encrypted only) salt: BASE64(16 bytes)
//       (encrypted only) opslimit: N
//       (encrypted only) memlimit: N            (bytes)
//       (encrypted only) nonce: BASE64(24 bytes)
//       seed: BASE64(32-byte Ed25519 seed)      or, encrypted,
//             BASE64(XChaCha20-Poly1305(seed))  with key = Argon2id(passphrase, salt) and the
//             associated data = every line above "seed:" (so name and public key are bound).
//
// Why this design: the seed (not the 64-byte expanded key) is the smallest secret from which
// libsodium rebuilds both halves; the public key is stored beside it so that loading checks
// the file was not edited. Argon2id parameters live in the file so they can be raised later
// without breaking old files.
//
//   Result<SigningKey> key = GenerateSigningKey("mediator");
//   std::string sig = key->Sign("message");
//   bool ok = key->Public().Verify("message", sig);
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parley::ledger {

inline constexpr std::size_t kPublicKeySize = 32;
inline constexpr std::size_t kSignatureSize = 64;
inline constexpr std::size_t kSeedSize = 32;

using PublicKeyBytes = std::array<std::uint8_t, kPublicKeySize>;

// Validates a key name (used in signed notes and key files).
[[nodiscard]] Result<void> CheckKeyName(std::string_view name);

[[nodiscard]] std::uint32_t ComputeKeyId(std::string_view name, const PublicKeyBytes& key);

struct PublicKey {
  std::string name;
  PublicKeyBytes key{};

  [[nodiscard]] std::uint32_t KeyId() const { return ComputeKeyId(name, key); }
  // True when `signature` (64 bytes) is this key's Ed25519 signature of `message`.
  [[nodiscard]] bool Verify(std::string_view message, std::string_view signature) const;
  [[nodiscard]] std::string VerifierKey() const;  // NAME+HEX+BASE64 line, no newline

  friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

[[nodiscard]] Result<PublicKey> ParseVerifierKey(std::string_view text);
// One verifier key per line; blank lines and lines starting with '#' are skipped.
[[nodiscard]] Result<std::vector<PublicKey>> ParseVerifierKeys(std::string_view text);
[[nodiscard]] Result<std::vector<PublicKey>> LoadVerifierKeys(const std::filesystem::path& file);

// A private Ed25519 key. Move-only; the secret is wiped on destruction.
class SigningKey {
 public:
  [[nodiscard]] static Result<SigningKey> FromSeed(std::string name, std::string_view seed);
  SigningKey(SigningKey&& other) noexcept;
  SigningKey& operator=(SigningKey&& other) noexcept;
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  ~SigningKey();

  [[nodiscard]] const PublicKey& Public() const { return public_; }
  [[nodiscard]] const std::string& Name() const { return public_.name; }
  // The 64-byte Ed25519 signature of `message`.
  [[nodiscard]] std::string Sign(std::string_view message) const;
  [[nodiscard]] std::string_view Seed() const;

 private:
  SigningKey() = default;
  PublicKey public_;
  std::array<std::uint8_t, 64> secret_{};  // libsodium's expanded form: seed || public key
};

[[nodiscard]] Result<SigningKey> GenerateSigningKey(std::string name);

struct KeyFileOptions {
  std::optional<std::string> passphrase;  // absent: the seed is stored unencrypted
  // Argon2id cost; the defaults are libsodium's "interactive" limits (64 MiB, ~0.1 s).
  unsigned long long opslimit = 2;
  std::size_t memlimit = 64u << 20;
};

// Text of the private key file (see the header comment).
[[nodiscard]] Result<std::string> FormatKeyFile(const SigningKey& key,
                                                const KeyFileOptions& options);
// True when the key file text says its seed is passphrase-encrypted (reads only the header).
[[nodiscard]] bool IsEncryptedKeyFile(std::string_view text);
[[nodiscard]] Result<SigningKey> ParseKeyFile(std::string_view text,
                                              const std::optional<std::string>& passphrase);

struct KeyFilePaths {
  std::filesystem::path private_key;
  std::filesystem::path public_key;
};
// Writes DIR/NAME.key (0600, created exclusively: an existing key is never overwritten) and
// DIR/NAME.pub.
[[nodiscard]] Result<KeyFilePaths> WriteKeyFiles(const SigningKey& key,
                                                 const std::filesystem::path& dir,
                                                 const KeyFileOptions& options);
[[nodiscard]] Result<SigningKey> LoadSigningKey(const std::filesystem::path& file,
                                                const std::optional<std::string>& passphrase);

}  // namespace parley::ledger
