# Crash safety: pact killed with SIGKILL at random moments, at least 50
# times over three tests — while ideas are typed in a real terminal, during
# an import of 1,000,000 rows, and during a merge. After every kill the
# database passes PRAGMA integrity_check, every idea whose Enter was
# processed (shown on the screen) is there, and the import or merge is
# wholly present or wholly absent. Each test adds a line to $CRASH_REPORT
# when that is set (tests/reliability writes tests/RELIABILITY.md from it).

crash_report() { [ -n "${CRASH_REPORT:-}" ] && printf '%s\n' "$*" >>"$CRASH_REPORT"; return 0; }

# A random pause of MIN to MAX milliseconds.
random_pause() { sleep "$(awk -v a="$1" -v b="$2" -v r="$RANDOM" 'BEGIN { printf "%.3f", (a + (b - a) * r / 32767) / 1000 }')"; }

integrity_ok() {
	local got
	got=$(sqlite3 "$1" "PRAGMA integrity_check" 2>&1)
	[ "$got" = ok ] && return 0
	why "integrity_check after kill $2: $got"
	return 1
}

# The pid of pact running in tmux session $1.
pact_pid() { pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')"; }

t_crash_sigkill_while_typing_ideas() {
	local db=$T/.local/share/pact/pact.db kill pid shown stored sent=0 i first keys partial=0
	session_with_round 60:00 || return 1
	for kill in $(seq 1 20); do
		[ "$kill" -gt 1 ] && {
			tm kill-session -t p 2>/dev/null
			start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
			wait_for "Diverge  " || return 1
			screen_text | grep -qF "Idea (anonymous) >" || tm send-keys -t p i
			wait_for "Idea (anonymous) >" || return 1
		}
		first=$((sent + 1))
		# sixty ideas in one go; the kill lands while they are being taken in
		keys=()
		for i in $(seq "$first" $((first + 59))); do keys+=("Idee $i" Enter); done
		tm send-keys -t p "${keys[@]}"
		random_pause 0 250
		# what the screen shows as stored just before the kill
		shown=$(screen_text | grep -oE '[0-9]+/[0-9]+' | tail -1 | cut -d/ -f2)
		pid=$(pact_pid p) || { why "no pact process at kill $kill"; return 1; }
		kill -9 "$pid"
		# SIGKILL lands at once, but a write already in the kernel finishes: count
		# only once the process is gone (its exit status written by the pane)
		for i in $(seq 1 "$(polls)"); do [ -s "$T/exit.p" ] && break; sleep 0.02; done
		[ -s "$T/exit.p" ] || { why "pact did not end after kill $kill"; return 1; }
		integrity_ok "$db" "$kill" || return 1
		stored=$(sqlite3 "$db" "SELECT count(*) FROM idea")
		[ "${shown:-0}" -le "$stored" ] || { why "kill $kill: the screen showed $shown ideas, $stored are stored"; return 1; }
		# stored ideas are whole and in order: exactly Idee 1 … Idee N
		[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text = 'Idee ' || id")" = "$stored" ] ||
			{ why "kill $kill: an idea is damaged or out of order"; sqlite3 "$db" "SELECT id, text FROM idea" | tail -5 >&2; return 1; }
		[ $((stored - sent)) -lt 60 ] && partial=$((partial + 1))
		sent=$stored
	done
	crash_report "| SIGKILL while typing ideas (tmux) | 20 kills ($partial in the middle of typing) | $stored ideas stored; after every kill integrity ok and every idea shown on screen stored, whole and in order |"
}

# A database with one session, and $2 ideas for it as CSV in $3.
ideas_csv() {
	local db=$1 rows=$2 csv=$3
	"$PACT" --db "$db" session new "Groot" >/dev/null || return 1
	sqlite3 "$db" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $rows)
		INSERT INTO idea(uuid, session_id, text, late, created_at, updated_at)
		SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
		       || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 1,
		       'Idee ' || x || CASE x % 3 WHEN 0 THEN ', met \"quotes\"' || char(10) || 'en € 250' ELSE '' END,
		       x % 7 = 0, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z' FROM c" || return 1
	[ -z "$csv" ] || "$PACT_PLAIN" --db "$db" export ideas "$csv" 2>/dev/null
}

t_crash_sigkill_during_import() {
	local kill pid n mid=0
	ideas_csv "$T/src.db" 1000000 "$T/ideas.csv" || return 1
	"$PACT" --db "$T/src.db" export sessions "$T/sessions.csv" 2>/dev/null &&
		"$PACT" --db "$T/dst.db" import sessions "$T/sessions.csv" 2>/dev/null || return 1
	for kill in $(seq 1 15); do
		"$PACT" --db "$T/dst.db" import ideas "$T/ideas.csv" >/dev/null 2>&1 &
		pid=$!
		random_pause 100 6000
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		integrity_ok "$T/dst.db" "$kill" || return 1
		n=$(sqlite3 "$T/dst.db" "SELECT count(*) FROM idea")
		case $n in
		0) mid=$((mid + 1)) ;;
		1000000) sqlite3 "$T/dst.db" "DELETE FROM idea" ;; # finished before the kill: start again empty
		*) why "kill $kill: $n of 1000000 rows imported"; return 1 ;;
		esac
	done
	# and once without a kill, everything
	"$PACT" --db "$T/dst.db" import ideas "$T/ideas.csv" >/dev/null 2>&1 || { why "the last import failed"; return 1; }
	[ "$(sqlite3 "$T/dst.db" "SELECT count(*) FROM idea")" = 1000000 ] || { why "not all rows after a full import"; return 1; }
	crash_report "| SIGKILL during an import of 1,000,000 ideas | 15 kills ($mid before it finished) | after every kill integrity ok and 0 or all 1,000,000 rows |"
}

t_crash_sigkill_during_merge() {
	local kill pid n before mid=0
	ideas_csv "$T/other.db" 200000 "" || return 1
	"$PACT" --db "$T/mine.db" session new "Eigen" >/dev/null &&
		"$PACT" --db "$T/mine.db" idea add 1 "Mijn idee" >/dev/null || return 1
	before=$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea")
	for kill in $(seq 1 15); do
		"$PACT" --db "$T/mine.db" merge "$T/other.db" >/dev/null 2>&1 &
		pid=$!
		random_pause 50 2500
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		integrity_ok "$T/mine.db" "$kill" || return 1
		integrity_ok "$T/other.db" "$kill (the other file)" || return 1
		n=$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea")
		if [ "$n" = $((before + 200000)) ]; then
			# finished before the kill: take it out again
			sqlite3 "$T/mine.db" "DELETE FROM idea WHERE session_id <> 1; DELETE FROM session WHERE id <> 1" || return 1
		elif [ "$n" = "$before" ]; then
			mid=$((mid + 1))
		else
			why "kill $kill: $n ideas, expected $before or $((before + 200000))"; return 1
		fi
	done
	"$PACT" --db "$T/mine.db" merge "$T/other.db" >/dev/null 2>&1 || { why "the last merge failed"; return 1; }
	[ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea")" = $((before + 200000)) ] || { why "not all merged"; return 1; }
	crash_report "| SIGKILL during a merge of 200,000 ideas | 15 kills ($mid before it finished) | after every kill integrity ok in both files and the merge wholly there or not at all |"
}

# A file that may not grow (ulimit -f: the full disk of a laptop), a file
# marked read-only, and a file another program keeps locked: a clear
# message, a non-zero exit, no crash, and the file intact afterwards.
t_crash_full_disk_readonly_and_locked() {
	local sum db=$T/x.db
	"$PACT" --db "$db" session new "Groot" >/dev/null || return 1
	ideas_csv "$T/src.db" 40000 "$T/ideas.csv" || return 1
	# full
	run bash -c "ulimit -f 1024; exec '$PACT_SAN' --db '$db' import ideas '$T/ideas.csv'"
	expect_rc 4 && grep -qE "disk is full|could not be written \(is the disk full\?\), so nothing was changed" "$T/err" ||
		{ why "full disk: $(cat "$T/err")"; return 1; }
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] && [ "$(sqlite3 "$db" "SELECT count(*) FROM idea")" = 0 ] ||
		{ why "after the full disk: $(sqlite3 "$db" "PRAGMA integrity_check; SELECT count(*) FROM idea")"; return 1; }
	run bash -c "ulimit -f 1024; exec '$PACT_SAN' --db '$db' idea add 1 'Past nog'"
	expect_rc 0 || return 1
	# read-only: reading works, writing is refused, nothing changes
	chmod a-w "$db"
	sum=$(sha256sum <"$db")
	run "$PACT_SAN" --db "$db" session list
	expect_rc 0 && expect_in "$T/out" "Groot" || return 1
	run "$PACT_SAN" --db "$db" idea add 1 "Mag niet"
	expect_rc 4 && expect_in "$T/err" "the database file is read-only, so nothing was changed" || return 1
	[ "$(sha256sum <"$db")" = "$sum" ] || { why "the read-only file changed"; return 1; }
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "read-only" && wait_for "x.db is read-only: you can look, but nothing" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	chmod u+w "$db"
	# locked by another program for longer than pact waits (10 s)
	{ echo "BEGIN EXCLUSIVE;"; echo "INSERT INTO settings VALUES ('lock', 'x');"; sleep 13; echo "ROLLBACK;"; } |
		sqlite3 "$db" >/dev/null 2>&1 &
	sleep 0.5
	run "$PACT_SAN" --db "$db" idea add 1 "Wacht"
	expect_rc 4 && expect_in "$T/err" "another program keeps the database locked (pact waited 10 seconds), so nothing was changed" || return 1
	wait
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] &&
		[ "$(sqlite3 "$db" "SELECT group_concat(text, '|') FROM idea")" = "Past nog" ] || { why "after the lock"; return 1; }
	crash_report "| Full disk (ulimit -f), read-only file, file locked by another program | 3 cases | clear message, exit status 4, file intact (integrity ok, unchanged) |"
}
