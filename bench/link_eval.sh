#!/usr/bin/env bash
# Linkage quality and speed on `parley synth` data, beside the analyst's baseline, and on FEBRL.
#
#   bench/link_eval.sh [--people N] [--seed S] [--febrl DIR] [--work DIR] [--no-baseline]
#
# 1. parley synth --people N --seed S
# 2. parley link ua-request.csv ru-custody.csv, parley link mediator.csv ru-custody.csv,
#    parley dedupe ua-request.csv: precision / recall / F1 against truth.csv (bench/link_f1.py),
#    wall time and peak memory (/usr/bin/time)
# 3. the baseline a competent analyst would build, same data, same run: names romanised with
#    ICU (uconv -x "Any-Latin; Latin-ASCII"), loaded into PostgreSQL, pg_trgm similarity join
#    (threshold 0.5) with a birth-year guard (±1 year, or unknown), best match per row
# 4. with --febrl DIR: FEBRL dataset4a <-> dataset4b (converted by bench/febrl_to_lists.py)
#
# Needs: a built parley (PARLEY_BIN, default build/release/bin/parley), python3, uconv
# (icu-devtools) and, for the baseline, PostgreSQL 15 with pg_trgm (postgresql,
# postgresql-contrib), run as the postgres user in a throwaway cluster under the work dir.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
parley=${PARLEY_BIN:-$here/../build/release/bin/parley}
people=20000
seed=1
febrl=""
work=""
baseline=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) people=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --febrl) febrl=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-baseline) baseline=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work=${work:-$(mktemp -d /tmp/parley-link-eval.XXXXXX)}
mkdir -p "$work"
chmod 755 "$work"
data=$work/synth

timed() {  # timed LABEL CMD... : runs CMD, prints "LABEL: wall s, peak RSS MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@"
  read -r wall rss < "$work/time.txt"
  printf '%-34s %8.2f s wall  %8.1f MB peak RSS\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

echo "== parley synth --people $people --seed $seed"
"$parley" synth --people "$people" --seed "$seed" --out "$data" > /dev/null
for f in ua-request ru-custody mediator; do echo "$f.csv: $(($(wc -l < "$data/$f.csv") - 1)) rows"; done

echo "== parley"
timed "link ua-request -> ru-custody" "$parley" link "$data/ua-request.csv" "$data/ru-custody.csv" \
  --out "$work/ua-ru.csv" 2> "$work/ua-ru.log"
timed "link mediator -> ru-custody" "$parley" link "$data/mediator.csv" "$data/ru-custody.csv" \
  --out "$work/med-ru.csv" 2> "$work/med-ru.log"
timed "dedupe ua-request" "$parley" dedupe "$data/ua-request.csv" --out "$work/dedupe.csv" \
  2> "$work/dedupe.log"
echo "F1 link ua-request -> ru-custody:  $(python3 "$here/link_f1.py" link "$data/truth.csv" ua-request.csv ru-custody.csv "$work/ua-ru.csv")"
echo "F1 link mediator -> ru-custody:    $(python3 "$here/link_f1.py" link "$data/truth.csv" mediator.csv ru-custody.csv "$work/med-ru.csv")"
echo "F1 dedupe ua-request (pairwise):   $(python3 "$here/link_f1.py" dedupe "$data/truth.csv" ua-request.csv "$work/dedupe.csv")"

if [[ $baseline == 1 ]]; then
  echo "== baseline: uconv Any-Latin; Latin-ASCII + PostgreSQL pg_trgm (similarity >= 0.5, birth year ±1)"
  # shellcheck source=pg_trgm_baseline.sh
  source "$here/pg_trgm_baseline.sh"
  pg_trgm_start "$work"
  trap 'pg_trgm_stop "$work"' EXIT
  baseline_link() {  # baseline_link LEFT RIGHT OUT
    pg_trgm_link "$data/$1" "$data/$2" "$3" "$work"
  }
  export -f baseline_link pg_trgm_link
  export here data work pg_trgm_here
  timed "baseline ua-request -> ru-custody" bash -c "baseline_link ua-request.csv ru-custody.csv $work/base-ua-ru.csv"
  timed "baseline mediator -> ru-custody" bash -c "baseline_link mediator.csv ru-custody.csv $work/base-med-ru.csv"
  echo "F1 baseline ua-request -> ru-custody: $(python3 "$here/link_f1.py" best "$data/truth.csv" ua-request.csv ru-custody.csv "$work/base-ua-ru.csv")"
  echo "F1 baseline mediator -> ru-custody:   $(python3 "$here/link_f1.py" best "$data/truth.csv" mediator.csv ru-custody.csv "$work/base-med-ru.csv")"
fi

if [[ -n $febrl ]]; then
  echo "== FEBRL dataset4a <-> dataset4b"
  python3 "$here/febrl_to_lists.py" "$febrl" "$work/febrl"
  timed "link febrl-a -> febrl-b" "$parley" link "$work/febrl/febrl-a.csv" "$work/febrl/febrl-b.csv" --skip-invalid \
    --out "$work/febrl-pairs.csv" 2> "$work/febrl.log"
  echo "F1 FEBRL 4a -> 4b:                 $(python3 "$here/link_f1.py" link "$work/febrl/truth.csv" febrl-a.csv febrl-b.csv "$work/febrl-pairs.csv")"
  timed "link febrl-a -> febrl-b one-to-one" "$parley" link "$work/febrl/febrl-a.csv" "$work/febrl/febrl-b.csv" --skip-invalid \
    --one-to-one --out "$work/febrl-pairs-1.csv" 2> "$work/febrl.log"
  echo "F1 FEBRL 4a -> 4b (--one-to-one):  $(python3 "$here/link_f1.py" link "$work/febrl/truth.csv" febrl-a.csv febrl-b.csv "$work/febrl-pairs-1.csv")"
fi
echo "work folder: $work"
