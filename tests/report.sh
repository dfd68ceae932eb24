# pact report: the session and programme reports in Markdown and HTML
# (issue 18). The reports of one fixed database are compared with the
# files in tests/report/; UPDATE=1 tests/run report writes them anew
# (review them with git diff tests/report before committing).

# A python3 with html5lib: Debian's (a pyenv shim may come first on PATH).
report_python() {
	if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else echo python3; fi
}

# The fixed database: a session with two rounds, four ideas (one merged
# into another, two in a cluster), six participants, a dot poll with four
# ballots and cards made from its top two; a budget pot and an evaluated
# experiment. Nothing in it depends on today's date.
report_fixture() {
	local db=$1
	cat >"$T/s.csv" <<'CSV'
id,title,question,facilitator,location,date
11111111-1111-4111-8111-111111111111,Wijkavond Noord,Hoe maken we de kade groener?,Noor,Wijkcentrum De Ark,2026-11-27
CSV
	cat >"$T/p.csv" <<'CSV'
session,alias,name,consent,role,wijk,age_band
Wijkavond Noord,Bram,Bram de Vries,1,resident,Noord,30-44
Wijkavond Noord,Sanne,,0,resident,Noord,45-64
Wijkavond Noord,Ahmed,,0,resident,Noord,30-44
Wijkavond Noord,Lotte,,0,resident,Oost,65+
Wijkavond Noord,Kees,,0,entrepreneur,Noord,45-64
Wijkavond Noord,Fatima,,0,resident,Noord,18-29
CSV
	cat >"$T/r.csv" <<'CSV'
session,name,seconds
Wijkavond Noord,Ideeën verzamelen,600
Wijkavond Noord,Aanscherpen,300
CSV
	printf 'session,name\nWijkavond Noord,Groen\n' >"$T/c.csv"
	cat >"$T/i.csv" <<'CSV'
id,session,round,cluster,idea,participant,created
21111111-1111-4111-8111-111111111111,Wijkavond Noord,Ideeën verzamelen,Groen,Bomen langs de kade,Bram,2026-11-27T19:10:00Z
22222222-2222-4222-8222-222222222222,Wijkavond Noord,Ideeën verzamelen,Groen,Meer bomen aan het water,Sanne,2026-11-27T19:11:00Z
23333333-3333-4333-8333-333333333333,Wijkavond Noord,Ideeën verzamelen,,Meer bankjes,Ahmed,2026-11-27T19:12:00Z
24444444-4444-4444-8444-444444444444,Wijkavond Noord,Aanscherpen,,Licht op de dijk,,2026-11-27T19:20:00Z
CSV
	cat >"$T/b.csv" <<'CSV'
voter,option,value
A,Bomen langs de kade,2
A,Meer bankjes,1
B,Licht op de dijk,3
C,Bomen langs de kade,3
D,Meer bankjes,2
D,Licht op de dijk,1
CSV
	printf 'id,name,year,amount\n31111111-1111-4111-8111-111111111111,Wijkbudget Noord,2026,5000.00\n32222222-2222-4222-8222-222222222222,Begeleiding,2026,2500.00\n' >"$T/pots.csv"
	printf 'id,budget,description,date,amount\n33333333-3333-4333-8333-333333333333,Begeleiding,Training versnellers,2026-10-05,"1.250,50"\n' >"$T/k.csv"
	cat >"$T/x.csv" <<'CSV'
id,title,track,owner,rung,werkvorm,start,end,budget,planned,spent,reached,groups,status,focus
41111111-1111-4111-8111-111111111111,Groene kade,visions,Noor,coproduceren,Co-design studio,2026-09-01,2026-11-15,31111111-1111-4111-8111-111111111111,1500.00,1234.56,45,residents,evaluating,1
42222222-2222-4222-8222-222222222222,Bankjesroute,contact,Sem,raadplegen,Wijkwandeling,2026-10-01,2026-12-20,31111111-1111-4111-8111-111111111111,4000.00,0,12,"residents,entrepreneurs",running,0
CSV
	cat >"$T/e.csv" <<'CSV'
experiment,goal,participants,dos,donts,repeat,evaluated_by,date,fits,fits_why,satisfaction,satisfaction_note,support,legitimacy,legitimacy_note,diversity,session
41111111-1111-4111-8111-111111111111,4,45,Begin met een wandeling.,Geen lange presentaties.,changes,Noor,2026-11-20,partly,Past bij de wijk; de raad wil meer,4,Bewoners waren tevreden,,3,Nog niet besproken in de raad,Vooral ouderen; weinig jongeren,
,3,20,Stretch-kaarten werken.,Te weinig tijd.,yes,Sanne,2026-11-28,yes,,,,,,,Jongeren uit de wijk,Wijkavond Noord
CSV
	cat >"$T/comm.csv" <<'CSV'
experiment,audience,message,means
Groene kade,raad,"Wat de bewoners zelf willen,
op twee regels",raadsbijeenkomst
Groene kade,schiedammers,Doe mee met de kade,"placemats, beeldtaal"
CSV
	local k
	for k in sessions:s participants:p rounds:r clusters:c ideas:i budgets:pots costs:k experiments:x evaluations:e communication:comm; do
		"$PACT_PLAIN" --db "$db" import "${k%%:*}" "$T/${k#*:}.csv" >/dev/null 2>&1 ||
			{ why "fixture: import ${k%%:*} failed"; return 1; }
	done
	sqlite3 "$db" "UPDATE idea SET merged_into = 1 WHERE id = 2" || return 1
	"$PACT_PLAIN" --db "$db" poll new --session 1 --method dot --dots 3 --title "Wat eerst?" >/dev/null &&
		"$PACT_PLAIN" --db "$db" import ballots "$T/b.csv" --poll 1 >/dev/null 2>&1 &&
		"$PACT_PLAIN" --db "$db" card from-poll 1 --top 2 >/dev/null ||
		{ why "fixture: the poll or its cards failed"; return 1; }
}

# Compare file with tests/report/NAME (UPDATE=1: write it).
report_expect() {
	local name=$1 file=$2 want=$ROOT/tests/report/$1
	if [ -n "${UPDATE:-}" ]; then
		mkdir -p "$ROOT/tests/report" && cp "$file" "$want"
		return 0
	fi
	diff -u "$want" "$file" >&2 || { why "$name differs from tests/report/$name"; return 1; }
}

# The strict HTML check: html5lib in strict mode raises on any parse error;
# nothing that runs or fetches: no script element, no on…= handler and no
# src or href attribute in the parsed document, and no "<script", "url("
# or "http(s)://" anywhere in the file.
report_html_ok() {
	local f=$1
	"$(report_python)" - "$f" <<'PY' >&2 || { why "$f: not strict, self-contained HTML"; return 1; }
import re, sys, html5lib
text = open(sys.argv[1], encoding="utf-8").read()
tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
for el in tree.iter():
    tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
    if tag == "script":
        sys.exit("a script element")
    for name in el.attrib:
        if name.lower().startswith("on") or name.lower() in ("src", "href", "xlink:href"):
            sys.exit("attribute %s on <%s>" % (name, tag))
for bad in (r"<script", r"url\(", r"https?://"):
    m = re.search(bad, text, re.I)
    if m:
        sys.exit("found %r at %d" % (m.group(0), m.start()))
PY
}

t_report_session_matches_the_expected_files() {
	local db=$T/r.db
	report_fixture "$db" || return 1
	run "$PACT_SAN" --db "$db" report session 1
	expect_rc 0 && report_expect session.en.md "$T/out" || return 1
	run "$PACT_SAN" --db "$db" --lang nl report session 11111111-1111-4111-8111-111111111111 "$T/s.md"
	expect_rc 0 && [ ! -s "$T/out" ] && report_expect session.nl.md "$T/s.md" || return 1
	run "$PACT_SAN" --db "$db" report session 1 "$T/s.html"
	expect_rc 0 && expect_in "$T/err" "report written to $T/s.html" || return 1
	report_expect session.en.html "$T/s.html" && report_html_ok "$T/s.html" || return 1
	run "$PACT_SAN" --db "$db" --lang nl report session 1 --format html
	expect_rc 0 && report_expect session.nl.html "$T/out" && report_html_ok "$T/out" || return 1
	grep -q '<html lang="nl">' "$T/out" || { why "no lang=nl"; return 1; }
}

t_report_programme_matches_the_expected_files() {
	local db=$T/r.db
	report_fixture "$db" || return 1
	run "$PACT_SAN" --db "$db" report programme
	expect_rc 0 && report_expect programme.en.md "$T/out" || return 1
	run "$PACT_SAN" --db "$db" --lang nl report programme "$T/p.htm"
	expect_rc 0 && report_expect programme.nl.html "$T/p.htm" && report_html_ok "$T/p.htm" ||
		return 1
	expect_in "$T/p.htm" "€ 1.234,56" && expect_in "$T/p.htm" "01-09-2026"
}

# Names of participants only with --with-names; a running secret vote shows
# no result.
t_report_names_only_when_asked_and_sealed_polls_stay_sealed() {
	local db=$T/r.db
	report_fixture "$db" || return 1
	run "$PACT_SAN" --db "$db" report session 1 --format html
	expect_rc 0 || return 1
	! grep -E -q 'Bram|Sanne|Ahmed' "$T/out" || { why "a name or alias without --with-names"; return 1; }
	run "$PACT_SAN" --db "$db" report session 1 --with-names
	expect_rc 0 && expect_in "$T/out" "Bram de Vries" && expect_in "$T/out" "Bomen langs de kade (Bram)" ||
		return 1
	sqlite3 "$db" "UPDATE poll SET pin = 'x' WHERE id = 1" || return 1
	run "$PACT_SAN" --db "$db" report session 1
	expect_rc 0 && expect_in "$T/out" "A secret vote is still running" || return 1
	! grep -q '5 (42%)\|Ballots counted' "$T/out" || { why "a sealed poll's result in the report"; return 1; }
}

# Stored texts with HTML, quotes, '&' and terminal escapes (put straight
# into the database: pact's own input keeps control characters as typed).
t_report_hostile_texts_are_escaped() {
	local db=$T/r.db esc
	esc=$(printf '\033')
	report_fixture "$db" || return 1
	sqlite3 "$db" "UPDATE session SET title = '<script>alert(1)</script> & \"Q\" ''a''',
			location = 'a|b *x* _y_ [l](x) #h' WHERE id = 1;
		UPDATE idea SET text = char(27) || '[31mred <img src=x onerror=alert(1)>' WHERE id = 3;
		UPDATE participant SET alias = '<b>Bram</b>' WHERE alias = 'Bram';
		UPDATE experiment SET title = '<i>kaart</i>' || char(27) || ']0;x' || char(7) WHERE id = 1;
		UPDATE card_comm SET means = '<b>a|b</b> & ' || char(27) || '[2J' WHERE audience = 'raad'" || return 1
	run "$PACT_SAN" --db "$db" report session 1 --with-names "$T/h.html"
	expect_rc 0 && report_html_ok "$T/h.html" || return 1
	expect_in "$T/h.html" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot; &#39;a&#39;" &&
		expect_in "$T/h.html" "␛[31mred &lt;img src=x onerror=alert(1)&gt;" &&
		expect_in "$T/h.html" "&lt;b&gt;Bram&lt;/b&gt;" || return 1
	run "$PACT_SAN" --db "$db" report session 1 --with-names
	expect_rc 0 && cp "$T/out" "$T/h.md" || return 1
	expect_in "$T/out" '# \<script\>alert(1)\</script\> \& "Q" '"'a'" &&
		expect_in "$T/out" 'a\|b \*x\* \_y\_ \[l\](x) \#h' &&
		expect_in "$T/out" '␛\[31mred \<img src=x onerror=alert(1)\>' || return 1
	run "$PACT_SAN" --db "$db" report programme --format html
	expect_rc 0 && expect_in "$T/out" "&lt;i&gt;kaart&lt;/i&gt;␛]0;x␇" &&
		expect_in "$T/out" "&lt;b&gt;a|b&lt;/b&gt; &amp; ␛[2J" && report_html_ok "$T/out" || return 1
	run "$PACT_SAN" --db "$db" report programme
	expect_rc 0 && expect_in "$T/out" '\<b\>a\|b\</b\> \& ␛\[2J' && cp "$T/out" "$T/p.md" || return 1
	if grep -q "$esc" "$T/out" "$T/h.html" "$T/h.md" "$T/p.md"; then why "a raw ESC in a report"; return 1; fi
}

t_report_format_usage_and_atomic_writing() {
	local db=$T/r.db
	"$PACT_PLAIN" --db "$db" session new "Avond" >/dev/null || return 1
	run "$PACT_SAN" --db "$db" report session 1 "$T/r.txt"
	expect_rc 2 && expect_in "$T/err" "$T/r.txt: the file's extension names no report format" || return 1
	[ ! -e "$T/r.txt" ] || { why "a file was written after a usage error"; return 1; }
	run "$PACT_SAN" --db "$db" report session 1 "$T/r.txt" --format html
	expect_rc 0 && expect_in "$T/r.txt" "<!DOCTYPE html>" || return 1
	run "$PACT_SAN" --db "$db" report session 1 "$T/r.html" --format markdown
	expect_rc 0 && expect_in "$T/r.html" "# Avond" || return 1
	run "$PACT_SAN" --db "$db" report session 1 --format pdf
	expect_rc 2 && expect_in "$T/err" "--format takes md, markdown or html, not 'pdf'" || return 1
	run "$PACT_SAN" --db "$db" report programme --with-names
	expect_rc 2 && expect_in "$T/err" "usage: pact report" || return 1
	run "$PACT_SAN" --db "$db" report session 9
	expect_rc 3 || return 1
	run "$PACT_SAN" --db "$db" report session 1 "$T/no/such/dir/r.md"
	expect_rc 3 && expect_in "$T/err" "$T/no/such/dir/r.md" || return 1
	# a failed report leaves the old file as it was and no temporary file
	echo old >"$T/keep.md"
	sqlite3 "$db" "DROP TABLE round" || return 1
	run "$PACT_SAN" --db "$db" report session 1 "$T/keep.md"
	expect_rc 4 && [ "$(cat "$T/keep.md")" = old ] || { why "keep.md: $(cat "$T/keep.md")"; return 1; }
	[ -z "$(find "$T" -name '.pact-export-*')" ] || { why "a temporary file was left"; return 1; }
}

# PNG width from its IHDR chunk (bytes 16-19, big-endian).
report_png_width() {
	od -An -tu1 -j16 -N4 "$1" | awk '{ print ($1 * 16777216) + ($2 * 65536) + ($3 * 256) + $4 }'
}

# The HTML drawn by headless Chromium (Debian's chromium, installed by make
# deps-browser when missing): a real PNG, at least 800 pixels wide.
t_report_html_renders_in_chromium() {
	local db=$T/r.db
	(cd "$ROOT" && make -s deps-browser) >&2 || { why "make deps-browser failed"; return 1; }
	report_fixture "$db" || return 1
	"$PACT_PLAIN" --db "$db" report session 1 "$T/s.html" 2>/dev/null || return 1
	timeout 60 chromium --headless --no-sandbox --disable-gpu --screenshot="$T/s.png" \
		--window-size=1024,1400 "file://$T/s.html" >"$T/chromium.log" 2>&1
	[ -s "$T/s.png" ] || { why "no picture: $(tail -3 "$T/chromium.log")"; return 1; }
	[ "$(head -c 8 "$T/s.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
		{ why "s.png is not a PNG"; return 1; }
	[ "$(report_png_width "$T/s.png")" -ge 800 ] ||
		{ why "s.png is $(report_png_width "$T/s.png") pixels wide"; return 1; }
	# make report-picture keeps it for the README
	[ -z "${REPORT_PICTURE:-}" ] || cp "$T/s.png" "$REPORT_PICTURE"
}

# R writes the reports from the screens: the programme report on the
# Board, a session's report from the list of sessions (here in Dutch, to
# Markdown); a name that is neither .html nor .md is refused and says so.
t_tmux_report_keys_write_reports() {
	report_fixture "$T/pact.db" || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --db "$T/pact.db" || return 1
	wait_for "[1 Wizard]" && tm send-keys -t p 2 R && wait_for "Programme report" &&
		wait_for "~/programme-report.html" || return 1
	tm send-keys -t p C-u '~/r.txt' C-d && wait_for "file: end the name in .html (to read and print) or .md (Markdown)" || return 1
	tm send-keys -t p C-u '~/programma.html' C-d && wait_for "Report written to $T/programma.html" || return 1
	grep -qF '<h1>Programme report</h1>' "$T/programma.html" && grep -qF 'Bankjesroute' "$T/programma.html" ||
		{ why "the programme report lacks its heading or a card"; return 1; }
	tm send-keys -t p q && wait_exit 0 && tm kill-session -t p || return 1
	start_pact 80x24 LANG=C.UTF-8 -- --lang nl --db "$T/pact.db" || return 1
	wait_for "Stappenplan" && tm send-keys -t p 3 && wait_for "Wijkavond Noord" || return 1
	tm send-keys -t p R && wait_for "Verslag van de sessie" && wait_for "~/verslag-sessie.html" || return 1
	tm send-keys -t p C-u '~/wijkavond.md' C-d && wait_for "Verslag geschreven naar $T/wijkavond.md" || return 1
	head -1 "$T/wijkavond.md" | grep -qx '# Wijkavond Noord' && grep -q '^## Stemmingen' "$T/wijkavond.md" ||
		{ why "the session report: $(head -3 "$T/wijkavond.md")"; return 1; }
	# without "with names", no participant's name or alias is in it
	if grep -q "Bram" "$T/wijkavond.md"; then why "a name in the report without asking"; return 1; fi
}
