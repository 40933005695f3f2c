#include "store/seal.h"

#include <sodium.h>
#include <sys/stat.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/try.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormat = "parley-seal-1";
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;  // 16

struct SealSettings {
  std::string kdf;  // "argon2id" or "key-file"
  std::string salt;
  std::uint64_t ops_limit = 0;
  std::size_t mem_limit = 0;
  std::string check_hex;
};

std::string Hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

std::optional<std::string> Unhex(const std::string& hex, std::size_t size) {
  std::string out(size, '\0');
  std::size_t written = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), size, hex.data(), hex.size(),
                     nullptr, &written, nullptr) != 0 ||
      written != size) {
    return std::nullopt;
  }
  return out;
}

std::string Derive(const std::string& master, std::string_view label, const std::string& salt) {
  std::string input = std::string(label) + salt;
  std::string out(32, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                     reinterpret_cast<const unsigned char*>(master.data()), master.size());
  return out;
}

std::unexpected<Error> BadSettings(const fs::path& dir, const std::string& what) {
  return Fail(ErrorCode::kCorruption,
              SealSettingsPath(dir).string() + " is damaged (" + what +
                  "); restore it from the workspace's backup: without it the workspace "
                  "cannot be opened",
              {SealSettingsPath(dir).string(), 0, 0, ""});
}

Result<SealSettings> ReadSettings(const fs::path& dir) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(SealSettingsPath(dir)));
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || json.value("format", "") != kFormat) {
    return BadSettings(dir, "not a " + std::string(kFormat) + " file");
  }
  SealSettings s;
  s.kdf = json.value("kdf", "");
  auto salt = Unhex(json.value("salt", ""), kSaltBytes);
  if (!salt) return BadSettings(dir, "salt");
  s.salt = *salt;
  s.check_hex = json.value("check", "");
  if (s.kdf == "argon2id") {
    s.ops_limit = json.value("opslimit", std::uint64_t{0});
    s.mem_limit = json.value("memlimit", std::size_t{0});
    if (s.ops_limit < crypto_pwhash_OPSLIMIT_MIN || s.mem_limit < crypto_pwhash_MEMLIMIT_MIN ||
        s.mem_limit > (std::size_t{4} << 30)) {
      return BadSettings(dir, "Argon2id limits");
    }
  } else if (s.kdf != "key-file") {
    return BadSettings(dir, "unknown kdf '" + s.kdf + "'");
  }
  return s;
}

Result<std::string> Master(const fs::path& dir, const SealSettings& s, const SealSecret& secret) {
  const bool wants_passphrase = s.kdf == "argon2id";
  if (wants_passphrase != (secret.kind == SealSecret::kPassphrase)) {
    return Fail(
        ErrorCode::kInvalidInput,
        "workspace " + dir.string() + " is sealed with " +
            (wants_passphrase ? "a passphrase" : "a key file") + ", but " + secret.source +
            " gives " + (wants_passphrase ? "a key file" : "a passphrase") +
            (wants_passphrase ? "; give it with --seal-passphrase-file F or $PARLEY_SEAL_PASSPHRASE"
                              : "; give it with --seal-key-file F or $PARLEY_SEAL_KEY_FILE"));
  }
  if (!wants_passphrase) return secret.bytes;
  std::string master(32, '\0');
  if (crypto_pwhash(reinterpret_cast<unsigned char*>(master.data()), master.size(),
                    secret.bytes.data(), secret.bytes.size(),
                    reinterpret_cast<const unsigned char*>(s.salt.data()), s.ops_limit, s.mem_limit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(ErrorCode::kIoError, "not enough memory for the passphrase's key derivation (" +
                                         std::to_string(s.mem_limit >> 20) +
                                         " MiB); close other programs and retry");
  }
  return master;
}

PageKey ToPageKey(const std::string& master, const std::string& salt) {
  PageKey key;
  std::string bytes = Derive(master, "parley-seal-pages-v1", salt);
  std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

std::mutex g_mutex;
SealSecretSource g_source;
std::map<std::string, PageKey> g_cache;  // by canonical folder and salt

}  // namespace

fs::path SealSettingsPath(const fs::path& dir) { return dir / "seal.json"; }

bool IsSealedWorkspace(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(SealSettingsPath(dir), ec);
}

Result<PageKey> CreateSeal(const fs::path& dir, const SealSecret& secret) {
  if (sodium_init() < 0) return Fail(ErrorCode::kInternal, "libsodium failed to start");
  SealSettings s;
  s.kdf = secret.kind == SealSecret::kPassphrase ? "argon2id" : "key-file";
  s.salt.resize(kSaltBytes);
  randombytes_buf(s.salt.data(), s.salt.size());
  s.ops_limit = kSealOpsLimit;
  s.mem_limit = kSealMemLimit;
  PARLEY_ASSIGN_OR_RETURN(std::string master, Master(dir, s, secret));
  nlohmann::json json{{"format", kFormat},
                      {"kdf", s.kdf},
                      {"salt", Hex(s.salt)},
                      {"check", Hex(Derive(master, "parley-seal-check-v1", s.salt))},
                      {"cipher", "xchacha20poly1305-ietf per page"},
                      {"page_size", kSealedPageSize}};
  if (s.kdf == "argon2id") {
    json["opslimit"] = s.ops_limit;
    json["memlimit"] = s.mem_limit;
  }
  PARLEY_TRY(WriteFileAtomically(SealSettingsPath(dir), json.dump(2) + "\n",
                                 {.mode = kPrivateFileMode, .replace_existing = false}));
  PageKey key = ToPageKey(master, s.salt);
  sodium_memzero(master.data(), master.size());
  return key;
}

Result<PageKey> UnlockSeal(const fs::path& dir, const SealSecret& secret) {
  if (sodium_init() < 0) return Fail(ErrorCode::kInternal, "libsodium failed to start");
  PARLEY_ASSIGN_OR_RETURN(SealSettings s, ReadSettings(dir));
  PARLEY_ASSIGN_OR_RETURN(std::string master, Master(dir, s, secret));
  std::string check = Hex(Derive(master, "parley-seal-check-v1", s.salt));
  if (check.size() != s.check_hex.size() ||
      sodium_memcmp(check.data(), s.check_hex.data(), check.size()) != 0) {
    sodium_memzero(master.data(), master.size());
    return Fail(ErrorCode::kInvalidInput, "wrong passphrase or key file for workspace " +
                                              dir.string() + " (from " + secret.source +
                                              "); nothing was read or changed");
  }
  PageKey key = ToPageKey(master, s.salt);
  sodium_memzero(master.data(), master.size());
  return key;
}

void SetSealSecretSource(SealSecretSource source) {
  std::lock_guard lock(g_mutex);
  g_source = std::move(source);
}

Result<SealSecret> RequireSealSecret(const fs::path& dir) {
  SealSecretSource source;
  {
    std::lock_guard lock(g_mutex);
    source = g_source;
  }
  std::optional<SealSecret> secret;
  if (source) {
    PARLEY_ASSIGN_OR_RETURN(secret, source());
  }
  if (!secret) {
    return Fail(ErrorCode::kInvalidInput,
                "workspace " + dir.string() +
                    " is sealed and needs its key: give --seal-passphrase-file F (or "
                    "$PARLEY_SEAL_PASSPHRASE / $PARLEY_SEAL_PASSPHRASE_FILE) or --seal-key-file F "
                    "(or $PARLEY_SEAL_KEY_FILE)");
  }
  return std::move(*secret);
}

Result<PageKey> WorkspacePageKey(const fs::path& dir) {
  std::error_code ec;
  PARLEY_ASSIGN_OR_RETURN(std::string settings, ReadWholeFile(SealSettingsPath(dir)));
  const std::string cache_key = fs::weakly_canonical(dir, ec).string() + "\n" + settings;
  {
    std::lock_guard lock(g_mutex);
    if (auto it = g_cache.find(cache_key); it != g_cache.end()) return it->second;
  }
  PARLEY_ASSIGN_OR_RETURN(SealSecret secret, RequireSealSecret(dir));
  PARLEY_ASSIGN_OR_RETURN(PageKey key, UnlockSeal(dir, secret));
  sodium_memzero(secret.bytes.data(), secret.bytes.size());
  std::lock_guard lock(g_mutex);
  g_cache.insert_or_assign(cache_key, key);
  return key;
}

Result<std::string> ReadSealKeyFile(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    return Fail(ErrorCode::kInvalidInput,
                "seal key file " + file.string() +
                    " may be read by others than its owner; run `chmod 600 " + file.string() +
                    "` first",
                {file.string(), 0, 0, ""});
  }
  PARLEY_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(file));
  if (bytes.size() == 32) return bytes;
  std::string text = bytes;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.size() == 64) {
    if (auto raw = Unhex(text, 32)) return *raw;
  }
  return Fail(ErrorCode::kInvalidInput,
              "seal key file " + file.string() +
                  " must hold 32 bytes (raw, or 64 hex digits); make one with `parley init "
                  "--seal --seal-key-file " +
                  file.string() + "` on a new workspace",
              {file.string(), 0, 0, ""});
}

Result<void> CreateSealKeyFile(const fs::path& file) {
  if (sodium_init() < 0) return Fail(ErrorCode::kInternal, "libsodium failed to start");
  std::string bytes(32, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  auto written =
      WriteFileAtomically(file, bytes, {.mode = kPrivateFileMode, .replace_existing = false});
  sodium_memzero(bytes.data(), bytes.size());
  return written;
}

}  // namespace parley::store
