/* Unit tests of instant-runoff and participatory budgeting: hand-checked
 * elections (centre squeeze, ties broken by earlier rounds, ties that do
 * and do not matter, lots), IRV against a plain recount that follows every
 * tie; pb-greedy and Equal Shares on hand-checked examples, the budget on
 * random instances, and add1 against the plain one-unit-at-a-time rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally.h"

/* --- building ballots from (voter, option, value) triples ---------------- */

struct triple {
	size_t voter;
	uint32_t option;
	int64_t value;
};

struct ballots {
	struct triple *t;
	size_t n, cap, nvoters;
	size_t *start;
	uint32_t *option;
	int64_t *value;
	int64_t *costs;
};

static void add_mark(struct ballots *b, size_t voter, uint32_t option, int64_t value)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->t = realloc(b->t, b->cap * sizeof *b->t);
		assert_non_null(b->t);
	}
	b->t[b->n++] = (struct triple){ voter, option, value };
	if (voter >= b->nvoters)
		b->nvoters = voter + 1;
}

/* times new voters, each ranking the options named by the letters of order
 * (letters: the options' one-letter names in input order), best first. An
 * empty order casts empty ballots. */
static void add_ranked(struct ballots *b, size_t times, const char *letters, const char *order)
{
	for (size_t i = 0; i < times; i++) {
		size_t v = b->nvoters++;
		for (size_t r = 0; order[r]; r++) {
			const char *at = strchr(letters, order[r]);
			assert_non_null(at);
			add_mark(b, v, (uint32_t)(at - letters), (int64_t)r + 1);
		}
	}
}

/* The triples as CSR arrays (each voter's marks in the order added) and
 * the input that points into them. */
static struct tally_input make_input(struct ballots *b, enum tally_method m, size_t noptions,
				     const char *const *names)
{
	size_t *fill = calloc(b->nvoters + 1, sizeof *fill);

	b->start = calloc(b->nvoters + 1, sizeof *b->start);
	b->option = malloc((b->n + 1) * sizeof *b->option);
	b->value = malloc((b->n + 1) * sizeof *b->value);
	assert_true(fill && b->start && b->option && b->value);
	for (size_t i = 0; i < b->n; i++)
		b->start[b->t[i].voter + 1]++;
	for (size_t v = 0; v < b->nvoters; v++) {
		b->start[v + 1] += b->start[v];
		fill[v] = b->start[v];
	}
	for (size_t i = 0; i < b->n; i++) {
		size_t at = fill[b->t[i].voter]++;
		b->option[at] = b->t[i].option;
		b->value[at] = b->t[i].value;
	}
	free(fill);
	return (struct tally_input){ .method = m, .noptions = noptions, .names = names,
				     .costs = b->costs, .nvoters = b->nvoters, .start = b->start,
				     .option = b->option, .value = b->value };
}

static void free_ballots(struct ballots *b)
{
	free(b->t);
	free(b->start);
	free(b->option);
	free(b->value);
	free(b->costs);
	memset(b, 0, sizeof *b);
}

static void count_irv(const struct tally_input *in, struct tally_result *out)
{
	struct pact_err err = { 0 };

	assert_int_equal(tally_count_irv(in, out, &err), PACT_OK);
}

static void count_pb(const struct tally_input *in, struct tally_result *out)
{
	struct pact_err err = { 0 };

	assert_int_equal(tally_method(in->method)->count(in, out, &err), PACT_OK);
}

/* Round r of the round table, against the expected votes per option. */
static void assert_round(const struct tally_result *out, size_t n, size_t r, const int64_t *want)
{
	assert_true(r < out->nrounds);
	for (size_t o = 0; o < n; o++)
		if (out->round_votes[r * n + o] != want[o])
			fail_msg("round %zu option %zu: %lld votes, expected %lld", r, o,
				 (long long)out->round_votes[r * n + o], (long long)want[o]);
}

static void assert_row(const struct tally_result *out, size_t i, size_t option, size_t position,
		       int64_t value)
{
	assert_true(i < out->nrows);
	if (out->rows[i].option != option || out->rows[i].position != position ||
	    out->rows[i].value != value)
		fail_msg("row %zu: option %zu position %zu value %lld, expected %zu %zu %lld", i,
			 out->rows[i].option, out->rows[i].position, (long long)out->rows[i].value,
			 option, position, (long long)value);
}

static void assert_note_has(const struct tally_result *out, const char *words)
{
	if (!strstr(out->note, words))
		fail_msg("note \"%s\" lacks \"%s\"", out->note, words);
}

/* --- IRV: hand-checked elections ------------------------------------------ */

static const char *const lcrd[] = { "L", "C", "R", "D" };

/* The option most voters rank first, by plain counting. */
static size_t plurality_winner(const struct tally_input *in)
{
	size_t first[8] = { 0 }, best = 0;

	for (size_t v = 0; v < in->nvoters; v++)
		for (size_t i = in->start[v]; i < in->start[v + 1]; i++)
			if (in->value[i] == 1)
				first[in->option[i]]++;
	for (size_t o = 1; o < in->noptions; o++)
		if (first[o] > first[best])
			best = o;
	return best;
}

/* The option that beats every other head to head (an unranked option is
 * below every ranked one), or SIZE_MAX. */
static size_t condorcet_winner(const struct tally_input *in)
{
	for (size_t x = 0; x < in->noptions; x++) {
		bool beats_all = true;
		for (size_t y = 0; y < in->noptions && beats_all; y++) {
			long xy = 0, yx = 0;
			if (x == y)
				continue;
			for (size_t v = 0; v < in->nvoters; v++) {
				int64_t rx = INT64_MAX, ry = INT64_MAX;
				for (size_t i = in->start[v]; i < in->start[v + 1]; i++) {
					if (in->option[i] == x)
						rx = in->value[i];
					if (in->option[i] == y)
						ry = in->value[i];
				}
				xy += rx < ry;
				yx += ry < rx;
			}
			beats_all = xy > yx;
		}
		if (beats_all)
			return x;
	}
	return SIZE_MAX;
}

/* Centre squeeze. 110 voters:
 *   35 L>C>R   33 R>C   20 C>R>L   12 C   6 D>L   4 D
 * Plurality: L (35). Condorcet: C beats L 65–41, R 67–33, D 100–10.
 * IRV, 110 continuing, majority 56:
 *   round 1: L 35, C 32, R 33, D 10; D goes: 6 to L, 4 exhaust;
 *   round 2: L 41, C 32, R 33 (106 continuing); C goes: 20 to R, 12 exhaust;
 *   round 3: L 41, R 53 (94 continuing, majority 48): R wins. */
static void test_irv_centre_squeeze(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 35, "LCRD", "LCR");
	add_ranked(&b, 33, "LCRD", "RC");
	add_ranked(&b, 20, "LCRD", "CRL");
	add_ranked(&b, 12, "LCRD", "C");
	add_ranked(&b, 6, "LCRD", "DL");
	add_ranked(&b, 4, "LCRD", "D");
	in = make_input(&b, TALLY_IRV, 4, lcrd);
	assert_int_equal(plurality_winner(&in), 0);
	assert_int_equal(condorcet_winner(&in), 1);
	count_irv(&in, &out);
	assert_int_equal(out.nrounds, 3);
	assert_round(&out, 4, 0, (const int64_t[]){ 35, 32, 33, 10 });
	assert_round(&out, 4, 1, (const int64_t[]){ 41, 32, 33, -1 });
	assert_round(&out, 4, 2, (const int64_t[]){ 41, -1, 53, -1 });
	assert_int_equal(out.exhausted[0], 0);
	assert_int_equal(out.exhausted[1], 4);
	assert_int_equal(out.exhausted[2], 16);
	assert_int_equal(out.nrows, 4);
	assert_row(&out, 0, 2, 1, 53); /* R */
	assert_row(&out, 1, 0, 2, 41); /* L, still in the count */
	assert_row(&out, 2, 1, 3, 32); /* C, eliminated second */
	assert_row(&out, 3, 3, 4, 10); /* D, eliminated first */
	assert_false(out.tie);
	assert_false(out.tie_mattered);
	assert_string_equal(out.note, "");
	tally_free(&out);
	free_ballots(&b);
}

static const char *const abcde[] = { "A", "B", "C", "D", "E", "F", "G", "H" };

/* 46 voters: 9 A>D, 8 B>E, 1 C>B, 2 C, 12 D, 14 E.
 * Round 1: A 9, B 8, C 3, D 12, E 14; C goes (1 to B, 2 exhaust).
 * Round 2: A 9, B 9, D 12, E 14: A and B tie for fewest; in round 1 B had
 * fewer (8 to 9), so B goes, although A comes first in input order: 8 to
 * E, 1 exhausts. Round 3: A 9, D 12, E 22 of 43: E wins. */
static void test_irv_tie_broken_by_earlier_round(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 9, "ABCDE", "AD");
	add_ranked(&b, 8, "ABCDE", "BE");
	add_ranked(&b, 1, "ABCDE", "CB");
	add_ranked(&b, 2, "ABCDE", "C");
	add_ranked(&b, 12, "ABCDE", "D");
	add_ranked(&b, 14, "ABCDE", "E");
	in = make_input(&b, TALLY_IRV, 5, abcde);
	count_irv(&in, &out);
	assert_int_equal(out.nrounds, 3);
	assert_round(&out, 5, 0, (const int64_t[]){ 9, 8, 3, 12, 14 });
	assert_round(&out, 5, 1, (const int64_t[]){ 9, 9, -1, 12, 14 });
	assert_round(&out, 5, 2, (const int64_t[]){ 9, -1, -1, 12, 22 });
	assert_int_equal(out.exhausted[1], 2);
	assert_int_equal(out.exhausted[2], 3);
	assert_row(&out, 0, 4, 1, 22); /* E */
	assert_row(&out, 1, 3, 2, 12); /* D and A are still in the count */
	assert_row(&out, 2, 0, 3, 9);
	assert_row(&out, 3, 1, 4, 9); /* B went after C */
	assert_row(&out, 4, 2, 5, 3);
	assert_string_equal(out.note, "");
	assert_false(out.tie);
	tally_free(&out);
	free_ballots(&b);
}

/* 24 voters: 10 A, 8 D, 3 B>A, 3 C>A. B and C tie at 3 in round 1 with no
 * earlier round; whichever goes, A gets 13 of 24 and wins. The rounds shown
 * are those of the first way (B goes). */
static void test_irv_tie_that_does_not_matter(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 10, "ABCD", "A");
	add_ranked(&b, 8, "ABCD", "D");
	add_ranked(&b, 3, "ABCD", "BA");
	add_ranked(&b, 3, "ABCD", "CA");
	in = make_input(&b, TALLY_IRV, 4, abcde);
	count_irv(&in, &out);
	assert_int_equal(out.nrounds, 2);
	assert_round(&out, 4, 0, (const int64_t[]){ 10, 3, 3, 8 });
	assert_round(&out, 4, 1, (const int64_t[]){ 13, -1, 3, 8 });
	assert_row(&out, 0, 0, 1, 13);
	assert_row(&out, 1, 3, 2, 8);
	assert_row(&out, 2, 2, 3, 3);
	assert_row(&out, 3, 1, 4, 3);
	assert_false(out.tie);
	assert_false(out.tie_mattered);
	assert_false(out.lot_drawn);
	assert_note_has(&out, "did not matter");
	tally_free(&out);
	free_ballots(&b);
}

/* 9 voters: 4 A, 3 B>C, 2 E>A; C and D have no first preferences. They
 * take part, tie at 0 and go first, one by one (no ballot moves, so the
 * order cannot matter); then E goes and A wins with 6. */
static void test_irv_zero_first_preferences(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 4, "ABCDE", "A");
	add_ranked(&b, 3, "ABCDE", "BC");
	add_ranked(&b, 2, "ABCDE", "EA");
	in = make_input(&b, TALLY_IRV, 5, abcde);
	count_irv(&in, &out);
	assert_int_equal(out.nrounds, 4);
	assert_round(&out, 5, 0, (const int64_t[]){ 4, 3, 0, 0, 2 });
	assert_round(&out, 5, 1, (const int64_t[]){ 4, 3, -1, 0, 2 });
	assert_round(&out, 5, 2, (const int64_t[]){ 4, 3, -1, -1, 2 });
	assert_round(&out, 5, 3, (const int64_t[]){ 6, 3, -1, -1, -1 });
	assert_row(&out, 0, 0, 1, 6);
	assert_row(&out, 1, 1, 2, 3);
	assert_row(&out, 2, 4, 3, 2);
	assert_row(&out, 3, 3, 4, 0);
	assert_row(&out, 4, 2, 5, 0);
	assert_false(out.tie_mattered);
	assert_note_has(&out, "did not matter");
	tally_free(&out);
	free_ballots(&b);
}

/* 11 voters: 5 A, 3 B>C, 3 C>B. B and C tie at 3; if B goes C has 6 of 11
 * and wins, if C goes B wins: a declared tie, B and C first. */
static void tie_that_matters(struct ballots *b, struct tally_input *in)
{
	add_ranked(b, 5, "ABC", "A");
	add_ranked(b, 3, "ABC", "BC");
	add_ranked(b, 3, "ABC", "CB");
	*in = make_input(b, TALLY_IRV, 3, abcde);
}

static void test_irv_tie_that_matters(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	tie_that_matters(&b, &in);
	count_irv(&in, &out);
	assert_true(out.tie);
	assert_true(out.tie_mattered);
	assert_false(out.lot_drawn);
	assert_int_equal(out.nrows, 3);
	assert_row(&out, 0, 1, 1, 3); /* B went in the first way */
	assert_row(&out, 1, 2, 1, 6);
	assert_row(&out, 2, 0, 3, 5);
	assert_note_has(&out, "B, C could each win");
	/* The rounds of the first way. */
	assert_int_equal(out.nrounds, 2);
	assert_round(&out, 3, 1, (const int64_t[]){ 5, -1, 6 });
	tally_free(&out);
	free_ballots(&b);
}

static size_t lot_winner(struct tally_input *in, uint64_t seed)
{
	struct tally_result out;
	size_t w;

	in->lot = true;
	in->seed = seed;
	count_irv(in, &out);
	assert_true(out.lot_drawn);
	assert_false(out.tie);
	assert_false(out.tie_mattered);
	assert_int_equal(out.rows[1].position, 2);
	assert_note_has(&out, "lot");
	w = out.rows[0].option;
	tally_free(&out);
	return w;
}

/* The same election by lot: each seed gives one winner, the same every
 * time; seeds 1 and 2 draw differently. */
static void test_irv_lot(void **state)
{
	struct ballots b = { 0 };
	struct tally_input in;

	(void)state;
	tie_that_matters(&b, &in);
	assert_int_equal(lot_winner(&in, 1), lot_winner(&in, 1));
	assert_int_equal(lot_winner(&in, 2), lot_winner(&in, 2));
	assert_int_equal(lot_winner(&in, 1), 1);
	assert_int_equal(lot_winner(&in, 2), 2);
	free_ballots(&b);
}

/* With more than 64 options the ways through a tie are not followed: 67
 * options without votes go first (that cannot matter), then B and C tie
 * with ballots to move; B goes by input order and C wins, with a note. */
static void test_irv_many_options(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 5, "ABC", "A");
	add_ranked(&b, 3, "ABC", "BC");
	add_ranked(&b, 3, "ABC", "CB");
	in = make_input(&b, TALLY_IRV, 70, NULL);
	count_irv(&in, &out);
	assert_int_equal(out.nrows, 70);
	assert_int_equal(out.nrounds, 69);
	assert_row(&out, 0, 2, 1, 6);
	assert_row(&out, 1, 0, 2, 5);
	assert_row(&out, 2, 1, 3, 3);
	assert_true(out.tie_mattered);
	assert_note_has(&out, "more than 64 options");
	tally_free(&out);
	free_ballots(&b);
}

/* Two options: the one more voters rank above the other wins in round 1;
 * an exact tie is a declared tie. Fixed example, then random elections. */
static void test_irv_two_options_majority(void **state)
{
	uint64_t rng = 7;

	(void)state;
	for (int k = 0; k < 100; k++) {
		struct ballots b = { 0 };
		struct tally_result out;
		struct tally_input in;
		size_t nv = k == 0 ? 15 : 1 + tally_random(&rng) % 30;
		long pref[2] = { 0 };

		for (size_t v = 0; v < nv; v++) {
			static const char *const forms[] = { "AB", "BA", "A", "B", "" };
			size_t f = k == 0 ? (v < 8 ? 0 : v < 13 ? 3 : 1) : tally_random(&rng) % 5;
			add_ranked(&b, 1, "AB", forms[f]);
			if (forms[f][0])
				pref[forms[f][0] - 'A']++;
		}
		in = make_input(&b, TALLY_IRV, 2, abcde);
		count_irv(&in, &out);
		if (pref[0] == pref[1]) {
			assert_true(out.tie_mattered);
			assert_int_equal(out.rows[1].position, 1);
		} else {
			size_t major = pref[1] > pref[0];
			assert_int_equal(out.rows[0].option, major);
			assert_int_equal(out.rows[1].position, 2);
			assert_int_equal(out.nrounds, 1);
			assert_int_equal(out.round_votes[major], pref[major]);
			assert_int_equal(out.exhausted[0], (int64_t)nv - pref[0] - pref[1]);
		}
		if (k == 0)
			assert_int_equal(out.rows[0].option, 0);
		tally_free(&out);
		free_ballots(&b);
	}
}

/* 8 voters: BAEDF, C, EC, CBE, DEAC, AF, F, F. Round 1: A, B, D, E tie at
 * 1 with no earlier round. After A then E go, or E then A, the same
 * options are left with the same votes (B 1, C 3, D 1, F 3), but the round
 * between differs: C 2, F 3 after A first; C 3, F 2 after E first. Then B
 * and D go, and C and F tie at 4 with equal votes back to that round,
 * which decides: C goes after A first (F wins), F after E first (C wins).
 * So the state of the count is more than its continuing options; C, E and
 * F can each win (E wins when A and then B go first). */
static void test_irv_earlier_rounds_make_states_differ(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	add_ranked(&b, 1, "ABCDEF", "BAEDF");
	add_ranked(&b, 1, "ABCDEF", "C");
	add_ranked(&b, 1, "ABCDEF", "EC");
	add_ranked(&b, 1, "ABCDEF", "CBE");
	add_ranked(&b, 1, "ABCDEF", "DEAC");
	add_ranked(&b, 1, "ABCDEF", "AF");
	add_ranked(&b, 2, "ABCDEF", "F");
	in = make_input(&b, TALLY_IRV, 6, abcde);
	count_irv(&in, &out);
	assert_true(out.tie_mattered);
	assert_int_equal(out.rows[0].option, 2);
	assert_int_equal(out.rows[1].option, 4);
	assert_int_equal(out.rows[2].option, 5);
	assert_int_equal(out.rows[2].position, 1);
	assert_int_equal(out.rows[3].position, 4);
	assert_note_has(&out, "C, E, F could each win");
	/* The first way: A, B, D, C go; E beats F 4 to 3. */
	assert_int_equal(out.nrounds, 5);
	assert_round(&out, 6, 4, (const int64_t[]){ -1, -1, -1, -1, 4, 3 });
	tally_free(&out);
	free_ballots(&b);
}

/* --- IRV against a plain recount ------------------------------------------ */

#define NAIVE_MAX 6

struct naive {
	const struct tally_input *in;
	bool gone[NAIVE_MAX];
	int64_t hist[NAIVE_MAX][NAIVE_MAX], exh[NAIVE_MAX];
	uint64_t winners;
	int64_t first_hist[NAIVE_MAX][NAIVE_MAX], first_exh[NAIVE_MAX];
	size_t first_rounds;
};

/* Recounts every ballot from scratch each round and follows every way
 * through every tie, without shortcuts or memo. */
static void naive_round(struct naive *s, size_t r, bool first)
{
	const struct tally_input *in = s->in;
	size_t n = in->noptions, tied[NAIVE_MAX], nt = 0, left = 0, best = SIZE_MAX;
	int64_t votes[NAIVE_MAX] = { 0 }, ex = 0;

	for (size_t v = 0; v < in->nvoters; v++) {
		size_t top = SIZE_MAX;
		int64_t rank = INT64_MAX;
		for (size_t i = in->start[v]; i < in->start[v + 1]; i++)
			if (!s->gone[in->option[i]] && in->value[i] < rank) {
				rank = in->value[i];
				top = in->option[i];
			}
		if (top == SIZE_MAX)
			ex++;
		else
			votes[top]++;
	}
	for (size_t o = 0; o < n; o++) {
		s->hist[r][o] = s->gone[o] ? -1 : votes[o];
		if (!s->gone[o]) {
			left++;
			tied[nt++] = o;
			if (best == SIZE_MAX || votes[o] > votes[best])
				best = o;
		}
	}
	s->exh[r] = ex;
	if (left == 1 || 2 * votes[best] > (int64_t)in->nvoters - ex) {
		s->winners |= (uint64_t)1 << best;
		if (first) {
			s->first_rounds = r + 1;
			memcpy(s->first_hist, s->hist, sizeof s->hist);
			memcpy(s->first_exh, s->exh, sizeof s->exh);
		}
		return;
	}
	for (size_t rr = r + 1; nt > 1 && rr-- > 0;) {
		int64_t min = INT64_MAX;
		size_t k = 0;
		for (size_t i = 0; i < nt; i++)
			min = s->hist[rr][tied[i]] < min ? s->hist[rr][tied[i]] : min;
		for (size_t i = 0; i < nt; i++)
			if (s->hist[rr][tied[i]] == min)
				tied[k++] = tied[i];
		nt = k;
	}
	for (size_t i = 0; i < nt; i++) {
		s->gone[tied[i]] = true;
		naive_round(s, r + 1, first && i == 0);
		s->gone[tied[i]] = false;
	}
}

/* Small random elections full of ties: the possible winners, and the
 * rounds and exhausted ballots of the first way, agree with the recount. */
static void test_irv_matches_plain_recount(void **state)
{
	uint64_t rng = 2024;

	(void)state;
	for (int k = 0; k < 400; k++) {
		struct ballots b = { 0 };
		struct tally_result out;
		struct tally_input in;
		struct naive s = { 0 };
		size_t n = 2 + tally_random(&rng) % (NAIVE_MAX - 1);
		size_t nv = 1 + tally_random(&rng) % 10;
		uint64_t got = 0;

		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[NAIVE_MAX];
			size_t len = tally_random(&rng) % (n + 1);
			for (size_t i = 0; i < n; i++)
				perm[i] = (uint32_t)i;
			for (size_t i = n; i > 1; i--) {
				size_t j = tally_random(&rng) % i;
				uint32_t t = perm[i - 1];
				perm[i - 1] = perm[j];
				perm[j] = t;
			}
			b.nvoters = v + 1;
			for (size_t i = 0; i < len; i++)
				add_mark(&b, v, perm[i], (int64_t)i + 1);
		}
		in = make_input(&b, TALLY_IRV, n, abcde);
		s.in = &in;
		naive_round(&s, 0, true);
		count_irv(&in, &out);
		for (size_t i = 0; i < out.nrows && out.rows[i].position == 1; i++)
			got |= (uint64_t)1 << out.rows[i].option;
		if (got != s.winners)
			fail_msg("election %d: winners %#llx, the recount says %#llx", k,
				 (unsigned long long)got, (unsigned long long)s.winners);
		assert_int_equal(out.tie_mattered, __builtin_popcountll(s.winners) > 1);
		assert_int_equal(out.nrounds, s.first_rounds);
		for (size_t r = 0; r < s.first_rounds; r++) {
			assert_round(&out, n, r, s.first_hist[r]);
			assert_int_equal(out.exhausted[r], s.first_exh[r]);
		}
		tally_free(&out);
		free_ballots(&b);
	}
}

/* --- participatory budgeting --------------------------------------------- */

static const char *const projects[] = { "P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7" };

/* Approval ballots: voter v approves the options listed in sets[v],
 * written as digits ("013"). Costs and budget are given in euros and kept
 * in cents, as pact counts them. */
static struct tally_input make_pb(struct ballots *b, enum tally_method m, size_t noptions,
				  const int64_t *costs, int64_t budget, const char *const *sets,
				  size_t nvoters)
{
	struct tally_input in;

	b->costs = malloc(noptions * sizeof *b->costs);
	assert_non_null(b->costs);
	for (size_t o = 0; o < noptions; o++)
		b->costs[o] = costs[o] * 100;
	for (size_t v = 0; v < nvoters; v++)
		for (const char *s = sets[v]; *s; s++)
			add_mark(b, v, (uint32_t)(*s - '0'), 1);
	b->nvoters = nvoters;
	in = make_input(b, m, noptions, projects);
	in.budget = budget * 100;
	return in;
}

/* The funded options in order, as a string of digits, with checks of the
 * positions, values and what is left. */
static void assert_funded(const struct tally_input *in, const struct tally_result *out,
			  const char *want, int64_t remaining)
{
	char got[64] = "";
	int64_t total = 0;

	for (size_t i = 0; i < out->nrows; i++) {
		got[i] = (char)('0' + out->rows[i].option);
		assert_int_equal(out->rows[i].position, i + 1);
		assert_true(out->rows[i].value == in->costs[out->rows[i].option]);
		total += in->costs[out->rows[i].option];
	}
	got[out->nrows] = '\0';
	assert_string_equal(got, want);
	assert_int_equal(out->remaining, remaining);
	assert_int_equal(out->remaining, in->budget - total);
}

/* Budget 100. Approvals and costs:
 *   P0 5 × 70, P1 4 × 40, P2 3 × 25, P3 3 × 10, P4 1 × 15, P5 1 × 15.
 * Order: P0, P1, then P3 before P2 (same approvals, lower cost), then P4
 * before P5 (same approvals and cost, input order).
 * P0 (30 left); P1 does not fit; P3 (20 left); P2 does not fit; P4 (5
 * left); P5 does not fit. Had P2 come before P3 it would have taken 25. */
static void test_pb_greedy(void **state)
{
	static const char *const sets[] = { "01234", "01235", "0123", "01", "0" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	in = make_pb(&b, TALLY_PB_GREEDY, 6, (const int64_t[]){ 70, 40, 25, 10, 15, 15 }, 100, sets,
		     5);
	count_pb(&in, &out);
	assert_funded(&in, &out, "034", 500);
	tally_free(&out);
	free_ballots(&b);
}

/* Amounts with cents are exact: costs 600.25, 400.25 and 300 (cents
 * 60025, 40025, 30000), all approved by one voter each and more: with a
 * budget of exactly their sum all three are funded, one cent less and the
 * last (by approvals) no longer fits. Equal Shares with one voter likewise. */
static void test_pb_cents_are_exact(void **state)
{
	static const char *const sets[] = { "012", "01", "0" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	for (int m = 0; m < 2; m++) {
		in = make_pb(&b, m ? TALLY_PB_MES : TALLY_PB_GREEDY, 3, (const int64_t[]){ 0, 0, 0 },
			     0, sets, 3);
		b.costs[0] = 60025, b.costs[1] = 40025, b.costs[2] = 30000;
		in.budget = 130050;
		count_pb(&in, &out);
		assert_funded(&in, &out, "012", 0);
		tally_free(&out);
		in.budget = 130049;
		count_pb(&in, &out);
		assert_funded(&in, &out, "01", 30000 - 1);
		tally_free(&out);
		free_ballots(&b);
	}
}

/* Cumulative or scoring ballots, as Polish cities count them: greedy by
 * total points. Costs P0 40, P1 30, P2 45; budget 80.
 *   v0: P0 3 points, P1 2;  v1: P2 5;  v2: P1 4.
 * Points: P1 6, P2 5, P0 3: P1 (50 left), P2 (5 left), P0 does not fit.
 * By approvals it would have been P1 (2), then P0 before P2 (1 each, P0
 * cheaper): P1, P0. pb-mes refuses points. */
static void test_pb_greedy_by_points(void **state)
{
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;
	struct pact_err err;
	size_t mark;

	(void)state;
	b.costs = malloc(3 * sizeof *b.costs);
	assert_non_null(b.costs);
	b.costs[0] = 4000, b.costs[1] = 3000, b.costs[2] = 4500;
	add_mark(&b, 0, 0, 3);
	add_mark(&b, 0, 1, 2);
	add_mark(&b, 1, 2, 5);
	add_mark(&b, 2, 1, 4);
	in = make_input(&b, TALLY_PB_GREEDY, 3, projects);
	in.budget = 8000;
	in.points = true;
	count_pb(&in, &out);
	assert_funded(&in, &out, "12", 500);
	tally_free(&out);
	in.points = false;
	assert_int_equal(tally_check(&in, &mark, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "approval ballots mark options with 1, not 3"));
	in.method = TALLY_PB_MES;
	in.points = true;
	assert_int_equal(tally_check(&in, &mark, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "gives points; 'Budget: equal shares' counts approvals only; count "
			    "ballots with points (cumulative or scoring) with 'Budget: most votes'");
	/* the same ballots as approvals */
	for (size_t i = 0; i < b.n; i++)
		b.t[i].value = 1;
	free(b.start), free(b.option), free(b.value);
	in = make_input(&b, TALLY_PB_GREEDY, 3, projects);
	in.budget = 8000;
	count_pb(&in, &out);
	assert_funded(&in, &out, "10", 1000);
	tally_free(&out);
	free_ballots(&b);
}

/* Equal Shares, budget 100, 4 voters: a share of 25 each.
 *   P0 (X) 60, approved by v0 v1 v2;  P1 (Y) 40 by v2 v3;
 *   P2 (Z) 30 by v3;                   P3 (W) 20 by v0 v1 v3.
 * Step 1: X costs 20 a head, ρ = 20/60 = 1/3; W 20/3 a head, ρ = 1/3;
 *   Y 20 a head, ρ = 1/2; Z: v3 has 25 < 30. X and W tie on ρ: W is
 *   cheaper and goes first. v0, v1, v3 keep 25 − 20/3 = 55/3.
 * Step 2: X: 20 a head is more than v0 and v1 have, so they pay their 55/3
 *   and v2 pays 60 − 110/3 = 70/3; ρ = (70/3)/60 = 7/18 ≈ 0.389.
 *   Y: v3 pays 55/3, v2 65/3; ρ = 13/24 ≈ 0.542. Z: 55/3 < 30. X goes.
 *   v2 keeps 5/3.
 * Step 3: Y has 5/3 + 55/3 = 20 < 40, Z 55/3 < 30: done. W, X; 20 left.
 * The tie of step 1 is said, with the rule that settled it. */
static void test_pb_mes_hand_example(void **state)
{
	static const char *const sets[] = { "03", "03", "01", "123" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	in = make_pb(&b, TALLY_PB_MES, 4, (const int64_t[]){ 60, 40, 30, 20 }, 100, sets, 4);
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	assert_funded(&in, &out, "30", 2000);
	assert_string_equal(out.note, "step 1: 'P3' tied with 'P0' on the payment per euro and "
				      "went first by the lower cost.");
	assert_true(out.tie);
	tally_free(&out);
	free_ballots(&b);
}

/* The tie rules after cost. 10 voters, budget 100: shares of 10.
 *   P0 10 by v0 v1;  P1 10 by v0 v1 v2;  P2 80 by v2 … v9.
 * P2 first (10 a head, ρ 1/8; P1 1/3, P0 1/2); v2 is left with nothing.
 * Now P0 and P1 both cost 5 a head from v0 and v1: ρ 1/2, same cost; P1
 * has more approvals (3 to 2) and goes first; then v0 and v1 have 5 each,
 * just enough for P0. Then the last rule: 2 voters, budget 10, P0 and P1
 * both 10 and approved by both: the same in every way, P0 comes first in
 * input order and takes all the money. */
static void test_pb_mes_tie_rules(void **state)
{
	static const char *const sets[] = { "01", "01", "12", "2", "2", "2", "2", "2", "2", "2" };
	static const char *const both[] = { "01", "01" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	in = make_pb(&b, TALLY_PB_MES, 3, (const int64_t[]){ 10, 10, 80 }, 100, sets, 10);
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	assert_funded(&in, &out, "210", 0);
	tally_free(&out);
	free_ballots(&b);
	in = make_pb(&b, TALLY_PB_MES, 2, (const int64_t[]){ 10, 10 }, 10, both, 2);
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	assert_funded(&in, &out, "0", 0);
	tally_free(&out);
	free_ballots(&b);
}

/* Budget 100, 4 voters. X (P0) 60 by v0 v1 v2; G (P1) 40 by v0 v1; Y (P2)
 * 30 by v3.
 * none: shares of 25: X at 20 a head (ρ 1/3; G's ρ is 1/2, Y is out of
 *   reach of v3); then v0, v1 have 5 each: G is out of reach. X; 40 left.
 * add1: share 25 + k. From k = 5 v3 can pay for Y: X, Y, cost 90. From
 *   k = 15 v0 and v1 keep 20 each after X and buy G too: cost 130 > 100, so
 *   the outcome of k = 14 stays: X, Y; greedy has nothing that fits the 10
 *   left. (Greedy straight after none would have taken G.) */
static void test_pb_mes_add1_changes_outcome(void **state)
{
	static const char *const sets[] = { "01", "01", "0", "2" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	in = make_pb(&b, TALLY_PB_MES, 3, (const int64_t[]){ 60, 40, 30 }, 100, sets, 4);
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	assert_funded(&in, &out, "0", 4000);
	tally_free(&out);
	in.complete = TALLY_COMPLETE_ADD1;
	count_pb(&in, &out);
	assert_funded(&in, &out, "02", 1000);
	tally_free(&out);
	/* The same at the edges: the budget that k = 14 and k = 15 reach. */
	in.complete = TALLY_COMPLETE_NONE;
	in.budget = (100 + 14 * 4) * 100;
	count_pb(&in, &out);
	assert_funded(&in, &out, "02", in.budget - 9000);
	tally_free(&out);
	in.budget = (100 + 15 * 4) * 100;
	count_pb(&in, &out);
	assert_funded(&in, &out, "012", in.budget - 13000);
	tally_free(&out);
	free_ballots(&b);
}

/* Where the references and "go on while it fits" differ. Budget 8, four
 * voters (shares of 2): P0 7 by v1 v2 v3; P1 10 by v0 v1 v2; P2 3 by v1 v3.
 * k = 0: P0 is out of reach (6 < 7); P2 costs 1.50 a head from v1 and v3
 *   (ρ 1/2) and is bought. Left: 5, and neither P0 (7) nor P1 (10) fits in
 *   it: the outcome is exhaustive, and add1 stops there. Result: P2; 5
 *   left, and greedy finds nothing that fits.
 * Going on would have given, at k = 1 (shares of 3), P0 at 7/3 a head
 *   (ρ 1/3) before P2, then P2 out of reach: P0, within the budget.
 * An option nobody approved counts for exhaustiveness too: with P3 at 5,
 *   approved by none, the outcome of k = 0 leaves room for it, so add1 goes
 *   on to k = 1 (P0, 1 left: exhaustive) and stops there; greedy never
 *   funds P3. */
static void test_pb_mes_add1_stops_when_exhaustive(void **state)
{
	static const char *const sets[] = { "1", "012", "01", "02" };
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	in = make_pb(&b, TALLY_PB_MES, 3, (const int64_t[]){ 7, 10, 3 }, 8, sets, 4);
	in.complete = TALLY_COMPLETE_ADD1;
	count_pb(&in, &out);
	assert_funded(&in, &out, "2", 500);
	tally_free(&out);
	/* the outcome of k = 1 on its own: the budget plus 1 euro a voter */
	in.complete = TALLY_COMPLETE_NONE;
	in.budget = (8 + 4) * 100;
	count_pb(&in, &out);
	assert_funded(&in, &out, "0", 500);
	tally_free(&out);
	free_ballots(&b);

	in = make_pb(&b, TALLY_PB_MES, 4, (const int64_t[]){ 7, 10, 3, 5 }, 8, sets, 4);
	in.complete = TALLY_COMPLETE_ADD1;
	count_pb(&in, &out);
	assert_funded(&in, &out, "0", 100);
	tally_free(&out);
	free_ballots(&b);
}

/* A random instance: up to 8 projects, costs 1..maxcost, approvals at
 * random. */
static struct tally_input random_pb(struct ballots *b, uint64_t *rng, enum tally_method m,
				    size_t maxvoters, int64_t maxcost)
{
	size_t n = 1 + tally_random(rng) % 8, nv = 1 + tally_random(rng) % maxvoters;
	int64_t costs[8], sum = 0;
	char sets[64][9];
	const char *ptr[64];

	for (size_t o = 0; o < n; o++) {
		costs[o] = 1 + (int64_t)(tally_random(rng) % (uint64_t)maxcost);
		sum += costs[o];
	}
	for (size_t v = 0; v < nv; v++) {
		size_t k = 0;
		for (size_t o = 0; o < n; o++)
			if (tally_random(rng) % 3 == 0)
				sets[v][k++] = (char)('0' + o);
		sets[v][k] = '\0';
		ptr[v] = sets[v];
	}
	return make_pb(b, m, n, costs, (int64_t)(tally_random(rng) % (uint64_t)(sum + 1)), ptr, nv);
}

/* On 200 random instances no method spends more than the budget, every
 * funded option is funded once and has a supporter, and the rows add up. */
static void test_pb_never_exceeds_budget(void **state)
{
	uint64_t rng = 99;

	(void)state;
	for (int k = 0; k < 200; k++) {
		for (int m = 0; m < 3; m++) {
			struct ballots b = { 0 };
			struct tally_result out;
			enum tally_method method = m ? TALLY_PB_MES : TALLY_PB_GREEDY;
			struct tally_input in = random_pb(&b, &rng, method, 40, 1000);
			int64_t total = 0;
			bool seen[8] = { false };

			in.complete = m == 1 ? TALLY_COMPLETE_NONE : TALLY_COMPLETE_ADD1;
			count_pb(&in, &out);
			for (size_t i = 0; i < out.nrows; i++) {
				size_t o = out.rows[i].option;
				assert_false(seen[o]);
				seen[o] = true;
				total += in.costs[o];
				assert_int_equal(out.rows[i].position, i + 1);
			}
			for (size_t i = 0; i < b.n; i++)
				seen[b.t[i].option] = false;
			for (size_t o = 0; o < in.noptions; o++)
				assert_false(seen[o]); /* nobody's option was funded */
			if (total > in.budget)
				fail_msg("instance %d, method %d: %lld spent of %lld", k, m,
					 (long long)total, (long long)in.budget);
			assert_int_equal(out.remaining, in.budget - total);
			tally_free(&out);
			free_ballots(&b);
		}
	}
}

/* Unit costs and a budget at least the number of approved options: with
 * add1 (the default) everything approved is funded. Plain Equal Shares
 * does that too once every share covers every approved option (budget ≥
 * voters × options); with less it need not: 10 voters, budget 3, three
 * options each approved by one voter, whose share of 0.3 buys nothing. */
static void test_pb_mes_unit_costs_fund_everything(void **state)
{
	static const char *const singles[] = { "0", "1", "2", "", "", "", "", "", "", "" };
	uint64_t rng = 5;
	struct ballots b = { 0 };
	struct tally_result out;
	struct tally_input in;

	(void)state;
	for (int k = 0; k < 100; k++) {
		bool approved[8] = { false };
		size_t napproved = 0;
		in = random_pb(&b, &rng, TALLY_PB_MES, 30, 1); /* costs 1 */
		for (size_t i = 0; i < b.n; i++)
			approved[b.t[i].option] = true;
		for (size_t o = 0; o < in.noptions; o++)
			napproved += approved[o];
		for (int c = 0; c < 2; c++) {
			in.complete = c ? TALLY_COMPLETE_NONE : TALLY_COMPLETE_ADD1;
			in.budget = ((int64_t)(c ? napproved * in.nvoters : napproved) +
				     (int64_t)(tally_random(&rng) % 3)) *
				    100;
			count_pb(&in, &out);
			assert_int_equal(out.nrows, napproved);
			assert_int_equal(out.remaining, in.budget - (int64_t)napproved * 100);
			tally_free(&out);
		}
		free_ballots(&b);
	}
	in = make_pb(&b, TALLY_PB_MES, 3, (const int64_t[]){ 1, 1, 1 }, 3, singles, 10);
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	assert_funded(&in, &out, "", 300);
	tally_free(&out);
	in.complete = TALLY_COMPLETE_ADD1;
	count_pb(&in, &out);
	assert_funded(&in, &out, "012", 0);
	tally_free(&out);
	free_ballots(&b);
}

struct gkey {
	size_t option, approvals;
	int64_t cost;
};

static int by_gkey(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;

	if (x->approvals != y->approvals)
		return x->approvals > y->approvals ? -1 : 1;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->option < y->option ? -1 : 1;
}

/* add1 by its definition, as the reference implementations run it: plain
 * Equal Shares with the budget raised by k euros a voter for k = 0, 1, 2,
 * …; stop at the first outcome that is exhaustive (no option left out, of
 * all of them, fits in what is left of the real budget) and keep it, or at
 * the first that costs more than the real budget and keep the one before
 * (every share covers every option from k = the total cost on, so the
 * outcome cannot change after that); then greedy. As digits. */
static void plain_add1(struct tally_input in, char *want, int64_t *remaining)
{
	struct tally_result out;
	int64_t budget = in.budget, total = 0, approved_cost = 0;
	struct gkey g[8];
	bool funded[8] = { false };
	size_t nw = 0;

	memset(g, 0, sizeof g);
	for (size_t o = 0; o < in.noptions; o++)
		g[o] = (struct gkey){ o, 0, in.costs[o] };
	for (size_t i = 0; i < in.start[in.nvoters]; i++)
		g[in.option[i]].approvals++;
	for (size_t o = 0; o < in.noptions; o++)
		approved_cost += g[o].approvals ? in.costs[o] : 0;
	in.complete = TALLY_COMPLETE_NONE;
	count_pb(&in, &out);
	for (int64_t k = 1; k <= approved_cost / 100 + 1; k++) {
		struct tally_result next;
		bool done = true, in_out[8] = { false };
		int64_t spent = 0;
		for (size_t i = 0; i < out.nrows; i++) {
			in_out[out.rows[i].option] = true;
			spent += in.costs[out.rows[i].option];
		}
		for (size_t o = 0; o < in.noptions; o++)
			if (!in_out[o] && in.costs[o] <= budget - spent)
				done = false;
		if (done)
			break;
		in.budget = budget + k * 100 * (int64_t)in.nvoters;
		count_pb(&in, &next);
		if (in.budget - next.remaining > budget) {
			tally_free(&next);
			break;
		}
		tally_free(&out);
		out = next;
	}
	for (size_t i = 0; i < out.nrows; i++) {
		want[nw++] = (char)('0' + out.rows[i].option);
		funded[out.rows[i].option] = true;
		total += in.costs[out.rows[i].option];
	}
	tally_free(&out);
	qsort(g, in.noptions, sizeof *g, by_gkey);
	for (size_t i = 0; i < in.noptions; i++)
		if (g[i].approvals && !funded[g[i].option] && g[i].cost <= budget - total) {
			want[nw++] = (char)('0' + g[i].option);
			total += g[i].cost;
		}
	want[nw] = '\0';
	*remaining = budget - total;
}

/* add1 skips runs only where it has proven the outcome unchanged: on random
 * instances it gives exactly what the one-unit-at-a-time rule gives. Small
 * costs make the near ties that a careless proof gets wrong. */
static void test_pb_add1_matches_plain_rule(void **state)
{
	uint64_t rng = 31337;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct ballots b = { 0 };
		struct tally_result out;
		struct tally_input in = random_pb(&b, &rng, TALLY_PB_MES, k % 2 ? 5 : 12,
						  k % 3 ? 40 : 10);
		char want[16];
		int64_t remaining;

		in.complete = TALLY_COMPLETE_ADD1;
		plain_add1(in, want, &remaining);
		count_pb(&in, &out);
		assert_funded(&in, &out, want, remaining);
		tally_free(&out);
		free_ballots(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_irv_centre_squeeze),
		cmocka_unit_test(test_irv_tie_broken_by_earlier_round),
		cmocka_unit_test(test_irv_tie_that_does_not_matter),
		cmocka_unit_test(test_irv_zero_first_preferences),
		cmocka_unit_test(test_irv_tie_that_matters),
		cmocka_unit_test(test_irv_lot),
		cmocka_unit_test(test_irv_earlier_rounds_make_states_differ),
		cmocka_unit_test(test_irv_many_options),
		cmocka_unit_test(test_irv_two_options_majority),
		cmocka_unit_test(test_irv_matches_plain_recount),
		cmocka_unit_test(test_pb_greedy),
		cmocka_unit_test(test_pb_greedy_by_points),
		cmocka_unit_test(test_pb_cents_are_exact),
		cmocka_unit_test(test_pb_mes_hand_example),
		cmocka_unit_test(test_pb_mes_tie_rules),
		cmocka_unit_test(test_pb_mes_add1_changes_outcome),
		cmocka_unit_test(test_pb_mes_add1_stops_when_exhaustive),
		cmocka_unit_test(test_pb_never_exceeds_budget),
		cmocka_unit_test(test_pb_mes_unit_costs_fund_everything),
		cmocka_unit_test(test_pb_add1_matches_plain_rule),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("tally_irv_pb", tests, NULL, NULL);
}
