# Personal data on the command line and at start: forgetting a participant
# overwrites the name in the file (secure_delete), sessions past their
# keep-until date are purged and announced, breakdowns hide groups under
# five so that no subtraction brings them back (from the session list, the
# other groups, or all sessions against one), an export without names
# singles out nobody, and a file others can read is warned about.

# A session with participants (name only with consent) and their ideas.
privacy_fill() {
	local db=$1
	"$PACT_SAN" --db "$db" session new "Wijkavond" --retain-until 2020-06-30 >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, name, consent, role, wijk, age_band) VALUES
		('aaaaaaaa-0000-4000-8000-000000000001', 1, 'Ans', 'Zeldzame Geheimnaam', 1, 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000002', 1, 'Bas', NULL, 0, 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000003', 1, 'Cor', NULL, 0, 'resident', 'West', '65+'),
		('aaaaaaaa-0000-4000-8000-000000000004', 1, 'Dirk', NULL, 0, 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000005', 1, 'Eva', NULL, 0, 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000006', 1, 'Fee', NULL, 0, 'entrepreneur', 'Oost', '30-44')" || return 1
	"$PACT_SAN" --db "$db" idea add 1 "Meer bankjes" --participant Ans >/dev/null
}

t_privacy_forget_overwrites_the_name() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	grep -qa "Zeldzame Geheimnaam" "$db" "$db-wal" 2>/dev/null || sqlite3 "$db" "PRAGMA wal_checkpoint" >/dev/null
	run "$PACT_SAN" --db "$db" forget participant AAAAAAAA-0000-4000-8000-000000000001
	expect_rc 0 && expect_in "$T/out" "forgotten" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text = 'Meer bankjes' AND participant_id IS NULL")" = 1 ] || { why "the idea went or kept its author"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant")" = 5 ] || return 1
	# no trace of the name in the file or its journal
	sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	grep -qa "Zeldzame Geheimnaam" "$db" "$db-wal" 2>/dev/null && { why "the name is still in the file's bytes"; return 1; }
	run "$PACT_SAN" --db "$db" forget participant 1
	expect_rc 3 && expect_in "$T/err" "no participant '1'" || return 1
	run "$PACT_SAN" --db "$db" forget someone 2
	expect_rc 2
}

# The attacker: breakdown CSV on stdin, the session's total (as the session
# list shows it) in $1. Tries every count the hidden groups of a dimension
# can have ("<5": 1 to 4; "x": 5 or more) that adds up to the total, and
# prints each "<5" group whose count comes out the same every time.
privacy_derive() {
	awk -F, -v total="$1" '
	function walk(d, i, left,   x, lo, hi, j) {
		if (i > nh[d]) {
			if (left == 0)
				for (j = 1; j <= nh[d]; j++)
					seen[d, j, val[j]] = 1
			return
		}
		lo = kind[d, i] == "<5" ? 1 : 5
		hi = kind[d, i] == "<5" ? 4 : left
		for (x = lo; x <= hi && x <= left; x++) {
			val[i] = x
			walk(d, i + 1, left - x)
		}
	}
	NR > 1 && $2 == "*" { pooled[$1] = 1; next }
	NR > 1 {
		dims[$1] = 1
		if ($3 ~ /^[0-9]+$/) shown[$1] += $3
		else { nh[$1]++; kind[$1, nh[$1]] = $3; name[$1, nh[$1]] = $2 }
	}
	END {
		for (d in dims) {
			if (d in pooled) continue
			walk(d, 1, total - shown[d])
			for (i = 1; i <= nh[d]; i++) {
				if (kind[d, i] != "<5") continue
				n = 0
				for (x = 1; x <= 4; x++) if ((d, i, x) in seen) { n++; v = x }
				if (n < 2) print d "," name[d, i] " is " (n ? v : "impossible")
			}
		}
	}'
}

# A session's participants as the session list shows them.
privacy_people() {
	"$PACT_SAN" --db "$1" session list --format csv | awk -F, -v id="$2" '$1 == id { print $6 }'
}

t_privacy_breakdown_cannot_be_undone_by_subtraction() {
	local db=$T/p.db total
	# five residents and one entrepreneur: "resident 5, entrepreneur <5"
	# beside PEOPLE 6 in the session list would give the entrepreneur away
	privacy_fill "$db" || return 1
	run "$PACT_SAN" --db "$db" export breakdown --session 1 -
	expect_rc 0 || return 1
	total=$(privacy_people "$db" 1)
	[ "$total" = 6 ] || { why "session list: '$total' people"; return 1; }
	grep -q '^role,entrepreneur' "$T/out" && { why "the entrepreneur is listed: $(cat "$T/out")"; return 1; }
	leak=$(privacy_derive "$total" <"$T/out")
	[ -z "$leak" ] || { why "derived from the breakdown and the session list: $leak"; return 1; }
	[ "$(grep -c '^[a-z_]*,\*,6$' "$T/out")" = 3 ] || { why "not the session's total where nothing can be shown: $(cat "$T/out")"; return 1; }
	# two more residents: now the entrepreneur can hide behind the residents
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, role, wijk, age_band) VALUES
		('aaaaaaaa-0000-4000-8000-000000000007', 1, 'Gea', 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000008', 1, 'Hans', 'resident', 'Oost', NULL)" || return 1
	run "$PACT_SAN" --db "$db" export breakdown --session 1 -
	total=$(privacy_people "$db" 1)
	expect_rc 0 && expect_in "$T/out" "role,entrepreneur,<5" && expect_in "$T/out" "role,resident,x" || return 1
	leak=$(privacy_derive "$total" <"$T/out")
	[ -z "$leak" ] || { why "derived from the breakdown and the session list: $leak"; return 1; }
	# a session of two: the session list says <5, and so does its breakdown
	"$PACT_SAN" --db "$db" session new "Klein" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, role) VALUES
		('cccccccc-0000-4000-8000-000000000001', 2, 'Ina', 'council_member'),
		('cccccccc-0000-4000-8000-000000000002', 2, 'Jan', 'council_member')" || return 1
	run "$PACT_SAN" --db "$db" session list
	expect_rc 0 || return 1
	grep -qE '^ +2 .* <5  Klein$' "$T/out" || { why "session list: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --db "$db" export breakdown --session 2 -
	expect_rc 0 && expect_in "$T/out" "role,*,<5" || return 1
	grep -q 'council_member' "$T/out" && { why "a session of two shows that both are council members"; return 1; }
	return 0
}

t_privacy_all_sessions_minus_other_sessions_reveals_nothing() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "A" >/dev/null && "$PACT_SAN" --db "$db" session new "B" >/dev/null || return 1
	sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
		INSERT INTO participant(uuid, session_id, alias, role, wijk)
		SELECT 'a' || i, 1, 'a' || i, CASE WHEN i = 1 THEN 'entrepreneur' ELSE 'resident' END, 'Oost' FROM n WHERE i <= 10
		UNION ALL SELECT 'b' || i, 2, 'b' || i, CASE WHEN i <= 6 THEN 'entrepreneur' ELSE 'resident' END, 'Oost' FROM n" || return 1
	"$PACT_SAN" --db "$db" export breakdown --session 1 "$T/a.csv" &&
		"$PACT_SAN" --db "$db" export breakdown --session 2 "$T/b.csv" &&
		"$PACT_SAN" --db "$db" export breakdown "$T/all.csv" || return 1
	grep -qx "role,entrepreneur,<5" "$T/a.csv" || { why "A: $(cat "$T/a.csv")"; return 1; }
	grep -qx "role,entrepreneur,6" "$T/b.csv" || { why "B: $(cat "$T/b.csv")"; return 1; }
	# every group A hides must have no number in the sum of all sessions:
	# the number less B's would be A's
	leak=$(awk -F, 'FNR == 1 { f++; next }
		f == 1 && $3 !~ /^[0-9]+$/ { hidden[$1 "," $2] = 1 }
		f == 2 && $3 ~ /^[0-9]+$/ { b[$1 "," $2] = $3 }
		f == 3 && ($1 "," $2) in hidden && $3 ~ /^[0-9]+$/ { print $1 "," $2 " = " $3 " - " b[$1 "," $2] + 0 }' \
		"$T/a.csv" "$T/b.csv" "$T/all.csv")
	[ -z "$leak" ] || { why "A's hidden group from all sessions less B: $leak"; return 1; }
	# what every session shows is still summed
	grep -qx "wijk,Oost,22" "$T/all.csv" || { why "all: $(cat "$T/all.csv")"; return 1; }
}

t_privacy_export_participants_singles_out_nobody() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	# Fee is the one entrepreneur, Cor the one from West aged 65+
	run "$PACT_SAN" --db "$db" export participants -
	expect_rc 0 || return 1
	[ "$(head -1 "$T/out")" = "id,session,alias,consent,role,wijk,age_band" ] || { why "header: $(head -1 "$T/out")"; return 1; }
	grep -q "entrepreneur" "$T/out" && { why "the one entrepreneur is in the file: $(cat "$T/out")"; return 1; }
	grep -q "West\|65+" "$T/out" && { why "the one from West is in the file: $(cat "$T/out")"; return 1; }
	# every combination of session, role, wijk and age band is shared by five or more
	few=$(awk -F, 'NR > 1 { n[$2 "," $5 "," $6 "," $7]++ } END { for (k in n) if (n[k] < 5) print k " (" n[k] ")" }' "$T/out")
	[ -z "$few" ] || { why "combinations of fewer than five: $few"; return 1; }
	expect_in "$T/err" "6 participants' role, wijk and age_band shown as *" || return 1
	# a seventh, unlike anyone: left out whole is not needed, but nobody is alone
	"$PACT_SAN" --db "$db" session new "Klein" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, role) VALUES ('cccccccc-0000-4000-8000-000000000001', 2, 'Ina', 'council_member')" || return 1
	run "$PACT_SAN" --db "$db" export participants "$T/p.csv"
	expect_rc 0 && expect_in "$T/err" "1 left out: fewer than 5 people of their session share their role, wijk and age_band" || return 1
	grep -q "Ina" "$T/p.csv" && { why "a session of one is in the file"; return 1; }
	# with --with-names, an explicit choice, everything is there as it is
	run "$PACT_SAN" --db "$db" export participants - --with-names
	expect_rc 0 && expect_in "$T/out" "Fee,,0,entrepreneur,Oost,30-44" && expect_in "$T/out" "Ina,,0,council_member,," || return 1
	grep -q "shown as \*" "$T/err" && { why "--with-names generalised: $(cat "$T/err")"; return 1; }
	return 0
}

# (This test once expected "role,resident,5" and "role,entrepreneur,<5" for
# privacy_fill's six people: beside PEOPLE 6 in the session list that is an
# entrepreneur of 1. Two more residents make a session whose groups can be
# shown safely.)
t_privacy_breakdown_hides_groups_under_five() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, role, wijk, age_band) VALUES
		('aaaaaaaa-0000-4000-8000-000000000007', 1, 'Gea', 'resident', 'Oost', '30-44'),
		('aaaaaaaa-0000-4000-8000-000000000008', 1, 'Hans', 'resident', 'Oost', NULL)" || return 1
	run "$PACT_SAN" --db "$db" export breakdown --session 1 -
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "dimension,group,participants
role,entrepreneur,<5
role,resident,x
wijk,Oost,x
wijk,West,<5
age_band,,<5
age_band,30-44,x
age_band,65+,<5" ] || { why "breakdown: $(cat "$T/out")"; return 1; }
	# exports leave names out unless asked
	"$PACT_SAN" --db "$db" export participants "$T/p.csv" 2>/dev/null || return 1
	grep -q "Zeldzame" "$T/p.csv" && { why "a name was exported without --with-names"; return 1; }
	"$PACT_SAN" --db "$db" export participants "$T/p.csv" --with-names 2>/dev/null && grep -q "Zeldzame Geheimnaam" "$T/p.csv" ||
		{ why "--with-names left the name out"; return 1; }
	# on screen, in the Brainstorm panel's participant list (P, then b): the
	# hidden groups get the same hatched mark, not a bar of their size
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" brainstorm 1 || return 1
	wait_for "Wijkavond" && tm send-keys -t p P && wait_for "Participants" && tm send-keys -t p b && wait_for "Who took part" || return 1
	wait_for "Groups of fewer than 5 people are shown as <5" && wait_for "x: hidden as well" || return 1
	screen=$(tm capture-pane -p -t p)
	resident=$(grep "resident" <<<"$screen" | head -1) entrepreneur=$(grep "entrepreneur" <<<"$screen" | head -1)
	[[ $resident == *"░░░ "*" x"* && $entrepreneur == *"░░░ "*" <5"* ]] || { why "chart: $screen"; return 1; }
	[[ $resident != *"█"* ]] || { why "a bar for the hidden residents: $resident"; return 1; }
}

t_privacy_purge_after_keep_until_and_reminder() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	"$PACT_SAN" --db "$db" session new "Toekomst" --retain-until 2099-01-01 >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias) VALUES ('bbbbbbbb-0000-4000-8000-000000000001', 2, 'Gijs')" || return 1
	run "$PACT_SAN" --db "$db" session new "Fout" --retain-until morgen
	expect_rc 3 && expect_in "$T/err" "keep personal data until: " || return 1
	# the reminder at start
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "1 session is past its keep-until date: run pact purge." || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	run "$PACT_SAN" --db "$db" purge --dry-run
	expect_rc 0 && expect_in "$T/out" "1 sessions are past their keep-until date" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant")" = 7 ] || { why "a dry run removed people"; return 1; }
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "purged 1 sessions past their keep-until date: 6 participants removed" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(alias) FROM participant")" = Gijs ] || { why "wrong people purged"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE participant_id IS NULL")" = 1 ] || { why "the idea went"; return 1; }
	sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	grep -qa "Zeldzame Geheimnaam" "$db" && { why "the purged name is still in the file"; return 1; }
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "purged 0 sessions"
}

t_privacy_file_readable_by_others_is_warned_about() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "Wijk" >/dev/null || return 1
	[ "$(stat -c %a "$db")" = 600 ] || { why "a new file is $(stat -c %a "$db")"; return 1; }
	chmod 644 "$db"
	run "$PACT_SAN" --db "$db" session list
	expect_rc 0 && expect_in "$T/err" "warning: $db can be read by other users of this computer (mode 0644)" || return 1
	start_pact 100x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "can be read by other users of this computer (mode 0644)" || return 1
	tm send-keys -t p q && wait_exit 0
}
