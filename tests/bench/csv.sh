#!/usr/bin/env bash
# Benchmark (issue 20): import and export of ROWS ideas (1,000,000; with
# quotes, commas, line breaks and UTF-8 in the text) against the sqlite3
# shell doing the same work on the same file, in the same run, median of
# RUNS (3) runs each, so that other load on the machine hits both alike.
#
# Two files: one pact exported itself (new records have time-ordered
# version-7 UUIDs, so the file comes in key order) and one whose version-4
# UUIDs come in random order, as from another tool. For each:
#   pact:        pact import ideas FILE, into a database made by pact
#   shell, same: .import --csv into a temporary table, then one INSERT INTO
#                idea … SELECT … ON CONFLICT(uuid) DO UPDATE … (the same
#                columns, defaults and session lookup as pact's upsert) in
#                one transaction, into the same database as pact's
#   shell, plain: .import --csv into a new plain table
# Targets: pact / shell-same <= 1.00, pact / shell-plain <= 2.00.
# Export: pact export ideas against the shell's .mode csv output of the same
# rows (the same query: the same columns, session title, ORDER BY id);
# target <= 0.60. Peak memory (/usr/bin/time's maximum resident set) of
# every pact run: target under 50 MB.
set -eu
cd "$(dirname "$0")/../.."
PACT=$PWD/pact
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LC_ALL=C

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (make deps installs it)" >&2; exit 1; }

# seconds and peak KB of a command: "SECONDS KB"
measure() {
	/usr/bin/time -f "%e %M" -o "$T/time" "$@" >/dev/null 2>"$T/stderr" || { cat "$T/stderr" >&2; exit 1; }
	cat "$T/time"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
largest() { printf '%s\n' "$@" | sort -g | tail -1; }

# The texts of the ideas; $1 is the SQL for the UUID of row x.
fill() {
	sqlite3 "$T/src.db" "DELETE FROM idea;
	WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $ROWS)
	INSERT INTO idea(uuid, session_id, text, late, created_at, updated_at)
	SELECT lower($1), 1,
	       CASE x % 4 WHEN 0 THEN 'Idee ' || x || ': meer \"groen\", bankjes' || char(10) || 'en een coöperatie van € 250'
	                  WHEN 1 THEN 'Idee ' || x || ', met komma; en puntkomma'
	                  WHEN 2 THEN 'Ontmoetingsplek ' || x || ' bij de haven 🌱'
	                  ELSE 'Plan ' || x END,
	       x % 7 = 0, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z' FROM c"
}
# Version 7 as pact makes them: a millisecond clock first, then random bits.
V7="substr(printf('%012x', 1795000000000 + x), 1, 8) || '-' || substr(printf('%012x', 1795000000000 + x), 9, 4)
    || '-7' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))"
V4="hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
    || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))"

"$PACT" --db "$T/src.db" session new "Bench" >/dev/null
"$PACT" --db "$T/src.db" export sessions "$T/sessions.csv" 2>/dev/null
"$PACT" --db "$T/empty.db" import sessions "$T/sessions.csv" 2>/dev/null
fill "$V7"
"$PACT" --db "$T/src.db" export ideas "$T/ordered.csv" 2>/dev/null
fill "$V4"
"$PACT" --db "$T/src.db" export ideas "$T/random.csv" 2>/dev/null
rm -f "$T/src.db"
printf 'files: %s rows each, %s MB; median of %s runs\n' "$ROWS" \
	"$(( $(stat -c %s "$T/ordered.csv") / 1048576 ))" "$RUNS"

# The shell doing what pact's import does: the same columns, defaults,
# session lookup (by UUID, else by title) and ON CONFLICT clause.
same_work() {
	cat <<EOF
.import --csv --schema temp $1 t
BEGIN;
INSERT INTO main.idea(uuid, session_id, round_id, cluster_id, text, participant_id, late,
                      created_at, updated_at, merged_into)
SELECT lower(t.id),
       coalesce((SELECT id FROM main.session WHERE uuid = lower(t.session)),
                (SELECT id FROM main.session WHERE title = t.session)),
       (SELECT id FROM main.round WHERE uuid = t.round OR name = t.round),
       (SELECT id FROM main.cluster WHERE uuid = t.cluster OR name = t.cluster),
       t.idea,
       (SELECT id FROM main.participant WHERE uuid = t.participant OR alias = t.participant),
       coalesce(nullif(t.late, ''), 0),
       coalesce(nullif(t.created, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
       coalesce(nullif(t.created, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
       NULL
  FROM temp.t WHERE true
ON CONFLICT(uuid) DO UPDATE SET session_id = excluded.session_id, round_id = excluded.round_id,
  cluster_id = excluded.cluster_id, text = excluded.text, participant_id = excluded.participant_id,
  late = excluded.late, created_at = excluded.created_at, merged_into = excluded.merged_into;
COMMIT;
EOF
}

for f in ordered random; do
	same_work "$T/$f.csv" >"$T/same.sql"
	p=() s=() q=() m=()
	for _ in $(seq "$RUNS"); do
		cp "$T/empty.db" "$T/pact.db"
		read -r t kb < <(measure "$PACT" --db "$T/pact.db" import ideas "$T/$f.csv")
		p+=("$t") m+=("$kb")
		cp "$T/empty.db" "$T/shell.db"
		read -r t _ < <(measure sqlite3 -bail "$T/shell.db" ".read $T/same.sql")
		s+=("$t")
		rm -f "$T/plain.db"
		read -r t _ < <(measure sqlite3 "$T/plain.db" ".import --csv $T/$f.csv t")
		q+=("$t")
	done
	n=$(sqlite3 "$T/pact.db" "SELECT count(*) FROM idea")
	ns=$(sqlite3 "$T/shell.db" "SELECT count(*) FROM idea")
	[ "$n" = "$ROWS" ] && [ "$ns" = "$ROWS" ] || { echo "bench: $f: pact stored $n rows, the shell $ns" >&2; exit 1; }
	awk -v f="$f" -v p="$(median "${p[@]}")" -v s="$(median "${s[@]}")" -v q="$(median "${q[@]}")" \
		-v m="$(largest "${m[@]}")" 'BEGIN {
		printf "import %-7s: pact %6.2f s, shell same work %6.2f s, shell plain .import %6.2f s\n", f, p, s, q
		printf "import %-7s: ratio to same work %.2f (target <= 1.00), to plain .import %.2f (target <= 2.00), pact peak %.1f MB (target < 50)\n",
			f, p / s, p / q, m / 1024 }'
	[ "$f" = ordered ] && cp "$T/pact.db" "$T/exported.db"
done

# Export: the rows pact imported from its own file.
cat >"$T/out.sql" <<EOF
.headers on
.mode csv
.once $T/shell-out.csv
SELECT t.uuid AS id,
       CASE WHEN s.id IN (SELECT a.id FROM main.session a JOIN main.session b
                          ON a.title = b.title AND a.id <> b.id) THEN s.uuid ELSE s.title END AS session,
       r.name AS round, c.name AS cluster, t.text AS idea, pa.alias AS participant, t.late,
       t.created_at AS created, m.uuid AS merged_into
  FROM main.idea t LEFT JOIN main.session s ON s.id = t.session_id
  LEFT JOIN main.round r ON r.id = t.round_id LEFT JOIN main.cluster c ON c.id = t.cluster_id
  LEFT JOIN main.participant pa ON pa.id = t.participant_id LEFT JOIN main.idea m ON m.id = t.merged_into
 ORDER BY t.id;
EOF
p=() s=() m=()
for _ in $(seq "$RUNS"); do
	read -r t kb < <(measure "$PACT" --db "$T/exported.db" export ideas "$T/out.csv")
	p+=("$t") m+=("$kb")
	read -r t _ < <(measure sqlite3 "$T/exported.db" ".read $T/out.sql")
	s+=("$t")
done
cmp -s "$T/ordered.csv" "$T/out.csv" && echo "export after import: byte-identical to the file" ||
	{ echo "export after import: DIFFERS from the file"; exit 1; }
[ "$(wc -l <"$T/shell-out.csv")" = "$(wc -l <"$T/out.csv")" ] || { echo "bench: the shell wrote other rows" >&2; exit 1; }
awk -v p="$(median "${p[@]}")" -v s="$(median "${s[@]}")" -v m="$(largest "${m[@]}")" 'BEGIN {
	printf "export        : pact %6.2f s, shell .mode csv %6.2f s, ratio %.2f (target <= 0.60), pact peak %.1f MB (target < 50)\n",
		p, s, p / s, m / 1024 }'
