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
	tm send-keys -t p p && wait_gone "Tie rule" && wait_gone "2 ballots" && wait_gone "[4 Vote]" && wait_for "1. Meer groen" || return 1
	tm send-keys -t p p && wait_for "Tie rule" || return 1
	tm send-keys -t p d && wait_for "dot — 2 voters, 3 options" && tm send-keys -t p Escape && wait_gone "2 voters" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT sum(value) FROM mark")" = 5 ]
}

t_tmux_vote_secret_pass_the_laptop() {
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p s && wait_for "Voter 1 — press Enter when ready" || return 1
	tm send-keys -t p 2 && wait_for "Voter 1 — press Enter" || return 1 # a digit does nothing here
	tm send-keys -t p Tab 5 q F1 && wait_for "Voter 1 — press Enter" || return 1
	screen_text | grep -qE "Keys:|\[5 Library\]" && { why "a voter could leave secret voting"; return 1; }
	screen_text | grep -q "Bankjes" && { why "options shown before the voter is ready"; return 1; }
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" && tm send-keys -t p 3 Enter && wait_for "Voter 2 — press Enter when ready" || return 1
	screen_text | grep -q "Meer groen" && { why "the last ballot is still on screen"; return 1; }
	tm send-keys -t p Enter && wait_for "Your ballot (secret)" || return 1
	screen_text | grep -q "  3   Meer groen" && { why "the earlier ballot shows in the next one"; return 1; }
	tm send-keys -t p Escape && wait_for "Voter 2 — press Enter" || return 1 # Esc: back, not to results
	tm send-keys -t p Escape && wait_for "End secret voting?" && tm send-keys -t p y && wait_for "— 1 ballot" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM ballot WHERE voter IS NULL AND length(cast_at) = 10")" = 1 ] ||
		{ why "a secret ballot keeps its time"; return 1; }
}

t_tmux_vote_live_from_another_terminal() {
	local i old
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Wat eerst?" && PANE=q wait_for "Dots left: 3 of 3" || return 1
	tm send-keys -t q Down 3 Enter && PANE=q wait_for "your vote is in" || return 1
	for i in $(seq 1 "$(polls 50)"); do screen_text | grep -q "— 1 ballot" && break; sleep 0.02; done
	screen_text | grep -q "— 1 ballot" || { why "results did not update within a second"; return 1; }
	wait_for "1. Bankjes" || return 1
	tm send-keys -t q Enter && PANE=q wait_for "your vote is in" || return 1
	# the same terminal again (its tty is the voter's mark): once the old pact is gone
	old=$(pgrep -P "$(tm display-message -p -t q '#{pane_pid}')")
	tm kill-session -t q
	for i in $(seq 1 "$(polls)"); do kill -0 "$old" 2>/dev/null || break; sleep 0.02; done
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- vote 1 || return 1
	PANE=q wait_for "Dots left" && tm send-keys -t q 1 Enter && PANE=q wait_for "voted already" || return 1
	tm send-keys -t p c && wait_for "Close the poll?" && tm send-keys -t p y && wait_for "closed" || return 1
	PANE=q wait_for "The poll is closed"
}

t_tmux_vote_counts_from_paper() {
	dot_poll || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 Enter && wait_for "0 ballots" || return 1
	tm send-keys -t p k && wait_for "Voters on paper" && tm send-keys -t p 4 Enter && wait_for "Counts from paper" || return 1
	wait_for "4 voters × 3 dots = 12 at most" || return 1
	tm send-keys -t p 7 Down 4 Down 2 && wait_for "Counted: 13 dots" && tm send-keys -t p Enter && wait_for "only 12" || return 1
	tm send-keys -t p BSpace 1 && wait_for "Counted: 12 dots" && tm send-keys -t p Enter && wait_for "+ 4 on paper" || return 1
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
	tm send-keys -t p Tab Right Right && wait_for "< score >" || return 1
	tm send-keys -t p Tab Tab Tab C-u "1..10" Tab Right Tab C-u "abc" C-d && wait_for "seed: give a whole number" || return 1
	tm send-keys -t p C-u 42 C-d && wait_for "score — 0 ballots" && wait_for "Tie rule: ties are broken by lot, seed 42." || return 1
	[ "$(sqlite3 "$db" "SELECT method || lo || '..' || hi || tiebreak || seed FROM poll")" = "score1..10lot42" ] ||
		{ why "poll: $(sqlite3 "$db" 'SELECT * FROM poll')"; return 1; }
	tm send-keys -t p b && wait_for "Scores from 1 to 10" && tm send-keys -t p 1 0 Down 0 && wait_for "2 scored" || return 1
	tm send-keys -t p q && wait_for "2 scored" || return 1 # q is not for leaving a ballot
	tm send-keys -t p Escape q && wait_exit 0
}

t_tmux_vote_poll_with_typed_options_and_budget() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 n && wait_for "A poll with its own options" || return 1
	tm send-keys -t p Home Enter && wait_for "New poll with its own options" && wait_for "pb-greedy" || return 1
	tm send-keys -t p Tab Tab "Speeltuin ; 60000" Enter "Bankjes ; 10000" Enter "Moestuin ; 35000" Tab 80000 C-d &&
		wait_for "pb-greedy — 0 ballots" && wait_for "Tie rule: equal approvals go to the lower cost" || return 1
	tm send-keys -t p b && wait_for "Speeltuin" && tm send-keys -t p Space Down Space Enter && wait_for "Ballot 1 stored" || return 1
	tm send-keys -t p Escape && wait_for "Budget 80000; funded 70000; left 10000" || return 1
}
