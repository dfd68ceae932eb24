# Real-terminal tests: the real ./pact in tmux, keys sent with send-keys,
# the screen read with capture-pane, polled until the text appears (never
# a fixed sleep). Each test gets its own tmux server.

t_tmux_tabs_help_and_quit() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && wait_for "Stappenplan" && wait_for "? Help  q Quit" || return 1
	tm send-keys -t p 3 && wait_for "[3 Brainstorm]" || return 1
	tm send-keys -t p Tab && wait_for "[4 Vote]" || return 1
	tm send-keys -t p BTab BTab && wait_for "[2 Board]" || return 1
	# The Board's keys fill the overlay: it scrolls to the global ones.
	tm send-keys -t p '?' && wait_for "Keys: Board" && wait_for "more…" || return 1
	tm send-keys -t p NPage && wait_for "Show the keys of this screen" || return 1
	tm send-keys -t p 4 && wait_for "Keys: Board" || return 1 # no tab switch under help
	tm send-keys -t p Escape && wait_gone "Keys: Board" || return 1
	tm send-keys -t p F1 && wait_for "Keys: Board" || return 1
	tm send-keys -t p q && wait_gone "Keys: Board" || return 1
	tm send-keys -t p C-l && wait_for "[2 Board]" || return 1
	tm send-keys -t p q && wait_exit 0
}

t_tmux_resize_too_small_and_back() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" || return 1
	tm send-keys -t p 5 && wait_for "[5 Library]" || return 1
	tm resize-window -t p -x 50 -y 12 && wait_for "Terminal too small: need 60x16" &&
		wait_for "(now 50x12)" || return 1
	tm send-keys -t p 2 # ignored while too small
	tm resize-window -t p -x 80 -y 24 && wait_for "[5 Library]" && wait_for "q Quit" || return 1
	tm resize-window -t p -x 60 -y 16 && wait_for "[5 Library]" || return 1
	tm send-keys -t p '?' && wait_for "Keys: Library" || return 1
	tm resize-window -t p -x 50 -y 12 && wait_for "Terminal too small" || return 1
	tm resize-window -t p -x 120 -y 40 && wait_for "Keys: Library" || return 1
	tm send-keys -t p Escape q && wait_exit 0
}

t_tmux_utf8_text_lines_up() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	# Each "—" takes one column: the empty columns' dashes stand under their headings.
	tm send-keys -t p 2 && wait_for " Idea (0)            Preparing (0)" || return 1
	wait_for " —                   —                   —" && wait_for "Anchored, Stopped →" || return 1
}

t_tmux_non_utf8_locale_shows_question_marks() {
	start_pact 80x24 LANG=C LC_ALL=C || return 1
	tm send-keys -t p 2 && wait_for " ?                   ?                   ?" || return 1
	# an arrow reads as ASCII, not as '?'
	wait_for "Anchored, Stopped >" || return 1
	tm send-keys -t p '?' && wait_for "+- Keys: Board" && wait_for "Esc Close  Down Scroll" || return 1
}

t_tmux_no_color_keeps_active_tab_visible() {
	local line
	start_pact 80x24 LANG=C.UTF-8 NO_COLOR=1 || return 1
	wait_for "[1 Wizard]" || return 1
	# With colours off the active tab is in reverse video (SGR 7).
	line=$(tm capture-pane -p -e -t p | head -1)
	case $line in
	*$'\e[7m'*"[1 Wizard]"* | *$'\e[1m\e[7m'*"[1 Wizard]"* | *'7m'*"[1 Wizard]"*) ;;
	*) why "no reverse video on the active tab: $(printf %q "$line")"; return 1 ;;
	esac
	# …and no colour is set anywhere (39 and 49 only reset to the defaults).
	if tm capture-pane -p -e -t p | grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)'; then
		why "colours used despite NO_COLOR"
		return 1
	fi
}

t_tmux_remembers_last_panel() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 4 && wait_for "[4 Vote]" || return 1
	tm send-keys -t p q && wait_exit 0 || return 1
	cleanup_tmux
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[4 Vote]"
}

t_tmux_ctrl_c_quits() {
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p C-c && wait_exit 0
}

t_tmux_monochrome_terminal() {
	start_pact 80x24 LANG=C.UTF-8 TERM=vt100 || return 1
	wait_for "[1 Wizard]" || return 1
	tm send-keys -t p 2 && wait_for "[2 Board]" || return 1
	case $(tm capture-pane -p -e -t p | head -1) in
	*'7m'*"[2 Board]"*) ;;
	*) why "the active tab is not in reverse video on a vt100"; return 1 ;;
	esac
	tm send-keys -t p q && wait_exit 0
}
