#!/usr/bin/env bash
# Cost of sealing a workspace at rest (docs/security.md "Sealed at rest"; figures in
# docs/benchmarks.md "Sealed workspaces"). The same synthetic lists go, in the same run, into an
# unsealed workspace and a sealed one (passphrase, Argon2id); for each: import of both lists,
# reconciliation (linkage), a command that only opens the workspace (the key derivation's
# cost), and wrk against two read endpoints of `parley serve`. Prints each figure and the ratio
# sealed/unsealed. Not a test; needs wrk (Debian package `wrk`).
# usage: bench/seal_bench.sh [PEOPLE] [build/release/bin/parley]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
people=${1:-20000}
parley=${2:-$here/../build/release/bin/parley}
duration=${DURATION:-10s}
work=$(mktemp -d /tmp/parley-seal-bench-XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
declare -A took

"$parley" synth --people "$people" --seed 11 --out "$work/lists" >/dev/null
echo "a long and private seal passphrase" >"$work/seal.pass"
echo "a long enough password" >"$work/pw"

for mode in plain sealed; do
  ws="$work/ws-$mode"
  if [[ $mode == sealed ]]; then
    export PARLEY_SEAL_PASSPHRASE_FILE="$work/seal.pass"
    "$parley" init --seal --workspace "$ws" >/dev/null
  else
    unset PARLEY_SEAL_PASSPHRASE_FILE
    "$parley" init --workspace "$ws" >/dev/null
  fi
  t0=$(now)
  "$parley" import "$work/lists/ru-custody.csv" --list ru-custody --kind custody --side ru --workspace "$ws" >/dev/null
  "$parley" import "$work/lists/ua-request.csv" --list ua-request --kind request --side ua --workspace "$ws" >/dev/null
  t1=$(now)
  "$parley" reconcile ua-request ru-custody --workspace "$ws" >/dev/null
  t2=$(now)
  for _ in 1 2 3 4 5; do "$parley" lists --workspace "$ws" >/dev/null; done
  t3=$(now)
  took[$mode.import]=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
  took[$mode.reconcile]=$(awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}')
  took[$mode.open]=$(awk -v a="$t2" -v b="$t3" 'BEGIN{print (b-a)/5}')

  "$parley" user add reader --role analyst --side mediator --password-file "$work/pw" --workspace "$ws" >/dev/null
  token=$("$parley" user token reader --workspace "$ws")
  "$parley" serve --listen 127.0.0.1:0 --workspace "$ws" --threads 16 >"$work/serve-$mode.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q listening "$work/serve-$mode.log" && break; sleep 0.1; done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve-$mode.log")
  record=$(curl -s -H "Authorization: Bearer $token" \
    "$base/api/v1/lists/ru-custody/versions/latest/records?limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["records"][0]["record_id"])')
  n=0
  for path in "/api/v1/records/$record" "/api/v1/lists/ru-custody/versions/latest/records?limit=50&offset=5000"; do
    n=$((n + 1))
    rps=$(wrk -t2 -c8 -d"$duration" -H "Authorization: Bearer $token" "$base$path" |
      awk '/Requests\/sec/ {print $2}')
    took[$mode.api$n]=$rps
    echo "$mode GET $path: $rps requests/s"
  done
  kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
  echo "$mode: import ${took[$mode.import]} s, reconcile ${took[$mode.reconcile]} s, open ${took[$mode.open]} s"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "people: $people (load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "import both lists: plain ${took[plain.import]} s, sealed ${took[sealed.import]} s, ratio $(ratio "${took[sealed.import]}" "${took[plain.import]}")"
echo "reconcile: plain ${took[plain.reconcile]} s, sealed ${took[sealed.reconcile]} s, ratio $(ratio "${took[sealed.reconcile]}" "${took[plain.reconcile]}")"
echo "open (parley lists): plain ${took[plain.open]} s, sealed ${took[sealed.open]} s, ratio $(ratio "${took[sealed.open]}" "${took[plain.open]}")"
echo "GET /records/ID: plain ${took[plain.api1]} req/s, sealed ${took[sealed.api1]} req/s, ratio $(ratio "${took[sealed.api1]}" "${took[plain.api1]}")"
echo "GET records page: plain ${took[plain.api2]} req/s, sealed ${took[sealed.api2]} req/s, ratio $(ratio "${took[sealed.api2]}" "${took[plain.api2]}")"
