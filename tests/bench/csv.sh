#!/usr/bin/env bash
# Benchmark: import and export of 1,000,000 ideas (with quotes, commas,
# line breaks and UTF-8 in the text) against the sqlite3 shell doing the same
# file: `.import --csv` into a plain table, and `.mode csv` output of that
# table. Prints each time, the ratios (pact / sqlite3; the targets are 1.0
# or less) and pact's peak memory (target: under 50 MB).
set -eu
cd "$(dirname "$0")/../.."
PACT=$PWD/pact
ROWS=${ROWS:-1000000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# seconds and peak KB of a command: "SECONDS KB"
measure() {
	/usr/bin/time -f "%e %M" -o "$T/time" "$@" >/dev/null 2>"$T/stderr" || { cat "$T/stderr" >&2; exit 1; }
	cat "$T/time"
}

# The file: made by pact itself from a database filled with SQL.
"$PACT" --db "$T/src.db" session new "Bench" >/dev/null
sqlite3 "$T/src.db" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $ROWS)
	INSERT INTO idea(uuid, session_id, text, late, created_at, updated_at)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
	             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 1,
	       CASE x % 4 WHEN 0 THEN 'Idee ' || x || ': meer \"groen\", bankjes' || char(10) || 'en een coöperatie van € 250'
	                  WHEN 1 THEN 'Idee ' || x || ', met komma; en puntkomma'
	                  WHEN 2 THEN 'Ontmoetingsplek ' || x || ' bij de haven 🌱'
	                  ELSE 'Plan ' || x END,
	       x % 7 = 0, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z' FROM c"
"$PACT" --db "$T/src.db" export sessions "$T/sessions.csv" 2>/dev/null
"$PACT" --db "$T/src.db" export ideas "$T/ideas.csv" 2>/dev/null
printf 'file: %s rows, %s MB\n' "$ROWS" "$(( $(stat -c %s "$T/ideas.csv") / 1048576 ))"

"$PACT" --db "$T/dst.db" import sessions "$T/sessions.csv" 2>/dev/null
read -r pact_in pact_in_kb < <(measure "$PACT" --db "$T/dst.db" import ideas "$T/ideas.csv")
read -r sql_in _ < <(measure sqlite3 "$T/plain.db" ".import --csv $T/ideas.csv t")
read -r pact_out pact_out_kb < <(measure "$PACT" --db "$T/dst.db" export ideas "$T/out.csv")
read -r sql_out _ < <(measure sqlite3 "$T/plain.db" ".headers on" ".mode csv" ".once $T/out2.csv" "SELECT * FROM t")

cmp -s "$T/ideas.csv" "$T/out.csv" && echo "export after import: byte-identical to the file" ||
	echo "export after import: DIFFERS from the file"
awk -v pi="$pact_in" -v si="$sql_in" -v po="$pact_out" -v so="$sql_out" -v mi="$pact_in_kb" -v mo="$pact_out_kb" 'BEGIN {
	printf "import: pact %6.2f s, sqlite3 shell %6.2f s, ratio %.2f (target <= 1.00), pact peak %.1f MB\n", pi, si, pi / si, mi / 1024
	printf "export: pact %6.2f s, sqlite3 shell %6.2f s, ratio %.2f (target <= 1.00), pact peak %.1f MB\n", po, so, po / so, mo / 1024
}'
