// parley/core/file_io.h — reading a whole file, and writing one so that it is either the old
// file or the complete new one, never half of either.
//
// Every file parley writes (exports, link and dedupe outputs, scenarios, bundles, checkpoints,
// keys, plans, disclosures) goes through WriteFileAtomically or WriteViaTempFile: the bytes go
// to a temporary file in the target's folder, are fsynced, renamed over the target, and the
// folder is fsynced, so a crash or a full disk leaves the previous file intact and a reader
// never sees a partial one. The temporary file is created with the final mode, so a private
// key is 0600 from its first byte. On failure the temporary file is removed.
//
// Contract: errors are kNotFound (file or folder missing) or kIoError (anything else the
// system refused), or kConflict when replace_existing is false and the target exists; the
// message names the file and says what to do, and Location::file is the path.
//
//   PARLEY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile("agreement.txt"));
//   PARLEY_TRY(WriteFileAtomically("plan.json", json));
//   PARLEY_TRY(WriteFileAtomically(key_path, secret, {.mode = 0600, .replace_existing = false}));
//   PARLEY_TRY(WriteViaTempFile("list.xlsx", [&](const std::filesystem::path& tmp) {
//     return WriteXlsx(tmp, rows);   // a library that insists on writing a path itself
//   }));
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

// The bytes of `path`, exactly as stored.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::filesystem::path& path);

struct WriteOptions {
  // Permission bits of the new file, exact (the umask does not narrow or widen them).
  mode_t mode = 0644;
  // False: fail with kConflict instead of replacing an existing file (keys are never
  // overwritten). The check and the commit are one atomic step (link(2)).
  bool replace_existing = true;
};

// Replaces `path` with `bytes` atomically (see the file comment).
[[nodiscard]] Result<void> WriteFileAtomically(const std::filesystem::path& path,
                                               std::string_view bytes, WriteOptions options = {});

// As WriteFileAtomically, for writers that must be given a path: `write` fills the temporary
// path it is passed (already created, empty, with options.mode); on success the temporary
// file is fsynced and committed to `path`, on failure it is removed and `path` is untouched.
[[nodiscard]] Result<void> WriteViaTempFile(
    const std::filesystem::path& path,
    const std::function<Result<void>(const std::filesystem::path& temp)>& write,
    WriteOptions options = {});

}  // namespace parley
