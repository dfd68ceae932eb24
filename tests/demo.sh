# pact demo follows the handbook (Samenwerken in Schiedam, chapter 7): the
# nine "Experimenten focus opgaveteam" in their four tracks, marked as focus
# experiments (the focus column, and their notes say so); the twelve "Overige experimenten" in Other;
# and every demo evaluation marked as a fictional example.

# demo_sql DB SQL: one query on the demo file.
demo_sql() { sqlite3 -separator '|' "$1" "$2"; }

# demo_check DB FOCUS OTHER MARK NOTE_FOCUS NOTE_OTHER: the focus
# experiments (track|title, by track then id), the others (title, by id)
# and the example mark of the evaluations: it begins "Who took part" (the
# first text of the evaluation form) and "Learnings", and follows the
# evaluator's name, which the Library case shows on its first lines.
demo_check() {
	local db=$1 focus=$2 other=$3 mark=$4 nfocus=$5 nother=$6
	[ "$(demo_sql "$db" "SELECT count(*) FROM experiment")" = 21 ] || { why "not 21 experiments"; return 1; }
	[ "$(demo_sql "$db" "SELECT track || '|' || title FROM experiment WHERE focus AND notes LIKE '$nfocus%'
		ORDER BY instr('visions contact letting-go new-roles', track), uuid")" = "$focus" ] ||
		{ why "focus experiments: $(demo_sql "$db" "SELECT track || '|' || title FROM experiment WHERE notes LIKE '$nfocus%'")"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM experiment WHERE focus")" = 9 ] || { why "not 9 focus experiments"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM experiment WHERE track <> 'other' AND (NOT focus OR notes NOT LIKE '$nfocus%')")" = 0 ] ||
		{ why "a card in a handbook track is not a focus experiment"; return 1; }
	[ "$(demo_sql "$db" "SELECT title FROM experiment WHERE track = 'other' ORDER BY uuid")" = "$other" ] ||
		{ why "Other: $(demo_sql "$db" "SELECT title FROM experiment WHERE track = 'other' ORDER BY uuid")"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM experiment WHERE track = 'other' AND NOT focus AND notes LIKE '$nother%'")" = 12 ] ||
		{ why "an other experiment lacks its note"; return 1; }
	# a card's work form is a work form, never a communication means
	[ "$(demo_sql "$db" "SELECT count(*) FROM experiment x JOIN werkvorm w ON x.werkvorm IN (w.name, w.name_nl)
		WHERE w.type = 'communicatie'")" = 0 ] || { why "a demo card names a communication means as its work form"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM evaluation")" = 5 ] || { why "not 5 evaluations"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM evaluation WHERE who NOT LIKE '$mark: %' OR learnings NOT LIKE '$mark: %'
		OR evaluated_by NOT LIKE '% — $mark'")" = 0 ] ||
		{ why "a demo evaluation lacks its mark '$mark'"; return 1; }
	# the answers about fit, public value and diversity are fictional too:
	# every one given has a marked note, and the demo shows some
	[ "$(demo_sql "$db" "SELECT count(*) FROM evaluation WHERE
		(fits IS NOT NULL AND fits_why NOT LIKE '$mark: %') OR (fits_why <> '' AND fits_why NOT LIKE '$mark: %')
		OR (satisfaction IS NOT NULL AND satisfaction_note NOT LIKE '$mark: %') OR (satisfaction_note <> '' AND satisfaction_note NOT LIKE '$mark: %')
		OR (support IS NOT NULL AND support_note NOT LIKE '$mark: %') OR (support_note <> '' AND support_note NOT LIKE '$mark: %')
		OR (legitimacy IS NOT NULL AND legitimacy_note NOT LIKE '$mark: %') OR (legitimacy_note <> '' AND legitimacy_note NOT LIKE '$mark: %')
		OR (diversity <> '' AND diversity NOT LIKE '$mark: %')")" = 0 ] ||
		{ why "a demo evaluation's fit, public value or diversity lacks its mark '$mark'"; return 1; }
	[ "$(demo_sql "$db" "SELECT count(*) FROM evaluation WHERE fits IS NOT NULL AND diversity <> ''")" -ge 1 ] ||
		{ why "no demo evaluation shows fit and diversity"; return 1; }
}

t_demo_follows_the_handbook_in_dutch() {
	run "$PACT_SAN" --lang nl --db "$T/nl.db" demo
	expect_rc 0 || return 1
	demo_check "$T/nl.db" "visions|Woonvisie in co-design
visions|Dienstverleningsvisie met klantreizen
contact|Wijknetwerk van de toekomst
contact|Ideeënloodser voor initiatieven uit de stad
letting-go|Loslaten precedentwerking
letting-go|Bestaande structuren vernieuwen
letting-go|Alternatieve participatieladder
new-roles|Simulatie Samen Schiedam met het college
new-roles|Experimenten met de raad" "Omgevingswet regelluw
Stadsvisie
Mobiliteitsvisie
Participatie-app (EZ)
Sociale veerkracht
Binnenstad
Samen Schiedam
Wijkregie en communicatie
Havens
Nieuw Mathenesse
Gebiedsontwikkeling A20
Beleidsbemiddeling" "Voorbeeld (fictief)" "Focusexperiment van het opgaveteam" "Overig experiment" || return 1
	# the descriptions say what the handbook says, without invented figures
	[ "$(demo_sql "$T/nl.db" "SELECT count(*) FROM experiment WHERE title = 'Bestaande structuren vernieuwen'
		AND description LIKE '%riolering%' AND description LIKE '%brief%'
		AND description LIKE '%informatiebijeenkomst in de avond%' AND description LIKE '%enquête%'")" = 1 ] ||
		{ why "Bestaande structuren vernieuwen is not the handbook's"; return 1; }
	[ "$(demo_sql "$T/nl.db" "SELECT count(*) FROM experiment WHERE title = 'Alternatieve participatieladder'
		AND description LIKE '%participatierechter%' AND description LIKE '%in de praktijk%'")" = 1 ] ||
		{ why "the alternative ladder is not the participatierechter"; return 1; }
	[ "$(demo_sql "$T/nl.db" "SELECT count(*) FROM experiment WHERE description LIKE '%twaalf%'
		OR description LIKE '%drie %' OR description LIKE '%vijf %' OR description LIKE '%twee %'")" = 0 ] ||
		{ why "a description counts what the handbook does not"; return 1; }
}

t_demo_follows_the_handbook_in_english() {
	run "$PACT_SAN" --db "$T/en.db" demo
	expect_rc 0 || return 1
	demo_check "$T/en.db" "visions|Housing vision in co-design
visions|Service vision through customer journeys
contact|Neighbourhood network of the future
contact|Idea guide (ideeënloodser) for initiatives from the city
letting-go|Letting go of precedent
letting-go|Renewing existing structures
letting-go|Alternative participation ladder
new-roles|Samen Schiedam simulation with the Municipal Executive
new-roles|Experiments with the council" "Low-regulation zone under the Environment and Planning Act
City vision
Mobility vision
Participation app (EZ)
Social resilience
City centre
Samen Schiedam
Neighbourhood management and communications
Harbours
Nieuw Mathenesse
A20 area development
Policy mediation" "Example (fictional)" "Focus experiment of the opgaveteam" "Other experiment" || return 1
	[ "$(demo_sql "$T/en.db" "SELECT count(*) FROM experiment WHERE title = 'Alternative participation ladder'
		AND description LIKE '%participatierechter%'")" = 1 ] || { why "the alternative ladder"; return 1; }
	[ "$(demo_sql "$T/en.db" "SELECT count(*) FROM experiment WHERE description LIKE '%twelve%'
		OR description LIKE '%three %' OR description LIKE '%five %' OR description LIKE '%two %'")" = 0 ] ||
		{ why "a description counts what the handbook does not"; return 1; }
}

# The focus experiments on the Board: the filter shows only them (nine in
# the demo), and a focus card says what it is under its title.
t_tmux_demo_focus_experiments_on_the_board() {
	"$PACT_PLAIN" --lang nl --db "$T/p.db" demo >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl --db "$T/p.db" || return 1
	wait_for "Stappenplan" && tm send-keys -t p 2 / && wait_for "Alleen focusexperimenten" || return 1
	tm send-keys -t p Tab Tab Tab Tab Right && wait_for "< ja >" && tm send-keys -t p C-d || return 1
	wait_for "Filter: focusexperimenten" && wait_for "Idee (0)" && wait_for "Voorbereiding (2)" || return 1
	# the four columns in view hold six of the nine (three are Anchored)
	[ "$(screen_text | sed -n 2p | grep -oE '\([0-9]+\)' | tr -d '()' | awk '{ s += $1 } END { print s }')" = 6 ] ||
		{ why "first four columns: $(screen_text | sed -n 2p)"; return 1; }
	tm send-keys -t p Right Enter && wait_for "Focusexperiment van het opgaveteam" || return 1
	tm send-keys -t p Escape x && wait_gone "Filter: focusexperimenten" && wait_for "Idee (5)" || return 1
}
