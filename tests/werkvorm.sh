# The werkvormen catalogue as a kind of record: the shipped file imports,
# exports byte for byte as it was written, and survives a round trip.

werkvormen_csv=$ROOT/data/werkvormen.csv

t_werkvorm_shipped_file_round_trips() {
	local n
	n=$(($(wc -l <"$werkvormen_csv") - 1))
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$werkvormen_csv"
	expect_rc 0 && expect_in "$T/err" "imported $n work forms" || return 1
	run "$PACT_SAN" --db "$T/a.db" export werkvormen "$T/one.csv"
	expect_rc 0 || return 1
	cmp -s "$werkvormen_csv" "$T/one.csv" || { why "the export differs from the shipped file:"; diff "$werkvormen_csv" "$T/one.csv" | head -10 >&2; return 1; }
	run "$PACT_SAN" --db "$T/b.db" import werkvormen "$T/one.csv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM werkvorm")" = "$n" ] || { why "not every form landed"; return 1; }
	run "$PACT_SAN" --db "$T/b.db" export werkvormen "$T/two.csv"
	expect_rc 0 || return 1
	cmp -s "$T/one.csv" "$T/two.csv" || { why "export → import → export changed the file:"; diff "$T/one.csv" "$T/two.csv" | head -10 >&2; return 1; }
}

t_werkvorm_excel_round_trip() {
	"$PACT_SAN" --db "$T/a.db" import werkvormen "$werkvormen_csv" 2>/dev/null || { why "import"; return 1; }
	run "$PACT_SAN" --lang nl --db "$T/a.db" export werkvormen "$T/one.csv" --excel
	expect_rc 0 && expect_in "$T/one.csv" "Wijkschouw;" || return 1
	run "$PACT_SAN" --db "$T/b.db" import werkvormen "$T/one.csv"
	expect_rc 0 || return 1
	"$PACT_SAN" --lang nl --db "$T/b.db" export werkvormen "$T/two.csv" --excel 2>/dev/null &&
		cmp -s "$T/one.csv" "$T/two.csv" || { why "the Excel round trip changed the file"; return 1; }
}

t_werkvorm_import_is_idempotent() {
	local n
	n=$(($(wc -l <"$werkvormen_csv") - 1))
	"$PACT_SAN" --db "$T/a.db" import werkvormen "$werkvormen_csv" 2>/dev/null || { why "first import"; return 1; }
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$werkvormen_csv"
	expect_rc 0 && expect_in "$T/err" "(0 new, $n updated)" || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM werkvorm")" = "$n" ]
}

t_werkvorm_short_file_gets_defaults() {
	printf 'name,rungs\nBuurtlunch,raadplegen\n' >"$T/w.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/w.csv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT name_nl || '|' || min_group || '|' || max_group || '|' || minutes || '|' || cost || '|' || low_literacy || '|' || mode FROM werkvorm WHERE name = 'Buurtlunch'")" = "|1|1000|60|low|0|offline" ] ||
		{ why "defaults: $(sqlite3 "$T/a.db" "SELECT * FROM werkvorm")"; return 1; }
}

t_werkvorm_refusals_name_the_place() {
	printf 'name,cost\nBuurtlunch,gratis\n' >"$T/a.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/a.csv"
	expect_rc 3 && expect_in "$T/err" "$T/a.csv:2:2: column 'cost'" && expect_in "$T/err" "low, medium, high" || return 1
	printf 'name,min_group\nBuurtlunch,0\n' >"$T/b.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/b.csv"
	expect_rc 3 && expect_in "$T/err" "$T/b.csv:2:2: column 'min_group'" || return 1
	printf 'name,mode\nBuurtlunch,telefoon\n' >"$T/c.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/c.csv"
	expect_rc 3 && expect_in "$T/err" "$T/c.csv:2:2: column 'mode'" || return 1
	printf 'rungs\nraadplegen\n' >"$T/d.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/d.csv"
	expect_rc 3 && expect_in "$T/err" "the column 'name' is missing" || return 1
	printf 'name,min_group,max_group\nBuurtlunch,10,5\n' >"$T/e.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/e.csv"
	expect_rc 3 && expect_in "$T/err" "$T/e.csv:2: this row cannot be stored" || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM werkvorm WHERE name = 'Buurtlunch'")" = 0 ] || { why "a refused row landed"; return 1; }
}

t_werkvorm_in_export_list() {
	run "$PACT_SAN" export --list
	expect_rc 0 && expect_in "$T/out" "werkvormen — " && expect_in "$T/out" "online, offline, both"
}
