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
