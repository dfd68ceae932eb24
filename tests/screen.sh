# Headless screen tests: pact reads keys from tests/screen/NAME.keys and
# writes its last screen as text, which must equal tests/screen/NAME.screen.
# The first line of a .keys file gives the size ("# 80x24") and may add
# environment settings after it ("# 80x24 LC_ALL=C"). No terminal, no
# sleeps. UPDATE=1 tests/run screen writes the expected dumps anew (review
# them before committing).

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

# A key script's <resize COLSxROWS> that is no terminal size stops pact with
# the script's line and what is wrong (value_size), not "unknown key".
t_screen_script_bad_resize() {
	printf '# 80x24\n2<resize 80y24>\n' >"$T/bad.keys"
	screen_dump "$T/bad.keys" >/dev/null 2>"$T/err"
	rc=$?
	expect_rc 3 && expect_in "$T/err" "pact: $T/bad.keys:2: <resize 80y24>: '80y24' is not a terminal size; write columns x rows, for example 80x24" || return 1
	printf '# 80x24\n2<resize 0x24>\n' >"$T/bad.keys"
	screen_dump "$T/bad.keys" >/dev/null 2>"$T/err"
	rc=$?
	expect_rc 3 && expect_in "$T/err" "pact: $T/bad.keys:2: <resize 0x24>: '0' is too small; write a whole number from 1 to 1000" || return 1
}
