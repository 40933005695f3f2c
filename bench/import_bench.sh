#!/usr/bin/env bash
# Import benchmark: `parley import` of a 1M-row CSV into a fresh workspace, beside sqlite3's
# own `.import` of the same file into a plain table (no validation, no versioning) in the
# same run. Prints both times and their ratio. Not a test: figures go to docs/benchmarks.md.
#
# usage: bench/import_bench.sh [ROWS] [PARLEY_BIN]
set -euo pipefail
rows=${1:-1000000}
parley=${2:-build/release/bin/parley}
work=$(mktemp -d /tmp/parley-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$(dirname "$0")/gen_list.py" "$rows" "$work/list.csv" 1
"$parley" init --workspace "$work/ws" >/dev/null

now() { date +%s.%N; }
t0=$(now)
"$parley" import "$work/list.csv" --list bench --kind custody --side ru --workspace "$work/ws" >/dev/null
t1=$(now)
sqlite3 "$work/baseline.db" "PRAGMA journal_mode=WAL;" ".import --csv $work/list.csv people" >/dev/null
t2=$(now)

awk -v rows="$rows" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  printf "rows: %d\nparley import: %.2f s\nsqlite3 .import: %.2f s\nratio parley/sqlite3: %.2f\n",
         rows, b - a, c - b, (b - a) / (c - b) }'
