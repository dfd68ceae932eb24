# CSV import, export and merge for every kind: round trips (plain and
# --excel), refusals with FILE:LINE:COLUMN, atomicity, idempotency, merging.

kinds_in_order="sessions participants rounds clusters ideas budgets costs experiments evaluations"

# A database with one of everything, made through the screens' own core
# (the command line and a little SQL for what has no command yet).
fill_db() {
	local db=$1
	"$PACT_SAN" --db "$db" session new "Wijkavond Noord" --question 'Hoe, "waarom"; en wanneer?' --date 2026-11-27 >/dev/null &&
	"$PACT_SAN" --db "$db" session new "Wijkavond Noord" --date 2026-11-28 >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, name, consent, role, wijk, age_band)
		VALUES ('5b0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Ans', 'Ans de Vries', 1, 'resident', 'Oost', '30-44');
		INSERT INTO round(uuid, session_id, name, seconds) VALUES ('1c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Diverge', 300),
		('2c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Diverge', 120);
		INSERT INTO cluster(uuid, session_id, name) VALUES ('3c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, '=Groen');" || return 1
	"$PACT_SAN" --db "$db" idea add 1 'Bankjes, "veel"
op twee regels' --participant Ans >/dev/null &&
	"$PACT_SAN" --db "$db" idea add 1 '+31 bellen; coöperatie € 250 🌱' >/dev/null &&
	"$PACT_SAN" --db "$db" idea add 2 '@iedereen: -5 graden' >/dev/null || return 1
	sqlite3 "$db" "UPDATE idea SET cluster_id = 1, round_id = 2 WHERE id = 1; UPDATE idea SET merged_into = 1 WHERE id = 2" || return 1
	# The experiment board: two pots, three cards (one with a pot and
	# amounts, one with lines and quotes), one evaluation.
	sqlite3 "$db" "INSERT INTO budget_pot(uuid, name, year, amount) VALUES
		('4c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 'Pact met de stad', 2019, 10000000),
		('5c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 'Open Schiedam', 2019, 15000000);
		INSERT INTO experiment(uuid, title, description, track, owner, rung, werkvorm, start_date, end_date, pot_id, planned, spent, reached, groups, status, position, created_at, updated_at) VALUES
		('6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 'Woonvisie in co-design', 'Met \"bewoners\",
en ondernemers', 'visions', 'Fatima', 'coproduceren', 'Co-design studio', '2019-03-01', '2019-09-30', 1, 1250050, 990000, 140, 'residents entrepreneurs', 'anchored', 1, '2019-02-01T10:00:00Z', '2019-02-01T10:00:00Z'),
		('7c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 'Ideeënloodser', '', 'contact', 'Jan', '', '', NULL, NULL, NULL, 0, 0, 0, '', 'running', 1, '2019-04-01T10:00:00Z', '2019-04-01T10:00:00Z'),
		('8c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', '=Loslaten', '', 'letting-go', '', '', '', NULL, NULL, 2, 5, 0, 0, '', 'idea', 1, '2019-05-01T10:00:00Z', '2019-05-01T10:00:00Z');
		INSERT INTO evaluation(uuid, experiment_id, goal, participants, who, worked, not_worked, dos, donts, repeat, learnings, evaluated_by, date) VALUES
		('9c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 4, 140, 'bewoners, ondernemers', 'Samen tekenen', 'Te laat begonnen', 'Begin klein', 'Geen jargon
op de uitnodiging', 'changes', 'Loslaten werkt', 'Versnellerspool', '2019-10-15');
		INSERT INTO pot_cost(uuid, pot_id, description, date, amount, created_at, updated_at) VALUES
		('ac0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Handreiking \"Samenwerken\"; drukwerk', '2019-03-01', 1250001, '2019-03-02T09:00:00Z', '2019-03-02T09:00:00Z');"
}

# export every kind from db into dir (extra options after)
export_all() {
	local db=$1 dir=$2 k
	shift 2
	mkdir -p "$dir"
	for k in $kinds_in_order; do
		"$PACT_SAN" --db "$db" export "$k" "$dir/$k.csv" "$@" 2>/dev/null || { why "export $k failed"; return 1; }
	done
}

import_all() {
	local db=$1 dir=$2 k
	shift 2
	for k in $kinds_in_order; do
		run "$PACT_SAN" --db "$db" import "$k" "$dir/$k.csv" "$@"
		expect_rc 0 || { why "import $k"; return 1; }
	done
}

same_files() {
	local a=$1 b=$2 k
	for k in $kinds_in_order; do
		cmp -s "$a/$k.csv" "$b/$k.csv" || { why "$k differs after the round trip:"; diff "$a/$k.csv" "$b/$k.csv" | head -10 >&2; return 1; }
	done
}

t_records_round_trip_every_kind() {
	fill_db "$T/a.db" && export_all "$T/a.db" "$T/one" --with-names || return 1
	[ "$(wc -l <"$T/one/ideas.csv")" -ge 4 ] || { why "ideas export too short"; return 1; }
	import_all "$T/b.db" "$T/one" && export_all "$T/b.db" "$T/two" --with-names && same_files "$T/one" "$T/two"
}

t_records_round_trip_excel() {
	fill_db "$T/a.db" && LANGUAGE=nl export_all "$T/a.db" "$T/one" --excel --with-names || return 1
	head -c 3 "$T/one/ideas.csv" | od -An -tx1 | grep -q "ef bb bf" || { why "no BOM"; return 1; }
	grep -q $'\r$' "$T/one/ideas.csv" || { why "no CRLF"; return 1; }
	grep -q "'+31 bellen" "$T/one/ideas.csv" && grep -q "'=Groen" "$T/one/clusters.csv" && grep -q "'@iedereen" "$T/one/ideas.csv" ||
		{ why "formulas not neutralised"; return 1; }
	head -1 "$T/one/ideas.csv" | grep -q ';' || { why "not ';'"; return 1; }
	grep -q '125005,00\|12500,50' "$T/one/experiments.csv" || { why "Dutch Excel amounts: $(grep -o '[0-9]*[,.][0-9][0-9]' "$T/one/experiments.csv" | head -3)"; return 1; }
	import_all "$T/b.db" "$T/one" && LANGUAGE=nl export_all "$T/b.db" "$T/two" --excel --with-names && same_files "$T/one" "$T/two" || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT name FROM cluster")" = "=Groen" ] || { why "the ' was not taken off on import"; return 1; }
	# English Excel: ',' between fields and a decimal point, read back the same
	export_all "$T/a.db" "$T/en" --excel --with-names || return 1
	head -1 "$T/en/ideas.csv" | grep -q ';' && { why "English Excel got ';'"; return 1; }
	grep -q '12500\.50' "$T/en/experiments.csv" || { why "English Excel amounts"; return 1; }
	import_all "$T/c.db" "$T/en" && LANGUAGE=nl export_all "$T/c.db" "$T/three" --excel --with-names && same_files "$T/one" "$T/three"
}

t_records_names_only_with_consent_flag() {
	fill_db "$T/a.db" || return 1
	"$PACT_SAN" --db "$T/a.db" export participants "$T/p.csv" 2>/dev/null || return 1
	grep -q "de Vries" "$T/p.csv" && { why "a name was exported without --with-names"; return 1; }
	head -1 "$T/p.csv" | grep -q ",name," && { why "name column without --with-names"; return 1; }
	"$PACT_SAN" --db "$T/a.db" export participants "$T/p2.csv" --with-names 2>/dev/null && grep -q "Ans de Vries" "$T/p2.csv"
}

# With --with-names: without it, participants shared by fewer than five are
# generalised or left out (tests/privacy.sh), and such a file is for
# reading, not for bringing records back.
t_records_import_is_idempotent() {
	fill_db "$T/a.db" && export_all "$T/a.db" "$T/one" --with-names || return 1
	import_all "$T/b.db" "$T/one" && import_all "$T/b.db" "$T/one" || return 1
	expect_in "$T/err" "(0 new, 1 updated)" || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM idea")" = 3 ] || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM experiment")" = 3 ] || return 1
	[ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM evaluation")" = 1 ]
}

t_records_import_is_atomic() {
	local i before
	"$PACT_SAN" session new "Groot" >/dev/null || return 1
	{ echo "session,idea"; for i in $(seq 1 5000); do echo "Groot,idee $i"; done; echo "Groot,"; } >"$T/bad.csv"
	before=$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM idea")
	run "$PACT_SAN" import ideas "$T/bad.csv"
	expect_rc 3 && expect_in "$T/err" "$T/bad.csv:5002:2: column 'idea': empty" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM idea")" = "$before" ] || { why "part of the file landed"; return 1; }
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "PRAGMA integrity_check")" = ok ]
}

t_records_refusals_name_the_place() {
	"$PACT_SAN" session new "Wijk" >/dev/null || return 1
	printf 'session;idea;colour\nWijk;x;rood\n' >"$T/a.csv"
	run "$PACT_SAN" import ideas "$T/a.csv"
	expect_rc 3 && expect_in "$T/err" "$T/a.csv:1:3: unknown column 'colour'; the columns of ideas are: id, session, round" || return 1
	printf 'session\nWijk\n' >"$T/b.csv"
	run "$PACT_SAN" import ideas "$T/b.csv"
	expect_rc 3 && expect_in "$T/err" "the column 'idea' is missing" || return 1
	printf 'IDEA,Session,late\r\n"een, twee",Wijk,misschien\r\n' >"$T/c.csv"
	run "$PACT_SAN" import ideas "$T/c.csv"
	expect_rc 3 && expect_in "$T/err" "$T/c.csv:2:3: column 'late': 'misschien' is not yes or no" || return 1
	printf 'session,idea\nNergens,x\n' >"$T/d.csv"
	run "$PACT_SAN" import ideas "$T/d.csv"
	expect_rc 3 && expect_in "$T/err" "$T/d.csv:2:1: column 'session': no session 'Nergens'" || return 1
	printf 'session,idea\nWijk,caf\351\n' >"$T/e.csv"
	run "$PACT_SAN" import ideas "$T/e.csv"
	expect_rc 3 && expect_in "$T/err" "$T/e.csv:2:2: not valid UTF-8" && expect_in "$T/err" "--encoding cp1252" || return 1
	run "$PACT_SAN" import ideas "$T/e.csv" --encoding cp1252
	expect_rc 0 && [ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT text FROM idea")" = "café" ] || { why "cp1252 not converted"; return 1; }
	printf 'date,title\n31-02-2026,X\n' >"$T/f.csv"
	run "$PACT_SAN" import sessions "$T/f.csv"
	expect_rc 3 && expect_in "$T/err" "$T/f.csv:2:1: column 'date'" || return 1
	run "$PACT_SAN" import nonsense "$T/f.csv"
	expect_rc 2 && expect_in "$T/err" "unknown kind 'nonsense'" || return 1
	: >"$T/empty.csv"
	run "$PACT_SAN" import ideas "$T/empty.csv"
	expect_rc 3 && expect_in "$T/err" "the file is empty; it starts with a header row with: "
}

t_records_delimiters_and_dates() {
	printf '\357\273\277title\tdate\tarchived\r\n"tab\tin titel"\t27-11-2026\tja\r\n' >"$T/s.tsv"
	run "$PACT_SAN" import sessions "$T/s.tsv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT date || '|' || archived FROM session")" = "2026-11-27|1" ] || { why "dates or yes/no"; return 1; }
	printf 'title;date\nA;2026-01-02\n' >"$T/s.csv"
	run "$PACT_SAN" import sessions "$T/s.csv" --delimiter ,
	expect_rc 3 && expect_in "$T/err" "$T/s.csv:1:1: unknown column 'title;date'" || return 1
	run "$PACT_SAN" import sessions "$T/s.csv" --delimiter ';'
	expect_rc 0
}

t_records_stdin_and_stdout() {
	fill_db "$T/a.db" || return 1
	"$PACT_SAN" --db "$T/a.db" export sessions - >"$T/s.csv" 2>/dev/null || return 1
	"$PACT_SAN" --db "$T/b.db" import sessions - <"$T/s.csv" 2>/dev/null || { why "import from stdin"; return 1; }
	[ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM session")" = 2 ]
}

t_records_export_list() {
	run "$PACT_SAN" export --list
	expect_rc 0 && for k in $kinds_in_order; do expect_in "$T/out" "$k — " || return 1; done
	expect_in "$T/out" "role" && expect_in "$T/out" "resident, entrepreneur"
}

# export --list says what a reference cell takes in words of the language
# ("UUID or name of a session", "UUID of naam van een sessie"), never by a
# table's name (budget_pot) pasted after "a".
t_records_export_list_names_references() {
	run "$PACT_SAN" export --list
	expect_rc 0 && expect_in "$T/out" "  session      UUID or name of a session (required)" &&
		expect_in "$T/out" "  round        UUID or name of a round in the same session" &&
		expect_in "$T/out" "  merged_into  UUID of an idea" &&
		expect_in "$T/out" "  budget       UUID of a budget pot" &&
		expect_in "$T/out" "  experiment   UUID of an experiment" &&
		expect_in "$T/out" "  advice       UUID or question of an advice (exactly one of experiment, session, advice)" &&
		expect_in "$T/out" "  experiment   UUID or title of an experiment (exactly one of session, experiment)" || return 1
	if grep -nE "budget_pot|of a (idea|experiment|advice|evaluation)\b" "$T/out" >"$T/found"; then
		why "a table's name in export --list: $(cat "$T/found")"
		return 1
	fi
	run "$PACT_SAN" --lang nl export --list
	expect_rc 0 && expect_in "$T/out" "  session      UUID of naam van een sessie (verplicht)" &&
		expect_in "$T/out" "  participant  UUID of alias van een deelnemer in dezelfde sessie" &&
		expect_in "$T/out" "  merged_into  UUID van een idee" &&
		expect_in "$T/out" "  budget       UUID van een budgetpot" || return 1
	if grep -nE "budget_pot|van een (session|round|participant|idea|evaluation)\b" "$T/out" >"$T/found"; then
		why "an English table's name in the Dutch export --list: $(cat "$T/found")"
		return 1
	fi
}

# The Import form counts what it imported with the kind's noun in the
# language, agreeing with the number: "Imported 1 idea", "Imported 3 ideas",
# "1 idee geïmporteerd", "3 ideeën geïmporteerd".
t_tmux_import_counts_agree() {
	local lang PANE
	"$PACT" session new "Wijkavond" >/dev/null || return 1
	printf 'session,idea\nWijkavond,Bankjes\n' >"$T/een.csv"
	printf 'session,idea\nWijkavond,Groen\nWijkavond,Licht\nWijkavond,Moestuin\n' >"$T/drie.csv"
	for lang in en nl; do
		PANE=$lang
		start_pact 80x24 LANG=C.UTF-8 -- --lang $lang brainstorm || return 1
		wait_for "Wijkavond" && tm send-keys -t $lang Escape I && wait_for "< ide" || return 1
		tm send-keys -t $lang Tab C-u "$T/een.csv" C-d || return 1
		if [ $lang = en ]; then wait_for "Imported 1 idea (1 new, 0 updated)"; else wait_for "1 idee geïmporteerd (1 nieuw, 0 bijgewerkt)"; fi || return 1
		tm send-keys -t $lang I && wait_for "< ide" && tm send-keys -t $lang Tab C-u "$T/drie.csv" C-d || return 1
		if [ $lang = en ]; then wait_for "Imported 3 ideas (3 new, 0 updated)"; else wait_for "3 ideeën geïmporteerd (3 nieuw, 0 bijgewerkt)"; fi || return 1
		tm send-keys -t $lang Escape q && wait_exit 0 || return 1
	done
}

t_records_merge_twice_changes_nothing() {
	fill_db "$T/other.db" || return 1
	"$PACT_SAN" --db "$T/mine.db" session new "Eigen sessie" >/dev/null || return 1
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/other.db"
	expect_rc 0 && expect_in "$T/err" "ideas: 3 new, 0 updated" || return 1
	sqlite3 "$T/mine.db" .dump >"$T/first.sql"
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/other.db"
	expect_rc 0 && expect_in "$T/err" "ideas: 0 new, 3 updated" || return 1
	sqlite3 "$T/mine.db" .dump >"$T/second.sql"
	cmp -s "$T/first.sql" "$T/second.sql" || { why "the second merge changed something"; diff "$T/first.sql" "$T/second.sql" | head >&2; return 1; }
	[ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM session")" = 3 ] &&
		[ "$(sqlite3 "$T/mine.db" "SELECT name FROM participant")" = "Ans de Vries" ] &&
		[ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea WHERE merged_into IS NOT NULL")" = 1 ] || { why "merged content"; return 1; }
}

t_records_merge_refuses_newer_or_foreign_files() {
	sqlite3 "$T/future.db" "CREATE TABLE x(y); PRAGMA user_version = 99;" || return 1
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/future.db"
	expect_rc 4 && expect_in "$T/err" "newer pact" || return 1
	echo "hallo" >"$T/notes.txt"
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/notes.txt"
	expect_rc 4 && expect_in "$T/err" "not a pact database" || return 1
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/missing.db"
	expect_rc 4 && expect_in "$T/err" "cannot open"
}

t_tmux_import_and_export_keys() {
	"$PACT" session new "Eerste" >/dev/null && "$PACT" session new "Tweede" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm || return 1
	wait_for "Tweede" && tm send-keys -t p E && wait_for "Export as CSV" && wait_for "< ideas >" || return 1
	tm send-keys -t p Left Left Left Left && wait_for "< sessions >" || return 1
	tm send-keys -t p Tab C-u "$T/s.csv" C-d && wait_for "Exported 2 sessions to $T/s.csv" || return 1
	printf 'title,date\nDerde uit Excel,03-12-2026\n' >>"$T/new.csv"
	tm send-keys -t p I && wait_for "Import from CSV" && tm send-keys -t p Left Left Left Left && wait_for "< sessions >" || return 1
	tm send-keys -t p Tab C-u "$T/new.csv" C-d && wait_for "Imported 1 session (1 new, 0 updated)" && wait_for "Derde uit Excel" || return 1
	printf 'title,date\nKapot,32-12-2026\n' >"$T/bad.csv"
	tm send-keys -t p I && wait_for "Import from CSV" && tm send-keys -t p Left Left Left Left Tab C-u "$T/bad.csv" C-d &&
		wait_for "bad.csv:2:2: column 'date'" || return 1
	tm send-keys -t p Escape && wait_for "Close the form" && tm send-keys -t p y && wait_gone "Import from CSV" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Issue 7: experiments and evaluations travel through the CSV registry;
# a wrong cell is named by file, line, column and field, and nothing lands.
t_records_board_kinds_refuse_bad_cells() {
	local f=$T/ev.csv
	fill_db "$T/a.db" || return 1
	printf 'experiment,goal,repeat,evaluated_by\n7c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,9,yes,Pool\n' >"$f"
	run "$PACT_SAN" --db "$T/a.db" import evaluations "$f"
	expect_rc 3 && expect_in "$T/err" "$f:2:2" && expect_in "$T/err" "goal" || return 1
	printf 'experiment,goal,repeat,evaluated_by\n7c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,3,misschien,Pool\n' >"$f"
	run "$PACT_SAN" --db "$T/a.db" import evaluations "$f"
	expect_rc 3 && expect_in "$T/err" "$f:2:3" && expect_in "$T/err" "repeat" || return 1
	printf 'title,track,planned\nNieuw,loslaten,10\n' >"$T/ex.csv"
	run "$PACT_SAN" --db "$T/a.db" import experiments "$T/ex.csv"
	expect_rc 3 && expect_in "$T/err" "$T/ex.csv:2:2" && expect_in "$T/err" "track" || return 1
	[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM experiment")" = 3 ] && [ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM evaluation")" = 1 ] ||
		{ why "a refused import left rows"; return 1; }
	printf 'title,track,planned\nNieuw,letting-go,"1.234,56"\n' >"$T/ex.csv"
	run "$PACT_SAN" --db "$T/a.db" import experiments "$T/ex.csv"
	expect_rc 0 && [ "$(sqlite3 "$T/a.db" "SELECT planned || '|' || status FROM experiment WHERE title = 'Nieuw'")" = "123456|idea" ] ||
		{ why "good import: $(cat "$T/err")"; return 1; }
}

# Costs outside the experiments: a pot by name (or by UUID where two
# years share the name); each wrong cell is named by file, line, column
# and field, and a file with one wrong row leaves nothing.
t_records_costs_by_pot_and_refusals() {
	local db=$T/a.db f=$T/c.csv
	fill_db "$db" || return 1
	printf 'budget,description,date,amount\nOpen Schiedam,Begeleiding organisatie,1-4-2019,"2.500,50"\nPact met de stad,Werkvormen ontwikkelen,2019-05-01,100\n' >"$f"
	run "$PACT_SAN" --db "$db" import costs "$f"
	expect_rc 0 && expect_in "$T/err" "imported 2 costs (2 new, 0 updated)" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(p.name || ' ' || c.date || ' ' || c.amount, '; ') FROM (SELECT * FROM pot_cost ORDER BY date) c JOIN budget_pot p ON p.id = c.pot_id")" = \
		"Pact met de stad 2019-03-01 1250001; Open Schiedam 2019-04-01 250050; Pact met de stad 2019-05-01 10000" ] || { why "costs: $(sqlite3 "$db" "SELECT * FROM pot_cost")"; return 1; }
	run "$PACT_SAN" --db "$db" export costs -
	expect_rc 0 && expect_in "$T/out" "id,budget,description,date,amount,created" &&
		expect_in "$T/out" ",Open Schiedam,Begeleiding organisatie,2019-04-01,2500.50," || return 1
	for bad in 'Nergens,X,2019-01-01,1|1|budget|no budget pot '"'"'Nergens'"'" \
		'Open Schiedam, ,2019-01-01,1|2|description|empty' \
		'Open Schiedam,X,31-2-2019,1|3|date|' \
		'Open Schiedam,X,2019-01-01,veel|4|amount|' \
		'Open Schiedam,X,2019-01-01,-5|4|amount|'; do
		printf 'budget,description,date,amount\nOpen Schiedam,Goed,2019-01-01,1\n%s\n' "${bad%%|*}" >"$f"
		run "$PACT_SAN" --db "$db" import costs "$f"
		local rest=${bad#*|} col=${bad#*|}
		col=${col%%|*} rest=${rest#*|}
		expect_rc 3 && expect_in "$T/err" "$f:3:$col: column '${rest%%|*}'" && expect_in "$T/err" "${rest#*|}" || return 1
	done
	[ "$(sqlite3 "$db" "SELECT count(*) FROM pot_cost")" = 3 ] || { why "a refused file left rows"; return 1; }
	# two pots called the same: the name is refused, the UUID taken
	sqlite3 "$db" "INSERT INTO budget_pot(uuid, name, year, amount) VALUES ('bc0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 'Open Schiedam', 2020, 0)" || return 1
	printf 'budget,description,date,amount\nOpen Schiedam,X,2020-01-01,1\n' >"$f"
	run "$PACT_SAN" --db "$db" import costs "$f"
	expect_rc 3 && expect_in "$T/err" "$f:2:1: column 'budget': more than one budget pot is called 'Open Schiedam'; give its UUID instead" || return 1
	printf 'budget,description,date,amount\nbc0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,X,2020-01-01,1\n' >"$f"
	run "$PACT_SAN" --db "$db" import costs "$f"
	expect_rc 0 && [ "$(sqlite3 "$db" "SELECT p.year FROM pot_cost c JOIN budget_pot p ON p.id = c.pot_id WHERE c.description = 'X'")" = 2020 ] || return 1
	# the export names a pot by its UUID where its name is not unique
	run "$PACT_SAN" --db "$db" export costs -
	expect_in "$T/out" ",bc0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,X,2020-01-01,1.00," || return 1
}

# A million ideas, to make an export that takes a while.
big_db() {
	"$PACT_SAN" --db "$1" session new Groot >/dev/null &&
	sqlite3 "$1" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
		INSERT INTO idea(uuid, session_id, text, created_at, updated_at)
		SELECT printf('00000000-0000-4000-8000-%012d', i), 1, 'idee nummer ' || i,
		'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n"
}

# Wait until process $1 holds a file in folder $2 with more than 100 kB.
wait_mid_write() {
	local pid=$1 dir=$2 i fd size
	for i in $(seq 1 1200); do
		for fd in /proc/"$pid"/fd/*; do
			case $(readlink "$fd" 2>/dev/null) in
			"$dir/"*) size=$(stat -Lc %s "$fd" 2>/dev/null) && [ "$size" -gt 100000 ] && return 0 ;;
			esac
		done
		sleep 0.05
	done
	return 1
}

# kill -9 in the middle of a big export: the folder holds no partial or
# hidden file and the file it was to replace is untouched; the next export
# writes it whole.
t_records_export_killed_leaves_nothing() {
	local pid
	big_db "$T/big.db" || return 1
	mkdir "$T/exp" && printf 'oud,bestand\n' >"$T/exp/ideas.csv" || return 1
	"$PACT_SAN" --db "$T/big.db" export ideas "$T/exp/ideas.csv" --with-names 2>/dev/null &
	pid=$!
	wait_mid_write $pid "$T/exp" || { kill -9 $pid; why "never saw the export mid-write"; return 1; }
	kill -9 $pid
	wait $pid 2>/dev/null
	[ "$(ls -A "$T/exp")" = ideas.csv ] || { why "left behind: $(ls -A "$T/exp" | tr '\n' ' ')"; return 1; }
	[ "$(cat "$T/exp/ideas.csv")" = "oud,bestand" ] || { why "the old file was touched"; return 1; }
	run "$PACT_PLAIN" --db "$T/big.db" export ideas "$T/exp/ideas.csv" --with-names
	expect_rc 0 || return 1
	[ "$(ls -A "$T/exp")" = ideas.csv ] || { why "left behind: $(ls -A "$T/exp" | tr '\n' ' ')"; return 1; }
	[ "$(wc -l <"$T/exp/ideas.csv")" = 1000001 ] && tail -1 "$T/exp/ideas.csv" | grep -q 'idee nummer 1000000' ||
		{ why "not whole: $(wc -l <"$T/exp/ideas.csv") lines"; return 1; }
	[ "$(stat -c %a "$T/exp/ideas.csv")" = 644 ] || { why "mode $(stat -c %a "$T/exp/ideas.csv")"; return 1; }
}

# A new export file may hold personal data: only its owner may read it.
t_records_export_new_file_is_private() {
	"$PACT_SAN" session new "Wijk" >/dev/null && "$PACT_SAN" idea add 1 "x" >/dev/null || return 1
	run "$PACT_SAN" export participants "$T/p.csv" --with-names
	expect_rc 0 && [ "$(stat -c %a "$T/p.csv")" = 600 ] || { why "mode $(stat -c %a "$T/p.csv")"; return 1; }
}

# The export form's Excel choice names the delimiter it writes, in each
# language, and the file has it: Dutch ';', English ','.
t_tmux_export_excel_names_its_delimiter() {
	local lang label d
	"$PACT" session new "Eerste" >/dev/null && "$PACT" idea add 1 "Meer groen" >/dev/null && "$PACT" idea add 1 "Bankjes" >/dev/null || return 1
	for lang in nl en; do
		label="For Excel (,)" d=','
		[ $lang = nl ] && label="Voor Excel (;)" d=';'
		PANE=$lang start_pact 100x30 LANG=C.UTF-8 -- --lang $lang brainstorm || return 1
		PANE=$lang wait_for "Eerste" && tm send-keys -t $lang E && PANE=$lang wait_for "$label" || return 1
		tm send-keys -t $lang Tab C-u "$T/$lang.csv" Tab Right C-d || return 1
		for _ in $(seq 1 250); do [ -s "$T/$lang.csv" ] && break; sleep 0.02; done
		[ "$(head -1 "$T/$lang.csv" | tr -dc ",;")" = "$(head -1 "$T/$lang.csv" | tr -dc "$d")" ] &&
			head -1 "$T/$lang.csv" | grep -q "$d" && head -c 3 "$T/$lang.csv" | od -An -tx1 | grep -q "ef bb bf" ||
			{ why "$lang: the file's header is not '$d'-separated Excel: $(head -1 "$T/$lang.csv" 2>&1 | cat -A)"; return 1; }
		tm send-keys -t $lang q
	done
}

# --excel and back: a text starting with '-' is written as Excel text
# ("'-…") and comes back without the "'", in Dutch and English; amounts
# come back to the cent. (Negative amounts cannot be stored: the schema
# checks amount >= 0, and an import of one is refused.)
t_records_excel_round_trip_minus_text() {
	local lang d
	"$PACT_SAN" --db "$T/a.db" session new -- "-Wijk" >/dev/null && "$PACT_SAN" --db "$T/a.db" idea add 1 -- "-5 graden, en -3 morgen" >/dev/null || return 1
	sqlite3 "$T/a.db" "INSERT INTO cluster(uuid, session_id, name) VALUES ('3c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, '-min');
		INSERT INTO experiment(uuid, title, track, planned, spent, status, position, created_at, updated_at) VALUES
		('6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', '-Proef', 'visions', 123456, 1, 'idea', 1, '2019-02-01T10:00:00Z', '2019-02-01T10:00:00Z')" || return 1
	for lang in nl en; do
		d=','
		[ $lang = nl ] && d=';'
		LANGUAGE=$lang export_all "$T/a.db" "$T/$lang" --excel --with-names || return 1
		grep -q "\"'-5 graden, en -3 morgen\"" "$T/$lang/ideas.csv" && grep -q "\"'-min\"" "$T/$lang/clusters.csv" &&
			grep -q "\"'-Proef\"" "$T/$lang/experiments.csv" || { why "$lang: a '-' text not guarded"; return 1; }
		LANGUAGE=$lang import_all "$T/$lang.db" "$T/$lang" || return 1
		[ "$(sqlite3 "$T/$lang.db" "SELECT title FROM session; SELECT text FROM idea; SELECT name FROM cluster; SELECT title || '|' || planned || '|' || spent FROM experiment")" = \
			"$(printf -- '-Wijk\n-5 graden, en -3 morgen\n-min\n-Proef|123456|1')" ] ||
			{ why "$lang: the round trip changed: $(sqlite3 "$T/$lang.db" "SELECT text FROM idea; SELECT title || '|' || planned || '|' || spent FROM experiment")"; return 1; }
	done
}

# A text that starts with "'" itself (a quote, a Dutch contraction like
# "'s Avonds", or "'=…") comes back from an --excel round trip as it was:
# the import takes one "'" off, so the export guards these cells too.
t_records_excel_round_trip_apostrophe_text() {
	local lang
	"$PACT_SAN" --db "$T/a.db" session new "'s Avonds in de wijk" >/dev/null || return 1
	for t in "'=quoted" "''=two" "'s Gravenland" "'-" "'"; do "$PACT_SAN" --db "$T/a.db" idea add 1 -- "$t" >/dev/null || return 1; done
	for lang in nl en; do
		LANGUAGE=$lang export_all "$T/a.db" "$T/$lang" --excel --with-names || return 1
		grep -q "\"''=quoted\"" "$T/$lang/ideas.csv" || { why "$lang: a \"'\" text not guarded: $(cat "$T/$lang/ideas.csv")"; return 1; }
		LANGUAGE=$lang import_all "$T/$lang.db" "$T/$lang" || return 1
		[ "$(sqlite3 "$T/$lang.db" "SELECT title FROM session; SELECT text FROM idea ORDER BY id")" = \
			"$(printf -- "'s Avonds in de wijk\n'=quoted\n''=two\n's Gravenland\n'-\n'")" ] ||
			{ why "$lang: the round trip changed: $(sqlite3 "$T/$lang.db" "SELECT title FROM session; SELECT text FROM idea ORDER BY id")"; return 1; }
		# the same file imported into the database it came from changes nothing
		LANGUAGE=$lang import_all "$T/a.db" "$T/$lang" || return 1
		[ "$(sqlite3 "$T/a.db" "SELECT group_concat(text, '|') FROM idea")" = "'=quoted|''=two|'s Gravenland|'-|'" ] ||
			{ why "$lang: importing back changed the ideas: $(sqlite3 "$T/a.db" "SELECT group_concat(text, '|') FROM idea")"; return 1; }
	done
}

# export KIND --session N: no other session's rows, for every kind that
# belongs to a session (and the anonymised participants export too).
t_records_export_session_filter() {
	local k s other
	fill_db "$T/a.db" || return 1
	sqlite3 "$T/a.db" "INSERT INTO participant(uuid, session_id, alias, name, consent, role, wijk, age_band)
		VALUES ('aa0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a22', 2, 'Bas', 'Bas Tweede', 1, 'resident', 'West', '45-64');
		INSERT INTO round(uuid, session_id, name, seconds) VALUES ('ab0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a22', 2, 'Converge', 60);
		INSERT INTO cluster(uuid, session_id, name) VALUES ('ac0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a22', 2, 'Grijs')" || return 1
	for s in 1 2; do
		for k in participants rounds clusters ideas; do
			"$PACT_SAN" --db "$T/a.db" export $k "$T/$k-$s.csv" --session $s --with-names 2>/dev/null || { why "export $k --session $s"; return 1; }
			other=$(sqlite3 "$T/a.db" "SELECT uuid FROM $(kind_table $k) WHERE session_id <> $s")
			mine=$(sqlite3 "$T/a.db" "SELECT uuid FROM $(kind_table $k) WHERE session_id = $s")
			[ -n "$other" ] && [ -n "$mine" ] || { why "$k: the test needs rows in both sessions"; return 1; }
			for u in $other; do grep -q "$u" "$T/$k-$s.csv" && { why "$k --session $s holds $u of another session"; return 1; }; done
			for u in $mine; do grep -q "$u" "$T/$k-$s.csv" || { why "$k --session $s lacks its own $u"; return 1; }; done
		done
		"$PACT_SAN" --db "$T/a.db" export participants "$T/anon-$s.csv" --session $s 2>/dev/null || return 1
		for u in $(sqlite3 "$T/a.db" "SELECT uuid FROM participant WHERE session_id <> $s"); do
			grep -q "$u" "$T/anon-$s.csv" && { why "anonymised participants --session $s holds $u"; return 1; }
		done
	done
	return 0
}

kind_table() {
	case $1 in participants) echo participant ;; rounds) echo round ;; clusters) echo cluster ;; ideas) echo idea ;; esac
}

# A file the user may not write is never replaced: read-only (also for
# root, who passes every permission check), or, run as another user
# (nobody, through setpriv, when the tests run as root), someone else's.
# A symbolic link to nothing is refused and nothing appears at its target.
# A file the user may write is replaced whole by a new file (a new inode).
t_records_export_refuses_what_it_may_not_replace() {
	local ino
	"$PACT_SAN" --db "$T/a.db" session new "Wijk" >/dev/null && "$PACT_SAN" --db "$T/a.db" idea add 1 "Groen" >/dev/null || return 1
	printf 'keep\n' >"$T/ro.csv" && chmod 444 "$T/ro.csv" || return 1
	run "$PACT_SAN" --db "$T/a.db" export ideas "$T/ro.csv"
	expect_rc 3 && expect_in "$T/err" "cannot replace $T/ro.csv: it is read-only" || return 1
	[ "$(cat "$T/ro.csv")" = keep ] && [ "$(stat -c %a "$T/ro.csv")" = 444 ] || { why "the read-only file changed"; return 1; }
	ln -s "$T/nowhere/x.csv" "$T/dangling.csv" && ln -s "$T/missing.csv" "$T/dangling2.csv" || return 1
	for l in dangling dangling2; do
		run "$PACT_SAN" --db "$T/a.db" export ideas "$T/$l.csv"
		expect_rc 3 && expect_in "$T/err" "symbolic link to a file that does not exist" || return 1
		[ -L "$T/$l.csv" ] || { why "$l: the link was replaced"; return 1; }
	done
	[ ! -e "$T/missing.csv" ] || { why "written at the link's target"; return 1; }
	printf 'old\n' >"$T/rw.csv" && ino=$(stat -c %i "$T/rw.csv") || return 1
	run "$PACT_SAN" --db "$T/a.db" export ideas "$T/rw.csv"
	expect_rc 0 && [ "$(stat -c %i "$T/rw.csv")" != "$ino" ] && grep -q "^id,session" "$T/rw.csv" && grep -q Groen "$T/rw.csv" ||
		{ why "the writable file was not replaced whole"; return 1; }
	[ "$(id -u)" = 0 ] && command -v setpriv >/dev/null || return 0
	mkdir "$T/shared" && chmod 777 "$T/shared" && chmod 755 "$T" && cp "$T/a.db" "$T/shared/" && chown nobody "$T/shared/a.db" || return 1
	printf 'roots\n' >"$T/shared/roots.csv" && chmod 644 "$T/shared/roots.csv" || return 1
	run setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$T/shared" "$PACT_PLAIN" --db "$T/shared/a.db" export ideas "$T/shared/roots.csv"
	expect_rc 3 && expect_in "$T/err" "cannot replace $T/shared/roots.csv" || return 1
	[ "$(cat "$T/shared/roots.csv")" = roots ] && [ "$(stat -c %U "$T/shared/roots.csv")" = root ] || { why "nobody replaced root's file"; return 1; }
	run setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$T/shared" "$PACT_PLAIN" --db "$T/shared/a.db" export ideas "$T/shared/mine.csv"
	expect_rc 0 && [ "$(stat -c %U:%a "$T/shared/mine.csv")" = nobody:600 ] || { why "nobody's own export: $(stat -c %U:%a "$T/shared/mine.csv")"; return 1; }
}

# Issue 18: a card's link to the session it came from travels in the
# experiments CSV (the last five columns); a CSV without them, as older
# pacts wrote, still imports, and keeps the links that are here.
t_records_experiments_keep_their_source() {
	local a=$T/a.db b=$T/b.db q
	"$PACT_PLAIN" --db "$a" session new Wijkavond >/dev/null || return 1
	printf 'id,session,idea\naaaaaaaa-0000-4000-8000-000000000001,Wijkavond,Meer bomen\n' >"$T/i.csv"
	"$PACT_PLAIN" --db "$a" import ideas "$T/i.csv" >/dev/null 2>&1 && "$PACT_PLAIN" --db "$a" card from-idea 1 >/dev/null || return 1
	sqlite3 "$a" "UPDATE experiment SET source_rank = 2, source_of = 12, source_value = 34" || return 1
	run "$PACT_SAN" --db "$a" export experiments "$T/x.csv"
	expect_rc 0 || return 1
	head -1 "$T/x.csv" | grep -qx 'id,.*,created,source_kind,source_uuid,source_rank,source_of,source_value,source_session,source_date,source_round,source_cluster,source_poll,source_method,focus' || { why "header: $(head -1 "$T/x.csv")"; return 1; }
	"$PACT_PLAIN" --db "$b" session list >/dev/null || return 1
	run "$PACT_SAN" --db "$b" import experiments "$T/x.csv"
	expect_rc 0 || return 1
	q="SELECT uuid, title, source_kind, source_uuid, source_rank, source_of, source_value FROM experiment"
	[ "$(sqlite3 "$b" "$q")" = "$(sqlite3 "$a" "$q")" ] && [ "$(sqlite3 "$b" "SELECT source_kind || ' ' || source_uuid || ' ' || source_rank || ' ' || source_of || ' ' || source_value FROM experiment")" = "idea aaaaaaaa-0000-4000-8000-000000000001 2 12 34" ] ||
		{ why "round trip: $(sqlite3 "$b" "$q")"; return 1; }
	# an older CSV: the same card without the five columns, and a new one
	cut -d, -f1-21 "$T/x.csv" | sed 's/Meer bomen/Meer bomen langs de kade/' >"$T/old.csv"
	printf 'title,owner\nNieuw,Sem\n' >"$T/old2.csv"
	run "$PACT_SAN" --db "$b" import experiments "$T/old.csv"
	expect_rc 0 || { why "old CSV: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --db "$b" import experiments "$T/old2.csv"
	expect_rc 0 || { why "old CSV: $(cat "$T/err")"; return 1; }
	[ "$(sqlite3 "$b" "SELECT title || '|' || coalesce(source_kind, '-') || '|' || coalesce(source_rank, '-') FROM experiment ORDER BY id" | tr '\n' ' ')" = "Meer bomen langs de kade|idea|2 Nieuw|-|- " ] ||
		{ why "old CSV rows: $(sqlite3 "$b" "SELECT title, source_kind FROM experiment")"; return 1; }
}

# The experiments CSV names where each card came from: the session and its
# date, the idea's round and cluster, the poll and its method. These columns
# are export only: an import takes them and ignores their cells (wrong ones
# change nothing), and a source that is gone leaves them empty.
t_records_experiments_name_their_source() {
	local a=$T/a.db b=$T/b.db q want
	"$PACT_PLAIN" --db "$a" session new "Wijkavond Noord" --date 2026-11-27 >/dev/null || return 1
	printf 'session,name,seconds\nWijkavond Noord,Dromen,300\n' >"$T/r.csv"
	printf 'session,name\nWijkavond Noord,Groen\n' >"$T/c.csv"
	printf 'session,round,cluster,idea\nWijkavond Noord,Dromen,Groen,Groene kade\nWijkavond Noord,,,Meer bankjes\nWijkavond Noord,,,Licht op de dijk\n' >"$T/i.csv"
	printf 'voter,option,value\na,Licht op de dijk,2\na,Meer bankjes,1\nb,Licht op de dijk,1\nb,Groene kade,2\nc,Licht op de dijk,3\n' >"$T/b.csv"
	for k in rounds:r clusters:c ideas:i; do "$PACT_PLAIN" --db "$a" import "${k%:*}" "$T/${k#*:}.csv" 2>/dev/null || return 1; done
	"$PACT_PLAIN" --db "$a" poll new --session 1 --method dot --dots 3 --title "Wat eerst?" >/dev/null &&
		"$PACT_PLAIN" --db "$a" import ballots --poll 1 "$T/b.csv" 2>/dev/null &&
		"$PACT_PLAIN" --db "$a" card from-idea 1 >/dev/null && "$PACT_PLAIN" --db "$a" card from-cluster 1 >/dev/null &&
		"$PACT_PLAIN" --db "$a" card from-poll 1 --top 1 >/dev/null || return 1
	run "$PACT_SAN" --db "$a" export experiments "$T/x.csv"
	expect_rc 0 || return 1
	q="SELECT title, source_kind, source_session, source_date, source_round, source_cluster, source_poll, source_method, source_rank, source_of, source_value FROM t ORDER BY rowid"
	want="Groene kade|idea|Wijkavond Noord|2026-11-27|Dromen|Groen|||||
Groen|cluster|Wijkavond Noord|2026-11-27||Groen|||||
Licht op de dijk|poll|Wijkavond Noord|2026-11-27|||Wat eerst?|dot|1|3|6"
	[ "$(csv_query "$T/x.csv" "$q")" = "$want" ] || { why "derived cells: $(csv_query "$T/x.csv" "$q")"; return 1; }
	# wrong derived cells (even a bad date and an unknown method) are ignored
	sed 's/,Wijkavond Noord,2026-11-27,/,Fout,27-13-2026,/; s/,Wat eerst?,dot,0$/,Ander,geen,0/' "$T/x.csv" >"$T/wrong.csv"
	grep -q ',Ander,geen,0$' "$T/wrong.csv" || { why "the wrong CSV was not made"; return 1; }
	"$PACT_PLAIN" --db "$b" session list >/dev/null || return 1
	run "$PACT_SAN" --db "$b" import experiments "$T/wrong.csv"
	expect_rc 0 || { why "import: $(cat "$T/err")"; return 1; }
	q="SELECT uuid, title, source_kind, source_uuid, source_rank, source_of, source_value FROM experiment ORDER BY id"
	[ "$(sqlite3 "$b" "$q")" = "$(sqlite3 "$a" "$q")" ] || { why "links: $(sqlite3 "$b" "$q")"; return 1; }
	# here the sessions are not: the names are empty, the links stay
	run "$PACT_SAN" --db "$b" export experiments "$T/y.csv"
	expect_rc 0 && [ "$(csv_query "$T/y.csv" "SELECT group_concat(source_kind || ':' || source_session || source_date || source_round || source_cluster || source_poll || source_method, ' ') FROM t")" = "idea: cluster: poll:" ] ||
		{ why "a source that is gone: $(cat "$T/y.csv")"; return 1; }
	# the same file into the first database changes nothing there
	sqlite3 "$a" "$q" >"$T/before" && run "$PACT_SAN" --db "$a" import experiments "$T/wrong.csv"
	expect_rc 0 && [ "$(sqlite3 "$a" "$q")" = "$(cat "$T/before")" ] || { why "re-import changed links"; return 1; }
	run "$PACT_SAN" export --list
	expect_rc 0 && expect_in "$T/out" "  source_session text (export only; an import ignores it)"
}
