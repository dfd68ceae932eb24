# Brainstorm tests: the command line (session, idea, export) and the whole
# flow in real terminals (tmux), two terminals on one database, and a kill
# right after ideas were typed. Uses the tmux helpers of tests/tmux.sh.

# CSV checks use sqlite3's own RFC 4180 reader: csv_query FILE SQL (table t).
csv_query() {
	sqlite3 :memory: ".import --csv '$1' t" "$2"
}

t_cli_session_idea_export_round_trip() {
	local s
	s=$("$PACT_SAN" session new "Wijkavond Noord" --question "Hoe maken we de wijk ontmoetingsvriendelijker?" --date 2026-11-27) || return 1
	[ "$s" = 1 ] || { why "session id $s"; return 1; }
	run "$PACT_SAN" idea add 1 'Bankjes, "veel" bankjes
op twee regels'
	expect_rc 0 || return 1
	run "$PACT_SAN" idea add 1 'Een buurtmoestuin 🌱 voor de coöperatie'
	expect_rc 0 || return 1
	run "$PACT_SAN" export ideas --session 1 "$T/ideas.csv"
	expect_rc 0 && expect_in "$T/err" "wrote 2 ideas" || return 1
	[ "$(head -1 "$T/ideas.csv")" = "id,session,round,cluster,idea,participant,late,created,merged_into" ] ||
		{ why "header: $(head -1 "$T/ideas.csv")"; return 1; }
	[ "$(csv_query "$T/ideas.csv" "SELECT count(*) FROM t")" = 2 ] || { why "row count"; return 1; }
	[ "$(csv_query "$T/ideas.csv" "SELECT idea FROM t WHERE created LIKE '20%' ORDER BY rowid LIMIT 1")" = 'Bankjes, "veel" bankjes
op twee regels' ] || { why "text with comma, quotes and newline did not survive"; return 1; }
	[ "$(csv_query "$T/ideas.csv" "SELECT session || '|' || late || '|' || length(id) FROM t ORDER BY rowid DESC LIMIT 1")" = "Wijkavond Noord|0|36" ] ||
		{ why "fields: $(cat "$T/ideas.csv")"; return 1; }
	[ "$(csv_query "$T/ideas.csv" "SELECT idea FROM t ORDER BY rowid DESC LIMIT 1")" = 'Een buurtmoestuin 🌱 voor de coöperatie' ] ||
		{ why "UTF-8 did not survive"; return 1; }
	run "$PACT_SAN" export ideas --session 1 -
	expect_rc 0 && [ "$(wc -l <"$T/out")" -eq 4 ] || { why "stdout export: $(cat "$T/out")"; return 1; }
}

t_cli_idea_refusals() {
	"$PACT_SAN" session new "Regels" >/dev/null || return 1
	run "$PACT_SAN" idea add 1 "   "
	expect_rc 3 && expect_in "$T/err" "idea: empty" || return 1
	run "$PACT_SAN" idea add 1 "$(printf 'bad \377 bytes')"
	expect_rc 3 && expect_in "$T/err" "not valid UTF-8" || return 1
	run "$PACT_SAN" idea add 1 "$(head -c 2001 /dev/zero | tr '\0' a)"
	expect_rc 3 && expect_in "$T/err" "too long (2001 characters; at most 2000)" || return 1
	run "$PACT_SAN" idea add 7 "x"
	expect_rc 3 && expect_in "$T/err" "no session '7'" || return 1
	run "$PACT_SAN" idea add 1 "x" --participant Nobody
	expect_rc 3 && expect_in "$T/err" "no 'Nobody'" || return 1
	run "$PACT_SAN" idea add 1
	expect_rc 2 || return 1
	run "$PACT_SAN" session new ""
	expect_rc 3 && expect_in "$T/err" "title: empty" || return 1
	run "$PACT_SAN" session new "X" --date 2026-02-30
	expect_rc 3 && expect_in "$T/err" "date: '2026-02-30' is not a valid date; write for example 2026-11-27 or 27-11-2026" || return 1
	run "$PACT_SAN" export ideas --session 1 "$T/missing/dir/x.csv"
	expect_rc 3 && expect_in "$T/err" "$T/missing/dir" && [ ! -e "$T/missing" ]
}

t_cli_session_list() {
	"$PACT_SAN" session new "Eerste" --date 2026-01-05 >/dev/null &&
		"$PACT_SAN" session new "Tweede, met komma" --date 2026-03-01 >/dev/null || return 1
	"$PACT_SAN" idea add 1 "een idee" >/dev/null || return 1
	run "$PACT_SAN" session list
	expect_rc 0 && expect_in "$T/out" "Tweede, met komma" || return 1
	[ "$(sed -n 2p "$T/out" | awk '{print $1}')" = 2 ] || { why "newest first: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" session list --format csv
	expect_rc 0 || return 1
	cp "$T/out" "$T/s.csv"
	[ "$(csv_query "$T/s.csv" "SELECT title || '|' || ideas FROM t WHERE id = '1'")" = "Eerste|1" ] ||
		{ why "csv: $(cat "$T/s.csv")"; return 1; }
	[ "$(csv_query "$T/s.csv" "SELECT title FROM t WHERE id = '2'")" = "Tweede, met komma" ]
}

# The whole flow in a real terminal: session, round, 20 ideas, countdown,
# Time's up, a late idea, clusters, assigning, merging, export.
t_tmux_brainstorm_flow() {
	local i before
	start_pact 100x30 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "No sessions yet" || return 1
	tm send-keys -t p n && wait_for "New session" || return 1
	tm send-keys -t p 'Wijkavond Noord' Tab 'Hoe maken we de Schiedamse wijken ontmoetingsvriendelijker?' C-d
	wait_for "Wijkavond Noord  ·" && wait_for "No round yet" || return 1
	# A new session is ready for ideas, and says so; Esc gives the commands.
	wait_for "TYPING — Esc for commands" && wait_for "No ideas yet. Type one and press Enter." || return 1
	tm send-keys -t p Escape && wait_for "COMMANDS — i to type" && wait_for "No ideas yet. Press i to type one." || return 1
	tm send-keys -t p s && wait_for "New round…" && tm send-keys -t p Enter && wait_for "Timebox" || return 1
	tm send-keys -t p C-u 'Diverge' Tab C-u '0:07' Enter
	wait_for "Diverge  00:0" && wait_for "Idea (anonymous) >" || return 1
	for i in $(seq 1 17); do tm send-keys -t p "Idee nummer $i" Enter; done
	tm send-keys -t p 'Meer bankjes, ook bij de haven' Enter
	tm send-keys -t p 'Een buurtmoestuin 🌱 voor de coöperatie' Enter
	tm send-keys -t p 'meer bankjes bij de haven' Enter
	wait_for "1/20" || return 1
	# The clock moves on its own, then says Time's up.
	before=$(screen_text | grep -o 'Diverge  00:0[0-9]' | head -1)
	for i in $(seq 1 150); do
		now=$(screen_text | grep -o 'Diverge  00:0[0-9]' | head -1)
		[ -n "$now" ] && [ "$now" != "$before" ] && break
		sleep 0.02
	done
	[ "$now" != "$before" ] || { why "the clock did not move: $before"; return 1; }
	wait_for "Time's up" || return 1
	tm send-keys -t p 'Laat idee' Enter && wait_for "1/21" || return 1
	screen_text | grep -q "late .*Laat idee\|late  *Laat idee" || { why "late idea not marked"; screen_text >&2; return 1; }
	# Clusters.
	tm send-keys -t p Escape C && wait_for "Clusters" || return 1
	tm send-keys -t p n && wait_for "New cluster" && tm send-keys -t p Groen Enter && wait_for "Groen" || return 1
	tm send-keys -t p n && wait_for "New cluster" && tm send-keys -t p Veilig Enter && wait_for "Veilig" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Clusters" || return 1
	# Newest first: Laat idee, meer bankjes bij…, Een buurtmoestuin…, Meer bankjes, ook…
	tm send-keys -t p Home Down Down c && wait_for "Put the idea in the cluster" || return 1
	# the picker starts on New cluster…; typing the first letters finds Groen
	tm send-keys -t p Gr Enter && wait_gone "Put the idea in the cluster" || return 1
	wait_for "The idea is in cluster Groen now (g shows the clusters)" || return 1
	# Merge "meer bankjes bij de haven" (2nd) into "Meer bankjes, ook bij de haven".
	tm send-keys -t p Home Down m && wait_for "Merge the marked idea into" || return 1
	# The picker leaves out the marked idea itself.
	tm send-keys -t p Home Down Down Enter && wait_for "Merged" || return 1
	wait_for "Meer bankjes, ook bij de haven (+1)" || return 1
	# Export.
	tm send-keys -t p E && wait_for "Export as CSV" && wait_for "< ideas >" || return 1
	tm send-keys -t p Tab C-u "$T/ideas.csv" C-d && wait_for "Exported 21 ideas" || return 1
	check_flow_csv "$T/ideas.csv" || return 1
	tm send-keys -t p q && wait_exit 0
}

check_flow_csv() {
	local f=$1 got
	[ "$(csv_query "$f" "SELECT count(*) FROM t")" = 21 ] || { why "rows: $(csv_query "$f" "SELECT count(*) FROM t")"; return 1; }
	got=$(csv_query "$f" "SELECT session || '|' || round || '|' || cluster || '|' || participant || '|' || late FROM t WHERE idea = 'Een buurtmoestuin 🌱 voor de coöperatie'")
	[ "$got" = "Wijkavond Noord|Diverge|Groen||0" ] || { why "buurtmoestuin row: $got"; return 1; }
	got=$(csv_query "$f" "SELECT late || '|' || round FROM t WHERE idea = 'Laat idee'")
	[ "$got" = "1|Diverge" ] || { why "late row: $got"; return 1; }
	got=$(csv_query "$f" "SELECT count(*) FROM t a JOIN t b ON a.merged_into = b.id WHERE a.idea = 'meer bankjes bij de haven' AND b.idea = 'Meer bankjes, ook bij de haven'")
	[ "$got" = 1 ] || { why "merge not exported: $(grep -i bankjes "$f")"; return 1; }
	got=$(csv_query "$f" "SELECT count(*) FROM t WHERE created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND length(id) = 36")
	[ "$got" = 21 ] || { why "created/id columns: $got"; return 1; }
	got=$(csv_query "$f" "SELECT count(*) FROM t WHERE idea LIKE 'Idee nummer %' AND late = '0' AND merged_into = ''")
	[ "$got" = 17 ] || { why "the 17 numbered ideas: $got"; return 1; }
}

# A session made on the command line, with a round started in the screens.
# Leaves pact in session "p" typing ideas in round "Diverge" of TIMEBOX.
session_with_round() {
	local timebox=$1
	"$PACT" session new "Wijkavond Noord" --question "Hoe maken we de wijk ontmoetingsvriendelijker?" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "No round yet" && wait_for "TYPING" && tm send-keys -t p Escape && wait_for "COMMANDS" || return 1
	tm send-keys -t p s && wait_for "New round…" || return 1
	tm send-keys -t p Enter && wait_for "Timebox" || return 1
	tm send-keys -t p C-u Diverge Tab C-u "$timebox" Enter && wait_for "Idea (anonymous) >"
}

t_tmux_two_terminals_see_each_others_ideas() {
	local i
	session_with_round 10:00 || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	PANE=q wait_for "Diverge  " || return 1
	tm send-keys -t p "Idee uit terminal een" Enter
	# The other terminal shows it within a second, without a key pressed.
	for i in $(seq 1 "$(polls 50)"); do
		PANE=q screen_text | grep -qF "Idee uit terminal een" && break
		sleep 0.02
	done
	PANE=q screen_text | grep -qF "Idee uit terminal een" || { why "not shown within a second"; PANE=q screen_text >&2; return 1; }
	tm send-keys -t q "Antwoord uit terminal twee" Enter
	for i in $(seq 1 "$(polls 50)"); do
		screen_text | grep -qF "Antwoord uit terminal twee" && return 0
		sleep 0.02
	done
	why "the first terminal did not show the second one's idea within a second"
	return 1
}

# Another program changes the database: the list of sessions, the open
# session and its open list of participants read it again without a key
# pressed (wait_soon is in tests/board.sh); ideas typed here show as well.
t_tmux_brainstorm_refreshes_when_the_database_changes() {
	local db=$T/.local/share/pact/pact.db
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "No sessions yet" || return 1
	"$PACT_PLAIN" session new "Wijkavond Zuid" >/dev/null || return 1
	wait_soon "Wijkavond Zuid" || return 1
	tm send-keys -t p Enter && wait_for "Wijkavond Zuid  ·" && wait_for "TYPING" || return 1
	"$PACT_PLAIN" idea add 1 "Een bankje bij de bushalte" >/dev/null || return 1
	wait_soon "Een bankje bij de bushalte" || return 1
	tm send-keys -t p "Meer groen op het plein" Enter && wait_for "Meer groen op het plein" || return 1
	tm send-keys -t p Escape && wait_for "COMMANDS" && tm send-keys -t p P && wait_for "┌─ Participants" || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias) VALUES ('x1', 1, 'Buurman')" || return 1
	wait_soon "Buurman" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Participants" || return 1
	sqlite3 "$db" "UPDATE session SET title = 'Wijkavond Zuid-Oost' WHERE id = 1" || return 1
	wait_soon "Wijkavond Zuid-Oost  ·" || return 1
	tm send-keys -t p q && wait_exit 0
}

t_tmux_participant_view_join() {
	session_with_round 10:00 || return 1
	PANE=q start_pact 80x24 LANG=C.UTF-8 -- join 1 --as Ans || return 1
	PANE=q wait_for "Hoe maken we de wijk ontmoetingsvriendelijker?" && PANE=q wait_for "Your idea (Ans) >" || return 1
	PANE=q wait_for "Diverge  " || return 1
	PANE=q screen_text | grep -q "Wizard" && { why "the participant view shows the tabs"; return 1; }
	tm send-keys -t q "Een pleintje met schaduw" Enter && PANE=q wait_for "You sent 1 idea." || return 1
	wait_for "Een pleintje met schaduw" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT p.alias FROM idea i JOIN participant p ON p.id = i.participant_id WHERE i.text = 'Een pleintje met schaduw'")" = Ans ] ||
		{ why "the idea is not Ans's"; return 1; }
	tm send-keys -t q C-c && PANE=q wait_exit 0
}

# Every idea whose Enter was processed is in the database after SIGKILL.
t_tmux_sigkill_loses_no_entered_idea() {
	local i pid db=$T/.local/share/pact/pact.db
	session_with_round 10:00 || return 1
	for i in $(seq 1 25); do tm send-keys -t p "Idee $i, met ö en €" Enter; done
	tm send-keys -t p "half getypt, zonder Enter"
	wait_for "1/25" && wait_for "half getypt" || return 1
	pid=$(pgrep -P "$(tm display-message -p -t p '#{pane_pid}')") || { why "no pact process"; return 1; }
	kill -9 "$pid"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text GLOB 'Idee [0-9]*, met ö en €'")" = 25 ] ||
		{ why "ideas after the kill: $(sqlite3 "$db" 'SELECT count(*) FROM idea')"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text LIKE 'half%'")" = 0 ] || { why "a line without Enter was stored"; return 1; }
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]
}

# The clock is wall-clock time in the database: a restart does not reset it.
t_tmux_round_clock_survives_restart() {
	local shown
	session_with_round 0:40 || return 1
	wait_for "Diverge  00:3" || return 1
	tm send-keys -t p Escape p && wait_for "paused" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "paused" || return 1
	shown=$(screen_text | grep -o 'Diverge  00:[0-9][0-9]' | head -1)
	case $shown in "Diverge  00:3"[0-9]) ;; *) why "after restart: '$shown'"; return 1 ;; esac
	tm send-keys -t p Escape p && wait_gone "paused" || return 1
	tm send-keys -t p + && wait_for "Diverge  01:" || return 1
	tm send-keys -t p x && wait_for "End the round now?" && tm send-keys -t p y && wait_for "ended" || return 1
	tm send-keys -t p q && wait_exit 0
}

t_tmux_prompt_cards_and_broken_deck() {
	mkdir -p "$T/.config/pact" && printf 'en: Only English here\nfr: Bonjour\n' >"$T/.config/pact/prompts.txt"
	"$PACT" session new "Kaarten" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "prompts.txt:2:" || return 1
	tm send-keys -t p Escape k && wait_for "Stretch prompt" || return 1
	screen_text | grep -q "Only English" && { why "the broken deck was used"; return 1; }
	tm send-keys -t p K && wait_gone "Stretch prompt" || return 1
	printf 'en: What if the budget were zero?\nnl: Wat als het budget nul was?\n' >"$T/.config/pact/prompts.txt"
	tm send-keys -t p q && wait_exit 0 && cleanup_tmux || return 1
	start_pact 80x24 LANG=nl_NL.UTF-8 LANGUAGE=nl -- brainstorm 1 || return 1
	wait_for "Kaarten" && tm send-keys -t p Escape k && wait_for "Wat als het budget nul was?"
}

t_tmux_attribute_edit_delete_undo() {
	local db=$T/.local/share/pact/pact.db
	session_with_round 10:00 || return 1
	tm send-keys -t p C-p && wait_for "Whose idea is it?" || return 1
	tm send-keys -t p Down Enter && wait_for "New participant" || return 1
	tm send-keys -t p Bas Tab 'Bas de Vries' Enter && wait_for "Agrees to storing the name" || return 1
	tm send-keys -t p C-d && wait_for "consent" || return 1 # a name without consent is refused
	# the refusal names the name field and puts the focus there; the consent is next to it
	tm send-keys -t p Tab Space C-d && wait_for "Idea (Bas) >" || return 1
	tm send-keys -t p "Idee van Bas" Enter && wait_for "Idea (anonymous) >" || return 1
	[ "$(sqlite3 "$db" "SELECT p.alias || '|' || p.name || '|' || p.consent FROM idea i JOIN participant p ON p.id = i.participant_id")" = "Bas|Bas de Vries|1" ] ||
		{ why "attribution: $(sqlite3 "$db" 'SELECT * FROM participant')"; return 1; }
	tm send-keys -t p Escape e && wait_for "Edit idea" || return 1
	tm send-keys -t p C-u "Idee van Bas, verbeterd" C-d && wait_for "Idee van Bas, verbeterd" || return 1
	tm send-keys -t p d && wait_for "Press u to bring it back" || return 1
	wait_gone "verbeterd" || return 1
	tm send-keys -t p u && wait_for "Idee van Bas, verbeterd" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE participant_id IS NOT NULL")" = 1 ] || { why "undo lost the author"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

t_tmux_sessions_archive_and_delete() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Oud" --date 2025-01-01 >/dev/null && "$PACT" session new "Nieuw" --date 2026-06-01 >/dev/null || return 1
	"$PACT" idea add 1 "een idee" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm || return 1
	wait_for "Nieuw" && wait_for "Oud" || return 1
	tm send-keys -t p Down a && wait_for "is archived" && wait_gone " Oud" || return 1
	tm send-keys -t p v && wait_for "Archived stretch sessions" && wait_for "Oud" || return 1
	tm send-keys -t p d && wait_for "with its 1 idea," || return 1
	tm send-keys -t p Enter && wait_for "Oud" || return 1 # No is the default
	tm send-keys -t p d && wait_for "Please confirm" && tm send-keys -t p y && wait_gone "Oud" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea")" = 0 ] || { why "ideas of the deleted session remain"; return 1; }
	tm send-keys -t p v r && wait_for "Edit session" || return 1
	tm send-keys -t p C-u "Nieuw en hernoemd" C-d && wait_for "Nieuw en hernoemd" || return 1
	tm send-keys -t p q && wait_exit 0
}

bell_flag() { tm display-message -p -t p '#{window_bell_flag}'; }

t_tmux_bell_at_times_up_unless_switched_off() {
	local i
	session_with_round 0:02 || return 1
	[ "$(bell_flag)" = 0 ] || { why "a bell before the time was up"; return 1; }
	wait_for "Time's up" || return 1
	for i in $(seq 1 "$(polls 50)"); do [ "$(bell_flag)" = 1 ] && break; sleep 0.02; done
	[ "$(bell_flag)" = 1 ] || { why "no bell at Time's up"; return 1; }
	# Switch it off, start another short round: no bell this time.
	tm kill-session -t p && tm new-session -d -s p -x 80 -y 24 \
		"env HOME='$T' TERM=tmux-256color LANG=C.UTF-8 '$PACT' brainstorm 1" || return 1
	wait_for "Time's up" && tm send-keys -t p Escape b && wait_for "No bell" || return 1
	tm send-keys -t p s && wait_for "New round…" && tm send-keys -t p Enter && wait_for "Timebox" || return 1
	tm send-keys -t p C-u Kort Tab C-u 0:01 Enter && wait_for "Kort  " && wait_for "Time's up" || return 1
	sleep 0.3 # a bell would have rung by now; nothing else to wait for
	[ "$(bell_flag)" = 0 ] || { why "the bell rang although switched off"; return 1; }
}

t_cli_idea_by_participant_and_grouped_view() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Groepen" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias) VALUES ('u1', 1, 'Ans')" || return 1
	run "$PACT_SAN" idea add 1 "Idee van Ans" --participant Ans
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "SELECT participant_id FROM idea")" = 1 ] || { why "not attributed"; return 1; }
	sqlite3 "$db" "INSERT INTO cluster(uuid, session_id, name) VALUES ('c1', 1, 'Groen'); UPDATE idea SET cluster_id = 1" || return 1
	"$PACT" idea add 1 "Zonder cluster" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Zonder cluster" && tm send-keys -t p Escape g && wait_for "Groen (1)" && wait_for "Not in a cluster (1)" || return 1
	tm send-keys -t p g && wait_gone "Groen (1)"
}

t_tmux_mark_follows_idea_undo_stack_and_leaving() {
	"$PACT" session new "Volgen" >/dev/null && for t in Aap Beer Cavia; do "$PACT" idea add 1 "$t" >/dev/null; done || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Cavia" && tm send-keys -t p Escape Home Down && wait_for "2/3" || return 1
	"$PACT" idea add 1 "Dolfijn" >/dev/null || return 1
	wait_for "Dolfijn" && wait_for "3/4" || { why "the mark did not follow 'Beer'"; return 1; }
	tm send-keys -t p d && wait_gone "Beer" && tm send-keys -t p d && wait_gone "Aap" || return 1
	tm send-keys -t p u && wait_for "Aap" && tm send-keys -t p u && wait_for "Beer" || return 1
	tm send-keys -t p u && wait_for "Nothing to undo" || return 1
	tm send-keys -t p Home Down m && wait_for "Merge the marked idea into" || return 1
	tm send-keys -t p Home Enter && wait_for "Dolfijn (+1)" || return 1
	tm send-keys -t p u && wait_for "The merge is undone" && wait_gone "(+1)" || return 1
	tm send-keys -t p i "half getypt" Escape Escape && wait_for "Leave the session?" || return 1
	tm send-keys -t p n && wait_gone "Leave the session?" && wait_for "half getypt" || return 1
	tm send-keys -t p Escape y && wait_for "Stretch sessions" || return 1
	tm send-keys -t p q && wait_exit 0
}

# An idea deleted in the screens waits to be undone while its author is
# forgotten from the command line (a second process) and a newcomer gets
# the forgotten participant's row id: u brings the idea back, anonymous.
t_tmux_undo_after_participant_forgotten() {
	local db=$T/.local/share/pact/pact.db got
	"$PACT" session new "Vergeten" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias, name, consent) VALUES ('0b6e2c1a-7d3f-4e2a-9c1b-5f8d2e4a6b01', 1, 'Ans', 'Ans de Wit', 1)" || return 1
	"$PACT" idea add 1 "Een ander idee" >/dev/null && "$PACT" idea add 1 "Idee van Ans" --participant Ans >/dev/null || return 1
	start_pact 100x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Idee van Ans" && tm send-keys -t p Escape Home d && wait_for "Press u to bring it back" || return 1
	wait_gone "Idee van Ans" || return 1
	run "$PACT_SAN" forget participant 1
	expect_rc 0 && expect_in "$T/out" "forgotten" || return 1
	sqlite3 "$db" "INSERT INTO participant(uuid, session_id, alias) VALUES ('5d1f8a3e-2b4c-4f6a-8e7d-9a0b1c2d3e4f', 1, 'Bram')" || return 1
	[ "$(sqlite3 "$db" "SELECT id FROM participant WHERE alias = 'Bram'")" = 1 ] || { why "Bram did not get row id 1"; return 1; }
	tm send-keys -t p u && wait_for "The idea is back" && wait_for "Idee van Ans" || return 1
	run "$PACT_SAN" export ideas --session 1 -
	expect_rc 0 || return 1
	cp "$T/out" "$T/ideas.csv"
	got=$(csv_query "$T/ideas.csv" "SELECT count(*) || '|' || group_concat(participant, ',') FROM t WHERE idea = 'Idee van Ans'")
	[ "$got" = "1|" ] || { why "restored idea (count|participant): $got"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE text = 'Idee van Ans' AND participant_id IS NULL")" = 1 ] ||
		{ why "restored with participant $(sqlite3 "$db" "SELECT participant_id FROM idea WHERE text = 'Idee van Ans'")"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

# An undo that can no longer be done (the idea was read in again from a CSV
# by another process) says why and makes room: the next u undoes the delete
# before it.
t_tmux_undo_refused_then_the_one_before() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Terug" >/dev/null && "$PACT" idea add 1 "Aap" >/dev/null && "$PACT" idea add 1 "Beer" >/dev/null || return 1
	"$PACT" export ideas --session 1 "$T/all.csv" 2>/dev/null && { head -1 "$T/all.csv"; grep ',Aap,' "$T/all.csv"; } >"$T/aap.csv" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Beer" && tm send-keys -t p Escape Home d && wait_gone "Beer" || return 1
	tm send-keys -t p Home d && wait_gone "Aap" || return 1
	run "$PACT_SAN" import ideas "$T/aap.csv"
	expect_rc 0 && wait_for "Aap" || return 1
	tm send-keys -t p u && wait_for "the idea is there already" || return 1
	tm send-keys -t p u && wait_for "The idea is back" && wait_for "Beer" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(text, ',') FROM (SELECT text FROM idea ORDER BY text)")" = "Aap,Beer" ] ||
		{ why "ideas: $(sqlite3 "$db" 'SELECT text FROM idea')"; return 1; }
	tm send-keys -t p u && wait_for "Nothing to undo" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Four ideas, the session open in commands mode in a terminal of type $1.
four_ideas_in() {
	"$PACT" session new "Toetsen" >/dev/null && for t in Aap Beer Cavia Dolfijn; do "$PACT" idea add 1 "$t" >/dev/null; done || return 1
	start_pact 80x24 LANG=C.UTF-8 TERM="$1" -- brainstorm 1 || return 1
	wait_for "Dolfijn" && wait_for "TYPING" && tm send-keys -t p Escape && wait_for "COMMANDS" && wait_for "1/4"
}

# seq_key BYTES-AFTER-ESC WANT: send the sequence raw, wait for WANT.
seq_key() {
	tm send-keys -t p -l $'\e'"$1" && wait_for "$2" || { why "ESC $1 did not give '$2'"; return 1; }
}

# Home, End, PageUp/PageDown, the arrows and Delete as every terminal pact
# meets sends them (its own terminfo entry or not): the VT220 forms of
# PuTTY, screen, tmux and the Linux console (ESC [ 1 ~, ESC [ 4 ~), rxvt's
# ESC [ 7 ~ / ESC [ 8 ~, xterm's ESC O H / ESC [ H, with Ctrl held too. None
# may leak as Esc plus letters ('4' would open the Vote panel).
t_tmux_editing_keys_in_every_terminal() {
	local term
	for term in xterm-256color tmux-256color screen linux rxvt-unicode vt220; do
		infocmp "$term" >/dev/null 2>&1 || { why "no terminfo for $term"; return 1; }
		rm -f "$T/.local/share/pact/pact.db"
		four_ideas_in "$term" || { why "in $term"; return 1; }
		seq_key '[4~' 4/4 && seq_key '[1~' 1/4 && seq_key '[8~' 4/4 && seq_key '[7~' 1/4 &&
			seq_key 'OF' 4/4 && seq_key 'OH' 1/4 && seq_key '[F' 4/4 && seq_key '[H' 1/4 &&
			seq_key '[6~' 4/4 && seq_key '[5~' 1/4 && seq_key '[B' 2/4 && seq_key 'OB' 3/4 &&
			seq_key '[A' 2/4 && seq_key 'OA' 1/4 && seq_key '[1;5B' 2/4 && seq_key '[1;5F' 4/4 ||
			{ why "in $term"; return 1; }
		# In the idea line: Home, Delete, End, Left, Delete, Left, Ctrl-Delete.
		tm send-keys -t p i && wait_for "TYPING" && tm send-keys -t p abcde && wait_for "> abcde" || return 1
		seq_key '[1~' "> abcde" && seq_key '[3~' "> bcde" && seq_key '[4~' "> bcde" &&
			seq_key '[D' "> bcde" && seq_key '[3~' "> bcd" && seq_key 'OD' "> bcd" && seq_key '[3;5~' "> bc" ||
			{ why "in $term"; return 1; }
		tm send-keys -t p Enter && wait_for "1/5" || { why "in $term"; return 1; }
		[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT text FROM idea ORDER BY id DESC LIMIT 1")" = bc ] ||
			{ why "the line held '$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT text FROM idea ORDER BY id DESC LIMIT 1")' in $term, not 'bc'"; return 1; }
		wait_for "[3 Brainstorm]" && screen_text | grep -q "Polls" && { why "the Vote panel opened in $term"; return 1; }
		tm send-keys -t p C-c && wait_exit 0 && cleanup_tmux || return 1
	done
}

# End in the merge picker moves to the last idea (ESC [ 4 ~ in a terminal
# whose terminfo does not know it): it neither cancels the picker nor
# switches to the Vote panel.
t_tmux_end_in_merge_picker() {
	four_ideas_in xterm-256color || return 1
	tm send-keys -t p m && wait_for "Merge the marked idea into" || return 1
	tm send-keys -t p -l $'\e[4~' && wait_for "3/3" || return 1
	tm send-keys -t p Enter && wait_for "Aap (+1)" && wait_for "[3 Brainstorm]"
}

# An ESCDELAY set by the user (a slow connection) is kept: a sequence whose
# bytes come 0.3 s apart is still one key, not Esc and letters.
t_tmux_escdelay_from_environment() {
	four_ideas_in "xterm-256color ESCDELAY=2000" || return 1
	tm send-keys -t p m && wait_for "Merge the marked idea into" || return 1
	tm send-keys -t p Escape && sleep 0.3 && tm send-keys -t p -l '[4~' && wait_for "3/3" || return 1
	wait_for "Merge the marked idea into" && wait_for "[3 Brainstorm]"
}

# A form's default is replaced by the first character typed, as in every
# form people know (not "DivergeIdeeën verzamelen", "5:0010:00"); moving the
# cursor or Backspace first edits it. The default shows selected until then.
t_tmux_form_defaults_replaced_by_typing() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Standaard" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "TYPING" && tm send-keys -t p Escape s && wait_for "New round…" && tm send-keys -t p Enter && wait_for "Timebox" || return 1
	# selected: black on yellow, as a search match
	tm capture-pane -p -e -t p | grep "Name" | grep -qF $'\e[43mDiverge' || { why "the default is not shown selected: $(tm capture-pane -p -e -t p | grep Name | cat -v)"; return 1; }
	tm send-keys -t p 'Ideeën verzamelen' Tab '10:00' Enter && wait_for "Ideeën verzamelen  " || return 1
	[ "$(sqlite3 "$db" "SELECT name || '|' || seconds FROM round")" = "Ideeën verzamelen|600" ] ||
		{ why "round: $(sqlite3 "$db" "SELECT name || '|' || seconds FROM round")"; return 1; }
	tm send-keys -t p Escape s && wait_for "New round…" && tm send-keys -t p Enter && wait_for "Timebox" || return 1
	tm send-keys -t p End && wait_for "Diverge" || return 1
	tm capture-pane -p -e -t p | grep "Name" | grep -qF $'\e[43m' && { why "still selected after End"; return 1; }
	tm send-keys -t p ' 2' Tab BSpace BSpace 30 Enter && wait_for "Diverge 2  " || return 1
	[ "$(sqlite3 "$db" "SELECT name || '|' || seconds FROM round ORDER BY id DESC LIMIT 1")" = "Diverge 2|330" ] ||
		{ why "round: $(sqlite3 "$db" "SELECT name || '|' || seconds FROM round ORDER BY id DESC LIMIT 1")"; return 1; }
	# the export's file name
	tm send-keys -t p Escape E && wait_for "Export as CSV" && tm send-keys -t p Tab "$T/mijn.csv" C-d && wait_for "Exported 0 ideas" || return 1
	[ -f "$T/mijn.csv" ] || { why "no $T/mijn.csv"; return 1; }
}

# Right after creating a session, typed letters are an idea (not b for the
# bell, a for typing…); a session opened from the list starts the same way.
t_tmux_new_and_opened_session_start_typing() {
	local db=$T/.local/share/pact/pact.db
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm || return 1
	wait_for "No sessions yet" && tm send-keys -t p n && wait_for "New session" || return 1
	tm send-keys -t p "Bankjesavond" C-d && wait_for "Bankjesavond  ·" && wait_for "TYPING — Esc for commands" || return 1
	tm send-keys -t p bankjes Enter && wait_for "1/1" || return 1
	[ "$(sqlite3 "$db" "SELECT text FROM idea")" = bankjes ] || { why "stored: $(sqlite3 "$db" "SELECT text FROM idea")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM settings WHERE key = 'bell'")" = 0 ] || { why "the bell was switched: $(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'bell'")"; return 1; }
	tm send-keys -t p Escape && wait_for "COMMANDS — i to type" && tm send-keys -t p Escape && wait_for "Stretch sessions" || return 1
	tm send-keys -t p Enter && wait_for "Bankjesavond  ·" && wait_for "TYPING — Esc for commands" || return 1
	tm send-keys -t p q && wait_for "> q" && tm send-keys -t p C-u Escape q && wait_exit 0
}

# p (Pause) is on the key line only while a round runs, and says Resume
# (Verder) while it is paused; before the first round and after the end it
# is not offered.
t_tmux_pause_offered_only_while_a_round_is_on() {
	"$PACT" session new "Wijkavond" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl brainstorm 1 || return 1
	tm send-keys -t p Escape && wait_for "OPDRACHTEN — i om te typen   s Ronde" || return 1
	if screen_text | grep -q "p Pauze"; then why "p Pauze before any round"; return 1; fi
	tm send-keys -t p s Enter && wait_for "Duur (mm:ss)" && tm send-keys -t p C-d && wait_for "Ideeën verzamelen  " || return 1
	tm send-keys -t p Escape && wait_for "s Ronde  p Pauze  " || return 1
	tm send-keys -t p p && wait_for "gepauzeerd" && wait_for "s Ronde  p Verder  " || return 1
	tm send-keys -t p x && wait_for "De ronde nu beëindigen?" && tm send-keys -t p y && wait_for "afgelopen" || return 1
	if screen_text | grep -qE "p (Pauze|Verder)"; then why "p offered after the round ended"; return 1; fi
	tm send-keys -t p q && wait_exit 0
}

# B on an idea makes one experiment card in the Board's first column; a
# second B says the card is there already and makes no other.
t_screen_brainstorm_card_from_idea() {
	local start='# 80x24\n3nWijkavond<Tab><Tab><Tab><Tab><C-u>2026-11-27<C-d>Meer bankjes<Enter><Esc>'
	printf "$start"'B\n' >"$T/one.keys"
	screen_dump "$T/one.keys" >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
	expect_in "$T/got" "Card 1 is on the Board, in Idea." || return 1
	printf '# 80x24 LANGUAGE=nl\n%sBB\n' "${start#*\\n}" >"$T/two.keys"
	screen_dump "$T/two.keys" >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
	expect_in "$T/got" "Dit idee heeft al een kaart: kaart 1." || return 1
	[ "$(sqlite3 pact.db "SELECT count(*), group_concat(title), group_concat(source_kind) FROM experiment")" = "1|Meer bankjes|idea" ] ||
		{ why "cards: $(sqlite3 pact.db 'SELECT id, title, source_kind FROM experiment')"; return 1; }
}

# B on a cluster's heading (grouped view) makes a card of the cluster.
t_screen_brainstorm_card_from_cluster() {
	printf '# 80x24\n3nWijkavond<Tab><Tab><Tab><Tab><C-u>2026-11-27<C-d>Meer bankjes<Enter><Esc>CnGroen<Enter><Esc>g<Home>BB\n' >"$T/c.keys"
	screen_dump "$T/c.keys" >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
	expect_in "$T/got" "This cluster has a card already: card 1." || return 1
	[ "$(sqlite3 pact.db "SELECT count(*), group_concat(title), group_concat(source_kind) FROM experiment")" = "1|Groen|cluster" ] ||
		{ why "cards: $(sqlite3 pact.db 'SELECT id, title, source_kind FROM experiment')"; return 1; }
}

# The cluster picker (c) always starts on Nieuw cluster…, also when the
# session has clusters and when the idea is in one: a fast c Enter and a
# name makes that cluster, and the name's letters never run as commands
# (the Dutch review: the idea went into the old cluster and the letters
# paused the clock). An existing cluster is found by its first letters.
t_tmux_cluster_picker_starts_on_new_cluster() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Wijkavond" >/dev/null && "$PACT" idea add 1 "Bankjes" >/dev/null &&
		"$PACT" idea add 1 "Bomen" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO cluster(uuid, session_id, name) VALUES ('c1', 1, 'Groen'); UPDATE idea SET cluster_id = 1 WHERE text = 'Bankjes'" || return 1
	start_pact 80x24 LANG=C.UTF-8 LANGUAGE=nl -- brainstorm 1 || return 1
	wait_for "Bomen" && tm send-keys -t p Escape && wait_for "OPDRACHTEN" || return 1
	# the newest idea, Bomen, in no cluster: c, Enter and a name at once
	tm send-keys -t p Home c Enter Verkeer Enter && wait_for "Het idee staat nu in cluster Verkeer" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(i.text || ':' || coalesce(c.name, '-'), ' ') FROM (SELECT * FROM idea ORDER BY id) i LEFT JOIN cluster c ON c.id = i.cluster_id")" = "Bankjes:Groen Bomen:Verkeer" ] ||
		{ why "clusters: $(sqlite3 "$db" 'SELECT i.text, c.name FROM idea i LEFT JOIN cluster c ON c.id = i.cluster_id')"; return 1; }
	# now in a cluster, and three rows above it: the mark is still on the first row
	tm send-keys -t p c && wait_for "Zet het idee in het cluster" && wait_for "1/4│" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Nieuw cluster" && wait_for "Naam" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Nieuw cluster" || return 1
	# an existing cluster by its first letters
	tm send-keys -t p c && wait_for "Zet het idee in het cluster" && tm send-keys -t p gr Enter || return 1
	wait_for "Het idee staat nu in cluster Groen" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea WHERE cluster_id = 1") $(sqlite3 "$db" "SELECT count(*) FROM round")" = "2 0" ] ||
		{ why "Groen's ideas, rounds: $(sqlite3 "$db" 'SELECT text, cluster_id FROM idea; SELECT count(*) FROM round')"; return 1; }
}

# The round chooser (o) finds a round by the first letters of its name, as
# the other choosers do (not by its time).
t_tmux_round_picker_finds_by_name() {
	local db=$T/.local/share/pact/pact.db
	"$PACT" session new "Wijkavond" >/dev/null && "$PACT" idea add 1 "Bankjes" >/dev/null || return 1
	sqlite3 "$db" "INSERT INTO round(uuid, session_id, name, seconds) VALUES
		('1c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Diverge', 300), ('2c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11', 1, 'Converge', 120)" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Bankjes" && tm send-keys -t p Escape && wait_for "COMMANDS" || return 1
	tm send-keys -t p Home o && wait_for "Move the idea to the round" || return 1
	tm send-keys -t p co Enter && wait_for "The idea moved to that round" || return 1
	[ "$(sqlite3 "$db" "SELECT r.name FROM idea i JOIN round r ON r.id = i.round_id")" = Converge ] ||
		{ why "round: $(sqlite3 "$db" 'SELECT round_id FROM idea')"; return 1; }
}
