#include "ledger/entry_storage.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/file_io.h"
#include "core/try.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"
#include "ledger/merkle_tree.h"

namespace parley::ledger {
namespace {

Error IoError(const std::filesystem::path& path, const std::string& what) {
  return Error{ErrorCode::kIoError, what + ": " + std::strerror(errno), InFile(path.string())};
}

bool PreadAll(int fd, char* buf, std::size_t n, std::uint64_t offset) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, buf, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    buf += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

}  // namespace

Result<std::vector<Hash>> EntryStorage::ReadLeafHashes(std::uint64_t begin,
                                                       std::uint64_t count) const {
  auto leaves = Read(begin, count);
  if (!leaves) return std::unexpected(leaves.error());
  std::vector<Hash> out;
  out.reserve(leaves->size());
  for (const std::string& leaf : *leaves) out.push_back(HashLeaf(leaf));
  return out;
}

Result<std::unique_ptr<FileEntryStorage>> FileEntryStorage::Open(const std::filesystem::path& dir,
                                                                 Options options) {
  PARLEY_TRY(CreatePrivateFolders(dir));
  std::unique_ptr<FileEntryStorage> s(new FileEntryStorage());
  s->dir_ = dir;
  s->options_ = options;
  const auto path = dir / "entries.log";
  s->fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, kPrivateFileMode);
  if (s->fd_ < 0) return std::unexpected(IoError(path, "cannot open"));
  struct stat st {};
  if (::fstat(s->fd_, &st) != 0) return std::unexpected(IoError(path, "cannot stat"));
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  // Scan the length prefixes through a 1 MiB window rather than one read per record: a
  // million entries index in a fraction of a second.
  constexpr std::uint64_t kWindow = 1 << 20;
  std::string window;
  std::uint64_t window_start = 0;
  std::uint64_t pos = 0;
  while (pos + 4 <= file_size) {
    if (pos < window_start || pos + 4 > window_start + window.size()) {
      window_start = pos;
      window.resize(std::min(kWindow, file_size - pos));
      if (!PreadAll(s->fd_, window.data(), window.size(), pos)) {
        return std::unexpected(IoError(path, "cannot read"));
      }
    }
    const std::uint64_t len = ReadU32(std::string_view(window).substr(pos - window_start, 4));
    if (pos + 4 + len > file_size) break;
    s->offsets_.push_back(pos);
    pos += 4 + len;
  }
  s->end_ = pos;
  if (pos != file_size) {
    s->recovered_bytes_ = file_size - pos;
    if (::ftruncate(s->fd_, static_cast<off_t>(pos)) != 0 || ::fsync(s->fd_) != 0) {
      return std::unexpected(IoError(path, "cannot truncate a torn record"));
    }
  }
  return s;
}

FileEntryStorage::~FileEntryStorage() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::vector<std::string>> FileEntryStorage::Read(std::uint64_t begin,
                                                        std::uint64_t count) const {
  if (begin > Size() || count > Size() - begin) {
    return Fail(ErrorCode::kInvalidInput, "entries [" + std::to_string(begin) + ", " +
                                              std::to_string(begin + count) +
                                              ") are beyond the log's " + std::to_string(Size()));
  }
  std::vector<std::string> out;
  if (count == 0) return out;
  const std::uint64_t from = offsets_[begin];
  const std::uint64_t to = begin + count < Size() ? offsets_[begin + count] : end_;
  std::string buf(to - from, '\0');
  if (!PreadAll(fd_, buf.data(), buf.size(), from)) {
    return std::unexpected(IoError(dir_ / "entries.log", "cannot read"));
  }
  out.reserve(count);
  std::string_view rest = buf;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint32_t len = ReadU32(rest);
    out.emplace_back(rest.substr(4, len));
    rest.remove_prefix(4 + len);
  }
  return out;
}

Result<void> FileEntryStorage::Append(std::span<const std::string> leaf_data) {
  std::string buf;
  std::size_t total = 0;
  for (const std::string& e : leaf_data) total += 4 + e.size();
  buf.reserve(total);
  std::vector<std::uint64_t> new_offsets;
  new_offsets.reserve(leaf_data.size());
  for (const std::string& e : leaf_data) {
    new_offsets.push_back(end_ + buf.size());
    AppendU32(buf, static_cast<std::uint32_t>(e.size()));
    buf.append(e);
  }
  std::size_t done = 0;
  while (done < buf.size()) {
    const ssize_t n =
        ::pwrite(fd_, buf.data() + done, buf.size() - done, static_cast<off_t>(end_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error e = IoError(dir_ / "entries.log", "cannot append");
      // Undo the partial write so that Size() stays as before the call.
      (void)::ftruncate(fd_, static_cast<off_t>(end_));
      return std::unexpected(e);
    }
    done += static_cast<std::size_t>(n);
  }
  if (options_.sync && ::fdatasync(fd_) != 0) {
    Error e = IoError(dir_ / "entries.log", "cannot sync");
    (void)::ftruncate(fd_, static_cast<off_t>(end_));
    return std::unexpected(e);
  }
  end_ += buf.size();
  offsets_.insert(offsets_.end(), new_offsets.begin(), new_offsets.end());
  return {};
}

Result<std::optional<std::string>> FileEntryStorage::LoadCheckpoint() const {
  const auto path = dir_ / "checkpoint";
  if (!std::filesystem::exists(path)) return std::optional<std::string>{};
  auto text = ReadWholeFile(path);
  if (!text) return std::unexpected(text.error());
  return std::optional<std::string>(std::move(*text));
}

Result<void> FileEntryStorage::SaveCheckpoint(std::string_view note) {
  return WriteFileAtomically(dir_ / "checkpoint", note);
}

}  // namespace parley::ledger
