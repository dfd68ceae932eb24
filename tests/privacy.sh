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

# An export without names is for reading: importing it back would overwrite
# the details it left out with "*". It is refused, place named, nothing changed.
t_privacy_anonymised_export_is_not_imported_back() {
	local db=$T/p.db before
	privacy_fill "$db" || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, role, wijk, age_band) VALUES
		('bbbbbbbb-0000-4000-8000-000000000001', 1, 'Gijs', 'resident', 'Oost', '18-29'),
		('bbbbbbbb-0000-4000-8000-000000000002', 1, 'Hans', 'resident', 'Oost', '45-64'),
		('bbbbbbbb-0000-4000-8000-000000000003', 1, 'Iris', 'resident', 'Oost', '65+'),
		('bbbbbbbb-0000-4000-8000-000000000004', 1, 'Jan', 'resident', 'Oost', '18-29'),
		('bbbbbbbb-0000-4000-8000-000000000005', 1, 'Kees', 'resident', 'Oost', '45-64')" || return 1
	"$PACT_SAN" --db "$db" export participants "$T/all.csv" 2>/dev/null || return 1
	# only rows whose role and wijk are real: the age band alone was left out
	{ head -1 "$T/all.csv"; grep ',resident,Oost,\*$' "$T/all.csv"; } >"$T/anon.csv"
	[ "$(grep -c . "$T/anon.csv")" -ge 6 ] || { why "the export generalised no age band: $(cat "$T/all.csv")"; return 1; }
	before=$(sqlite3 "$db" "SELECT group_concat(role || '/' || coalesce(wijk, '') || '/' || coalesce(age_band, ''), ';') FROM participant")
	run "$PACT_SAN" --db "$db" import participants "$T/anon.csv"
	expect_rc 3 && expect_in "$T/err" "$T/anon.csv:2:7" && expect_in "$T/err" "import a file exported with --with-names" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(role || '/' || coalesce(wijk, '') || '/' || coalesce(age_band, ''), ';') FROM participant")" = "$before" ] ||
		{ why "the import changed the participants"; return 1; }
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
	wait_for "Wijkavond" && tm send-keys -t p Escape P && wait_for "Participants" && tm send-keys -t p b && wait_for "Who took part" || return 1
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
	expect_rc 0 && expect_in "$T/out" "1 session is past its keep-until date" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant")" = 7 ] || { why "a dry run removed people"; return 1; }
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "purged 1 session past its keep-until date: 6 participants removed" || return 1
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

# Forgetting is final: a tombstone (UUID, kind, date; no name) stops an
# older copy of the file, or an older CSV, from bringing the person back.
t_privacy_forgotten_stays_forgotten_in_merge_and_import() {
	local db=$T/p.db uuid=aaaaaaaa-0000-4000-8000-000000000001
	privacy_fill "$db" || return 1
	sqlite3 "$db" "VACUUM INTO '$T/older.db'" || return 1
	"$PACT_SAN" --db "$db" export participants "$T/older.csv" --with-names 2>/dev/null || return 1
	grep -q "$uuid,Wijkavond,Ans,Zeldzame Geheimnaam" "$T/older.csv" || { why "older.csv: $(cat "$T/older.csv")"; return 1; }
	# an idea naming her by UUID (upper case, as a spreadsheet may write it)
	printf 'session,idea,participant\nWijkavond,Een speeltuin,%s\n' "${uuid^^}" >"$T/ideas.csv"
	run "$PACT_SAN" --db "$db" forget participant $uuid
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "SELECT * FROM forgotten")" = "$uuid|participant|$(date +%F)" ] ||
		{ why "tombstone: $(sqlite3 "$db" "SELECT * FROM forgotten")"; return 1; }
	run "$PACT_SAN" --db "$db" merge "$T/older.db"
	expect_rc 0 && expect_in "$T/err" "participants: 0 new, 5 updated" && expect_in "$T/err" "participants: skipped 1 forgotten record" &&
		expect_in "$T/err" "ideas: 1 link to a forgotten record left empty" || return 1
	privacy_gone "$db" "$uuid" || { why "after the merge"; return 1; }
	run "$PACT_SAN" --db "$db" import participants "$T/older.csv"
	expect_rc 0 && expect_in "$T/err" "imported 5 participants (0 new, 5 updated)" && expect_in "$T/err" "participants: skipped 1 forgotten record" || return 1
	privacy_gone "$db" "$uuid" || { why "after the import"; return 1; }
	run "$PACT_SAN" --db "$db" import ideas "$T/ideas.csv"
	expect_rc 0 && expect_in "$T/err" "imported 1 idea (1 new, 0 updated)" && expect_in "$T/err" "ideas: 1 link to a forgotten record left empty" || return 1
	privacy_gone "$db" "$uuid" || { why "after the ideas"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE participant_id IS NULL AND text IN ('Een speeltuin', 'Meer bankjes')")" = 2 ] ||
		{ why "ideas: $(sqlite3 "$db" "SELECT text, participant_id FROM idea")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM forgotten")" = 1 ] || { why "tombstones multiplied"; return 1; }
}

# The person with this UUID is not in the file, nor her name, nor a link.
privacy_gone() {
	local db=$1 uuid=$2
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant WHERE uuid = '$uuid' OR name IS NOT NULL")" = 0 ] ||
		{ why "the forgotten person is back: $(sqlite3 "$db" "SELECT uuid, alias, name FROM participant")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant")" = 5 ] || { why "the others went"; return 1; }
	sqlite3 "$db" .dump | grep -q "Zeldzame" && { why "the name is in the dump"; return 1; }
	grep -q "Zeldzame" "$T/out" "$T/err" && { why "a message names the forgotten person"; return 1; }
	return 0
}

t_privacy_purged_names_stay_purged_in_a_merge() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	sqlite3 "$db" "VACUUM INTO '$T/older.db'" || return 1
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "6 participants removed" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*), min(kind), max(kind), min(date), max(date) FROM forgotten")" = "6|participant|participant|$(date +%F)|$(date +%F)" ] ||
		{ why "tombstones: $(sqlite3 "$db" "SELECT * FROM forgotten")"; return 1; }
	run "$PACT_SAN" --db "$db" merge "$T/older.db"
	expect_rc 0 && expect_in "$T/err" "participants: skipped 6 forgotten records" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM participant")" = 0 ] || { why "purged people came back"; return 1; }
	sqlite3 "$db" .dump | grep -q "Zeldzame" && { why "the purged name came back"; return 1; }
	grep -q "Zeldzame" "$T/out" "$T/err" && { why "a message names a purged person"; return 1; }
	return 0
}

# The other direction: what another laptop forgot is forgotten here too
# when its file is merged in.
t_privacy_merge_forgets_what_the_other_file_forgot() {
	local db=$T/p.db uuid=aaaaaaaa-0000-4000-8000-000000000001
	privacy_fill "$db" || return 1
	sqlite3 "$db" "VACUUM INTO '$T/other.db'" || return 1
	"$PACT_SAN" --db "$T/other.db" forget participant $uuid >/dev/null || return 1
	# with pact open on the file, so nothing but pact empties the -wal
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" brainstorm 1 || return 1
	wait_for "Wijkavond" || return 1
	run "$PACT_SAN" --db "$db" merge "$T/other.db"
	expect_rc 0 && expect_in "$T/err" "participants: 1 forgotten in the other file, so forgotten here too" || return 1
	grep -q "warning" "$T/err" && { why "warned: $(cat "$T/err")"; return 1; }
	[ "$(privacy_bytes "$db" "Zeldzame Geheimnaam")" = 0 ] || { why "the name is still in the bytes of the files"; return 1; }
	tm send-keys -t p Escape q && wait_exit 0 || return 1
	[ "$(sqlite3 "$db" "SELECT uuid, kind FROM forgotten")" = "$uuid|participant" ] || { why "no tombstone here"; return 1; }
	privacy_gone "$db" "$uuid" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text = 'Meer bankjes' AND participant_id IS NULL")" = 1 ] || { why "the idea kept its link"; return 1; }
	# a damaged tombstone is refused, and nothing of that merge stays
	sqlite3 "$T/other.db" "INSERT INTO forgotten VALUES ('geen-uuid', 'participant', '2026-01-01'); INSERT INTO session(uuid, title, date, created_at) VALUES ('dddddddd-0000-4000-8000-000000000001', 'Nieuw', '2026-01-01', 'x')" || return 1
	run "$PACT_SAN" --db "$db" merge "$T/other.db"
	expect_rc 3 && expect_in "$T/err" "$T/other.db: a tombstone of a forgotten record is damaged: 'geen-uuid' is not a valid UUID" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM session WHERE title = 'Nieuw'")" = 0 ] || { why "half a merge stayed"; return 1; }
}

# retain_until (keep personal data until) only ever moves earlier when a
# session comes in again: the earlier date wins, and a date wins over none.
t_privacy_keep_until_is_never_loosened_by_merge_or_import() {
	local a=cccccccc-0000-4000-8000-00000000000 want got
	printf 'id,title,retain_until\n%sa,A,2030-01-01\n%sb,B,2025-01-01\n%sc,C,\n%sd,D,2026-01-01\n%se,E,\n' $a $a $a $a $a >"$T/mine.csv"
	printf 'id,title,retain_until\n%sa,A,2025-06-01\n%sb,B,2030-01-01\n%sc,C,2027-01-01\n%sd,D,\n%se,E,\n' $a $a $a $a $a >"$T/other.csv"
	want="A|2025-06-01 B|2025-01-01 C|2027-01-01 D|2026-01-01 E|"
	for f in mine other; do
		"$PACT_SAN" --db "$T/$f.db" import sessions "$T/$f.csv" 2>/dev/null || return 1
		cp "$T/$f.db" "$T/$f-0.db"
	done
	# merge, both ways
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/other-0.db"
	expect_rc 0 || return 1
	run "$PACT_SAN" --db "$T/other.db" merge "$T/mine-0.db"
	expect_rc 0 || return 1
	# import, both ways
	cp "$T/mine-0.db" "$T/mine-csv.db" && cp "$T/other-0.db" "$T/other-csv.db"
	run "$PACT_SAN" --db "$T/mine-csv.db" import sessions "$T/other.csv"
	expect_rc 0 || return 1
	run "$PACT_SAN" --db "$T/other-csv.db" import sessions "$T/mine.csv"
	expect_rc 0 || return 1
	for f in mine other mine-csv other-csv; do
		got=$(sqlite3 "$T/$f.db" "SELECT group_concat(title || '|' || coalesce(retain_until, ''), ' ') FROM (SELECT * FROM session ORDER BY title)")
		[ "$got" = "$want" ] || { why "$f: $got"; return 1; }
	done
}

# The raw bytes of every file pact keeps (the database, its -wal and -shm):
# how many lines hold text.
privacy_bytes() {
	local db=$1 text=$2 f n=0
	for f in "$db" "$db-wal" "$db-shm"; do
		[ -e "$f" ] && n=$((n + $(grep -ac -- "$text" "$f")))
	done
	echo $n
}

# A session with a participant whose name is longer than a page (so it
# sits on overflow pages, in the database file), and pact open on it in
# tmux; then a second participant imported while it runs (so that name is
# in the -wal).
privacy_open_with_names() {
	local db=$1 long
	long=$(printf 'Langenaamvanbijnazevenduizendtekens%.0s' $(seq 1 200))
	"$PACT_SAN" --db "$db" session new "Wijkavond" --retain-until 2020-06-30 >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, name, consent) VALUES ('cccccccc-0000-4000-8000-000000000001', 1, 'Ypkelang', '$long', 1)" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" brainstorm 1 || return 1
	wait_for "Wijkavond" && tm send-keys -t p Escape && wait_for "COMMANDS" || return 1
	printf 'id,session,alias,name,consent\ncccccccc-0000-4000-8000-000000000002,Wijkavond,Xaverius,Quirijn Zwartenkot,1\n' >"$T/p.csv"
	"$PACT_SAN" --db "$db" import participants "$T/p.csv" 2>/dev/null || return 1
	[ "$(grep -ac "Quirijn Zwartenkot" "$db-wal")" -gt 0 ] || { why "the imported name is not in the -wal to begin with"; return 1; }
	[ "$(privacy_bytes "$db" Langenaamvanbijna)" -gt 0 ] || { why "the long name is not in the files to begin with"; return 1; }
}

privacy_no_trace() {
	local db=$1 text
	for text in "Quirijn Zwartenkot" Langenaamvanbijna Xaverius Ypkelang; do
		[ "$(privacy_bytes "$db" "$text")" = 0 ] || { why "'$text' is still in the bytes of $(grep -lac -- "$text" "$db" "$db-wal" "$db-shm" 2>/dev/null)"; return 1; }
	done
}

# No sqlite3 shell touches the file between the forgetting and the search:
# it would checkpoint the log on closing and hide what pact left.
t_privacy_forget_leaves_no_trace_in_any_file_while_pact_is_open() {
	local db=$T/p.db
	privacy_open_with_names "$db" || return 1
	run "$PACT_SAN" --db "$db" forget participant cccccccc-0000-4000-8000-000000000001
	expect_rc 0 || return 1
	grep -q "warning" "$T/err" && { why "warned: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --db "$db" forget participant cccccccc-0000-4000-8000-000000000002
	expect_rc 0 || return 1
	privacy_no_trace "$db" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	# the long name's overflow pages went to the freelist, overwritten
	[ "$(sqlite3 "$db" "PRAGMA freelist_count")" -gt 0 ] || { why "no page was freed: the test did not reach the freelist"; return 1; }
	privacy_no_trace "$db"
}

t_privacy_purge_leaves_no_trace_in_any_file_while_pact_is_open() {
	local db=$T/p.db
	privacy_open_with_names "$db" || return 1
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "2 participants removed" || return 1
	grep -q "warning" "$T/err" && { why "warned: $(cat "$T/err")"; return 1; }
	privacy_no_trace "$db" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Another program in the middle of reading holds the -wal: the forgetting
# stands (exit 0) and the user is told where the name may still be.
t_privacy_forget_warns_while_another_program_reads() {
	local db=$T/p.db
	privacy_fill "$db" || return 1
	tm new-session -d -s r -x 80 -y 24 "sqlite3 '$db'" || return 1
	# (a space after the last ';', or tmux takes it for its own separator)
	tm send-keys -t r "BEGIN; SELECT 'reading', count(*) FROM participant; " Enter
	PANE=r wait_for "reading|6" || return 1
	run "$PACT_SAN" --db "$db" forget participant aaaaaaaa-0000-4000-8000-000000000001
	expect_rc 0 && expect_in "$T/out" "forgotten" || return 1
	expect_in "$T/err" "pact: warning: another program is reading the database, so its write-ahead log (-wal) could not be emptied; what was removed is still in $db until the log is emptied: once the other program has stopped reading, run pact check and it is gone" || return 1
	[ "$(privacy_bytes "$db" "Zeldzame Geheimnaam")" -gt 0 ] || { why "the warning was not needed"; return 1; }
	# once the reader is done, pact check (as the warning says) empties the log
	tm send-keys -t r "COMMIT; SELECT 'fin' || 'ished'; " Enter
	PANE=r wait_for "finished" || return 1
	"$PACT_SAN" --db "$db" check >/dev/null || return 1
	[ "$(privacy_bytes "$db" "Zeldzame Geheimnaam")" = 0 ] || { why "the name stayed after pact check"; return 1; }
	run "$PACT_SAN" --db "$db" forget participant aaaaaaaa-0000-4000-8000-000000000002
	expect_rc 0 || return 1
	grep -q "warning" "$T/err" && { why "warned again: $(cat "$T/err")"; return 1; }
	[ "$(privacy_bytes "$db" "Zeldzame Geheimnaam")" = 0 ] || { why "the name stayed"; return 1; }
}

# The same from the screens: the facilitator forgets both people in the
# Brainstorm panel (P, f, y) while a second pact has the file open.
t_privacy_forget_on_screen_leaves_no_trace_while_another_pact_is_open() {
	local db=$T/p.db
	privacy_open_with_names "$db" || return 1
	PANE=o start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	PANE=o wait_for "Stappenplan" || return 1
	tm send-keys -t p P && wait_for "Xaverius" && wait_for "Ypkelang" || return 1
	tm send-keys -t p f && wait_for "Forget this participant?" && tm send-keys -t p y && wait_gone "Xaverius" || return 1
	tm send-keys -t p f && wait_for "Forget this participant?" && tm send-keys -t p y && wait_gone "Ypkelang" || return 1
	screen_text | grep -q "could not be emptied" && { why "warned: $(screen_text)"; return 1; }
	privacy_no_trace "$db" || return 1
	tm send-keys -t o q && PANE=o wait_exit 0 && tm send-keys -t p Escape && wait_gone "Participants" && tm send-keys -t p q && wait_exit 0 || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM forgotten WHERE uuid LIKE 'cccccccc-%' AND kind = 'participant'")" = 2 ] || { why "no tombstones from the screen"; return 1; }
}

# A voter's label on a ballot may be a name (a live voter in an open poll
# may give one; an imported file may carry them): exports leave it out
# unless asked (--with-names), and purge takes it off the ballots of a
# session past its keep-until date, from the raw bytes too, for good.
t_privacy_voter_names_left_out_and_purged() {
	local db=$T/p.db f
	"$PACT_SAN" --db "$db" session new "Oud" --retain-until 2020-01-01 >/dev/null || return 1
	"$PACT_SAN" --db "$db" idea add 1 "Bankjes" >/dev/null && "$PACT_SAN" --db "$db" idea add 1 "Groen" >/dev/null || return 1
	"$PACT_SAN" --db "$db" poll new --session 1 --method approval --open --title Open >/dev/null || return 1
	printf 'voter,option,value\nJan Zeldzaamnaam,Bankjes,1\nPiet Vondelmaan,Groen,1\nPiet Vondelmaan,Bankjes,1\n' >"$T/b.csv"
	"$PACT_SAN" --db "$db" import ballots --poll 1 "$T/b.csv" 2>/dev/null || { why "ballots refused"; return 1; }
	"$PACT_SAN" --db "$db" poll show 1 --format csv >"$T/want.csv" || return 1
	run "$PACT_SAN" --db "$db" export ballots --poll 1 -
	expect_rc 0 || return 1
	grep -q "Zeldzaamnaam\|Vondelmaan" "$T/out" && { why "names exported without --with-names: $(cat "$T/out")"; return 1; }
	case "$(sort "$T/out" | tr '\n' ' ')" in
	"ballot 1,Bankjes,1 ballot 2,Bankjes,1 ballot 2,Groen,1 voter,option,value " | \
	"ballot 1,Bankjes,1 ballot 1,Groen,1 ballot 2,Bankjes,1 voter,option,value ") ;;
	*) why "numbered ballots: $(cat "$T/out")"; return 1 ;;
	esac
	# the numbered file counts as the poll does (in a poll of no session)
	printf 'option\nBankjes\nGroen\n' >"$T/o.csv"
	"$PACT_SAN" --db "$db" poll new --options "$T/o.csv" --method approval --open --title Terug >/dev/null || return 1
	"$PACT_SAN" --db "$db" import ballots --poll 2 "$T/out" 2>/dev/null || { why "the numbered file was refused"; return 1; }
	"$PACT_SAN" --db "$db" poll show 2 --format csv | cmp -s - "$T/want.csv" || { why "the numbered ballots count otherwise"; return 1; }
	run "$PACT_SAN" --db "$db" export pabulib --poll 1 -
	grep -q "Zeldzaamnaam\|Vondelmaan" "$T/out" && { why "names in the Pabulib export"; return 1; }
	run "$PACT_SAN" --db "$db" export ballots --poll 1 - --with-names
	expect_rc 0 && expect_in "$T/out" "Jan Zeldzaamnaam,Bankjes,1" || return 1
	sqlite3 "$db" "VACUUM INTO '$T/older.db'; VACUUM INTO '$T/nl.db'" || return 1
	run "$PACT_SAN" --db "$db" purge
	expect_rc 0 && expect_in "$T/out" "the voters' names were taken off 2 ballots; the ballots still count." || return 1
	run "$PACT_SAN" --lang nl --db "$T/nl.db" purge
	expect_rc 0 && expect_in "$T/out" "van 2 stembiljetten" || return 1
	"$PACT_SAN" --db "$db" poll show 1 --format csv | cmp -s - "$T/want.csv" || { why "purge changed the result"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*), count(voter), count(DISTINCT cast_at), min(cast_at) FROM ballot WHERE poll_id = 1")" = "2|0|1|$(date +%F)" ] ||
		{ why "ballots after purge: $(sqlite3 "$db" "SELECT * FROM ballot")"; return 1; }
	for f in "$db" "$db-wal" "$db-shm"; do
		[ -e "$f" ] && grep -qa "Zeldzaamnaam\|Vondelmaan" "$f" && { why "a purged voter's name is in the bytes of $f"; return 1; }
	done
	# merging a copy from before the purge does not bring the names back
	"$PACT_SAN" --db "$db" merge "$T/older.db" >/dev/null 2>&1 || { why "merge of the older copy refused"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot WHERE voter IS NOT NULL AND poll_id = 1")" = 0 ] || { why "a merge brought names back"; return 1; }
	run "$PACT_SAN" --db "$db" purge --dry-run
	expect_rc 0 && expect_in "$T/out" "0 sessions are past"
}
