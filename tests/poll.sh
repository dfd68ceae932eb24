# Polls on the command line: made from a session's ideas, ballots imported
# by the method's rules, the result as pact tally gives it, closing.

t_poll_from_ideas_counts_like_tally() {
	local db=$T/.local/share/pact/pact.db
	"$PACT_SAN" session new "Wijk" >/dev/null || return 1
	for i in "Meer groen" "Bankjes" "Licht" "meer groen!"; do "$PACT_SAN" idea add 1 "$i" >/dev/null; done
	sqlite3 "$db" "UPDATE idea SET merged_into = 1 WHERE text = 'meer groen!'" || return 1
	run "$PACT_SAN" poll new --session 1 --method borda --title "Wat eerst?"
	expect_rc 0 && [ "$(cat "$T/out")" = 1 ] || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(name, '|') FROM (SELECT name FROM poll_option ORDER BY position)")" = "Meer groen|Bankjes|Licht" ] ||
		{ why "options: merged duplicates must not be options"; return 1; }
	printf 'voter,option,value\nAns,Bankjes,1\nAns,Licht,2\nBas,Meer groen,1\nCor,Bankjes,1\nBas,Bankjes,2\n' >"$T/b.csv"
	run "$PACT_SAN" import ballots --poll 1 "$T/b.csv"
	expect_rc 0 && expect_in "$T/err" "imported 3 ballots" || return 1
	"$PACT_SAN" poll show 1 >"$T/show.txt" || return 1
	printf 'option\nMeer groen\nBankjes\nLicht\n' >"$T/o.csv"
	"$PACT_SAN" tally --method borda --ballots "$T/b.csv" --options "$T/o.csv" >"$T/tally.txt" || return 1
	cmp -s "$T/show.txt" "$T/tally.txt" || { why "poll show differs from tally:"; diff "$T/show.txt" "$T/tally.txt" >&2; return 1; }
	"$PACT_SAN" poll show 1 --format csv >"$T/show.csv" && "$PACT_SAN" tally --method borda --ballots "$T/b.csv" --options "$T/o.csv" --format csv >"$T/tally.csv" &&
		cmp -s "$T/show.csv" "$T/tally.csv" || { why "csv results differ"; return 1; }
	"$PACT_SAN" export results --poll 1 "$T/results.csv" && cmp -s "$T/results.csv" "$T/tally.csv" || { why "export results"; return 1; }
	"$PACT_SAN" export ballots --poll 1 "$T/ballots.csv" || return 1
	[ "$(grep -c . "$T/ballots.csv")" = 6 ] || { why "export ballots: $(cat "$T/ballots.csv")"; return 1; }
}

# Approval percentages are the share of the voters who ticked an option
# (each voter may tick them all): 2 voters who both ticked Bankjes make
# 100%, not 40% of the five ticks. pact poll show and pact tally say so
# under the ranking, in both languages, and agree; dots stay a share of
# all dots.
t_poll_approval_share_of_voters() {
	vote_fixture_room || return 1
	run "$PACT_SAN" --db pact.db poll show 2
	expect_rc 0 || return 1
	[ "$(sed -n 2p "$T/out" | tr -s ' ')" = " 1 Bankjes bij de haven 2 100.0% ██████████" ] &&
		[ "$(sed -n 3p "$T/out" | tr -s ' ')" = " 2= Speelstraat op zondag 1 50.0% █████" ] ||
		{ why "approval shares:"; cat "$T/out" >&2; return 1; }
	expect_in "$T/out" "Percentage: the share of the voters who ticked the option." || return 1
	cp "$T/out" show.txt
	# the poll's options in their order: the session's ideas
	{ echo option; sqlite3 pact.db "SELECT text FROM idea ORDER BY id"; } >room-options.csv
	run "$PACT_SAN" --db pact.db tally --method approval --ballots room-approval.csv --options room-options.csv
	cmp -s "$T/out" show.txt || { why "pact tally differs from poll show:"; diff show.txt "$T/out" >&2; return 1; }
	run "$PACT_SAN" --db pact.db --lang nl poll show 2
	expect_in "$T/out" "100,0%" && expect_in "$T/out" "Percentage: het deel van de stemmers dat deze optie heeft aangevinkt." || return 1
	run "$PACT_SAN" --db pact.db poll show 1
	expect_in "$T/out" "5  33.3%" && expect_in "$T/out" "Percentage: the share of all dots given." || return 1
}

t_poll_ballot_refusals_are_all_or_nothing() {
	local db=$T/.local/share/pact/pact.db
	"$PACT_SAN" session new "Wijk" >/dev/null && "$PACT_SAN" idea add 1 "Groen" >/dev/null && "$PACT_SAN" idea add 1 "Grijs" >/dev/null || return 1
	"$PACT_SAN" poll new --session 1 --method dot --dots 3 >/dev/null || return 1
	printf 'voter,option,value\nAns,Groen,2\nBas,Grijs,1\nBas,Groen,3\n' >"$T/b.csv"
	run "$PACT_SAN" import ballots --poll 1 "$T/b.csv"
	expect_rc 3 && expect_in "$T/err" "$T/b.csv:4:3: voter 'Bas'" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 0 ] || { why "some ballots landed"; return 1; }
	printf 'voter,option,value\nAns,Groen,2\n' >"$T/ok.csv"
	"$PACT_SAN" import ballots --poll 1 "$T/ok.csv" 2>/dev/null || { why "a good file was refused"; return 1; }
	run "$PACT_SAN" import ballots --poll 1 "$T/ok.csv"
	expect_rc 3 && expect_in "$T/err" "voter 'Ans' has a ballot in this poll already" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 1 ] || { why "the second import landed"; return 1; }
	printf 'voter,option,value\nAns,Paars,1\n' >"$T/c.csv"
	run "$PACT_SAN" import ballots --poll 1 "$T/c.csv"
	expect_rc 3 && expect_in "$T/err" "unknown option 'Paars'" || return 1
	run "$PACT_SAN" poll close 1
	expect_rc 0 || return 1
	printf 'voter,option,value\nAns,Groen,1\n' >"$T/d.csv"
	run "$PACT_SAN" import ballots --poll 1 "$T/d.csv"
	expect_rc 3 && expect_in "$T/err" "is closed" || return 1
	run "$PACT_SAN" poll list
	expect_in "$T/out" "(closed)"
}

t_poll_standalone_budget() {
	printf 'option,cost\nSpeeltuin,60000\nBankjes,10000\nMoestuin,35000\n' >"$T/o.csv"
	run "$PACT_SAN" poll new --method pb-mes --options "$T/o.csv" --budget 80000 --title "Buurtbudget"
	expect_rc 0 || return 1
	printf 'voter,option,value\nA,Speeltuin,1\nB,Speeltuin,1\nC,Bankjes,1\nC,Moestuin,1\n' >"$T/b.csv"
	"$PACT_SAN" import ballots --poll 1 "$T/b.csv" 2>/dev/null || return 1
	run "$PACT_SAN" poll show 1 --format csv
	expect_rc 0 && [ "$(awk -F, 'NR > 1 { s += $3 } END { print s + 0 }' "$T/out")" -le 80000 ] || { why "over budget"; return 1; }
	run "$PACT_SAN" poll new --method pb-greedy --options "$T/o.csv"
	expect_rc 2 && expect_in "$T/err" "--budget"
}

t_poll_migrates_a_version_2_database() {
	local db=$T/old.db
	awk '/^-- version 3/ { exit } { print }' "$ROOT/data/schema.sql" | sqlite3 "$db" || return 1
	sqlite3 "$db" "PRAGMA user_version = 2; INSERT INTO session(uuid, title, date, created_at) VALUES ('u', 'Oud', '2025-01-01', 'x');
		INSERT INTO idea(uuid, session_id, text, created_at, updated_at) VALUES ('i', 1, 'Bewaard', 'x', 'x')" || return 1
	run "$PACT_SAN" --db "$db" poll list
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "PRAGMA user_version")" = "$(grep -c "^-- version" "$ROOT/data/schema.sql")" ] && [ "$(sqlite3 "$db" "SELECT text FROM idea")" = Bewaard ] ||
		{ why "migration lost data or did not run"; return 1; }
	sqlite3 "$db" "SELECT sql FROM sqlite_master WHERE name = 'idea_by_merge'" | grep -q "WHERE merged_into IS NOT NULL" ||
		{ why "partial index missing"; return 1; }
}

# A session with three ideas and a dot poll over them (3 dots each).
dot_poll() {
	"$PACT" session new "Wijk" >/dev/null || return 1
	for i in "Meer groen" "Bankjes" "Licht"; do "$PACT" idea add 1 "$i" >/dev/null; done
	"$PACT" poll new --session 1 --method dot --dots 3 --title "Wat eerst?" >/dev/null
}

t_tmux_vote_ballot_by_ballot() {
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 && wait_for "Wat eerst?" || return 1
	tm send-keys -t p Enter && wait_for "0 ballots" && tm send-keys -t p b && wait_for "Dots left: 3 of 3" || return 1
	tm send-keys -t p 2 Down 1 && wait_for "Dots left: 0 of 3" && tm send-keys -t p Enter && wait_for "Ballot 1 stored" || return 1
	tm send-keys -t p Enter && wait_for "the ballot is empty" || return 1
	tm send-keys -t p 2 Down 2 Enter && wait_for "gives 4 dots in all; each voter has 3" || return 1
	tm send-keys -t p BSpace Enter && wait_for "Ballot 2 stored" || return 1
	tm send-keys -t p Escape && wait_for "2 ballots" && wait_for "1. Meer groen" && wait_for "2. Bankjes" || return 1
	wait_for "Tie rule: tied options share a position" && wait_for "4 (80%)" || return 1
	tm send-keys -t p p && wait_gone "Tie rule" && wait_gone "2 ballots" && wait_gone "[4 Vote]" && wait_for "Meer groen" || return 1
	wait_for "p or Esc: back to the normal view" || return 1
	tm send-keys -t p p && wait_for "Tie rule" || return 1
	tm send-keys -t p d && wait_for "Dot voting — 2 voters, 3 options" && tm send-keys -t p Escape && wait_gone "2 voters" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT sum(value) FROM mark")" = 5 ]
}

# secret_start PIN: from the results of poll 1, a secret vote with that PIN.
secret_start() {
	tm send-keys -t p s && wait_for "the facilitator's PIN" || return 1
	tm send-keys -t p "$1" Tab "$1" Enter && wait_for "Voter 1 — press Enter when ready"
}

t_tmux_vote_secret_pass_the_laptop() {
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p s && wait_for "the facilitator's PIN" || return 1
	tm send-keys -t p 4711 Tab 4712 Enter && wait_for "the two PINs differ" || return 1
	screen_text | grep -q 4711 && { why "the PIN shows on the screen"; return 1; }
	tm send-keys -t p BSpace 1 Enter && wait_for "Voter 1 — press Enter when ready" || return 1
	tm send-keys -t p 2 && wait_for "Voter 1 — press Enter" || return 1 # a digit does nothing here
	tm send-keys -t p Tab 5 q F1 && wait_for "Voter 1 — press Enter" || return 1
	screen_text | grep -qE "Keys:|\[5 Library\]" && { why "a voter could leave secret voting"; return 1; }
	screen_text | grep -q "Bankjes" && { why "options shown before the voter is ready"; return 1; }
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p 3 Enter && wait_for "Voter 2 — press Enter when ready" || return 1
	screen_text | grep -q "Meer groen" && { why "the last ballot is still on screen"; return 1; }
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" || return 1
	screen_text | grep -q "  3   Meer groen" && { why "the earlier ballot shows in the next one"; return 1; }
	tm send-keys -t p Escape && wait_for "Voter 2 — press Enter" || return 1 # Esc: back, not to results
	tm send-keys -t p Escape && wait_for "End the secret vote? The results will show on this" || return 1
	tm send-keys -t p y && wait_for "End the secret vote: facilitator's PIN" || return 1
	tm send-keys -t p 4711 Enter && wait_for "— 1 ballot" && wait_for "Secret voting ended" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM ballot WHERE voter IS NULL AND length(cast_at) = 10")" = 1 ] ||
		{ why "a secret ballot keeps its time"; return 1; }
	run "$PACT_SAN" poll history 1
	expect_in "$T/out" "Secret vote started" && expect_in "$T/out" "ended by the facilitator (with the PIN)"
}

# What a voter can try on the waiting screen: Esc and yes (the old way to the
# results), Ctrl-C, q, tabs, help, s, a wrong PIN, resizing to a tiny
# terminal. None shows a ballot or a result, none leaves the vote; another
# terminal and the command line see the results sealed too.
t_tmux_vote_secret_no_peeking() {
	local k
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	secret_start 4711 || return 1
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p 3 Enter && wait_for "Voter 2 — press Enter when ready" || return 1
	peeked() { screen_text | grep -qE "ballot\b|1\. Meer groen|Meer groen|Tie rule|\[5 Library\]|Keys:"; }
	tm send-keys -t p Escape && wait_for "End the secret vote?" && tm send-keys -t p y && wait_for "facilitator's PIN" || return 1
	tm send-keys -t p Enter && wait_for "wrong PIN; the secret vote goes on" || return 1
	tm send-keys -t p 0000 Enter && wait_for "wrong PIN" || return 1
	tm send-keys -t p C-c && sleep 0.2
	screen_text | grep -q "Quit pact" && { why "Ctrl-C offers to quit during a secret vote"; return 1; }
	[ -s "$T/exit.p" ] && { why "pact quit during a secret vote"; return 1; }
	tm send-keys -t p Escape && wait_for "Discard" 2>/dev/null; tm send-keys -t p y
	wait_for "Voter 2 — press Enter" || return 1
	peeked && { why "a voter saw more than the waiting screen"; return 1; }
	for k in s q Tab 5 F1 C-c BTab 1; do
		tm send-keys -t p "$k"; sleep 0.05
		peeked && { why "key $k showed something of the vote"; return 1; }
	done
	wait_for "Voter 2 — press Enter" || return 1
	tm resize-window -t p -x 20 -y 5 && sleep 0.2 && tm send-keys -t p q && sleep 0.2 && tm resize-window -t p -x 80 -y 24 || return 1
	[ -s "$T/exit.p" ] && { why "q in a tiny terminal quit the secret vote"; return 1; }
	wait_for "Voter 2 — press Enter" || return 1
	run "$PACT_SAN" poll show 1
	expect_rc 3 && expect_in "$T/err" "a secret vote is running" || return 1
	run "$PACT_SAN" export results --poll 1 -
	expect_rc 3 || return 1
	run "$PACT_SAN" export ballots --poll 1 -
	expect_rc 3 || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 || return 1
	PANE=q wait_for "[1 Wizard]" && tm send-keys -t q 4 Enter && PANE=q wait_for "A secret vote is running on this poll" || return 1
	PANE=q screen_text | grep -q "Meer groen" && { why "a second terminal shows the running result"; return 1; }
	tm send-keys -t p Escape && wait_for "End the secret vote?" && tm send-keys -t p y && wait_for "facilitator's PIN" &&
		tm send-keys -t p 4711 Enter && wait_for "1. Meer groen" || return 1
}

t_tmux_vote_secret_forgotten_pin_unlocked_from_the_command_line() {
	dot_poll || return 1
	run "$PACT_SAN" poll unlock 1
	expect_rc 3 && expect_in "$T/err" "no secret vote is running" || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	secret_start vergeten || return 1
	run "$PACT_SAN" poll unlock 1
	expect_rc 0 && expect_in "$T/err" "without the PIN" || return 1
	wait_for "The secret vote was ended from the command line" && wait_for "0 ballots" || return 1
	run "$PACT_SAN" poll history 1
	expect_in "$T/out" "Secret vote ended from the command line, without the PIN (pact poll unlock)"
}

# A ballot changed in the raw database (1000 dots where 5 are allowed) is
# not counted: poll show, the results export, a card from the poll and
# pact check all refuse, naming the poll and the ballot, as pact tally
# refuses the same ballots exported.
t_poll_tampered_ballot_is_refused_everywhere() {
	local db=$T/p.db
	printf 'option\nAlpha\nBravo\nCharlie\n' >"$T/o.csv"
	"$PACT_SAN" --db "$db" poll new --options "$T/o.csv" --method dot --title Dots --open >/dev/null || return 1
	printf 'voter,option,value\nv1,Alpha,3\nv1,Bravo,2\nv2,Charlie,5\n' >"$T/b.csv"
	"$PACT_SAN" --db "$db" import ballots --poll 1 "$T/b.csv" 2>/dev/null || return 1
	run "$PACT_SAN" --db "$db" check
	expect_rc 0 || return 1
	sqlite3 "$db" "UPDATE mark SET value = 1000 WHERE value = 5" || return 1
	for cmd in "poll show 1" "export results --poll 1 -" "card from-poll 1 --top 1" "check"; do
		run "$PACT_SAN" --db "$db" $cmd
		expect_rc 4 && expect_in "$T/err" "poll 1 ('Dots') holds ballot 2 that breaks its rules: puts 1000 dots on one option; at most 5" ||
			{ why "for pact $cmd"; return 1; }
		grep -q "1000" "$T/out" && { why "pact $cmd counted it: $(cat "$T/out")"; return 1; }
	done
	[ "$(sqlite3 "$db" "SELECT count(*) FROM experiment")" = 0 ] || { why "a card was made"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" poll show 1
	expect_rc 4 && expect_in "$T/err" "stemming 1 ('Dots')" || return 1
	# the TUI says so instead of showing a result
	start_pact 80x24 LANG=C.UTF-8 -- --db "$db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "breaks its rules" || return 1
	screen_text | grep -q "Charlie" && { why "the screen counts it"; return 1; }
	screen_text | grep -q "No ballots yet" && { why "the screen says there are no ballots"; return 1; }
	wait_for "changed outside pact" # the whole message where the result goes
}

# A running secret vote stays sealed in a merge too: merging the file
# elsewhere (a second terminal, another laptop's copy) is refused, naming the
# poll, until the facilitator ends the vote with the PIN.
t_tmux_vote_secret_sealed_in_a_merge() {
	local db=$T/.local/share/pact/pact.db
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	secret_start 4711 || return 1
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p 3 Enter && wait_for "Voter 2 — press Enter when ready" || return 1
	run "$PACT_SAN" --db "$T/other.db" merge "$db"
	expect_rc 3 && expect_in "$T/err" "a secret vote is running on poll 'Wat eerst?' there; end it on that laptop with the PIN first" || return 1
	[ -e "$T/other.db" ] && [ "$(sqlite3 "$T/other.db" "SELECT count(*) FROM ballot")" != 0 ] && { why "ballots merged"; return 1; }
	run "$PACT_SAN" --lang nl --db "$T/other.db" merge "$db"
	expect_rc 3 && expect_in "$T/err" "geheime stemming" || return 1
	tm send-keys -t p Escape && wait_for "End the secret vote?" && tm send-keys -t p y && wait_for "facilitator's PIN" &&
		tm send-keys -t p 4711 Enter && wait_for "— 1 ballot" || return 1
	run "$PACT_SAN" --db "$T/other.db" merge "$db"
	expect_rc 0 || return 1
	run "$PACT_SAN" --db "$T/other.db" poll show 1
	expect_rc 0 && expect_in "$T/out" "1 voter"
}

# Thirty secret ballots with known contents, cast in a known order through
# the real pact, four times; each time the raw bytes of the database, -wal
# and -shm are copied while pact still runs, and tests/secret_order.py (its
# own page and frame reader) compares every on-disk order with the cast
# order.
t_tmux_vote_secret_ballots_leave_no_order_on_disk() {
	local run k a b c db
	printf 'option\nA\nB\nC\n' >"$T/o.csv"
	for run in 1 2 3 4; do
		export PACT_DB=$T/run$run/pact.db
		mkdir -p "$T/run$run" "$T/snap$run"
		"$PACT" poll new --method score --range 0..9 --options "$T/o.csv" --title "Geheim" >/dev/null || return 1
		PANE=r$run start_pact 80x24 LANG=C.UTF-8 PACT_DB="$PACT_DB" || return 1
		PANE=r$run wait_for "[1 Wizard]" && tm send-keys -t r$run 4 Enter && PANE=r$run wait_for "0 ballots" || return 1
		tm send-keys -t r$run s && PANE=r$run wait_for "PIN" && tm send-keys -t r$run 4711 Tab 4711 Enter || return 1
		: >"$T/cast$run"
		for k in $(seq 0 29); do
			a=$((1 + k % 9)) b=$((1 + k / 9)) c=$((1 + (k * 7) % 9))
			PANE=r$run wait_for "Voter $((k + 1)) — press Enter" || return 1
			tm send-keys -t r$run Enter && PANE=r$run wait_for "Your ballot (secret)" || return 1
			tm send-keys -t r$run "$a" Down "$b" Down "$c" Enter
			echo "$a,$b,$c" >>"$T/cast$run"
		done
		PANE=r$run wait_for "Voter 31 — press Enter" || return 1
		db=$PACT_DB
		for f in "$db" "$db-wal" "$db-shm"; do [ -e "$f" ] && cp "$f" "$T/snap$run/"; done
		unset PACT_DB
		cmp -s "$T/cast1" "$T/cast$run" || { why "the runs cast different ballots"; return 1; }
	done
	python3 "$ROOT/tests/secret_order.py" "$T/cast1" "$T"/snap1 "$T"/snap2 "$T"/snap3 "$T"/snap4 >"$T/order.txt" 2>&1 && cp "$T/order.txt" /tmp/last-secret-order.txt ||
		{ why "the cast order can be read from the files:"; sed 's/^/       | /' "$T/order.txt" >&2; return 1; }
	grep -q "30 of 30 ballots identified" "$T/order.txt" || { why "the reader did not find the ballots"; cat "$T/order.txt" >&2; return 1; }
}

# The same for live voting with voter codes, through pact vote: neither the
# ballots nor the used codes keep the order they came in, and nothing links
# a ballot to its code. Codes are used in a shuffled order, so that the
# order they were made in is not the order they were used in.
t_tmux_vote_live_codes_leave_no_order_on_disk() {
	local run k a b c code
	printf 'option\nA\nB\nC\n' >"$T/o.csv"
	for run in 1 2; do
		export PACT_DB=$T/live$run/pact.db
		mkdir -p "$T/live$run" "$T/lsnap$run"
		"$PACT" poll new --method score --range 0..9 --options "$T/o.csv" --title "Live" >/dev/null || return 1
		"$PACT" poll codes 1 --count 30 "$T/codes$run.txt" 2>/dev/null || return 1
		shuf "$T/codes$run.txt" >"$T/lsnap$run/codes-used.txt"
		PANE=v$run start_pact 80x24 LANG=C.UTF-8 PACT_DB="$PACT_DB" -- vote 1 || return 1
		: >"$T/lcast"
		k=0
		while read -r code; do
			a=$((1 + k % 9)) b=$((1 + k / 9)) c=$((1 + (k * 7) % 9))
			PANE=v$run wait_for "Your voter code" || return 1
			tm send-keys -t v$run "$code" Enter && PANE=v$run wait_for "Cast my vote" || return 1
			tm send-keys -t v$run "$a" Down "$b" Down "$c" Enter && PANE=v$run wait_for "your vote is in" || return 1
			tm send-keys -t v$run Enter
			echo "$a,$b,$c" >>"$T/lcast"
			k=$((k + 1))
		done <"$T/lsnap$run/codes-used.txt"
		PANE=v$run wait_for "Your voter code" || return 1
		for f in "$PACT_DB" "$PACT_DB-wal" "$PACT_DB-shm"; do [ -e "$f" ] && cp "$f" "$T/lsnap$run/"; done
		unset PACT_DB
	done
	python3 "$ROOT/tests/secret_order.py" "$T/lcast" "$T"/lsnap1 "$T"/lsnap2 >"$T/order.txt" 2>&1 ||
		{ why "the order can be read from the files:"; sed 's/^/       | /' "$T/order.txt" >&2; return 1; }
	grep -q "30 of 30 ballots identified" "$T/order.txt" && grep -q "used voter codes by byte position" "$T/order.txt" ||
		{ why "the reader did not find the ballots and codes"; cat "$T/order.txt" >&2; return 1; }
	[ "$(sqlite3 "$T/live1/pact.db" "SELECT count(*) FROM voter_code WHERE used")" = 30 ] || { why "not every code was used"; return 1; }
}

t_poll_codes_on_the_command_line() {
	dot_poll || return 1
	run "$PACT_SAN" poll codes 1 --count 3 "$T/codes.csv"
	expect_rc 0 && expect_in "$T/err" "3 voter codes written" || return 1
	[ "$(head -1 "$T/codes.csv")" = code ] && [ "$(grep -cE '^[ACDEFHJKLMNPQRTUVWXY3479]{3}-[ACDEFHJKLMNPQRTUVWXY3479]{3}$' "$T/codes.csv")" = 3 ] ||
		{ why "codes.csv: $(cat "$T/codes.csv")"; return 1; }
	[ "$(stat -c %a "$T/codes.csv")" = 600 ] || { why "codes file is readable by others"; return 1; }
	run "$PACT_SAN" poll codes 1 --count 2
	expect_rc 0 && [ "$(grep -c . "$T/out")" = 2 ] || { why "codes to stdout: $(cat "$T/out")"; return 1; }
	for c in $(tail -n +2 "$T/codes.csv") $(cat "$T/out"); do
		grep -qF -- "$c" "$T/.local/share/pact/pact.db"* && { why "code $c is readable in the database"; return 1; }
		grep -qF -- "${c/-/}" "$T/.local/share/pact/pact.db"* && { why "code $c is readable in the database"; return 1; }
	done
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM voter_code")" = 5 ] || return 1
	run "$PACT_SAN" poll codes 1
	expect_rc 2 || return 1
	run "$PACT_SAN" poll codes 1 --count 0
	expect_rc 2 || return 1
	run "$PACT_SAN" poll codes 1 --count 100000
	expect_rc 3 || return 1
	"$PACT_SAN" poll close 1 || return 1
	run "$PACT_SAN" poll codes 1 --count 2
	expect_rc 3 && expect_in "$T/err" "closed" || return 1
	run "$PACT_SAN" poll history 1
	expect_in "$T/out" "3 voter codes made" && expect_in "$T/out" "2 voter codes made" && expect_in "$T/out" "Poll closed"
}

# Voter codes: one ballot per code, whichever terminal; the next voter may
# use the same terminal; nothing links a ballot to a code or a terminal.
t_tmux_vote_live_with_voter_codes() {
	local db=$T/.local/share/pact/pact.db c1 c2
	dot_poll || return 1
	"$PACT" poll codes 1 --count 3 "$T/codes.txt" 2>/dev/null || return 1
	c1=$(sed -n 1p "$T/codes.txt") c2=$(sed -n 2p "$T/codes.txt")
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Your voter code" || return 1
	tm send-keys -t q ACD-EFH Enter && PANE=q wait_for "not a voter code of this poll" || return 1
	tm send-keys -t q C-u "$c1" Enter && PANE=q wait_for "Dots left: 3 of 3" || return 1
	tm send-keys -t q Down 3 Enter && PANE=q wait_for "your vote is in" || return 1
	for i in $(seq 1 "$(polls 50)"); do screen_text | grep -q "— 1 ballot" && break; sleep 0.02; done
	screen_text | grep -q "— 1 ballot" || { why "results did not update within a second"; return 1; }
	# the same code from another terminal
	PANE=r start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=r wait_for "Your voter code" && tm send-keys -t r "$c1" Enter && PANE=r wait_for "has been used; each code casts one ballot" || return 1
	# the next voter on the same terminal, with their own code
	tm send-keys -t q Enter && PANE=q wait_for "Your voter code" || return 1
	PANE=q screen_text | grep -q "$c1" && { why "the last voter's code is still on screen"; return 1; }
	tm send-keys -t q "$c2" Enter && PANE=q wait_for "Dots left: 3 of 3" && tm send-keys -t q 1 Enter && PANE=q wait_for "your vote is in" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 2 ] && [ "$(sqlite3 "$db" "SELECT count(*) FROM voter_code WHERE used")" = 2 ] ||
		{ why "ballots or used codes do not add up"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot WHERE voter IS NOT NULL OR token IS NOT NULL")" = 0 ] ||
		{ why "a secret ballot carries a label or a token"; return 1; }
	sqlite3 "$db" "SELECT sql FROM sqlite_master WHERE name = 'voter_code'" | grep -qi "ballot" && { why "codes refer to ballots"; return 1; }
	tm send-keys -t p c && wait_for "Close the poll?" && tm send-keys -t p y && wait_for "closed" || return 1
	PANE=r wait_for "The poll is closed"
}

# An open poll may keep the name a voter gives; a secret one never asks.
t_tmux_vote_live_open_poll_takes_a_name() {
	local db=$T/.local/share/pact/pact.db c
	"$PACT" session new "Wijk" >/dev/null && "$PACT" idea add 1 "Groen" >/dev/null && "$PACT" idea add 1 "Grijs" >/dev/null || return 1
	"$PACT" poll new --session 1 --method approval --open --title "Open" >/dev/null || return 1
	c=$("$PACT" poll codes 1 --count 1) || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Your voter code" && tm send-keys -t q "$c" Enter && PANE=q wait_for "Your name (you may leave it empty)" || return 1
	tm send-keys -t q "Ans" Enter && PANE=q wait_for "Groen" && tm send-keys -t q Space Enter && PANE=q wait_for "your vote is in" || return 1
	[ "$(sqlite3 "$db" "SELECT voter FROM ballot")" = Ans ] || { why "the open poll lost the name"; return 1; }
}

# More options than fit a screen (and more than 512): Enter still casts.
t_tmux_vote_live_with_600_options() {
	local db=$T/.local/share/pact/pact.db c
	{ echo option; seq -f "Optie %g" 1 600; } >"$T/o.csv"
	"$PACT" poll new --method approval --options "$T/o.csv" --title "Veel" >/dev/null || return 1
	c=$("$PACT" poll codes 1 --count 1) || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Your voter code" && tm send-keys -t q "$c" Enter && PANE=q wait_for "Optie 1" || return 1
	tm send-keys -t q Space End Space Enter && PANE=q wait_for "your vote is in" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM mark")" = 2 ] || { why "marks: $(sqlite3 "$db" "SELECT count(*) FROM mark")"; return 1; }
}

# A poll closed while a long import is still being read takes none of it.
# The import reads from a pipe, so the close lands, for certain, while the
# import is halfway through the file (and holds no lock).
t_poll_closed_during_a_long_import_takes_none() {
	local db=$T/.local/share/pact/pact.db pid
	dot_poll || return 1
	awk 'BEGIN { print "voter,option,value"; for (v = 1; v <= 60000; v++) { print "v" v ",Meer groen,2"; print "v" v ",Bankjes,1" } }' >"$T/big.csv"
	mkfifo "$T/fifo" || return 1
	"$PACT_SAN" import ballots --poll 1 "$T/fifo" >"$T/imp.out" 2>"$T/imp.err" &
	pid=$!
	exec 3>"$T/fifo"
	head -n 60001 "$T/big.csv" >&3
	"$PACT" poll close 1 || { exec 3>&-; return 1; }
	kill -0 "$pid" 2>/dev/null || { exec 3>&-; why "the import ended before the close"; return 1; }
	tail -n +60002 "$T/big.csv" >&3
	exec 3>&-
	wait "$pid"
	rc=$?
	expect_rc 3 && expect_in "$T/imp.err" "is closed" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 0 ] || { why "ballots landed in the closed poll"; return 1; }
}

t_tmux_vote_counts_from_paper() {
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p 4 Enter && wait_for "Counts from paper" || return 1
	wait_for "Dots counted: 0 of at most 12 (voters × dots each: 4 × 3)" || return 1
	tm send-keys -t p 7 Down 4 Down 2 && wait_for "Dots counted: 13 of at most 12" && tm send-keys -t p Enter && wait_for "13 dots counted, more than the 12 the voters have (4 × 3)" || return 1
	tm send-keys -t p BSpace 1 && wait_for "Dots counted: 12 of at most 12" && tm send-keys -t p Enter && wait_for "+ 4 on paper" || return 1
	wait_for "1. Meer groen" && wait_for "7 (58%)" || return 1
	run "$PACT" poll show 1 --format csv
	[ "$(sed -n 2p "$T/out")" = "1,Meer groen,7" ] || { why "poll show: $(cat "$T/out")"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

t_tmux_vote_new_poll_in_the_panel() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Wijk" >/dev/null && "$PACT" idea add 1 "Groen" >/dev/null && "$PACT" idea add 1 "Licht" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 && wait_for "No polls yet" || return 1
	tm send-keys -t p n && wait_for "A vote on the ideas of which session?" && tm send-keys -t p Down Enter && wait_for "New poll" || return 1
	tm send-keys -t p Tab Right Right && wait_for "< Scores >" || return 1
	tm send-keys -t p Tab Tab Tab C-u "1..10" Tab Right Tab C-u "abc" C-d && wait_for "Seed for a lot: 'abc' is not a whole number" || return 1
	tm send-keys -t p C-u 42 C-d && wait_for "Scores — 0 ballots" && wait_for "Ties: broken by lot with seed 42;" || return 1
	[ "$(sqlite3 "$db" "SELECT method || lo || '..' || hi || tiebreak || seed FROM poll")" = "score1..10lot42" ] ||
		{ why "poll: $(sqlite3 "$db" 'SELECT * FROM poll')"; return 1; }
	tm send-keys -t p b && wait_for "Scores from 1 to 10" && tm send-keys -t p 1 0 Down 0 && wait_for "2 scored" || return 1
	tm send-keys -t p q && wait_for "2 scored" || return 1 # q is not for leaving a ballot
	tm send-keys -t p Escape && wait_for "Leave this ballot?" && tm send-keys -t p y q && wait_exit 0
}

t_tmux_vote_poll_with_typed_options_and_budget() {
	local db=$T/.local/share/pact/pact.db
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 n && wait_for "A poll with its own options" || return 1
	tm send-keys -t p Home Enter && wait_for "New poll with its own options" && wait_for "Budget: most votes" || return 1
	tm send-keys -t p Tab Tab "Speeltuin ; 60000" Enter "Bankjes ; 9.999,50" Enter "Moestuin ; 35000.25" Tab "80.000" C-d &&
		wait_for "Budget: most votes — 0 ballots" && wait_for "Tie rule: equal approvals go to the lower cost" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(cost, ' ') FROM poll_option ORDER BY position")" = "6000000 999950 3500025" ] || { why "costs not kept in cents"; return 1; }
	[ "$(sqlite3 "$db" "SELECT budget FROM poll")" = 8000000 ] || { why "budget not kept in cents"; return 1; }
	tm send-keys -t p b && wait_for "Speeltuin" && tm send-keys -t p Space Down Space Enter && wait_for "Ballot 1 stored" || return 1
	tm send-keys -t p Escape && wait_for "Budget €80,000.00; funded €69,999.50; left €10,000.50" && wait_for "€9,999.50" || return 1
}

# The Vote panel makes voter codes too, and shows them once.
t_tmux_vote_codes_from_the_panel() {
	local db=$T/.local/share/pact/pact.db c
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p v && wait_for "Number of codes" && tm send-keys -t p x Enter && wait_for "give a whole number from 1 to" || return 1
	tm send-keys -t p BSpace 3 Enter && wait_for "Voter codes for Wat eerst?" || return 1
	[ "$(screen_text | grep -cE '^ *│? *[ACDEFHJKLMNPQRTUVWXY3479]{3}-[ACDEFHJKLMNPQRTUVWXY3479]{3} *│? *$')" = 3 ] ||
		{ why "three codes should show"; screen_text >&2; return 1; }
	c=$(screen_text | grep -oE '[ACDEFHJKLMNPQRTUVWXY3479]{3}-[ACDEFHJKLMNPQRTUVWXY3479]{3}' | head -1)
	[ "$(sqlite3 "$db" "SELECT count(*) FROM voter_code WHERE poll_id = 1 AND NOT used")" = 3 ] || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Your voter code" && tm send-keys -t q "$c" Enter && PANE=q wait_for "Dots left: 3 of 3"
}

# Earlier live votes kept a terminal token with each ballot: a file brought
# up to date keeps none, and polls with named ballots become open ones.
t_poll_migration_drops_terminal_tokens() {
	local db=$T/old.db
	awk '/^-- version 9/ { exit } { print }' "$ROOT/data/schema.sql" | sqlite3 "$db" || return 1
	sqlite3 "$db" "PRAGMA user_version = 8;
		INSERT INTO poll(uuid, title, method, created_at) VALUES ('p1', 'Live', 'dot', '2026-01-01T10:00:00Z'), ('p2', 'Named', 'dot', '2026-01-01T10:00:00Z');
		INSERT INTO ballot(uuid, poll_id, voter, token, cast_at) VALUES ('b1', 1, NULL, 'a1b2c3d4e5f60718', '2026-01-01'), ('b2', 2, 'Ans', NULL, '2026-01-01T10:01:00Z')" || return 1
	run "$PACT_SAN" --db "$db" poll list
	expect_rc 0 || return 1
	grep -qa a1b2c3d4e5f60718 "$db"* && { why "a terminal token survived in the file's bytes"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot WHERE token IS NOT NULL")" = 0 ] || { why "a terminal token survived"; return 1; }
	[ "$(sqlite3 "$db" "SELECT group_concat(secret) FROM (SELECT secret FROM poll ORDER BY id)")" = "1,0" ] ||
		{ why "secret flags: $(sqlite3 "$db" "SELECT group_concat(secret) FROM poll")"; return 1; }
}

# FILE DELIM: what every --excel export has: a BOM, every line ending CRLF,
# fields separated by DELIM.
excel_bytes_ok() {
	local f=$1 d=$2
	head -c 3 "$f" | od -An -tx1 | grep -q "ef bb bf" || { why "$f: no BOM"; return 1; }
	[ "$(grep -c $'\r$' "$f")" = "$(wc -l <"$f")" ] || { why "$f: not every line ends in CRLF"; return 1; }
	head -1 "$f" | grep -q "^.*[a-z]$d[a-z]*$d[a-z]*"$'\r$' || { why "$f: header not '$d'-separated: $(head -1 "$f")"; return 1; }
}

# export results and ballots --excel: Dutch ';', English ',', and an option
# or voter that starts with = + - @ reaches Excel as text ('=…), never as
# a formula; the counts stay numbers.
t_poll_exports_excel() {
	local lang d
	printf 'option\n"=HYPERLINK(""http://x"",""klik"")"\n-min\n@iedereen\nGewoon\n' >"$T/o.csv"
	"$PACT_SAN" poll new --method dot --dots 3 --options "$T/o.csv" --title T >/dev/null || return 1
	printf 'voter,option,value\n+31 Ans,"=HYPERLINK(""http://x"",""klik"")",2\n+31 Ans,-min,1\nBas,@iedereen,3\n' >"$T/b.csv"
	"$PACT_SAN" import ballots --poll 1 "$T/b.csv" 2>/dev/null || { why "ballots refused"; return 1; }
	for lang in nl en; do
		d=','
		[ $lang = nl ] && d=';'
		LANGUAGE=$lang "$PACT_SAN" export results --poll 1 "$T/r-$lang.csv" --excel 2>/dev/null &&
			LANGUAGE=$lang "$PACT_SAN" export ballots --poll 1 "$T/b-$lang.csv" --excel --with-names 2>/dev/null || { why "export $lang"; return 1; }
		excel_bytes_ok "$T/r-$lang.csv" "$d" && excel_bytes_ok "$T/b-$lang.csv" "$d" || return 1
		grep -q "^1$d\"'@iedereen\"${d}3"$'\r$' "$T/r-$lang.csv" && grep -q "^2$d\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"${d}2"$'\r$' "$T/r-$lang.csv" &&
			grep -q "^3$d\"'-min\"${d}1"$'\r$' "$T/r-$lang.csv" && grep -q "^4${d}Gewoon${d}0"$'\r$' "$T/r-$lang.csv" ||
			{ why "results ($lang) not guarded as Excel text:"; cat -A "$T/r-$lang.csv" >&2; return 1; }
		grep -q "^\"'+31 Ans\"$d\"'-min\"${d}1"$'\r$' "$T/b-$lang.csv" && grep -q "^Bas$d\"'@iedereen\"${d}3"$'\r$' "$T/b-$lang.csv" ||
			{ why "ballots ($lang) not guarded as Excel text:"; cat -A "$T/b-$lang.csv" >&2; return 1; }
	done
}

# A poll's ballots in and out of a Pabulib file: import ballots reads .pb,
# export pabulib writes one that passes the format's rules (pact's strict
# reader takes it back) and comes back through pact unchanged.
t_poll_pabulib_in_and_out() {
	local db=$T/p.db d=$ROOT/tests/pabulib
	printf 'option,cost\nSpeeltuin,600.25\nBankjes,400.25\nLicht,300\n' >"$T/o.csv"
	"$PACT_SAN" --db "$db" poll new --method pb-mes --options "$T/o.csv" --budget 1000,50 --title Wijkbudget >/dev/null || return 1
	run "$PACT_SAN" --db "$db" import ballots --poll 1 "$d/approval.pb"
	expect_rc 0 && expect_in "$T/err" "imported 4 ballots" || return 1
	run "$PACT_SAN" --db "$db" export pabulib --poll 1 "$T/out.pb" --with-names
	expect_rc 0 || return 1
	[ "$(grep -v '^date_begin;' "$T/out.pb")" = "META
key;value
description;Wijkbudget
country;
unit;
instance;$(date +%Y)
num_projects;3
num_votes;4
budget;1000.50
vote_type;approval
rule;equalshares
date_end;
currency;EUR
PROJECTS
project_id;cost;votes;name
1;600.25;3;Speeltuin
2;400.25;2;Bankjes
3;300;2;Licht
VOTES
voter_id;vote
1;1,2
2;1,3
3;1
4;2,3" ] || { why "the .pb file: $(cat "$T/out.pb")"; return 1; }
	# back in: the same ballots and the same result
	"$PACT_SAN" --db "$db" poll new --method pb-mes --options "$T/o.csv" --budget 1000,50 --title Terug >/dev/null || return 1
	run "$PACT_SAN" --db "$db" import pabulib --poll 2 "$T/out.pb"
	expect_rc 0 || return 1
	"$PACT_SAN" --db "$db" export ballots --poll 1 "$T/b1.csv" --with-names && "$PACT_SAN" --db "$db" export ballots --poll 2 "$T/b2.csv" --with-names || return 1
	cmp -s "$T/b1.csv" "$T/b2.csv" || { why "ballots differ after the round trip"; return 1; }
	"$PACT_SAN" --db "$db" export results --poll 1 "$T/r1.csv" && "$PACT_SAN" --db "$db" export results --poll 2 "$T/r2.csv" || return 1
	cmp -s "$T/r1.csv" "$T/r2.csv" && [ "$(cat "$T/r1.csv")" = "position,option,value
1,Speeltuin,600.25
2,Licht,300.00" ] || { why "results: $(cat "$T/r1.csv") / $(cat "$T/r2.csv")"; return 1; }
	# Excel in Dutch reads 600,25; in English 600.25
	LANGUAGE=nl "$PACT_SAN" --db "$db" export results --poll 1 --excel "$T/x.csv" || return 1
	[ "$(tr -d '\r' <"$T/x.csv" | sed 's/^\xEF\xBB\xBF//')" = "position;option;value
1;Speeltuin;600,25
2;Licht;300,00" ] || { why "Dutch Excel: $(cat "$T/x.csv")"; return 1; }
	# pact tally counts the exported file as the poll counts
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/out.pb" --format csv
	expect_rc 0 && cmp -s "$T/out" "$T/r1.csv" || { why "tally of the .pb: $(cat "$T/out")"; return 1; }
	# an exported file of secret ballots numbers them, as the CSV export does
	"$PACT_SAN" --db "$db" poll new --method pb-greedy --options "$T/o.csv" --budget 900 --title Geheim >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO ballot(uuid, poll_id, voter, cast_at) VALUES ('b1', 3, NULL, '2026-01-01'), ('b2', 3, NULL, '2026-01-01'); INSERT INTO mark(ballot_id, option_id, value) SELECT b.id, o.id, 1 FROM ballot b JOIN poll_option o ON o.poll_id = 3 AND o.name = 'Licht' WHERE b.poll_id = 3" || return 1
	"$PACT_SAN" --db "$db" export pabulib --poll 3 "$T/s.pb" || return 1
	[ "$(sed -n '/^VOTES$/,$p' "$T/s.pb")" = "VOTES
voter_id;vote
ballot 1;3
ballot 2;3" ] || { why "secret ballots: $(cat "$T/s.pb")"; return 1; }
}

# Refused, with nothing stored: a project the poll does not have (its
# FILE:LINE:COLUMN), ballots of a type the method does not count, a closed
# poll; a poll that is not a budget poll is not exported as Pabulib. The
# messages name the counting methods in words, in either language.
t_poll_pabulib_refusals() {
	local db=$T/p.db d=$ROOT/tests/pabulib
	printf 'option,cost\nSpeeltuin,600.25\nBankjes,400.25\n' >"$T/o.csv"
	"$PACT_SAN" --db "$db" poll new --method pb-greedy --options "$T/o.csv" --budget 1000 --title Wijkbudget >/dev/null || return 1
	run "$PACT_SAN" --db "$db" import ballots --poll 1 "$d/approval.pb"
	expect_rc 3 && expect_in "$T/err" "$d/approval.pb:22:4: column 'vote': unknown option 'Licht'" || return 1
	run "$PACT_SAN" --db "$db" import ballots --poll 1 "$d/cumulative.pb"
	expect_rc 3 && expect_in "$T/err" "the ballots are of the type 'cumulative'; a poll counted with 'Budget: most votes' takes other ballots" || return 1
	run "$PACT_SAN" --lang nl --db "$db" import ballots --poll 1 "$d/cumulative.pb"
	expect_rc 3 && expect_in "$T/err" "de stembiljetten zijn van het type 'cumulative'; een stemming met 'Budget: meeste stemmen' heeft andere stembiljetten nodig" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 0 ] || { why "a refused import stored ballots"; return 1; }
	"$PACT_SAN" --db "$db" poll new --method irv --options "$T/o.csv" --title Rang >/dev/null || return 1
	run "$PACT_SAN" --db "$db" export pabulib --poll 2 "$T/x.pb"
	expect_rc 3 && expect_in "$T/err" "poll 2 counts with 'Instant runoff'; a Pabulib file holds a budget poll ('Budget: most votes' or 'Budget: equal shares'): export its ballots as CSV instead" || return 1
	run "$PACT_SAN" --lang nl --db "$db" export pabulib --poll 2 "$T/x.pb"
	expect_rc 3 && expect_in "$T/err" "stemming 2 telt met 'Afvalrace (IRV)'; een Pabulib-bestand bevat een budgetstemming ('Budget: meeste stemmen' of 'Budget: gelijke delen')" || return 1
	[ ! -e "$T/x.pb" ] || { why "a refused export left a file"; return 1; }
}

# --- the Vote panel in headless screen dumps --------------------------------
# tests/screen/vote/NAME.keys → NAME.screen, as tests/screen.sh does, but on
# a database made first by the fixture its second line names
# ("# setup: polls"), with pact's arguments from a line "# args: vote 3".
# UPDATE=1 writes the expected dumps anew.

# Five polls over one session's ideas (a long name, an emoji family), by id:
# 1 dot (three share the first place), 2 schulze, 3 irv (an elimination tie
# decides the winner), 4 pb-mes with its own options (a tie in step 1),
# 5 score with a lot (seed 42). The Vote list shows them newest first.
vote_fixture_polls() {
	local p=("$PACT_SAN" --db pact.db) i
	"${p[@]}" session new "Wijk" >/dev/null || return 1
	for i in "Meer groen in de straat en langs de singel" "Bankjes" \
		"Licht bij de speeltuin 👨‍👩‍👧" "Een moestuin voor de buurt" "Fietsenstalling"; do
		"${p[@]}" idea add 1 "$i" >/dev/null || return 1
	done
	printf 'voter,option,value\nA,Bankjes,2\nA,Fietsenstalling,1\nB,Meer groen in de straat en langs de singel,3\nC,Bankjes,1\nC,Een moestuin voor de buurt,2\nD,Fietsenstalling,2\n' >dot.csv
	printf 'voter,option,value\nA,Bankjes,1\nA,Fietsenstalling,2\nA,Meer groen in de straat en langs de singel,3\nB,Meer groen in de straat en langs de singel,1\nB,Bankjes,2\nC,Een moestuin voor de buurt,1\nC,Fietsenstalling,2\n' >rank.csv
	printf 'option,cost\nSpeeltuin aan de Vaart,60\nBankjes,40\nMoestuin,30\nWaterpomp,20\n' >pb-options.csv
	printf 'voter,option,value\nv0,Speeltuin aan de Vaart,1\nv0,Waterpomp,1\nv1,Speeltuin aan de Vaart,1\nv1,Waterpomp,1\nv2,Speeltuin aan de Vaart,1\nv2,Bankjes,1\nv3,Bankjes,1\nv3,Moestuin,1\nv3,Waterpomp,1\n' >pb.csv
	printf 'voter,option,value\nA,Bankjes,4\nA,Fietsenstalling,4\nB,Bankjes,3\nB,Fietsenstalling,3\n' >score.csv
	"${p[@]}" poll new --session 1 --method dot --dots 3 --title "Wat eerst?" >/dev/null &&
		"${p[@]}" import ballots --poll 1 dot.csv 2>/dev/null &&
		"${p[@]}" poll new --session 1 --method schulze --title "Rangorde" >/dev/null &&
		"${p[@]}" import ballots --poll 2 rank.csv 2>/dev/null &&
		"${p[@]}" poll new --session 1 --method irv --title "Afvallen" >/dev/null &&
		"${p[@]}" import ballots --poll 3 rank.csv 2>/dev/null &&
		"${p[@]}" poll new --method pb-mes --options pb-options.csv --budget 100 --title "Buurtbudget" >/dev/null &&
		"${p[@]}" import ballots --poll 4 pb.csv 2>/dev/null &&
		"${p[@]}" poll new --session 1 --method score --tiebreak lot --seed 42 --title "Cijfers" >/dev/null &&
		"${p[@]}" import ballots --poll 5 score.csv 2>/dev/null
}

# vote_dump KEYS: the fixture made anew, the last screen into $T/got.
vote_dump() {
	local keys=$1 size envs fixture args
	read -r _ size envs <"$keys"
	fixture=$(sed -n 's/^# setup: //p' "$keys")
	args=$(sed -n 's/^# args: //p' "$keys") # pact's arguments, if any ("vote 3")
	rm -f pact.db pact.db-wal pact.db-shm
	"vote_fixture_$fixture" || { why "fixture $fixture failed"; return 1; }
	env LINES="${size#*x}" COLUMNS="${size%x*}" TERM=xterm-256color PACT_KEYS="$keys" $envs \
		"$PACT_SAN" --db pact.db $args >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
}

# A poll with its own 70 options and one ballot: more rows than any screen.
vote_fixture_many() {
	local i
	{ echo option; for i in $(seq 1 70); do echo "Optie $i"; done; } >many.csv
	printf 'voter,option,value\nA,Optie 7,1\nA,Optie 70,1\n' >many-ballots.csv
	"$PACT_SAN" --db pact.db poll new --method approval --options many.csv --title "Zeventig" >/dev/null &&
		"$PACT_SAN" --db pact.db import ballots --poll 1 many-ballots.csv 2>/dev/null
}

# The same 70 options without a ballot: the panel casts the first.
vote_fixture_many_empty() {
	local i
	{ echo option; for i in $(seq 1 70); do echo "Optie $i"; done; } >many.csv
	"$PACT_SAN" --db pact.db poll new --method approval --options many.csv --title "Zeventig" >/dev/null
}

# The review's room: long ideas, a dot poll with 5 4 3 2 1 0 dots (15 in
# all) and an approval poll of two voters who both ticked Bankjes, with
# three options tied behind it at one tick each. Newest first in the list:
# approval, then dot.
vote_fixture_room() {
	local p=("$PACT_SAN" --db pact.db) i
	"${p[@]}" session new "Haven" >/dev/null || return 1
	for i in "Bankjes bij de haven" "Speelstraat op zondag" \
		"Jongerenraad die zelf een budget beheert voor activiteiten in de wijk" \
		"Skatebaan bij het Prinses Beatrixpark met verlichting tot tien uur 's avonds" \
		"Zorg dat er op woensdagmiddag en in de weekenden een plek is waar jongeren terecht kunnen" \
		"Een moestuin"; do
		"${p[@]}" idea add 1 "$i" >/dev/null || return 1
	done
	{
		echo voter,option,value
		echo "A,Bankjes bij de haven,3"
		echo "B,Bankjes bij de haven,2"
		echo "B,Skatebaan bij het Prinses Beatrixpark met verlichting tot tien uur 's avonds,1"
		echo "C,Skatebaan bij het Prinses Beatrixpark met verlichting tot tien uur 's avonds,3"
		echo "D,Jongerenraad die zelf een budget beheert voor activiteiten in de wijk,2"
		echo "D,Zorg dat er op woensdagmiddag en in de weekenden een plek is waar jongeren terecht kunnen,1"
		echo "E,Zorg dat er op woensdagmiddag en in de weekenden een plek is waar jongeren terecht kunnen,1"
		echo "E,Speelstraat op zondag,1"
		echo "E,Jongerenraad die zelf een budget beheert voor activiteiten in de wijk,1"
	} >room-dot.csv
	{
		echo voter,option,value
		echo "A,Bankjes bij de haven,1"
		echo "A,Jongerenraad die zelf een budget beheert voor activiteiten in de wijk,1"
		echo "B,Bankjes bij de haven,1"
		echo "B,Skatebaan bij het Prinses Beatrixpark met verlichting tot tien uur 's avonds,1"
		echo "B,Speelstraat op zondag,1"
	} >room-approval.csv
	"${p[@]}" poll new --session 1 --method dot --dots 3 --title "Wat pakken we als eerste op?" >/dev/null &&
		"${p[@]}" import ballots --poll 1 room-dot.csv 2>/dev/null &&
		"${p[@]}" poll new --session 1 --method approval --title "Wat vinden jullie goed?" >/dev/null &&
		"${p[@]}" import ballots --poll 2 room-approval.csv 2>/dev/null
}

vote_dump_check() {
	vote_dump "$ROOT/tests/screen/vote/$1.keys" && dump_compare "vote/$1"
}

for keys in "$ROOT"/tests/screen/vote/*.keys; do
	name=$(basename "$keys" .keys)
	eval "t_screen_vote_$name() { vote_dump_check $name; }"
done

# The Dutch Vote screens name the methods in Dutch: no command-line name
# (dot, pb-mes), no "seed", no English tie words, whatever the dump. It reads
# the expected dumps: t_screen_vote_NAME holds each one equal to what pact
# draws.
t_screen_vote_dutch_has_no_method_ids() {
	local keys n=0 words='dot|approval|score|borda|irv|schulze|pb-greedy|pb-mes|seed|Tie|Ties|ballots?'
	for keys in "$ROOT"/tests/screen/vote/*.keys; do
		grep -q "^# [0-9]*x[0-9]* .*LANGUAGE=nl" "$keys" || continue
		n=$((n + 1))
		if grep -nwE "$words" "${keys%.keys}.screen" >"$T/found"; then
			why "English or a method's id on the Dutch screen of $(basename "$keys"):"
			sed 's/^/       /' "$T/found" >&2
			return 1
		fi
	done
	[ "$n" -ge 5 ] || { why "only $n Dutch vote dumps"; return 1; }
}

# The full count (d) at every width from 60 columns: no bar wraps onto a
# line of its own (before, at 80 columns the bars of the widest rows did).
# The plain build draws the 135 screens (layout, not memory, is under test;
# the dumps run the sanitizers over the same code).
t_screen_vote_full_count_fits_every_width() {
	local w keys=$T/d.keys poll
	vote_fixture_polls || return 1
	for poll in "<End>" "" "<Down><Down>"; do # dot, score (its means), irv
		for w in $(seq 60 101) 120 160 200; do
			printf '# %sx24\n4%s<Enter>d\n' "$w" "$poll" >"$keys"
			env LINES=24 COLUMNS="$w" TERM=xterm-256color PACT_KEYS="$keys" \
				"$PACT_PLAIN" --db pact.db >"$T/got" 2>"$T/err" || { why "$(cat "$T/err")"; return 1; }
			grep -q "│   1[= ] " "$T/got" || { why "no ranking at $w columns:"; cat "$T/got" >&2; return 1; }
			if grep -qE "^ │ *[█▏▎▍▌▋▊▉]" "$T/got"; then
				why "a bar on a line of its own at $w columns:"
				cat "$T/got" >&2
				return 1
			fi
		done
	done
}

# In a real terminal an emoji family (joined by ZWJ) takes the columns
# ncurses counts for it: what follows it on the line stays in its column.
# pact draws it without the ZWJs, three people of two columns each, as
# ncurses counts them (tmux would join them into two columns).
t_tmux_vote_emoji_keeps_columns() {
	local drawn=$'\U0001F468\U0001F469\U0001F467' row bar at want
	vote_fixture_polls || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/pact.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 End Enter && wait_for "Wat eerst? —" && wait_for "0 (0%)" || return 1
	# the family as six ASCII columns, so awk counts columns as the terminal does
	row=$(screen_text | grep "Licht bij de speeltuin" | sed "s/$drawn/XXXXXX/")
	bar=$(screen_text | grep "4. Een moestuin voor de buurt")
	at=$(awk -v s="$row" 'BEGIN { print index(s, "0 (0%)") }')
	want=$(awk -v s="$bar" 'BEGIN { print index(s, "█") + 1 }')
	[ "$at" -gt 0 ] && [ "$at" = "$want" ] ||
		{ why "the value after the emoji is at column $at, not $want:"; screen_text >&2; return 1; }
}

# The projector view (p) draws every bar on one scale, large rows and small
# alike (the longest bar is the top result), and never shows some options
# of a tie large and the others small. Before, the small rows had a scale
# of their own (1 dot's bar longer than 3 dots') and the large block ended
# after three rows whatever the tie.
t_screen_vote_projector_one_scale() {
	local size fixture poll values keys=$T/p.keys
	for fixture in room polls; do
		rm -f pact.db
		# the plain build makes the data; the sanitizers run the same code in the dumps
		PACT_SAN=$PACT_PLAIN "vote_fixture_$fixture" || { why "fixture $fixture failed"; return 1; }
		for poll in 1 2; do
			case $fixture$poll in
			room1) values=("Bankjes bij=5" "Skatebaan=4" "Jongerenraad=3" "Zorg dat=2" "Speelstraat=1") ;;
			room2) values=("Bankjes bij=2" "Speelstraat=1" "Jongerenraad=1" "Skatebaan=1") ;;
			polls1) values=("Meer groen=3" "Bankjes=3" "Fietsenstalling=3" "Een moestuin=2") ;;
			*) continue ;;
			esac
			for size in 60x16 80x24 100x30 120x40 200x50; do
				# the poll list is newest first
				printf '# %s\n4%s<Enter>p\n' "$size" "$([ "$fixture$poll" = room2 ] && echo "" || echo "<End>")" >"$keys"
				env LINES="${size#*x}" COLUMNS="${size%x*}" TERM=xterm-256color PACT_KEYS="$keys" \
					"$PACT_PLAIN" --db pact.db >"$T/got" 2>"$T/err" || { why "$(cat "$T/err")"; return 1; }
				python3 "$ROOT/tests/projector_bars.py" "$T/got" "${values[@]}" >"$T/why" ||
					{ why "$fixture poll $poll at $size: $(cat "$T/why")"; cat "$T/got" >&2; return 1; }
			done
		done
	done
}

# B on a poll's results makes cards of its top options, asking how many
# (1 unless changed); options with a card already get none twice.
t_screen_vote_cards_from_top_options() {
	printf '# 80x24\n# setup: room\n4<End><Enter>B<Enter>\n' >"$T/one.keys"
	vote_dump "$T/one.keys" || return 1
	expect_in "$T/got" "1 card made on the Board." || return 1
	printf '# 80x24 LANGUAGE=nl\n# setup: room\n4<End><Enter>B<Enter>B<C-u>2<Enter>\n' >"$T/two.keys"
	vote_dump "$T/two.keys" || return 1
	expect_in "$T/got" "1 kaart gemaakt op het Bord; 1 stond er al." || return 1
	[ "$(sqlite3 pact.db "SELECT group_concat(title || ':' || source_rank || ':' || source_value, '|') FROM experiment")" = "Bankjes bij de haven:1:5|Skatebaan bij het Prinses Beatrixpark met verlichting tot tien uur 's avonds:2:4" ] ||
		{ why "cards: $(sqlite3 pact.db 'SELECT id, title, source_rank, source_value FROM experiment')"; return 1; }
}

# A ballot being typed is lost only after a question: Esc on the ballot,
# Ctrl-C, and q from another panel (the ballot waits in the Vote panel
# meanwhile). An empty ballot needs no question. In Dutch too.
t_tmux_vote_typed_ballot_asks_before_it_is_lost() {
	local db=$T/.local/share/pact/pact.db
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p b && wait_for "Dots left: 3 of 3" && tm send-keys -t p Escape && wait_for "0 ballots" || return 1
	screen_text | grep -q "Please confirm" && { why "Esc on an empty ballot asked"; return 1; }
	tm send-keys -t p b Down 2 && wait_for "Dots left: 1 of 3" || return 1
	tm send-keys -t p Escape && wait_for "Leave this ballot? The marks you typed are not stored." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "Dots left: 1 of 3" || return 1
	tm send-keys -t p C-c && wait_for "Quit pact? The ballot you are typing is not stored." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" || return 1
	tm send-keys -t p Tab && wait_for "[5 Library]" && tm send-keys -t p q && wait_for "Quit pact? The ballot you are typing" || return 1
	tm send-keys -t p Escape && wait_gone "Please confirm" && tm send-keys -t p BTab && wait_for "Dots left: 1 of 3" || return 1
	[ -s "$T/exit.p" ] && { why "pact quit with a ballot being typed"; return 1; }
	tm send-keys -t p Enter && wait_for "Ballot 1 stored" && tm send-keys -t p 1 && wait_for "Dots left: 2 of 3" || return 1
	tm send-keys -t p Escape && wait_for "Leave this ballot?" && tm send-keys -t p y && wait_for "— 1 ballot" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 1 ] || { why "the left ballot was stored"; return 1; }
	tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[4 Stemmen]" && tm send-keys -t p Enter && wait_for "1 stembiljet" || return 1
	tm send-keys -t p b 3 && wait_for "Stippen over: 0 van 3" || return 1
	tm send-keys -t p Escape && wait_for "Dit stembiljet verlaten? Wat je erop typte, wordt niet" || return 1
	tm send-keys -t p n && wait_gone "Weet je het zeker?" && tm send-keys -t p C-c &&
		wait_for "pact afsluiten? Het stembiljet dat je aan het typen" || return 1
	tm send-keys -t p y && wait_exit 0
}

# A secret voter's Esc on a half-filled ballot asks first (an empty one goes
# straight back to the waiting screen); the question keeps every way out
# closed, No keeps the marks, Yes wipes them and casts nothing.
t_tmux_vote_secret_esc_asks_before_wiping_a_ballot() {
	local db=$T/.local/share/pact/pact.db k
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	secret_start 4711 || return 1
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p Escape && wait_for "Voter 1 — press Enter" || return 1
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p 2 && wait_for "Dots left: 1 of 3" || return 1
	tm send-keys -t p Escape && wait_for "Leave without voting? Your marks are wiped and your" || return 1
	for k in q F1 C-c 5 BTab '?'; do
		tm send-keys -t p "$k"; sleep 0.05
		screen_text | grep -qE "Keys:|\[5 Library\]|\[3 Brainstorm\]|Quit pact|Tie rule" && { why "key $k left the secret ballot"; return 1; }
	done
	[ -s "$T/exit.p" ] && { why "pact quit during a secret vote"; return 1; }
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "Dots left: 1 of 3" && wait_for "Your ballot (secret)" || return 1
	tm send-keys -t p Escape && wait_for "Leave without voting?" && tm send-keys -t p y && wait_for "Voter 1 — press Enter" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 0 ] || { why "the wiped ballot was cast"; return 1; }
	tm send-keys -t p Enter && wait_for "Dots left: 3 of 3" || { why "the wiped marks came back"; return 1; }
	tm send-keys -t p 1 Enter && wait_for "Voter 2 — press Enter" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 1 ]
}

# Counts from paper: digits make a number (1 2 0 is 120; a count typed
# again after Up or Down replaces the old one), the screen says how to
# correct (Backspace), F1 shows this screen's own keys with 0–9, and counts
# typed are not dropped without a question (unchanged ones need none).
t_tmux_vote_counts_from_paper_type_correct_and_ask() {
	local db=$T/.local/share/pact/pact.db
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p 40 Enter && wait_for "Counts from paper" || return 1
	wait_for "Type each count: 1 then 2 makes 12. Backspace takes the last digit away." || return 1
	tm send-keys -t p Escape && wait_for "0 ballots" || return 1
	screen_text | grep -q "Please confirm" && { why "Esc on counts not typed asked"; return 1; }
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p 40 Enter && wait_for "Counts from paper" || return 1
	tm send-keys -t p 1 2 && wait_for "   12 Meer groen" && tm send-keys -t p 0 && wait_for "  120 Meer groen" || return 1
	tm send-keys -t p BSpace && wait_for "   12 Meer groen" || return 1
	tm send-keys -t p Down 3 Up 2 1 && wait_for "   21 Meer groen" && wait_for "    3 Bankjes" || return 1
	tm send-keys -t p F1 && wait_for "Save these counts in the results" && wait_for "0–9 " && wait_for "1 then 2 makes 12" || return 1
	screen_text | grep -qE "Store this ballot|Space: tick" && { why "the counts' help is the ballot's"; return 1; }
	tm send-keys -t p Escape && wait_gone "Keys: Vote" || return 1
	tm send-keys -t p Escape && wait_for "Leave the counts from paper? The counts you typed are" || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && tm send-keys -t p C-c && wait_for "Quit pact? The counts from paper you typed are not" || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "   21 Meer groen" || return 1
	tm send-keys -t p Enter && wait_for "+ 40 on paper" || return 1
	# stored counts come back; unchanged they leave without a question, and
	# a digit on one replaces it
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p Enter && wait_for "   21 Meer groen" || return 1
	tm send-keys -t p Escape && wait_for "+ 40 on paper" || return 1
	screen_text | grep -q "Please confirm" && { why "Esc on unchanged counts asked"; return 1; }
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p Enter && wait_for "   21 Meer groen" || return 1
	tm send-keys -t p 5 && wait_for "    5 Meer groen" && tm send-keys -t p Enter && wait_for "The counts from paper are in the results" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(value, ',') FROM (SELECT value FROM poll_count ORDER BY option_id)")" = "5,3,0" ] ||
		{ why "counts: $(sqlite3 "$db" 'SELECT * FROM poll_count')"; return 1; }
	tm send-keys -t p b && wait_for "Dots left: 3 of 3" && tm send-keys -t p F1 && wait_for "0–9 " && wait_for "Store this ballot" || return 1
	tm send-keys -t p Escape Escape && wait_for "+ 40 on paper" && tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 60x16 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[4 Stemmen]" && tm send-keys -t p Enter && wait_for "+ 40 op papier" || return 1
	tm send-keys -t p k && wait_for "Stemmers op papier" && tm send-keys -t p Enter && wait_for "Tellingen van papier" || return 1
	wait_for "Typ elk aantal: 1 en dan 2 wordt 12. Backspace haalt het" && wait_for "laatste cijfer weg." || return 1
	tm send-keys -t p 7 && wait_for "    7 Meer groen" && tm send-keys -t p Escape && wait_for "Tellingen van papier verlaten? De tellingen die je" || return 1
	tm send-keys -t p n && wait_gone "Weet je het zeker?" && tm send-keys -t p F1 && wait_for "Deze tellingen in de uitslag opslaan" && wait_for "0–9 " || return 1
}

# Approval counts from paper: Space adds one, as + does (it used to tick
# the count back to 0 or 1).
t_tmux_vote_approval_counts_space_adds_one() {
	"$PACT" session new "Wijk" >/dev/null || return 1
	for i in "Meer groen" "Bankjes"; do "$PACT" idea add 1 "$i" >/dev/null; done
	"$PACT" poll new --session 1 --method approval --title "Wat eerst?" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p 30 Enter && wait_for "Counts from paper" || return 1
	tm send-keys -t p 1 2 Space Space && wait_for "   14 Meer groen" && wait_for "Approvals counted: 14; voters: 30" || return 1
	tm send-keys -t p + - - && wait_for "   13 Meer groen"
}

# A paper ballot typed wrong: u on the results takes back the ballot typed
# last here, after a question, and the history says so. Only that one: a
# second u, another poll or a secret vote in between leave nothing to take
# back, so no secret voter's ballot can ever go.
t_tmux_vote_take_back_a_typed_ballot() {
	local db=$T/.local/share/pact/pact.db
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p u && wait_for "No ballot to take back" || return 1
	tm send-keys -t p b 3 Enter && wait_for "Ballot 1 stored" && tm send-keys -t p Down 2 Enter && wait_for "Ballot 2 stored" || return 1
	tm send-keys -t p Escape && wait_for "— 2 ballots" || return 1
	tm resize-window -t p -x 120 -y 24 && wait_for "u Take back" && tm resize-window -t p -x 80 -y 24 || return 1
	tm send-keys -t p u && wait_for "Take back the ballot typed last? It goes out of the" || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "— 2 ballots" || return 1
	tm send-keys -t p u && wait_for "Take back the ballot typed last?" && tm send-keys -t p y && wait_for "— 1 ballot" &&
		wait_for "The ballot typed last is taken back" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) || ':' || (SELECT sum(value) FROM mark) FROM ballot")" = "1:3" ] ||
		{ why "ballots: $(sqlite3 "$db" 'SELECT * FROM mark')"; return 1; }
	tm send-keys -t p u && wait_for "No ballot to take back" || return 1
	run "$PACT_SAN" poll history 1
	expect_in "$T/out" "A ballot typed by the facilitator was taken back" || return 1
	# a secret vote in between: nothing typed before it can be taken back after
	tm send-keys -t p b 1 Enter && wait_for "Ballot 2 stored" && tm send-keys -t p Escape && wait_for "— 2 ballots" || return 1
	tm send-keys -t p s && wait_for "the facilitator's PIN" && tm send-keys -t p 4711 Tab 4711 Enter && wait_for "Voter 3 — press Enter" || return 1
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" || return 1
	tm send-keys -t p 3 Enter && wait_for "Voter 4 — press Enter" && tm send-keys -t p Escape && wait_for "End the secret vote?" || return 1
	tm send-keys -t p y && wait_for "facilitator's PIN" && tm send-keys -t p 4711 Enter && wait_for "— 3 ballots" || return 1
	tm send-keys -t p u && wait_for "No ballot to take back" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM ballot")" = 3 ] || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[4 Stemmen]" && tm send-keys -t p Enter && wait_for "3 stembiljetten" || return 1
	tm send-keys -t p u && wait_for "Geen stembiljet om terug te nemen" || return 1
	tm send-keys -t p b 2 Enter && wait_for "Stembiljet 4 ingeleverd" && tm send-keys -t p Escape && wait_for "4 stembiljetten" || return 1
	tm send-keys -t p u && wait_for "Het laatst getypte stembiljet terugnemen?" && tm send-keys -t p j &&
		wait_for "Het laatst getypte stembiljet is teruggenomen" && wait_for "3 stembiljetten" || return 1
	run "$PACT_SAN" --lang nl poll history 1
	expect_in "$T/out" "Een stembiljet dat de begeleider typte, is teruggenomen (fout getypt)"
}
