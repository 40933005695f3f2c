// parley/store/seal.h — sealing a workspace: where its page key comes from, and seal.json.
//
// A sealed workspace has DIR/seal.json beside parley.db. It is not secret: it holds the
// format, how the key is made (Argon2id from a passphrase, or a 32-byte key file), the salt
// and Argon2id's limits, and a key-check value, so that a wrong passphrase is refused as
// "wrong passphrase or key file for workspace DIR" before SQLite reads a page, rather than as
// a damaged database. The page key (store/sealed_vfs.h) is
//   master   = Argon2id(passphrase, salt, limits)   or the key file's 32 bytes
//   page key = BLAKE2b(key = master, "parley-seal-pages-v1" || salt)
//   check    = BLAKE2b(key = master, "parley-seal-check-v1" || salt)
// so the check value reveals nothing about the page key, and two workspaces sealed with one
// key file still have different page keys (their pages cannot be moved between them).
//
// Where the secret comes from is the caller's business (the CLI: cli/seal_secret.h): it sets
// one process-wide SealSecretSource, and every Workspace::Open of a sealed workspace asks it.
// A derived key is kept for the process (one Argon2id run per workspace, not per open: the
// HTTP server opens a workspace per worker).
//
//   SetSealSecretSource([] { return SealSecret{SealSecret::kPassphrase, "...", "$VAR"}; });
//   auto ws = Workspace::Open("parley-data");      // sealed or not, the same call
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/sealed_vfs.h"

namespace parley::store {

struct SealSecret {
  enum Kind { kPassphrase, kKeyFile };
  Kind kind = kPassphrase;
  std::string bytes;   // the passphrase, or the key file's 32 bytes
  std::string source;  // where it came from, for messages ("--seal-key-file k.key")
};

// Argon2id limits for new sealed workspaces (measured in docs/benchmarks.md: about 0.3 s and
// 64 MiB on the reference machine, once per command or server start).
inline constexpr std::uint64_t kSealOpsLimit = 3;
inline constexpr std::size_t kSealMemLimit = std::size_t{64} << 20;

[[nodiscard]] std::filesystem::path SealSettingsPath(const std::filesystem::path& dir);
[[nodiscard]] bool IsSealedWorkspace(const std::filesystem::path& dir);

// Writes DIR/seal.json for a new sealed workspace (kConflict if one exists) and returns its
// page key.
[[nodiscard]] Result<PageKey> CreateSeal(const std::filesystem::path& dir,
                                         const SealSecret& secret);

// The page key of the sealed workspace DIR, from `secret`: kInvalidInput "wrong passphrase or
// key file for workspace DIR" when the check value differs.
[[nodiscard]] Result<PageKey> UnlockSeal(const std::filesystem::path& dir,
                                         const SealSecret& secret);

// The process's source of the secret: nullopt when none was given.
using SealSecretSource = std::function<Result<std::optional<SealSecret>>()>;
void SetSealSecretSource(SealSecretSource source);

// The page key of sealed workspace DIR from the process's secret (cached after the first
// success); kInvalidInput saying how to give the key when there is no secret.
[[nodiscard]] Result<PageKey> WorkspacePageKey(const std::filesystem::path& dir);

// The secret the process's source gives (for `parley init --seal`); kInvalidInput if none.
[[nodiscard]] Result<SealSecret> RequireSealSecret(const std::filesystem::path& dir);

// A key file's 32 bytes: raw, or 64 hex digits with an optional newline. Refused (naming the
// file) when it has another size or when its group or others may read it.
[[nodiscard]] Result<std::string> ReadSealKeyFile(const std::filesystem::path& file);
// Creates FILE with 32 random bytes, mode 0600 (kConflict if it exists).
[[nodiscard]] Result<void> CreateSealKeyFile(const std::filesystem::path& file);

}  // namespace parley::store
