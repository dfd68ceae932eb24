# Shared by the suites: running a command and saying why a test fails.

# Say why a test fails (printed only when it does).
why() { printf '     %s\n' "$*" >&2; }

# Run a command, keep its stdout, stderr and exit status in $T/out,
# $T/err and $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

expect_rc() {
	[ "$rc" -eq "$1" ] && return 0
	why "expected exit status $1, got $rc; stderr: $(head -c 300 "$T/err")"
	return 1
}

# expect_in FILE TEXT: FILE contains TEXT.
expect_in() {
	grep -qF -- "$2" "$1" && return 0
	why "expected '$2' in $(basename "$1"):"
	sed 's/^/       | /' "$1" | head -30 >&2
	return 1
}
