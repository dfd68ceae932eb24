# The whole flow of issue 18, as a facilitator runs it in one terminal: a
# stretch session, a round of ideas, a cluster, a dot vote on the ideas,
# the top two made into experiment cards, one card moved to Running, and
# the session's report written as HTML.

t_tmux_whole_flow_session_to_report() {
	local db=$T/.local/share/pact/pact.db got html=$T/wijkavond.html
	start_pact 100x30 LANG=C.UTF-8 || return 1
	# the session, with its facilitator and place
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "No sessions yet" && tm send-keys -t p n && wait_for "New session" || return 1
	tm send-keys -t p 'Wijkavond Noord' Tab 'Hoe maken we de wijk groener?' Tab 'Fatima' Tab 'Buurthuis De Brug' Tab C-u '2026-11-27' C-d
	wait_for "Wijkavond Noord  ·  2026-11-27" || return 1
	# a round of ten minutes, four ideas
	tm send-keys -t p Escape s && wait_for "New round…" && tm send-keys -t p Enter && wait_for "Timebox" || return 1
	tm send-keys -t p C-u 'Ideeën' Tab C-u '10:00' Enter && wait_for "Idea (anonymous) >" || return 1
	tm send-keys -t p 'Geveltuinen in elke straat' Enter 'Een buurtmoestuin' Enter 'Meer bomen op het plein' Enter 'Bankjes bij de haven' Enter
	wait_for "1/4" || return 1
	# a cluster Groen with the two newest but one
	tm send-keys -t p Escape C && wait_for "Clusters" && tm send-keys -t p n && wait_for "New cluster" || return 1
	tm send-keys -t p Groen Enter && wait_for "Groen" && tm send-keys -t p Escape && wait_gone "┌─ Clusters" || return 1
	tm send-keys -t p Home Down c && wait_for "Put the idea in the cluster" && tm send-keys -t p Down Enter && wait_for "The idea is in cluster Groen now" || return 1
	tm send-keys -t p Down c && wait_for "Put the idea in the cluster" && tm send-keys -t p Down Enter && wait_gone "Put the idea in the cluster" || return 1
	# a dot vote on the session's ideas: 3 dots each, open ballots
	tm send-keys -t p 4 && wait_for "No polls yet" && tm send-keys -t p n && wait_for "A vote on the ideas of which session?" || return 1
	tm send-keys -t p Down Enter && wait_for "New poll for session Wijkavond Noord" || return 1
	tm send-keys -t p Tab Tab Tab C-u 3 Tab Tab Tab Tab Right && wait_for "< open (voters may give a name) >" && tm send-keys -t p C-d || return 1
	wait_for "Which ideas first? — Dot voting — 0 ballots" || return 1
	# three ballots: Geveltuinen 3, buurtmoestuin 3, bomen 2, bankjes 1
	tm send-keys -t p b && wait_for "Dots left: 3 of 3" && tm send-keys -t p 2 Down 1 Enter && wait_for "Ballot 1 stored" || return 1
	tm send-keys -t p Down Down 2 Down 1 Enter && wait_for "Ballot 2 stored" || return 1
	tm send-keys -t p 1 Down 2 Enter && wait_for "Ballot 3 stored" || return 1
	tm send-keys -t p Escape && wait_for "3 ballots" && wait_for "1= Geveltuinen in elke straat" && wait_for "1= Een buurtmoestuin" || return 1
	# the top two become cards on the Board
	tm send-keys -t p B && wait_for "How many of the top options" && tm send-keys -t p C-u 2 Enter && wait_for "2 cards made on the Board." || return 1
	# one of them to Running
	tm send-keys -t p 2 && wait_for "Idea (2)" && tm send-keys -t p '>' && wait_for "Moved to Preparing." && tm send-keys -t p '>' && wait_for "Moved to Running." || return 1
	wait_for "Running (1)" || return 1
	# the cards know where they came from
	got=$(sqlite3 "$db" "SELECT group_concat(e.title || '|' || e.status || '|' || e.source_kind || '|' || e.source_rank || '|' || e.source_of || '|' || e.source_value || '|' || p.title || '|' || s.title, ';')
		FROM (SELECT * FROM experiment ORDER BY id) e JOIN poll_option o ON o.uuid = e.source_uuid
		JOIN poll p ON p.id = o.poll_id JOIN session s ON s.id = p.session_id")
	[ "$got" = "Geveltuinen in elke straat|running|poll|1|4|3|Which ideas first?|Wijkavond Noord;Een buurtmoestuin|idea|poll|1|4|3|Which ideas first?|Wijkavond Noord" ] ||
		{ why "the cards' links: $got"; return 1; }
	tm send-keys -t p Enter && wait_for "From session Wijkavond Noord (2026-11-27), poll Which ideas first?: 1st of 4, 3 dots" || return 1
	tm send-keys -t p Escape && wait_gone "From session" || return 1
	# the session's report, as HTML, from the session itself
	tm send-keys -t p 3 && wait_for "Wijkavond Noord" && tm send-keys -t p Enter && wait_for "Hoe maken we de wijk groener?" || return 1
	tm send-keys -t p Escape R && wait_for "Session report" && tm send-keys -t p C-u "$html" C-d && wait_for "Report written to $html" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	# what the report says
	for got in '<html lang="en">' '<h1>Wijkavond Noord</h1>' '<dd>Hoe maken we de wijk groener?</dd>' '<dd>Buurthuis De Brug</dd>' \
		'<dd>Fatima</dd>' '<td>Ideeën</td><td class="num">10:00</td><td class="num">4</td>' '<h3>Groen</h3>' \
		'<li>Een buurtmoestuin</li>' '<li>Bankjes bij de haven</li>' '<h3>Which ideas first?</h3>' '<dd>Dot voting</dd>' \
		'<td class="num">1=</td><td>Geveltuinen in elke straat</td><td class="num">3 (33%)</td>' \
		'<td class="num">1=</td><td>Een buurtmoestuin</td><td class="num">3 (33%)</td>' '<svg' \
		'<td>Geveltuinen in elke straat</td><td>Running</td><td>From session Wijkavond Noord (2026-11-27), poll Which ideas first?: 1st of 4, 3 dots</td>' \
		'<td>Een buurtmoestuin</td><td>Idea</td>'; do
		grep -qF -- "$got" "$html" || { why "the report lacks: $got"; grep -F "<td" "$html" >&2; return 1; }
	done
	# the cluster holds its two ideas, the others stand apart
	got=$(awk '/<h3>Groen<\/h3>/ { on = 1; next } /<h3>/ { on = 0 } on && /<li>/' "$html" | tr -d '\n')
	[ "$got" = "<li>Een buurtmoestuin</li><li>Meer bomen op het plein</li></ul>" ] || { why "cluster Groen in the report: $got"; return 1; }
	if grep -qiE '<script|https?:' "$html"; then why "the report has a script or an outside reference"; return 1; fi
	"$(report_python)" -c 'import html5lib, sys; html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb"))' "$html" ||
		{ why "the report is not valid HTML"; return 1; }
}
