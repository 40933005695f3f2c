#include "server/access_log.h"

#include <iostream>

#include "core/clock.h"
#include "core/try.h"

namespace parley::server {

AccessLog::AccessLog(store::Workspace ws) : ws_(std::move(ws)) {
  RecoverJournals();
  if (auto journal = AccessJournal::Open(ws_.dir()); journal) {
    journal_ = std::move(*journal);
  } else {
    Report(journal.error());
  }
  thread_ = std::thread([this] { Run(); });
}

void AccessLog::Report(const Error& error) {
  std::cerr << "parley serve: access log: " << error.Describe() << "\n";
}

void AccessLog::RecoverJournals() {
  auto left = AccessJournal::Recover(ws_.dir());
  if (!left) return Report(left.error());
  auto& [rows, files] = *left;
  if (!rows.empty()) {
    if (auto r = Write(rows); !r) return Report(r.error());  // the files stay for next time
  }
  files.Discard();
}

AccessLog::~AccessLog() { Close(); }

void AccessLog::Record(std::string_view user, std::int64_t record_id, std::string_view action) {
  Record(user, std::vector<std::int64_t>{record_id}, action);
}

void AccessLog::Record(std::string_view user, const std::vector<std::int64_t>& record_ids,
                       std::string_view action) {
  auto key = std::make_tuple(UtcNow(), std::string(user), std::string(action));
  std::vector<std::pair<std::int64_t, std::int64_t>> reads;
  reads.reserve(record_ids.size());
  for (std::int64_t id : record_ids) reads.emplace_back(id, 1);
  std::string line = AccessJournal::Line(std::get<0>(key), user, action, reads);
  std::lock_guard lock(mutex_);
  if (journal_) {
    auto written = journal_->Append(line);
    if (!written && !journal_failed_) {
      journal_failed_ = true;
      Report(written.error());
    }
  }
  auto [slot, added] = queue_index_.try_emplace(std::move(key), queue_.size());
  if (added) {
    queue_.push_back(
        {std::get<0>(slot->first), std::get<1>(slot->first), std::get<2>(slot->first), {}, {}});
  }
  Pending& pending = queue_[slot->second];
  for (std::int64_t id : record_ids) {
    auto [at, first] = pending.index.try_emplace(id, pending.reads.size());
    if (first) {
      pending.reads.emplace_back(id, 1);
    } else {
      ++pending.reads[at->second].second;
    }
  }
}

Result<void> AccessLog::Flush() {
  std::lock_guard write_lock(write_mutex_);
  std::vector<Pending> queued;
  AccessJournal::Sealed sealed;
  {
    std::lock_guard lock(mutex_);
    queued.swap(queue_);
    queue_index_.clear();
    // Under the same lock: the sealed journal holds exactly the rows about to be written.
    if (journal_ && !queued.empty()) {
      if (auto s = journal_->Seal(); s) {
        sealed = std::move(*s);
      } else {
        Report(s.error());
      }
    }
  }
  std::vector<AccessEntry> batch;
  for (const Pending& p : queued) {
    for (auto [record_id, reads] : p.reads) {
      batch.push_back({p.at, p.user, record_id, p.action, reads});
    }
  }
  if (batch.empty()) return {};
  PARLEY_TRY(Write(batch));  // on failure the sealed journal stays, for the next start
  sealed.Discard();
  return {};
}

void AccessLog::Close() {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    closing_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (auto r = Flush(); !r) {
    Report(r.error());
  } else if (journal_) {
    std::lock_guard lock(mutex_);
    journal_->Remove();  // everything is in the database
    journal_.reset();
  }
}

void AccessLog::Run() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kFlushInterval, [this] { return closing_; });
      if (closing_) return;
    }
    if (auto r = Flush(); !r) Report(r.error());
  }
}

Result<void> AccessLog::Write(const std::vector<AccessEntry>& batch) {
  return store::AppendAccessRows(ws_, batch);
}

Result<std::vector<AccessEntry>> ReadAccessLog(store::Workspace& ws, std::int64_t record_id) {
  return store::AccessRowsOfRecord(ws, record_id);
}

Result<AccessLogPage> ReadAccessLogPage(store::Workspace& ws, const AccessLogQuery& query) {
  return store::QueryAccessLog(ws, query);
}

}  // namespace parley::server
