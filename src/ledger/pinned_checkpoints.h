// parley/ledger/pinned_checkpoints.h — the log's length pinned outside the database.
//
// What it is for: a node's log lives in its database, and whoever can write the database can
// delete its last entries together with the stored checkpoint, or empty the log: what is left
// is still a valid, self-consistent log. Every checkpoint that leaves the node (a bundle, a
// `parley checkpoint` printed or written, a successful `parley verify --workspace`) is also
// appended to a small file beside the database, one line per checkpoint, signed by the node
// key. `verify --workspace` then refuses a log shorter than the last pinned checkpoint, or one
// whose first entries no longer produce its root (an RFC 9162 consistency proof from the
// pinned size to the log's size is made and checked).
//
// File format (UTF-8 text, one line per pinned checkpoint, oldest first):
//   SIZE SP ROOT_BASE64 SP SIGNATURE_BASE64 LF
// SIGNATURE is the node key's Ed25519 signature of
//   "parley-pinned-checkpoint-v1\n" || ORIGIN || "\n" || SIZE || "\n" || ROOT_BASE64 || "\n"
// so a line cannot be moved to another log, and a forged or edited line is refused.
//
// Contract: the file only grows (Pin rewrites it whole through core/file_io.h, fsynced, with
// the new line last, and writes nothing when the newest pinned line already has this size and
// root). What it cannot do: the file is a plain file in the workspace; whoever deletes it as
// well as the entries undoes the pin. The copies that really cannot be rewound are the
// checkpoints the other parties hold (every bundle they imported); see docs/security.md.
//
//   PARLEY_TRY(PinCheckpoint(path, origin, tree.Size(), tree.Root(), node_key));
//   PARLEY_ASSIGN_OR_RETURN(PinCheck c, CheckPinnedCheckpoints(path, origin, node_public, tree));
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "ledger/keys.h"
#include "ledger/merkle_tree.h"

namespace parley::ledger {

struct PinnedCheckpoint {
  std::uint64_t size = 0;
  Hash root{};
  std::int64_t line = 0;  // 1-based line in the file
};

// The line for (origin, size, root), signed by `key`, with its LF.
[[nodiscard]] std::string PinnedCheckpointLine(const std::string& origin, std::uint64_t size,
                                               const Hash& root, const SigningKey& key);

// Appends a pinned checkpoint to the file at `path` (created 0600 if missing), unless its
// newest line already pins this size and root.
[[nodiscard]] Result<void> PinCheckpoint(const std::filesystem::path& path,
                                         const std::string& origin, std::uint64_t size,
                                         const Hash& root, const SigningKey& key);

// Every line of the file, each signature checked against `node`; kCorruption naming the line
// otherwise. A missing file is kNotFound.
[[nodiscard]] Result<std::vector<PinnedCheckpoint>> ReadPinnedCheckpoints(
    const std::filesystem::path& path, const std::string& origin, const PublicKey& node);

struct PinCheck {
  std::optional<PinnedCheckpoint> latest;  // none: no file, or an empty one
  std::int64_t lines = 0;
};

// Every pinned checkpoint must lie on `tree`'s history: the tree holds at least its size, and a
// consistency proof from it to the tree's size verifies against its root. kCorruption naming
// the first line that fails, the pinned size, the log's size and what to do otherwise.
// PinCheck::latest is the largest.
[[nodiscard]] Result<PinCheck> CheckPinnedCheckpoints(const std::filesystem::path& path,
                                                      const std::string& origin,
                                                      const PublicKey& node,
                                                      const MerkleTree& tree);

}  // namespace parley::ledger
