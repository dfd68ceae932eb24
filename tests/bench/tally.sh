#!/usr/bin/env bash
# Benchmark: pact tally on 100,000 voters with 50 options (dot, borda, irv,
# schulze) and 50 projects (pb-greedy, pb-mes with --complete none and
# add1). The aim is under 1 second each; the script prints the figures.
# Ranked ballots rank 10 of the 50 options (a long ballot for a room);
# dot ballots spread 5 dots; approval ballots approve 8 projects.
set -eu
cd "$(dirname "$0")/../.."
PACT=$PWD/pact
VOTERS=${VOTERS:-100000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Seeded pseudo-random ballots, made by sqlite3 (no other tools needed).
make_ballots() { # KIND FILE: ranked | dots | approvals
	local per value
	case $1 in
	ranked) per=10 value="r.k" ;;
	dots) per=5 value="1" ;;
	approvals) per=8 value="1" ;;
	esac
	sqlite3 :memory: "
		CREATE TABLE v(x INTEGER PRIMARY KEY);
		WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $VOTERS) INSERT INTO v SELECT x FROM c;
		CREATE TABLE k(k INTEGER PRIMARY KEY);
		WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c LIMIT $per) INSERT INTO k SELECT k FROM c;" \
		".headers on" ".mode csv" ".once $2" "
		SELECT 'voter ' || v.x AS voter,
		       'option ' || (((v.x * 7919 + r.k * (v.x % 13 + 1) * 31) % 50 + 50) % 50 + 1) AS option,
		       $value AS value
		FROM v JOIN k r ORDER BY v.x, r.k;"
}

make_ballots ranked "$T/ranked.csv"
make_ballots dots "$T/dots.csv"
make_ballots approvals "$T/approvals.csv"
{ echo "option,cost"; for i in $(seq 1 50); do echo "option $i,$(( (i * 37) % 90 * 1000 + 5000 ))"; done; } >"$T/projects.csv"

# Ranked ballots above may repeat an option on one ballot; keep the first.
for f in ranked dots approvals; do
	awk -F, 'NR == 1 || !seen[$1 FS $2]++' "$T/$f.csv" >"$T/$f.u.csv"
done

measure() {
	local label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$T/time" "$PACT" tally "$@" --format csv >/dev/null
	read -r s kb <"$T/time"
	awk -v l="$label" -v s="$s" -v kb="$kb" 'BEGIN { printf "%-28s %6.2f s  peak %6.1f MB\n", l, s, kb / 1024 }'
}

echo "pact tally, $VOTERS voters:"
measure "dot (50 options)" --method dot --ballots "$T/dots.u.csv" --dots 5
measure "borda (50 options)" --method borda --ballots "$T/ranked.u.csv"
measure "irv (50 options)" --method irv --ballots "$T/ranked.u.csv"
measure "schulze (50 options)" --method schulze --ballots "$T/ranked.u.csv"
measure "pb-greedy (50 projects)" --method pb-greedy --ballots "$T/approvals.u.csv" --options "$T/projects.csv" --budget 1000000
measure "pb-mes, complete none" --method pb-mes --complete none --ballots "$T/approvals.u.csv" --options "$T/projects.csv" --budget 1000000
measure "pb-mes, complete add1" --method pb-mes --complete add1 --ballots "$T/approvals.u.csv" --options "$T/projects.csv" --budget 1000000
