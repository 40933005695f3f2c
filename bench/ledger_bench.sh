#!/usr/bin/env bash
# Ledger benchmarks beside their physical limits, measured in the same run (issue 5).
# Usage: bench/ledger_bench.sh [BUILD_DIR]      (default: build/release)
# Needs: the ledger_bench target built; python3 and sha256sum for the summary.
# Writes the 1M-event log under $LEDGER_BENCH_DIR (default /tmp/parley_ledger_bench) and
# times `sha256sum` over that same file.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build/release}
BENCH="$BUILD_DIR/bin/ledger_bench"
export LEDGER_BENCH_DIR=${LEDGER_BENCH_DIR:-/tmp/parley_ledger_bench}
mkdir -p "$LEDGER_BENCH_DIR"
JSON="$LEDGER_BENCH_DIR/ledger_bench.json"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $BENCH"
"$BENCH" --benchmark_out="$JSON" --benchmark_out_format=json

LOG="$LEDGER_BENCH_DIR/log1m/entries.log"
cat "$LOG" > /dev/null  # into the page cache, as it is for the in-process hashing
echo "== sha256sum over the same bytes as the 1M-event log ($LOG)"
start=$(date +%s.%N)
sha256sum "$LOG" > /dev/null
end=$(date +%s.%N)
SHA256SUM_SECONDS=$(echo "$end - $start" | bc -l)
LOG_BYTES=$(stat -c %s "$LOG")

python3 - "$JSON" "$SHA256SUM_SECONDS" "$LOG_BYTES" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
sha_s, log_bytes = float(sys.argv[2]), int(sys.argv[3])
b = {x["name"]: x for x in data["benchmarks"]}
def get(prefix, key):
    for name, x in b.items():
        if name.startswith(prefix):
            return x[key]
    raise KeyError(prefix)
def cpu_rate(prefix):  # per core, from CPU time: the machine's limit without other load
    return 1e9 / get(prefix, "cpu_time")
sign = get("BM_Ed25519Sign", "sign/s"); verify = get("BM_Ed25519Verify", "verify/s")
sha_mb = get("BM_Sha256/1048576", "bytes_per_second") / 1e6
append = get("BM_AppendSignedEvents", "events/s")
verify_log = get("BM_VerifyLog1M", "events/s")
hash_log_mb = get("BM_HashLog1M", "bytes_per_second") / 1e6
import_s = get("BM_ImportBundle100k", "real_time")
sha256sum_mb = log_bytes / sha_s / 1e6
cores = 2
print()
print("== summary (wall-clock rates; per-core CPU-time rates in brackets)")
print(f"Ed25519 sign/s (1 core)         {sign:10.0f}  [{cpu_rate('BM_Ed25519Sign'):.0f}]")
print(f"Ed25519 verify/s (1 core)       {verify:10.0f}  [{cpu_rate('BM_Ed25519Verify'):.0f}]")
print(f"SHA-256 in process, 1 MiB       {sha_mb:10.1f} MB/s")
print(f"sha256sum, {log_bytes/1e6:.0f} MB log file     {sha256sum_mb:10.1f} MB/s")
print(f"append signed events/s (1 thr)  {append:10.0f}  target >= 20000; "
      f"{append/sign*100:.0f}% of sign/s  [{cpu_rate('BM_AppendSignedEvents'):.0f}]")
print(f"verify 1M-event log, events/s   {verify_log:10.0f}  limit {cores} x verify/s = "
      f"{cores*verify:.0f}; {verify_log/(cores*verify)*100:.0f}% (target >= 75%)")
print(f"hash 1M-event log (leaf+tree)   {hash_log_mb:10.1f} MB/s  "
      f"{hash_log_mb/sha256sum_mb*100:.0f}% of sha256sum (target >= 50%)")
print(f"import 100k-event bundle        {import_s:10.2f} s  (target <= 5 s)")
PY
