# pact tally: counts from ballot files, without a database.

# ballots_of "A:B:C" "B:C:A" …: one voter per argument, options in rank order.
ranked_ballots() {
	local v=0 o r
	echo "voter,option,value"
	for b in "$@"; do
		v=$((v + 1)); r=0
		IFS=: read -ra opts <<<"$b"
		for o in "${opts[@]}"; do r=$((r + 1)); echo "v$v,$o,$r"; done
	done
}

t_tally_schulze_45_voters() {
	local b=() i
	for i in $(seq 5); do b+=(A:C:B:E:D); done
	for i in $(seq 5); do b+=(A:D:E:C:B); done
	for i in $(seq 8); do b+=(B:E:D:A:C); done
	for i in $(seq 3); do b+=(C:A:B:E:D); done
	for i in $(seq 7); do b+=(C:A:E:B:D); done
	for i in $(seq 2); do b+=(C:B:A:D:E); done
	for i in $(seq 7); do b+=(D:C:E:B:A); done
	for i in $(seq 8); do b+=(E:B:A:D:C); done
	ranked_ballots "${b[@]}" >"$T/b.csv"
	run "$PACT_SAN" tally --method schulze --ballots "$T/b.csv" --format csv
	expect_rc 0 || return 1
	[ "$(sed -n 2,6p "$T/out" | cut -d, -f2 | tr -d '\n')" = EACBD ] || { why "order: $(cat "$T/out")"; return 1; }
	[ "$(head -1 "$T/out")" = "position,option,value" ] || { why "header"; return 1; }
	run "$PACT_SAN" tally --method schulze --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" "Strongest paths" && expect_in "$T/out" "45 voters"
}

t_tally_dot_counts_ties_and_lots() {
	printf 'voter,option,value\nAns,Bankjes,3\nAns,Groen,2\nBas,Groen,3\nBas,Bankjes,2\nCor,Licht,5\n' >"$T/d.csv"
	printf 'option,cost\nBankjes,\nGroen,\nLicht,\nSpeeltuin,\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --options "$T/o.csv" --format csv
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "position,option,value
1,Bankjes,5
1,Groen,5
1,Licht,5
4,Speeltuin,0" ] || { why "dot result: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --options "$T/o.csv"
	expect_in "$T/out" "Ties: tied options share a position" || return 1
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --tiebreak lot --seed 42 --format csv
	cp "$T/out" "$T/lot1"
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --tiebreak lot --seed 42 --format csv
	cmp -s "$T/out" "$T/lot1" || { why "same seed, different draw"; return 1; }
	[ "$(cut -d, -f1 "$T/out" | tr -d '\n')" = position123 ] || { why "a lot leaves no shared position: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --tiebreak lot --seed 42
	expect_in "$T/out" "seed 42"
}

t_tally_refusals() {
	printf 'voter,option,value\nAns,A,4\nAns,B,3\n' >"$T/d.csv"
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --dots 5
	expect_rc 3 && expect_in "$T/err" "$T/d.csv:3:3:" && expect_in "$T/err" "5" || return 1
	printf 'voter,option,value\nAns,A,1\nAns,B,1\n' >"$T/r.csv"
	run "$PACT_SAN" tally --method borda --ballots "$T/r.csv"
	expect_rc 3 && expect_in "$T/err" "$T/r.csv:3:3:" || return 1
	printf 'voter,option,value\nAns,A,x\n' >"$T/x.csv"
	run "$PACT_SAN" tally --method approval --ballots "$T/x.csv"
	expect_rc 3 && expect_in "$T/err" "$T/x.csv:2:3: column 'value'" || return 1
	printf 'option,cost\nA,100\n' >"$T/o.csv"
	printf 'voter,option,value\nAns,Z,1\n' >"$T/z.csv"
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/z.csv" --options "$T/o.csv" --budget 50
	expect_rc 3 && expect_in "$T/err" "$T/z.csv:2:2: column 'option': unknown option 'Z'" || return 1
	printf 'kiezer,optie,waarde\n' >"$T/h.csv"
	run "$PACT_SAN" tally --method dot --ballots "$T/h.csv"
	expect_rc 3 && expect_in "$T/err" "unexpected column 'kiezer'" || return 1
	run "$PACT_SAN" tally --method nonsense --ballots "$T/d.csv"
	expect_rc 2 || return 1
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/z.csv"
	expect_rc 2 && expect_in "$T/err" "--budget" || return 1
	run "$PACT_SAN" tally --method dot --ballots "$T/d.csv" --tiebreak lot
	expect_rc 2 && expect_in "$T/err" "--seed"
}

t_tally_pb_never_over_budget() {
	printf 'option,cost\nSpeeltuin,60000\nBankjes,10000\nMoestuin,35000\nLicht,20000\n' >"$T/o.csv"
	{ echo "voter,option,value"; for v in $(seq 1 30); do
		echo "v$v,Speeltuin,1"; [ $((v % 2)) = 0 ] && echo "v$v,Bankjes,1"
		[ $((v % 3)) = 0 ] && echo "v$v,Moestuin,1"; [ "$v" -le 5 ] && echo "v$v,Licht,1"; done; } >"$T/b.csv"
	for m in pb-greedy pb-mes; do
		run "$PACT_SAN" tally --method $m --ballots "$T/b.csv" --options "$T/o.csv" --budget 100000 --format csv
		expect_rc 0 || return 1
		[ "$(awk -F, 'NR > 1 { s += $3 } END { print s + 0 }' "$T/out")" -le 100000 ] || { why "$m over budget: $(cat "$T/out")"; return 1; }
	done
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 100000 --format csv
	[ "$(sed -n 2p "$T/out")" = "1,Speeltuin,60000.00" ] || { why "greedy funds the most approved first: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/b.csv" --options "$T/o.csv" --budget 100000
	expect_in "$T/out" "Budget €100,000.00"
}

t_tally_irv_rounds() {
	ranked_ballots A:B A:B A:B B:C B:C C:B C:B C >"$T/b.csv"
	run "$PACT_SAN" tally --method irv --ballots "$T/b.csv" --format csv
	expect_rc 0 || return 1
	[ "$(sed -n 2p "$T/out" | cut -d, -f1,2)" = "1,C" ] || { why "irv winner: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method irv --ballots "$T/b.csv"
	expect_in "$T/out" "Rounds" && expect_in "$T/out" "exhausted"
}

t_tally_irv_exact_ties_share_a_position() {
	printf 'voter,option,value\nA,x,1\nB,x,1\nC,y,1\n' >"$T/b.csv"
	printf 'option\nx\ny\np\nq\nr\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method irv --ballots "$T/b.csv" --options "$T/o.csv" --format csv
	expect_rc 0 && [ "$(tail -3 "$T/out" | cut -d, -f1 | tr -d '\n')" = 333 ] || { why "$(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/b.csv" --options <(printf 'option,cost\nx,5\ny,5\np,1\nq,1\nr,1\n') --budget 10
	expect_in "$T/out" "Tie rule: equal payments go to the lower cost"
}

# 9,300 voters each give A D dots (D = 10^18, and 10^15, the largest --dots
# took before), one voter gives B 1 dot: A's dots add up past INT64_MAX. The
# count is refused with the reason, and nothing is printed as a result
# (before, the sum wrapped around and B won, or UBSan aborted).
t_tally_totals_past_int64_max_are_refused() {
	local d
	for d in 1000000000000000000 1000000000000000; do
		awk -v d=$d 'BEGIN { print "voter,option,value"; for (i = 1; i <= 9300; i++) print "v" i ",A," d; print "w,B,1" }' >"$T/b.csv"
		for f in text csv; do
			run "$PACT_SAN" tally --method dot --dots $d --ballots "$T/b.csv" --format $f
			expect_rc 3 || return 1
			expect_in "$T/err" "option 'A': the dots add up past 9223372036854775807; pact cannot count this exactly" || return 1
			[ ! -s "$T/out" ] || { why "a result was printed: $(head -c 300 "$T/out")"; return 1; }
		done
	done
}

# A --range bound past int64_t is refused, not cut to INT64_MAX.
t_tally_range_past_int64_is_refused() {
	printf 'voter,option,value
Ans,A,5
' >"$T/b.csv"
	run "$PACT_SAN" tally --method score --range 0..99999999999999999999 --ballots "$T/b.csv"
	expect_rc 2 && expect_in "$T/err" "--range: " && expect_in "$T/err" "99999999999999999999" || return 1
	run "$PACT_SAN" tally --method score --range -99999999999999999999..5 --ballots "$T/b.csv"
	expect_rc 2 || return 1
	run "$PACT_SAN" tally --method score --range -9223372036854775808..9223372036854775807 --ballots "$T/b.csv" --format csv
	expect_rc 0 && [ "$(sed -n 2p "$T/out")" = "1,A,5" ] || { why "full range: $(cat "$T/out" "$T/err")"; return 1; }
}

# A --range that is not LO..HI with LO below HI says what is wrong, with an
# example (value_range, as the Vote panel's form).
t_tally_range_refused_with_example() {
	printf 'voter,option,value\nAns,A,5\n' >"$T/b.csv"
	run "$PACT_SAN" tally --method score --range 5..1 --ballots "$T/b.csv"
	expect_rc 2 && expect_in "$T/err" "pact: --range: '5..1' is not a range; the first number must be below the second, for example 0..5" || return 1
	run "$PACT_SAN" tally --method score --range 0-5 --ballots "$T/b.csv"
	expect_rc 2 && expect_in "$T/err" "pact: --range: '0-5' is not a range; write the lowest and the highest whole number with .. between, for example 0..5" || return 1
	run "$PACT_SAN" tally --method score --range " -2 .. 6 " --ballots "$T/b.csv" --format csv
	expect_rc 0 && [ "$(sed -n 2p "$T/out")" = "1,A,5" ] || { why "spaced range: $(cat "$T/out" "$T/err")"; return 1; }
}

# Totals at the limit are exact: A has exactly INT64_MAX dots, B one fewer,
# and A wins alone; 2^53 + 1 against 2^53 (equal as doubles) is no tie.
t_tally_totals_at_int64_max_are_exact() {
	local h=4611686018427387903
	printf 'voter,option,value\na1,A,%s\na2,A,%s\na3,A,1\nb1,B,%s\nb2,B,%s\n' $h $h $h $h >"$T/b.csv"
	run "$PACT_SAN" tally --method dot --dots $h --ballots "$T/b.csv" --format csv
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "position,option,value
1,A,9223372036854775807
2,B,9223372036854775806" ] || { why "result: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method dot --dots $h --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" "9223372036854775807" || return 1
	{ echo "voter,option,value"
	  for i in 1 2 3 4 5 6 7 8 9; do echo "a$i,A,1000000000000000"; echo "b$i,B,1000000000000000"; done
	  echo "a10,A,7199254740993"; echo "b10,B,7199254740992"; } >"$T/c.csv"
	run "$PACT_SAN" tally --method dot --dots 1000000000000000 --ballots "$T/c.csv" --format csv
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "position,option,value
1,A,9007199254740993
2,B,9007199254740992" ] || { why "2^53 + 1 against 2^53: $(cat "$T/out")"; return 1; }
}

# The same through the store: the ballots are taken (each is within the
# rules), but pact poll show and pact export results refuse the count, and
# no results file is written.
t_tally_poll_totals_past_int64_max_are_refused() {
	local d=1000000000000000
	printf 'option,cost\nA,\nB,\n' >"$T/o.csv"
	run "$PACT_SAN" poll new --method dot --dots $d --options "$T/o.csv" --title Groot
	expect_rc 0 || return 1
	awk -v d=$d 'BEGIN { print "voter,option,value"; for (i = 1; i <= 9300; i++) print "v" i ",A," d; print "w,B,1" }' >"$T/b.csv"
	run "$PACT_SAN" import ballots --poll 1 "$T/b.csv"
	expect_rc 0 || return 1
	for f in text csv; do
		run "$PACT_SAN" poll show 1 --format $f
		expect_rc 3 && expect_in "$T/err" "option 'A': the dots add up past 9223372036854775807" || return 1
		[ ! -s "$T/out" ] || { why "a result was printed: $(head -c 300 "$T/out")"; return 1; }
	done
	run "$PACT_SAN" export results --poll 1 "$T/r.csv"
	expect_rc 3 && expect_in "$T/err" "pact cannot count this exactly" || return 1
	[ ! -e "$T/r.csv" ] || { why "a results file was written: $(head -c 300 "$T/r.csv")"; return 1; }
}

# Schulze's winners by the definition: nobody beats A (2–2 with B and C) and
# nobody beats C (C beats B 3–1), so A and C share position 1 and B, beaten
# by C, comes third; the text names both and says they are tied.
t_tally_schulze_names_every_winner() {
	ranked_ballots A:C:B A:B:C C:B:A C:B:A >"$T/b.csv"
	run "$PACT_SAN" tally --method schulze --ballots "$T/b.csv" --format csv
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "position,option,value
1,A,0
1,C,1
3,B,0" ] || { why "schulze: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method schulze --ballots "$T/b.csv"
	expect_rc 0 && expect_in "$T/out" "Ties: tied options share a position"
}

# Borda reads ranks by their order: "1,3" is first and second place.
t_tally_borda_closes_rank_gaps() {
	printf 'voter,option,value\nAns,A,1\nAns,C,3\nBas,D,4\nBas,B,2\nCor,A,4\n' >"$T/b.csv"
	printf 'option,cost\nA,\nB,\nC,\nD,\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method borda --ballots "$T/b.csv" --options "$T/o.csv" --format csv
	expect_rc 0 || return 1
	[ "$(cat "$T/out")" = "position,option,value
1,A,6
2,B,3
3,C,2
3,D,2" ] || { why "borda: $(cat "$T/out")"; return 1; }
}

# Amounts with cents, in both notations, counted exactly in cents: CSV
# with a decimal point, text as the language writes amounts.
t_tally_amounts_with_cents() {
	# Moestuin and Speeltuin have two approvals each (Moestuin is cheaper),
	# Bankjes one; together they cost exactly 106165,64.
	printf 'option,cost\nSpeeltuin,60000.25\nBankjes,"9998,99"\nMoestuin,"€ 36.166,40"\n' >"$T/o.csv"
	printf 'voter,option,value\nv1,Speeltuin,1\nv1,Bankjes,1\nv2,Speeltuin,1\nv2,Moestuin,1\nv3,Moestuin,1\n' >"$T/b.csv"
	local budget
	for budget in 106165,64 106165.64 "€ 106.165,64" 106,165.64; do
		run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget "$budget" --format csv
		expect_rc 0 || return 1
		[ "$(cat "$T/out")" = "position,option,value
1,Moestuin,36166.40
2,Speeltuin,60000.25
3,Bankjes,9998.99" ] || { why "budget $budget: $(cat "$T/out")"; return 1; }
	done
	# one cent less and Bankjes no longer fits
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 106165,63 --format csv
	expect_rc 0 && [ "$(wc -l <"$T/out")" = 3 ] || { why "a cent short: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 106165,63
	expect_in "$T/out" "Budget €106,165.63; funded €96,166.65; left €9,998.98" || return 1
	run env LANGUAGE=nl "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 106200
	expect_rc 0 && expect_in "$T/out" "Budget € 106.200,00; gefinancierd € 106.165,64; over € 34,36" &&
		expect_in "$T/out" "€ 60.000,25" || return 1
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/o.csv" --budget 12,3,4
	expect_rc 2 && expect_in "$T/err" "--budget: '12,3,4' is not a valid amount; write for example 1234.56" || return 1
	printf 'option,cost\nSpeeltuin,12.345\nBankjes,"1,5,0"\n' >"$T/bad.csv"
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/bad.csv" --budget 100
	expect_rc 3 && expect_in "$T/err" "$T/bad.csv:3:2: column 'cost': '1,5,0' is not a valid amount" || return 1
	printf 'option,cost\nSpeeltuin,0\n' >"$T/zero.csv"
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/b.csv" --options "$T/zero.csv" --budget 100
	expect_rc 3 && expect_in "$T/err" "$T/zero.csv:2:2: column 'cost': '0' is out of range; a cost lies between 0.01 and 1,000,000,000,000 euros"
}

# Equal Shares add1 as the references compute it: the outcome of the
# original shares (P2, 5 left) is exhaustive, so it is kept, although one
# euro more a voter would have bought P0 within the budget. With an option
# nobody approved that fits in the 5 left, add1 goes on (P0) — and greedy
# never funds that option. help says where the definition comes from.
t_tally_pb_mes_add1_stops_when_exhaustive() {
	printf 'option,cost\nP0,7\nP1,10\nP2,3\n' >"$T/o.csv"
	printf 'voter,option,value\nv0,P1,1\nv1,P0,1\nv1,P1,1\nv1,P2,1\nv2,P0,1\nv2,P1,1\nv3,P0,1\nv3,P2,1\n' >"$T/b.csv"
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/b.csv" --options "$T/o.csv" --budget 8 --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,P2,3.00" ] || { why "exhaustive outcome not kept: $(cat "$T/out")"; return 1; }
	printf 'option,cost\nP0,7\nP1,10\nP2,3\nP3,5\n' >"$T/o4.csv"
	run "$PACT_SAN" tally --method pb-mes --ballots "$T/b.csv" --options "$T/o4.csv" --budget 8 --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,P0,7.00" ] || { why "an unapproved option that fits: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --help
	expect_rc 0 && expect_in "$T/out" "equalshares.net" && expect_in "$T/out" "exhaustion_by_budget_increase"
}

# An exact tie inside Equal Shares is said, with the rule that settled it:
# X and W both cost 1/3 per euro in the first step; W is cheaper.
t_tally_pb_mes_reports_ties() {
	printf 'option,cost\nX,60\nY,40\nZ,30\nW,20\n' >"$T/o.csv"
	printf 'voter,option,value\nv0,X,1\nv0,W,1\nv1,X,1\nv1,W,1\nv2,X,1\nv2,Y,1\nv3,Y,1\nv3,Z,1\nv3,W,1\n' >"$T/b.csv"
	run "$PACT_SAN" tally --method pb-mes --complete none --ballots "$T/b.csv" --options "$T/o.csv" --budget 100
	expect_rc 0 && expect_in "$T/out" "step 1: 'W' tied with 'X' on the payment per euro and went first by the lower cost." || return 1
	expect_in "$T/out" "Ties: none" && { why "a tie reported as none"; return 1; }
	return 0
}

# Pabulib files (tests/pabulib/, one per vote type), counted with the
# budget, costs and ballots they hold; hand-worked results:
# approval: budget 1000.50; Speeltuin 600.25 (3 approvals), Bankjes 400.25
#   (2), Licht 300 (2). Greedy: Speeltuin, then Licht (as many approvals as
#   Bankjes, cheaper); 100.25 left, Bankjes does not fit. Equal Shares:
#   shares of 250.125; Speeltuin at 200.08 a head (ρ 1/3) before Bankjes
#   and Licht (ρ 1/2); then v2 (50.04 left) and v4 (250.125) can pay Licht
#   (300), v1 and v4 cannot pay Bankjes (300.17 < 400.25). The outcome
#   leaves 100.25, where nothing fits: exhaustive, add1 stops at once.
# cumulative: points A 4, B 2, C 9; budget 800: C (250), A (500); B (300)
#   does not fit. (By approvals it would be C, B.)
# scoring: points A 4, B 2, C 4: C (cheaper of the tie), A.
# ordinal: IRV A 2, B 2, C 1 → C out, v3 to A → A 3, B 2. Borda (n = 3): A
#   2+0+1+2 = 5, B 1+2+2 = 5, C 0+1+2+1 = 4. Schulze: A beats B 3–2, B beats
#   C 3–2, A–C 2–2 (p[A][C] = 3 through B): A, B, C.
t_tally_pabulib_each_vote_type() {
	local d=$ROOT/tests/pabulib m
	for m in pb-greedy pb-mes; do
		run "$PACT_SAN" tally --method $m --ballots $d/approval.pb --format csv
		expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Speeltuin,600.25
2,Licht,300.00" ] || { why "$m approval.pb: $(cat "$T/out")"; return 1; }
	done
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/approval.pb
	expect_in "$T/out" "Budget €1,000.50; funded €900.25; left €100.25" || return 1
	for m in cumulative scoring; do
		run "$PACT_SAN" tally --method pb-greedy --ballots $d/$m.pb --format csv
		expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Bankjes,250.00
2,Moestuin,500.00" ] || { why "$m.pb: $(cat "$T/out")"; return 1; }
	done
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/cumulative.pb
	expect_in "$T/out" "Tie rule: equal points go to the lower cost" || return 1
	run "$PACT_SAN" tally --method irv --ballots $d/ordinal.pb --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Moestuin,3
2,Fietsenstalling,2
3,Bankjes,1" ] || { why "irv: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method borda --ballots $d/ordinal.pb --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Moestuin,5
1,Fietsenstalling,5
3,Bankjes,4" ] || { why "borda: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method schulze --ballots $d/ordinal.pb --format csv
	expect_rc 0 && [ "$(cut -d, -f1,2 "$T/out" | tr '\n' ' ')" = "position,option 1,Moestuin 2,Fietsenstalling 3,Bankjes " ] || { why "schulze: $(cat "$T/out")"; return 1; }
	# ballots that do not suit the method are refused, saying what to use
	run "$PACT_SAN" tally --method pb-mes --ballots $d/cumulative.pb
	expect_rc 3 && expect_in "$T/err" "$d/cumulative.pb: the ballots give points (cumulative or scoring); pb-mes counts approvals only; count them with pb-greedy" || return 1
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/ordinal.pb
	expect_rc 3 && expect_in "$T/err" "count them with irv, schulze or borda"
}

# --budget and --options override the file's; an --options row that is not
# one of the file's projects is refused.
t_tally_pabulib_overrides_and_errors() {
	local d=$ROOT/tests/pabulib
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/approval.pb --budget 1200 --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Speeltuin,600.25
2,Licht,300.00" ] || { why "--budget 1200: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/approval.pb --budget 1300,50 --format csv
	expect_rc 0 && [ "$(sed -n 4p "$T/out")" = "3,Bankjes,400.25" ] || { why "--budget 1300,50: $(cat "$T/out")"; return 1; }
	printf 'option,cost\nLicht,"450,00"\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/approval.pb --options "$T/o.csv" --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Speeltuin,600.25
2,Bankjes,400.25" ] || { why "--options: $(cat "$T/out")"; return 1; }
	printf 'option,cost\nFontein,100\n' >"$T/o.csv"
	run "$PACT_SAN" tally --method pb-greedy --ballots $d/approval.pb --options "$T/o.csv"
	expect_rc 3 && expect_in "$T/err" "option 'Fontein' is not a project of $d/approval.pb" || return 1
	sed 's/^4;19;f;2,3$/4;19;f;2,9/' $d/approval.pb >"$T/bad.pb"
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/bad.pb"
	expect_rc 3 && expect_in "$T/err" "$T/bad.pb:24:4:" && expect_in "$T/err" "'9'" || return 1
	sed 's/^budget;1000.50$/budget;tien/' $d/approval.pb >"$T/bad.pb"
	run "$PACT_SAN" tally --method pb-greedy --ballots "$T/bad.pb"
	expect_rc 3 && expect_in "$T/err" "$T/bad.pb:9:2:" && expect_in "$T/err" "budget"
}

# An empty Pabulib vote (allowed by min_length 0) is still a voter: in
# Equal Shares it has its share. Five voters share 1000.50 (200.10 each):
# after Speeltuin, v2 and v4 hold 200.12 together, short of Licht (300),
# which four voters' shares (250.125) could pay.
t_tally_pabulib_empty_vote_is_a_voter() {
	sed -e 's/^num_votes;4$/num_votes;5/' -e 's/^rule;greedy$/rule;greedy\nmin_length;0/' "$ROOT/tests/pabulib/approval.pb" >"$T/e.pb"
	echo "5;40;f;" >>"$T/e.pb"
	run "$PACT_SAN" tally --method pb-mes --complete none --ballots "$T/e.pb" --format csv
	expect_rc 0 && [ "$(cat "$T/out")" = "position,option,value
1,Speeltuin,600.25" ] || { why "five voters: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method pb-mes --complete none --ballots "$T/e.pb"
	expect_in "$T/out" "5 voters"
}

# The text report fits 80 columns: a long name is cut with "…" and keeps
# its bar on its own line; the method goes by its plain name, then the
# command-line one.
t_tally_text_fits_80_columns() {
	printf 'voter,option,value\nv1,Speeltuin bij de Vaart en de brug over de Singel naar het park,2\nv1,Bankjes,1\nv2,Bankjes,3\nv3,Een moestuin met kruiden en groente voor de hele buurt en de school,2\n' >"$T/b.csv"
	run "$PACT_SAN" tally --method dot --dots 3 --ballots "$T/b.csv"
	expect_rc 0 || return 1
	[ "$(wc -L <"$T/out")" -le 80 ] || { why "wider than 80 columns:"; cat "$T/out" >&2; return 1; }
	expect_in "$T/out" "Dot voting [dot] — 3 voters, 3 options; value: dots" &&
		expect_in "$T/out" "  2= Speeltuin bij de Vaart en de brug over de Singel naar… 2  25.0%  █████" &&
		expect_in "$T/out" "  1  Bankjes                                                4  50.0%  ██████████"
}

# What the tie rule decided is said once: the rule when nothing was tied,
# else what happened (not the rule and then the same again).
t_tally_ties_said_once() {
	printf 'voter,option,value\nA,x,2\nB,y,2\nC,z,1\n' >"$T/tie.csv"
	run "$PACT_SAN" tally --method dot --dots 2 --ballots "$T/tie.csv"
	[ "$(grep -c "Tie" "$T/out")" = 1 ] && expect_in "$T/out" "Ties: tied options share a position; no lot." ||
		{ why "ties: $(cat "$T/out")"; return 1; }
	printf 'voter,option,value\nA,x,2\nB,y,1\n' >"$T/none.csv"
	run "$PACT_SAN" tally --method dot --dots 2 --ballots "$T/none.csv"
	[ "$(grep -c "Tie" "$T/out")" = 1 ] && expect_in "$T/out" "Tie rule: tied options share a position; no lot." ||
		{ why "no ties: $(cat "$T/out")"; return 1; }
	# in Dutch too, the rule and what it decided in the same words
	run "$PACT_SAN" --lang nl tally --method dot --dots 2 --ballots "$T/tie.csv"
	expect_in "$T/out" "Gelijke stand: opties met dezelfde uitslag delen een plaats; geen loting." || return 1
	run "$PACT_SAN" --lang nl tally --method dot --dots 2 --ballots "$T/none.csv"
	expect_in "$T/out" "Regel bij gelijke stand: opties met dezelfde uitslag delen een plaats; geen loting."
}

# A lot says once, in one wording, what it decided: "broken by lot with
# seed 42" after a count that drew one (dot and irv alike), the rule in the
# same words when nothing was tied; Dutch "geloot met startgetal" likewise.
t_tally_lot_said_once() {
	printf 'voter,option,value\nA,x,2\nB,y,2\nC,z,1\n' >"$T/tie.csv"
	printf 'voter,option,value\nA,x,1\nB,y,1\nC,z,1\nC,x,2\n' >"$T/irv.csv"
	printf 'voter,option,value\nA,x,2\nB,y,1\n' >"$T/none.csv"
	local drawn="Ties: broken by lot with seed 42; the same seed gives the same draw."
	run "$PACT_SAN" tally --method dot --dots 2 --ballots "$T/tie.csv" --tiebreak lot --seed 42
	[ "$(grep -ci "tie" "$T/out")" = 1 ] && [ "$(grep -i "tie" "$T/out")" = "$drawn" ] ||
		{ why "dot, lot drawn: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method irv --ballots "$T/irv.csv" --tiebreak lot --seed 42
	[ "$(grep -i "tie" "$T/out")" = "$drawn" ] || { why "irv, lot drawn: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" tally --method dot --dots 2 --ballots "$T/none.csv" --tiebreak lot --seed 42
	[ "$(grep -i "tie" "$T/out")" = "Tie rule: by lot with seed 42." ] ||
		{ why "dot, nothing tied: $(cat "$T/out")"; return 1; }
	run "$PACT_SAN" --lang nl tally --method dot --dots 2 --ballots "$T/tie.csv" --tiebreak lot --seed 42
	expect_in "$T/out" "Gelijke stand: er is geloot met startgetal 42; hetzelfde startgetal geeft dezelfde trekking." || return 1
	run "$PACT_SAN" --lang nl tally --method dot --dots 2 --ballots "$T/none.csv" --tiebreak lot --seed 42
	expect_in "$T/out" "Regel bij gelijke stand: loting met startgetal 42." || return 1
}

# The Schulze matrices number the options and head their columns with the
# numbers. A:B:C twice, B:C:A once: d[A][B] = 2, d[A][C] = 2, d[B][C] = 3,
# d[B][A] = 1, d[C][A] = 1, d[C][B] = 0; p[B][A] = 0 (B never beats A).
t_tally_schulze_matrix_has_column_headings() {
	ranked_ballots A:B:C A:B:C B:C:A >"$T/b.csv"
	run "$PACT_SAN" tally --method schulze --ballots "$T/b.csv"
	expect_rc 0 || return 1
	sed -n '/(d):$/,/^$/p' "$T/out" >"$T/d.txt"
	[ "$(cat "$T/d.txt")" = "Voters preferring the row to the column (d):
       1  2  3
  1 A  -  2  2
  2 B  1  -  3
  3 C  1  0  -" ] || { why "d: $(cat "$T/out")"; return 1; }
	sed -n '/(p):$/,$p' "$T/out" | sed -n 4p | grep -qx "  2 B  0  -  3" || { why "p: $(cat "$T/out")"; return 1; }
}

# The IRV round table has a heading of round numbers, and names cut with
# "…" within 80 columns.
t_tally_irv_round_table_headed() {
	local long="Een moestuin met kruiden en groente voor de hele buurt en de school"
	ranked_ballots "A:$long" "A:$long" "B:$long" "$long:B" "$long:B" "C:A" >"$T/b.csv"
	run "$PACT_SAN" tally --method irv --ballots "$T/b.csv"
	expect_rc 0 || return 1
	grep -q "^  Round  *1  2  3  4\$" "$T/out" || { why "heading: $(cat "$T/out")"; return 1; }
	grep -q "^  Een moestuin met kruiden en groente voor de hele buurt en de scho…  2  3  3  5\$" "$T/out" &&
		grep -q "^  1= Een moestuin met kruiden en groente voor de hele buurt en de… 5  ██████████\$" "$T/out" ||
		{ why "cut name: $(cat "$T/out")"; return 1; }
	# (the sentence on ties is one line, for grep; a terminal wraps it)
	[ "$(grep -v "^Ties:" "$T/out" | wc -L)" -le 80 ] || { why "wider than 80: $(cat "$T/out")"; return 1; }
}
