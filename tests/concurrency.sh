# Many terminals at once: four pact processes write to one database file
# for 30 seconds — ideas, and now and then a ballot — while a fifth shows
# the session live. No "database is locked" (or any error) reaches a user,
# no write is lost, and the live screen shows the others' work within a
# second.

# worker K SECONDS: add ideas (and every fourth time a ballot) until the
# time is up; writes "IDEAS BALLOTS" to $T/count.K, errors to $T/err.K.
concurrency_worker() {
	local k=$1 end=$((SECONDS + $2)) ideas=0 ballots=0
	while [ "$SECONDS" -lt "$end" ]; do
		"$PACT" idea add 1 "Idee $k-$((ideas + 1))" >/dev/null 2>>"$T/err.$k" || { echo "idea add failed" >>"$T/err.$k"; break; }
		ideas=$((ideas + 1))
		if [ $((ideas % 4)) = 0 ]; then
			printf 'voter,option,value\nStemmer %s-%s,Groen,1\n' "$k" "$ballots" >"$T/b.$k.csv"
			"$PACT" import ballots --poll 1 "$T/b.$k.csv" >/dev/null 2>>"$T/err.$k.log" ||
				{ cat "$T/err.$k.log" >>"$T/err.$k"; echo "ballot import failed" >>"$T/err.$k"; break; }
			ballots=$((ballots + 1))
		fi
	done
	echo "$ideas $ballots" >"$T/count.$k"
}

t_concurrent_four_writers_for_30_seconds() {
	local db=$T/.local/share/pact/pact.db k ideas=0 ballots=0 n b i total
	"$PACT" session new "Drukke avond" >/dev/null && "$PACT" idea add 1 "Groen" >/dev/null &&
		"$PACT" idea add 1 "Grijs" >/dev/null || return 1
	"$PACT" poll new --session 1 --method approval >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Drukke avond" || return 1
	for k in 1 2 3 4; do concurrency_worker "$k" "${CONCURRENCY_SECONDS:-30}" & done
	wait
	for k in 1 2 3 4; do
		[ -s "$T/err.$k" ] && { why "worker $k saw: $(head -3 "$T/err.$k")"; return 1; }
		read -r n b <"$T/count.$k" || return 1
		ideas=$((ideas + n))
		ballots=$((ballots + b))
	done
	grep -il "locked" "$T"/err.* >/dev/null 2>&1 && { why "'database is locked' reached a user"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea") " = "$((ideas + 2)) " ] ||
		{ why "ideas: $(sqlite3 "$db" "SELECT count(*) FROM idea") stored, $((ideas + 2)) reported"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = "$ballots" ] ||
		{ why "ballots: $(sqlite3 "$db" "SELECT count(*) FROM ballot") stored, $ballots reported"; return 1; }
	# the live screen has them all within a second
	total=$((ideas + 2))
	for i in $(seq 1 "$(polls 50)"); do
		screen_text | grep -qE "/$total( |$)" && break
		sleep 0.02
	done
	screen_text | grep -qE "/$total( |$)" || { why "the live screen does not show $total ideas within a second"; screen_text >&2; return 1; }
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || return 1
	crash_report "| Four processes writing at once for ${CONCURRENCY_SECONDS:-30} s | $ideas ideas, $ballots ballots | no error reached a user, nothing lost, the live screen showed all within a second |"
}
