# The architecture, checked: the core (src/) builds without the screens,
# modules include each other in one direction only, and the screens leave
# the database and the reading of numbers to the core.

# A core file that includes a screen header does not build: the core's
# flags have no screens/ include path and no curses flags.
t_core_cannot_include_a_screen_header() {
	local flags
	flags=$(cd "$ROOT" && make -s print-core-cppflags) || { why "make print-core-cppflags failed"; return 1; }
	printf '#include "ui/draw.h"\nint probe(void);\nint probe(void) { return 0; }\n' >probe.c
	if (cd "$ROOT" && eval "cc $flags -c -o '$T/probe.o' '$T/probe.c'") 2>"$T/cc.err"; then
		why "a core file including ui/draw.h compiled with the core's flags: $flags"
		return 1
	fi
	expect_in "$T/cc.err" "ui/draw.h: No such file or directory" || return 1
	case " $flags " in
	*ncurses*|*" -iquote screens "*) why "the core's flags name the screens or curses: $flags"; return 1;;
	esac
	# The same probe with a core header builds (the check above can fail).
	printf '#include "value.h"\nint probe(void);\nint probe(void) { return 0; }\n' >probe.c
	(cd "$ROOT" && eval "cc $flags -c -o '$T/probe.o' '$T/probe.c'") 2>"$T/cc.err" ||
		{ why "a core header did not build with the core's flags: $(cat "$T/cc.err")"; return 1; }
}

# The screens leave the database and the reading of numbers to the core:
# no file in screens/ calls sqlite3_* or parses a number with atoi, atol,
# atoll, sscanf or strtol/strtoll/strtoul (src/value.c reads numbers, with
# errors that say what is wrong).
t_screens_leave_sql_and_numbers_to_the_core() {
	local found
	found=$(cd "$ROOT" && grep -rnE --include='*.[ch]' \
		'\bsqlite3_[a-z0-9_]+[[:space:]]*\(|\b(atoi|atol|atoll|sscanf|strtol|strtoll|strtoul|strtoull)[[:space:]]*\(' \
		screens)
	[ -z "$found" ] && return 0
	why "screens/ must ask src/ instead:"
	why "$found"
	return 1
}

# Modules include each other in one direction only (a module is a .c file
# with its .h), and no core module includes a screen header.
t_modules_include_each_other_in_one_direction() {
	python3 "$ROOT/tests/lib/include_cycles.py" "$ROOT" >"$T/out" 2>&1 && return 0
	why "$(cat "$T/out")"
	return 1
}

# Lists grow one way: array_room (src/array.c), which checks the size for
# overflow. No other realloc in the sources.
t_arrays_grow_only_through_array_room() {
	local found
	found=$(cd "$ROOT" && grep -rnE --include='*.c' '\brealloc[[:space:]]*\(' src screens | grep -v '^src/array\.c:')
	[ -z "$found" ] && return 0
	why "a hand-written growth loop; use array_room:"
	why "$found"
	return 1
}
