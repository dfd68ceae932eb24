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

# Schema 13: the type (werkvorm or communicatie) and the core mark are the
# last two columns; they survive export → edit → import, and a merge.
t_werkvorm_core_and_type_round_trip() {
	"$PACT_PLAIN" --db "$T/a.db" import werkvormen "$werkvormen_csv" 2>/dev/null || { why "import"; return 1; }
	run "$PACT_SAN" --db "$T/a.db" export werkvormen "$T/one.csv"
	expect_rc 0 || return 1
	[ "$(head -1 "$T/one.csv")" = "id,name,name_nl,description,description_nl,rungs,min_group,max_group,minutes,cost,low_literacy,mode,type,core" ] || { why "header: $(head -1 "$T/one.csv")"; return 1; }
	grep -q '^3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f04,Dropping,.*,communicatie,0$' "$T/one.csv" || { why "the dropping is no communication means"; return 1; }
	grep -q '^3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f03,Neighbourhood walk,.*,werkvorm,1$' "$T/one.csv" || { why "the neighbourhood walk is not core"; return 1; }
	# the programme picks its own ten: Survey in, Neighbourhood walk out
	sed -e '/^3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f02,Survey,/s/,werkvorm,0$/,werkvorm,1/' \
	    -e '/^3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f03,/s/,werkvorm,1$/,werkvorm,0/' "$T/one.csv" >"$T/edited.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/edited.csv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT group_concat(name, '|') FROM (SELECT name FROM werkvorm WHERE core = 1 AND name IN ('Survey', 'Neighbourhood walk') ORDER BY name)") $(sqlite3 "$T/a.db" "SELECT count(*) FROM werkvorm WHERE core = 1")" = "Survey 10" ] || { why "the edited marks did not land"; return 1; }
	run "$PACT_SAN" --db "$T/b.db" merge "$T/a.db"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT core || type FROM werkvorm WHERE name = 'Survey'")|$(sqlite3 "$T/b.db" "SELECT core || type FROM werkvorm WHERE name = 'Neighbourhood walk'")|$(sqlite3 "$T/b.db" "SELECT group_concat(name_nl, ',') FROM (SELECT name_nl FROM werkvorm WHERE type = 'communicatie' ORDER BY name_nl)")" = "1werkvorm|0werkvorm|(No)escaperoom,Beeldtaal,Dropping,Placemat,Raadsbijeenkomst,Snapchat" ] ||
		{ why "the merge: $(sqlite3 "$T/b.db" "SELECT name, type, core FROM werkvorm WHERE core = 1 OR type = 'communicatie'")"; return 1; }
}

# A CSV written before schema 13 has neither column: new forms get the
# defaults (a work form, not core), forms already there keep theirs.
t_werkvorm_older_csv_without_type_and_core() {
	"$PACT_PLAIN" --db "$T/a.db" import werkvormen "$werkvormen_csv" 2>/dev/null || { why "import"; return 1; }
	printf '%s\n' 'id,name,name_nl,description,description_nl,rungs,min_group,max_group,minutes,cost,low_literacy,mode' \
		'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f04,Dropping,Dropping,Our text.,Onze tekst.,,4,40,180,low,1,offline' \
		'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f03,Neighbourhood walk,Wijkschouw,A walk.,Een wandeling.,raadplegen,5,25,90,low,1,offline' \
		'a0000000-0000-4000-8000-000000000001,Buurtlunch,Buurtlunch,Lunch.,Lunch.,raadplegen,5,30,90,low,1,offline' >"$T/old.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/old.csv"
	expect_rc 0 && expect_in "$T/err" "(1 new, 2 updated)" || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT group_concat(name || ':' || type || ':' || core || ':' || description, '|') FROM (SELECT * FROM werkvorm WHERE name IN ('Dropping', 'Neighbourhood walk', 'Buurtlunch') ORDER BY name)")" = "Buurtlunch:werkvorm:0:Lunch.|Dropping:communicatie:0:Our text.|Neighbourhood walk:werkvorm:1:A walk." ] ||
		{ why "got: $(sqlite3 "$T/a.db" "SELECT name, type, core FROM werkvorm WHERE name IN ('Dropping', 'Neighbourhood walk', 'Buurtlunch')")"; return 1; }
}

# A communication means cannot be a core work form, and the type is one of
# two words: refused with the place.
t_werkvorm_type_and_core_refusals() {
	printf 'name,type\nBuurtlunch,middel\n' >"$T/a.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/a.csv"
	expect_rc 3 && expect_in "$T/err" "$T/a.csv:2:2: column 'type'" && expect_in "$T/err" "werkvorm, communicatie" || return 1
	printf 'name,type,core\nFlyer,communicatie,1\n' >"$T/b.csv"
	run "$PACT_SAN" --db "$T/a.db" import werkvormen "$T/b.csv"
	expect_rc 3 && expect_in "$T/err" "$T/b.csv:2: this row cannot be stored" || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM werkvorm WHERE name IN ('Buurtlunch', 'Flyer')")" = 0 ] || { why "a refused row landed"; return 1; }
}
