# The analyst's baseline, shared by bench/link_eval.sh and bench/heldout/baseline.sh (sourced,
# not run): names as written, romanised with ICU (uconv -x "Any-Latin; Latin-ASCII"), loaded
# into PostgreSQL, pg_trgm similarity join (threshold 0.5) with a birth-year guard (±1 year, or
# either unknown), best match per left row.
#
#   pg_trgm_start WORK        a throwaway cluster under WORK, run as the postgres user
#   pg_trgm_link LEFT RIGHT OUT WORK
#                             list files as parley reads them (bench/link_baseline_prepare.py);
#                             OUT gets left_id,right_id,score
#   pg_trgm_stop WORK
#
# Needs PostgreSQL 15 with pg_trgm (postgresql, postgresql-contrib), uconv (icu-devtools).

pg_trgm_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

pg_trgm_start() {
  local work=$1
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$work/pgsock" && chown postgres "$work/pgsock"
  [[ -d $work/pgdata ]] || { mkdir -p "$work/pgdata" && chown postgres "$work/pgdata" &&
    su postgres -c "$pgbin/initdb -A trust -D $work/pgdata" > "$work/initdb.log"; }
  su postgres -c "$pgbin/pg_ctl -D $work/pgdata -o '-k $work/pgsock -p 5499 -c listen_addresses=' -l $work/pgsock/pg.log -w start" > /dev/null
}

pg_trgm_stop() {
  local work=$1
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  su postgres -c "$pgbin/pg_ctl -D $work/pgdata -m fast stop" > /dev/null
}

pg_trgm_link() {
  local left=$1 right=$2 out=$3 work=$4
  python3 "$pg_trgm_here/link_baseline_prepare.py" "$left" "$work/l.raw.tsv"
  python3 "$pg_trgm_here/link_baseline_prepare.py" "$right" "$work/r.raw.tsv"
  uconv -x "Any-Latin; Latin-ASCII" -o "$work/l.tsv" "$work/l.raw.tsv"
  uconv -x "Any-Latin; Latin-ASCII" -o "$work/r.tsv" "$work/r.raw.tsv"
  psql -q -h "$work/pgsock" -p 5499 -U postgres -v ON_ERROR_STOP=1 > /dev/null <<SQL
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SET pg_trgm.similarity_threshold = 0.5;
DROP TABLE IF EXISTS l, r;
CREATE TABLE l (id text, name text, year int);
CREATE TABLE r (id text, name text, year int);
\copy l FROM '$work/l.tsv' (FORMAT text, NULL '')
\copy r FROM '$work/r.tsv' (FORMAT text, NULL '')
CREATE INDEX ON r USING gin (name gin_trgm_ops);
ANALYZE l; ANALYZE r;
\copy (SELECT DISTINCT ON (l.id) l.id AS left_id, r.id AS right_id, similarity(l.name, r.name) AS score FROM l JOIN r ON l.name % r.name AND (l.year IS NULL OR r.year IS NULL OR abs(l.year - r.year) <= 1) ORDER BY l.id, similarity(l.name, r.name) DESC, r.id) TO '$out' (FORMAT csv, HEADER)
SQL
}
