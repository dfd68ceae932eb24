# The register of people in the programme (the accelerator pool): the CSV
# kind people (round trip, contact only with consent and only
# --with-names, refusals with FILE:LINE:COLUMN), renaming on the cards,
# merging two laptops' registers, pact forget person (the name gone from
# the cards and from every byte of the database and its -wal, also after a
# merge of an older copy), and the Board's screens in a real terminal: the
# card form's register picker and the question to add a new name, the
# person filter, and the pool view in English and Dutch at 80x24.

people_csv() {
	printf 'id,name,role,department,consent,contact\n%s,Ans de Wit,accelerator,Wijkzaken,1,ans@example.org\n%s,Bas Jansen,opgaveteam,,0,\n%s,Cor Smit,facilitator,Communicatie,0,\n' \
		aaaaaaaa-1111-4000-8000-000000000001 aaaaaaaa-1111-4000-8000-000000000002 \
		aaaaaaaa-1111-4000-8000-000000000003 >"$T/people.csv"
}

# Cards naming the people: by owner and in teams (with untidy commas).
people_cards() {
	local db=$1
	printf 'title,owner,team,status\nWoonvisie,Ans de Wit,"Bas Jansen,Cor Smit",running\nWijknetwerk,Bas Jansen,"Ans de Wit , Dirk",idea\nRaadsexperiment,Dirk,,stopped\n' >"$T/cards.csv"
	"$PACT_PLAIN" --db "$db" import experiments "$T/cards.csv" >/dev/null 2>&1 || { why "the cards"; return 1; }
}

t_people_csv_round_trip_and_consent() {
	local a=$T/a.db b=$T/b.db
	people_csv
	run "$PACT_SAN" --db "$a" import people "$T/people.csv"
	expect_rc 0 && expect_in "$T/err" "3 new" || return 1
	# without --with-names no contact column
	run "$PACT_SAN" --db "$a" export people "$T/out.csv"
	expect_rc 0 || return 1
	[ "$(head -1 "$T/out.csv")" = "id,name,role,department,consent,created" ] || { why "header: $(head -1 "$T/out.csv")"; return 1; }
	grep -q "example.org" "$T/out.csv" && { why "contact exported without --with-names"; return 1; }
	"$PACT_SAN" --db "$a" export people "$T/all.csv" --with-names 2>/dev/null || return 1
	grep -q "ans@example.org" "$T/all.csv" || { why "no contact with --with-names"; return 1; }
	run "$PACT_SAN" --db "$b" import people "$T/all.csv"
	expect_rc 0 || return 1
	"$PACT_SAN" --db "$b" export people "$T/again.csv" --with-names 2>/dev/null && cmp -s "$T/all.csv" "$T/again.csv" || { why "round trip differs"; diff "$T/all.csv" "$T/again.csv" >&2; return 1; }
	# re-importing the file without contact keeps the contact
	"$PACT_SAN" --db "$b" import people "$T/out.csv" 2>/dev/null || return 1
	[ "$(sqlite3 "$b" "SELECT contact FROM person WHERE name = 'Ans de Wit'")" = ans@example.org ] || { why "contact lost"; return 1; }
	# a row taking the consent back takes the contact with it
	printf 'id,consent,name\naaaaaaaa-1111-4000-8000-000000000001,0,Ans de Wit\n' >"$T/nee.csv"
	run "$PACT_SAN" --db "$b" import people "$T/nee.csv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$b" "SELECT coalesce(contact, 'none') || consent FROM person WHERE name = 'Ans de Wit'")" = none0 ] || { why "consent withdrawn, contact kept"; return 1; }
	! grep -aq "ans@example.org" "$b" || { sqlite3 "$b" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; ! grep -aq "ans@example.org" "$b"; } || { why "contact still in the file"; return 1; }
}

t_people_bad_csv_says_where() {
	local a=$T/a.db
	printf 'name,role,consent,contact\nAns,accelerator,1,a@example.org\nBas,opgaveteam,0,bas@example.org\n' >"$T/bad.csv"
	run "$PACT_SAN" --db "$a" import people "$T/bad.csv"
	expect_rc 3 && expect_in "$T/err" "$T/bad.csv:3:4: column 'contact': kept only with consent: give the column 'consent' as 1 (yes) in this row, or leave 'contact' empty" || return 1
	printf 'name,contact\nBas,bas@example.org\n' >"$T/noconsent.csv"
	run "$PACT_SAN" --db "$a" import people "$T/noconsent.csv"
	expect_rc 3 && expect_in "$T/err" "$T/noconsent.csv:2:2: column 'contact': kept only with consent" || return 1
	printf 'name,role\nAns,boss\n' >"$T/role.csv"
	run "$PACT_SAN" --db "$a" import people "$T/role.csv"
	expect_rc 3 && expect_in "$T/err" "$T/role.csv:2:2: column 'role': 'boss' is not one of the choices" || return 1
	printf 'role\nother\n' >"$T/noname.csv"
	run "$PACT_SAN" --db "$a" import people "$T/noname.csv"
	expect_rc 3 && expect_in "$T/err" "the column 'name' is missing" || return 1
	printf 'name\n"Ans, Bas"\n' >"$T/comma.csv"
	run "$PACT_SAN" --db "$a" import people "$T/comma.csv"
	expect_rc 3 && expect_in "$T/err" "$T/comma.csv:2: this row cannot be stored" || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM person")" = 0 ] || { why "a refused file left people"; return 1; }
	grep -aq "bas@example.org" "$a" "$a-wal" 2>/dev/null && { why "the refused contact is in the file's bytes"; return 1; }
	return 0
}

# A new name in the register (here by CSV, with the same UUID) is the new
# name on the cards, as owner and as team member.
t_people_rename_renames_on_cards() {
	local a=$T/a.db
	people_csv && "$PACT_PLAIN" --db "$a" import people "$T/people.csv" 2>/dev/null && people_cards "$a" || return 1
	printf 'id,name\naaaaaaaa-1111-4000-8000-000000000001,Ans van Dijk\n' >"$T/r.csv"
	"$PACT_SAN" --db "$a" import people "$T/r.csv" 2>/dev/null || return 1
	q="SELECT group_concat(title || ':' || owner || '|' || team, '; ') FROM (SELECT * FROM experiment ORDER BY id)"
	[ "$(sqlite3 "$a" "$q")" = "Woonvisie:Ans van Dijk|Bas Jansen,Cor Smit; Wijknetwerk:Bas Jansen|Ans van Dijk, Dirk; Raadsexperiment:Dirk|" ] || { why "cards: $(sqlite3 "$a" "$q")"; return 1; }
}

# Two laptops each keep people; a merge brings both in, a second changes
# nothing.
t_people_merge() {
	local a=$T/a.db b=$T/b.db
	people_csv && "$PACT_PLAIN" --db "$a" import people "$T/people.csv" 2>/dev/null || return 1
	cp "$a" "$b" || return 1
	printf 'name,role,consent,contact\nEva Bos,accelerator,1,06-1234\n' >"$T/e.csv"
	"$PACT_PLAIN" --db "$b" import people "$T/e.csv" 2>/dev/null || return 1
	sqlite3 "$b" "UPDATE person SET department = 'Wonen' WHERE name = 'Bas Jansen'" || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM person")" = 4 ] || return 1
	[ "$(sqlite3 "$a" "SELECT contact FROM person WHERE name = 'Eva Bos'")" = 06-1234 ] || { why "contact not merged"; return 1; }
	[ "$(sqlite3 "$a" "SELECT department FROM person WHERE name = 'Bas Jansen'")" = Wonen ] || return 1
	sqlite3 "$a" .dump >"$T/d1" && "$PACT_SAN" --db "$a" merge "$b" >/dev/null 2>&1 && sqlite3 "$a" .dump >"$T/d2" || return 1
	cmp -s "$T/d1" "$T/d2" || { why "the second merge changed the file"; return 1; }
}

# Forgetting a person: off the register and off every card, and no byte of
# the name or contact left in the database or its -wal; an older copy
# merged or its CSV imported brings neither the person nor the name on
# the cards back.
t_people_forget_leaves_no_trace() {
	local a=$T/a.db old=$T/old.db
	people_csv && "$PACT_PLAIN" --db "$a" import people "$T/people.csv" 2>/dev/null && people_cards "$a" || return 1
	"$PACT_PLAIN" --db "$a" export people "$T/old.csv" --with-names 2>/dev/null || return 1
	# the name as a session's facilitator, an advice's author and who evaluated
	"$PACT_PLAIN" --db "$a" session new "Wijkavond" >/dev/null 2>&1 || return 1
	sqlite3 "$a" "UPDATE session SET facilitator = 'Ans de Wit';
		INSERT INTO advice(uuid, title, author, date, created_at) VALUES ('bbbbbbbb-1111-4000-8000-000000000001', 'Speeltuin', 'Ans de Wit', '2026-12-01', '2026-12-01T10:00:00Z');
		INSERT INTO evaluation(uuid, experiment_id, goal, repeat, evaluated_by, date) SELECT 'bbbbbbbb-1111-4000-8000-000000000002', id, 4, 'yes', 'Ans de Wit', '2026-12-01' FROM experiment WHERE title = 'Raadsexperiment'" || return 1
	sqlite3 "$a" ".backup '$old'" || return 1
	grep -aq "Ans de Wit" "$a" "$a-wal" 2>/dev/null || { why "the name is not in the file to begin with"; return 1; }
	run "$PACT_SAN" --db "$a" forget person aaaaaaaa-1111-4000-8000-000000000001
	expect_rc 0 && expect_in "$T/out" "forgotten" || return 1
	q="SELECT group_concat(title || ':' || owner || '|' || team, '; ') FROM (SELECT * FROM experiment ORDER BY id)"
	[ "$(sqlite3 "$a" "$q")" = "Woonvisie:|Bas Jansen,Cor Smit; Wijknetwerk:Bas Jansen|Dirk; Raadsexperiment:Dirk|" ] || { why "cards: $(sqlite3 "$a" "$q")"; return 1; }
	[ "$(sqlite3 "$a" "SELECT (SELECT facilitator FROM session) || '|' || (SELECT author FROM advice) || '|' || (SELECT evaluated_by FROM evaluation)")" = "||-" ] || { why "the name stayed elsewhere: $(sqlite3 "$a" "SELECT facilitator FROM session; SELECT author FROM advice; SELECT evaluated_by FROM evaluation")"; return 1; }
	for text in "Ans de Wit" "ans@example.org"; do
		[ "$(privacy_bytes "$a" "$text")" = 0 ] || { why "'$text' is still in the bytes"; return 1; }
	done
	run "$PACT_SAN" --db "$a" merge "$old"
	expect_rc 0 || return 1
	"$PACT_SAN" --db "$a" import people "$T/old.csv" 2>/dev/null || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM person WHERE name = 'Ans de Wit'")" = 0 ] || { why "the person came back"; return 1; }
	[ "$(sqlite3 "$a" "SELECT count(*) FROM experiment WHERE instr(owner || team, 'Ans de Wit') > 0")" = 0 ] || { why "the name came back on the cards: $(sqlite3 "$a" "$q")"; return 1; }
	sqlite3 "$a" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	[ "$(privacy_bytes "$a" "Ans de Wit")" = 0 ] || { why "the name is in the bytes after the merge"; return 1; }
	# the other way: the older copy learns the forgetting from a merge
	run "$PACT_SAN" --db "$old" merge "$a"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$old" "SELECT count(*) FROM person WHERE name = 'Ans de Wit'")$(sqlite3 "$old" "SELECT count(*) FROM experiment WHERE instr(owner || team, 'Ans de Wit') > 0")" = 00 ] || { why "the older copy kept the person"; return 1; }
	[ "$(privacy_bytes "$old" "Ans de Wit")" = 0 ] || { why "the name is in the older copy's bytes"; return 1; }
	run "$PACT_SAN" --db "$a" forget person 99
	expect_rc 3 && expect_in "$T/err" "no person '99'" || return 1
	run "$PACT_SAN" --db "$a" forget someone 1
	expect_rc 2 && expect_in "$T/err" "usage: pact forget participant|person ID"
}

# The card form: Ctrl-P in Owner picks from the register, Ctrl-P in Team
# adds a member; a typed name not in the register is offered to be added.
t_tmux_people_card_form_picks_and_adds() {
	local db=$T/c.db
	people_csv && "$PACT_PLAIN" --db "$db" import people "$T/people.csv" 2>/dev/null || return 1
	printf 'title\nWoonvisie\n' >"$T/one.csv" && "$PACT_PLAIN" --db "$db" import experiments "$T/one.csv" >/dev/null 2>&1 || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p E && wait_for "┌─ Experiment card" || return 1
	tm send-keys -t p Tab Tab Tab Tab && wait_for "Ctrl-P Choose" || return 1
	tm send-keys -t p C-p && wait_for "┌─ The register of people" && wait_for "accelerator (versneller)" || return 1
	tm send-keys -t p Down Enter && wait_gone "┌─ The register of people" || return 1
	tm send-keys -t p Tab C-p && wait_for "┌─ The register of people" || return 1
	tm send-keys -t p Enter && wait_gone "┌─ The register of people" || return 1
	tm send-keys -t p ", Femke Nieuw" C-d && wait_for "Not in the register of people: Femke Nieuw. Add them to" || return 1
	tm send-keys -t p y && wait_for "1 person added to the register" || return 1
	[ "$(sqlite3 "$db" "SELECT owner || '|' || team FROM experiment")" = "Bas Jansen|Ans de Wit, Femke Nieuw" ] || { why "card: $(sqlite3 "$db" "SELECT owner || '|' || team FROM experiment")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT role FROM person WHERE name = 'Femke Nieuw'")" = other ] || { why "Femke not added"; return 1; }
	# No keeps the name on the card only
	tm send-keys -t p E && wait_for "┌─ Experiment card" || return 1
	tm send-keys -t p Tab Tab Tab Tab C-u "Gijs Los" C-d && wait_for "Not in the register of people: Gijs Los." || return 1
	tm send-keys -t p n && wait_gone "Not in the register" || return 1
	[ "$(sqlite3 "$db" "SELECT owner FROM experiment")|$(sqlite3 "$db" "SELECT count(*) FROM person WHERE name = 'Gijs Los'")" = "Gijs Los|0" ] || { why "No added the name"; return 1; }
	# the new-card form (quick: it asks nothing more): Ctrl-P in Owner picks too
	tm send-keys -t p n && wait_for "┌─ New experiment" || return 1
	tm send-keys -t p "Buurtbudget" Tab C-p && wait_for "┌─ The register of people" || return 1
	tm send-keys -t p Enter && wait_gone "┌─ The register of people" && tm send-keys -t p C-d && wait_for "New card in Idea" || return 1
	[ "$(sqlite3 "$db" "SELECT owner FROM experiment WHERE title = 'Buurtbudget'")" = "Ans de Wit" ] || { why "new card: $(sqlite3 "$db" "SELECT owner FROM experiment WHERE title = 'Buurtbudget'")"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

# The filter's person field shows the cards a person owns or is in the
# team of; the pool view counts them per column and Enter filters the Board.
t_tmux_people_filter_and_pool() {
	local db=$T/c.db
	people_csv && "$PACT_PLAIN" --db "$db" import people "$T/people.csv" 2>/dev/null && people_cards "$db" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Woonvisie" && wait_for "Wijknetwerk" || return 1
	tm send-keys -t p / && wait_for "┌─ Filter the board" || return 1
	tm send-keys -t p Tab Tab Tab Tab Tab "cor smit" C-d && wait_for 'person "cor smit"' || return 1
	wait_gone "Wijknetwerk" && wait_for "Woonvisie" || return 1
	tm send-keys -t p x && wait_for "Wijknetwerk" || return 1
	tm send-keys -t p V && wait_for "┌─ Pool: people and their cards per column" || return 1
	wait_for "Name            Role           Idea  Prep  Run   Eval  Anch  Stopped " || return 1
	wait_for "Ans de Wit      accelerator    1           1" || return 1
	wait_for "Cor Smit        facilitator                1" || return 1
	tm send-keys -t p Down Enter && wait_for 'person "Bas Jansen"' && wait_for "Woonvisie" && wait_for "Wijknetwerk" || return 1
	tm send-keys -t p V && wait_for "┌─ Pool" && tm send-keys -t p v && wait_for "(owner)" && wait_for "Running" || return 1
	tm send-keys -t p Escape Escape && wait_gone "┌─ Pool" && tm send-keys -t p q && wait_exit 0
}

# The pool in Dutch at 80x24, with a person added and edited from there
# (consent and contact), and a contact without consent refused on the form.
t_tmux_people_pool_dutch() {
	local db=$T/c.db
	people_csv && "$PACT_PLAIN" --db "$db" import people "$T/people.csv" 2>/dev/null && people_cards "$db" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl --db "$db" || return 1
	wait_for "[1 Stappenplan]" && tm send-keys -t p 2 && wait_for "Woonvisie" || return 1
	tm send-keys -t p V && wait_for "┌─ Pool: mensen en hun kaarten per kolom" || return 1
	wait_for "Naam            Rol            Idee  Voorb Loopt Eval  Veran Gestopt " || return 1
	wait_for "Ans de Wit      versneller     1           1" && wait_for "Bas Jansen      lid opgaveteam 1           1" &&
		wait_for "Cor Smit        facilitator                1" || return 1
	tm send-keys -t p n && wait_for "┌─ Nieuwe persoon" || return 1
	tm send-keys -t p "Henk Proef" Tab Tab Tab Tab "henk@example.org" C-d && wait_for "contact: contactgegevens worden alleen bewaard" || return 1
	tm send-keys -t p BTab Space C-d && wait_for "Persoon toegevoegd aan het register." || return 1
	[ "$(sqlite3 "$db" "SELECT role || consent || contact FROM person WHERE name = 'Henk Proef'")" = "accelerator1henk@example.org" ] || { why "Henk: $(sqlite3 "$db" "SELECT * FROM person WHERE name = 'Henk Proef'")"; return 1; }
	wait_for "Henk Proef      versneller" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Pool" && tm send-keys -t p q && wait_exit 0
}
