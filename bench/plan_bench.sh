#!/bin/sh
# Builds and runs the planner benchmark (see docs/benchmarks-plan.md).
# Usage: bench/plan_bench.sh [--glpk-seconds=60] [other Google Benchmark flags]
set -eu
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target plan_bench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
exec ./build/release/bin/plan_bench --benchmark_counters_tabular=true "$@"
