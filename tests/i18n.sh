# Dutch and English: the language follows LANGUAGE (and --lang), screens
# and messages come from the catalogue, English stays the default.

t_tmux_screens_in_dutch_and_english() {
	"$PACT" session new "Wijkavond" --date 2026-11-27 >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && wait_for "2 Bord" && wait_for "3 Brainstorm" && wait_for "4 Stemmen" &&
		wait_for "5 Bibliotheek" || return 1
	tm send-keys -t p 2 && wait_for "Idee (0)" && wait_for "Voorbereiding (0)" && wait_for "Meer kolommen: Verankerd, Gestopt →" || return 1
	tm send-keys -t p 5 && wait_for "Casussen: do's en don'ts van geëvalueerde experimenten" || return 1
	# dates as Dutch writes them, and typed that way in a form
	tm send-keys -t p 3 && wait_for "27-11-2026" && wait_for "Wijkavond" || return 1
	tm send-keys -t p n && wait_for "Datum" && tm send-keys -t p "Buurtoverleg" Tab Tab Tab Tab C-u "1-3-2027" C-d &&
		wait_for "Buurtoverleg  ·  01-03-2027" || return 1
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT date FROM session WHERE title = 'Buurtoverleg'")" = 2027-03-01 ] ||
		{ why "the Dutch date was not stored as 2027-03-01"; return 1; }
	tm send-keys -t p Escape Escape && wait_for "Wijkavond" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	# LANGUAGE alone does it too; without it, English
	PANE=q start_pact 80x24 LANG=C.UTF-8 LANGUAGE=nl || return 1
	PANE=q wait_for "1 Stappenplan" || return 1
	PANE=e start_pact 80x24 LANG=C.UTF-8 || return 1
	PANE=e wait_for "1 Wizard" && PANE=e wait_for "2 Board" && PANE=e wait_for "5 Library" || return 1
	tm send-keys -t e 3 && PANE=e wait_for "2026-11-27" || return 1
	# --lang en wins over LANGUAGE
	PANE=f start_pact 80x24 LANG=C.UTF-8 LANGUAGE=nl -- --lang en || return 1
	PANE=f wait_for "1 Wizard"
}

t_cli_messages_in_dutch() {
	run "$PACT_SAN" --lang nl --db "$T/x.db" session new ""
	expect_rc 3 && expect_in "$T/err" "titel: leeg; typ wat tekst" || return 1
	run env LANGUAGE=nl "$PACT_SAN" --db "$T/x.db" demo extra
	expect_rc 2 && expect_in "$T/err" "demo neemt geen argumenten" || return 1
	run "$PACT_SAN" --db "$T/x.db" demo extra
	expect_rc 2 && expect_in "$T/err" "demo takes no arguments" || return 1
	# numbers as the language writes them
	printf 'voter,option,value\nA,X,3\nA,Y,2\nB,X,1\n' >"$T/b.csv"
	run "$PACT_SAN" --lang nl tally --method score --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" "(gemiddeld 2,00 van 2)  66,7%" || return 1
	run "$PACT_SAN" tally --method score --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" "(mean 2.00 of 2)  66.7%" || return 1
	# dates: Dutch on the screen, ISO in CSV
	"$PACT_SAN" --db "$T/x.db" session new "Wijk" --date 2026-01-02 >/dev/null || return 1
	run "$PACT_SAN" --lang nl --db "$T/x.db" session list
	expect_rc 0 && expect_in "$T/out" "02-01-2026" && expect_in "$T/out" "DATUM" || return 1
	run "$PACT_SAN" --lang nl --db "$T/x.db" session list --format csv
	expect_rc 0 && expect_in "$T/out" ",2026-01-02,"
}

# The manual page reads with man, names every subcommand pact --help lists,
# and make install puts it (and the Dutch catalogue) in place.
t_man_page_and_install() {
	local c
	run env MANWIDTH=80 man --warnings -l "$ROOT/pact.1"
	expect_rc 0 && expect_in "$T/out" "SUBCOMMANDS" && expect_in "$T/out" "ENVIRONMENT" && expect_in "$T/out" "EXIT STATUS" || return 1
	[ -s "$T/err" ] && { why "man warns: $(head -3 "$T/err")"; return 1; }
	for c in $("$PACT_SAN" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [^ ]/ { print $1 } !NF { on = 0 }'); do
		grep -q "^$c\b" <(sed 's/\\f.//g; s/^\.[A-Z]* *//' "$ROOT/pact.1" | tr -d '"') || { why "pact.1 does not describe '$c'"; return 1; }
	done
	make -s -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr >/dev/null 2>&1 || { why "make install failed"; return 1; }
	[ -x "$T/root/usr/bin/pact" ] && [ -s "$T/root/usr/share/man/man1/pact.1" ] &&
		[ -s "$T/root/usr/share/locale/nl/LC_MESSAGES/pact.mo" ] || { why "make install left something out"; return 1; }
}

# Every environment variable pact reads (getenv("NAME") in src/ and
# screens/, and the locale variables i18n.c reads from its list) is
# described under ENVIRONMENT in pact.1, which groff and man read without a
# warning.
t_man_page_names_every_environment_variable() {
	local names name
	names=$(cd "$ROOT" && { grep -rohE --include='*.c' 'getenv\("[A-Za-z_]+"\)' src screens | sed 's/.*("//; s/")//'
		sed -n 's/.*env\[\] = {\(.*\)};.*/\1/p' src/i18n.c | tr -d ' "' | tr , '\n'; } | sort -u)
	for name in ESCDELAY NO_COLOR PACT_DB LANG; do
		grep -qx "$name" <<<"$names" || { why "the source scan missed $name: $names"; return 1; }
	done
	run groff -man -ww -z -Tutf8 "$ROOT/pact.1"
	expect_rc 0 && [ ! -s "$T/err" ] || { why "groff warns: $(head -3 "$T/err")"; return 1; }
	run env MANWIDTH=80 man --warnings -l "$ROOT/pact.1"
	expect_rc 0 && [ ! -s "$T/err" ] || { why "man warns: $(head -3 "$T/err")"; return 1; }
	sed -n '/^ENVIRONMENT/,/^EXIT STATUS/p' "$T/out" >"$T/env"
	for name in $names; do
		grep -qw -- "$name" "$T/env" || { why "pact reads $name, but pact.1's ENVIRONMENT does not describe it"; return 1; }
	done
}

# data/po/pact.pot, the translators' template, holds exactly the strings
# the sources mark today (make pot writes it; line numbers and its date
# aside). The command is make pot's own, writing elsewhere.
t_pot_is_current() {
	local cmd
	cmd=$(make -s -n -C "$ROOT" pot | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | grep '^xgettext ' |
		sed "s| -o data/po/pact.pot | -o $T/fresh.pot |")
	case "$cmd" in *"$T/fresh.pot"*) ;; *) why "cannot read make pot's command: $cmd"; return 1;; esac
	(cd "$ROOT" && eval "$cmd") 2>"$T/err" || { why "xgettext: $(cat "$T/err")"; return 1; }
	msgcat --no-location --sort-output --no-wrap "$T/fresh.pot" | grep -v '^"POT-Creation-Date' >"$T/want" &&
		msgcat --no-location --sort-output --no-wrap "$ROOT/data/po/pact.pot" | grep -v '^"POT-Creation-Date' >"$T/have" || return 1
	diff -u "$T/have" "$T/want" >"$T/diff" && return 0
	why "data/po/pact.pot is not current (run make pot):"
	sed 's/^/       /' "$T/diff" | head -20 >&2
	return 1
}

# The locale alone chooses Dutch (make deps makes nl_NL.UTF-8).
t_tmux_dutch_locale() {
	locale -a | grep -qix 'nl_NL.utf8' || { why "the locale nl_NL.UTF-8 is missing (make deps makes it)"; return 1; }
	start_pact 80x24 LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8 || return 1
	wait_for "1 Stappenplan" && wait_for "q Afsluiten" || return 1
	tm send-keys -t p q && wait_exit 0
}

# At 80 columns no panel cuts its tab bar, its heading or its key line, in
# either language (the tab bar, the second line and the last line).
t_tmux_no_cut_lines_at_80_columns_in_both_languages() {
	local lang panel rows
	for lang in en nl; do
		PANE=$lang start_pact 80x24 LANG=C.UTF-8 -- --lang "$lang" || return 1
		PANE=$lang wait_for "1 " || return 1
		for panel in 1 2 3 4 5; do
			tm send-keys -t "$lang" "$panel" && PANE=$lang wait_for "[$panel " || return 1
			rows=$(PANE=$lang screen_text)
			for n in 1 2 3 24; do
				printf '%s\n' "$rows" | sed -n "${n}p" | grep -q '…' &&
					{ why "$lang, panel $panel, line $n is cut: $(printf '%s\n' "$rows" | sed -n "${n}p")"; return 1; }
			done
		done
	done
	return 0
}
