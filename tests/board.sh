# The Board panel in a real terminal: cards made, moved between and within
# columns, stopped at Anchored without an evaluation, their history shown,
# deleted with confirmation; and the sideways scrolling at 80 columns.

board_db() { echo "$T/.local/share/pact/pact.db"; }

# The titles of a column top to bottom, "|" between.
board_column() {
	sqlite3 "$(board_db)" "SELECT group_concat(title, '|') FROM (SELECT title FROM experiment WHERE status = '$1' ORDER BY position, id)"
}

# new_card TITLE OWNER: through the New experiment form.
new_card() {
	tm send-keys -t p n && wait_for "New experiment" || return 1
	tm send-keys -t p "$1" Tab "$2" C-d && wait_for "New card in Idea." && wait_gone "┌─ New experiment"
}

t_tmux_board_cards_move_through_columns() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	wait_for "More columns: Anchored, Stopped →" || return 1
	new_card "Woonvisie" "Fatima" && wait_for "Idea (1)" || return 1
	new_card "Ideeënloodser" "Jan" && wait_for "Idea (2)" && wait_for "Jan · Other" || return 1
	[ "$(board_column idea)" = "Woonvisie|Ideeënloodser" ] || { why "idea column: $(board_column idea)"; return 1; }
	# K moves the new card above the first; J back down.
	tm send-keys -t p K
	for i in $(seq 1 100); do [ "$(board_column idea)" = "Ideeënloodser|Woonvisie" ] && break; sleep 0.02; done
	[ "$(board_column idea)" = "Ideeënloodser|Woonvisie" ] || { why "after K: $(board_column idea)"; return 1; }
	# Through the columns to Evaluating; the view follows the card.
	tm send-keys -t p '>' && wait_for "Moved to Preparing." && wait_for "Preparing (1)" || return 1
	tm send-keys -t p '>' && wait_for "Moved to Running." || return 1
	tm send-keys -t p '>' && wait_for "Moved to Evaluating." && wait_for "Evaluating (1)" || return 1
	# No evaluation: not anchored.
	tm send-keys -t p '>' && wait_for "Anchored needs a completed evaluation" && wait_for "┌─ Evaluation" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Evaluation" || return 1
	[ "$(board_column evaluating)" = "Ideeënloodser" ] || { why "evaluating: $(board_column evaluating)"; return 1; }
	[ -z "$(board_column anchored)" ] || { why "anchored without evaluation"; return 1; }
	# With an evaluation it goes, and the board scrolls to show Anchored.
	sqlite3 "$(board_db)" "INSERT INTO evaluation(uuid, experiment_id, goal, repeat, evaluated_by, date) SELECT hex(randomblob(16)), id, 4, 'yes', 'Pool', '2026-11-27' FROM experiment WHERE title = 'Ideeënloodser'" || return 1
	tm send-keys -t p '>' && wait_for "Moved to Anchored." && wait_for "Anchored (1)" || return 1
	wait_for "More columns: ← Idea" || return 1
	# The history, in order.
	tm send-keys -t p Enter && wait_for "History" || return 1
	wait_for "new in Idea" && wait_for "Idea → Preparing" && wait_for "Evaluating → Anchored" || return 1
	[ "$(sqlite3 "$(board_db)" "SELECT count(*) FROM experiment_event e JOIN experiment x ON x.id = e.experiment_id WHERE x.title = 'Ideeënloodser'")" = 5 ] ||
		{ why "history rows"; return 1; }
	# Delete asks first; No keeps the card, Yes removes it.
	tm send-keys -t p Escape && wait_gone "History" || return 1
	tm send-keys -t p d && wait_for "Delete this experiment card" || return 1
	tm send-keys -t p Escape && wait_gone "Delete this experiment card" || return 1
	[ "$(board_column anchored)" = "Ideeënloodser" ] || { why "Esc deleted the card"; return 1; }
	tm send-keys -t p d && wait_for "Delete this experiment card" && tm send-keys -t p y && wait_for "Card deleted." || return 1
	wait_for "Anchored (0)" || return 1
	[ "$(sqlite3 "$(board_db)" "SELECT count(*) FROM experiment_event")" = 1 ] || { why "history of the deleted card remains"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

# wait_soon TEXT: like wait_for, but TEXT must show within 2 s (a change
# made elsewhere reaches the screen within a second or two).
wait_soon() { wait_for "$1" 100; }

# Another program changes the database: the Board and an open list of
# budget pots read it again without a key pressed; our own writes show
# without the screen reading again by hand.
t_tmux_board_refreshes_when_the_database_changes() {
	local db
	db=$(board_db)
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	sqlite3 "$db" "INSERT INTO experiment(uuid, title, owner, track, status, position, created_at, updated_at) VALUES ('c1', 'Buurtbudget', 'Noor', 'contact', 'idea', 1, '2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z')" || return 1
	wait_soon "Buurtbudget" && wait_soon "Idea (1)" || return 1
	sqlite3 "$db" "UPDATE experiment SET status = 'preparing', position = 1 WHERE uuid = 'c1'" || return 1
	wait_soon "Preparing (1)" && wait_soon "Idea (0)" || return 1
	new_card "Wijkschouw" "Sem" && wait_for "Idea (1)" && wait_for "Wijkschouw" || return 1
	tm send-keys -t p '>' && wait_for "Moved to Preparing." && wait_for "Preparing (2)" || return 1
	tm send-keys -t p P && wait_for "┌─ Budget pots" || return 1
	sqlite3 "$db" "INSERT INTO budget_pot(uuid, name, year, amount) VALUES ('p1', 'Wijkfonds', 2026, 250000)" || return 1
	wait_soon "Wijkfonds" && wait_soon "€2,500.00" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Budget pots" || return 1
	tm send-keys -t p q && wait_exit 0
}

t_tmux_board_refuses_an_empty_title() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	tm send-keys -t p n && wait_for "New experiment" && tm send-keys -t p "   " C-d || return 1
	wait_for "title: empty" && screen_text | grep -q "┌─ New experiment" || { why "the form closed on an empty title"; return 1; }
	[ "$(sqlite3 "$(board_db)" "SELECT count(*) FROM experiment")" = 0 ] || { why "a card was stored"; return 1; }
}

t_tmux_board_narrow_terminal_scrolls() {
	start_pact 60x16 LANG=C.UTF-8 || return 1
	wait_for "Board" && tm send-keys -t p 2 && wait_for "Idea (0)" || return 1
	wait_for "More columns: Evaluating, Anchored, Stopped →" || return 1
	screen_text | grep -q "Evaluating (0)" && { why "Evaluating shown at 60 columns"; return 1; }
	tm send-keys -t p l l l l l && wait_for "Stopped (0)" && wait_for "More columns: ← Idea, Preparing, Running" || return 1
	screen_text | grep -q "Idea (0)" && { why "Idea still shown"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

# Issue 6: an advice becomes an experiment card with its title, rung and
# best-fitting work form; the same advice twice gives one card.
t_tmux_advice_to_board_card() {
	local db=$T/.local/share/pact/pact.db got
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && wait_for "No advice yet" || return 1
	new_advice "Nieuwe lantaarnpalen" || return 1
	tm send-keys -t p Down Enter && wait_for "Advice: Inform" && wait_for "Saved as advice 1" || return 1
	tm send-keys -t p b && wait_for "On the Board as a new card in Idea" || return 1
	got=$(sqlite3 "$db" "SELECT x.title || '|' || x.rung || '|' || (x.werkvorm = trim(substr(a.forms, 1, instr(a.forms || ';', ';') - 1))) || '|' || (length(x.werkvorm) > 0) FROM experiment x JOIN advice a ON a.uuid = x.advice_uuid")
	[ "$got" = "Nieuwe lantaarnpalen|informeren|1|1" ] || { why "card: $got"; return 1; }
	# From the list, the same advice: no second card.
	tm send-keys -t p Escape && wait_for "Nieuwe lantaarnpalen" || return 1
	tm send-keys -t p b && wait_for "This advice is on the Board already" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM experiment")" = 1 ] || { why "a second card"; return 1; }
	tm send-keys -t p 2 && wait_for "Idea (1)" && wait_for "Nieuwe lantaarnp" && wait_for "Ans · Other" || return 1
	tm send-keys -t p Enter && wait_for "Rung: Inform" || return 1
	wait_for "Work form: $(sqlite3 "$db" "SELECT werkvorm FROM experiment")" || return 1
	tm send-keys -t p Escape && wait_gone "Rung: Inform" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Anchored without an evaluation opens the form; a wrong field is named and
# keeps the form open; a completed form anchors the card.
t_tmux_board_evaluation_form_anchors() {
	local got
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	new_card "Klantreis dienstverlening" "Sanne" || return 1
	tm send-keys -t p '>' '>' '>' && wait_for "Evaluating (1)" || return 1
	tm send-keys -t p '>' && wait_for "┌─ Evaluation" && wait_for "Anchored needs a completed evaluation" || return 1
	tm send-keys -t p 9 C-d && wait_for "goal reached: '9' is too large; write a whole number from 1 to 5" || return 1
	[ "$(sqlite3 "$(board_db)" "SELECT count(*) FROM evaluation")" = 0 ] || { why "a wrong form was stored"; return 1; }
	tm send-keys -t p BSpace 4 Tab 23 Tab "bewoners en ondernemers" Tab "Klantreizen lopen" Tab Tab "Begin klein" Tab "Geen casuïstiek zonder bewoners" \
		Tab Right Right Tab "Loslaten werkt" Tab "Pool" Tab C-u "27-11-2026" C-d
	wait_for "Evaluation saved; moved to Anchored." && wait_for "Anchored (1)" || return 1
	got=$(sqlite3 "$(board_db)" "SELECT goal || '|' || participants || '|' || dos || '|' || donts || '|' || repeat || '|' || evaluated_by || '|' || date FROM evaluation")
	[ "$got" = "4|23|Begin klein|Geen casuïstiek zonder bewoners|changes|Pool|2026-11-27" ] || { why "evaluation: $got"; return 1; }
	[ "$(board_column anchored)" = "Klantreis dienstverlening" ] || { why "not anchored"; return 1; }
	# e opens the form again, filled in.
	tm send-keys -t p e && wait_for "┌─ Evaluation" && wait_for "Goal reached (1–5) 4" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Evaluation" || return 1
	# The don't is found in the Library, typed without and with diacritics.
	tm send-keys -t p 5 && wait_for "Cases:" && wait_for "1 case" || return 1
	tm send-keys -t p / c a s u i s t i e k && wait_for "Search: casuistiek" && wait_for "1 case matches" &&
		wait_for "Klantreis dienstverlening" && wait_for "Geen casuïstiek zonder bewoners" || return 1
	# the match is marked: its own colours start before it and end after it
	tm capture-pane -p -e -t p | grep -qE "Geen ("$'\e''\[[0-9;]*m)+casuïstiek('$'\e''\[[0-9;]*m)+ zonder' ||
		{ why "the match is not marked"; tm capture-pane -p -e -t p | grep casu | cat -v >&2; return 1; }
	tm send-keys -t p C-u && wait_for "1 case" && tm send-keys -t p xyz && wait_for "0 cases match" &&
		wait_for "No case matches" || return 1
	tm send-keys -t p C-u "casuïst" && wait_for "1 case matches" && tm send-keys -t p Enter &&
		wait_for "┌─ Case" && wait_for "Don'ts" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Case" && tm send-keys -t p Escape x && wait_for "Press / and type" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Reading a case found by a search ends the typing: Esc comes back to the
# list with the search kept and the list's keys working, so x clears the
# search instead of being typed into it (the Dutch review: "residx").
t_tmux_library_read_case_then_list_keys() {
	"$PACT_PLAIN" --db "$T/pact.db" demo >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 LANGUAGE=nl -- --db "$T/pact.db" || return 1
	wait_for "[1 Stappenplan]" && tm send-keys -t p 5 && wait_for "5 casussen" || return 1
	tm send-keys -t p / r e s i d && wait_for "Zoeken: resid" && wait_for "4 casussen gevonden" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Casus" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Casus" && wait_for "Zoeken: resid" && wait_for "4 casussen gevonden" || return 1
	# a list key: x clears the search
	tm send-keys -t p x && wait_for "Druk op / en typ" && wait_for "5 casussen" || return 1
	# / types on in the search line again
	tm send-keys -t p / n e t w o r k && wait_for "Zoeken: network" && wait_for "1 casus gevonden" || return 1
	tm send-keys -t p Escape q && wait_exit 0
}

# The budget view: per pot the amount, planned, spent and remaining, in the
# language's way of writing amounts, and a warning when a pot is overspent.
t_tmux_board_budget_overspend_warning() {
	local db=$T/.local/share/pact/pact.db
	mkdir -p "$(dirname "$db")"
	printf 'name,year,amount\nPact met de stad,2019,"100.000"\nOpen Schiedam,2019,150000\n' >"$T/pots.csv"
	"$PACT" --db "$db" import budgets "$T/pots.csv" 2>/dev/null || return 1
	printf 'title,budget,planned,spent\nWoonvisie,%s,"90.000","100.000,01"\nKlantreis,%s,"12.500,50",0\n' \
		"$(sqlite3 "$db" "SELECT uuid FROM budget_pot WHERE name = 'Pact met de stad'")" \
		"$(sqlite3 "$db" "SELECT uuid FROM budget_pot WHERE name = 'Pact met de stad'")" >"$T/ex.csv"
	"$PACT" --db "$db" import experiments "$T/ex.csv" 2>/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 B && wait_for "┌─ Budget pots" || return 1
	wait_for "pot €100,000.00   planned €102,500.50" && wait_for "spent €100,000.01   remaining -€0.01" || return 1
	wait_for "2 experiments draw on it." && wait_for "! Planned is over the pot by €2,500.50." &&
		wait_for "! Spent is over the pot by €0.01." || return 1
	wait_for "pot €150,000.00   planned €0.00" || return 1
	tm send-keys -t p q q && wait_exit 0 || return 1
	PANE=nl start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	PANE=nl wait_for "(2)" && tm send-keys -t nl 2 B && PANE=nl wait_for "€ 100.000,00" &&
		PANE=nl wait_for "€ -0,01" || return 1
}

# Costs that are no experiment: c in the pots list (P) opens the marked
# pot's costs; a new one (refused without an amount, named) is counted as
# spent in the budget view (B), listed under its pot, with the total of
# the year's two pots; in Dutch the same, the Dutch way.
t_tmux_board_pot_costs() {
	local db=$T/.local/share/pact/pact.db
	mkdir -p "$(dirname "$db")"
	printf 'name,year,amount\nPact met de stad,2019,"100.000"\nOpen Schiedam,2019,150000\n' >"$T/pots.csv"
	"$PACT_PLAIN" --db "$db" import budgets "$T/pots.csv" 2>/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 P && wait_for "┌─ Budget pots" || return 1
	tm send-keys -t p End c && wait_for "┌─ Costs of Pact met de stad (2019)" && wait_for "Nothing here yet" || return 1
	tm send-keys -t p n && wait_for "┌─ New cost" && wait_for "< Pact met de stad (2019) >" || return 1
	tm send-keys -t p Tab "Handreiking ontwikkelen" Tab C-u 1-3-2019 C-d &&
		wait_for "amount: give the amount in euros, for example 1.250,00" || return 1
	tm send-keys -t p "12.500,01" C-d && wait_gone "┌─ New cost" &&
		wait_for "2019-03-01 €12,500.01       Handreiking ontwikkelen" || return 1
	[ "$(sqlite3 "$db" "SELECT c.amount || '|' || c.date || '|' || p.name FROM pot_cost c JOIN budget_pot p ON p.id = c.pot_id")" = "1250001|2019-03-01|Pact met de stad" ] ||
		{ why "the cost was not stored on its pot"; return 1; }
	tm send-keys -t p Escape Escape && wait_gone "┌─ Budget pots" && tm send-keys -t p B && wait_for "┌─ Budget pots" || return 1
	wait_for "pot €100,000.00   planned €12,500.01" && wait_for "spent €12,500.01   remaining €87,499.99" &&
		wait_for "1 cost outside the experiments:" && wait_for "2019-03-01  €12,500.01  Handreiking ontwikkelen" || return 1
	tm send-keys -t p End && wait_for "Total per year" &&
		wait_for "2019: €250,000.00 in 2 pots; planned €12,500.01, spent €12,500.01," &&
		wait_for "remaining €237,499.99" || return 1
	tm send-keys -t p Escape q && wait_exit 0 || return 1
	PANE=nl start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	PANE=nl wait_for "[2 Bord]" && tm send-keys -t nl 2 B && PANE=nl wait_for "1 kostenpost buiten de experimenten:" &&
		PANE=nl wait_for "01-03-2019  € 12.500,01  Handreiking ontwikkelen" || return 1
	tm send-keys -t nl End && PANE=nl wait_for "Totaal per jaar" &&
		PANE=nl wait_for "2019: € 250.000,00 in 2 potten; gepland € 12.500,01, besteed" || return 1
}

# The filter: by text, owner and track, shown while active, cleared with x.
t_tmux_board_filter() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	new_card "Woonvisie in co-design" "Fatima" || return 1
	new_card "Klantreis dienstverlening" "Jan" || return 1
	new_card "Wijknetwerk" "Jan" || return 1
	wait_for "Idea (3)" || return 1
	tm send-keys -t p / && wait_for "┌─ Filter the board" || return 1
	tm send-keys -t p Tab jan C-d && wait_for 'Filter: owner "jan"  (x clears)' && wait_for "Idea (2)" || return 1
	screen_text | grep -q "Woonvisie" && { why "Fatima's card shows under owner jan"; return 1; }
	tm send-keys -t p / && wait_for "┌─ Filter the board" && tm send-keys -t p KLANT C-d &&
		wait_for 'Filter: text "KLANT" owner "jan"' && wait_for "Idea (1)" && wait_for "Klantreis" || return 1
	tm send-keys -t p / && wait_for "┌─ Filter the board" && tm send-keys -t p C-u Tab C-u Tab Tab Right Right Right C-d &&
		wait_for "Filter: track Letting go" && wait_for "No card matches the filter" || return 1
	tm send-keys -t p x && wait_for "Filter cleared" && wait_for "Idea (3)" || return 1
	screen_text | grep -q "Filter:" && { why "the filter line stayed"; return 1; }
	tm send-keys -t p q && wait_exit 0
}

# The card form: every field, checked on save with the field named.
t_tmux_board_card_form_edits_every_field() {
	local got db
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	db=$(board_db)
	wait_for "[1 Wizard]" || return 1
	sqlite3 "$db" "INSERT INTO budget_pot(uuid, name, year, amount) VALUES ('p1', 'Open Schiedam', 2019, 15000000)" || return 1
	tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	new_card "Woonvisie" "Fatima" || return 1
	tm send-keys -t p E && wait_for "┌─ Experiment card" && wait_for "Title" || return 1
	# description (two lines), track, opgave, owner, team, rung, work form, dates
	tm send-keys -t p Tab "Samen schrijven" Enter "met bewoners" Tab Right Right Right Tab Right Tab C-u Anouk Tab Wonen \
		Tab Right Right Right Right Tab Right Tab "1-3-2019" Tab "2019-02-01" C-d
	wait_for "end date: 2019-02-01 is before the start date 2019-03-01" || return 1
	[ "$(sqlite3 "$db" "SELECT owner FROM experiment")" = Fatima ] || { why "a refused form was stored"; return 1; }
	# end date right, then pot, planned, spent, reached, two groups, notes
	tm send-keys -t p C-u "30-6-2019" Tab Right Tab "1.500,50" Tab 800 Tab 120 Tab Right Tab Tab Right Tab Tab "Loopt goed" C-d
	wait_for "Card saved." && wait_gone "┌─ Experiment card" || return 1
	# the owner and team typed are not in the register of people: No keeps them as text only
	wait_for "Not in the register of people: Anouk, Wonen." && tm send-keys -t p n && wait_gone "Not in the register" || return 1
	got=$(sqlite3 "$db" "SELECT description || '|' || track || '|' || opgave || '|' || owner || '|' || team || '|' || rung || '|' || werkvorm || '|' ||
		start_date || '|' || end_date || '|' || (SELECT name FROM budget_pot WHERE id = pot_id) || '|' || planned || '|' || spent || '|' ||
		reached || '|' || groups || '|' || notes FROM experiment")
	[ "$got" = "Samen schrijven
met bewoners|letting-go|$(sqlite3 "$db" "SELECT name FROM opgave ORDER BY name COLLATE NOCASE LIMIT 1")|Anouk|Wonen|coproduceren|$(sqlite3 "$db" "SELECT name FROM werkvorm WHERE type = 'werkvorm' ORDER BY name COLLATE NOCASE LIMIT 1")|2019-03-01|2019-06-30|Open Schiedam|150050|80000|120|residents,institutions|Loopt goed" ] ||
		{ why "card: $got"; return 1; }
	wait_for "Ano… · Letting go" || return 1
	# the form opens with what was saved; a wrong amount is named, and the focus goes
	# to it (saved from the title field), so typing fixes it
	tm send-keys -t p E && wait_for "Samen schrijven" && wait_for "Anouk" || return 1
	for i in $(seq 1 11); do tm send-keys -t p Tab; done
	tm send-keys -t p C-u veel || return 1
	for i in $(seq 1 11); do tm send-keys -t p BTab; done
	tm send-keys -t p C-d && wait_for "planned: " || return 1
	[ "$(sqlite3 "$db" "SELECT planned FROM experiment")" = 150050 ] || { why "planned changed"; return 1; }
	tm send-keys -t p C-u 99 C-d && wait_for "Card saved." || return 1
	[ "$(sqlite3 "$db" "SELECT planned || '|' || title FROM experiment")" = "9900|Woonvisie" ] || { why "the fix did not land in Planned"; return 1; }
	wait_for "Not in the register of people" && tm send-keys -t p n && wait_gone "Not in the register" || return 1
	tm send-keys -t p q && wait_exit 0
}

# Opgaven and budget pots are edited from the Board; the monitoring
# dashboard charts the demo's figures.
t_tmux_board_pots_opgaven_and_monitoring() {
	local db=$T/.local/share/pact/pact.db
	mkdir -p "$(dirname "$db")"
	"$PACT" --db "$db" demo >/dev/null || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Idea (5)" || return 1
	tm send-keys -t p '<' && wait_for "Idea is the first column" || return 1
	tm send-keys -t p M && wait_for "┌─ Monitoring" && wait_for "Experiments per column (21 in all)" &&
		wait_for "Running    " && wait_for "People reached per month" || return 1
	page_until "Target groups reached by the 12 experiments that ran" &&
		wait_for "Residents" && wait_for "92% (11)" && page_until "Participation rungs used" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Monitoring" || return 1
	tm send-keys -t p P && wait_for "┌─ Budget pots" && wait_for "€150,000.00" || return 1
	tm send-keys -t p n && wait_for "┌─ New budget pot" && tm send-keys -t p "Wijkbudget" Tab 20x Tab 5000 C-d &&
		wait_for "year: " || return 1
	tm send-keys -t p C-u 2020 C-d && wait_gone "┌─ New budget pot" && wait_for "Wijkbudget" && wait_for "€5,000.00" || return 1
	[ "$(sqlite3 "$db" "SELECT amount FROM budget_pot WHERE name = 'Wijkbudget' AND year = 2020")" = 500000 ] || { why "pot not stored"; return 1; }
	# delete names the pot and asks first
	tm send-keys -t p End d && wait_for "Delete the budget pot Wijkbudget?" && tm send-keys -t p y && wait_gone "Wijkbudget" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM budget_pot")" = 2 ] || { why "pot not deleted"; return 1; }
	tm send-keys -t p Escape && wait_gone "┌─ Budget pots" || return 1
	# the shipped opgaven are examples, and the list says so
	tm send-keys -t p O && wait_for "┌─ Opgaven: the college's main tasks" && wait_for "Binnenstad" || return 1
	screen_text | grep -qE "│ Binnenstad +example to edit +│" || { why "Binnenstad not marked as an example"; screen_text >&2; return 1; }
	tm send-keys -t p n && wait_for "┌─ New opgave" && tm send-keys -t p Binnenstad C-d && wait_for 'opgave: "Binnenstad" is on the list already' || return 1
	tm send-keys -t p C-u Klimaat C-d && wait_gone "┌─ New opgave" && wait_for "Klimaat" || return 1
	screen_text | grep -qE "│ Klimaat +│" || { why "the programme's own opgave is marked"; screen_text >&2; return 1; }
	tm send-keys -t p Escape && wait_gone "┌─ Opgaven" || return 1
	tm send-keys -t p q && wait_exit 0
}

# pact demo: the programme's experiments in an empty database, never in one
# with records of its own.
t_board_demo_fills_only_an_empty_database() {
	local sum
	run "$PACT_SAN" --lang nl --db "$T/demo.db" demo
	expect_rc 0 && expect_in "$T/out" "21 experimenten" || return 1
	[ "$(sqlite3 "$T/demo.db" "SELECT name || ' ' || year || ' ' || amount FROM budget_pot ORDER BY name")" = "Open Schiedam 2019 15000000
Pact met de stad 2019 10000000" ] || { why "pots"; return 1; }
	[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM experiment WHERE title IN ('Woonvisie in co-design', 'Beleidsbemiddeling', 'Gebiedsontwikkeling A20', 'Ideeënloodser voor initiatieven uit de stad')")" = 4 ] || { why "titles"; return 1; }
	[ "$(sqlite3 "$T/demo.db" "SELECT count(DISTINCT status) FROM experiment")" = 6 ] || { why "not every column used"; return 1; }
	[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM experiment_event")" = 21 ] || { why "history"; return 1; }
	[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM case_fts WHERE case_fts MATCH 'casuistiek'")" = 1 ] || { why "library index"; return 1; }
	# in English, the same experiments in English
	run "$PACT_SAN" --db "$T/demo-en.db" demo
	expect_rc 0 && expect_in "$T/out" "21 experiments, 5 evaluations and 2 budget pots" || return 1
	[ "$(sqlite3 "$T/demo-en.db" "SELECT title FROM experiment WHERE uuid = '7d1c0c6e-2019-4b00-8000-000000000001'")" = "Housing vision in co-design" ] ||
		{ why "English demo titles"; return 1; }
	[ "$(sqlite3 "$T/demo-en.db" "SELECT group_concat(uuid || status, ',') FROM experiment")" = "$(sqlite3 "$T/demo.db" "SELECT group_concat(uuid || status, ',') FROM experiment")" ] ||
		{ why "the two languages' demos differ in more than words"; return 1; }
	# a second time: refused, the file unchanged
	sum=$(sha256sum <"$T/demo.db")
	run "$PACT_SAN" --db "$T/demo.db" demo
	expect_rc 3 && expect_in "$T/err" "the database is not empty (experiments: 21)" || return 1
	[ "$(sha256sum <"$T/demo.db")" = "$sum" ] || { why "a refused demo changed the file"; return 1; }
	# a file with only a session of its own is refused as well, and keeps it
	"$PACT_SAN" --db "$T/mine.db" session new "Eigen sessie" >/dev/null || return 1
	run "$PACT_SAN" --db "$T/mine.db" demo
	expect_rc 3 && expect_in "$T/err" "not empty (brainstorm sessions: 1)" || return 1
	[ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM experiment")" = 0 ] || { why "demo data mixed in"; return 1; }
	run "$PACT_SAN" --db "$T/demo.db" demo extra
	expect_rc 2
}

# In a choice field a letter jumps to the next choice that starts with it.
t_tmux_board_choice_jumps_by_letter() {
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "No experiments yet" || return 1
	new_card "Wijkavond" "Fatima" || return 1
	tm send-keys -t p E && wait_for "┌─ Experiment card" || return 1
	for i in 1 2 3 4 5 6 7; do tm send-keys -t p Tab; done
	tm send-keys -t p w && wait_for "< World Café >" || return 1
	tm send-keys -t p C-d && wait_for "Card saved." || return 1
	[ "$(sqlite3 "$(board_db)" "SELECT werkvorm FROM experiment")" = "World Café" ] || { why "work form: $(sqlite3 "$(board_db)" "SELECT werkvorm FROM experiment")"; return 1; }
}

# A file from before the example mark (schema 11): the shipped opgaven it
# still has become examples; one the programme renamed, or added, does not.
t_board_opgaven_examples_after_an_upgrade() {
	local db=$T/old.db
	awk '/^-- version 12/ { exit } { print }' "$ROOT/data/schema.sql" | sqlite3 "$db" || return 1
	sqlite3 "$db" "PRAGMA user_version = 11; UPDATE opgave SET name = 'Wonen en bouwen' WHERE name = 'Wonen';
		INSERT INTO opgave(uuid, name) VALUES ('o9', 'Klimaat')" || return 1
	run "$PACT_SAN" --db "$db" check
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "SELECT group_concat(name, '|') FROM (SELECT name FROM opgave WHERE NOT example ORDER BY name)")" = "Klimaat|Wonen en bouwen" ] ||
		{ why "not examples: $(sqlite3 "$db" "SELECT name, example FROM opgave")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM opgave WHERE example")" = 7 ] || { why "examples: $(sqlite3 "$db" "SELECT name, example FROM opgave")"; return 1; }
}
