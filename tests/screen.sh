# Headless screen tests: pact reads keys from tests/screen/NAME.keys and
# writes its last screen as text, which must equal tests/screen/NAME.screen.
# The first line of a .keys file gives the size ("# 80x24") and may add
# environment settings after it ("# 80x24 LC_ALL=C"). No terminal, no
# sleeps. UPDATE=1 tests/run screen writes the expected dumps anew (review
# them before committing).

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
