// parley/server/http/workspace_pool.h — one SQLite connection per concurrent request.
//
// Contract: Acquire() lends a Workspace (an open connection to the same database) for the
// life of the Lease and blocks while all are lent; connections are never shared between
// threads at once. With WAL, readers run in parallel and do not wait for the writer; writers
// queue on SQLite's lock (BEGIN IMMEDIATE + busy timeout), never fail halfway.
//
// Why a pool rather than one mutex-guarded connection: the read benchmark (5,000 requests/s)
// needs both cores reading at once; a single connection would serialise every read.
//
//   auto pool = WorkspacePool::Open("parley-data", 8);
//   auto lease = (*pool)->Acquire();
//   auto lists = lease->Lists();
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::server {

class WorkspacePool {
 public:
  class Lease {
   public:
    Lease(WorkspacePool& pool, std::unique_ptr<store::Workspace> ws)
        : pool_(&pool), ws_(std::move(ws)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Workspace& operator*() { return *ws_; }
    store::Workspace* operator->() { return ws_.get(); }

   private:
    WorkspacePool* pool_;
    std::unique_ptr<store::Workspace> ws_;
  };

  // Opens `size` connections to the workspace in `dir` (which must exist).
  [[nodiscard]] static Result<std::unique_ptr<WorkspacePool>> Open(const std::filesystem::path& dir,
                                                                   std::size_t size);

  [[nodiscard]] Lease Acquire();
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

 private:
  explicit WorkspacePool(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void Return(std::unique_ptr<store::Workspace> ws);

  std::filesystem::path dir_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Workspace>> idle_;
};

}  // namespace parley::server
