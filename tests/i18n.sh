# Dutch and English: the language follows LANGUAGE (and --lang), screens
# and messages come from the catalogue, English stays the default.

t_tmux_screens_in_dutch_and_english() {
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && wait_for "2 Bord" && wait_for "3 Brainstorm" && wait_for "4 Stemmen" &&
		wait_for "5 Bibliotheek" || return 1
	tm send-keys -t p 2 && wait_for "Idee (0)" && wait_for "Voorbereiding (0)" && wait_for "Meer kolommen: Verankerd, Gestopt →" || return 1
	tm send-keys -t p 5 && wait_for "Casussen: do's en don'ts van geëvalueerde experimenten" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	# LANGUAGE alone does it too; without it, English
	PANE=q start_pact 80x24 LANG=C.UTF-8 LANGUAGE=nl || return 1
	PANE=q wait_for "1 Stappenplan" || return 1
	PANE=e start_pact 80x24 LANG=C.UTF-8 || return 1
	PANE=e wait_for "1 Wizard" && PANE=e wait_for "2 Board" && PANE=e wait_for "5 Library" || return 1
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
	expect_rc 2 && expect_in "$T/err" "demo takes no arguments"
}
