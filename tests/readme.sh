# The README's walkthrough ("Your first ten minutes"), replayed key by key
# against the real pact in tmux at 80x24, as a new user would type it.
#
# In that section of README.md:
#   ```keys     keys to press, in order: "quoted text" is typed as it
#               stands; other words are keys (Tab, Enter, Esc, Ctrl-D, Up,
#               Down, Space, Shift-Tab, F1…) or single characters.
#   ```screen   what the screen shows after the keys above it, compared
#               line by line with trailing spaces ignored. A line that is
#               only "⋮" leaves lines out: the lines above it are the top of
#               the screen, the lines below it the bottom. Dates and the
#               round's clock (mm:ss at the end of the second line) may
#               differ.
#   ```sh       commands run (after pact has quit) in the folder where
#               ./pact is the pact under test; each must succeed.
#   ```output   what the sh block above it prints (stdout and stderr),
#               trailing spaces ignored.
# UPDATE=1 tests/run readme writes the screen and output blocks anew from
# what pact shows (a run of blank lines becomes "⋮"); review the diff.

README=$ROOT/README.md

# Split the walkthrough into numbered files $T/readme/NN.kind, in order.
readme_blocks() {
	mkdir -p "$T/readme"
	awk -v dir="$T/readme" '
		/^## / { on = ($0 ~ /^## Your first ten minutes/); next }
		!on { next }
		inblock && /^```/ { inblock = 0; close(file); next }
		inblock { print > file; next }
		/^```(keys|screen|sh|output)[ \t]*$/ {
			kind = substr($0, 4); sub(/[ \t]+$/, "", kind)
			file = sprintf("%s/%02d.%s", dir, ++n, kind)
			printf "" > file
			inblock = 1
		}' "$README"
}

# The tmux key for one README key name (empty: not a key pact knows).
readme_key() {
	case $1 in
	Tab | Enter | Space | Up | Down | Left | Right | Home | End | F[1-9] | F1[0-2]) echo "$1" ;;
	Esc) echo Escape ;;
	Shift-Tab) echo BTab ;;
	Backspace) echo BSpace ;;
	Delete) echo DC ;;
	PgUp) echo PPage ;;
	PgDn) echo NPage ;;
	Ctrl-[A-Za-z]) echo "C-${1#Ctrl-}" | tr '[:upper:]' '[:lower:]' ;;
	esac
}

# Send the keys of one keys block. After Esc, wait longer than pact's
# ESCDELAY so that the next key is not read as Alt-key.
readme_send_keys() {
	local line word key
	while IFS= read -r line || [ -n "$line" ]; do
		while :; do
			line=${line#"${line%%[![:space:]]*}"}
			[ -z "$line" ] && break
			if [[ $line == \"* ]]; then
				line=${line:1}
				word=${line%%\"*}
				[ "$word" = "$line" ] && { why "README: a quote is not closed: \"$line"; return 1; }
				line=${line#*\"}
				tm send-keys -t p -l -- "$word" || return 1
				continue
			fi
			word=${line%%[[:space:]]*}
			line=${line:${#word}}
			if [ "${#word}" -eq 1 ]; then
				tm send-keys -t p -l -- "$word" || return 1
				continue
			fi
			key=$(readme_key "$word")
			[ -n "$key" ] || { why "README: unknown key '$word'"; return 1; }
			tm send-keys -t p "$key" || return 1
			[ "$key" = Escape ] && sleep "$(awk -v s="${TIME_SCALE:-1}" 'BEGIN { print 0.2 * s }')"
		done
	done <"$1"
}

# Strip trailing spaces; dates and the round's clock become placeholders.
readme_normal() {
	sed -e 's/[[:space:]]*$//' -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]/YYYY-MM-DD/g' \
		-e '2s/[0-9][0-9]:[0-9][0-9]$/MM:SS/'
}

# The lines of a screen block to compare: the top lines (above "⋮") in
# $T/want.head, the bottom lines (below it) in $T/want.tail; without "⋮"
# the whole screen, in $T/want.head.
readme_want() {
	local elided
	elided=$(grep -n '^[[:space:]]*⋮[[:space:]]*$' "$1" | head -1 | cut -d: -f1)
	if [ -n "$elided" ]; then
		head -n "$((elided - 1))" "$1" | readme_normal >"$T/want.head"
		tail -n "+$((elided + 1))" "$1" | readme_normal >"$T/want.tail"
	else
		readme_normal <"$1" >"$T/want.head"
		rm -f "$T/want.tail"
	fi
}

# Does the screen (normalised, in $T/got) show the block of readme_want?
readme_screen_matches() {
	local want got nh nt IFS=$'\n'
	mapfile -t got <"$T/got"
	mapfile -t want <"$T/want.head"
	nh=${#want[@]}
	[ -f "$T/want.tail" ] || nh=${#got[@]}
	[ "${#want[@]}" -eq "$nh" ] && [ "${want[*]}" = "${got[*]:0:nh}" ] || return 1
	[ -f "$T/want.tail" ] || return 0
	mapfile -t want <"$T/want.tail"
	nt=${#want[@]}
	[ "$nt" -eq 0 ] || { [ "${#got[@]}" -ge "$((nh + nt))" ] && [ "${want[*]}" = "${got[*]: -nt}" ]; }
}

# The screen as a screen block: trailing spaces off, the longest run of
# three or more blank lines shown as "⋮".
readme_elide() {
	sed 's/[[:space:]]*$//' "$1" | awk '
		{ line[++n] = $0 }
		END {
			best = 0
			for (i = 1; i <= n; i++) {
				if (line[i] != "") { run = 0; continue }
				if (++run > best) { best = run; end = i }
			}
			for (i = 1; i <= n; i++) {
				if (best >= 3 && i > end - best && i <= end) {
					if (i == end) print "   ⋮"
					continue
				}
				print line[i]
			}
		}'
}

# Write new contents into the NNth fenced block of the walkthrough.
readme_rewrite_block() {
	local nn=$1 file=$2
	awk -v want="$((10#$nn))" -v file="$file" '
		/^## / { on = ($0 ~ /^## Your first ten minutes/) }
		on && !inblock && /^```(keys|screen|sh|output)[ \t]*$/ {
			n++; inblock = 1; print
			if (n == want) { while ((getline l < file) > 0) print l; skip = 1 }
			next
		}
		inblock && /^```/ { inblock = 0; skip = 0; print; next }
		skip { next }
		{ print }' "$README" >"$T/README.new" && cat "$T/README.new" >"$README"
}

# Poll until the screen matches the block (at most 5 s), or say how not.
readme_check_screen() {
	local want=$1 end
	readme_want "$want"
	end=$(awk -v t="$EPOCHREALTIME" -v s="${TIME_SCALE:-1}" 'BEGIN { printf "%d", (t + 5 * s) * 1000 }')
	while :; do
		screen_text | readme_normal >"$T/got"
		readme_screen_matches && return 0
		[ "$(awk -v t="$EPOCHREALTIME" 'BEGIN { printf "%d", t * 1000 }')" -lt "$end" ] || break
		[ -n "${UPDATE:-}" ] && break
		sleep 0.05
	done
	screen_text | sed 's/[[:space:]]*$//' >"$T/screen"
	if [ -n "${UPDATE:-}" ]; then
		readme_elide "$T/screen" >"$T/new" && readme_rewrite_block "$(basename "$want" .screen)" "$T/new"
		return
	fi
	# the README's lines, with the screen's own where "⋮" leaves lines out
	if [ -f "$T/want.tail" ]; then
		local nh nt ng
		nh=$(wc -l <"$T/want.head") nt=$(wc -l <"$T/want.tail") ng=$(wc -l <"$T/got")
		{ cat "$T/want.head"; sed -n "$((nh + 1)),$((ng - nt))p" "$T/got"; cat "$T/want.tail"; } >"$T/want.full"
	else
		cp "$T/want.head" "$T/want.full"
	fi
	why "README.md: the screen after the keys above ${want##*/} differs (- README, + screen):"
	diff -u "$T/want.full" "$T/got" | tail -n +3 | sed 's/^/       /' >&2
	return 1
}

t_tmux_readme_first_ten_minutes() {
	local f ran=0 keys screens
	readme_blocks || return 1
	# a walkthrough that lost its blocks must not pass by checking nothing
	keys=$(find "$T/readme" -name '*.keys' | wc -l)
	screens=$(find "$T/readme" -name '*.screen' | wc -l)
	[ "$keys" -ge 4 ] && [ "$screens" -ge 3 ] && [ -n "$(find "$T/readme" -name '*.sh')" ] ||
		{ why "README.md: the walkthrough has $keys keys blocks, $screens screen blocks and no sh block"; return 1; }
	ln -s "$PACT" "$T/pact" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- || return 1
	wait_for "pact" || return 1
	for f in "$T"/readme/*; do
		case $f in
		*.keys)
			readme_send_keys "$f" || return 1
			;;
		*.screen)
			readme_check_screen "$f" || return 1
			;;
		*.sh)
			# what the user types after quitting: pact must have ended well
			[ "$ran" -eq 1 ] || { wait_exit 0 || return 1; }
			ran=1
			(cd "$T" && bash -e "$f") >"$T/sh.out" 2>&1 ||
				{ why "README.md: ${f##*/} failed:"; sed 's/^/       | /' "$T/sh.out" >&2; return 1; }
			;;
		*.output)
			sed -i 's/[[:space:]]*$//' "$T/sh.out"
			if [ -n "${UPDATE:-}" ]; then
				readme_rewrite_block "$(basename "$f" .output)" "$T/sh.out"
			elif ! diff -u <(sed 's/[[:space:]]*$//' "$f") "$T/sh.out" >"$T/diff"; then
				why "README.md: the output of the commands above ${f##*/} differs (- README, + output):"
				sed 's/^/       /' "$T/diff" >&2
				return 1
			fi
			;;
		esac
	done
}

# The README's Dutch start, make run ARGS="--lang nl", hands the option on
# to pact (checked as a dry run: the command make would run).
t_readme_dutch_make_run_passes_the_language() {
	local cmd
	cmd=$(grep -o 'make run ARGS="--lang nl"' "$ROOT/README.md" | head -1)
	[ -n "$cmd" ] || { why "README.md does not show make run ARGS=\"--lang nl\""; return 1; }
	(cd "$ROOT" && make -s -n -o deps run ARGS="--lang nl") >"$T/out" 2>&1 || { why "$(cat "$T/out")"; return 1; }
	[ "$(tail -1 "$T/out")" = "./pact --lang nl" ] || { why "make run would start: $(tail -1 "$T/out")"; return 1; }
}
