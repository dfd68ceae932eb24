# Command-line tests: options, exit statuses, and the refusals of the
# store, each checked for its message, its status and an untouched file.

t_help_lists_options_and_subcommands() {
	run "$PACT_SAN" --help
	expect_rc 0 && expect_in "$T/out" "Usage: pact" && expect_in "$T/out" "--db PATH" &&
		expect_in "$T/out" "check" && [ ! -s "$T/err" ]
}

# The Dutch help names what the user writes in Dutch (BESTAND, SESSIE,
# PAD), keeps the options and subcommands as they are typed, and still lines
# its summaries up in one column.
t_help_in_dutch_translates_the_placeholders() {
	run "$PACT_SAN" --lang nl --help
	expect_rc 0 || return 1
	expect_in "$T/out" "  --db PAD " && expect_in "$T/out" "  --tree BESTAND " &&
		expect_in "$T/out" "  export SOORT BESTAND " && expect_in "$T/out" "  idea add SESSIE TEKST " &&
		expect_in "$T/out" "  vote STEMMING " && expect_in "$T/out" "--ballots BESTAND" || return 1
	if grep -nwE 'FILE|KIND|SESSION|TEXT|TITLE|PATH|POLL|OTHER|ARG' "$T/out" >"$T/found"; then
		why "English placeholders in the Dutch help:"; sed 's/^/       /' "$T/found" >&2; return 1
	fi
	[ "$(grep -E '^  (--db PAD|check|vote STEMMING) ' "$T/out" | sed -E 's/^(  [^ ]+( [^ ]+)? +).*/\1/' | awk '{ print length($0) }' | sort -u | wc -l)" = 1 ] ||
		{ why "summaries not in one column:"; cat "$T/out" >&2; return 1; }
	run "$PACT_SAN" --lang nl export
	expect_rc 2 && expect_in "$T/err" "pact export SOORT BESTAND|-"
}

# The help's tables: summaries start in one column, and every line fits
# 80 columns, wrapped at a word.
t_help_is_aligned_and_fits_80_columns() {
	run "$PACT_SAN" --help
	expect_rc 0 || return 1
	sed -n '/^Subcommands:/,/^$/p' "$T/out" >"$T/table"
	cat >"$T/want" <<'HELP'
Subcommands:
  check                         check the database file for damage
  demo                          fill an empty database with the programme's
                                experiments
  forget participant|person ID  remove a participant's or person's data (GDPR)
  purge [--dry-run]             remove personal data of sessions past their
                                keep-until date
  session new TITLE | list      create or list brainstorm sessions
  idea add SESSION TEXT         add an idea to a session
  import KIND FILE              read records from a CSV file (- for stdin)
  export KIND FILE              write records to a CSV file (- for stdout)
  merge OTHER.db                bring in the records of another pact file
  tally --method M --ballots F  count a ballots file (no database needed)
  poll new | list | show | close | codes | unlock | history
                                polls over a session's ideas, and their results
  vote POLL                     cast one ballot from this terminal (live
                                voting)
  card from-idea IDEA | from-cluster C | from-poll POLL [--top N]
                                make experiment cards from a session's ideas or
                                a poll's result
  report session SESSION | programme [FILE]
                                write a session or programme report (Markdown
                                or HTML)
  brainstorm [SESSION]          open the Brainstorm panel (on a session)
  join SESSION [--as ALIAS]     type ideas into a session as a participant
  tree check [FILE]             check a decision tree file

HELP
	diff -u "$T/want" "$T/table" >&2 || { why "the subcommand table is not as above"; return 1; }
	expect_in "$T/out" "  --tree FILE                   the decision tree for the Wizard" || return 1
	help_fits "$T/out" || return 1
	[ "$(grep -m1 '^  --db ' "$T/out" | sed 's/use the.*//' | wc -L)" = 32 ] || { why "the English summaries are not in column 33"; return 1; }
	run "$PACT_SAN" --lang nl --help
	expect_rc 0 && expect_in "$T/out" "Subcommando's:" && help_fits "$T/out"
}

# help_fits FILE: no line is wider than 79 characters, and in the tables
# every summary (or its continuation) starts in one column (33 in English).
help_fits() {
	local line rest left col
	[ -s "$1" ] || return 1
	# the summaries' column, from the --db line (33 in English)
	line=$(grep -m1 '^  --db ' "$1")
	rest=${line#  --db }
	rest=${rest#* }
	col=$((${#line} - ${#rest} + 1))
	while [ "${line:col-1:1}" = " " ]; do col=$((col + 1)); done
	while IFS= read -r line; do
		[ "${#line}" -le 79 ] || { why "too wide: $line"; return 1; }
		[[ $line == "  "[!\ ]* ]] || continue
		rest=${line:2}
		left=${rest%%  *}
		[ "$left" = "$rest" ] && continue # a long left part alone on its line
		[ "${line:col-1:1}" != " " ] && [ "${line:col-3:2}" = "  " ] || { why "summary not in column $col: $line"; return 1; }
	done <"$1"
	grep -q "^ \{$((col - 1))\}[^ ]" "$1" || { why "no wrapped summary"; return 1; }
	! grep -q "^ \{$col,\}" "$1" || { why "a continuation out of column: $(grep "^ \{$col,\}" "$1")"; return 1; }
}

t_version() {
	run "$PACT_SAN" --version
	expect_rc 0 && grep -qE '^pact [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || { why "$(cat "$T/out")"; return 1; }
}

# A usage error is one line that says what is wrong and a hint where the
# whole usage is, never the help itself (which pushes the message away).
expect_usage_error() {
	local msg=$1
	expect_rc 2 || return 1
	[ ! -s "$T/out" ] || { why "stdout: $(cat "$T/out")"; return 1; }
	printf '%s\n' "$msg" "Run 'pact --help' for the options and subcommands." >"$T/want"
	diff -u "$T/want" "$T/err" >&2 || { why "stderr is not the message and the hint"; return 1; }
}

t_unknown_option_is_a_usage_error() {
	run "$PACT_SAN" --frobnicate
	expect_usage_error "pact: unknown or incomplete option '--frobnicate'"
}

t_missing_option_argument_is_a_usage_error() {
	run "$PACT_SAN" --db
	expect_usage_error "pact: unknown or incomplete option '--db'"
}

t_unknown_subcommand_is_a_usage_error() {
	run "$PACT_SAN" frobnicate
	expect_usage_error "pact: unknown subcommand 'frobnicate'" || return 1
	run "$PACT_SAN" --lang fr check
	expect_usage_error "pact: --lang takes nl or en, not 'fr'" || return 1
	run "$PACT_SAN" check extra
	expect_usage_error "pact: check takes no arguments, got 'extra'" || return 1
	# and in Dutch
	run "$PACT_SAN" --lang nl frobnicate
	expect_rc 2 && expect_in "$T/err" "pact --help" || return 1
	[ "$(wc -l <"$T/err")" -eq 2 ] || { why "not two lines: $(cat "$T/err")"; return 1; }
}

t_lang_takes_nl_or_en() {
	run "$PACT_SAN" --lang fr --version
	expect_rc 2 && expect_in "$T/err" "--lang takes nl or en" || return 1
	run "$PACT_SAN" --lang nl --version
	expect_rc 0
}

t_check_creates_private_default_database() {
	# the default when XDG_DATA_HOME is not set (tests/run sets it)
	run env -u XDG_DATA_HOME "$PACT_SAN" check
	expect_rc 0 && expect_in "$T/out" "ok" || return 1
	[ "$(stat -c %a "$T/.local/share/pact")" = 700 ] || { why "folder mode $(stat -c %a "$T/.local/share/pact")"; return 1; }
	[ "$(stat -c %a "$T/.local/share/pact/pact.db")" = 600 ] || { why "file mode wrong"; return 1; }
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" 'PRAGMA journal_mode')" = wal ] || { why "not WAL"; return 1; }
}

t_xdg_data_home_and_pact_db_and_option() {
	XDG_DATA_HOME=$T/xdg run "$PACT_SAN" check
	expect_rc 0 && [ -f "$T/xdg/pact/pact.db" ] || { why "XDG_DATA_HOME not used"; return 1; }
	PACT_DB=$T/env.db run "$PACT_SAN" check
	expect_rc 0 && [ -f "$T/env.db" ] || { why "PACT_DB not used"; return 1; }
	PACT_DB=$T/env2.db run "$PACT_SAN" --db "$T/opt.db" check
	expect_rc 0 && [ -f "$T/opt.db" ] && [ ! -e "$T/env2.db" ] || { why "--db does not win over PACT_DB"; return 1; }
}

# One line on stderr, exit 4, and the file byte for byte as it was.
refused_untouched() {
	local file=$1 text=$2 before
	before=$(sha256sum "$file")
	run "$PACT_SAN" --db "$file" check
	expect_rc 4 && expect_in "$T/err" "$text" || return 1
	[ "$(wc -l <"$T/err")" -eq 1 ] || { why "message is not one line: $(cat "$T/err")"; return 1; }
	[ "$(sha256sum "$file")" = "$before" ] || { why "$file was changed"; return 1; }
	[ ! -e "$file-wal" ] && [ ! -e "$file-shm" ] || { why "WAL files left beside $file"; return 1; }
}

t_refuses_database_from_newer_pact() {
	sqlite3 "$T/future.db" 'CREATE TABLE x(y); PRAGMA user_version = 99;' || return 1
	refused_untouched "$T/future.db" "written by a newer pact (schema version 99"
}

t_refuses_newer_database_in_wal_mode() {
	sqlite3 "$T/future.db" 'PRAGMA journal_mode=WAL; CREATE TABLE x(y); PRAGMA user_version = 99;' >/dev/null || return 1
	refused_untouched "$T/future.db" "newer pact"
}

t_refuses_file_that_is_not_a_database() {
	printf 'titel;idee\nBankjes;Meer bankjes in het park\n' >"$T/ideas.csv"
	refused_untouched "$T/ideas.csv" "is not a pact database"
}

t_refuses_folder_that_cannot_be_created() {
	: >"$T/plain"
	run "$PACT_SAN" --db "$T/plain/sub/pact.db" check
	expect_rc 4 && expect_in "$T/err" "cannot create folder $T/plain" || return 1
	run "$PACT_SAN" --db /proc/pact-test/pact.db check
	expect_rc 4 && expect_in "$T/err" "cannot create folder /proc/pact-test"
}

t_refuses_folder_that_cannot_be_written() {
	# /proc/self exists but takes no new files, not even from root.
	run "$PACT_SAN" --db /proc/self/pact.db check
	expect_rc 4 && expect_in "$T/err" "cannot write in folder /proc/self" || return 1
	if [ "$(id -u)" -ne 0 ]; then
		mkdir "$T/ro" && chmod 500 "$T/ro"
		run "$PACT_SAN" --db "$T/ro/pact.db" check
		expect_rc 4 && expect_in "$T/err" "cannot write in folder $T/ro"
	fi
}

t_screens_need_a_terminal() {
	run "$PACT_SAN" </dev/null
	expect_rc 2 && expect_in "$T/err" "the screens need a terminal"
}

t_bad_key_script_is_reported() {
	printf '1<Nope>' >"$T/k"
	PACT_KEYS=$T/k run "$PACT_SAN" --db "$T/p.db"
	expect_rc 3 && expect_in "$T/err" "$T/k:1: unknown key <Nope>"
}

# tests/run gives every test its own HOME and XDG folders: a user whose
# XDG_CONFIG_HOME holds a broken tree.txt and prompts.txt, and whose
# XDG_DATA_HOME holds a file that is not a database, still sees the start
# screen (the Wizard reads the user's tree) and the default database pass.
t_run_keeps_the_users_own_files_out() {
	local u=$T/user
	mkdir -p "$u/config/pact" "$u/data/pact" "$u/home" || return 1
	echo "nonsense" >"$u/config/pact/tree.txt"
	echo "nonsense" >"$u/config/pact/prompts.txt"
	echo "not a database" >"$u/data/pact/pact.db"
	run env HOME="$u/home" XDG_CONFIG_HOME="$u/config" XDG_DATA_HOME="$u/data" \
		XDG_STATE_HOME="$u/state" PACT="$PACT" PACT_SAN="$PACT_SAN" PACT_PLAIN="$PACT_PLAIN" \
		"$ROOT/tests/run" t_screen_start
	expect_rc 0 && expect_in "$T/out" "1 passed, 0 failed" || { cat "$T/out" >&2; return 1; }
	run env HOME="$u/home" XDG_CONFIG_HOME="$u/config" XDG_DATA_HOME="$u/data" \
		PACT="$PACT" PACT_SAN="$PACT_SAN" PACT_PLAIN="$PACT_PLAIN" \
		"$ROOT/tests/run" t_check_creates_private_default_database
	expect_rc 0 && expect_in "$T/out" "1 passed, 0 failed" || { cat "$T/out" >&2; return 1; }
	[ "$(cat "$u/data/pact/pact.db")" = "not a database" ] || { why "the user's database was touched"; return 1; }
}

# --tree names a file the Wizard will need: a missing or broken one is
# reported at once, as pact tree check reports it, and the screens never
# open (a key script would otherwise run them and print a screen).
t_tree_option_missing_file_is_an_error_at_start() {
	printf 'q' >"$T/k"
	PACT_KEYS=$T/k run "$PACT_SAN" --db "$T/p.db" --tree "$T/missing.txt"
	expect_rc 3 || return 1
	[ "$(cat "$T/err")" = "pact: $T/missing.txt: No such file or directory" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	[ ! -s "$T/out" ] || { why "the screens opened: $(head -3 "$T/out")"; return 1; }
	printf 'question: a\nen: A?\nnl: A?\nanswer: x -> nowhere\n  en: X\n  nl: X\n' >"$T/broken.txt"
	PACT_KEYS=$T/k run "$PACT_SAN" --db "$T/p.db" --tree "$T/broken.txt"
	expect_rc 3 && expect_in "$T/err" "pact: $T/broken.txt:4: " && [ ! -s "$T/out" ] || return 1
	PACT_KEYS=$T/k run "$PACT_SAN" --db "$T/p.db" --tree ""
	expect_usage_error "pact: --tree needs a file, not an empty string" || return 1
	# a good tree still opens the screens
	PACT_KEYS=$T/k run "$PACT_SAN" --db "$T/p.db" --tree "$ROOT/data/tree.txt"
	expect_rc 0 && expect_in "$T/out" "Stappenplan"
}

# Every count in a message agrees with its noun, in both languages, and a
# kind of record is named in the interface language ("work forms", not
# "werkvormen"; "stembiljetten", not "ballots").
t_cli_counts_agree_with_nouns() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "Wijk" >/dev/null || return 1
	printf 'session,idea\nWijk,Bankjes\n' >"$T/one.csv"
	printf 'session,idea\nWijk,Licht\nWijk,Groen\nWijk,Water\nWijk,Speeltuin\n' >"$T/four.csv"
	run "$PACT_SAN" --db "$db" import ideas "$T/one.csv"
	[ "$(cat "$T/err")" = "pact: imported 1 idea (1 new, 0 updated)" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --db "$db" import ideas "$T/four.csv"
	[ "$(cat "$T/err")" = "pact: imported 4 ideas (4 new, 0 updated)" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" import ideas "$T/one.csv"
	[ "$(cat "$T/err")" = "pact: 1 idee geïmporteerd (1 nieuw, 0 bijgewerkt)" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" import ideas "$T/four.csv"
	[ "$(cat "$T/err")" = "pact: 4 ideeën geïmporteerd (4 nieuw, 0 bijgewerkt)" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	# ballots of a poll: 1 and 4
	"$PACT_SAN" --db "$db" poll new --session 1 --method approval >/dev/null || return 1
	printf 'voter,option,value\nAns,Bankjes,1\n' >"$T/b1.csv"
	printf 'voter,option,value\nBas,Licht,1\nCor,Licht,1\nDaan,Groen,1\nEva,Water,1\n' >"$T/b4.csv"
	run "$PACT_SAN" --db "$db" import ballots --poll 1 "$T/b1.csv"
	[ "$(cat "$T/err")" = "pact: imported 1 ballot" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --db "$db" import ballots --poll 1 "$T/b4.csv"
	[ "$(cat "$T/err")" = "pact: imported 4 ballots" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	"$PACT_SAN" --db "$db" poll new --session 1 --method approval >/dev/null || return 1
	run "$PACT_SAN" --lang nl --db "$db" import ballots --poll 2 "$T/b1.csv"
	[ "$(cat "$T/err")" = "pact: 1 stembiljet geïmporteerd" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" import ballots --poll 2 "$T/b4.csv"
	[ "$(cat "$T/err")" = "pact: 4 stembiljetten geïmporteerd" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	# a kind by its name in the language: the shipped catalogue (21 work forms
	# and 3 communication means the handbook names besides them)
	run "$PACT_SAN" --db "$db" export werkvormen "$T/w.csv"
	[ "$(cat "$T/err")" = "pact: wrote 24 work forms to $T/w.csv" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" export sessions "$T/s.csv"
	[ "$(cat "$T/err")" = "pact: 1 sessie geschreven naar $T/s.csv" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --db "$T/other.db" merge "$db"
	expect_in "$T/err" "pact: work forms: 0 new, 24 updated" && expect_in "$T/err" "pact: sessions: 1 new, 0 updated" || return 1
	run "$PACT_SAN" --lang nl --db "$T/other.db" merge "$db"
	expect_in "$T/err" "pact: werkvormen: 0 nieuw, 24 bijgewerkt" && expect_in "$T/err" "pact: ideeën: 0 nieuw, 10 bijgewerkt" || return 1
	# one session past its keep-until date, and its one participant
	sqlite3 "$db" "UPDATE session SET retain_until = '2000-01-01';
		INSERT INTO participant(uuid, session_id, alias) VALUES ('bbbbbbbb-0000-4000-8000-000000000001', 1, 'Gijs')" || return 1
	run "$PACT_SAN" --db "$db" purge --dry-run
	[ "$(cat "$T/out")" = "pact: 1 session is past its keep-until date; pact purge removes its participants' names and details." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" purge --dry-run
	[ "$(cat "$T/out")" = "pact: 1 sessie is over de bewaardatum; pact purge wist de namen en gegevens van de deelnemers." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --db "$db" purge
	# (the session's two polls hold 10 ballots with voters' labels)
	[ "$(cat "$T/out")" = "pact: purged 1 session past its keep-until date: 1 participant removed, their ideas kept without a name.
pact: the voters' names were taken off 10 ballots; the ballots still count." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$db" purge
	[ "$(cat "$T/out")" = "pact: 0 sessies waren over de bewaardatum: 0 deelnemers gewist, de ideeën blijven bewaard zonder naam." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	# the demo, and a tree of one question and one outcome
	run "$PACT_SAN" --db "$T/demo.db" demo
	[ "$(cat "$T/out")" = "pact: $T/demo.db now holds the demo: 21 experiments, 5 evaluations and 2 budget pots." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --lang nl --db "$T/demo-nl.db" demo
	[ "$(cat "$T/out")" = "pact: $T/demo-nl.db bevat nu de demo: 21 experimenten, 5 evaluaties en 2 budgetpotten." ] || { why "stdout: $(cat "$T/out")"; return 1; }
	printf 'rung: low\nen: Inform\nnl: Informeren\npromise-en: We tell you\npromise-nl: We vertellen het\n\nquestion: room\nen: Room?\nnl: Ruimte?\nanswer: no -> told\n  en: No\n  nl: Nee\n\noutcome: told\nrung: low\nen: Inform them\nnl: Informeer ze\n' >"$T/tree.txt"
	run "$PACT_SAN" tree check "$T/tree.txt"
	[ "$(cat "$T/out")" = "$T/tree.txt: ok, 1 question, 1 outcome" ] || { why "stdout: $(cat "$T/out") $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl tree check "$T/tree.txt"
	[ "$(cat "$T/out")" = "$T/tree.txt: ok, 1 vraag, 1 uitkomst" ] || { why "stdout: $(cat "$T/out")"; return 1; }
}

# A kind pact does not know: the message lists every kind that export (or
# import) takes, and where their columns are shown.
t_cli_unknown_kind_lists_every_kind() {
	run "$PACT_SAN" --db "$T/p.db" export nonsense -
	expect_rc 2 || return 1
	printf '%s\n' "pact: unknown kind 'nonsense'; the kinds are: sessions, participants, rounds, clusters, ideas, werkvormen, advices, budgets, costs, experiments, evaluations, communication, people, indicators, indicator-values, diversity-groups, diversity, population, results, ballots, pabulib, breakdown" \
		"'pact export --list' shows every kind with its columns." >"$T/want"
	diff -u "$T/want" "$T/err" >&2 || return 1
	run "$PACT_SAN" --db "$T/p.db" import nonsense -
	expect_rc 2 || return 1
	printf '%s\n' "pact: unknown kind 'nonsense'; the kinds are: sessions, participants, rounds, clusters, ideas, werkvormen, advices, budgets, costs, experiments, evaluations, communication, people, indicators, indicator-values, diversity-groups, diversity, population, ballots, pabulib" \
		"'pact export --list' shows every kind with its columns." >"$T/want"
	diff -u "$T/want" "$T/err" >&2 || return 1
	# every kind listed is one export --list describes
	local k
	for k in sessions participants rounds clusters ideas werkvormen advices budgets costs experiments evaluations results ballots pabulib breakdown; do
		"$PACT_SAN" export --list | grep -q "^$k — " || { why "export --list does not know $k"; return 1; }
	done
}

# A text that starts with '-' ("-5 % parkeertarief") is read as an option:
# the message names that word (not the one before it) and says to put --
# before it; with -- it is taken as text.
t_cli_text_starting_with_minus_is_named_with_the_way_out() {
	"$PACT_SAN" --db "$T/p.db" session new "Wijk" >/dev/null || return 1
	run "$PACT_SAN" --db "$T/p.db" idea add 1 "-5 % parkeertarief"
	expect_usage_error "pact: unknown option '-5 % parkeertarief'; a text that starts with '-' goes after --, as in: -- \"-5 % parkeertarief\"" || return 1
	run "$PACT_SAN" --lang nl --db "$T/p.db" idea add 1 "-2+3"
	expect_rc 2 && expect_in "$T/err" "'-2+3'" && expect_in "$T/err" " -- " || return 1
	# an option's own value that starts with '-' is not the word named
	printf 'option\nA\nB\n' >"$T/o.csv"
	run "$PACT_SAN" --db "$T/p.db" poll new --options "$T/o.csv" --method score --range -2..2 -x
	expect_usage_error "pact: unknown option '-x'; a text that starts with '-' goes after --, as in: -- \"-x\"" || return 1
	run "$PACT_SAN" --db "$T/p.db" idea add 1 -- "-5 % parkeertarief"
	expect_rc 0 && [ "$(sqlite3 "$T/p.db" "SELECT text FROM idea")" = "-5 % parkeertarief" ] || { why "with --: $(cat "$T/err")"; return 1; }
}

# One getopt setup for every subcommand: an unknown option is named in one
# line, with the pointer to --help, and exit status 2; nothing is written.
t_cli_every_subcommand_names_an_unknown_option() {
	local cmd
	for cmd in "session new X" "idea add 1 x" "poll new" "poll show 1" "poll codes 1" "tally" "export ideas" "import ideas x.csv"; do
		run "$PACT_SAN" --db "$T/p.db" $cmd --bogus
		expect_rc 2 || { why "for pact $cmd --bogus"; return 1; }
		printf "%s\n%s\n" "pact: unknown or incomplete option '--bogus'" \
			"Run 'pact --help' for the options and subcommands." >"$T/want"
		diff -u "$T/want" "$T/err" >&2 || { why "for pact $cmd --bogus"; return 1; }
	done
	[ ! -s "$T/out" ] || { why "wrote to stdout: $(cat "$T/out")"; return 1; }
}
