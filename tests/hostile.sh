# Hostile and odd text: terminal escape sequences (a window-title change,
# a screen clear, an OSC 52 clipboard write), C0 and C1 controls, bidi
# overrides, zero-width characters, combining marks, wide characters, a
# 2,000-character line and SQL. Stored as typed, round-tripped through CSV,
# and shown safely (controls visible, layout intact) on the screens.

hostile_texts() {
	printf '%s\n' \
		$'Titel\e]0;GEHACKT\aweg' \
		$'Wis\e[2Jhet scherm\e[H' \
		$'Klembord\e]52;c;ZWNobyBoYWNr\a' \
		$'C1\xc2\x9b31mrood en \x01\x7f' \
		$'Bidi \xe2\x80\xaeesrever\xe2\x80\xac en nul\xe2\x80\x8bbreedte' \
		$'Combinerend e\xcc\x81e\xcc\x88n en breed \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97' \
		"'); DROP TABLE idea; --" \
		"Robert\"); DELETE FROM session; --"
}

t_hostile_text_stored_round_tripped_and_shown_safely() {
	local db=$T/.local/share/pact/pact.db line long i n=0 title
	"$PACT_SAN" session new "Vijandig" >/dev/null || return 1
	while IFS= read -r line; do
		"$PACT_SAN" idea add 1 "$line" >/dev/null 2>"$T/err" || { why "refused: $(cat "$T/err")"; return 1; }
		n=$((n + 1))
		# stored byte for byte as typed
		[ "$(sqlite3 "$db" "SELECT hex(text) FROM idea WHERE id = $n")" = "$(printf '%s' "$line" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] ||
			{ why "idea $n not stored as typed"; return 1; }
	done < <(hostile_texts)
	long=$(printf 'lang%.0s' $(seq 1 500))
	"$PACT_SAN" idea add 1 "$long" >/dev/null || return 1
	n=$((n + 1))
	[ "$(sqlite3 "$db" "SELECT length(text) FROM idea WHERE id = $n")" = 2000 ] || { why "the long line"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name IN ('idea', 'session')")" = 2 ] || { why "a table went"; return 1; }
	# through CSV and back: the same bytes
	"$PACT_SAN" --db "$db" export sessions "$T/s.csv" 2>/dev/null && "$PACT_SAN" --db "$db" export ideas "$T/i.csv" 2>/dev/null || return 1
	"$PACT_SAN" --db "$T/b.db" import sessions "$T/s.csv" 2>/dev/null && "$PACT_SAN" --db "$T/b.db" import ideas "$T/i.csv" 2>/dev/null ||
		{ why "import back failed"; return 1; }
	[ "$(sqlite3 "$db" "SELECT group_concat(hex(text), ',') FROM (SELECT text FROM idea ORDER BY id)")" = \
	  "$(sqlite3 "$T/b.db" "SELECT group_concat(hex(text), ',') FROM (SELECT text FROM idea ORDER BY created_at, id)")" ] ||
		{ why "CSV round trip changed the text"; return 1; }
	# a card and a case with the same texts
	title=$(hostile_texts | head -1)
	printf 'id,title,description,status\n6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,"%s","%s",anchored\n' "$title" "$(hostile_texts | sed -n 2p)" >"$T/x.csv"
	printf 'experiment,goal,repeat,evaluated_by,donts\n6c0f5b8e-0d6a-4a77-9d0e-6f1a9c2b7a11,3,yes,Pool,"%s"\n' "$(hostile_texts | sed -n 3p)" >"$T/e.csv"
	"$PACT_SAN" --db "$db" import experiments "$T/x.csv" 2>/dev/null && "$PACT_SAN" --db "$db" import evaluations "$T/e.csv" 2>/dev/null ||
		{ why "card import failed"; return 1; }
	# the screens: controls visible, nothing sent raw, layout intact
	start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	wait_for "Vijandig" && wait_for "Titel^[]0;GEHACKT^Gweg" && wait_for "Wis^[[2Jhet scherm^[[H" || return 1
	wait_for "<U+009B>31mrood" && wait_for "<U+202E>esrever<U+202C>" || return 1
	hostile_layout_intact || return 1
	tm send-keys -t p Escape 2 && wait_for "Idea (0)" && tm send-keys -t p Right Right Right Right && wait_for "Anchored (1)" || return 1
	wait_for "Titel^[]0;GEHACK…" && hostile_layout_intact || return 1
	tm send-keys -t p Enter && wait_for "Wis^[[2Jhet scherm" && hostile_layout_intact || return 1
	# SQL typed into a form is a title like any other
	tm send-keys -t p Escape n && wait_for "New experiment" && tm send-keys -t p "'); DROP TABLE experiment; --" C-d &&
		wait_for "New card in Idea." || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM experiment WHERE title = '''); DROP TABLE experiment; --'")" = 1 ] ||
		{ why "the typed SQL was not stored as a title"; return 1; }
	tm send-keys -t p Escape 5 && wait_for "Cases:" && tm send-keys -t p / k l e m && wait_for "Klembord^[]52;c;ZWNob" || return 1
	hostile_layout_intact || return 1
	tm send-keys -t p Escape q && wait_exit 0
}

# The first row is the tab bar, the last the key hints; tmux's window title
# and clipboard were not touched.
hostile_layout_intact() {
	local rows
	rows=$(screen_text)
	printf '%s\n' "$rows" | head -1 | grep -q "Brainstorm" || { why "the tab bar is gone"; printf '%s\n' "$rows" >&2; return 1; }
	printf '%s\n' "$rows" | tail -1 | grep -qE "Quit|Close|Done|Help|Esc" || { why "the key line is gone"; printf '%s\n' "$rows" >&2; return 1; }
	[ "$(printf '%s\n' "$rows" | wc -l)" -le 24 ] || { why "more rows than the terminal"; return 1; }
	tm display-message -p -t p '#{pane_title}' | grep -q GEHACKT && { why "the window title was changed"; return 1; }
	[ -z "$(tm list-buffers 2>/dev/null)" ] || { why "something was written to the clipboard: $(tm list-buffers)"; return 1; }
	return 0
}

# Files too big or not text: refused with a message naming the place, in
# bounded memory — pact runs under a 100 MB address-space limit (ulimit -v)
# — and the database untouched.
t_hostile_huge_and_junk_csv_in_bounded_memory() {
	local db=$T/x.db sum
	"$PACT" --db "$db" session new "Groot" >/dev/null || return 1
	sum=$(sha256sum <"$db")
	# a 100 MB single field
	{ printf 'session,idea\nGroot,"'; head -c 100000000 /dev/zero | tr '\0' x; printf '"\n'; } >"$T/field.csv"
	run bash -c "ulimit -v 102400; exec '$PACT_PLAIN' --db '$db' import ideas '$T/field.csv'"
	expect_rc 3 && expect_in "$T/err" "field.csv:2:2: field longer than 16 MiB" || return 1
	rm -f "$T/field.csv"
	# 10,000 columns, in the header and in a row
	{ printf 'session,idea'; for i in $(seq 1 9998); do printf ',c%d' "$i"; done; printf '\n'; } >"$T/wide.csv"
	run bash -c "ulimit -v 102400; exec '$PACT_PLAIN' --db '$db' import ideas '$T/wide.csv'"
	expect_rc 3 && expect_in "$T/err" "wide.csv:1:3: unknown column 'c1'" || return 1
	{ printf 'session,idea\nGroot,a'; for i in $(seq 1 9998); do printf ',x'; done; printf '\n'; } >"$T/wide2.csv"
	run bash -c "ulimit -v 102400; exec '$PACT_PLAIN' --db '$db' import ideas '$T/wide2.csv'"
	expect_rc 3 && expect_in "$T/err" "wide2.csv:2:" && expect_in "$T/err" "10000 fields" || return 1
	# 1 GB: a record whose quote never closes, read from a pipe
	run bash -c "ulimit -v 102400; { printf 'session,idea\nGroot,\"'; head -c 1000000000 /dev/zero | tr '\\\\0' y; } | '$PACT_PLAIN' --db '$db' import ideas -"
	expect_rc 3 && expect_in "$T/err" "field longer than 16 MiB" || return 1
	# 1 GB of binary junk after a good header
	run bash -c "ulimit -v 102400; { printf 'session,idea\n'; head -c 1000000000 /dev/urandom; } | '$PACT_PLAIN' --db '$db' import ideas -"
	# (random bytes: the first thing wrong may be bad UTF-8, a NUL, a quote or a field count)
	expect_rc 3 && grep -qE "^pact: standard input:[0-9]+:" "$T/err" || { why "junk: $(cat "$T/err")"; return 1; }
	[ "$(sha256sum <"$db")" = "$sum" ] || { why "a refused import changed the file"; return 1; }
	crash_report "| Huge and junk CSV (100 MB field, 10,000 columns, 1 GB streams, binary) | 5 files | each refused with its place named, under a 100 MB memory limit, the database unchanged |"
}

# The command line is as safe as the screens: text printed for people shows
# control characters, escape sequences and bidi overrides visibly (through
# cat -v there is no raw ESC, BEL or U+202E); output for files and pipes
# (--format csv, export … -) stays byte for byte what was stored.
t_cli_text_output_shows_control_characters_visibly() {
	local evil raw
	evil=$(printf 'Wijk\e]52;c;cHduZWQ=\a\e]0;pwned\a\e[2J\xe2\x80\xaeevil')
	raw() { grep -ac -e $'\e' -e $'\a' -e $'\xe2\x80\xae' "$1"; }
	"$PACT_SAN" session new "$evil" >/dev/null || return 1
	"$PACT_SAN" idea add 1 "$evil" >/dev/null && "$PACT_SAN" idea add 1 "Gewoon" >/dev/null || return 1
	"$PACT_SAN" poll new --session 1 --method approval --title "$evil" >/dev/null || return 1
	printf 'voter,option,value\nA,%s,1\n' "$evil" >"$T/b.csv"
	"$PACT_SAN" import ballots --poll 1 "$T/b.csv" 2>/dev/null || return 1
	for cmd in "session list" "poll list" "poll show 1" "poll history 1"; do
		run "$PACT_SAN" $cmd
		expect_rc 0 || return 1
		[ "$(raw "$T/out")" = 0 ] || { why "pact $cmd prints control characters raw: $(cat -v "$T/out")"; return 1; }
	done
	run "$PACT_SAN" session list
	expect_in "$T/out" 'Wijk^[]52;c;cHduZWQ=^G^[]0;pwned^G^[[2J<U+202E>evil' || return 1
	# a ballots file's content quoted in an error message
	printf 'option\nGewoon\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method approval --ballots "$T/b.csv" --options "$T/o.csv"
	expect_rc 3 && [ "$(raw "$T/err")" = 0 ] && expect_in "$T/err" '^[]52;c;' || { why "an error message quotes control characters raw"; return 1; }
	printf 'option\nGewoon\n%s\n' "$evil" >"$T/o2.csv"
	run "$PACT_SAN" tally --method approval --ballots "$T/b.csv" --options "$T/o2.csv"
	expect_rc 0 && [ "$(raw "$T/out")" = 0 ] || { why "pact tally prints control characters raw"; return 1; }
	# machine output stays exact
	for cmd in "session list --format csv" "poll show 1 --format csv" "export sessions -"; do
		run "$PACT_SAN" $cmd
		expect_rc 0 || return 1
		grep -qaF -- "$evil" "$T/out" || { why "pact $cmd changed the stored text: $(cat -v "$T/out")"; return 1; }
	done
	run "$PACT_SAN" tally --method approval --ballots "$T/b.csv" --options "$T/o2.csv" --format csv
	grep -qaF -- "$evil" "$T/out" || { why "tally --format csv changed the text"; return 1; }
}

# Ambiguity is refused, never guessed: an idea for one of two sessions with
# the same name, and a header that names a column twice (also in other
# capitals). Nothing lands either way.
t_import_refuses_ambiguous_session_names_and_doubled_columns() {
	local db=$T/.local/share/pact/pact.db
	"$PACT_SAN" session new "Wijkavond" >/dev/null && "$PACT_SAN" session new "Wijkavond" >/dev/null || return 1
	printf 'session,idea\nWijkavond,Meer bankjes\n' >"$T/i.csv"
	run "$PACT_SAN" import ideas "$T/i.csv"
	expect_rc 3 && expect_in "$T/err" "$T/i.csv:2:1: column 'session': more than one session is called 'Wijkavond'" || return 1
	"$PACT_SAN" session new "Uniek" >/dev/null || return 1
	printf 'session,idea,idea\nUniek,a,b\n' >"$T/d.csv"
	run "$PACT_SAN" import ideas "$T/d.csv"
	expect_rc 3 && expect_in "$T/err" "$T/d.csv:1:3: column 'idea' appears twice" || return 1
	printf 'session,idea,IDEA\nUniek,a,b\n' >"$T/d2.csv"
	run "$PACT_SAN" import ideas "$T/d2.csv"
	expect_rc 3 && expect_in "$T/err" "$T/d2.csv:1:3: column 'IDEA' appears twice" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM idea")" = 0 ] || { why "an idea landed"; return 1; }
}

# Negative values survive an --excel round trip (they are numbers, never
# guarded as formulas), in both languages; negative amounts, which no pot or
# card can hold, are refused with the column named, not by the database.
t_excel_round_trip_of_negative_values_and_negative_amounts_refused() {
	local lang poll=0 db=$T/.local/share/pact/pact.db
	printf 'option\nA\nB\nC\n' >"$T/o.csv"
	printf 'voter,option,value\nAns,A,-2\nAns,B,1\nBas,A,2\nBas,C,-1\nCor,B,-2\n' >"$T/b.csv"
	"$PACT_SAN" poll new --method score --range -2..2 --options "$T/o.csv" --title "Bron" >/dev/null || return 1
	"$PACT_SAN" import ballots --poll 1 "$T/b.csv" 2>/dev/null || return 1
	"$PACT_SAN" poll show 1 --format csv >"$T/want.csv" || return 1
	for lang in nl en; do
		poll=$((poll + 1))
		"$PACT_SAN" --lang $lang export ballots --poll 1 "$T/x-$lang.csv" --excel || return 1
		grep -qa -- "-2" "$T/x-$lang.csv" && ! grep -qa -- "'-" "$T/x-$lang.csv" ||
			{ why "$lang: a negative value was guarded or lost: $(cat -v "$T/x-$lang.csv")"; return 1; }
		"$PACT_SAN" poll new --method score --range -2..2 --options "$T/o.csv" --title "Terug $lang" >/dev/null || return 1
		run "$PACT_SAN" --lang $lang import ballots --poll $((poll + 1)) "$T/x-$lang.csv"
		expect_rc 0 || return 1
		"$PACT_SAN" poll show $((poll + 1)) --format csv >"$T/got.csv" || return 1
		cmp -s "$T/want.csv" "$T/got.csv" || { why "$lang: the round trip changed the result"; diff "$T/want.csv" "$T/got.csv" >&2; return 1; }
	done
	printf 'name,year,amount\nPact met de stad,2019,"-12,50"\n' >"$T/pots.csv"
	run "$PACT_SAN" import budgets "$T/pots.csv"
	expect_rc 3 && expect_in "$T/err" "$T/pots.csv:2:3: column 'amount': an amount cannot be below 0" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM budget_pot")" = 0 ] || { why "a negative pot landed"; return 1; }
}
