# Shared by the suites: pact in a real terminal (tmux). Keys are sent with
# send-keys and the screen read with capture-pane, polled until the text
# appears (never a fixed sleep).

# One server per test, named after its folder; the runner calls
# cleanup_tmux after every test.
tm() { tmux -L "pact-${T##*/}" -f /dev/null "$@"; }
cleanup_tmux() { tm kill-server 2>/dev/null; }

# start_pact COLSxROWS [VAR=value…] [-- pact arguments…]: pact in a new
# tmux session named $PANE (default p); its exit status lands in
# $T/exit.$PANE.
start_pact() {
	local size=$1 vars=() args=() pane=${PANE:-p}
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift && args=("$@")
	rm -f "$T/exit.$pane"
	# a quiet session keeps the server up: one left without sessions exits,
	# racing a test's next new-session ("server exited unexpectedly")
	tm has-session -t keep 2>/dev/null || tm new-session -d -s keep "sleep 3600" || return 1
	tm new-session -d -s "$pane" -x "${size%x*}" -y "${size#*x}" \
		"env HOME='$T' TERM=tmux-256color ${vars[*]} '$PACT' ${args[*]}; echo \$? >'$T/exit.$pane'" || return 1
	tm set-option -t "$pane" remain-on-exit on >/dev/null
	tm set-option -g status off >/dev/null
}

screen_text() { tm capture-pane -p -t "${PANE:-p}" 2>/dev/null; }

# How many 20 ms polls make 5 s; TIME_SCALE stretches every wait (make
# valgrind runs pact many times slower).
polls() { echo $(( ${1:-250} * ${TIME_SCALE:-1} )); }

# wait_for TEXT [POLLS]: poll the screen until TEXT is on it (at most 5 s,
# or POLLS polls of 20 ms).
wait_for() {
	local i
	for i in $(seq 1 "$(polls "${2:-250}")"); do
		screen_text | grep -qF -- "$1" && return 0
		sleep 0.02
	done
	why "'$1' did not appear within $(( ${2:-250} / 50 )) s; the screen shows:"
	screen_text | sed 's/^/       | /' >&2
	return 1
}

# page_until TEXT: in a scrolling text, press PgDn (at most 12 times) until
# TEXT is on the screen (a long text, such as the monitoring charts).
page_until() {
	local i
	for i in $(seq 1 12); do
		wait_for "$1" 25 2>/dev/null && return 0
		tm send-keys -t p NPage
	done
	wait_for "$1"
}

# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
	local i
	for i in $(seq 1 "$(polls)"); do
		screen_text | grep -qF -- "$1" || return 0
		sleep 0.02
	done
	why "'$1' is still on the screen"
	return 1
}

# wait_exit STATUS: poll until pact has ended, with that exit status.
wait_exit() {
	local i
	for i in $(seq 1 "$(polls)"); do
		if [ -s "$T/exit.${PANE:-p}" ]; then
			[ "$(cat "$T/exit.${PANE:-p}")" = "$1" ] && return 0
			why "pact exited with $(cat "$T/exit.${PANE:-p}"), not $1"
			return 1
		fi
		sleep 0.02
	done
	why "pact did not exit"
	return 1
}
