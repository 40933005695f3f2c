#include "server/access_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/file_io.h"

namespace parley::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPrefix = "access-log.";

std::unexpected<Error> JournalError(const fs::path& path, std::string_view doing) {
  return Fail(ErrorCode::kIoError,
              "cannot " + std::string(doing) + " the access journal '" + path.string() +
                  "': " + std::strerror(errno) +
                  "; check that the workspace is writable and the disk is not full",
              {path.string(), 0, 0, ""});
}

// Opens (creating) `path` 0600 for appending and takes its lock; -1 if another process has it.
int OpenLocked(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, kPrivateFileMode);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -2;
  }
  return fd;
}

bool IsJournalFile(const fs::path& p) {
  std::string name = p.filename().string();
  return name.starts_with(kPrefix) && (name.ends_with(".journal") || name.ends_with(".sealed"));
}

}  // namespace

AccessJournal::Sealed::Sealed(std::vector<fs::path> paths, std::vector<int> fds)
    : paths_(std::move(paths)), fds_(std::move(fds)) {}

AccessJournal::Sealed::Sealed(Sealed&& other) noexcept
    : paths_(std::move(other.paths_)), fds_(std::move(other.fds_)) {
  other.paths_.clear();
  other.fds_.clear();
}

AccessJournal::Sealed& AccessJournal::Sealed::operator=(Sealed&& other) noexcept {
  if (this != &other) {
    CloseAll();
    paths_ = std::move(other.paths_);
    fds_ = std::move(other.fds_);
    other.paths_.clear();
    other.fds_.clear();
  }
  return *this;
}

AccessJournal::Sealed::~Sealed() { CloseAll(); }

void AccessJournal::Sealed::Discard() {
  // Unlinked while still locked, so that no Recover() in another process reads them meanwhile.
  for (const fs::path& p : paths_) ::unlink(p.c_str());
  CloseAll();
}

void AccessJournal::Sealed::CloseAll() {
  for (int fd : fds_) ::close(fd);
  fds_.clear();
  paths_.clear();
}

Result<std::unique_ptr<AccessJournal>> AccessJournal::Open(const fs::path& dir) {
  fs::path path = dir / (std::string(kPrefix) + std::to_string(::getpid()) + ".journal");
  int fd = OpenLocked(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC);
  if (fd < 0) return JournalError(path, "open");
  ::fchmod(fd, kPrivateFileMode);
  return std::unique_ptr<AccessJournal>(new AccessJournal(dir, path, fd));
}

AccessJournal::~AccessJournal() {
  if (fd_ >= 0) ::close(fd_);  // the file stays: rows in it may not be in the database
}

std::string AccessJournal::Line(std::string_view at, std::string_view user, std::string_view action,
                                const std::vector<std::pair<std::int64_t, std::int64_t>>& reads) {
  // By hand rather than through a JSON object: a review page logs 100 reads per request.
  std::string text = R"({"at":)" + nlohmann::json(at).dump() + R"(,"user":)" +
                     nlohmann::json(user).dump() + R"(,"action":)" + nlohmann::json(action).dump() +
                     R"(,"reads":[)";
  for (std::size_t i = 0; i < reads.size(); ++i) {
    if (i > 0) text += ',';
    text += '[' + std::to_string(reads[i].first) + ',' + std::to_string(reads[i].second) + ']';
  }
  text += "]}\n";
  return text;
}

Result<void> AccessJournal::Append(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    ssize_t n = ::write(fd_, rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return JournalError(path_, "write to");
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

Result<AccessJournal::Sealed> AccessJournal::Seal() {
  fs::path sealed = dir_ / (std::string(kPrefix) + std::to_string(::getpid()) + "." +
                            std::to_string(++sealed_count_) + ".sealed");
  if (::rename(path_.c_str(), sealed.c_str()) != 0) return JournalError(path_, "seal");
  int old_fd = fd_;  // keeps its lock under the new name
  fd_ = OpenLocked(path_, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC);
  if (fd_ < 0) {
    auto error = JournalError(path_, "reopen");
    fd_ = old_fd;  // go on appending to the sealed file: Recover() will read it
    return error;
  }
  return Sealed({sealed}, {old_fd});
}

void AccessJournal::Remove() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

Result<std::pair<std::vector<store::AccessRow>, AccessJournal::Sealed>> AccessJournal::Recover(
    const fs::path& dir) {
  std::vector<fs::path> paths;
  std::vector<int> fds;
  // Coalesced as the log coalesces: one row per (time, user, action, record).
  std::map<std::tuple<std::string, std::string, std::string, std::int64_t>, std::int64_t> reads;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!IsJournalFile(entry.path())) continue;
    int fd = OpenLocked(entry.path(), O_RDONLY);
    if (fd == -2) continue;  // a live server's own journal
    if (fd < 0) return JournalError(entry.path(), "open");
    paths.push_back(entry.path());
    fds.push_back(fd);
    auto text = ReadWholeFile(entry.path());
    if (!text) return std::unexpected(text.error());
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) break;  // torn last line: never acknowledged
      auto line = nlohmann::json::parse(text->begin() + static_cast<long>(start),
                                        text->begin() + static_cast<long>(end), nullptr, false);
      start = end + 1;
      if (line.is_discarded() || !line.is_object()) continue;
      try {
        for (const auto& r : line.at("reads")) {
          reads[{line.at("at").get<std::string>(), line.at("user").get<std::string>(),
                 line.at("action").get<std::string>(), r.at(0).get<std::int64_t>()}] +=
              r.at(1).get<std::int64_t>();
        }
      } catch (const nlohmann::json::exception&) {
        continue;  // not a line this code wrote: skipped, like a torn one
      }
    }
  }
  if (ec) return Fail(ErrorCode::kIoError, "cannot list " + dir.string() + ": " + ec.message());
  std::vector<store::AccessRow> rows;
  for (const auto& [key, n] : reads) {
    const auto& [at, user, action, record] = key;
    rows.push_back({at, user, record, action, n});
  }
  return std::make_pair(std::move(rows), Sealed(std::move(paths), std::move(fds)));
}

}  // namespace parley::server
