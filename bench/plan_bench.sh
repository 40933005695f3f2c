#!/bin/sh
# Builds and runs the planner benchmark (see docs/benchmarks-plan.md), then times the CLI end
# to end (CSV in, plan JSON out, then a repair) on the same 20,000-a-side instance.
# Usage: bench/plan_bench.sh [--glpk-seconds=60] [other Google Benchmark flags]
set -eu
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target plan_bench parley
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
./build/release/bin/plan_bench --benchmark_counters_tabular=true "$@"
dir=$(mktemp -d)
./build/release/bin/plan_bench --write-instance="$dir"
echo "CLI end to end (20,000 a side):"
/usr/bin/time -f "  parley plan:   %e s wall, %U s user, %M KB max RSS" \
  ./build/release/bin/parley plan "$dir/agreement.toml" --side-a "$dir/a.csv" \
  --side-b "$dir/b.csv" --out "$dir/plan.json" >/dev/null
victim=$(grep -m1 -o '"id": "A-0000[0-9]"' "$dir/plan.json" | cut -d'"' -f4)
/usr/bin/time -f "  parley plan repair: %e s wall, %U s user, %M KB max RSS" \
  ./build/release/bin/parley plan repair "$dir/plan.json" --drop "a:$victim" --reason refused \
  >/dev/null
rm -rf "$dir"
