#!/usr/bin/env bash
# The act of transfer of a 1,000-person phase (issue 14, docs/benchmarks.md "Papers"):
# `parley demo --people 2200` puts 1,040 people in phase 1 of its plan; every one of them is
# interviewed, handed over and received (every 50th refuses) through the real commands; then
# hyperfine times the act as PDF against the same rows written as XLSX (libxlsxwriter), in
# the same run.
#   bench/report_bench.sh [build/release/bin/parley] [WORKDIR]
set -euo pipefail
parley="$(realpath "${1:-build/release/bin/parley}")"
work="${2:-$(mktemp -d)}"
here="$(dirname "$(realpath "$0")")"
mkdir -p "$work" && cd "$work"
[ -d ws ] || { "$parley" demo --people 2200 --workspace ws >/dev/null &&
               python3 "$here/report_handover_day.py" "$parley" ws; }
hyperfine --warmup 1 --runs 10 \
  "$parley report act --plan 1 --phase 1 --lang uk,ru --workspace ws --out act.pdf" \
  "$parley report act --plan 1 --phase 1 --lang uk,ru --format xlsx --workspace ws --out act.xlsx"
pdfinfo act.pdf | grep Pages
uptime
