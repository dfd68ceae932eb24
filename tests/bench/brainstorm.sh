#!/usr/bin/env bash
# Benchmark: a session with 100,000 ideas opens and scrolls without delay,
# and memory does not grow with the number of ideas. Runs the real pact
# headless (PACT_KEYS) on sessions of 1,000 and 100,000 ideas, pressing
# End, PgUp x50, Home, Down x200 and switching to the grouped view, and
# prints wall time and peak memory (max RSS) of each run.
set -eu
cd "$(dirname "$0")/../.."
PACT=$PWD/pact
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

keys=$T/keys
{ printf '<End>'; for i in $(seq 50); do printf '<PgUp>'; done; printf '<Home>'
  for i in $(seq 200); do printf '<Down>'; done; printf '<Esc>g<End><Home>'; } >"$keys"

run() {
	local n=$1 db=$T/bench-$1.db
	"$PACT" --db "$db" session new "Bench $n" >/dev/null
	sqlite3 "$db" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $n)
		INSERT INTO cluster(uuid, session_id, name) SELECT 'c' || x, 1, 'Cluster ' || x FROM c WHERE x <= 50;
		WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $n)
		INSERT INTO idea(uuid, session_id, cluster_id, text, created_at, updated_at)
		SELECT 'u' || x, 1, CASE WHEN x % 3 = 0 THEN NULL ELSE 1 + x % 50 END,
		       'Idee ' || x || ': meer groen en ontmoeting in de wijk', '', '' FROM c;"
	python3 - "$PACT" "$db" "$keys" "$n" <<'PY'
import os, resource, subprocess, sys, time
pact, db, keys, n = sys.argv[1:]
env = dict(os.environ, PACT_KEYS=keys, LINES="24", COLUMNS="80", TERM="xterm-256color")
t0 = time.monotonic()
subprocess.run([pact, "--db", db, "brainstorm", "1"], env=env, stdout=subprocess.DEVNULL, check=True)
dt = time.monotonic() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{int(n):>7} ideas: open + 250 scroll keys + grouped view in {dt*1000:7.1f} ms, "
      f"peak memory {rss/1024:6.1f} MB")
PY
}

run 1000
run 100000
