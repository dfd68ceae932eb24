# Display widths in a real terminal: emoji and other grapheme clusters take
# the columns ncurses counts for them (wcwidth of each code point, a ZWJ
# not drawn), and tmux draws them so: what follows an emoji on a line stays
# in its column and no line runs past the right edge. Where text starts is
# read from tmux itself (the copy-mode cursor after a search), not worked
# out again from the captured text.

# col_of TEXT: "x,y" where the last TEXT on the screen starts.
col_of() {
	tm copy-mode -t p || return 1
	tm send-keys -t p -X history-bottom \; send-keys -t p -X end-of-line \; \
		send-keys -t p -X search-backward-text "$1"
	tm display -p -t p '#{copy_cursor_x},#{copy_cursor_y}'
	tm send-keys -t p -X cancel
}

# expect_at TEXT X,Y: TEXT starts at column X of row Y.
expect_at() {
	local at
	at=$(col_of "$1")
	[ "$at" = "$2" ] && return 0
	why "'$1' starts at $at, not at $2; the screen shows:"
	screen_text | sed 's/^/       | /' >&2
	return 1
}

# Cards whose titles start with emoji in the Idea column, one plain card
# beside each in Preparing, and one long title at the right edge.
width_cards() {
	local thumb=$'\U0001F44D\U0001F3FD' heart=$'\u2764\uFE0F' flag=$'\U0001F1F3\U0001F1F1'
	local family=$'\U0001F468\u200D\U0001F469\u200D\U0001F467' accent=$'e\u0301'
	local rainbow=$'\U0001F3F3\uFE0F\u200D\U0001F308'
	{
		echo "title,owner,status,position"
		echo "$thumb Duim,Jan $thumb,idea,1"
		echo "$heart Hart,,idea,2"
		echo "$family Gezin,,idea,3"
		echo "$flag Vlag,,idea,4"
		echo "$accent Accent,,idea,5"
		echo "$rainbow Regenboog,,idea,6"
		echo "$thumb$thumb$thumb$thumb$thumb Lang,,idea,7"
		echo "P1,Fatima,preparing,1"
		for i in 2 3 4 5 6 7; do echo "P$i,,preparing,$i"; done
		echo "$thumb$thumb$thumb ABCDEFGHIJKLMNOP,,evaluating,1"
	} >cards.csv
	"$PACT" import experiments cards.csv >/dev/null 2>&1
}

# Worked by hand: a card's title starts at column 1 (Idea) or 21
# (Preparing); 👍🏽 is 4 columns (U+1F44D and the skin tone U+1F3FD, 2
# each), ❤️ 1 (U+2764; U+FE0F none), 👨‍👩‍👧 6 (three people of 2; the ZWJs
# not drawn), 🇳🇱 2 (two regional letters of 1), é as e + U+0301 1, 🏳️‍🌈 3
# (U+1F3F3 1, U+1F308 2). Before, pact drew each emoji in one cell two
# columns wide while tmux drew 👍🏽 in four: P1 stood at column 23.
t_tmux_emoji_keep_the_next_column() {
	width_cards || return 1
	start_pact 80x24 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "Preparing (7)" && wait_for "P7" || return 1
	expect_at "Preparing (7)" 21,1 || return 1
	expect_at "Duim" 6,2 && expect_at "P1" 21,2 && expect_at "Fatima · Other" 21,3 || return 1
	expect_at "Hart" 3,4 && expect_at "P2" 21,4 || return 1
	expect_at "Gezin" 8,6 && expect_at "P3" 21,6 || return 1
	expect_at "Vlag" 4,8 && expect_at "P4" 21,8 || return 1
	expect_at "Accent" 3,10 && expect_at "P5" 21,10 || return 1
	expect_at "Regenboog" 5,12 && expect_at "P6" 21,12 || return 1
	# five thumbs (20 columns) do not fit the Idea column: four and "…"
	expect_at "…" 17,14 && expect_at "P7" 21,14 || return 1
	# the last column, Evaluating, from 61: three thumbs (12), a space,
	# "ABC" and "…" at 77, its last column of text
	expect_at "Evaluating (1)" 61,1 && expect_at "ABC…" 74,2 || return 1
	tm send-keys -t p q && wait_exit 0
}

# border_of ROW: "x,y" of the last "│" on row ROW (searched back from the
# start of the row below).
border_of() {
	tm copy-mode -t p || return 1
	tm send-keys -t p -X top-line \; send-keys -t p -X -N "$(($1 + 1))" cursor-down \; \
		send-keys -t p -X start-of-line \; send-keys -t p -X search-backward-text "│"
	tm display -p -t p '#{copy_cursor_x},#{copy_cursor_y}'
	tm send-keys -t p -X cancel
}

# The cards open in a box at 60x16: after the emoji of the title and of
# the owner, the words and the right border stay where they belong (the
# box's top right corner is at column 58).
t_tmux_emoji_keep_the_right_border() {
	local at
	width_cards || return 1
	start_pact 60x16 LANG=C.UTF-8 || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 && wait_for "P1" || return 1
	tm send-keys -t p Enter && wait_for "┌─ Experiment" || return 1
	expect_at "┐" 58,2 && expect_at "Duim" 8,3 && expect_at "Owner: Jan" 3,5 || return 1
	for row in 3 5; do
		at=$(border_of $row)
		[ "$at" = "58,$row" ] || { why "the right border of row $row is at $at:"; screen_text >&2; return 1; }
	done
	tm send-keys -t p Escape && wait_gone "┌─ Experiment" || return 1
	tm send-keys -t p Down Down Enter && wait_for "Gezin" && expect_at "Gezin" 10,3 || return 1
	[ "$(border_of 3)" = "58,3" ] || { why "the right border after the family is at $(border_of 3)"; return 1; }
	tm send-keys -t p Escape && wait_gone "┌─ Experiment" || return 1
	tm send-keys -t p Down Down Down Enter && wait_for "Regenboog" && expect_at "Regenboog" 7,3 || return 1
	[ "$(border_of 3)" = "58,3" ] || { why "the right border after the rainbow flag is at $(border_of 3)"; return 1; }
}
