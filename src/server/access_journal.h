// parley/server/access_journal.h — access-log rows on a file before the read they record is
// answered, until they are in the database.
//
// Contract: Append() writes one line (JSON: at, user, action, [[record, reads], ...]) to
// WORKSPACE/access-log.<pid>.journal with one write(2) and returns once it is in the kernel,
// so a reader's answer leaves after its row: a killed process loses no acknowledged read (a
// power cut can lose what the kernel had not written out). Seal() moves the lines appended so
// far to a sealed file and starts a new journal, under the caller's lock, so that the sealed
// file holds exactly the rows the caller is about to write to the database; Sealed::Discard()
// deletes it once they are committed. Recover() reads every journal and sealed file left by a
// process that is gone (each live file is flock'ed by its process, so a second server on the
// workspace keeps its own), coalesced into rows, for the caller to write and then discard.
// Files are 0600 (core/file_io.h). A torn last line (a write the process never finished) is
// skipped: its read was never answered.
//
// Why a file beside SQLite rather than a synchronous insert: the database has one writer and
// an fsync per commit, so an insert per read put every reader behind imports and disk
// syncs, and the batched inserts (access_log.h) lagged seconds behind under load (issue 16: up
// to 1,137 of 1,171 acknowledged reads missing after SIGKILL). An append to a file of its own
// waits for neither.
//
//   auto journal = AccessJournal::Open(ws.dir());
//   journal->Append(AccessJournal::Line(at, "olena", "read", {{42, 1}}));
//   auto sealed = journal->Seal();  ... write the rows ...  sealed->Discard();
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "store/access_log.h"

namespace parley::server {

class AccessJournal {
 public:
  // A journal file no longer appended to; closed (and kept, for Recover) unless discarded.
  class Sealed {
   public:
    Sealed() = default;
    Sealed(std::vector<std::filesystem::path> paths, std::vector<int> fds);
    Sealed(Sealed&& other) noexcept;
    Sealed& operator=(Sealed&& other) noexcept;
    ~Sealed();
    // Its rows are in the database: delete the files.
    void Discard();

   private:
    void CloseAll();
    std::vector<std::filesystem::path> paths_;
    std::vector<int> fds_;  // their flocks, held until deleted or closed
  };

  [[nodiscard]] static Result<std::unique_ptr<AccessJournal>> Open(
      const std::filesystem::path& workspace_dir);
  ~AccessJournal();
  AccessJournal(const AccessJournal&) = delete;
  AccessJournal& operator=(const AccessJournal&) = delete;

  // One journal line; made before taking the log's lock, so that readers do not queue on it.
  [[nodiscard]] static std::string Line(
      std::string_view at, std::string_view user, std::string_view action,
      const std::vector<std::pair<std::int64_t, std::int64_t>>& reads);
  [[nodiscard]] Result<void> Append(std::string_view line);
  [[nodiscard]] Result<Sealed> Seal();
  // Closes the journal and deletes it: for a clean shutdown, once everything is written.
  void Remove();

  // Rows left by processes that are gone, and their files (discard once the rows are written).
  [[nodiscard]] static Result<std::pair<std::vector<store::AccessRow>, Sealed>> Recover(
      const std::filesystem::path& workspace_dir);

 private:
  AccessJournal(std::filesystem::path dir, std::filesystem::path path, int fd)
      : dir_(std::move(dir)), path_(std::move(path)), fd_(fd) {}
  std::filesystem::path dir_;
  std::filesystem::path path_;
  int fd_;
  std::uint64_t sealed_count_ = 0;
};

}  // namespace parley::server
