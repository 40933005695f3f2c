// parley/server/access_log.h — who read which person record, and when (`access_log`).
//
// Contract: Record() queues one read per person record (user, UTC time to the second, record
// ID, action) and returns at once; reads identical in all four share one row with their count
// (`reads`), which loses nothing (such rows differed only in their id) and keeps a page of the
// review queue, 100 records, from being 100 inserts per request; a background thread writes the
// queue in one transaction per batch at least every kFlushInterval, and Close() (or the destructor)
// writes what is left before returning, so a graceful shutdown loses nothing. Before Record()
// returns, its rows are also appended to the workspace's access journal (access_journal.h), so
// that a killed server loses no read it answered: the next AccessLog on the workspace writes
// the rows a gone process left there before anything else. A power cut can still lose what the
// kernel had not written to disk.
//
// Why batched: a read endpoint must serve thousands of requests a second, and SQLite has one
// writer; one synchronous insert per read would put every reader behind an fsync.
//
// The rows are written and read by store/access_log.h; the coalescing and the batching are
// decided here.
//
//   AccessLog log(std::move(*store::Workspace::Open(dir)));   // its own connection
//   log.Record("olena", record_id, "read");
//   log.Close();
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "server/access_journal.h"
#include "store/access_log.h"
#include "store/workspace.h"

namespace parley::server {

using AccessEntry = store::AccessRow;
using AccessLogQuery = store::AccessLogQuery;
using AccessLogPage = store::AccessLogPage;

class AccessLog {
 public:
  static constexpr std::chrono::milliseconds kFlushInterval{200};

  explicit AccessLog(store::Workspace ws);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void Record(std::string_view user, std::int64_t record_id, std::string_view action);
  void Record(std::string_view user, const std::vector<std::int64_t>& record_ids,
              std::string_view action);
  // Writes everything queued so far; returns the first write error, if any.
  [[nodiscard]] Result<void> Flush();
  void Close();

 private:
  void Run();
  [[nodiscard]] Result<void> Write(const std::vector<AccessEntry>& batch);
  // Writes the rows a killed server left in its journal (at start, before any read).
  void RecoverJournals();
  void Report(const Error& error);

  store::Workspace ws_;
  std::mutex mutex_;
  std::condition_variable wake_;
  // Reads not written yet, coalesced, in the order they first came (newest-first listings
  // then match the order of the reads).
  struct Pending {
    std::string at;
    std::string user;
    std::string action;
    std::vector<std::pair<std::int64_t, std::int64_t>> reads;  // record ID, reads
    std::unordered_map<std::int64_t, std::size_t> index;       // record ID → position in reads
  };
  std::vector<Pending> queue_;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> queue_index_;
  bool closing_ = false;
  // Null if the journal could not be opened (reported): the log then works as before it.
  std::unique_ptr<AccessJournal> journal_;
  bool journal_failed_ = false;  // one report is enough
  std::mutex write_mutex_;       // Flush() and the thread share ws_
  std::thread thread_;
};

// Rows of the access log for one record, newest first (for admins and tests).
[[nodiscard]] Result<std::vector<AccessEntry>> ReadAccessLog(store::Workspace& ws,
                                                             std::int64_t record_id);
// A page of the node's whole log, newest first (store/access_log.h: QueryAccessLog). Rows still
// queued are not in it: Flush() first to read everything recorded until now.
[[nodiscard]] Result<AccessLogPage> ReadAccessLogPage(store::Workspace& ws,
                                                      const AccessLogQuery& query);

}  // namespace parley::server
