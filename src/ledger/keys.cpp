#include "ledger/keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <sstream>

#include "core/file_io.h"
#include "core/try.h"
#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

constexpr std::uint8_t kEd25519Type = 0x01;
constexpr std::string_view kKeyFileMagic = "parley-ed25519-key v1";
constexpr std::string_view kEncNone = "none";
constexpr std::string_view kEncArgon = "argon2id-xchacha20poly1305";

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe; calling it lazily keeps users from forgetting.
  static const int status = sodium_init();
  (void)status;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

}  // namespace

Result<void> CheckKeyName(std::string_view name) {
  if (name.empty() || name.size() > 128) {
    return Fail(ErrorCode::kInvalidInput, "key name must be 1 to 128 bytes");
  }
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '+') {
      return Fail(ErrorCode::kInvalidInput,
                  "key name '" + std::string(name) + "' may not contain spaces, controls or '+'");
    }
  }
  return {};
}

std::uint32_t ComputeKeyId(std::string_view name, const PublicKeyBytes& key) {
  const char type = static_cast<char>(kEd25519Type);
  const Hash h = Sha256({name, "\n", std::string_view(&type, 1), AsChars(key)});
  return ReadU32(AsChars(h));
}

bool PublicKey::Verify(std::string_view message, std::string_view signature) const {
  EnsureSodium();
  if (signature.size() != kSignatureSize) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.data()) == 0;
}

std::string PublicKey::VerifierKey() const {
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", KeyId());
  std::string typed(1, static_cast<char>(kEd25519Type));
  typed += AsChars(key);
  return name + "+" + hex + "+" + EncodeBase64(typed);
}

Result<PublicKey> ParseVerifierKey(std::string_view text) {
  const std::size_t p1 = text.find('+');
  const std::size_t p2 = p1 == std::string_view::npos ? p1 : text.find('+', p1 + 1);
  if (p2 == std::string_view::npos) {
    return Fail(ErrorCode::kInvalidInput, "verifier key must be NAME+KEYID+BASE64");
  }
  PublicKey pk;
  pk.name = std::string(text.substr(0, p1));
  if (auto r = CheckKeyName(pk.name); !r) return std::unexpected(r.error());
  auto raw = DecodeBase64(text.substr(p2 + 1));
  if (!raw || raw->size() != 1 + kPublicKeySize ||
      static_cast<std::uint8_t>((*raw)[0]) != kEd25519Type) {
    return Fail(ErrorCode::kInvalidInput,
                "verifier key '" + pk.name + "' does not hold an Ed25519 public key");
  }
  std::memcpy(pk.key.data(), raw->data() + 1, kPublicKeySize);
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", pk.KeyId());
  if (text.substr(p1 + 1, p2 - p1 - 1) != hex) {
    return Fail(ErrorCode::kInvalidInput,
                "verifier key '" + pk.name + "': key id does not match its name and key");
  }
  return pk;
}

Result<std::vector<PublicKey>> ParseVerifierKeys(std::string_view text) {
  std::vector<PublicKey> keys;
  std::int64_t row = 0;
  for (std::string_view line : SplitLines(text)) {
    ++row;
    if (line.empty() || line.front() == '#') continue;
    auto key = ParseVerifierKey(line);
    if (!key) {
      Error e = key.error();
      e.where.row = row;
      return std::unexpected(e);
    }
    keys.push_back(std::move(*key));
  }
  return keys;
}

Result<std::vector<PublicKey>> LoadVerifierKeys(const std::filesystem::path& file) {
  auto text = ReadWholeFile(file);
  if (!text) return std::unexpected(text.error());
  auto keys = ParseVerifierKeys(*text);
  if (!keys) {
    Error e = keys.error();
    e.where.file = file.string();
    return std::unexpected(e);
  }
  return keys;
}

Result<SigningKey> SigningKey::FromSeed(std::string name, std::string_view seed) {
  EnsureSodium();
  if (auto r = CheckKeyName(name); !r) return std::unexpected(r.error());
  if (seed.size() != kSeedSize) return Fail(ErrorCode::kInvalidInput, "seed must be 32 bytes");
  SigningKey key;
  key.public_.name = std::move(name);
  crypto_sign_seed_keypair(key.public_.key.data(), key.secret_.data(),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  return key;
}

SigningKey::SigningKey(SigningKey&& other) noexcept
    : public_(std::move(other.public_)), secret_(other.secret_) {
  sodium_memzero(other.secret_.data(), other.secret_.size());
}

SigningKey& SigningKey::operator=(SigningKey&& other) noexcept {
  if (this != &other) {
    public_ = std::move(other.public_);
    secret_ = other.secret_;
    sodium_memzero(other.secret_.data(), other.secret_.size());
  }
  return *this;
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string SigningKey::Sign(std::string_view message) const {
  std::string sig(kSignatureSize, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return sig;
}

std::string_view SigningKey::Seed() const {
  return {reinterpret_cast<const char*>(secret_.data()), kSeedSize};
}

Result<SigningKey> GenerateSigningKey(std::string name) {
  EnsureSodium();
  std::array<std::uint8_t, kSeedSize> seed{};
  randombytes_buf(seed.data(), seed.size());
  auto key = SigningKey::FromSeed(std::move(name), AsChars(seed));
  sodium_memzero(seed.data(), seed.size());
  return key;
}

Result<std::string> FormatKeyFile(const SigningKey& key, const KeyFileOptions& options) {
  EnsureSodium();
  std::string head = std::string(kKeyFileMagic) + "\nname: " + key.Name() +
                     "\npublic: " + key.Public().VerifierKey() + "\n";
  if (!options.passphrase) {
    return head + "encryption: none\nseed: " + EncodeBase64(key.Seed()) + "\n";
  }
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
  std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
  randombytes_buf(salt.data(), salt.size());
  randombytes_buf(nonce.data(), nonce.size());
  head += "encryption: " + std::string(kEncArgon) + "\nsalt: " + EncodeBase64(salt) +
          "\nopslimit: " + std::to_string(options.opslimit) +
          "\nmemlimit: " + std::to_string(options.memlimit) + "\nnonce: " + EncodeBase64(nonce) +
          "\n";
  std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_KEYBYTES> kek{};
  const std::string& pass = *options.passphrase;
  if (crypto_pwhash(kek.data(), kek.size(), pass.data(), pass.size(), salt.data(), options.opslimit,
                    options.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(ErrorCode::kIoError, "Argon2id ran out of memory");
  }
  std::string sealed(kSeedSize + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long sealed_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(sealed.data()), &sealed_len,
      reinterpret_cast<const unsigned char*>(key.Seed().data()), kSeedSize,
      reinterpret_cast<const unsigned char*>(head.data()), head.size(), nullptr, nonce.data(),
      kek.data());
  sodium_memzero(kek.data(), kek.size());
  return head + "seed: " + EncodeBase64(sealed) + "\n";
}

Result<SigningKey> ParseKeyFile(std::string_view text,
                                const std::optional<std::string>& passphrase) {
  EnsureSodium();
  const auto lines = SplitLines(text);
  auto bad = [](std::string why) { return Fail(ErrorCode::kInvalidInput, "key file: " + why); };
  if (lines.empty() || lines[0] != kKeyFileMagic) return bad("not a parley key file");
  auto field = [&](std::size_t i, std::string_view name) -> std::optional<std::string_view> {
    if (i >= lines.size()) return std::nullopt;
    std::string_view line = lines[i];
    const std::string prefix = std::string(name) + ": ";
    if (!line.starts_with(prefix)) return std::nullopt;
    return line.substr(prefix.size());
  };
  auto name = field(1, "name");
  auto pub = field(2, "public");
  auto enc = field(3, "encryption");
  if (!name || !pub || !enc) return bad("expected name, public and encryption lines");
  auto public_key = ParseVerifierKey(*pub);
  if (!public_key) return bad(public_key.error().message);
  if (public_key->name != *name) return bad("name and public key disagree");

  std::string seed;
  if (*enc == kEncNone) {
    auto s = field(4, "seed");
    if (!s) return bad("missing seed line");
    auto raw = DecodeBase64(*s);
    if (!raw) return bad("seed is not base64");
    seed = std::move(*raw);
  } else if (*enc == kEncArgon) {
    if (!passphrase) {
      return Fail(ErrorCode::kInvalidInput, "key file is encrypted: give its passphrase");
    }
    auto salt = field(4, "salt");
    auto ops = field(5, "opslimit");
    auto mem = field(6, "memlimit");
    auto nonce_text = field(7, "nonce");
    auto sealed_text = field(8, "seed");
    if (!salt || !ops || !mem || !nonce_text || !sealed_text) return bad("incomplete header");
    auto salt_raw = DecodeBase64(*salt);
    auto nonce = DecodeBase64(*nonce_text);
    auto sealed = DecodeBase64(*sealed_text);
    if (!salt_raw || salt_raw->size() != crypto_pwhash_SALTBYTES || !nonce ||
        nonce->size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES || !sealed ||
        sealed->size() != kSeedSize + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
      return bad("malformed salt, nonce or sealed seed");
    }
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0;
    if (std::from_chars(ops->data(), ops->data() + ops->size(), opslimit).ec != std::errc{} ||
        std::from_chars(mem->data(), mem->data() + mem->size(), memlimit).ec != std::errc{}) {
      return bad("opslimit and memlimit must be numbers");
    }
    // The associated data is every byte before the "seed:" line.
    const std::size_t ad_len = static_cast<std::size_t>(sealed_text->data() - text.data()) - 6;
    std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_KEYBYTES> kek{};
    if (crypto_pwhash(kek.data(), kek.size(), passphrase->data(), passphrase->size(),
                      reinterpret_cast<const unsigned char*>(salt_raw->data()), opslimit, memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
      return bad("Argon2id parameters are out of range");
    }
    seed.assign(kSeedSize, '\0');
    unsigned long long seed_len = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<unsigned char*>(seed.data()), &seed_len, nullptr,
        reinterpret_cast<const unsigned char*>(sealed->data()), sealed->size(),
        reinterpret_cast<const unsigned char*>(text.data()), ad_len,
        reinterpret_cast<const unsigned char*>(nonce->data()), kek.data());
    sodium_memzero(kek.data(), kek.size());
    if (rc != 0) {
      return Fail(ErrorCode::kInvalidInput, "wrong passphrase, or the key file was altered");
    }
  } else {
    return bad("unknown encryption '" + std::string(*enc) + "'");
  }
  auto key = SigningKey::FromSeed(std::string(*name), seed);
  sodium_memzero(seed.data(), seed.size());
  if (!key) return key;
  if (!(key->Public() == *public_key)) return bad("seed does not match the public key");
  return key;
}

Result<KeyFilePaths> WriteKeyFiles(const SigningKey& key, const std::filesystem::path& dir,
                                   const KeyFileOptions& options) {
  PARLEY_TRY(CreatePrivateFolders(dir));
  KeyFilePaths paths{dir / (key.Name() + ".key"), dir / (key.Name() + ".pub")};
  // Check both before writing either, so a stale NAME.pub cannot leave a lone new NAME.key.
  for (const auto& path : {paths.private_key, paths.public_key}) {
    if (std::filesystem::exists(path)) {
      return Fail(ErrorCode::kConflict,
                  "already exists (a key is never overwritten; remove it first)",
                  InFile(path.string()));
    }
  }
  auto text = FormatKeyFile(key, options);
  if (!text) return std::unexpected(text.error());
  if (auto r = WriteFileAtomically(paths.private_key, *text,
                                   {.mode = kPrivateFileMode, .replace_existing = false});
      !r) {
    return std::unexpected(r.error());
  }
  sodium_memzero(text->data(), text->size());
  if (auto r = WriteFileAtomically(paths.public_key, key.Public().VerifierKey() + "\n",
                                   {.mode = kPrivateFileMode, .replace_existing = false});
      !r) {
    return std::unexpected(r.error());
  }
  return paths;
}

bool IsEncryptedKeyFile(std::string_view text) {
  const std::size_t at = text.find("\nencryption: ");
  if (at == std::string_view::npos) return false;
  return text.substr(at + 13, 5) != "none\n";
}

Result<SigningKey> LoadSigningKey(const std::filesystem::path& file,
                                  const std::optional<std::string>& passphrase) {
  auto text = ReadWholeFile(file);
  if (!text) return std::unexpected(text.error());
  auto key = ParseKeyFile(*text, passphrase);
  sodium_memzero(text->data(), text->size());
  if (!key) {
    Error e = key.error();
    e.where.file = file.string();
    return std::unexpected(e);
  }
  return key;
}

}  // namespace parley::ledger
