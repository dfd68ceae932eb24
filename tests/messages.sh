# What a new user reads when a value is wrong or a label could be misread,
# in a real terminal at 80x24, mostly in Dutch.

msg_db() { echo "$T/.local/share/pact/pact.db"; }

# msg_card TITLE: a card on the Board, in column Idea.
msg_card() {
	mkdir -p "$(dirname "$(msg_db)")" && printf 'title,owner\n%s,Sem\n' "$1" >"$T/x.csv" &&
		"$PACT_PLAIN" --db "$(msg_db)" import experiments "$T/x.csv" >/dev/null 2>&1
}

# A wrong session date gets the message every date field gives, naming
# both ways of writing a date (the form itself shows DD-MM-YYYY), not
# "in de vorm JJJJ-MM-DD".
t_tmux_messages_session_date_names_both_forms() {
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 3 && wait_for "Opreksessies" || return 1
	tm send-keys -t p n && wait_for "┌─ Nieuwe sessie" || return 1
	tm send-keys -t p Wijkavond Tab Tab Tab Tab C-u 31-02-2026 C-d &&
		wait_for "datum: '31-02-2026' is geen geldige datum; schrijf bijvoorbeeld" &&
		wait_for "27-11-2026 of 2026-11-27" || return 1
	if screen_text | grep -q "JJJJ"; then why "the message still names only JJJJ-MM-DD"; return 1; fi
	tm send-keys -t p C-u morgen C-d && wait_for "datum: 'morgen' is geen geldige datum" || return 1
	# what the message says is read is read
	tm send-keys -t p C-u 7-12-2026 C-d && wait_gone "┌─ Nieuwe sessie" || return 1
	[ "$(sqlite3 "$(msg_db)" "SELECT date FROM session")" = 2026-12-07 ] || { why "stored: $(sqlite3 "$(msg_db)" "SELECT date FROM session")"; return 1; }
	tm send-keys -t p Escape q && wait_exit 0
}

# The Board's end-before-start message writes both dates as the form does
# (Dutch 28-02-2027), not as stored (2027-02-28); in English as ISO.
t_tmux_messages_card_dates_as_the_form_shows_them() {
	msg_card Buurtmoestuin || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 2 && wait_for "Buurtmoestuin" || return 1
	tm send-keys -t p E && wait_for "┌─ Experimentkaart" || return 1
	tm send-keys -t p Tab Tab Tab Tab Tab Tab Tab Tab C-u 1-3-2027 Tab C-u 28-2-2027 C-d &&
		wait_for "einddatum: 28-02-2027 ligt voor de startdatum 01-03-2027" || return 1
	tm send-keys -t p Escape && wait_for "Weet je het zeker?" && tm send-keys -t p Left Enter &&
		wait_gone "┌─ Experimentkaart" && tm send-keys -t p q && wait_exit 0 || return 1
	PANE=en start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	PANE=en wait_for "1 Wizard" && tm send-keys -t en 2 && PANE=en wait_for "Buurtmoestuin" || return 1
	tm send-keys -t en E && PANE=en wait_for "┌─ Experiment card" || return 1
	tm send-keys -t en Tab Tab Tab Tab Tab Tab Tab Tab C-u 1-3-2027 Tab C-u 28-2-2027 C-d &&
		PANE=en wait_for "end date: 2027-02-28 is before the start date 2027-03-01"
}

# Goal reached is required (the schema keeps it NOT NULL; the README offers
# "leave empty" only for the public-value scales): empty says it is empty,
# a word says to write a whole number from 1 to 5; neither offers 12, nor
# does a word in a scale.
t_tmux_messages_evaluation_one_to_five() {
	msg_card Wijkbudget || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 2 && wait_for "Wijkbudget" || return 1
	tm send-keys -t p e && wait_for "┌─ Evaluatie" || return 1
	tm send-keys -t p C-u C-d && wait_for "doel bereikt: leeg; schrijf een geheel getal van 1 tot en met 5" || return 1
	tm send-keys -t p goed C-d && wait_for "doel bereikt: 'goed' is geen geheel getal; schrijf een geheel getal van" &&
		wait_for "1 tot en met 5" || return 1
	if screen_text | grep -q "bijvoorbeeld 12"; then why "the hint names 12, out of range"; return 1; fi
	[ "$(sqlite3 "$(msg_db)" "SELECT count(*) FROM evaluation")" = 0 ] || { why "a wrong form was stored"; return 1; }
	# goal 4 and who evaluated it; then a word for satisfaction
	tm send-keys -t p C-u 4 Tab Tab Tab Tab Tab Tab Tab Tab Tab "Pool" Tab Tab Tab Tab veel C-d &&
		wait_for "tevredenheid: 'veel' is geen geheel getal; schrijf een geheel getal" || return 1
	if screen_text | grep -q "bijvoorbeeld 12"; then why "the hint names 12, out of range"; return 1; fi
	tm send-keys -t p C-u C-d && wait_for "Evaluatie opgeslagen." || return 1
	tm send-keys -t p q && wait_exit 0
}

# The evaluation form and the Library's case name the same answer the same
# way: "Wat niet werkte" (not "Wat werkte niet"), "What did not work" (not
# "What did not").
t_tmux_messages_not_worked_same_in_form_and_case() {
	msg_card Wijkbudget || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 2 && wait_for "Wijkbudget" || return 1
	tm send-keys -t p e && wait_for "┌─ Evaluatie" && wait_for "Wat niet werkte" || return 1
	tm send-keys -t p C-u 4 Tab Tab Tab "Alles" Tab "De avond was te laat" Tab Tab Tab Tab Tab "Pool" C-d &&
		wait_for "Evaluatie opgeslagen." || return 1
	tm send-keys -t p 5 && wait_for "1 casus" && tm send-keys -t p Enter && wait_for "┌─ Casus" || return 1
	page_until "Wat niet werkte" && wait_for "De avond was te laat" || return 1
	if screen_text | grep -q "Wat werkte niet"; then why "the case says 'Wat werkte niet'"; return 1; fi
	tm send-keys -t p Escape q && wait_exit 0 || return 1
	PANE=en start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	PANE=en wait_for "1 Wizard" && tm send-keys -t en 2 && PANE=en wait_for "Wijkbudget" || return 1
	tm send-keys -t en e && PANE=en wait_for "┌─ Evaluation" && PANE=en wait_for "What did not work" || return 1
	tm send-keys -t en Escape && PANE=en wait_gone "┌─ Evaluation" || return 1
	tm send-keys -t en 5 && PANE=en wait_for "1 case" && tm send-keys -t en Enter && PANE=en wait_for "┌─ Case" || return 1
	PANE=en wait_for "What did not work" && PANE=en wait_for "De avond was te laat"
}

# No budget pots: the way to add one on this screen first (P, then n), the
# command line second; and P then n does open the new pot's form.
t_tmux_messages_no_budget_pots_says_p_then_n() {
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 2 && wait_for "Idee (0)" || return 1
	tm send-keys -t p B && wait_for "┌─ Budgetpotten" &&
		wait_for "Nog geen budgetpotten. Voeg er hier een toe: druk op het Bord op P en dan" &&
		wait_for "op n. Of importeer ze met: pact import budgets BESTAND" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Budgetpotten" || return 1
	tm send-keys -t p P && wait_for "┌─ Budgetpotten" && tm send-keys -t p n && wait_for "┌─ Nieuwe budgetpot" || return 1
	tm send-keys -t p Escape Escape q && wait_exit 0 || return 1
	PANE=en start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	PANE=en wait_for "1 Wizard" && tm send-keys -t en 2 B &&
		PANE=en wait_for "No budget pots yet. To add one here, press P on the Board and then n." || return 1
}

# The card's Team field says it takes people's names with commas between
# them (a team's name is not a person in the register); whole at 80
# columns, the fields still beside their labels.
t_tmux_messages_card_team_label() {
	local lang label title
	msg_card Wijkbudget || return 1
	for lang in nl en; do
		if [ $lang = nl ]; then label="Team (namen, met komma's ertussen) "; title="Experimentkaart"
		else label="Team (names, comma-separated)"; title="Experiment card"; fi
		PANE=$lang start_pact 80x24 LANG=C.UTF-8 -- --lang $lang || return 1
		tm send-keys -t $lang 2 && PANE=$lang wait_for "Wijkbudget" || return 1
		tm send-keys -t $lang E && PANE=$lang wait_for "┌─ $title" || return 1
		tm send-keys -t $lang Tab Tab Tab Tab Tab "Samira, Ahmed" && PANE=$lang wait_for "$label" || return 1
		PANE=$lang screen_text | grep -F -- "$label" | grep -q "Samira, Ahmed" ||
			{ why "($lang) the team is not beside its label: $(PANE=$lang screen_text | grep -F Team)"; return 1; }
		PANE=$lang screen_text | grep -F -- "Team" | grep -q "…" && { why "($lang) the label is cut"; return 1; }
	done
	return 0
}

# The list of ideas heads the late column "Te laat" (a bare "Laat" reads
# as "let"), and the session's line of cards says that Idee is the card's
# column on the Board; English likewise.
t_tmux_messages_late_header_and_card_column() {
	local lang
	for lang in nl en; do
		rm -rf "$T/.local/share/pact"
		"$PACT" session new "Wijkavond" >/dev/null && "$PACT" idea add 1 "Een buurtmoestuin" >/dev/null || return 1
		PANE=$lang start_pact 80x24 LANG=C.UTF-8 -- --lang $lang brainstorm 1 || return 1
		tm send-keys -t $lang Escape Home B || return 1
		if [ $lang = nl ]; then
			PANE=$lang wait_for " Te laat Idee" &&
				PANE=$lang wait_for "Kaarten op het Bord (L toont ze): Een buurtmoestuin (kolom Idee)" || return 1
		else
			PANE=$lang wait_for " Late    Idea" &&
				PANE=$lang wait_for "Cards on the Board (L lists them): Een buurtmoestuin (column Idea)" || return 1
		fi
		tm send-keys -t $lang q && PANE=$lang wait_exit 0 || return 1
	done
}
