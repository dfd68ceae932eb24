# One way to learn about changes: whatever changes the database (another
# terminal's pact, a script, this pact's own screens), every panel in view
# shows it within a tick, and a panel out of view when it comes into view.

# A second process renames a case: the Library in view shows the new name.
t_tmux_refresh_library_from_a_second_process() {
	LANG=C.UTF-8 "$PACT_PLAIN" --db "$T/pact.db" demo >/dev/null || { why "pact demo failed"; return 1; }
	start_pact 100x30 LANG=C.UTF-8 -- --db "$T/pact.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 5 && wait_for "Cases:" &&
		wait_for "Service vision through customer journeys" || return 1
	sqlite3 "$T/pact.db" "UPDATE experiment SET title = 'Ferry survey on the quay' WHERE title LIKE 'Service vision%'" ||
		{ why "sqlite3 could not write"; return 1; }
	wait_for "Ferry survey on the quay" && wait_gone "Service vision through customer journeys"
}

# A panel out of view is not read again on every change, but shows what
# changed when it comes into view: a session, a poll and a card made by
# another program while the Library is in view.
t_tmux_refresh_panels_coming_into_view() {
	local db=$T/.local/share/pact/pact.db
	start_pact 100x30 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 3 && wait_for "No sessions yet" || return 1
	tm send-keys -t p 4 && wait_for "No polls yet" && tm send-keys -t p 2 && wait_for "Idea (0)" || return 1
	tm send-keys -t p 5 && wait_for "Cases:" || return 1
	"$PACT_PLAIN" session new "Havendag" >/dev/null &&
		"$PACT_PLAIN" idea add 1 "Meer bankjes" >/dev/null &&
		"$PACT_PLAIN" poll new --session 1 --method approval --title "Wat kiezen we?" >/dev/null &&
		sqlite3 "$db" "INSERT INTO experiment(uuid, title, owner, track, status, position, created_at, updated_at) VALUES ('c1', 'Wijkschouw', 'Noor', 'contact', 'idea', 1, '2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z')" ||
		{ why "the second program could not write"; return 1; }
	tm send-keys -t p 3 && wait_for "Havendag" || return 1
	tm send-keys -t p 4 && wait_for "Wat kiezen we?" || return 1
	tm send-keys -t p 2 && wait_for "Wijkschouw" && wait_for "Idea (1)"
}
