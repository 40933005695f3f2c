// parley/ledger/entry_storage.h — where the log's entries live: an abstract interface and a
// plain-file implementation for tests, benchmarks and `parley bundle synth`.
//
// What it is for: the workspace store (SQLite) keeps entries in its own tables, inside the
// same transaction as the change each entry records; the ledger only needs to append and
// read leaf data by position. This interface is that seam.
//
// Contract for implementations:
//   - Entry i (0-based) is the leaf data (event.h) of seq i; entries are never rewritten.
//   - Append is all or nothing: after a failure or a crash, Size() is as before the call
//     or as after it, never in between.
//   - Checkpoints are opaque signed-note text; SaveCheckpoint replaces the latest one.
//
// FileEntryStorage layout, in a directory:
//   entries.log   records "u32 length (big-endian) || leaf data", back to back
//   checkpoint    the latest signed checkpoint note, replaced by write + rename
// A crash mid-append leaves a torn last record; Open truncates it away (the ledger's own
// verification then checks everything that remains).
//
//   auto storage = FileEntryStorage::Open("/tmp/log");
//   (*storage)->Append({leaf_a, leaf_b});
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"

namespace parley::ledger {

class EntryStorage {
 public:
  virtual ~EntryStorage() = default;
  [[nodiscard]] virtual std::uint64_t Size() const = 0;
  // Leaf data of entries [begin, begin + count); kInvalidInput past the end.
  [[nodiscard]] virtual Result<std::vector<std::string>> Read(std::uint64_t begin,
                                                              std::uint64_t count) const = 0;
  [[nodiscard]] virtual Result<void> Append(std::span<const std::string> leaf_data) = 0;
  // Append when the caller already holds the leaf hashes (leaf_hashes[i] ==
  // HashLeaf(leaf_data[i]), e.g. a verified bundle's): a storage that keeps hashes beside the
  // entries stores these instead of hashing every leaf again. The default ignores them.
  [[nodiscard]] virtual Result<void> AppendHashed(std::span<const std::string> leaf_data,
                                                  std::span<const Hash> leaf_hashes) {
    (void)leaf_hashes;
    return Append(leaf_data);
  }
  [[nodiscard]] virtual Result<std::optional<std::string>> LoadCheckpoint() const = 0;
  [[nodiscard]] virtual Result<void> SaveCheckpoint(std::string_view note) = 0;
  // RFC 9162 leaf hashes of entries [begin, begin + count). The default hashes what Read
  // returns; a storage that keeps each entry's hash beside it (the workspace's SQLite
  // tables) returns those instead, so that a trusted open (LedgerOptions::verify_on_open =
  // false) rebuilds the tree without hashing every leaf again.
  [[nodiscard]] virtual Result<std::vector<Hash>> ReadLeafHashes(std::uint64_t begin,
                                                                 std::uint64_t count) const;
};

class FileEntryStorage final : public EntryStorage {
 public:
  struct Options {
    bool sync = true;  // fdatasync after each Append (off for benchmarks of CPU cost)
  };
  [[nodiscard]] static Result<std::unique_ptr<FileEntryStorage>> Open(
      const std::filesystem::path& dir, Options options);
  ~FileEntryStorage() override;
  FileEntryStorage(const FileEntryStorage&) = delete;
  FileEntryStorage& operator=(const FileEntryStorage&) = delete;

  [[nodiscard]] std::uint64_t Size() const override { return offsets_.size(); }
  [[nodiscard]] Result<std::vector<std::string>> Read(std::uint64_t begin,
                                                      std::uint64_t count) const override;
  [[nodiscard]] Result<void> Append(std::span<const std::string> leaf_data) override;
  [[nodiscard]] Result<std::optional<std::string>> LoadCheckpoint() const override;
  [[nodiscard]] Result<void> SaveCheckpoint(std::string_view note) override;
  // Bytes of a torn record removed by Open (0 when the file ended cleanly).
  [[nodiscard]] std::uint64_t RecoveredBytes() const { return recovered_bytes_; }

 private:
  FileEntryStorage() = default;
  std::filesystem::path dir_;
  Options options_;
  int fd_ = -1;
  std::vector<std::uint64_t> offsets_;  // file offset of each record's length prefix
  std::uint64_t end_ = 0;               // file length after the last complete record
  std::uint64_t recovered_bytes_ = 0;
};

}  // namespace parley::ledger
