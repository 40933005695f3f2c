#!/usr/bin/env bash
# Benchmark of `parley serve` on loopback (docs/benchmarks-server.md records the figures).
# 1. read endpoints with wrk --latency (target: >= 5,000 requests/s, p99 <= 20 ms); the review
#    queue twice: the same page (served from the page cache while nothing changes) and random
#    pages (built from the store each time);
# 2. 50 concurrent writers on the same person records (bench/server_writers.py): no update
#    may be lost; afterwards every stored update is a signed ledger event and
#    `parley verify --workspace` passes.
# Needs wrk (Debian package `wrk`; installed here with apt-get when missing).
# usage: bench/server_bench.sh [build/release/bin/parley]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
parley=${1:-$here/../build/release/bin/parley}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-8}
threads=${THREADS:-2}
if ! command -v wrk >/dev/null; then
  echo "wrk is missing: installing the Debian package" >&2
  apt-get install -y wrk >/dev/null
fi
work=$(mktemp -d /tmp/parley-server-bench-XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$parley" demo --people 2000 --workspace "$work/ws" >/dev/null
echo "a long enough password" >"$work/pw"
"$parley" user add reader --role analyst --side mediator --password-file "$work/pw" --workspace "$work/ws" >/dev/null
"$parley" user add icrc --role interviewer --side mediator --password-file "$work/pw" --workspace "$work/ws" >/dev/null
reader=$("$parley" user token reader --workspace "$work/ws")
icrc=$("$parley" user token icrc --workspace "$work/ws")

"$parley" serve --listen 127.0.0.1:0 --workspace "$work/ws" --threads 16 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log")
echo "server at $base (pid $server_pid)"

record=$(curl -s -H "Authorization: Bearer $reader" \
  "$base/api/v1/lists/ru-custody/versions/latest/records?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["records"][0]["record_id"])')

# /api/v1/health first: the same HTTP stack with no sign-in and no database, the same-run
# ceiling the other figures are compared with.
# The review queue (a page of 50 links with both records) and the plans come from the demo's
# reconciliation and plan.
for path in /api/v1/health /api/v1/lists /api/v1/lists/ru-custody "/api/v1/records/$record" \
  "/api/v1/links?limit=50" /api/v1/plans; do
  echo "== wrk -t$threads -c$connections -d$duration --latency GET $path"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -H "Authorization: Bearer $reader" "$base$path" | grep -E 'Requests/sec|Latency|99%|90%|50%|Non-2xx'
done

# The review queue again, every request a different page (random offsets): the server's page
# cache cannot answer these, so this is the cost of building a page from the store.
total=$(curl -s -H "Authorization: Bearer $reader" "$base/api/v1/links?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "== wrk -t$threads -c$connections -d$duration --latency GET /api/v1/links?limit=50&offset=<random in [0, $total)>"
QUEUE_TOTAL=$total PAGE_LIMIT=50 wrk -t"$threads" -c"$connections" -d"$duration" --latency \
  -s "$here/review_queue_random_pages.lua" -H "Authorization: Bearer $reader" "$base" |
  grep -E 'Requests/sec|Latency|99%|90%|50%|Non-2xx'

# The first page while an analyst decides 10 links a second: each decision invalidates the
# cached pages, so this is the queue in use.
secs=${duration%s}
python3 "$here/review_decider.py" "$base" "$reader" 10 "$secs" &
decider=$!
echo "== wrk -t$threads -c$connections -d$duration --latency GET /api/v1/links?limit=50 while 10 decisions/s"
wrk -t"$threads" -c"$connections" -d"$duration" --latency \
  -H "Authorization: Bearer $reader" "$base/api/v1/links?limit=50" |
  grep -E 'Requests/sec|Latency|99%|90%|50%|Non-2xx'
wait "$decider"

records=$(curl -s -H "Authorization: Bearer $reader" \
  "$base/api/v1/lists/ru-custody/versions/latest/records?limit=3" |
  python3 -c 'import json,sys; print(",".join(str(r["record_id"]) for r in json.load(sys.stdin)["records"]))')
echo "== 50 concurrent writers on records $records"
python3 "$here/server_writers.py" "$base" "$icrc" "$records" 50 20

kill -TERM "$server_pid"
wait "$server_pid" && echo "server stopped cleanly (exit 0)"
server_pid=""
"$parley" check --workspace "$work/ws" | tail -1
# Each stored interview version is one signed interview.recorded event, and the log verifies.
"$parley" log --json --workspace "$work/ws" |
  python3 -c 'import json,sys; print("interview.recorded events in the ledger:", sum(e["type"] == "interview.recorded" for e in json.load(sys.stdin)))'
"$parley" verify --workspace "$work/ws"
echo "load: $(uptime)"
