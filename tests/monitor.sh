# Ambitions, indicators and diversity (the handbook's "monitoren en
# borgen"): the CSV kinds indicators, indicator-values, diversity-groups,
# diversity and population round trip, refuse bad files with
# FILE:LINE:COLUMN and merge; M on the Board shows each indicator against
# its target and the afspiegeling (English and Dutch at 80x24); D opens the
# diversity counts form from a session and from a card.

# A session "Wijkavond" (2024-03-01) and a card "Woonvisie"; plain build.
monitor_fixture() {
	local db=$1
	"$PACT_PLAIN" --db "$db" session new "Wijkavond" --date 2024-03-01 >/dev/null || { why "the session"; return 1; }
	printf 'id,title,start,end,reached,status\n6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Woonvisie,2024-02-01,2024-06-30,120,running\n' >"$T/cards.csv"
	"$PACT_PLAIN" --db "$db" import experiments "$T/cards.csv" >/dev/null 2>&1 || { why "the card"; return 1; }
}

monitor_files() {
	printf 'id,ambition,name,measure,subject,target,period,created\n%s\n%s\n%s\n' \
		'1a0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Meer Schiedammers doen mee,Mensen bereikt,reached,,100,year,2024-01-01T10:00:00Z' \
		'2a0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Meer diversiteit,Alleenwonenden,diversity,household:single,30,year,2024-01-01T10:00:00Z' \
		'2b0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Meer Schiedammers doen mee,Meedenkers,manual,,100,year,2024-01-01T10:00:00Z' >"$T/indicators.csv"
	printf 'id,indicator,period,value,created\n%s\n' \
		'3a0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Meedenkers,2023,80,2024-01-01T10:00:00Z' >"$T/values.csv"
	printf 'id,session,experiment,dimension,group,people,created\n%s\n%s\n%s\n%s\n' \
		'4a0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Wijkavond,,household,family,6,2024-03-01T10:00:00Z' \
		'4b0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Wijkavond,,household,single,12,2024-03-01T10:00:00Z' \
		'4c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,Wijkavond,,household,other,3,2024-03-01T10:00:00Z' \
		'4d0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,,Woonvisie,literacy,low,7,2024-03-01T10:00:00Z' >"$T/diversity.csv"
	printf 'id,dimension,group,people,source,created\n%s\n%s\n%s\n' \
		'5a0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,household,family,40,voorbeeld,2024-01-01T10:00:00Z' \
		'5b0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,household,single,45,voorbeeld,2024-01-01T10:00:00Z' \
		'5c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a21,household,other,15,voorbeeld,2024-01-01T10:00:00Z' >"$T/population.csv"
}

monitor_import_all() {
	local db=$1 k
	for k in indicators:indicators indicator-values:values diversity:diversity population:population; do
		run "$PACT_SAN" --db "$db" import "${k%%:*}" "$T/${k#*:}.csv"
		expect_rc 0 || { why "import ${k%%:*}"; return 1; }
	done
}

t_monitor_csv_round_trip() {
	local a=$T/a.db b=$T/b.db k
	monitor_fixture "$a" && monitor_fixture "$b" && monitor_files && monitor_import_all "$a" || return 1
	[ "$(sqlite3 "$a" "SELECT (SELECT count(*) FROM indicator) || ' ' || (SELECT count(*) FROM indicator_value) || ' ' || (SELECT count(*) FROM diversity_count) || ' ' || (SELECT count(*) FROM population)")" = "3 1 4 3" ] ||
		{ why "stored counts"; return 1; }
	for k in indicators:indicators indicator-values:values diversity:diversity population:population; do
		run "$PACT_SAN" --db "$a" export "${k%%:*}" "$T/out-${k#*:}.csv"
		expect_rc 0 || return 1
		diff "$T/${k#*:}.csv" "$T/out-${k#*:}.csv" >&2 || { why "the export of ${k%%:*} differs from its import"; return 1; }
		run "$PACT_SAN" --db "$b" import "${k%%:*}" "$T/out-${k#*:}.csv"
		expect_rc 0 || return 1
	done
	# the groups list travels too: the shipped ones, with their example mark
	run "$PACT_SAN" --db "$a" export diversity-groups "$T/groups.csv"
	expect_rc 0 && expect_in "$T/groups.csv" "id,dimension,group,position,example" &&
		expect_in "$T/groups.csv" ",age,67+,5,1" && expect_in "$T/groups.csv" ",household,single,2,0" || return 1
	# a count for the same session and group with another UUID takes the place of ours
	printf 'session,dimension,group,people\nWijkavond,household,single,14\n' >"$T/again.csv"
	"$PACT_SAN" --db "$a" import diversity "$T/again.csv" >/dev/null 2>&1 || { why "the second count"; return 1; }
	[ "$(sqlite3 "$a" "SELECT count(*) || ' ' || sum(people) FROM diversity_count WHERE grp = 'single'")" = "1 14" ] || { why "two counts for one group"; return 1; }
}

t_monitor_bad_csv_says_where() {
	local a=$T/a.db
	monitor_fixture "$a" && monitor_files || return 1
	printf 'ambition,name,measure\nMeer,Bereik,reached\nMeer,Anders,geraden\n' >"$T/bad.csv"
	run "$PACT_SAN" --db "$a" import indicators "$T/bad.csv"
	expect_rc 3 && expect_in "$T/err" "$T/bad.csv:3:3: column 'measure': 'geraden' is not one of the choices" || return 1
	printf 'session,dimension,group,people\nWijkavond,household,single,-3\n' >"$T/neg.csv"
	run "$PACT_SAN" --db "$a" import diversity "$T/neg.csv"
	expect_rc 3 && expect_in "$T/err" "$T/neg.csv:2:4: column 'people'" || return 1
	printf 'session,dimension,group,people\nWijkavond,religie,x,3\n' >"$T/dim.csv"
	run "$PACT_SAN" --db "$a" import diversity "$T/dim.csv"
	expect_rc 3 && expect_in "$T/err" "$T/dim.csv:2:2: column 'dimension'" || return 1
	# a row of no session and no card, and a row of both: where, by column
	printf 'session,experiment,dimension,group,people\n,,household,single,6\n' >"$T/none.csv"
	run "$PACT_SAN" --db "$a" import diversity "$T/none.csv"
	expect_rc 3 && expect_in "$T/err" "$T/none.csv:2:1: column 'session': empty; give one of 'session' or 'experiment'" || return 1
	printf 'session,experiment,dimension,group,people\nWijkavond,Woonvisie,household,single,6\n' >"$T/both.csv"
	run "$PACT_SAN" --db "$a" import diversity "$T/both.csv"
	expect_rc 3 && expect_in "$T/err" "$T/both.csv:2:2: column 'experiment': give only one of 'session' or 'experiment'" || return 1
	printf 'dimension,group\nhousehold,single\n' >"$T/nopeople.csv"
	run "$PACT_SAN" --db "$a" import population "$T/nopeople.csv"
	expect_rc 3 && expect_in "$T/err" "the column 'people' is missing" || return 1
	printf 'indicator,period,value\nOnbekend,2024,3\n' >"$T/noind.csv"
	run "$PACT_SAN" --db "$a" import indicator-values "$T/noind.csv"
	expect_rc 3 && expect_in "$T/err" "$T/noind.csv:2:1: column 'indicator'" || return 1
	# nothing of a refused file stays
	[ "$(sqlite3 "$a" "SELECT (SELECT count(*) FROM indicator) + (SELECT count(*) FROM diversity_count) + (SELECT count(*) FROM population)")" = 0 ] ||
		{ why "a refused file left records"; return 1; }
}

# Two laptops: what either recorded comes in, and a second merge changes nothing.
t_monitor_merge() {
	local a=$T/a.db b=$T/b.db
	monitor_fixture "$a" && monitor_files || return 1
	cp "$a" "$b" && monitor_import_all "$b" || return 1
	printf 'session,dimension,group,people\nWijkavond,age,18-29,9\n' >"$T/mine.csv"
	"$PACT_PLAIN" --db "$a" import diversity "$T/mine.csv" >/dev/null 2>&1 || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$a" "SELECT (SELECT count(*) FROM indicator) || ' ' || (SELECT count(*) FROM indicator_value) || ' ' || (SELECT count(*) FROM diversity_count) || ' ' || (SELECT count(*) FROM population)")" = "3 1 5 3" ] ||
		{ why "merged: $(sqlite3 "$a" "SELECT * FROM diversity_count")"; return 1; }
	sqlite3 "$a" .dump >"$T/d1" && "$PACT_SAN" --db "$a" merge "$b" >/dev/null 2>&1 && sqlite3 "$a" .dump >"$T/d2" || return 1
	cmp -s "$T/d1" "$T/d2" || { why "the second merge changed the file"; diff "$T/d1" "$T/d2" | head >&2; return 1; }
}

# M on the Board: the indicator's chart against its target, and the
# afspiegeling with the city's share and "<5" for a small group.
t_tmux_monitor_indicators_and_afspiegeling() {
	monitor_fixture "$T/m.db" && monitor_files && monitor_import_all "$T/m.db" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/m.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p M && wait_for "┌─ Monitoring" || return 1
	# the figure entered by hand, below the target; the people reached, above it
	page_until "Meer Schiedammers doen mee — Meedenkers (target 100 per year)" &&
		wait_for "2023" && wait_for "80 / 100" || return 1
	page_until "120 / 100 met" && wait_for "Meer Schiedammers doen mee — Mensen bereikt (target 100 per year)" || return 1
	# 12 of 21 live alone; a family count of 6 is hidden so that the 3 cannot be worked out
	tm send-keys -t p End && wait_for "Afspiegeling: Household" && wait_for "57% · city 45%" &&
		wait_for "<5 · city 15%" && wait_for "x · city 40%" || return 1
	tm send-keys -t p Escape q && wait_exit 0 || return 1
	tm kill-session -t p
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl --db "$T/m.db" || return 1
	wait_for "[2 Bord]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p M && wait_for "┌─ Monitoring" || return 1
	page_until "120 / 100 gehaald" && wait_for "Mensen bereikt (doel 100 per jaar)" || return 1
	tm send-keys -t p End && wait_for "Afspiegeling: Huishouden" && wait_for "57% · stad 45%" && wait_for "alleenwonend" || return 1
	tm send-keys -t p Escape q && wait_exit 0
}

# D in a session's view and in a card's view opens the counts form; what is
# typed is stored, and the card's view shows it with "<5" for a small group.
t_tmux_diversity_form_from_session_and_card() {
	monitor_fixture "$T/d.db" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/d.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "Wijkavond" || return 1
	tm send-keys -t p Home Enter && wait_for "Idea (anonymous) >" && tm send-keys -t p Escape && wait_for "COMMANDS" || return 1
	tm send-keys -t p D && wait_for "┌─ Diversity" && wait_for "Age band: 0-17" || return 1
	# 18-29: 8; household family (field 6): 3
	tm send-keys -t p Tab 8 Tab Tab Tab Tab 3 C-d && wait_for "Diversity counts saved." || return 1
	[ "$(sqlite3 "$T/d.db" "SELECT group_concat(dimension || ':' || grp || '=' || people, ' ') FROM (SELECT * FROM diversity_count WHERE session_id IS NOT NULL ORDER BY grp)")" = "age:18-29=8 household:family=3" ] ||
		{ why "session counts: $(sqlite3 "$T/d.db" "SELECT * FROM diversity_count")"; return 1; }
	tm send-keys -t p 2 && wait_for "Woonvisie" && tm send-keys -t p l l Enter && wait_for "┌─ Experiment" || return 1
	tm send-keys -t p D && wait_for "┌─ Diversity" || return 1
	# literacy low (field 10): 2; high (field 9): 9
	tm send-keys -t p Tab Tab Tab Tab Tab Tab Tab Tab 9 Tab 2 C-d && wait_for "Diversity counts saved." || return 1
	wait_for "Diversity (counts of people, never names)" && wait_for "Literacy:" && wait_for "low literacy <5" || return 1
	[ "$(sqlite3 "$T/d.db" "SELECT group_concat(grp || '=' || people, ' ') FROM (SELECT * FROM diversity_count WHERE experiment_id IS NOT NULL ORDER BY grp)")" = "high=9 low=2" ] ||
		{ why "card counts: $(sqlite3 "$T/d.db" "SELECT * FROM diversity_count")"; return 1; }
	tm send-keys -t p Escape q && wait_exit 0
}

# G on the Board: renaming a group starts from its name, and the counts
# follow the new name.
t_tmux_diversity_group_rename_starts_from_its_name() {
	monitor_fixture "$T/g.db" || return 1
	printf 'session,dimension,group,people\nWijkavond,age,0-17,7\n' >"$T/c.csv"
	"$PACT_PLAIN" --db "$T/g.db" import diversity "$T/c.csv" >/dev/null 2>&1 || { why "the counts"; return 1; }
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/g.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p G && wait_for "┌─ Diversity: the groups of each dimension" || return 1
	tm send-keys -t p Home Enter && wait_for "┌─ Rename group" && wait_for "0-17" || return 1
	tm send-keys -t p BSpace BSpace "15" C-d && wait_gone "┌─ Rename group" || return 1
	[ "$(sqlite3 "$T/g.db" "SELECT (SELECT group_concat(name) FROM diversity_group WHERE name LIKE '0-1%') || '|' || (SELECT grp FROM diversity_count)")" = "0-15|0-15" ] ||
		{ why "after the rename: $(sqlite3 "$T/g.db" "SELECT name FROM diversity_group; SELECT grp FROM diversity_count")"; return 1; }
	tm send-keys -t p Escape q && wait_exit 0
}
