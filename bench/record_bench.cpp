// The workspace's signed record (issue 5): append of signed events through
// store::SqliteEntryStorage (via store::EventLog, as a state change does it), target >= 20,000
// events/s. Arg = events per SQLite transaction: 1 is one state change per commit (bounded by
// the fsync of synchronous=FULL, not by the ledger), 1000 is a batch of changes per commit
// (bounded by signing: compare BM_Ed25519Sign in ledger_bench).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

void BM_SqliteAppendSignedEvents(benchmark::State& state) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_record_bench_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto ws = Workspace::Create(dir, {.node_name = "bench-node"});
  if (!ws) {
    state.SkipWithError(ws.error().message.c_str());
    return;
  }
  auto events = ws->Events();
  if (!events) {
    state.SkipWithError(events.error().message.c_str());
    return;
  }
  EventLog& log = **events;
  const auto batch = static_cast<std::uint64_t>(state.range(0));
  std::uint64_t n = 0;
  std::optional<Transaction> tx;
  std::optional<EventLog::Change> change;
  for (auto _ : state) {
    if (!tx) {
      tx.emplace(ws->db());
      if (!tx->Begin()) state.SkipWithError("begin failed");
      change.emplace(log);
    }
    auto appended = log.Append({.name = "clerk-7", .key = nullptr}, "match.confirmed",
                               {{"list", "ua-request"}, {"version", 3}, {"n", n}});
    if (!appended) state.SkipWithError(appended.error().message.c_str());
    if (++n % batch == 0) {
      if (!tx->Commit()) state.SkipWithError("commit failed");
      change->Keep();
      change.reset();
      tx.reset();
    }
  }
  if (tx) {
    if (!tx->Commit()) state.SkipWithError("commit failed");
    change->Keep();
  }
  change.reset();
  tx.reset();
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  // Unlinking the open database is fine on Linux; the file goes when the handle closes.
  fs::remove_all(dir);
}
BENCHMARK(BM_SqliteAppendSignedEvents)->Arg(1)->Arg(1000)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace parley::store

BENCHMARK_MAIN();
