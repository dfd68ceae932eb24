# The Wizard panel: three paths through the stappenplan to three rungs (one
# using Back), the reasons and work forms on screen, the saved advice in the
# list and in the CSV export.

# new_advice TITLE: start a run from the Wizard's list.
new_advice() {
	tm send-keys -t p n && wait_for "New advice" || return 1
	tm send-keys -t p "$1" Tab "Ans" C-d && wait_for "$1 — question 1"
}

t_tmux_wizard_three_paths() {
	local db=$T/.local/share/pact/pact.db
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && wait_for "No advice yet" || return 1
	# 1: no room for influence: inform.
	new_advice "Nieuwe lantaarnpalen" || return 1
	tm send-keys -t p Down Enter && wait_for "Advice: Inform" && wait_for "outcome is already fixed" || return 1
	wait_for "Work forms, best first:" && wait_for "Saved as advice 1" || return 1
	tm send-keys -t p Escape && wait_for "Nieuwe lantaarnpalen" || return 1
	# 2: room, first the city's initiative, then Back to the municipality's:
	# clear frames, large impact, hard to reach, support, time, committed.
	new_advice "Herinrichting Broersveld" || return 1
	# (question 2, the Omgevingswet: no)
	tm send-keys -t p Enter && wait_for "question 2" && tm send-keys -t p Enter && wait_for "question 3" || return 1
	tm send-keys -t p Down Enter && wait_for "question 4" || return 1
	tm send-keys -t p BSpace && wait_for "question 3" || return 1
	tm send-keys -t p Up Enter && wait_for "question 4" && tm send-keys -t p h && wait_for "question 4" || return 1
	tm send-keys -t p Enter && wait_for "question 5" && tm send-keys -t p Down Down Enter && wait_for "question 6" || return 1
	tm send-keys -t p Enter && wait_for "question 7" && tm send-keys -t p Down Enter && wait_for "question 8" || return 1
	tm send-keys -t p Down Down Enter && wait_for "Advice: Advise" || return 1
	tm send-keys -t p PageDown && wait_for "Work forms, best first:" && wait_for "suits the rung Advise;" && wait_for "works for low" || return 1
	tm send-keys -t p Escape && wait_for "Herinrichting Broersveld" || return 1
	# 3: the city's initiative with clear frameworks, asking for support.
	new_advice "Buurtinitiatief speeltuin" || return 1
	tm send-keys -t p Enter Enter Down Enter && wait_for "question 4" && tm send-keys -t p Enter && wait_for "question 5" || return 1
	tm send-keys -t p Enter && wait_for "Advice: The city leads" && wait_for "ideeënloodser" || return 1
	tm send-keys -t p m && wait_for "Write the advice as Markdown" && tm send-keys -t p C-u "$T/advies.md" C-d &&
		wait_for "The statement is in $T/advies.md" || return 1
	[ "$(stat -c %a "$T/advies.md")" = 600 ] || { why "the statement is readable by others"; return 1; }
	head -1 "$T/advies.md" | grep -q "^# Buurtinitiatief speeltuin" && grep -q "## Advice: The city leads" "$T/advies.md" ||
		{ why "statement: $(head -3 "$T/advies.md")"; return 1; }
	tm send-keys -t p Escape && wait_for "Buurtinitiatief speeltuin" || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(rung, ' ') FROM (SELECT rung FROM advice ORDER BY id)")" = "informeren adviseren stad-aan-zet" ] ||
		{ why "saved: $(sqlite3 "$db" 'SELECT title, rung FROM advice')"; return 1; }
	sqlite3 "$db" "SELECT answers FROM advice WHERE id = 2" | grep -q "initiative=municipality-initiative" ||
		{ why "Back did not replace the answer"; return 1; }
	run "$PACT" export advices "$T/a.csv"
	expect_rc 0 && [ "$(sqlite3 :memory: ".import --csv '$T/a.csv' t" "SELECT count(*) FROM t WHERE forms <> '' AND tree_version <> ''")" = 3 ] ||
		{ why "export: $(cat "$T/a.csv")"; return 1; }
	tm send-keys -t p Enter && wait_for "Advice: The city leads" && wait_for "By Ans on" && tm send-keys -t p Escape || return 1
	# A re-run starts with the old answers marked: Enter all the way follows them.
	tm send-keys -t p r && wait_for "Buurtinitiatief speeltuin — question 1" || return 1
	tm send-keys -t p Enter && wait_for "question 2" && tm send-keys -t p Enter && wait_for "question 3" || return 1
	tm send-keys -t p Enter && wait_for "question 4" && tm send-keys -t p Enter && wait_for "question 5" || return 1
	tm send-keys -t p Enter && wait_for "Advice: The city leads" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM advice WHERE revision_of = (SELECT uuid FROM advice WHERE id = 3)")" = 1 ] ||
		{ why "the re-run is not a revision of advice 3"; return 1; }
	# Back and another answer: the same run's advice changes, no new one.
	tm send-keys -t p BSpace && wait_for "question 5" && tm send-keys -t p Down Enter && wait_for "Advice: Co-produce" || return 1
	[ "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM advice) || rung FROM advice WHERE id = (SELECT max(id) FROM advice)")" = "4coproduceren" ] ||
		{ why "advices: $(sqlite3 "$db" 'SELECT id, rung FROM advice')"; return 1; }
	tm send-keys -t p Escape && wait_for "Stappenplan:" || return 1
}

# Room for influence, then an advice to inform (the impact is small): the
# advice does not turn round and say there is no room for influence (the
# rung's promise and the checklist say what people can and cannot
# influence), on screen and in the Markdown statement, in Dutch.
t_tmux_wizard_inform_with_room_does_not_deny_it() {
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[1 Stappenplan]" && tm send-keys -t p n && wait_for "Nieuw advies" || return 1
	tm send-keys -t p "Bankjes" Tab "Ans" C-d && wait_for "Bankjes — vraag 1" || return 1
	# room: yes; not the Omgevingswet; the municipality's plan; clear frameworks; small impact
	tm send-keys -t p Enter && wait_for "vraag 2" && tm send-keys -t p Enter && wait_for "vraag 3" || return 1
	tm send-keys -t p Enter && wait_for "vraag 4" && tm send-keys -t p Enter && wait_for "vraag 5" || return 1
	tm send-keys -t p Enter && wait_for "Advies: Informeren" || return 1
	tm send-keys -t p m && wait_for "Markdown" && tm send-keys -t p C-u "$T/advies.md" C-d && wait_for "$T/advies.md" || return 1
	grep -q "Ja, wat mensen inbrengen kan nog iets veranderen" "$T/advies.md" || { why "not the path with room: $(cat "$T/advies.md")"; return 1; }
	if grep -n "geen ruimte" "$T/advies.md" >"$T/found"; then
		why "the advice denies the room it was told about:"; sed 's/^/       /' "$T/found" >&2; return 1
	fi
	grep -qx -- "- Vertel mensen waar ze wel en geen invloed op hebben." "$T/advies.md" &&
		grep -q "waar mensen wel en geen invloed op hebben" "$T/advies.md" || { why "$(cat "$T/advies.md")"; return 1; }
}

t_tmux_wizard_broken_tree_shows_problems() {
	mkdir -p "$T/.config/pact" && printf 'question: a\nen: A?\nnl: A?\nanswer: x -> nowhere\n  en: X\n  nl: X\n' >"$T/.config/pact/tree.txt"
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "The decision tree has problems" && wait_for "tree.txt:4:" || return 1
	tm send-keys -t p n 2 && wait_for "[2 Board]" || return 1 # nothing starts, nothing crashes
	run "$PACT" tree check "$T/.config/pact/tree.txt"
	expect_rc 3 && expect_in "$T/err" "tree.txt:4:"
}

t_tmux_library_lists_the_work_forms() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 5 && wait_for "Cases:" && tm send-keys -t p w && wait_for "Work forms (werkvormen)" && wait_for "1/24" || return 1
	wait_for "an example to edit" || return 1
	# / shows the core ten, then the communication means, then all again
	tm send-keys -t p / && wait_for "The ten core work forms (kern)" && wait_for "1/10" && wait_for "Neighbourhood walk                core" || return 1
	tm send-keys -t p / && wait_for "Communication means (communicatiemiddelen)" && wait_for "1/6" && wait_for "Snapchat                                      communication means" || return 1
	tm send-keys -t p / && wait_for "Work forms (werkvormen)" && wait_for "1/24" || return 1
	tm send-keys -t p W o r && wait_for "World Café" || return 1
	tm send-keys -t p Enter && wait_for "Rungs:" && wait_for "Works for low literacy:" || return 1
	tm send-keys -t p Escape && wait_gone "Rungs:" || return 1
	# a small c is typed to find, not taken as a command; Esc goes back to the cases
	sleep 1.1; tm send-keys -t p c u s && sleep 0.3 && tm send-keys -t p Enter && wait_for "Customer journey" && wait_for "Experiments that used it" || return 1
	tm send-keys -t p Escape && wait_gone "Experiments that used it" && tm send-keys -t p Escape && wait_for "Cases:" || return 1
}

t_tmux_wizard_tree_option_and_answers_so_far() {
	{ echo "rung: informeren"; echo "en: Inform"; echo "nl: Informeren"; echo "promise-en: We tell."; echo "promise-nl: Wij vertellen."; echo
	  echo "question: eerste"; echo "en: Alleen een test?"; echo "nl: Alleen een test?"
	  echo "answer: ja -> tweede"; echo "  en: Ja, een test"; echo "  nl: Ja"
	  echo; echo "question: tweede"; echo "en: Echt?"; echo "nl: Echt?"
	  echo "answer: echt -> klaar"; echo "  en: Echt waar"; echo "  nl: Echt waar"
	  echo; echo "outcome: klaar"; echo "rung: informeren"; echo "en: Done."; echo "nl: Klaar."; } >"$T/mini.txt"
	run "$PACT" tree check "$T/mini.txt"
	expect_rc 0 || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --tree "$T/mini.txt" || return 1
	wait_for "[1 Wizard]" && new_advice "Proef" || return 1
	wait_for "Alleen een test?" && tm send-keys -t p Enter && wait_for "Echt?" && wait_for "1. Ja, een test" || return 1
	tm send-keys -t p Enter && wait_for "Advice: Inform" && wait_for "We tell."
}

# A tree of two questions, the first with a help text.
mini_tree_with_help() {
	{ echo "rung: informeren"; echo "en: Inform"; echo "nl: Informeren"; echo "promise-en: We tell."; echo "promise-nl: Wij vertellen."; echo
	  echo "question: eerste"; echo "en: Alleen een test?"; echo "nl: Alleen een test?"
	  echo "help-en: Uitleg bij de eerste vraag."; echo "help-nl: Uitleg bij de eerste vraag."
	  echo "answer: ja -> tweede"; echo "  en: Ja, een test"; echo "  nl: Ja"
	  echo; echo "question: tweede"; echo "en: Echt?"; echo "nl: Echt?"
	  echo "answer: echt -> klaar"; echo "  en: Echt waar"; echo "  nl: Echt waar"
	  echo; echo "outcome: klaar"; echo "rung: informeren"; echo "en: Done."; echo "nl: Klaar."; } >"$T/mini.txt"
}

# Esc with the help text open closes the help; leaving asks first from the
# first question on (the question typed would be lost).
t_tmux_wizard_esc_closes_help_and_stop_asks_first() {
	mini_tree_with_help || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --tree "$T/mini.txt" || return 1
	wait_for "[1 Wizard]" && new_advice "Proef" || return 1
	tm send-keys -t p h && wait_for "Uitleg bij de eerste vraag." && wait_for "Esc Close help" || return 1
	tm send-keys -t p Escape && wait_gone "Uitleg bij de eerste vraag." && wait_for "Esc Stop" || return 1
	screen_text | grep -q "Please confirm" && { why "Esc over the help asked to stop"; return 1; }
	tm send-keys -t p Escape && wait_for "Stop this run? The question you typed is not kept." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "Proef — question 1" || return 1
	tm send-keys -t p Enter && wait_for "Proef — question 2" && tm send-keys -t p Escape && wait_for "Stop this run? The answers so far are not kept." || return 1
	tm send-keys -t p y && wait_for "No advice yet" || return 1
}

# m writes the Markdown statement from the result, from the advice list and
# from an advice read again; the file name's default is replaced by typing.
t_tmux_wizard_statement_from_list_and_reread_advice() {
	local f
	mini_tree_with_help || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --tree "$T/mini.txt" || return 1
	wait_for "[1 Wizard]" && new_advice "Proef" || return 1
	tm send-keys -t p Enter Enter && wait_for "Advice: Inform" && tm send-keys -t p Escape && wait_for "1/1" || return 1
	tm send-keys -t p m && wait_for "Write the advice as Markdown" && wait_for "~/pact-advice-1.md" || return 1
	tm send-keys -t p "$T/lijst.md" C-d && wait_for "The statement is in $T/lijst.md" || return 1
	tm send-keys -t p Enter && wait_for "By Ans on" && wait_for "m Statement" || return 1
	tm send-keys -t p m && wait_for "Write the advice as Markdown" && tm send-keys -t p "$T/gelezen.md" C-d &&
		wait_for "The statement is in $T/gelezen.md" && wait_for "By Ans on" || return 1
	for f in lijst gelezen; do
		[ "$(head -5 "$T/$f.md")" = "# Proef

By Ans, advice 1.

## Advice: Inform" ] || { why "$f.md begins: $(head -5 "$T/$f.md")"; return 1; }
		grep -qx -- "- Alleen een test? Ja, een test" "$T/$f.md" && grep -qx "Checklist:" "$T/$f.md" ||
			{ why "$f.md: $(cat "$T/$f.md")"; return 1; }
	done
	cmp -s "$T/lijst.md" "$T/gelezen.md" || { why "the two statements differ"; return 1; }
	tm send-keys -t p Escape && wait_gone "By Ans on" && wait_for "1/1"
}

# An advice added by a second process shows up in the list on its own,
# the marked advice staying marked (data_changed).
t_tmux_wizard_list_follows_other_process() {
	local db=$T/.local/share/pact/pact.db
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && new_advice "Eerste vraag" || return 1
	tm send-keys -t p Down Enter && wait_for "Saved as advice 1" && tm send-keys -t p Escape && wait_for "1/1" || return 1
	sqlite3 "$db" "INSERT INTO advice(uuid, title, author, date, answers, outcome, rung, forms, created_at)
		VALUES ('6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', 'Van buiten', 'Bo', '2026-12-05', 'room=no-room',
		'inform-no-room', 'informeren', '', '2026-12-05T10:00:00Z')" || { why "insert failed"; return 1; }
	wait_for "Van buiten" && wait_for "2/2" || return 1
	# the newest is on top; the marked advice stays marked
	tm send-keys -t p Enter && wait_for "By Ans on" || return 1
	tm send-keys -t p Escape && wait_gone "By Ans on" && tm send-keys -t p Up Enter && wait_for "By Bo on"
}

# The note of answer ID in the shipped tree, in LANG (en or nl).
shipped_note() {
	awk -v id="$1" -v field="  note-$2: " '
		/^answer: / { on = ($2 == id) }
		on && index($0, field) == 1 { print substr($0, length(field) + 1); exit }' "$ROOT/data/tree.txt"
}

# flat_screens N FILE: each screen while Down scrolls N times, one line a
# screen, borders and line ends made spaces, so wrapped text reads whole.
flat_screens() {
	local i
	for i in $(seq 0 "$1"); do
		screen_text | sed 's/[│┌┐└┘─]/ /g' | tr '\n' ' ' | tr -s ' ' >>"$2"
		echo >>"$2"
		tm send-keys -t p Down && sleep 0.03
	done
}

# seen_flat FILE TEXT: some screen in FILE shows TEXT.
seen_flat() {
	grep -qF -- "$2" "$1" && return 0
	why "not on any screen: $2"
	return 1
}

# The stappenplan asks about the Omgevingswet once there is room for
# influence; an answer's note (what the law asks) is in the advice on
# screen, in the Markdown statement and in the advice read again, in
# English and in Dutch, at 80x24.
t_tmux_wizard_omgevingswet_note() {
	local db=$T/.local/share/pact/pact.db plan_en visa_nl
	plan_en=$(shipped_note omgevingsplan en) && visa_nl=$(shipped_note omgevingsvergunning nl)
	[ -n "$plan_en" ] && [ -n "$visa_nl" ] || { why "no notes in data/tree.txt"; return 1; }
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && new_advice "Omgevingsplan Nieuwland" || return 1
	tm send-keys -t p Enter && wait_for "Does the question fall under the Omgevingswet" && wait_for "question 2" || return 1
	wait_for "No, or not that we know of" && wait_for "Yes: an application for an omgevingsvergunning (permit)" || return 1
	# an omgevingsplan; the municipality's plan; clear frameworks; small impact
	tm send-keys -t p Down Down Down Enter && wait_for "question 3" && wait_for "2. Yes: the omgevingsplan, or a change to it" || return 1
	tm send-keys -t p Enter && wait_for "question 4" && tm send-keys -t p Enter && wait_for "question 5" || return 1
	tm send-keys -t p Enter && wait_for "Advice: Inform" || return 1
	flat_screens 14 "$T/result" || return 1
	# after the outcome's explanation, before the work forms
	seen_flat "$T/result" "larger than you thought, go through the steps again. Notes on your answers: $plan_en Work forms, best first:" || return 1
	tm send-keys -t p m && wait_for "Write the advice as Markdown" && tm send-keys -t p C-u "$T/plan.md" C-d &&
		wait_for "The statement is in $T/plan.md" || return 1
	grep -qx "## Notes on your answers" "$T/plan.md" && grep -qxF -- "$plan_en" "$T/plan.md" ||
		{ why "statement: $(cat "$T/plan.md")"; return 1; }
	grep -qxF -- "- Does the question fall under the Omgevingswet (the Environment and Planning Act)? Yes: the omgevingsplan, or a change to it" "$T/plan.md" ||
		{ why "the answer is not in the statement"; return 1; }
	sqlite3 "$db" "SELECT answers FROM advice WHERE id = 1" | grep -q "omgevingswet=omgevingsplan" || { why "answers: $(sqlite3 "$db" 'SELECT answers FROM advice')"; return 1; }
	# read again from the list: the note is there again
	tm send-keys -t p Escape && wait_for "1/1" && tm send-keys -t p Enter && wait_for "By Ans on" || return 1
	flat_screens 26 "$T/reread" || return 1
	seen_flat "$T/reread" "Notes on your answers:" && seen_flat "$T/reread" "$plan_en" || return 1
	tm send-keys -t p Escape && wait_gone "By Ans on" && tm send-keys -t p q && wait_exit 0 || return 1
	tm kill-session -t p || return 1

	# In Dutch: a permit application for the city's initiative.
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[1 Stappenplan]" && tm send-keys -t p n && wait_for "Nieuw advies" || return 1
	tm send-keys -t p "Dakterras" Tab "Ans" C-d && wait_for "Dakterras — vraag 1" || return 1
	tm send-keys -t p Enter && wait_for "Valt de vraag onder de Omgevingswet?" || return 1
	tm send-keys -t p Down Down Down Down Enter && wait_for "vraag 3" && wait_for "2. Ja: een aanvraag voor een omgevingsvergunning" || return 1
	tm send-keys -t p Down Enter && wait_for "vraag 4" && tm send-keys -t p Enter && wait_for "vraag 5" || return 1
	tm send-keys -t p Enter && wait_for "Advies: De stad aan zet" || return 1
	flat_screens 16 "$T/nl" || return 1
	seen_flat "$T/nl" "Bij je antwoorden:" && seen_flat "$T/nl" "$visa_nl" || return 1
	tm send-keys -t p m && wait_for "Markdown" && tm send-keys -t p C-u "$T/dak.md" C-d && wait_for "$T/dak.md" || return 1
	grep -qx "## Bij je antwoorden" "$T/dak.md" && grep -qxF -- "$visa_nl" "$T/dak.md" ||
		{ why "statement: $(cat "$T/dak.md")"; return 1; }
	grep -q "Omgevingsregeling, artikel 7.4" "$T/dak.md" && grep -q "geen juridisch advies" "$T/dak.md" || return 1
}

# A run in progress is only in the panel (the advice is saved at the
# result): q, Ctrl-C and q from another panel ask first, and No keeps the
# run; a finished run or the list quits at once. In Dutch too.
t_tmux_wizard_quit_asks_before_losing_the_run() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && new_advice "Proef" || return 1
	tm send-keys -t p q && wait_for "Quit pact? This stappenplan is not finished" && wait_for "question you typed is not kept." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" || return 1
	tm send-keys -t p Enter && wait_for "question 2" && tm send-keys -t p Enter && wait_for "Proef — question 3" || return 1
	tm send-keys -t p q && wait_for "Quit pact? This stappenplan is not finished" && wait_for "so far are not kept." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && wait_for "Proef — question 3" || return 1
	tm send-keys -t p C-c && wait_for "so far are not kept." && tm send-keys -t p Escape && wait_gone "Please confirm" || return 1
	# another panel keeps the run; quitting from there asks too
	tm send-keys -t p Tab && wait_for "[2 Board]" && tm send-keys -t p q && wait_for "so far are not kept." || return 1
	tm send-keys -t p n && wait_gone "Please confirm" && tm send-keys -t p 1 && wait_for "Proef — question 3" || return 1
	[ -s "$T/exit.p" ] && { why "pact quit with a run in progress"; return 1; }
	# stopped on purpose: nothing left to lose
	tm send-keys -t p Escape && wait_for "Stop this run?" && tm send-keys -t p y && wait_for "No advice yet" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[1 Stappenplan]" && tm send-keys -t p n && wait_for "Nieuw advies" || return 1
	tm send-keys -t p "Proef" Tab "Ans" C-d && wait_for "Proef — vraag 1" || return 1
	tm send-keys -t p q && wait_for "pact afsluiten? Dit stappenplan is nog niet af" && wait_for "die je typte, wordt niet bewaard." || return 1
	tm send-keys -t p n && tm send-keys -t p Enter && wait_for "vraag 2" && tm send-keys -t p Enter && wait_for "vraag 3" || return 1
	tm send-keys -t p C-c && wait_for "pact afsluiten? Dit stappenplan is nog niet af" && wait_for "antwoorden tot nu toe worden niet bewaard." || return 1
	tm send-keys -t p y && wait_exit 0
}

# At the result the advice is saved: q quits without a question.
t_tmux_wizard_quit_after_the_result_does_not_ask() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && new_advice "Lantaarnpalen" || return 1
	tm send-keys -t p Down Enter && wait_for "Advice: Inform" && wait_for "Saved as advice 1" || return 1
	tm send-keys -t p q && wait_exit 0
}
