#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "core/try.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

std::unexpected<Error> SystemFailure(const fs::path& path, std::string_view doing, int err,
                                     std::string_view advice,
                                     ErrorCode code_if_missing = ErrorCode::kIoError) {
  const ErrorCode code = err == ENOENT ? code_if_missing : ErrorCode::kIoError;
  const std::string why = err == ENOENT ? "no such file or folder" : std::strerror(err);
  return Fail(code,
              "cannot " + std::string(doing) + " '" + path.string() + "': " + why + "; " +
                  std::string(advice),
              {path.string(), 0, 0, ""});
}

constexpr std::string_view kWriteAdvice =
    "check that the folder exists, is writable and the disk is not full";

fs::path FolderOf(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// An owned descriptor, closed on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // Closes now, reporting the error close(2) may carry (NFS reports write errors here).
  [[nodiscard]] int Close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

// A temporary file beside the target that removes itself unless committed.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile() {
    if (!path_.empty()) {
      std::error_code ec;
      fs::remove(path_, ec);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Creates "<folder>/.<name>.tmp.XXXXXX" with exactly `mode`; returns its open descriptor.
  [[nodiscard]] Result<int> Create(const fs::path& target, mode_t mode) {
    std::string pattern =
        (FolderOf(target) / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    // mkostemp creates the file 0600, so it is never wider than `mode` may allow before fchmod.
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return SystemFailure(target, "write", errno, kWriteAdvice);
    path_ = pattern;
    if (::fchmod(fd, mode) != 0) {
      const int err = errno;
      ::close(fd);
      return SystemFailure(target, "set the mode of", err, kWriteAdvice);
    }
    return fd;
  }
  [[nodiscard]] const fs::path& path() const { return path_; }
  void Release() { path_.clear(); }

 private:
  fs::path path_;
};

Result<void> WriteAll(int fd, std::string_view bytes, const fs::path& target) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemFailure(target, "write", errno, kWriteAdvice);
    }
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<void> SyncAndClose(Fd& fd, const fs::path& target) {
  if (::fsync(fd.get()) != 0) return SystemFailure(target, "flush", errno, kWriteAdvice);
  if (fd.Close() != 0) return SystemFailure(target, "write", errno, kWriteAdvice);
  return {};
}

// Makes the rename itself durable: without this a crash may forget the new directory entry.
Result<void> SyncFolder(const fs::path& target) {
  Fd dir(::open(FolderOf(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return SystemFailure(target, "open the folder of", errno, kWriteAdvice);
  if (::fsync(dir.get()) != 0 && errno != EINVAL) {
    return SystemFailure(target, "flush the folder of", errno, kWriteAdvice);
  }
  return {};
}

Result<void> CommitTemp(TempFile& temp, const fs::path& target, const WriteOptions& options) {
  if (options.replace_existing) {
    if (::rename(temp.path().c_str(), target.c_str()) != 0) {
      return SystemFailure(target, "replace", errno, kWriteAdvice);
    }
  } else {
    // link(2) fails with EEXIST instead of replacing: check and commit in one step.
    if (::link(temp.path().c_str(), target.c_str()) != 0) {
      if (errno == EEXIST) {
        return Fail(ErrorCode::kConflict,
                    "'" + target.string() +
                        "' already exists and is never overwritten; remove "
                        "it first or choose another path",
                    {target.string(), 0, 0, ""});
      }
      return SystemFailure(target, "create", errno, kWriteAdvice);
    }
    std::error_code ec;
    fs::remove(temp.path(), ec);
  }
  temp.Release();
  return SyncFolder(target);
}

}  // namespace

Result<void> CreatePrivateFolders(const fs::path& dir) {
  if (dir.empty()) return {};
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  const fs::path parent = dir.parent_path();
  if (!parent.empty() && parent != dir) PARLEY_TRY(CreatePrivateFolders(parent));
  if (::mkdir(dir.c_str(), kPrivateFolderMode) != 0) {
    if (errno == EEXIST && fs::is_directory(dir, ec)) return {};  // made meanwhile by another
    if (errno == EEXIST) {
      return Fail(ErrorCode::kIoError,
                  "cannot create the folder '" + dir.string() +
                      "': a file of that name is in the way; choose another path or move it",
                  {dir.string(), 0, 0, ""});
    }
    return SystemFailure(dir, "create the folder", errno, kWriteAdvice);
  }
  // mkdir's mode is narrowed by the umask, never widened; chmod makes it exact all the same.
  if (::chmod(dir.c_str(), kPrivateFolderMode) != 0) {
    return SystemFailure(dir, "set the mode of", errno, kWriteAdvice);
  }
  return {};
}

Result<void> CreatePrivateFileIfMissing(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode));
  if (fd.get() < 0) {
    if (errno == EEXIST) return {};
    return SystemFailure(path, "create", errno, kWriteAdvice);
  }
  if (::fchmod(fd.get(), kPrivateFileMode) != 0) {
    return SystemFailure(path, "set the mode of", errno, kWriteAdvice);
  }
  return {};
}

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno != 0 ? errno : EIO;
    return SystemFailure(path, "read", fs::exists(path) ? err : ENOENT,
                         "check the path and that parley may read it", ErrorCode::kNotFound);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return SystemFailure(path, "read", EIO, "check the disk and try again");
  return std::move(text).str();
}

Result<void> WriteFileAtomically(const fs::path& path, std::string_view bytes,
                                 WriteOptions options) {
  TempFile temp;
  PARLEY_ASSIGN_OR_RETURN(int raw, temp.Create(path, options.mode));
  Fd fd(raw);
  if (auto r = WriteAll(fd.get(), bytes, path); !r) return r;
  if (auto r = SyncAndClose(fd, path); !r) return r;
  return CommitTemp(temp, path, options);
}

Result<void> WriteViaTempFile(const fs::path& path,
                              const std::function<Result<void>(const fs::path& temp)>& write,
                              WriteOptions options) {
  TempFile temp;
  PARLEY_ASSIGN_OR_RETURN(int raw, temp.Create(path, options.mode));
  ::close(raw);
  if (auto r = write(temp.path()); !r) return r;
  // The library closed its own handle; fsync needs one of ours.
  Fd fd(::open(temp.path().c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return SystemFailure(path, "reopen the temporary file for", errno, kWriteAdvice);
  if (auto r = SyncAndClose(fd, path); !r) return r;
  return CommitTemp(temp, path, options);
}

struct StagedFile::State {
  fs::path target;
  WriteOptions options;
  TempFile temp;
  std::vector<char> buffer = std::vector<char>(std::size_t{1} << 20);
  std::ofstream out;
};

StagedFile::StagedFile(std::unique_ptr<State> state) : state_(std::move(state)) {}
StagedFile::StagedFile(StagedFile&&) noexcept = default;
StagedFile& StagedFile::operator=(StagedFile&&) noexcept = default;
StagedFile::~StagedFile() = default;

Result<StagedFile> StagedFile::Open(const fs::path& path, WriteOptions options) {
  auto state = std::make_unique<State>();
  state->target = path;
  state->options = options;
  PARLEY_ASSIGN_OR_RETURN(int raw, state->temp.Create(path, options.mode));
  ::close(raw);
  state->out.rdbuf()->pubsetbuf(state->buffer.data(),
                                static_cast<std::streamsize>(state->buffer.size()));
  state->out.open(state->temp.path(), std::ios::binary | std::ios::trunc);
  if (!state->out) return SystemFailure(path, "write", errno, kWriteAdvice);
  return StagedFile(std::move(state));
}

std::ostream& StagedFile::stream() { return state_->out; }

const fs::path& StagedFile::path() const { return state_->target; }

Result<void> StagedFile::Commit() {
  State& s = *state_;
  s.out.close();
  if (s.out.fail()) {
    return Fail(ErrorCode::kIoError,
                "cannot write '" + s.target.string() + "'; " + std::string(kWriteAdvice),
                {s.target.string(), 0, 0, ""});
  }
  Fd fd(::open(s.temp.path().c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return SystemFailure(s.target, "reopen the temporary file for", errno, kWriteAdvice);
  PARLEY_TRY(SyncAndClose(fd, s.target));
  return CommitTemp(s.temp, s.target, s.options);
}

Result<void> WriteThroughStream(const fs::path& path,
                                const std::function<void(std::ostream& out)>& body,
                                WriteOptions options) {
  PARLEY_ASSIGN_OR_RETURN(StagedFile file, StagedFile::Open(path, options));
  body(file.stream());
  return file.Commit();
}

}  // namespace parley
