# The evaluation form's questions about fit with Schiedam, public value and
# diversity, in both languages at 80x24; sessions and advices evaluated with
# the same form and found in the Library; the evaluations CSV with its new
# columns and trajectories (round trip, an older file, hostile cells) and
# merging them.

eval_db() { echo "$T/.local/share/pact/pact.db"; }

# eval_fill: in an open evaluation form at its first field, fill in the
# goal, who evaluated it and the new questions (fits: partly).
eval_fill() {
	tm send-keys -t p C-u 4 Tab Tab Tab Tab Tab Tab Tab Tab Tab "Pool" Tab Tab Right Right Tab "Past bij de wijk" \
		Tab 4 Tab "Bewoners tevreden" Tab Tab "Nog niet gemeten" Tab 5 Tab Tab "Jongeren uit Nieuwland"
}

eval_row() {
	sqlite3 "$(eval_db)" "SELECT fits || '|' || fits_why || '|' || satisfaction || '|' || satisfaction_note || '|' || coalesce(support, '-') || '|' || support_note || '|' || legitimacy || '|' || diversity FROM evaluation"
}

eval_card() {
	mkdir -p "$(dirname "$(eval_db)")"
	printf 'title,owner\nWijkbudget,Sem\n' >"$T/x.csv"
	"$PACT_PLAIN" --db "$(eval_db)" import experiments "$T/x.csv" >/dev/null 2>&1
}

t_tmux_evaluation_form_new_questions_english() {
	eval_card || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Wijkbudget" || return 1
	tm send-keys -t p e && wait_for "┌─ Evaluation" || return 1
	eval_fill
	wait_for "Diversity reached" && wait_for "Legitimacy note" && wait_for "Legitimacy (1–5)" || return 1
	# a wrong scale is named, and nothing is stored
	tm send-keys -t p BTab BTab BTab BTab BTab BTab && wait_for "Satisfaction (1–5)" || return 1
	tm send-keys -t p C-u 7 C-d && wait_for "satisfaction: '7' is too large" || return 1
	[ "$(sqlite3 "$(eval_db)" "SELECT count(*) FROM evaluation")" = 0 ] || { why "a wrong form was stored"; return 1; }
	tm send-keys -t p BSpace 4 C-d && wait_for "Evaluation saved." || return 1
	[ "$(eval_row)" = "partly|Past bij de wijk|4|Bewoners tevreden|-|Nog niet gemeten|5|Jongeren uit Nieuwland" ] || { why "stored: $(eval_row)"; return 1; }
	# the card view shows them
	tm send-keys -t p Enter && wait_for "┌─ Experiment" && wait_for "Fits Schiedam: partly — Past bij de wijk" &&
		wait_for "Satisfaction: 4 / 5 — Bewoners tevreden" && wait_for "Support: Nog niet gemeten" || return 1
	tm send-keys -t p Escape && wait_gone "┌─ Experiment" || return 1
	# the Library's case: found by the diversity note, the answers in its view
	tm send-keys -t p 5 && wait_for "1 case" && tm send-keys -t p / n i e u w l a n d && wait_for "1 case matches" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Case" && wait_for "Legitimacy: 5 / 5" && wait_for "Diversity reached: Jongeren uit Nieuwland" || return 1
	tm send-keys -t p Escape Escape q && wait_exit 0
}

t_tmux_evaluation_form_new_questions_dutch() {
	eval_card || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "[1 Stappenplan]" || return 1
	tm send-keys -t p 2 && wait_for "Wijkbudget" || return 1
	tm send-keys -t p e && wait_for "┌─ Evaluatie" || return 1
	eval_fill
	wait_for "Bereikte diversiteit" && wait_for "Toelichting legitimiteit" && wait_for "Legitimiteit (1–5)" || return 1
	tm send-keys -t p BTab BTab BTab BTab BTab BTab BTab BTab && wait_for "Past bij Schiedam" &&
		wait_for "Waarom het past" && wait_for "Tevredenheid (1–5)" || return 1
	screen_text | grep -q "Past bij Schiedam.*gedeeltelijk" || { why "the choice: $(screen_text)"; return 1; }
	tm send-keys -t p C-d && wait_for "Evaluatie opgeslagen." || return 1
	[ "$(eval_row)" = "partly|Past bij de wijk|4|Bewoners tevreden|-|Nog niet gemeten|5|Jongeren uit Nieuwland" ] || { why "stored: $(eval_row)"; return 1; }
	tm send-keys -t p Enter && wait_for "Past bij Schiedam: gedeeltelijk — Past bij de wijk" &&
		wait_for "Draagvlak: Nog niet gemeten" && wait_for "Legitimiteit: 5 / 5" || return 1
	tm send-keys -t p Escape q && wait_exit 0
}

# A session (v in the session view) and an advice (v in the Stappenplan's
# list) are evaluated with the same form and are cases in the Library,
# saying what they evaluated.
t_tmux_evaluate_session_and_advice_in_library() {
	local db
	db=$(eval_db)
	mkdir -p "$(dirname "$db")"
	"$PACT_PLAIN" --db "$db" session new "Opreksessie havens" >/dev/null 2>&1 || return 1
	printf 'title,author,rung\nParkeren Singel,Ayse,co-produce\n' >"$T/a.csv"
	"$PACT_PLAIN" --db "$db" import advices "$T/a.csv" >/dev/null 2>&1 || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang en || return 1
	wait_for "[1 Wizard]" && wait_for "Parkeren Singel" || return 1
	tm send-keys -t p '?' && wait_for "Evaluate the marked advice once it was carried out" && tm send-keys -t p Escape || return 1
	tm send-keys -t p v && wait_for "┌─ Evaluation of the advice" || return 1
	tm send-keys -t p 3 Tab Tab Tab Tab Tab "Begin met de buurt" Tab Tab Tab Tab "Ayse" C-d && wait_for "Evaluation saved." || return 1
	tm send-keys -t p 3 && wait_for "Opreksessie havens" && tm send-keys -t p Enter && wait_for "Opreksessie havens  ·" || return 1
	tm send-keys -t p Escape && wait_for "COMMANDS" && tm send-keys -t p v && wait_for "┌─ Evaluation of the session" || return 1
	tm send-keys -t p 4 Tab Tab Tab Tab Tab "Stretch prompts werken" Tab Tab Tab Tab "Pool" C-d && wait_for "Evaluation saved." || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM evaluation WHERE session_id IS NOT NULL AND goal = 4") $(sqlite3 "$db" "SELECT count(*) FROM evaluation WHERE advice_id IS NOT NULL AND goal = 3")" = "1 1" ] ||
		{ why "stored: $(sqlite3 "$db" "SELECT * FROM evaluation")"; return 1; }
	tm send-keys -t p 5 && wait_for "2 cases" && wait_for "Session: Opreksessie havens" && wait_for "Advice: Parkeren Singel" || return 1
	tm send-keys -t p / s t r e t c h && wait_for "1 case matches" && tm send-keys -t p Enter &&
		wait_for "┌─ Case" && wait_for "Session: Opreksessie havens" && wait_for "Stretch prompts werken" || return 1
	tm send-keys -t p Escape Escape q && wait_exit 0
}

t_cli_evaluations_round_trip_with_trajectories() {
	local db=$T/a.db to=$T/b.db
	printf 'title,owner\nWijkbudget,Sem\n' >"$T/x.csv"
	"$PACT_SAN" --db "$db" import experiments "$T/x.csv" >/dev/null 2>&1 || return 1
	"$PACT_SAN" --db "$db" session new "Opreksessie havens" >/dev/null 2>&1 || return 1
	printf 'id,title\n6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b,Parkeren Singel\n' >"$T/a.csv"
	"$PACT_SAN" --db "$db" import advices "$T/a.csv" >/dev/null 2>&1 || return 1
	cat >"$T/e.csv" <<-CSV
	experiment,goal,repeat,evaluated_by,fits,fits_why,satisfaction,satisfaction_note,support,support_note,legitimacy,legitimacy_note,diversity,session,advice
	$(sqlite3 "$db" "SELECT uuid FROM experiment"),4,yes,Jan,partly,"Past, deels",4,Tevreden,,Onbekend,5,Raad steunt,Jongeren,,
	,3,no,Ayse,no,,,,2,,,,,Opreksessie havens,
	,5,changes,Pool,,,,,,,,,Ouderen,,Parkeren Singel
	CSV
	run "$PACT_SAN" --db "$db" import evaluations "$T/e.csv"
	expect_rc 0 || return 1
	run "$PACT_SAN" --db "$db" export evaluations "$T/out.csv"
	expect_rc 0 || return 1
	head -1 "$T/out.csv" | grep -q ',date,fits,fits_why,satisfaction,satisfaction_note,support,support_note,legitimacy,legitimacy_note,diversity,session,advice$' ||
		{ why "header: $(head -1 "$T/out.csv")"; return 1; }
	# the export brings everything into another file
	printf 'title,owner\nWijkbudget,Sem\n' >/dev/null
	for k in experiments sessions advices evaluations; do
		"$PACT_SAN" --db "$db" export $k "$T/$k.csv" >/dev/null 2>&1 && "$PACT_SAN" --db "$to" import $k "$T/$k.csv" >/dev/null 2>&1 || { why "$k"; return 1; }
	done
	local q="SELECT group_concat(coalesce(x.title, 'S:' || s.title, 'A:' || a.title) || '|' || coalesce(v.fits, '-') || '|' || coalesce(v.satisfaction, '-') || '|' || coalesce(v.support, '-') || '|' || v.diversity, ';') FROM (SELECT * FROM evaluation ORDER BY goal) v LEFT JOIN experiment x ON x.id = v.experiment_id LEFT JOIN session s ON s.id = v.session_id LEFT JOIN advice a ON a.id = v.advice_id"
	[ "$(sqlite3 "$to" "$q")" = "S:Opreksessie havens|no|-|2|;Wijkbudget|partly|4|-|Jongeren;A:Parkeren Singel|-|-|-|Ouderen" ] || { why "copied: $(sqlite3 "$to" "$q")"; return 1; }
	[ "$(sqlite3 "$to" "$q")" = "$(sqlite3 "$db" "$q")" ] || { why "not the same"; return 1; }
	# and again changes nothing
	run "$PACT_SAN" --db "$to" import evaluations "$T/evaluations.csv"
	expect_rc 0 && expect_in "$T/err" "0 new, 3 updated" || return 1
	[ "$(sqlite3 "$to" "SELECT count(*) FROM case_fts")" = 3 ] || { why "cases"; return 1; }
}

# A file from before schema 17 (no new columns) still imports; the new
# questions stay unanswered.
t_cli_evaluations_older_file_imports() {
	local db=$T/a.db
	printf 'title,owner\nWijkbudget,Sem\n' >"$T/x.csv"
	"$PACT_SAN" --db "$db" import experiments "$T/x.csv" >/dev/null 2>&1 || return 1
	printf 'id,experiment,goal,participants,who,worked,not_worked,dos,donts,repeat,learnings,evaluated_by,date\n5b1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b,%s,4,12,,,,Klein beginnen,,yes,,Jan,2019-05-01\n' \
		"$(sqlite3 "$db" "SELECT uuid FROM experiment")" >"$T/e.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e.csv"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "SELECT goal || '|' || coalesce(fits, '-') || '|' || coalesce(satisfaction, '-') || '|' || diversity || '|' || coalesce(session_id, '-') FROM evaluation")" = "4|-|-||-" ] ||
		{ why "stored: $(sqlite3 "$db" "SELECT * FROM evaluation")"; return 1; }
}

# Wrong cells are named by file:line:column and field, and nothing lands.
t_cli_evaluations_hostile_cells() {
	local db=$T/a.db x
	printf 'title,owner\nWijkbudget,Sem\n' >"$T/x.csv"
	"$PACT_SAN" --db "$db" import experiments "$T/x.csv" >/dev/null 2>&1 || return 1
	"$PACT_SAN" --db "$db" session new "Sessie" >/dev/null 2>&1 || return 1
	x=$(sqlite3 "$db" "SELECT uuid FROM experiment")
	printf 'experiment,goal,repeat,evaluated_by,satisfaction\n%s,4,yes,Jan,6\n' "$x" >"$T/e1.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e1.csv"
	expect_rc 3 && expect_in "$T/err" "e1.csv:2:5: column 'satisfaction'" || return 1
	printf 'experiment,goal,repeat,evaluated_by,fits\n%s,4,yes,Jan,misschien\n' "$x" >"$T/e2.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e2.csv"
	expect_rc 3 && expect_in "$T/err" "e2.csv:2:5: column 'fits'" || return 1
	# two subjects, or none
	printf 'experiment,goal,repeat,evaluated_by,session\n%s,4,yes,Jan,Sessie\n' "$x" >"$T/e3.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e3.csv"
	expect_rc 3 && expect_in "$T/err" "e3.csv:2:5: column 'session': give only one of 'experiment', 'session' or 'advice'" || return 1
	printf 'experiment,goal,repeat,evaluated_by,session\n,4,yes,Jan,\n' >"$T/e4.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e4.csv"
	expect_rc 3 && expect_in "$T/err" "e4.csv:2:1: column 'experiment': empty; give one of" || return 1
	printf 'goal,repeat,evaluated_by\n4,yes,Jan\n' >"$T/e5.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e5.csv"
	expect_rc 3 && expect_in "$T/err" "one of the columns 'experiment', 'session' or 'advice' is needed" || return 1
	printf 'session,goal,repeat,evaluated_by\nGeen sessie,4,yes,Jan\n' >"$T/e6.csv"
	run "$PACT_SAN" --db "$db" import evaluations "$T/e6.csv"
	expect_rc 3 && expect_in "$T/err" "e6.csv:2:1: column 'session': no session 'Geen sessie'" || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM evaluation")" = 0 ] || { why "something landed"; return 1; }
}

# A merge brings the other laptop's trajectory evaluations and new answers,
# and a second merge changes nothing.
t_merge_brings_trajectory_evaluations() {
	local db=$T/a.db other=$T/o.db q
	"$PACT_SAN" --db "$other" session new "Opreksessie havens" >/dev/null 2>&1 || return 1
	printf 'session,goal,repeat,evaluated_by,satisfaction,diversity,fits\nOpreksessie havens,4,yes,Jan,3,Jongeren,yes\n' >"$T/e.csv"
	"$PACT_SAN" --db "$other" import evaluations "$T/e.csv" >/dev/null 2>&1 || return 1
	run "$PACT_SAN" --db "$db" merge "$other"
	expect_rc 0 || return 1
	q="SELECT s.title || '|' || v.satisfaction || '|' || v.diversity || '|' || v.fits FROM evaluation v JOIN session s ON s.id = v.session_id"
	[ "$(sqlite3 "$db" "$q")" = "Opreksessie havens|3|Jongeren|yes" ] || { why "merged: $(sqlite3 "$db" "$q")"; return 1; }
	[ "$(sqlite3 "$db" "SELECT count(*) FROM case_fts WHERE case_fts MATCH 'jongeren'")" = 1 ] || { why "not a case"; return 1; }
	run "$PACT_SAN" --db "$db" merge "$other"
	expect_rc 0 && [ "$(sqlite3 "$db" "SELECT count(*) FROM evaluation")" = 1 ] || { why "twice"; return 1; }
}
