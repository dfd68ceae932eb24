# pact merge loses nothing: every kind of record, polls with their ballots,
# paper counts, voter codes and histories come over from the other file,
# and a second merge changes nothing.

# A file with every kind of record: the demo's board (cards, pots,
# evaluations, history), a session with rounds, clusters, participants and
# ideas, an advice, and a poll of every method with named and secret
# ballots, paper counts, voter codes and poll history. Fixtures and views
# run the plain build; the merges under test run with the sanitizers.
merge_fill() {
	local db=$1 m n s=aaaaaaaa-0000-4000-8000-00000000000
	"$PACT_PLAIN" --db "$db" demo >/dev/null || return 1
	"$PACT_PLAIN" --db "$db" session new "Wijkavond" >/dev/null || return 1
	printf 'id,session,alias,name,consent,role,wijk,age_band\n%s1,Wijkavond,Ans,Ans de Vries,1,resident,Noord,30-39\n%s2,Wijkavond,Bas,,0,other,Zuid,60-69\n' "$s" "$s" >"$T/p.csv"
	printf 'id,session,name,seconds\n%s3,Wijkavond,Ronde 1,300\n' "$s" >"$T/r.csv"
	printf 'id,session,name\n%s4,Wijkavond,Groen\n' "$s" >"$T/c.csv"
	printf 'id,session,round,cluster,idea,participant\n%s5,Wijkavond,Ronde 1,Groen,Meer bomen,Ans\n%s6,Wijkavond,Ronde 1,,Bankjes,Bas\n%s7,Wijkavond,,Groen,Licht,\n' "$s" "$s" "$s" >"$T/i.csv"
	printf 'id,title,author,date,outcome\n%s8,Speeltuin,Cor,2026-03-01,raadplegen\n' "$s" >"$T/a.csv"
	for k in participants:p rounds:r clusters:c ideas:i advices:a; do
		"$PACT_PLAIN" --db "$db" import "${k%%:*}" "$T/${k#*:}.csv" 2>/dev/null || { why "import ${k%%:*}"; return 1; }
	done
	for m in "dot --dots 3" approval "score --range 0..5" borda irv schulze; do
		"$PACT_PLAIN" --db "$db" poll new --session 1 --method $m >/dev/null || return 1
	done
	printf 'option,cost\nA,100\nB,200\nC,300\n' >"$T/o.csv"
	"$PACT_PLAIN" --db "$db" poll new --method pb-greedy --options "$T/o.csv" --budget 400 >/dev/null &&
		"$PACT_PLAIN" --db "$db" poll new --method pb-mes --options "$T/o.csv" --budget 400 >/dev/null || return 1
	printf 'voter,option,value\nV1,Meer bomen,2\nV1,Licht,1\nV2,Bankjes,3\nV3,Licht,1\n' >"$T/b1.csv"
	printf 'voter,option,value\nV1,Meer bomen,1\nV2,Bankjes,1\nV2,Licht,1\nV3,Licht,1\n' >"$T/b2.csv"
	printf 'voter,option,value\nV1,Meer bomen,5\nV1,Bankjes,2\nV2,Licht,4\nV3,Bankjes,1\n' >"$T/b3.csv"
	printf 'voter,option,value\nV1,Meer bomen,1\nV1,Bankjes,2\nV1,Licht,3\nV2,Licht,1\nV2,Bankjes,2\nV3,Bankjes,1\nV3,Meer bomen,2\nV4,Licht,1\n' >"$T/b4.csv"
	printf 'voter,option,value\nV1,A,1\nV1,B,1\nV2,C,1\nV3,A,1\nV3,C,1\n' >"$T/b7.csv"
	for n in 1 2 3 4 5 6 7 8; do
		f=$T/b$n.csv
		[ $n = 5 ] || [ $n = 6 ] && f=$T/b4.csv
		[ $n = 8 ] && f=$T/b7.csv
		"$PACT_PLAIN" --db "$db" import ballots --poll $n "$f" 2>/dev/null || { why "ballots of poll $n"; return 1; }
	done
	# odd polls are secret (ballots without a label), even ones open
	sqlite3 "$db" "UPDATE poll SET secret = id % 2; UPDATE ballot SET voter = NULL, cast_at = (SELECT substr(p.created_at, 1, 10) FROM poll p WHERE p.id = ballot.poll_id) WHERE poll_id % 2 = 1;
		INSERT INTO poll_count(poll_id, option_id, value) SELECT poll_id, id, 10 * position + 7 FROM poll_option WHERE poll_id IN (1, 2);
		UPDATE poll SET paper_voters = 23 WHERE id IN (1, 2)" || return 1
	"$PACT_PLAIN" --db "$db" poll codes 1 --count 4 "$T/codes.txt" 2>/dev/null && "$PACT_PLAIN" --db "$db" poll codes 3 --count 2 "$T/codes3.txt" 2>/dev/null || return 1
	sqlite3 "$db" "UPDATE voter_code SET used = 1 WHERE rowid IN (SELECT rowid FROM voter_code WHERE poll_id = 1 LIMIT 2)" 2>/dev/null ||
		sqlite3 "$db" "UPDATE voter_code SET used = 1 WHERE hash = (SELECT min(hash) FROM voter_code WHERE poll_id = 1)" || return 1
	"$PACT_PLAIN" --db "$db" poll close 2 >/dev/null 2>&1 || return 1
	# a cost outside the experiments on the first pot
	printf 'id,budget,description,date,amount\n%s9,%s,Handreiking ontwikkelen,2019-03-01,"12.500,01"\n' "$s" \
		"$(sqlite3 "$db" "SELECT uuid FROM budget_pot ORDER BY name LIMIT 1")" >"$T/k.csv"
	"$PACT_PLAIN" --db "$db" import costs "$T/k.csv" 2>/dev/null || { why "import costs"; return 1; }
	# cards that came from the session: an idea, a cluster, a poll's top two
	# (Licht and Bankjes; the idea is another, Meer bomen, or it would be
	# the same card as its option's)
	"$PACT_PLAIN" --db "$db" card from-idea "${s}5" >/dev/null && "$PACT_PLAIN" --db "$db" card from-cluster 1 >/dev/null &&
		"$PACT_PLAIN" --db "$db" card from-poll 2 --top 2 >/dev/null || { why "cards from the session"; return 1; }
	# a card's communication plan: two audiences
	m=$(sqlite3 "$db" "SELECT uuid FROM experiment WHERE id = 1") || return 1
	printf 'experiment,audience,message,means\n%s,raad,"Doe mee,\nop twee regels",dropping\n%s,pers,,persbericht\n' "$m" "$m" >"$T/comm.csv"
	"$PACT_PLAIN" --db "$db" import communication "$T/comm.csv" >/dev/null 2>&1 || { why "the communication plan"; return 1; }
	[ "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM experiment_event) > 0 AND (SELECT count(*) FROM evaluation) > 0 AND (SELECT count(*) FROM ballot WHERE voter IS NULL) > 0 AND (SELECT count(*) FROM ballot WHERE voter IS NOT NULL) > 0 AND (SELECT count(*) FROM poll_event) > 2 AND (SELECT count(*) FROM pot_cost) = 1 AND (SELECT count(*) FROM card_comm) = 2")" = 1 ] ||
		{ why "the fixture lacks a kind"; return 1; }
}

# Everything a person can see of a file, one file per view: every kind's
# export, each poll's result, ballots (sorted: secret ones come in random
# order) and history by poll UUID, and what has no export (codes, counts,
# card history, opgaven) as UUID-keyed rows.
merge_views() {
	local db=$1 out=$2 k id uuid
	mkdir -p "$out"
	for k in $("$PACT_PLAIN" --db "$db" export --list 2>/dev/null | grep -v '^ ' | cut -d' ' -f1); do
		case $k in
		results | ballots | pabulib) ;; # per poll, below (ballots)
		breakdown) "$PACT_PLAIN" --db "$db" export breakdown --session 1 "$out/$k.csv" 2>/dev/null || return 1 ;;
		*) "$PACT_PLAIN" --db "$db" export "$k" --with-names "$out/$k.csv" 2>/dev/null || { why "export $k"; return 1; } ;;
		esac
	done
	sqlite3 "$db" "SELECT id, uuid FROM poll" | while IFS='|' read -r id uuid; do
		"$PACT_PLAIN" --db "$db" poll show "$id" --format csv >"$out/poll-$uuid.csv" 2>&1
		"$PACT_PLAIN" --db "$db" export ballots --poll "$id" --with-names - 2>/dev/null | sort >"$out/ballots-$uuid.csv"
		"$PACT_PLAIN" --db "$db" poll history "$id" >"$out/history-$uuid.txt" 2>&1
	done
	sqlite3 "$db" "SELECT p.uuid, p.title, p.method, p.dots, p.lo, p.hi, p.budget, p.closed, p.paper_voters, p.secret, p.code_salt, p.created_at FROM poll p ORDER BY p.uuid;
		SELECT p.uuid, o.uuid, o.position, o.name, o.cost, i.uuid, c.uuid FROM poll_option o JOIN poll p ON p.id = o.poll_id LEFT JOIN idea i ON i.id = o.idea_id LEFT JOIN cluster c ON c.id = o.cluster_id ORDER BY o.uuid;
		SELECT b.uuid, p.uuid, b.voter, b.cast_at, group_concat(o.uuid || '=' || m.value) FROM ballot b JOIN poll p ON p.id = b.poll_id JOIN mark m ON m.ballot_id = b.id JOIN poll_option o ON o.id = m.option_id GROUP BY b.id ORDER BY b.uuid;
		SELECT p.uuid, o.uuid, c.value FROM poll_count c JOIN poll p ON p.id = c.poll_id JOIN poll_option o ON o.id = c.option_id ORDER BY 1, 2;
		SELECT p.uuid, v.hash, v.used FROM voter_code v JOIN poll p ON p.id = v.poll_id ORDER BY 1, 2;
		SELECT p.uuid, e.at, e.what FROM poll_event e JOIN poll p ON p.id = e.poll_id ORDER BY 1, e.id;
		SELECT x.uuid, e.at, e.from_status, e.to_status FROM experiment_event e JOIN experiment x ON x.id = e.experiment_id ORDER BY 1, e.id;
		SELECT name FROM opgave ORDER BY name" >"$out/tables.txt" || return 1
}

t_merge_brings_every_kind_and_twice_changes_nothing() {
	local a=$T/a.db b=$T/b.db
	merge_fill "$a" || return 1
	"$PACT" --db "$b" session list >/dev/null || return 1
	run "$PACT_SAN" --db "$b" merge "$a"
	expect_rc 0 || return 1
	merge_views "$a" "$T/va" && merge_views "$b" "$T/vb" || return 1
	[ "$(ls "$T/va" | wc -l)" -ge 36 ] || { why "too few views: $(ls "$T/va")"; return 1; }
	diff -r "$T/va" "$T/vb" >"$T/diff" || { why "the merged file differs:"; head -30 "$T/diff" >&2; return 1; }
	[ "$(sqlite3 "$b" "SELECT count(*) FROM ballot WHERE voter IS NULL")" -gt 0 ] && [ "$(sqlite3 "$b" "SELECT count(*) FROM experiment_event")" = "$(sqlite3 "$a" "SELECT count(*) FROM experiment_event")" ] || { why "counts"; return 1; }
	[ ! -s "$b-wal" ] || { why "the -wal still holds the merge (secret ballots' arrival)"; return 1; }
	# the cards keep where they came from
	q="SELECT group_concat(source_kind || ' ' || source_uuid || ' ' || coalesce(source_rank, '-') || ' ' || coalesce(source_of, '-') || ' ' || coalesce(source_value, '-'), '; ') FROM (SELECT * FROM experiment WHERE source_kind IS NOT NULL ORDER BY uuid)"
	[ "$(sqlite3 "$b" "$q")" = "$(sqlite3 "$a" "$q")" ] && [ "$(sqlite3 "$b" "SELECT count(*) FROM experiment WHERE source_kind IS NOT NULL")" = 4 ] ||
		{ why "the links: $(sqlite3 "$b" "$q") against $(sqlite3 "$a" "$q")"; return 1; }
	sqlite3 "$b" .dump >"$T/dump1" || return 1
	run "$PACT_SAN" --db "$b" merge "$a"
	expect_rc 0 || return 1
	sqlite3 "$b" .dump >"$T/dump2" || return 1
	cmp -s "$T/dump1" "$T/dump2" || { why "the second merge changed the file:"; diff "$T/dump1" "$T/dump2" | head -20 >&2; return 1; }
}

# The comparison compares content: a merged file whose amounts or poll
# counts differ, or that lacks the last kind, is told apart.
t_merge_views_tell_a_damaged_copy_apart() {
	local a=$T/a.db
	merge_fill "$a" || return 1
	merge_views "$a" "$T/va" || return 1
	for damage in "UPDATE experiment SET planned = planned * 100" "UPDATE poll_count SET value = value + 1"  \
		"DELETE FROM experiment_event WHERE id = (SELECT max(id) FROM experiment_event)" "UPDATE voter_code SET used = 1" \
		"DELETE FROM evaluation WHERE id = (SELECT max(id) FROM evaluation)" "UPDATE mark SET value = value + 1 WHERE ballot_id = (SELECT max(id) FROM ballot)"; do
		rm -rf "$T/vd" && cp "$a" "$T/d.db" && sqlite3 "$T/d.db" "$damage" || return 1
		merge_views "$T/d.db" "$T/vd" || return 1
		diff -rq "$T/va" "$T/vd" >/dev/null && { why "not told apart: $damage"; return 1; }
	done
	return 0
}

# Costs booked on two laptops: both come in, a change made on the other
# laptop lands, and the pot's spent counts them all; a second merge
# changes nothing.
t_merge_brings_costs_of_both_laptops() {
	local a=$T/a.db b=$T/b.db u=aaaaaaaa-0000-4000-8000-0000000000c
	printf 'id,name,year,amount\n%s0,Pact met de stad,2019,100000\n%s1,Open Schiedam,2019,150000\n' $u $u >"$T/pots.csv"
	printf 'id,budget,description,date,amount\n%s2,Pact met de stad,Handreiking,2019-03-01,1000\n' $u >"$T/k.csv"
	"$PACT_PLAIN" --db "$a" import budgets "$T/pots.csv" 2>/dev/null && "$PACT_PLAIN" --db "$a" import costs "$T/k.csv" 2>/dev/null || return 1
	cp "$a" "$b" || return 1
	printf 'id,budget,description,date,amount\n%s3,Pact met de stad,Drukwerk,2019-04-01,"0,01"\n' $u >"$T/ka.csv"
	printf 'id,budget,description,date,amount\n%s2,Open Schiedam,Handreiking en begeleiding,2019-03-02,"2.500,50"\n%s4,Open Schiedam,Begeleiding,2019-05-01,99\n' $u $u >"$T/kb.csv"
	"$PACT_PLAIN" --db "$a" import costs "$T/ka.csv" 2>/dev/null && "$PACT_PLAIN" --db "$b" import costs "$T/kb.csv" 2>/dev/null || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 0 && expect_in "$T/err" "costs: 1 new, 1 updated" || return 1
	[ "$(sqlite3 "$a" "SELECT group_concat(c.uuid || ' ' || p.name || ' ' || c.description || ' ' || c.date || ' ' || c.amount, '; ') FROM (SELECT * FROM pot_cost ORDER BY uuid) c JOIN budget_pot p ON p.id = c.pot_id")" = \
		"${u}2 Open Schiedam Handreiking en begeleiding 2019-03-02 250050; ${u}3 Pact met de stad Drukwerk 2019-04-01 1; ${u}4 Open Schiedam Begeleiding 2019-05-01 9900" ] ||
		{ why "costs: $(sqlite3 "$a" "SELECT * FROM pot_cost")"; return 1; }
	run "$PACT_SAN" --db "$a" report programme -
	expect_rc 0 && expect_in "$T/out" "| Open Schiedam    | 2019 | €150,000.00 | €2,599.50 | €2,599.50 | €147,400.50 |" || return 1
	sqlite3 "$a" .dump >"$T/dump1" && "$PACT_SAN" --db "$a" merge "$b" 2>/dev/null && sqlite3 "$a" .dump >"$T/dump2" || return 1
	cmp -s "$T/dump1" "$T/dump2" || { why "the second merge changed the file:"; diff "$T/dump1" "$T/dump2" | head >&2; return 1; }
}

# Both laptops carry on with the same poll: what either added comes in,
# a code used in either file is used, and closed in either is closed.
t_merge_joins_two_laptops_work_on_one_poll() {
	local a=$T/a.db b=$T/b.db
	merge_fill "$a" || return 1
	cp "$a" "$b" || return 1
	sqlite3 "$b" "UPDATE voter_code SET used = 1 WHERE poll_id = 1 AND used = 0 AND hash = (SELECT max(hash) FROM voter_code WHERE poll_id = 1 AND used = 0)" || return 1
	printf 'voter,option,value\nV9,Licht,2\n' >"$T/b9.csv"
	"$PACT" --db "$b" import ballots --poll 1 "$T/b9.csv" 2>/dev/null || return 1
	"$PACT" --db "$b" poll close 1 >/dev/null 2>&1 || return 1
	sqlite3 "$b" "UPDATE ballot SET voter = NULL, cast_at = (SELECT substr(created_at, 1, 10) FROM poll WHERE id = 1) WHERE poll_id = 1" || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM ballot WHERE poll_id = 1")" = 4 ] || { why "ballots: $(sqlite3 "$a" "SELECT count(*) FROM ballot WHERE poll_id = 1")"; return 1; }
	[ "$(sqlite3 "$a" "SELECT count(*) FROM voter_code WHERE poll_id = 1 AND used")" = 2 ] || { why "used codes"; return 1; }
	[ "$(sqlite3 "$a" "SELECT closed FROM poll WHERE id = 1")" = 1 ] || { why "not closed"; return 1; }
	"$PACT" --db "$a" poll show 1 --format csv >"$T/sa" && "$PACT" --db "$b" poll show 1 --format csv >"$T/sb" && cmp -s "$T/sa" "$T/sb" ||
		{ why "results differ"; diff "$T/sa" "$T/sb" >&2; return 1; }
	# codes made with another salt cannot be joined: refused, nothing written
	sqlite3 "$b" "UPDATE poll SET code_salt = '\$y\$j9T\$other' WHERE id = 3; INSERT INTO session(uuid, title, date, created_at) VALUES ('dddddddd-0000-4000-8000-000000000001', 'Nieuw', '2026-01-01', '2026-01-01T10:00:00Z')" || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 3 && expect_in "$T/err" "voter codes made on each laptop separately" || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM session WHERE title = 'Nieuw'")" = 0 ] || { why "half a merge stayed"; return 1; }
}

# An idea (or round, cluster, participant) whose UUID is here in another
# session: moving only the record would leave its round, cluster and
# participant behind in the old session. Refused in an import and in a
# merge, with the place and the reason, and nothing is written.
t_merge_and_import_refuse_a_record_moved_to_another_session() {
	local a=$T/a.db b=$T/b.db u=aaaaaaaa-0000-4000-8000-000000000005
	"$PACT" --db "$a" session new "Noord" >/dev/null && "$PACT" --db "$a" session new "Zuid" >/dev/null || return 1
	printf 'id,session,name,seconds\naaaaaaaa-0000-4000-8000-000000000003,Noord,Ronde 1,300\n' >"$T/r.csv"
	printf 'id,session,round,idea\n%s,Noord,Ronde 1,Meer bomen\n' $u >"$T/i.csv"
	"$PACT" --db "$a" import rounds "$T/r.csv" 2>/dev/null && "$PACT" --db "$a" import ideas "$T/i.csv" 2>/dev/null || return 1
	cp "$a" "$b" || return 1
	printf 'id,session,idea\naaaaaaaa-0000-4000-8000-000000000009,Zuid,Nieuw\n%s,Zuid,Meer bomen\n' $u >"$T/m.csv"
	run "$PACT_SAN" --db "$a" import ideas "$T/m.csv"
	expect_rc 3 && expect_in "$T/err" "$T/m.csv:3: idea $u belongs to session 'Noord' here and to session 'Zuid' in $T/m.csv: move it in one place first" || return 1
	[ "$(sqlite3 "$a" "SELECT count(*) FROM idea i JOIN session s ON s.id = i.session_id WHERE s.title = 'Noord' AND i.round_id IS NOT NULL")" = 1 ] &&
		[ "$(sqlite3 "$a" "SELECT count(*) FROM idea")" = 1 ] || { why "the import wrote something"; return 1; }
	sqlite3 "$b" "UPDATE idea SET session_id = (SELECT id FROM session WHERE title = 'Zuid'), round_id = NULL" || return 1
	run "$PACT_SAN" --db "$a" merge "$b"
	expect_rc 3 && expect_in "$T/err" "$b:2: idea $u belongs to session 'Noord' here and to session 'Zuid' in $b: move it in one place first" || return 1
	[ "$(sqlite3 "$a" "SELECT s.title FROM idea i JOIN session s ON s.id = i.session_id")" = Noord ] || { why "the merge moved it"; return 1; }
	run "$PACT_SAN" --db "$a" check
	expect_rc 0
}

# A file from before schema 10 kept budgets and costs in whole euros: pact
# brings it up to cents when it opens it, and a merge of such a file (one
# it does not write to) scales them on the way in.
t_merge_older_file_amounts_become_cents() {
	local new=$T/new.db old=$T/old.db to=$T/to.db
	printf 'option,cost\nSpeeltuin,60000\nBankjes,"9.999,50"\n' >"$T/o.csv"
	"$PACT_SAN" --db "$new" poll new --method pb-greedy --options "$T/o.csv" --budget 80.000 --title Wijkgeld >/dev/null || return 1
	[ "$(sqlite3 "$new" "SELECT budget || ' ' || (SELECT group_concat(cost, ' ') FROM poll_option) FROM poll")" = "8000000 6000000 999950" ] || { why "not in cents"; return 1; }
	# the same poll as schema 9 wrote it (whole euros)
	sqlite3 "$new" "UPDATE poll_option SET cost = 999900 WHERE name = 'Bankjes'" || return 1
	# (and without what schemas 11 to 16 added: where a card came from, the
	# opgaven's example mark, the focus mark, costs, the work forms' type and
	# core mark and the communication means schema 15 adds, the
	# communication plans)
	printf 'title,owner\nOude kaart,Sem\n' >"$T/x.csv"
	"$PACT_PLAIN" --db "$new" import experiments "$T/x.csv" >/dev/null 2>&1 || { why "a card"; return 1; }
	sqlite3 "$new" ".backup '$old'" && sqlite3 "$old" "UPDATE poll SET budget = budget / 100; UPDATE poll_option SET cost = cost / 100;
		DROP INDEX experiment_source; ALTER TABLE experiment DROP COLUMN source_value; ALTER TABLE experiment DROP COLUMN source_of;
		ALTER TABLE experiment DROP COLUMN source_rank; ALTER TABLE experiment DROP COLUMN source_uuid; ALTER TABLE experiment DROP COLUMN source_kind;
		DROP TRIGGER opgave_example_renamed; ALTER TABLE opgave DROP COLUMN example; ALTER TABLE experiment DROP COLUMN focus; DROP TABLE pot_cost;
		DELETE FROM werkvorm WHERE uuid IN ('3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f22', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f23', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f24');
		ALTER TABLE werkvorm DROP COLUMN core; ALTER TABLE werkvorm DROP COLUMN type;
		DROP TABLE card_comm; DROP TABLE person; DROP TABLE indicator_value; DROP TABLE indicator; DROP TABLE diversity_count; DROP TABLE diversity_group; DROP TABLE population;
		PRAGMA user_version = 9" || return 1
	# (and without schema 17's evaluation of sessions and advices: the
	# evaluation table and the case index as schemas 7 and 8 made them)
	{ echo "DROP TRIGGER session_case_update; DROP TRIGGER advice_case_update; DROP TRIGGER experiment_case_update;
		DROP TABLE evaluation; DROP TABLE case_fts;"
	  sed -n '/^CREATE TABLE evaluation (/,/^);/p' "$ROOT/data/schema.sql"
	  awk '/^CREATE VIRTUAL TABLE case_fts/ { on = 1 } /^INSERT INTO case_fts/ { exit } on' "$ROOT/data/schema.sql"
	} | sqlite3 "$old" || return 1
	cp "$old" "$T/old2.db"
	run "$PACT_SAN" --db "$old" poll show 1
	expect_rc 0 && expect_in "$T/out" "Budget €80,000.00" || return 1
	[ "$(sqlite3 "$old" "SELECT budget || ' ' || (SELECT group_concat(cost, ' ') FROM poll_option) FROM poll")" = "8000000 6000000 999900" ] || { why "the upgrade did not make cents"; return 1; }
	chmod a-w "$T/old2.db"
	run "$PACT_SAN" --db "$to" merge "$T/old2.db"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$to" "SELECT budget || ' ' || (SELECT group_concat(cost, ' ') FROM poll_option) FROM poll")" = "8000000 6000000 999900" ] || { why "the merge did not scale: $(sqlite3 "$to" "SELECT budget FROM poll")"; return 1; }
	[ "$(sqlite3 "$T/old2.db" "PRAGMA user_version")" = 9 ] || { why "the merge changed the other file"; return 1; }
	[ "$(sqlite3 "$to" "SELECT title || '|' || owner || '|' || coalesce(source_kind, '-') FROM experiment")" = "Oude kaart|Sem|-" ] || { why "the card: $(sqlite3 "$to" "SELECT title FROM experiment")"; return 1; }
}
