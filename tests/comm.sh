# A card's communication plan (the handbook's Communicatieplan): the CSV
# kind communication round trip, refusals with FILE:LINE:COLUMN and the
# field's name, merging, and the Board's form in a real terminal.

# Two cards: "Woonvisie" (by title) and "Raad" (by UUID only, the title
# twice); fixtures with the plain build.
comm_cards() {
	local db=$1
	printf 'id,title\n%s,Woonvisie\n%s,Raad\n%s,Raad\n' \
		6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11 7c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11 \
		8c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11 >"$T/cards.csv"
	"$PACT_PLAIN" --db "$db" import experiments "$T/cards.csv" >/dev/null 2>&1 || { why "the cards"; return 1; }
}

t_comm_csv_round_trip() {
	local a=$T/a.db b=$T/b.db
	comm_cards "$a" && comm_cards "$b" || return 1
	printf 'id,experiment,audience,message,means,created\n%s\n%s\n%s\n' \
		'1d0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,Woonvisie,raad,"Wat de raad, ""zelf"",
moet weten",raadsbijeenkomst,2019-02-01T10:00:00Z' \
		'2d0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,Woonvisie,schiedammers,Doe mee,"placemats, beeldtaal",2019-02-02T10:00:00Z' \
		'3d0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,8c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,pers,,persbericht,2019-02-03T10:00:00Z' >"$T/in.csv"
	run "$PACT_SAN" --db "$a" import communication "$T/in.csv"
	expect_rc 0 && expect_in "$T/err" "imported 3 records (3 new, 0 updated)" || return 1
	[ "$(sqlite3 "$a" "SELECT group_concat(x.id || ' ' || c.audience || ' ' || c.means, '; ') FROM (SELECT * FROM card_comm ORDER BY uuid) c JOIN experiment x ON x.id = c.experiment_id")" = \
		"1 raad raadsbijeenkomst; 1 schiedammers placemats, beeldtaal; 3 pers persbericht" ] || { why "stored: $(sqlite3 "$a" "SELECT * FROM card_comm")"; return 1; }
	# exported as it came in: the unique title by name, the other by UUID
	run "$PACT_SAN" --db "$a" export communication "$T/out.csv"
	expect_rc 0 || return 1
	diff "$T/in.csv" "$T/out.csv" >&2 || { why "the export differs from the import"; return 1; }
	run "$PACT_SAN" --db "$b" import communication "$T/out.csv"
	expect_rc 0 || return 1
	"$PACT_PLAIN" --db "$b" export communication "$T/out2.csv" 2>/dev/null && cmp -s "$T/out.csv" "$T/out2.csv" || { why "the second file differs"; return 1; }
	# a file without ids: the line for a card and audience takes the
	# place of the one there, so importing it twice changes nothing
	printf 'experiment,audience,message,means\nWoonvisie,raad,Nieuw,dropping\n' >"$T/noid.csv"
	"$PACT_SAN" --db "$a" import communication "$T/noid.csv" 2>/dev/null && "$PACT_SAN" --db "$a" import communication "$T/noid.csv" 2>/dev/null || { why "import without ids"; return 1; }
	[ "$(sqlite3 "$a" "SELECT count(*) || ' ' || group_concat(message || '/' || means) FROM card_comm WHERE audience = 'raad'")" = "1 Nieuw/dropping" ] ||
		{ why "raad lines: $(sqlite3 "$a" "SELECT * FROM card_comm WHERE audience = 'raad'")"; return 1; }
}

t_comm_bad_csv_says_where() {
	local a=$T/a.db
	comm_cards "$a" || return 1
	printf 'experiment,audience,message,means\nWoonvisie,pers,,persbericht\nWoonvisie,wethouder,Hallo,brief\n' >"$T/bad.csv"
	run "$PACT_SAN" --db "$a" import communication "$T/bad.csv"
	expect_rc 3 && expect_in "$T/err" "$T/bad.csv:3:2: column 'audience': 'wethouder' is not one of the choices" || return 1
	printf 'experiment,audience,message,means\nRaad,pers,,persbericht\n' >"$T/twice.csv"
	run "$PACT_SAN" --db "$a" import communication "$T/twice.csv"
	expect_rc 3 && expect_in "$T/err" "$T/twice.csv:2:1: column 'experiment': more than one experiment is called 'Raad'" || return 1
	printf 'audience,experiment,means\npers,Woonvisie,%s\n' "$(printf 'm%.0s' $(seq 401))" >"$T/long.csv"
	run "$PACT_SAN" --db "$a" import communication "$T/long.csv"
	expect_rc 3 && expect_in "$T/err" "$T/long.csv:2:3: column 'means'" || return 1
	printf 'experiment,message\nWoonvisie,Hallo\n' >"$T/noaudience.csv"
	run "$PACT_SAN" --db "$a" import communication "$T/noaudience.csv"
	expect_rc 3 && expect_in "$T/err" "the column 'audience' is missing" || return 1
	# nothing of a refused file stays
	[ "$(sqlite3 "$a" "SELECT count(*) FROM card_comm")" = 0 ] || { why "a refused file left lines"; return 1; }
}

# Two laptops plan the same card: what either added comes in, a line for
# the same audience from the other file takes the place of ours, and a
# second merge changes nothing.
t_comm_merge() {
	local a=$T/a.db b=$T/b.db
	comm_cards "$a" || return 1
	cp "$a" "$b" || return 1
	printf 'experiment,audience,message,means\nWoonvisie,raad,Van A,dropping\nWoonvisie,college,Van A,\n' >"$T/a.csv"
	printf 'experiment,audience,message,means\nWoonvisie,raad,Van B,raadsbijeenkomst\nWoonvisie,pers,Van B,persbericht\n' >"$T/b.csv"
	"$PACT_PLAIN" --db "$a" import communication "$T/a.csv" 2>/dev/null && "$PACT_PLAIN" --db "$b" import communication "$T/b.csv" 2>/dev/null || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 0 || return 1
	q="SELECT group_concat(audience || '=' || message || '/' || means, '; ') FROM (SELECT * FROM card_comm ORDER BY audience)"
	[ "$(sqlite3 "$a" "$q")" = "college=Van A/; pers=Van B/persbericht; raad=Van B/raadsbijeenkomst" ] || { why "merged: $(sqlite3 "$a" "$q")"; return 1; }
	sqlite3 "$a" .dump >"$T/d1" && "$PACT_SAN" --db "$a" merge "$b" >/dev/null 2>&1 && sqlite3 "$a" .dump >"$T/d2" || return 1
	cmp -s "$T/d1" "$T/d2" || { why "the second merge changed the file"; diff "$T/d1" "$T/d2" | head >&2; return 1; }
	# a deleted card takes its plan with it
	sqlite3 "$a" "PRAGMA foreign_keys = ON; DELETE FROM experiment WHERE title = 'Woonvisie'" &&
		[ "$(sqlite3 "$a" "SELECT count(*) FROM card_comm")" = 0 ] || { why "the plan outlived its card"; return 1; }
}

# comm_fill_form MESSAGE MEANS MESSAGE2 MEANS2: the council's message and
# means, then the press's (fields 12 and 13), and save.
comm_fill_form() {
	tm send-keys -t p "$1" Tab "$2" Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab &&
		tm send-keys -t p "$3" Tab "$4" C-d
}

# c in the card view opens the plan's form; two audiences filled in are on
# the card and in the database (English at 80x24, Dutch at 60x16).
t_tmux_comm_plan_on_the_card() {
	local q="SELECT group_concat(audience || '=' || message || '/' || means, '; ') FROM (SELECT * FROM card_comm ORDER BY audience)"
	comm_cards "$T/c.db" || return 1
	sqlite3 "$T/c.db" "DELETE FROM experiment WHERE title = 'Raad'" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/c.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Experiment" && wait_for "c Communication" || return 1
	tm send-keys -t p c && wait_for "┌─ Communication plan" && wait_for "Message (The council)" || return 1
	comm_fill_form "Doe mee" "dropping" "Schiedam luistert" "persbericht" || return 1
	wait_for "Communication plan saved." && wait_for "┌─ Experiment" && wait_gone "┌─ Communication plan" || return 1
	wait_for "Communication" && wait_for "The council" && wait_for "  Message: Doe mee" &&
		wait_for "  Means: dropping" && wait_for "The press" && wait_for "  Message: Schiedam luistert" || return 1
	[ "$(sqlite3 "$T/c.db" "$q")" = "pers=Schiedam luistert/persbericht; raad=Doe mee/dropping" ] || { why "stored: $(sqlite3 "$T/c.db" "$q")"; return 1; }
	tm send-keys -t p Escape q && wait_exit 0 || return 1
	# Dutch, in a small terminal: the form scrolls, the form shows what is
	# stored, and emptying the council's line removes it
	sqlite3 "$T/c.db" "DELETE FROM card_comm" && tm kill-session -t p || return 1
	start_pact 60x16 LANG=C.UTF-8 -- --lang nl --db "$T/c.db" || return 1
	wait_for "[2 Bord]" && wait_for "Woonvisie" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Experiment" && wait_for "c Communicatie" || return 1
	tm send-keys -t p c && wait_for "┌─ Communicatieplan" && wait_for "Boodschap (De raad)" || return 1
	comm_fill_form "Kom kijken" "raadsbijeenkomst" "Schiedam is voorbeeldstad" "beeldtaal" || return 1
	wait_for "Communicatieplan opgeslagen." && wait_for "┌─ Experiment" || return 1
	[ "$(sqlite3 "$T/c.db" "$q")" = "pers=Schiedam is voorbeeldstad/beeldtaal; raad=Kom kijken/raadsbijeenkomst" ] || { why "stored: $(sqlite3 "$T/c.db" "$q")"; return 1; }
	tm send-keys -t p End && wait_for "Communicatie" && wait_for "De raad" && wait_for "  Boodschap: Kom kijken" &&
		wait_for "  Middelen: beeldtaal" || return 1
	tm send-keys -t p c && wait_for "Boodschap (De raad)" && wait_for "Kom kijken" || return 1
	tm send-keys -t p C-u Tab C-u C-d && wait_for "Communicatieplan opgeslagen." || return 1
	[ "$(sqlite3 "$T/c.db" "$q")" = "pers=Schiedam is voorbeeldstad/beeldtaal" ] || { why "after emptying: $(sqlite3 "$T/c.db" "$q")"; return 1; }
	wait_gone "De raad" && tm send-keys -t p Escape q && wait_exit 0
}
