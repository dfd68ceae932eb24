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
