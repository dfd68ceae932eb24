# pact card: experiment cards from a stretch session's ideas, clusters and
# a poll's result (issue 18, first part).

t_card_from_idea_and_poll_on_the_command_line() {
	local db=$T/p.db
	"$PACT_PLAIN" --db "$db" session new "Wijkavond Noord" --facilitator Noor >/dev/null || return 1
	for i in "Meer bankjes" "Groene kade" "Licht op de dijk"; do "$PACT_PLAIN" --db "$db" idea add 1 "$i" >/dev/null; done
	"$PACT_PLAIN" --db "$db" poll new --session 1 --method approval --title "Wat eerst?" >/dev/null || return 1
	run "$PACT_SAN" --db "$db" card from-idea 2
	expect_rc 0 && expect_in "$T/out" "card 1: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-idea 2
	expect_rc 0 && expect_in "$T/out" "card 1: made before, no second one" || return 1
	# no ballots yet: refused, nothing made
	run "$PACT_SAN" --db "$db" card from-poll 1 --top 2
	expect_rc 3 && expect_in "$T/err" "poll 1 has no ballots yet" || return 1
	sqlite3 "$db" "INSERT INTO ballot(id, uuid, poll_id, cast_at) VALUES (1, 'b1', 1, 'x');
		INSERT INTO mark(ballot_id, option_id, value) SELECT 1, id, 1 FROM poll_option WHERE name = 'Licht op de dijk'" || return 1
	run "$PACT_SAN" --db "$db" card from-poll 1 --top 1
	expect_rc 0 && expect_in "$T/out" "card 2: made in the Idea column" || return 1
	[ "$(sqlite3 "$db" "SELECT title, owner, source_kind, source_rank, source_of, source_value FROM experiment WHERE id = 2")" = "Licht op de dijk|Noor|poll|1|3|1" ] ||
		{ why "card 2: $(sqlite3 "$db" "SELECT * FROM experiment WHERE id = 2")"; return 1; }
	run "$PACT_SAN" --db "$db" card from-poll 1 --top 0
	expect_rc 2 && expect_in "$T/err" "--top" || return 1
	run "$PACT_SAN" --db "$db" card from-idea 99
	expect_rc 3 && expect_in "$T/err" "no idea 99" || return 1
	run "$PACT_SAN" --db "$db" card from-nothing 1
	expect_rc 2 && expect_in "$T/err" "usage: pact card"
}

# An idea or a cluster is one card, whether it goes to the Board directly
# or as a poll's option, in either order, and through two polls: the
# second time says it was made before (the README: "The same idea or
# option twice gives no second card").
t_card_same_idea_or_cluster_through_a_poll() {
	local db=$T/p.db i
	"$PACT_PLAIN" --db "$db" session new "Wijkavond Noord" --facilitator Noor >/dev/null || return 1
	for i in "Meer bankjes" "Groene kade" "Licht op de dijk"; do "$PACT_PLAIN" --db "$db" idea add 1 "$i" >/dev/null; done
	printf 'session,name\nWijkavond Noord,Groen\nWijkavond Noord,Licht\n' >"$T/c.csv"
	"$PACT_PLAIN" --db "$db" import clusters "$T/c.csv" >/dev/null 2>&1 || return 1
	"$PACT_PLAIN" --db "$db" poll new --session 1 --method dot --dots 3 --title "Welk idee?" >/dev/null &&
		"$PACT_PLAIN" --db "$db" poll new --session 1 --method dot --dots 3 --title "Nog eens?" >/dev/null &&
		"$PACT_PLAIN" --db "$db" poll new --session 1 --method dot --dots 3 --from clusters --title "Welk thema?" >/dev/null || return 1
	printf 'voter,option,value\nA,Meer bankjes,3\nB,Licht op de dijk,2\n' >"$T/b.csv"
	printf 'voter,option,value\nA,Groen,2\nA,Licht,1\n' >"$T/bc.csv"
	"$PACT_PLAIN" --db "$db" import ballots --poll 1 "$T/b.csv" >/dev/null 2>&1 &&
		"$PACT_PLAIN" --db "$db" import ballots --poll 2 "$T/b.csv" >/dev/null 2>&1 &&
		"$PACT_PLAIN" --db "$db" import ballots --poll 3 "$T/bc.csv" >/dev/null 2>&1 || return 1
	# the idea first, then a poll whose best option it is
	run "$PACT_SAN" --db "$db" card from-idea 1
	expect_rc 0 && expect_in "$T/out" "card 1: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-poll 1 --top 1
	expect_rc 0 && expect_in "$T/out" "card 1: made before, no second one" || return 1
	# the poll first, then the idea itself, and another poll over it
	run "$PACT_SAN" --db "$db" card from-poll 1 --top 2
	expect_rc 0 && expect_in "$T/out" "card 2: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-idea 3
	expect_rc 0 && expect_in "$T/out" "card 2: made before, no second one" || return 1
	run "$PACT_SAN" --db "$db" card from-poll 2 --top 2
	expect_rc 0 && expect_in "$T/out" "card 1: made before, no second one" &&
		expect_in "$T/out" "card 2: made before, no second one" || return 1
	# clusters the same way: Groen directly first, Licht through the poll first
	run "$PACT_SAN" --db "$db" card from-cluster 1
	expect_rc 0 && expect_in "$T/out" "card 3: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-poll 3 --top 2
	expect_rc 0 && expect_in "$T/out" "card 3: made before, no second one" &&
		expect_in "$T/out" "card 4: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-cluster 2
	expect_rc 0 && expect_in "$T/out" "card 4: made before, no second one" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(title || ':' || source_kind, '|') FROM (SELECT * FROM experiment ORDER BY id)")" = "Meer bankjes:idea|Licht op de dijk:poll|Groen:cluster|Licht:poll" ] ||
		{ why "cards: $(sqlite3 "$db" 'SELECT id, title, source_kind FROM experiment')"; return 1; }
}

# An idea or a cluster is named by its number or by its UUID (the id column
# of 'pact export ideas'); anything else is a usage error that says so.
t_card_from_idea_or_cluster_by_uuid() {
	local db=$T/p.db uuid
	"$PACT_PLAIN" --db "$db" session new "Wijkavond Noord" >/dev/null &&
		"$PACT_PLAIN" --db "$db" idea add 1 "Groene kade" >/dev/null || return 1
	printf 'session,name\nWijkavond Noord,Groen\n' >"$T/c.csv"
	"$PACT_PLAIN" --db "$db" import clusters "$T/c.csv" >/dev/null 2>&1 || return 1
	uuid=$(sqlite3 "$db" "SELECT upper(uuid) FROM idea WHERE text = 'Groene kade'")
	run "$PACT_SAN" --db "$db" card from-idea "$uuid"
	expect_rc 0 && expect_in "$T/out" "card 1: made in the Idea column" || return 1
	run "$PACT_SAN" --db "$db" card from-cluster "$(sqlite3 "$db" "SELECT uuid FROM cluster")"
	expect_rc 0 && expect_in "$T/out" "card 2: made in the Idea column" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(title || ':' || source_kind, '|') FROM experiment")" = "Groene kade:idea|Groen:cluster" ] ||
		{ why "cards: $(sqlite3 "$db" 'SELECT title, source_kind FROM experiment')"; return 1; }
	run "$PACT_SAN" --db "$db" card from-idea 11111111-1111-4111-8111-111111111111
	expect_rc 3 && expect_in "$T/err" "no idea 11111111-1111-4111-8111-111111111111" || return 1
	run "$PACT_SAN" --db "$db" card from-cluster groen
	expect_rc 2 && expect_in "$T/err" "from-cluster: give a number or a UUID, not 'groen'"
}
# The links between cards and where they came from, on screen (issue 18):
# tests/screen/card/NAME.keys, each on a fixture named in its "# setup:"
# line, compared with NAME.screen.

# Session 1 "Wijkavond Noord" (27-11-2026, Noor) with three ideas, the
# second in cluster "Groen", and a dot poll "Wat eerst?" (Licht op de dijk
# 3 dots, Bomen langs de kade 1). Card 1 from idea 1, card 2 from the
# cluster, card 3 from the poll's best option; all made 27-11-2026 20:15.
card_fixture_links() {
	local p=("$PACT_PLAIN" --db pact.db) i
	"${p[@]}" session new "Wijkavond Noord" --facilitator Noor --date 2026-11-27 >/dev/null || return 1
	for i in "Meer bankjes op het plein" "Bomen langs de kade" "Licht op de dijk"; do
		"${p[@]}" idea add 1 "$i" >/dev/null || return 1
	done
	sqlite3 pact.db "INSERT INTO cluster(uuid, session_id, name) VALUES ('c1', 1, 'Groen');
		UPDATE idea SET cluster_id = 1 WHERE id = 2" || return 1
	printf 'voter,option,value\nA,Licht op de dijk,2\nA,Bomen langs de kade,1\nB,Licht op de dijk,1\n' >ballots.csv
	"${p[@]}" poll new --session 1 --method dot --dots 3 --title "Wat eerst?" >/dev/null &&
		"${p[@]}" import ballots --poll 1 ballots.csv 2>/dev/null &&
		"${p[@]}" card from-idea 1 >/dev/null && "${p[@]}" card from-cluster 1 >/dev/null &&
		"${p[@]}" card from-poll 1 --top 1 >/dev/null || return 1
	sqlite3 pact.db "UPDATE experiment SET created_at = '2026-11-27T20:15:00Z';
		UPDATE experiment_event SET at = '2026-11-27T20:15:00Z'"
}

# The same with the session deleted (its ideas, cluster and poll with it).
card_fixture_links_gone() {
	card_fixture_links && sqlite3 pact.db "PRAGMA foreign_keys = ON; DELETE FROM session"
}

card_dump() {
	local keys=$1 size envs fixture
	read -r _ size envs <"$keys"
	fixture=$(sed -n 's/^# setup: //p' "$keys")
	rm -f pact.db pact.db-wal pact.db-shm
	"card_fixture_$fixture" || { why "fixture $fixture failed"; return 1; }
	env LINES="${size#*x}" COLUMNS="${size%x*}" TERM=xterm-256color PACT_KEYS="$keys" $envs \
		"$PACT_SAN" --db pact.db >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
}

for keys in "$ROOT"/tests/screen/card/*.keys; do
	name=$(basename "$keys" .keys)
	eval "t_screen_card_$name() { card_dump \"\$ROOT/tests/screen/card/$name.keys\" && dump_compare card/$name; }"
done

# o never drops work: with an idea typed and not saved in another session,
# o on a card from session 1 stays on the card, says why, and the typed
# idea is still there when Brainstorm comes back.
t_tmux_card_origin_keeps_an_unsaved_idea() {
	card_fixture_links || return 1
	"$PACT_PLAIN" --db pact.db session new "Buurtborrel" --date 2026-12-01 >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/pact.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "Buurtborrel" || return 1
	tm send-keys -t p Home Enter && wait_for "Buurtborrel  ·" && wait_for "Idea (anonymous) >" || return 1
	tm send-keys -t p "Half getypt idee" && wait_for "> Half getypt idee" || return 1
	# leave typing (the idea stays in its line), then to the Board
	tm send-keys -t p Escape && wait_for "COMMANDS" && tm send-keys -t p 2 && wait_for "Idea (3)" || return 1
	tm send-keys -t p Home Enter && wait_for "From session Wijkavond Noord" && tm send-keys -t p o || return 1
	wait_for "Brainstorm has an idea typed and not saved; save or clear it there first." || return 1
	wait_for "From session Wijkavond Noord" || return 1
	tm send-keys -t p Escape 3 && wait_for "> Half getypt idee" && wait_for "Buurtborrel  ·" || return 1
	[ "$(sqlite3 pact.db "SELECT count(*) FROM idea WHERE text LIKE 'Half%'")" = 0 ] || { why "the typed idea was stored"; return 1; }
}

# The Dutch review's case on screen: B on an idea in the session, then B
# on a poll over the session's ideas whose top two include it, makes one
# card more, not two; a clusters poll first, then B on the cluster's
# heading and on an idea that came through the poll, make none.
t_tmux_card_same_idea_from_session_and_poll() {
	local p=("$PACT_PLAIN" --db pact.db) i
	"${p[@]}" session new "Wijkavond Noord" --facilitator Noor --date 2026-11-27 >/dev/null || return 1
	for i in "Meer bankjes" "Groene kade" "Licht op de dijk"; do "${p[@]}" idea add 1 "$i" >/dev/null || return 1; done
	sqlite3 pact.db "INSERT INTO cluster(uuid, session_id, name) VALUES ('c1', 1, 'Groen');
		UPDATE idea SET cluster_id = 1 WHERE id = 2" || return 1
	printf 'voter,option,value\nA,Meer bankjes,3\nB,Licht op de dijk,2\n' >ideas.csv
	printf 'voter,option,value\nA,Groen,2\n' >clusters.csv
	"${p[@]}" poll new --session 1 --method dot --dots 3 --title "Welk idee?" >/dev/null &&
		"${p[@]}" poll new --session 1 --method dot --dots 3 --from clusters --title "Welk thema?" >/dev/null &&
		"${p[@]}" import ballots --poll 1 ideas.csv 2>/dev/null && "${p[@]}" import ballots --poll 2 clusters.csv 2>/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/pact.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "Wijkavond Noord" || return 1
	# the newest idea first: Licht op de dijk
	tm send-keys -t p Home Enter && wait_for "No round yet" && tm send-keys -t p Escape && wait_for "COMMANDS" || return 1
	tm send-keys -t p Home B && wait_for "Card 1 is on the Board, in Idea." || return 1
	tm send-keys -t p 4 && wait_for "Welk idee?" && tm send-keys -t p End Enter && wait_for "2. Licht op de dijk" || return 1
	tm send-keys -t p B && wait_for "How many of the top options" && tm send-keys -t p C-u 2 Enter || return 1
	wait_for "1 card made on the Board; 1 was there already." || return 1
	tm send-keys -t p Escape && wait_for "Welk thema?" && tm send-keys -t p Home Enter && wait_for "1. Groen" || return 1
	tm send-keys -t p B && wait_for "How many of the top options" && tm send-keys -t p Enter && wait_for "1 card made on the Board." || return 1
	# back in the session, grouped: Groen's heading, then Meer bankjes
	tm send-keys -t p 3 && wait_for "COMMANDS" && tm send-keys -t p g && wait_for "Groen (1)" || return 1
	tm send-keys -t p Home B && wait_for "This cluster has a card already: card 3." || return 1
	tm send-keys -t p Down Down Down B && wait_for "This idea has a card already: card 2." || return 1
	[ "$(sqlite3 pact.db "SELECT group_concat(title || ':' || source_kind, '|') FROM (SELECT * FROM experiment ORDER BY id)")" = "Licht op de dijk:idea|Meer bankjes:poll|Groen:poll" ] ||
		{ why "cards: $(sqlite3 pact.db 'SELECT id, title, source_kind FROM experiment')"; return 1; }
}
