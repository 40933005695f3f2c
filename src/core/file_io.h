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
// Modes: what parley writes is personal data (lists, exports, rejects, bundles, reports) or
// secret (keys), so files are 0600 and the folders parley creates 0700 by default, set
// exactly whatever the umask (issue 16). This file is their one home: CreatePrivateFolders for
// folders, kPrivateFileMode for the few files opened directly (the ledger's entry file; the
// database, whose WAL and shared-memory files SQLite creates with the database file's mode).
// `parley` also starts with umask(077) (cli/main.cpp), for files a library creates on its own.
//
// Contract: a read of a missing file is kNotFound; every other refusal by the system, on a
// read or a write (a missing folder included), is kIoError; kConflict when replace_existing
// is false and the target exists. The message names the file and says what to do, and
// Location::file is the path.
//
//   PARLEY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile("agreement.txt"));
//   PARLEY_TRY(WriteFileAtomically("plan.json", json));
//   PARLEY_TRY(WriteFileAtomically(key_path, secret, {.mode = 0600, .replace_existing = false}));
//   PARLEY_TRY(WriteThroughStream("out.csv", [&](std::ostream& out) { CsvWriter(out).WriteRow(h);
//   })); PARLEY_TRY(WriteViaTempFile("list.xlsx", [&](const std::filesystem::path& tmp) {
//     return WriteXlsx(tmp, rows);   // a library that insists on writing a path itself
//   }));
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

// The bytes of `path`, exactly as stored.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::filesystem::path& path);

// Owner read and write only: every file parley writes.
inline constexpr mode_t kPrivateFileMode = 0600;
// Owner only: every folder parley creates.
inline constexpr mode_t kPrivateFolderMode = 0700;

struct WriteOptions {
  // Permission bits of the new file, exact (the umask does not narrow or widen them).
  mode_t mode = kPrivateFileMode;
  // False: fail with kConflict instead of replacing an existing file (keys are never
  // overwritten). The check and the commit are one atomic step (link(2)).
  bool replace_existing = true;
};

// Creates `dir` and each missing parent with exactly kPrivateFolderMode; folders that exist
// already keep their mode (a user's own folder is theirs to set). kIoError names the folder.
[[nodiscard]] Result<void> CreatePrivateFolders(const std::filesystem::path& dir);

// Creates `path` empty with exactly kPrivateFileMode if it does not exist (for files another
// library then opens, such as the SQLite database); an existing file is left as it is.
[[nodiscard]] Result<void> CreatePrivateFileIfMissing(const std::filesystem::path& path);

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

// As WriteFileAtomically, for writers that stream (CSV writers, large exports): `body` writes
// to a stream on the temporary file; a stream failure (disk full) is reported as kIoError.
[[nodiscard]] Result<void> WriteThroughStream(const std::filesystem::path& path,
                                              const std::function<void(std::ostream& out)>& body,
                                              WriteOptions options = {});

// A file written through a stream over a longer stretch of code, then committed as
// WriteFileAtomically commits; destroyed without Commit() it removes its temporary file and
// leaves `path` untouched. The stream has a large buffer: row-by-row writers stay cheap.
//
//   PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(dir / "people.csv"));
//   file.stream() << header;  ...
//   PARLEY_TRY(file.Commit());
class StagedFile {
 public:
  [[nodiscard]] static Result<StagedFile> Open(const std::filesystem::path& path,
                                               WriteOptions options = {});
  StagedFile(StagedFile&&) noexcept;
  StagedFile& operator=(StagedFile&&) noexcept;
  ~StagedFile();

  [[nodiscard]] std::ostream& stream();
  [[nodiscard]] const std::filesystem::path& path() const;
  // Flushes, fsyncs and renames over `path`; a stream failure is kIoError naming the file.
  [[nodiscard]] Result<void> Commit();

 private:
  struct State;
  explicit StagedFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace parley
