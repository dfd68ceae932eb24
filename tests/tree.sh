# pact tree check: the stappenplan's decision tree, built in or from a file.

# A small tree that is fine: two rungs, two questions, two outcomes.
good_tree() {
	cat <<'TREE'
rung: low
en: Inform
nl: Informeren
promise-en: We tell you
promise-nl: We vertellen het

rung: high
en: Decide
nl: Beslissen
promise-en: You decide
promise-nl: U beslist

question: room
en: Is there room?
nl: Is er ruimte?
answer: no-room -> told
  en: No
  nl: Nee
answer: has-room -> time
  en: Yes
  nl: Ja

question: time
en: How much time?
nl: Hoeveel tijd?
answer: little-time -> told
  en: Little
  nl: Weinig
answer: enough-time -> decided
  en: Enough
  nl: Genoeg

outcome: told
rung: low
en: Inform them
nl: Informeer ze

outcome: decided
rung: high
en: Let them decide
nl: Laat ze beslissen
TREE
}

t_tree_check_builtin() {
	run "$PACT_SAN" tree check
	expect_rc 0 && expect_in "$T/out" "built-in tree.txt: ok, " || return 1
	[ ! -s "$T/err" ] || { why "stderr: $(cat "$T/err")"; return 1; }
	# the shipped file itself, and the built-in tree whatever the user's copy says
	run "$PACT_SAN" tree check "$ROOT/data/tree.txt"
	expect_rc 0 && expect_in "$T/out" "$ROOT/data/tree.txt: ok, " || return 1
	mkdir -p "$HOME/.config/pact" && echo "nonsense" >"$HOME/.config/pact/tree.txt"
	run "$PACT_SAN" tree check
	expect_rc 0
}

t_tree_check_good_file() {
	good_tree >"$T/tree.txt"
	run "$PACT_SAN" tree check "$T/tree.txt"
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "$T/tree.txt: ok, 2 questions, 2 outcomes" ] || { why "stdout: $(cat "$T/out")"; return 1; }
	# CRLF line ends, as a Windows editor saves them
	sed 's/$/\r/' "$T/tree.txt" >"$T/crlf.txt"
	run "$PACT_SAN" tree check "$T/crlf.txt"
	expect_rc 0
}

t_tree_check_broken_file() {
	cat >"$T/bad.txt" <<'TREE'
rung: low
en: Inform
nl: Informeren
promise-en: We tell you
promise-nl: We vertellen het

question: room
en: Is there room?
nl: Is er ruimte?
answer: no-room -> gone
  en: No
  nl: Nee
answer: has-room -> time
  en: Yes
  nl: Ja

question: time
en: How much time?
nl: Hoeveel tijd?
answer: little-time -> told
  en: Little
  nl: Weinig
answer: again -> room
  en: Again
  nl: Opnieuw

outcome: told
rung: low
en: Inform them

outcome: decided
rung: high
en: Let them decide
nl: Laat ze beslissen
TREE
	run "$PACT_SAN" tree check "$T/bad.txt"
	expect_rc 3 || return 1
	expect_in "$T/err" "$T/bad.txt:10: the answer \"no-room\" leads to \"gone\"" || return 1
	expect_in "$T/err" "$T/bad.txt:23: the answer \"again\" leads back to \"room\"" || return 1
	expect_in "$T/err" "$T/bad.txt:27: the outcome \"told\" has no \"nl:\" line" || return 1
	expect_in "$T/err" "$T/bad.txt:31: \"decided\" cannot be reached" || return 1
	expect_in "$T/err" "$T/bad.txt:32: unknown rung \"high\"" || return 1
	[ "$(wc -l <"$T/err")" -eq 5 ] || { why "expected 5 problems: $(cat "$T/err")"; return 1; }
	# every line is pact: FILE:LINE: message, in line order, and nothing on stdout
	grep -qv "^pact: $T/bad.txt:[0-9]*: " "$T/err" && { why "not pact: FILE:LINE: $(cat "$T/err")"; return 1; }
	cut -d: -f3 "$T/err" | sort -n -c || { why "not in line order"; return 1; }
	[ ! -s "$T/out" ] || { why "stdout: $(cat "$T/out")"; return 1; }
}

t_tree_check_refusals() {
	run "$PACT_SAN" tree check "$T/missing.txt"
	expect_rc 3 && expect_in "$T/err" "pact: $T/missing.txt: " || return 1
	run "$PACT_SAN" tree check "$T"
	expect_rc 3 && expect_in "$T/err" "pact: $T: not a regular file" || return 1
	run "$PACT_SAN" tree
	expect_rc 2 && expect_in "$T/err" "pact tree check [FILE]" || return 1
	run "$PACT_SAN" tree check a b
	expect_rc 2 || return 1
	run "$PACT_SAN" --help
	expect_rc 0 && expect_in "$T/out" "check a decision tree file"
}

# An answer's group-size:, minutes: and hard-to-reach: values are checked
# and a bad one is named by file, line and column, in Dutch too.
t_tree_check_answer_values() {
	cat >"$T/values.txt" <<'TREE'
rung: low
en: Inform
nl: Informeren
promise-en: We tell you
promise-nl: We vertellen het

question: who
en: Who takes part?
nl: Wie doen er mee?
answer: many -> told
  en: Many
  nl: Veel
  group-size: veel
  minutes:   0
answer: few -> told
  en: Few
  nl: Weinig
  hard-to-reach: misschien
  group-size: 12

outcome: told
rung: low
en: Inform them
nl: Informeer ze
TREE
	run "$PACT_SAN" tree check "$T/values.txt"
	expect_rc 3 || return 1
	expect_in "$T/err" "pact: $T/values.txt:13:15: \"group-size:\" is a whole number from 1 to 100000, not \"veel\"" || return 1
	expect_in "$T/err" "pact: $T/values.txt:14:14: \"minutes:\" is a whole number from 1 to 100000, not \"0\"" || return 1
	expect_in "$T/err" "pact: $T/values.txt:18:18: \"hard-to-reach:\" is yes or no, not \"misschien\"" || return 1
	[ "$(wc -l <"$T/err")" -eq 3 ] || { why "expected 3 problems: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl tree check "$T/values.txt"
	expect_rc 3 && expect_in "$T/err" "$T/values.txt:18:18: \"hard-to-reach:\" is yes of no, niet \"misschien\"" || return 1
	# fixed, the file checks
	sed -i 's/group-size: veel/group-size: 80/; s/minutes:   0/minutes: 45/; s/misschien/yes/' "$T/values.txt"
	run "$PACT_SAN" tree check "$T/values.txt"
	expect_rc 0 && expect_in "$T/out" "ok, 1 question, 1 outcome"
}

# The shipped ladder is a commonly used one, not the programme's: nothing
# pact ships calls it Schiedam's, and the tree and the README say it is an
# example for the programme to replace (issue 19).
t_tree_ladder_is_an_example_not_schiedams() {
	local f
	for f in README.md data/tree.txt data/po/nl.po data/po/pact.pot pact.1; do
		# (a phrase may break across lines)
		if tr -s '\n#" ' ' ' <"$ROOT/$f" | grep -oiE "schiedam('s|s)? (own )?participa(tion|tie)[ -]?ladder|schiedamse participatieladder"; then
			why "$f calls the ladder Schiedam's"; return 1
		fi
	done
	grep -q "not one the programme \"Pact" "$ROOT/data/tree.txt" || { why "tree.txt does not say its ladder is an example"; return 1; }
	grep -q "The tree is the programme's to replace" "$ROOT/README.md" || { why "the README does not say the tree is the programme's to replace"; return 1; }
}

# An answer's note (note-en:, note-nl:) is checked like its other values: a
# bad one is named by file, line and column, in Dutch too; fixed, the file
# checks.
t_tree_check_answer_notes() {
	cat >"$T/notes.txt" <<'TREE'
rung: low
en: Inform
nl: Informeren
promise-en: We tell you
promise-nl: We vertellen het

question: law
en: Which law?
nl: Welke wet?
note-en: Too early.
answer: plan -> told
  en: A plan
  nl: Een plan
  note-en:
  note-nl: De wet vraagt iets.
answer: permit -> told
  en: A permit
  nl: Een vergunning
    note-en: Only in English.

outcome: told
rung: low
en: Inform them
nl: Informeer ze
TREE
	run "$PACT_SAN" tree check "$T/notes.txt"
	expect_rc 3 || return 1
	expect_in "$T/err" "pact: $T/notes.txt:10:1: \"note-en:\" belongs to an answer; put it under an \"answer:\" line of the question \"law\"" || return 1
	expect_in "$T/err" "pact: $T/notes.txt:14:11: \"note-en:\" has no text after the colon" || return 1
	expect_in "$T/err" "pact: $T/notes.txt:19:5: the answer \"permit\" has \"note-en:\" but no \"note-nl:\"; give the note in both languages" || return 1
	[ "$(wc -l <"$T/err")" -eq 3 ] || { why "expected 3 problems: $(cat "$T/err")"; return 1; }
	run "$PACT_SAN" --lang nl tree check "$T/notes.txt"
	expect_rc 3 && expect_in "$T/err" "$T/notes.txt:19:5: het antwoord \"permit\" heeft \"note-en:\" maar geen \"note-nl:\"; geef de toelichting in beide talen" || return 1
	sed -i '/^note-en: Too early.$/d; s/^  note-en:$/  note-en: The law asks something./; s/^    note-en: Only in English.$/    note-en: So./' "$T/notes.txt"
	awk '{ print } /^    note-en: So\.$/ { print "    note-nl: Zo." }' "$T/notes.txt" >"$T/fixed.txt"
	run "$PACT_SAN" tree check "$T/fixed.txt"
	expect_rc 0 && expect_in "$T/out" "ok, 1 question, 1 outcome"
}
