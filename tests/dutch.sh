# Dutch is Dutch: what a room sees in Dutch is Dutch, written the way Dutch
# municipalities write (B1), with one word per concept (data/po/glossary.md).

# The decision tree's texts: no sentence of 22 words or more, in either
# language; "gevolgen" for a project's impact (and "invloed" only for what
# residents can influence); no "moeilijk bereikbare groepen".
t_tree_sentences_are_short_and_words_right() {
	local long
	long=$(awk '
		/^[ \t]*(en|nl|help-en|help-nl|promise-en|promise-nl|note-en|note-nl):/ {
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
	expect_rc 3 && expect_in "$T/err" "$T/pots.csv:2:2: kolom 'year': 'twintig' is geen geheel getal; schrijf een geheel getal van 1900 tot en met 9999" || return 1
	if grep -q "verwacht\|kreeg" "$T/err"; then why "still 'verwacht … kreeg': $(cat "$T/err")"; return 1; fi
}

# One word per concept: the Dutch catalogue follows data/po/glossary.md.
t_glossary_is_followed() {
	run python3 "$ROOT/tests/glossary_check.py" "$ROOT"
	[ "$rc" -eq 0 ] && return 0
	why "data/po/nl.po does not follow data/po/glossary.md:"
	sed 's/^/       /' "$T/out" | head -40 >&2
	return 1
}

# The tie rules say what wins in plain words ("de goedkoopste optie wint").
t_tie_rules_in_plain_dutch() {
	printf 'voter,option,value\nA,X,1\nB,Y,1\n' >"$T/b.csv"
	printf 'option,cost\nX,100\nY,50\n' >"$T/o.csv"
	run "$PACT_SAN" --lang nl tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 100
	expect_rc 0 && expect_in "$T/out" "Regel bij gelijke stand: bij evenveel goedkeuringen wint de goedkoopste optie, daarna de optie die als eerste is genoemd." || return 1
	run "$PACT_SAN" --lang nl tally --method approval --ballots "$T/b.csv" --tiebreak lot --seed 7
	expect_rc 0 && expect_in "$T/out" "geloot met startgetal 7" || return 1
	if grep -q "seed" "$T/out"; then why "'seed' in Dutch: $(grep seed "$T/out")"; return 1; fi
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

# --- No English on Dutch screens ------------------------------------------
# A walk through every panel in Dutch, at 80x24 and 200x50: each screen on
# the way is kept in $T/seen, then searched for the interface's English
# labels and internal ids (tests/english_words.py).

# grab NAME: keep what the screen shows now, under NAME.
grab() {
	{ printf '=== %s\n' "$1"; screen_text; } >>"$T/seen"
}

# see NAME TEXT KEYS…: send the keys, wait for TEXT, keep the screen.
see() {
	local name=$1 text=$2
	shift 2
	[ $# -eq 0 ] || tm send-keys -t p "$@" || return 1
	wait_for "$text" && grab "$name"
}

# pages NAME: keep the next pages of a scrolling view too.
pages() {
	local i
	for i in 1 2 3; do
		tm send-keys -t p NPage && sleep 0.2 && grab "$1, page $((i + 1))"
	done
}

# close TEXT: Esc, and TEXT is gone.
close() {
	tm send-keys -t p Escape && wait_gone "$1"
}

dutch_walk_data() {
	local P="$PACT --lang nl"
	$P demo >/dev/null && $P session new "Wijkavond" --date 2026-11-27 >/dev/null || return 1
	for i in "Meer bankjes" "Speeltuin opknappen" "Minder auto's"; do $P idea add 1 "$i" >/dev/null || return 1; done
	$P poll new --method dot --session 1 >/dev/null || return 1
	printf 'option,cost\nSpeeltuin,2500\nBankjes,1200\nFietsenstalling,4000\n' >"$T/opts.csv"
	$P poll new --method pb-greedy --options "$T/opts.csv" --budget 5000 --title Buurtbudget >/dev/null || return 1
	printf 'voter,option,value\nA,Speeltuin,1\nA,Bankjes,1\nB,Bankjes,1\nC,Fietsenstalling,1\n' >"$T/ballots.csv"
	$P import ballots --poll 2 "$T/ballots.csv" >/dev/null 2>&1
}

# dutch_walk COLSxROWS: every panel, its forms, views and help.
dutch_walk() {
	start_pact "$1" LANG=C.UTF-8 -- --lang nl || return 1
	see wizard "1 Stappenplan" || return 1
	see "wizard help" "Toetsen: Stappenplan" '?' && pages "wizard help" && close "Toetsen:" || return 1
	see "new advice" "Nieuw advies" n || return 1
	see "question 1" "Nieuwe lantaarnpalen — vraag 1" "Nieuwe lantaarnpalen" Tab "Ans" C-d || return 1
	see "question help" "Er is geen ruimte als het besluit" h || return 1
	see "question 2" "vraag 2" Enter && see "Omgevingswet help" "Bij een aantal van haar instrumenten" h || return 1
	# an omgevingsplan: the advice has the note on what the law asks
	see "question 3" "vraag 3" Down Down Down Enter && see "question 4" "vraag 4" Enter && see "question 5" "vraag 5" Enter || return 1
	see advice "Advies: Informeren" Enter && pages advice || return 1
	see statement "Schrijf het advies als Markdown" m && close "Schrijf het advies als Markdown" || return 1
	see "advice list" "Informeren" Escape || return 1

	see board "Idee (" 2 || return 1
	see "board help" "Toetsen: Bord" '?' && pages "board help" && close "Toetsen:" || return 1
	see card "Geschiedenis" Enter && pages card && close "Geschiedenis" || return 1
	see "card form" "┌─ Experimentkaart" E || return 1
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
		tm send-keys -t p Tab && sleep 0.05
	done
	wait_for "Bereikt: Overigen" && grab "card form, end" || return 1
	close "┌─ Experimentkaart" || return 1
	see evaluation "┌─ Evaluatie" e && close "┌─ Evaluatie" || return 1
	see filter "Bord filteren" / && close "Bord filteren" || return 1
	see pots "experimenten krijgen geld uit deze pot." B && close "┌─ Budgetpotten" || return 1
	see "pot list" "Jaar   Bedrag" P && close "Jaar   Bedrag" || return 1
	see opgaven "Hoofdopgaven van het college" O && close "Hoofdopgaven van het college" || return 1
	see monitoring "┌─ Monitoring" M && pages monitoring && close "┌─ Monitoring" || return 1
	see "last columns" "Gestopt (" l l l l l || return 1

	see brainstorm "Opreksessies" 3 || return 1
	see "brainstorm help" "Toetsen: Brainstorm" Escape '?' && pages "brainstorm help" && close "Toetsen:" || return 1
	see "new session" "┌─ Nieuwe sessie" n && close "┌─ Nieuwe sessie" || return 1
	see import "Importeren uit CSV" I && close "Importeren uit CSV" || return 1
	see export "Exporteren als CSV" E && close "Exporteren als CSV" || return 1
	see session "Meer bankjes" Enter || return 1
	see "session help" "Toetsen: Brainstorm" Escape '?' && pages "session help" && close "Toetsen:" || return 1
	see "round picker" "Nieuwe ronde…" s || return 1
	see "new round" "Duur (mm:ss)" Enter && wait_for "Ideeën verzamelen" || return 1
	see round "Ideeën verzamelen  0" C-d || return 1
	tm send-keys -t p Escape && sleep 0.3 && grab "round, commands"
	see clusters "┌─ Clusters" C && close "┌─ Clusters" || return 1
	see participants "┌─ Deelnemers" P || return 1
	see "new participant" "┌─ Nieuwe deelnemer" n && close "┌─ Nieuwe deelnemer" || return 1
	close "┌─ Deelnemers" || return 1
	see bell "belsignaal" b || return 1
	see prompt "Oprekprikkel" k || return 1
	see "end round" "De ronde nu beëindigen?" x && close "De ronde nu beëindigen?" || return 1
	see sessions "Opreksessies" Escape || return 1

	# the panel may open on a poll's results; Esc goes to the list
	tm send-keys -t p 4 && wait_for "[4 Stemmen]" || return 1
	grab "vote panel"
	screen_text | grep -q "Methode  " || tm send-keys -t p Escape
	see vote "Methode  " || return 1
	see "vote help" "Toetsen: Stemmen" '?' && pages "vote help" && close "Toetsen:" || return 1
	see "poll picker" "Stemmen over de ideeën van welke sessie?" n || return 1
	see "new poll" "┌─ Nieuwe stemming" Down Enter && close "┌─ Nieuwe stemming" || return 1
	see "own options" "┌─ Nieuwe stemming met eigen opties" n Enter && close "┌─ Nieuwe stemming met eigen" || return 1
	see results "Buurtbudget — " Enter || return 1
	see details "Regel bij gelijke stand" d && pages details && close "┌─ Buurtbudget" || return 1
	see projector "Bankjes" p && tm send-keys -t p Escape && wait_for "Stembiljetten typen" || return 1
	see "results help" "Toetsen: Stemmen" '?' && pages "results help" && close "Toetsen:" || return 1
	see polls "Methode  " Escape || return 1
	see "dot results" "Stemming — " End Enter || return 1
	see ballot "Stippen over: 5 van 5" b || return 1
	see "ballot help" "Toetsen: " F1 && pages "ballot help" && close "Toetsen:" || return 1
	tm send-keys -t p Escape && wait_gone "Stippen over" || return 1
	see paper "Stemmers op papier" k && close "Stemmers op papier" || return 1
	see codes "Aantal codes" v && close "Aantal codes" || return 1

	see library "Casussen: do's en don'ts" 5 || return 1
	see "library help" "Toetsen: Bibliotheek" '?' && pages "library help" && close "Toetsen:" || return 1
	see case "┌─ Casus" Enter && pages case && close "┌─ Casus" || return 1
	see search "Zoeken:" / loods || return 1
	tm send-keys -t p Escape x && sleep 0.3
	see "work forms" "Werkvormen — typ een naam" w && pages "work forms" || return 1
	see "communication means read" "Een communicatiemiddel" Home Enter && close "Een communicatiemiddel" || return 1
	see "work form" "Online of fysiek" Home Down Down Enter && pages "work form" && close "Online of fysiek" || return 1
	see "core work forms" "De tien kernwerkvormen" / && see "communication means" "Communicatiemiddelen —" / || return 1
	see "every work form" "Werkvormen — typ een naam" / || return 1
	see "work forms help" "Toetsen: Bibliotheek" '?' && pages "work forms help" && close "Toetsen:" || return 1
	tm send-keys -t p Escape && wait_for "Casussen: do's" || return 1

	# last: a secret vote, which keeps the screen until the PIN ends it
	tm send-keys -t p 4 && wait_for "[4 Stemmen]" || return 1
	screen_text | grep -q "Methode  " || tm send-keys -t p Escape
	see "vote again" "Methode  " && see "dot poll" "Stemming — " End Enter || return 1
	see pin "Pincode nogmaals" s && tm send-keys -t p 1234 Tab 1234 C-d || return 1
	see "next voter" "Stemmer 1 — druk op Enter om te beginnen" || return 1
	see "secret ballot" "Je stembiljet (geheim)" Enter || return 1
	cleanup_tmux
}

# check_seen WORDS: no line of $T/seen has one of the words (whole words,
# case-sensitive); says on which screen each was seen.
check_seen() {
	local found n text at
	# the demo's budget pots are names ("Open Schiedam"), not labels
	awk -F, 'NR > 1 { print $2 }' "$ROOT/data/demo.budgets.csv" >"$T/names"
	awk 'NR == FNR { names[$0] = 1; next } /^=== / { next }
	     { for (n in names) gsub(n, "", $0); print }' "$T/names" "$T/seen" >"$T/seen.text"
	awk '/^=== / { at = substr($0, 5); next } { print at }' "$T/seen" >"$T/seen.at"
	found=$(grep -n -w -F -f "$1" "$T/seen.text" | sort -t: -k2 -u)
	[ -z "$found" ] && return 0
	why "English or internal words on a Dutch screen:"
	printf '%s\n' "$found" | while IFS= read -r line; do
		n=${line%%:*} text=${line#*:}
		at=$(sed -n "${n}p" "$T/seen.at")
		why "$at: $(printf '%s' "$text" | sed 's/^ *//' | cut -c1-90)  [$(printf '%s' "$text" | grep -o -w -F -f "$1" | sort -u | tr '\n' ' ')]"
	done
	return 1
}

t_tmux_dutch_screens_have_no_english() {
	local size
	python3 "$ROOT/tests/english_words.py" "$ROOT" >"$T/words" || return 1
	# the counting methods' ids too (the Vote panel shows their plain names)
	python3 "$ROOT/tests/english_words.py" "$ROOT" --pending >>"$T/words" || return 1
	for size in 80x24 200x50; do
		rm -rf "$T/.local/share/pact" "$T/.config/pact"
		dutch_walk_data || { why "the data for the walk could not be made"; return 1; }
		: >"$T/seen"
		dutch_walk "$size" || { why "the walk at $size stopped"; return 1; }
		# DUTCH_SEEN=DIR keeps what the walk saw, to read it by eye
		[ -z "${DUTCH_SEEN:-}" ] || cp "$T/seen" "$DUTCH_SEEN/seen.$size"
		check_seen "$T/words" || { why "(at $size)"; return 1; }
	done
}

# The empty Brainstorm screen says where ideas will appear, which is true
# whether keys type text or run commands (it no longer says "type one").
t_tmux_empty_brainstorm_hint() {
	"$PACT" session new "Leeg" >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl brainstorm 1 || return 1
	# the hint follows the mode: typing, then commands after Esc
	wait_for "TYPEN — Esc voor opdrachten" && wait_for "Nog geen ideeën. Typ er een en druk op Enter." || return 1
	tm send-keys -t p Escape && wait_for "Nog geen ideeën. Druk op i om er een te typen." || return 1
	if screen_text | grep -q "Typ er een"; then why "in command mode the hint still says to type one"; return 1; fi
	tm send-keys -t p q && wait_exit 0 || return 1
	PANE=e start_pact 80x24 LANG=C.UTF-8 -- brainstorm 1 || return 1
	PANE=e wait_for "No ideas yet. Type one and press Enter." && tm send-keys -t e Escape &&
		PANE=e wait_for "No ideas yet. Press i to type one."
}

# --- Column headers and track names at 80 columns -------------------------

# whole TEXT: the screen line that holds TEXT is not cut ("…").
whole() {
	local line
	wait_for "$1" || return 1
	line=$(screen_text | grep -F -- "$1" | head -1)
	case $line in
	*…*) why "cut at 80 columns: $line"; return 1 ;;
	esac
}

# In both languages, the lists' column headers and the board's track names
# are whole at 80 columns (shorter labels where needed).
t_tmux_headers_and_tracks_whole_at_80_columns() {
	local lang
	for lang in nl en; do
		rm -rf "$T/.local/share/pact"
		"$PACT" --lang $lang demo >/dev/null && "$PACT" session new "Wijkavond" >/dev/null &&
			"$PACT" idea add 1 "Bankjes" >/dev/null && "$PACT" poll new --method dot --session 1 >/dev/null || return 1
		PANE=p start_pact 80x24 LANG=C.UTF-8 -- --lang $lang || return 1
		if [ $lang = nl ]; then
			whole "Datum      Trede          Vraagstuk" || return 1
			tm send-keys -t p 2 && whole "Voorbereiding (" || return 1
			screen_text | grep -E '· [^ …]+( [^ …]+)*…' && { why "a card's track is cut (above)"; return 1; }
			tm send-keys -t p l l l l l && whole "Gestopt (" || return 1
			screen_text | grep -E '· [^ …]+( [^ …]+)*…' && { why "a card's track is cut (above)"; return 1; }
			tm send-keys -t p M && whole "Contact met de stad" && whole "Opstellen visies" && whole "Nieuwe rollen" || return 1
			tm send-keys -t p Escape && wait_gone "┌─ Monitoring" || return 1
			tm send-keys -t p 3 && whole "Datum      Ideeën Mensen Sessie" || return 1
			tm send-keys -t p 4 && wait_for "[4 Stemmen]" || return 1
			screen_text | grep -q "Methode  " || tm send-keys -t p Escape
			whole "Methode               Stemmen   Status   Stemming" || return 1
			tm send-keys -t p 5 w && whole "Werkvorm                          Kern Kosten Treden" || return 1
			# (typing a name jumps to it)
			tm send-keys -t p R i g h t && whole "Right to Challenge (uitdaagrecht)" || return 1
		else
			whole "Date       Rung           Question" || return 1
			tm send-keys -t p 2 && whole "Preparing (" || return 1
			screen_text | grep -E '· [^ …]+( [^ …]+)*…' && { why "a card's track is cut (above)"; return 1; }
			tm send-keys -t p l l l l l && whole "Stopped (" || return 1
			screen_text | grep -E '· [^ …]+( [^ …]+)*…' && { why "a card's track is cut (above)"; return 1; }
			tm send-keys -t p 3 && whole "Date       Ideas  People Session" || return 1
			tm send-keys -t p 4 && wait_for "[4 Vote]" || return 1
			screen_text | grep -q "Method  " || tm send-keys -t p Escape
			whole "Method                Ballots   State    Poll" || return 1
			tm send-keys -t p 5 w && whole "Work form                         Core Cost   Rungs" || return 1
		fi
		cleanup_tmux
	done
}

# --- The key line keeps each screen's own keys -------------------------------
# At 80x24, in Dutch and in English, the bottom line of every panel (and of
# its modes: a question, a result, typing ideas or ballots) shows the
# screen's own keys and ? Help; the global Tab and q give way first.

# key_line LANG KEYS: the bottom line after KEYS, headless at 80x24, on a
# copy of the walk's database (each screen starts from the same data).
key_line() {
	cp "$T/walk.db" "$T/k.db" && printf '# 80x24\n%s\n' "$2" >"$T/k.keys" || return 1
	env LINES=24 COLUMNS=80 TERM=xterm-256color PACT_KEYS="$T/k.keys" LANGUAGE="$1" \
		"$PACT_SAN" --db "$T/k.db" | tail -n 1
}

# shows LANG NAME KEYS HINT…: the key line of screen NAME has every HINT.
shows() {
	local lang=$1 name=$2 keys=$3 line hint bad=0
	shift 3
	line=$(key_line "$lang" "$keys") || { why "$name ($lang): pact failed"; return 1; }
	for hint in "$@"; do
		case "$line  " in
		*" $hint  "*) ;;
		*) why "$name ($lang): no '$hint' on the key line:$line"; bad=1 ;;
		esac
	done
	return $bad
}

t_key_lines_keep_the_screens_own_keys() {
	local ok=0 run='1nLantaarnpalen<Tab>Ans<C-d>' result='1nLantaarnpalen<Tab>Ans<C-d><Enter><Enter><Enter><Enter><Enter><Down>'
	dutch_walk_data && cp "$T/.local/share/pact/pact.db" "$T/walk.db" || { why "no data"; return 1; }
	shows nl "advice list" 1 "n Nieuw advies" "Enter Openen" "r Opnieuw" "? Hulp" || ok=1
	shows nl question "$run" "Enter Kiezen" "h Hulptekst" "Backspace Terug" "Esc Afbreken" "? Hulp" || ok=1
	shows nl "question help" "${run}h" "Esc Hulptekst sluiten" "Enter Kiezen" "Backspace Terug" "? Hulp" || ok=1
	shows nl advice "$result" "m Notitie" "b Naar Bord" "Backspace Terug" "Esc Adviezen" "? Hulp" || ok=1
	shows nl board 2 "n Nieuw" "> Verplaats" "Enter Openen" "E Bewerken" "e Evalueren" "? Hulp" || ok=1
	shows nl sessions 3 "Enter Openen" "n Nieuw" "r Bewerken" "I Importeren" "E Exporteren" "? Hulp" || ok=1
	shows nl "typing ideas" '3<Enter>' "Enter Idee opslaan" "Ctrl-P Van wie" "F1 Hulp" || ok=1
	shows nl "session commands" '3<Enter><Esc>' "s Ronde" "k Prikkel" "c Cluster" "? Hulp" || ok=1
	shows nl polls 4 "Enter Uitslag" "n Nieuwe stemming" "? Hulp" || ok=1
	shows nl results '4<Enter>' "b Stembiljetten typen" "s Geheim stemmen" "c Stemming sluiten" "p Beamer" "? Hulp" || ok=1
	shows nl "typing ballots" '4<Enter>b' "Enter Inleveren" "Esc Terug" "F1 Hulp" || ok=1
	shows nl library 5 "/ Zoeken" "Enter Lezen" "w Werkvormen" "? Hulp" || ok=1
	shows nl "work forms" 5w "Enter Lezen" "Esc Casussen" "? Hulp" || ok=1
	shows en "advice list" 1 "n New advice" "Enter Open" "r Re-run" "? Help" || ok=1
	shows en question "$run" "Enter Choose" "h Help text" "Backspace Back" "Esc Stop" "? Help" || ok=1
	shows en advice "$result" "m Statement" "b To Board" "Backspace Back" "Esc Advices" "? Help" || ok=1
	shows en board 2 "n New" "> Move" "Enter Open" "E Edit" "e Evaluate" "? Help" || ok=1
	shows en sessions 3 "Enter Open" "n New" "r Edit" "I Import" "E Export" "? Help" || ok=1
	shows en "typing ideas" '3<Enter>' "Enter Save idea" "Ctrl-P Whose idea" "F1 Help" || ok=1
	shows en "session commands" '3<Enter><Esc>' "s Round" "k Prompt" "c Cluster" "? Help" || ok=1
	shows en polls 4 "Enter Results" "n New poll" "? Help" || ok=1
	shows en results '4<Enter>' "b Type ballots" "s Secret vote" "c Close poll" "p Projector" "k Paper" "? Help" || ok=1
	shows en "typing ballots" '4<Enter>b' "Enter Cast" "Esc Back" "F1 Help" || ok=1
	shows en library 5 "/ Search" "Enter Read" "w Work forms" "? Help" || ok=1
	shows en "work forms" 5w "Enter Read" "Esc Cases" "? Help" || ok=1
	return $ok
}
