# What a new user reads when a value is wrong or a label could be misread,
# in a real terminal at 80x24, mostly in Dutch.

msg_db() { echo "$T/.local/share/pact/pact.db"; }

# msg_card TITLE: a card on the Board, in column Idea.
msg_card() {
	mkdir -p "$(dirname "$(msg_db)")" && printf 'title,owner\n%s,Sem\n' "$1" >"$T/x.csv" &&
		"$PACT_PLAIN" --db "$(msg_db)" import experiments "$T/x.csv" >/dev/null 2>&1
}

# Goal reached is required (the schema keeps it NOT NULL; the README offers
# "leave empty" only for the public-value scales): empty says it is empty,
# a word says to write a whole number from 1 to 5; neither offers 12, nor
# does a word in a scale.
t_tmux_messages_evaluation_one_to_five() {
	msg_card Wijkbudget || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl || return 1
	wait_for "1 Stappenplan" && tm send-keys -t p 2 && wait_for "Wijkbudget" || return 1
	tm send-keys -t p e && wait_for "┌─ Evaluatie" || return 1
	tm send-keys -t p C-u C-d && wait_for "doel bereikt: leeg; schrijf een geheel getal van 1 tot en met 5" || return 1
	tm send-keys -t p goed C-d && wait_for "doel bereikt: 'goed' is geen geheel getal; schrijf een geheel getal van" &&
		wait_for "1 tot en met 5" || return 1
	if screen_text | grep -q "bijvoorbeeld 12"; then why "the hint names 12, out of range"; return 1; fi
	[ "$(sqlite3 "$(msg_db)" "SELECT count(*) FROM evaluation")" = 0 ] || { why "a wrong form was stored"; return 1; }
	# goal 4 and who evaluated it; then a word for satisfaction
	tm send-keys -t p C-u 4 Tab Tab Tab Tab Tab Tab Tab Tab Tab "Pool" Tab Tab Tab Tab veel C-d &&
		wait_for "tevredenheid: 'veel' is geen geheel getal; schrijf een geheel getal" || return 1
	if screen_text | grep -q "bijvoorbeeld 12"; then why "the hint names 12, out of range"; return 1; fi
	tm send-keys -t p C-u C-d && wait_for "Evaluatie opgeslagen." || return 1
	tm send-keys -t p q && wait_exit 0
}
