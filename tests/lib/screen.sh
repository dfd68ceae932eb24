# Shared by the suites: headless screen dumps (pact reads keys from a .keys
# file and writes its last screen as text; see tests/screen.sh).

screen_dump() {
	local keys=$1 size cols lines envs
	read -r _ size envs <"$keys"
	rm -f pact.db pact.db-wal pact.db-shm # each dump starts on a new database
	cols=${size%x*}
	lines=${size#*x}
	env LINES="$lines" COLUMNS="$cols" TERM=xterm-256color PACT_KEYS="$keys" $envs \
		"$PACT_SAN" --db pact.db
}

# dump_compare NAME: $T/got equals tests/screen/NAME.screen (or becomes it,
# with UPDATE=1).
dump_compare() {
	local expected=$ROOT/tests/screen/$1.screen
	if [ -n "${UPDATE:-}" ]; then
		cp "$T/got" "$expected"
	elif ! diff -u "$expected" "$T/got" >"$T/diff"; then
		why "the screen differs from $1.screen:"
		sed 's/^/       /' "$T/diff" >&2
		return 1
	fi
}

# Compare one dump with its expected screen (or write it, with UPDATE=1).
screen_check() {
	screen_dump "$ROOT/tests/screen/$1.keys" >"$T/got" 2>"$T/err" || { why "exit $?: $(cat "$T/err")"; return 1; }
	dump_compare "$1"
}

# One test per key script.
for keys in "$ROOT"/tests/screen/*.keys; do
	name=$(basename "$keys" .keys)
	eval "t_screen_$name() { screen_check $name; }"
done
