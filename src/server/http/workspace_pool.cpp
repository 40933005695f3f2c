#include "server/http/workspace_pool.h"

#include "core/try.h"

namespace parley::server {

WorkspacePool::Lease::~Lease() {
  if (ws_) pool_->Return(std::move(ws_));
}

Result<std::unique_ptr<WorkspacePool>> WorkspacePool::Open(const std::filesystem::path& dir,
                                                           std::size_t size) {
  std::unique_ptr<WorkspacePool> pool(new WorkspacePool(dir));
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    PARLEY_ASSIGN_OR_RETURN(store::Workspace ws, store::Workspace::Open(dir));
    pool->idle_.push_back(std::make_unique<store::Workspace>(std::move(ws)));
  }
  return pool;
}

WorkspacePool::Lease WorkspacePool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<store::Workspace> ws = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(ws));
}

void WorkspacePool::Return(std::unique_ptr<store::Workspace> ws) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(ws));
  }
  available_.notify_one();
}

}  // namespace parley::server
