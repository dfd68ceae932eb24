# Dutch is Dutch: what a room sees in Dutch is Dutch, written the way Dutch
# municipalities write (B1), with one word per concept (data/po/glossary.md).

# The decision tree's texts: no sentence of 22 words or more, in either
# language; "gevolgen" for a project's impact (and "invloed" only for what
# residents can influence); no "moeilijk bereikbare groepen".
t_tree_sentences_are_short_and_words_right() {
	local long
	long=$(awk '
		/^[ \t]*(en|nl|help-en|help-nl|promise-en|promise-nl):/ {
			text = $0; sub(/^[ \t]*[a-z-]+:[ \t]*/, "", text)
			# a sentence ends at a full stop, a question or an exclamation mark
			n = split(text, parts, /[.!?]( |$)/)
			for (i = 1; i <= n; i++) {
				c = split(parts[i], words, /[ \t]+/)
				k = 0; for (j = 1; j <= c; j++) if (words[j] ~ /[[:alnum:]]/) k++
				if (k >= 22) printf "line %d: %d words: %s\n", NR, k, parts[i]
			}
		}' "$ROOT/data/tree.txt")
	[ -z "$long" ] || { why "sentences of 22 words or more in data/tree.txt:"; why "$long"; return 1; }
	grep -A2 '^question: impact' "$ROOT/data/tree.txt" | grep -q '^nl: Hoe groot zijn de gevolgen voor' ||
		{ why "the impact question does not ask about 'gevolgen'"; return 1; }
	grep -A3 '^outcome: inform-small-impact' "$ROOT/data/tree.txt" | grep -q '^nl: De gevolgen zijn klein' ||
		{ why "the small-impact outcome does not speak of 'gevolgen'"; return 1; }
	if grep -n '^ *nl:.*invloed' "$ROOT/data/tree.txt" | grep -v 'ruimte voor invloed\|invloed op hebben'; then
		why "'invloed' used for something other than residents' influence (above)"
		return 1
	fi
	if grep -n -i 'moeilijk bereikba\|moeilijk te bereiken' "$ROOT/data/tree.txt"; then
		why "write 'groepen die we minder goed bereiken'"
		return 1
	fi
	grep -q '^  nl: Er zitten groepen bij die we minder goed bereiken' "$ROOT/data/tree.txt" ||
		{ why "the hard-to-reach answer does not say 'groepen die we minder goed bereiken'"; return 1; }
	"$PACT_SAN" tree check "$ROOT/data/tree.txt" >/dev/null || { why "pact tree check refuses data/tree.txt"; return 1; }
}

# Work forms as Dutch municipalities name them.
t_work_form_names_as_municipalities_use_them() {
	local names
	names=$(cut -d, -f3 "$ROOT/data/werkvormen.csv")
	if printf '%s\n' "$names" | grep -i 'keukentafel\|burgerpanel'; then
		why "a keukentafelgesprek is the Wmo intake, and a group chosen by lot is no burgerpanel"
		return 1
	fi
	printf '%s\n' "$names" | grep -qx 'Huiskamergesprek' || { why "no Huiskamergesprek"; return 1; }
	printf '%s\n' "$names" | grep -qx 'Right to Challenge (uitdaagrecht)' || { why "no 'Right to Challenge (uitdaagrecht)'"; return 1; }
	printf '%s\n' "$names" | grep -qx 'Burgerberaad (gelote groep)' || { why "no 'Burgerberaad (gelote groep)'"; return 1; }
	if grep -i 'keukentafel' "$ROOT/data/demo.experiments.csv"; then
		why "the Dutch demo still speaks of keukentafelgesprekken"
		return 1
	fi
}

# A wrong value says what is wrong and gives an example, after the place
# (FILE:LINE:COLUMN and the column) the caller puts before it.
t_wrong_values_say_what_to_write() {
	printf 'name,year,amount\nBuurtpot,2026,1.2.3\n' >"$T/pots.csv"
	run "$PACT_SAN" --lang nl --db "$T/x.db" import budgets "$T/pots.csv"
	expect_rc 3 && expect_in "$T/err" "pact: $T/pots.csv:2:3: kolom 'amount': '1.2.3' is geen geldig bedrag; schrijf bijvoorbeeld 1234,56 of € 1.500" || return 1
	run "$PACT_SAN" --db "$T/x.db" import budgets "$T/pots.csv"
	expect_rc 3 && expect_in "$T/err" "pact: $T/pots.csv:2:3: column 'amount': '1.2.3' is not a valid amount; write for example 1234.56 or €1,500" || return 1
	printf 'name,year,amount\nBuurtpot,twintig,100\n' >"$T/pots.csv"
	run "$PACT_SAN" --lang nl --db "$T/x.db" import budgets "$T/pots.csv"
	expect_rc 3 && expect_in "$T/err" "$T/pots.csv:2:2: kolom 'year': 'twintig' is geen geheel getal; schrijf bijvoorbeeld 12" || return 1
	if grep -q "verwacht\|kreeg" "$T/err"; then why "still 'verwacht … kreeg': $(cat "$T/err")"; return 1; fi
}

# Numbers agree with their nouns, in both languages.
t_numbers_agree_with_nouns() {
	printf 'voter,option,value\nA,X,1\nA,Y,1\n' >"$T/b.csv"
	run "$PACT_SAN" --lang nl tally --method approval --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" " — 1 stemmer, 2 opties; waarde: " || return 1
	run "$PACT_SAN" tally --method approval --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" " — 1 voter, 2 options; value: " || return 1
}

# The Brainstorm panel's export says how many records, in Dutch, with the
# noun in the interface language and agreeing with the number.
t_tmux_dutch_export_counts_ideas() {
	local db="$T/.local/share/pact/pact.db" i
	"$PACT" session new "Wijkavond" >/dev/null && "$PACT" idea add 1 "Meer bankjes" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	tm send-keys -t p 3 && wait_for "[3 Brainstorm]" && wait_for "Wijkavond" || return 1
	tm send-keys -t p E && wait_for "Exporteren als CSV" && wait_for "< ideeën >" || return 1
	tm send-keys -t p Tab C-u "$T/een.csv" C-d && wait_for "1 idee geëxporteerd naar $T/een.csv" || return 1
	for i in 2 3 4 5 6; do "$PACT" idea add 1 "Idee $i" >/dev/null || return 1; done
	tm send-keys -t p E && wait_for "Exporteren als CSV" || return 1
	tm send-keys -t p Tab C-u "$T/zes.csv" C-d && wait_for "6 ideeën geëxporteerd naar $T/zes.csv" || return 1
	tm send-keys -t p q && wait_exit 0
}
