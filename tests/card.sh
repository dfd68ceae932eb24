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
