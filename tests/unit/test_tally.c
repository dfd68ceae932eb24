/* Unit tests of vote counting: the ballot rules of tally_check with their
 * messages and marks; dot, approval, score and borda on hand-checked
 * elections with ties and lots; Schulze on the published example and on
 * random elections checked against a plain recount. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tally.h"
#include "tally_out.h"

#define MAX_VOTERS 256
#define MAX_MARKS 2048
#define MAX_OPTIONS 8

/* An election held in fixed arrays that in points into. */
struct election {
	struct tally_input in;
	size_t start[MAX_VOTERS + 1];
	uint32_t option[MAX_MARKS];
	int64_t value[MAX_MARKS];
};

struct mark {
	size_t voter;
	uint32_t option;
	int64_t value;
};

static void election_init(struct election *e, enum tally_method m, size_t noptions)
{
	memset(e, 0, sizeof *e);
	e->in.method = m;
	e->in.noptions = noptions;
	e->in.start = e->start;
	e->in.option = e->option;
	e->in.value = e->value;
}

/* Appends one voter with k marks, in the order given. */
static void add_voter(struct election *e, size_t k, const uint32_t *opts, const int64_t *vals)
{
	size_t v = e->in.nvoters, at = e->start[v];

	assert_true(v < MAX_VOTERS && at + k <= MAX_MARKS);
	for (size_t i = 0; i < k; i++) {
		e->option[at + i] = opts[i];
		e->value[at + i] = vals[i];
	}
	e->start[v + 1] = at + k;
	e->in.nvoters = v + 1;
}

/* The ballots of nvoters voters from (voter, option, value) triples, each
 * voter's marks in the order they appear; a voter without marks casts an
 * empty ballot. */
static void elect(struct election *e, enum tally_method m, size_t noptions, size_t nvoters,
		  const struct mark *marks, size_t nmarks)
{
	election_init(e, m, noptions);
	for (size_t v = 0; v < nvoters; v++) {
		uint32_t opts[MAX_MARKS];
		int64_t vals[MAX_MARKS];
		size_t k = 0;

		for (size_t i = 0; i < nmarks; i++)
			if (marks[i].voter == v) {
				opts[k] = marks[i].option;
				vals[k++] = marks[i].value;
			}
		add_voter(e, k, opts, vals);
	}
}

#define ELECT(e, m, noptions, nvoters, ...)                                                \
	elect((e), (m), (noptions), (nvoters), (const struct mark[]){ __VA_ARGS__ },        \
	      sizeof((const struct mark[]){ __VA_ARGS__ }) / sizeof(struct mark))

/* Appends count voters ranking "A>B=C>D": letters are options 0, 1, …;
 * '=' gives the same rank, '>' the next one. Options left out stay unranked. */
static void add_ranking(struct election *e, size_t count, const char *order)
{
	uint32_t opts[MAX_OPTIONS];
	int64_t vals[MAX_OPTIONS];
	size_t k = 0;
	int64_t rank = 1;

	for (const char *c = order; *c; c++) {
		if (*c == '>')
			rank++;
		else if (*c != '=') {
			assert_true(k < MAX_OPTIONS);
			opts[k] = (uint32_t)(*c - 'A');
			vals[k++] = rank;
		}
	}
	for (size_t i = 0; i < count; i++)
		add_voter(e, k, opts, vals);
}

/* Checks and counts; both must succeed. */
static void count(const struct election *e, struct tally_result *out)
{
	struct pact_err err = { 0 };
	size_t mark = 0;
	int rc = tally_check(&e->in, &mark, &err);

	if (rc != PACT_OK)
		print_error("unexpected refusal at mark %zu: %s\n", mark, err.msg);
	assert_int_equal(rc, PACT_OK);
	rc = tally_run(&e->in, out, &err);
	if (rc != PACT_OK)
		print_error("count failed: %s\n", err.msg);
	assert_int_equal(rc, PACT_OK);
	assert_int_equal(out->nrows, e->in.noptions);
}

/* The rows must be exactly these options, positions and values. */
static void assert_rows(const struct tally_result *r, const size_t *opts, const size_t *pos,
			const int64_t *vals)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].option != opts[i] || r->rows[i].position != pos[i] ||
		    r->rows[i].value != vals[i])
			fail_msg("row %zu: option %zu position %zu value %lld; expected %zu %zu %lld", i,
				 r->rows[i].option, r->rows[i].position, (long long)r->rows[i].value,
				 opts[i], pos[i], (long long)vals[i]);
}

#define ROWS(r, opts, pos, vals)                                                           \
	assert_rows((r), (const size_t[])opts, (const size_t[])pos, (const int64_t[])vals)
#define L(...) { __VA_ARGS__ }

static void assert_tie_without_lot(const struct tally_result *r)
{
	assert_true(r->tie);
	assert_false(r->lot_drawn);
	if (!strstr(r->note, "Tied options share a position; no lot."))
		fail_msg("note \"%s\" does not say that no lot was drawn (\"Tied options share a position; no lot.\")", r->note);
}

/* With a lot: the same seed gives the same order twice, every position is
 * its own, values still descend (the lot only orders ties), the note names
 * the seed; and over many seeds the option at row `row` changes, so the
 * lot really decides that tie. */
static void assert_lot(const struct election *base, size_t row)
{
	struct election e = *base;
	size_t first = SIZE_MAX;
	bool varied = false;

	e.in.start = e.start;
	e.in.option = e.option;
	e.in.value = e.value;
	e.in.lot = true;
	for (uint64_t seed = 1; seed <= 32; seed++) {
		struct tally_result a, b;
		char text[32];

		e.in.seed = seed;
		count(&e, &a);
		count(&e, &b);
		assert_true(a.lot_drawn);
		assert_false(a.tie);
		snprintf(text, sizeof text, "%llu", (unsigned long long)seed);
		if (!strstr(a.note, text))
			fail_msg("note \"%s\" does not name seed %s", a.note, text);
		for (size_t i = 0; i < a.nrows; i++) {
			assert_int_equal(a.rows[i].option, b.rows[i].option);
			assert_int_equal(a.rows[i].position, i + 1);
			if (i > 0)
				assert_true(a.rows[i].value <= a.rows[i - 1].value);
		}
		if (first == SIZE_MAX)
			first = a.rows[row].option;
		varied = varied || a.rows[row].option != first;
		tally_free(&a);
		tally_free(&b);
	}
	assert_true(varied);
}

/* --- the rules of tally_check ------------------------------------------ */

/* The ballots are refused with status PACT_EINPUT, a message containing
 * words, and *mark at the offending mark. */
static void assert_refused_at(const struct election *e, const char *words, size_t at, int line)
{
	struct pact_err err = { 0 };
	size_t mark = SIZE_MAX;
	int rc = tally_check(&e->in, &mark, &err);

	if (rc != PACT_EINPUT)
		fail_msg("line %d: status %d, expected a refusal (%s)", line, rc, err.msg);
	assert_int_equal(err.status, PACT_EINPUT);
	if (!strstr(err.msg, words))
		fail_msg("line %d: message \"%s\" lacks \"%s\"", line, err.msg, words);
	if (mark != at)
		fail_msg("line %d: mark %zu, expected %zu (%s)", line, mark, at, err.msg);
}

#define REFUSED(e, words, at) assert_refused_at((e), (words), (at), __LINE__)

static void assert_accepted(const struct election *e, int line)
{
	struct pact_err err = { 0 };
	size_t mark = 0;

	if (tally_check(&e->in, &mark, &err) != PACT_OK)
		fail_msg("line %d: refused at mark %zu: %s", line, mark, err.msg);
}

#define ACCEPTED(e) assert_accepted((e), __LINE__)

static void test_check_dots(void **state)
{
	struct election e;

	(void)state;
	/* Five dots each by default, all on one option if a voter likes. */
	ELECT(&e, TALLY_DOT, 3, 2, { 0, 0, 2 }, { 0, 1, 3 }, { 1, 2, 5 });
	ACCEPTED(&e);
	/* The mark that takes the total past 5 is the one named. */
	ELECT(&e, TALLY_DOT, 3, 2, { 0, 0, 2 }, { 0, 1, 2 }, { 1, 0, 3 }, { 1, 1, 2 },
	      { 1, 2, 2 });
	REFUSED(&e, "gives 7 dots in all; each voter has 5", 4);
	ELECT(&e, TALLY_DOT, 3, 1, { 0, 0, 3 }, { 0, 1, 3 }, { 0, 2, 1 });
	REFUSED(&e, "gives 7 dots in all; each voter has 5", 1);
	ELECT(&e, TALLY_DOT, 3, 2, { 0, 0, 1 }, { 1, 1, 6 });
	REFUSED(&e, "puts 6 dots on one option; at most 5", 1);
	ELECT(&e, TALLY_DOT, 3, 1, { 0, 0, 1 }, { 0, 1, 0 });
	REFUSED(&e, "puts 0 dots on an option", 1);
	ELECT(&e, TALLY_DOT, 3, 1, { 0, 0, -2 });
	REFUSED(&e, "at least 1", 0);
	/* D = 10 and M defaults to D; then M = 3 on its own. */
	ELECT(&e, TALLY_DOT, 3, 1, { 0, 0, 7 }, { 0, 1, 3 });
	e.in.dots = 10;
	ACCEPTED(&e);
	e.in.max_per_option = 3;
	REFUSED(&e, "puts 7 dots on one option; at most 3", 0);
	ELECT(&e, TALLY_DOT, 3, 1, { 0, 0, 3 }, { 0, 1, 3 }, { 0, 2, 3 });
	e.in.dots = 8;
	e.in.max_per_option = 3;
	REFUSED(&e, "gives 9 dots in all; each voter has 8", 2);
}

static void test_check_scores(void **state)
{
	struct election e;

	(void)state;
	ELECT(&e, TALLY_SCORE, 3, 1, { 0, 0, 0 }, { 0, 1, 5 });
	ACCEPTED(&e);
	ELECT(&e, TALLY_SCORE, 3, 1, { 0, 0, 2 }, { 0, 1, 9 });
	REFUSED(&e, "score 9 is outside 0..5", 1);
	ELECT(&e, TALLY_SCORE, 3, 1, { 0, 0, -1 });
	REFUSED(&e, "score -1 is outside 0..5", 0);
	/* A range of the caller's: 0..0 alone means the default. */
	ELECT(&e, TALLY_SCORE, 3, 1, { 0, 0, -2 }, { 0, 1, 2 }, { 0, 2, 3 });
	e.in.lo = -2;
	e.in.hi = 2;
	REFUSED(&e, "score 3 is outside -2..2", 2);
	e.in.hi = 3;
	ACCEPTED(&e);
	ELECT(&e, TALLY_SCORE, 3, 1, { 0, 0, 10 });
	e.in.hi = 10;
	ACCEPTED(&e);
	/* A voter scores an option once. */
	ELECT(&e, TALLY_SCORE, 3, 2, { 0, 0, 1 }, { 1, 0, 1 }, { 1, 1, 1 }, { 1, 0, 2 });
	REFUSED(&e, "marks the same option twice", 3);
}

static void test_check_ranks(void **state)
{
	static const enum tally_method distinct[] = { TALLY_BORDA, TALLY_IRV };
	struct election e;

	(void)state;
	for (size_t m = 0; m < 2; m++) {
		ELECT(&e, distinct[m], 3, 2, { 0, 0, 1 }, { 0, 1, 2 }, { 0, 2, 3 }, { 1, 2, 1 });
		ACCEPTED(&e);
		ELECT(&e, distinct[m], 3, 1, { 0, 0, 1 }, { 0, 1, 0 });
		REFUSED(&e, "rank 0: ranks start at 1", 1);
		ELECT(&e, distinct[m], 3, 2, { 0, 0, 1 }, { 1, 0, 1 }, { 1, 1, 3 }, { 1, 2, 3 });
		REFUSED(&e, "rank 3 given twice", 3);
		ELECT(&e, distinct[m], 3, 1, { 0, 0, 4 });
		REFUSED(&e, "rank 4: ranks go up to 3", 0);
	}
	/* Schulze takes equal ranks and ranks beyond the number of options. */
	ELECT(&e, TALLY_SCHULZE, 3, 1, { 0, 0, 1 }, { 0, 1, 1 }, { 0, 2, 99 });
	ACCEPTED(&e);
	ELECT(&e, TALLY_SCHULZE, 3, 1, { 0, 0, 1 }, { 0, 1, -3 });
	REFUSED(&e, "rank -3: ranks start at 1", 1);
}

static void test_check_approvals(void **state)
{
	static const enum tally_method ones[] = { TALLY_APPROVAL, TALLY_PB_GREEDY, TALLY_PB_MES };
	struct election e;

	(void)state;
	for (size_t m = 0; m < 3; m++) {
		ELECT(&e, ones[m], 3, 2, { 0, 0, 1 }, { 0, 2, 1 }, { 1, 1, 1 });
		ACCEPTED(&e);
		ELECT(&e, ones[m], 3, 2, { 0, 0, 1 }, { 1, 1, 2 });
		REFUSED(&e, "approval ballots mark options with 1, not 2", 1);
		ELECT(&e, ones[m], 3, 1, { 0, 0, 0 });
		REFUSED(&e, "with 1, not 0", 0);
	}
}

/* Under every method: an option twice on one ballot, an option number
 * past the end; and two voters may mark the same option. */
static void test_check_any_method(void **state)
{
	struct election e;

	(void)state;
	for (int m = TALLY_DOT; m <= TALLY_PB_MES; m++) {
		ELECT(&e, (enum tally_method)m, 3, 2, { 0, 1, 1 }, { 1, 2, 1 }, { 1, 2, 1 });
		REFUSED(&e, "marks the same option twice", 2);
		ELECT(&e, (enum tally_method)m, 3, 2, { 0, 1, 1 }, { 1, 1, 1 });
		ACCEPTED(&e);
		ELECT(&e, (enum tally_method)m, 3, 2, { 0, 1, 1 }, { 1, 0, 1 }, { 1, 3, 1 });
		REFUSED(&e, "marks option number 4; there are 3 options", 2);
		/* An empty ballot breaks no rule. */
		ELECT(&e, (enum tally_method)m, 3, 2, { 1, 0, 1 });
		ACCEPTED(&e);
	}
}

/* --- dot, approval, score, borda --------------------------------------- */

static void test_dot(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	/* Totals: option 0 gets 3+2 = 5, option 1 2+3 = 5, option 2 2+1 = 3,
	 * option 3 2. */
	ELECT(&e, TALLY_DOT, 4, 3, { 0, 0, 3 }, { 0, 1, 2 }, { 1, 1, 3 }, { 1, 2, 2 },
	      { 2, 0, 2 }, { 2, 2, 1 }, { 2, 3, 2 });
	count(&e, &r);
	ROWS(&r, L(0, 1, 2, 3), L(1, 1, 3, 4), L(5, 5, 3, 2));
	assert_tie_without_lot(&r);
	tally_free(&r);
	assert_lot(&e, 0);
}

static void test_approval(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	/* Option 1 is approved three times, options 0 and 2 twice. */
	ELECT(&e, TALLY_APPROVAL, 3, 4, { 0, 0, 1 }, { 0, 1, 1 }, { 1, 1, 1 }, { 2, 0, 1 },
	      { 2, 2, 1 }, { 3, 1, 1 }, { 3, 2, 1 });
	count(&e, &r);
	ROWS(&r, L(1, 0, 2), L(1, 2, 2), L(3, 2, 2));
	assert_tie_without_lot(&r);
	tally_free(&r);
	assert_lot(&e, 1);
}

static void test_score(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	/* Option 1: 3+3+4 = 10 from three voters; option 0: 5+1 = 6 from two;
	 * option 2: one score of 0; option 3: nobody scored it. */
	ELECT(&e, TALLY_SCORE, 4, 3, { 0, 0, 5 }, { 0, 1, 3 }, { 1, 0, 1 }, { 1, 1, 3 },
	      { 1, 2, 0 }, { 2, 1, 4 });
	count(&e, &r);
	ROWS(&r, L(1, 0, 2, 3), L(1, 2, 3, 3), L(10, 6, 0, 0));
	assert_int_equal(r.rows[0].count, 3);
	assert_float_equal(r.rows[0].mean, 10.0 / 3.0, 1e-12);
	assert_int_equal(r.rows[1].count, 2);
	assert_float_equal(r.rows[1].mean, 3.0, 1e-12);
	assert_int_equal(r.rows[2].count, 1);
	assert_float_equal(r.rows[2].mean, 0.0, 0.0);
	assert_int_equal(r.rows[3].count, 0);
	assert_float_equal(r.rows[3].mean, 0.0, 0.0);
	assert_tie_without_lot(&r);
	tally_free(&r);
	assert_lot(&e, 2);

	/* Ordered by total, not by mean: one 5 is less than two 3s. */
	ELECT(&e, TALLY_SCORE, 2, 2, { 0, 0, 5 }, { 0, 1, 3 }, { 1, 1, 3 });
	count(&e, &r);
	ROWS(&r, L(1, 0), L(1, 2), L(6, 5));
	assert_float_equal(r.rows[1].mean, 5.0, 0.0);
	assert_false(r.tie);
	assert_string_equal(r.note, "");
	tally_free(&r);
}

static void test_score_means_follow_lot(void **state)
{
	struct election e;

	(void)state;
	/* Both total 6: option 0 from 6 alone, option 1 from 3+3. */
	ELECT(&e, TALLY_SCORE, 2, 2, { 0, 0, 6 }, { 0, 1, 3 }, { 1, 1, 3 });
	e.in.hi = 6;
	e.in.lot = true;
	for (uint64_t seed = 0; seed < 16; seed++) {
		struct tally_result r;

		e.in.seed = seed;
		count(&e, &r);
		for (size_t i = 0; i < 2; i++) {
			bool zero = r.rows[i].option == 0;
			assert_int_equal(r.rows[i].count, zero ? 1 : 2);
			assert_float_equal(r.rows[i].mean, zero ? 6.0 : 3.0, 0.0);
		}
		tally_free(&r);
	}
}

static void test_borda(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	/* Four options: rank r earns 4 - r. A: 3 + 2, B: 2 + 3, C: 1 + 3 + 2,
	 * D: 0 + 3; the partial ballots give nothing to what they leave out. */
	election_init(&e, TALLY_BORDA, 4);
	add_ranking(&e, 1, "A>B>C>D");
	add_ranking(&e, 1, "B");
	add_ranking(&e, 1, "C>A");
	add_ranking(&e, 1, "D>C");
	count(&e, &r);
	ROWS(&r, L(2, 0, 1, 3), L(1, 2, 2, 4), L(6, 5, 5, 3));
	assert_tie_without_lot(&r);
	tally_free(&r);
	assert_lot(&e, 1);

	/* Ranks with gaps count by their order, as in IRV and Schulze: "1, 3"
	 * is first and second place (A 3 + 3, C 2), "2, 4" too (B 3, D 2), so
	 * each ballot gives the same points as the same order without gaps. */
	election_init(&e, TALLY_BORDA, 4);
	add_voter(&e, 2, (const uint32_t[]){ 0, 2 }, (const int64_t[]){ 1, 3 });
	add_voter(&e, 2, (const uint32_t[]){ 3, 1 }, (const int64_t[]){ 4, 2 });
	add_voter(&e, 1, (const uint32_t[]){ 0 }, (const int64_t[]){ 4 });
	count(&e, &r);
	ROWS(&r, L(0, 1, 2, 3), L(1, 2, 3, 3), L(6, 3, 2, 2));
	tally_free(&r);
}

static void test_no_voters(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	for (int m = TALLY_DOT; m <= TALLY_SCHULZE; m++) {
		if (m == TALLY_IRV)
			continue;
		election_init(&e, (enum tally_method)m, 3);
		count(&e, &r);
		ROWS(&r, L(0, 1, 2), L(1, 1, 1), L(0, 0, 0));
		assert_tie_without_lot(&r);
		tally_free(&r);
	}
}

/* --- Schulze ------------------------------------------------------------ */

/* The example of the Wikipedia article "Schulze method": 45 voters, five
 * candidates, with its published d and p and the order E > A > C > B > D. */
static void test_schulze_wikipedia(void **state)
{
	static const int64_t d[5][5] = {
		{ 0, 20, 26, 30, 22 }, { 25, 0, 16, 33, 18 }, { 19, 29, 0, 17, 24 },
		{ 15, 12, 28, 0, 14 }, { 23, 27, 21, 31, 0 },
	};
	static const int64_t p[5][5] = {
		{ 0, 28, 28, 30, 24 }, { 25, 0, 28, 33, 24 }, { 25, 29, 0, 29, 24 },
		{ 25, 28, 28, 0, 24 }, { 25, 28, 28, 31, 0 },
	};
	struct election e;
	struct tally_result r;

	(void)state;
	election_init(&e, TALLY_SCHULZE, 5);
	add_ranking(&e, 5, "A>C>B>E>D");
	add_ranking(&e, 5, "A>D>E>C>B");
	add_ranking(&e, 8, "B>E>D>A>C");
	add_ranking(&e, 3, "C>A>B>E>D");
	add_ranking(&e, 7, "C>A>E>B>D");
	add_ranking(&e, 2, "C>B>A>D>E");
	add_ranking(&e, 7, "D>C>E>B>A");
	add_ranking(&e, 8, "E>B>A>D>C");
	assert_int_equal(e.in.nvoters, 45);
	count(&e, &r);
	for (size_t x = 0; x < 5; x++)
		for (size_t y = 0; y < 5; y++) {
			if (r.d[x * 5 + y] != d[x][y])
				fail_msg("d[%c][%c] = %lld, published %lld", (int)('A' + x),
					 (int)('A' + y), (long long)r.d[x * 5 + y], (long long)d[x][y]);
			if (r.p[x * 5 + y] != p[x][y])
				fail_msg("p[%c][%c] = %lld, published %lld", (int)('A' + x),
					 (int)('A' + y), (long long)r.p[x * 5 + y], (long long)p[x][y]);
		}
	ROWS(&r, L(4, 0, 2, 1, 3), L(1, 2, 3, 4, 5), L(4, 3, 2, 1, 0));
	assert_false(r.tie);
	assert_false(r.lot_drawn);
	assert_string_equal(r.note, "");
	tally_free(&r);
}

/* Equal ranks and unranked options: "A=B>C" prefers A and B to C and
 * neither to the other; "B" prefers B to A and C, which stay equal; ranks
 * beyond the number of options keep their order (C 40 > A 70 > B). */
static void test_schulze_partial(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	election_init(&e, TALLY_SCHULZE, 3);
	add_ranking(&e, 2, "A=B>C");
	add_ranking(&e, 2, "B");
	add_voter(&e, 2, (const uint32_t[]){ 2, 0 }, (const int64_t[]){ 40, 70 });
	count(&e, &r);
	/* d[A][B] d[A][C]; d[B][A] d[B][C]; d[C][A] d[C][B]. */
	assert_int_equal(r.d[0 * 3 + 1], 1);
	assert_int_equal(r.d[0 * 3 + 2], 2);
	assert_int_equal(r.d[1 * 3 + 0], 2);
	assert_int_equal(r.d[1 * 3 + 2], 4);
	assert_int_equal(r.d[2 * 3 + 0], 1);
	assert_int_equal(r.d[2 * 3 + 1], 1);
	assert_int_equal(r.d[0], 0);
	/* B beats A and C; A beats C. */
	ROWS(&r, L(1, 0, 2), L(1, 2, 3), L(2, 1, 0));
	tally_free(&r);

	/* A cycle of three, A > B > C > A, each by 2 to 1: all tie. */
	election_init(&e, TALLY_SCHULZE, 3);
	add_ranking(&e, 1, "A>B>C");
	add_ranking(&e, 1, "B>C>A");
	add_ranking(&e, 1, "C>A>B");
	count(&e, &r);
	ROWS(&r, L(0, 1, 2), L(1, 1, 1), L(0, 0, 0));
	assert_tie_without_lot(&r);
	tally_free(&r);
	assert_lot(&e, 0);
}

static uint64_t pick(uint64_t *rng, uint64_t lo, uint64_t hi)
{
	return lo + tally_random(rng) % (hi - lo + 1);
}

/* A random ballot over n options. Complete: a strict ranking of all.
 * Otherwise some options ranked, maybe with equal ranks, sometimes with
 * ranks spread beyond n. */
static void add_random_ballot(struct election *e, uint64_t *rng, bool complete)
{
	size_t n = e->in.noptions, k = complete ? n : pick(rng, 0, n);
	uint32_t perm[MAX_OPTIONS];
	int64_t ranks[MAX_OPTIONS];
	int64_t spread = pick(rng, 0, 3) == 0 ? 100 : 1;

	for (size_t i = 0; i < n; i++)
		perm[i] = (uint32_t)i;
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = pick(rng, 0, i);
		uint32_t t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	for (size_t i = 0; i < k; i++)
		ranks[i] = complete ? (int64_t)i + 1 : (int64_t)pick(rng, 1, k) * spread;
	add_voter(e, k, perm, ranks);
}

/* d counted the plain way: for every ballot and pair. */
static void recount_d(const struct election *e, int64_t *d)
{
	size_t n = e->in.noptions;

	memset(d, 0, n * n * sizeof *d);
	for (size_t v = 0; v < e->in.nvoters; v++) {
		int64_t rank[MAX_OPTIONS];

		for (size_t o = 0; o < n; o++)
			rank[o] = INT64_MAX;
		for (size_t i = e->start[v]; i < e->start[v + 1]; i++)
			rank[e->option[i]] = e->value[i];
		for (size_t x = 0; x < n; x++)
			for (size_t y = 0; y < n; y++)
				d[x * n + y] += rank[x] < rank[y];
	}
}

/* Strongest paths by relaxing n times from every source, not by
 * Floyd–Warshall. */
static void recount_p(size_t n, const int64_t *d, int64_t *p)
{
	for (size_t x = 0; x < n; x++) {
		int64_t best[MAX_OPTIONS];

		for (size_t y = 0; y < n; y++)
			best[y] = d[x * n + y] > d[y * n + x] ? d[x * n + y] : 0;
		for (size_t round = 0; round < n; round++)
			for (size_t k = 0; k < n; k++)
				for (size_t y = 0; y < n; y++) {
					int64_t link = d[k * n + y] > d[y * n + k] ? d[k * n + y] : 0;
					int64_t w = best[k] < link ? best[k] : link;
					if (k != x && w > best[y])
						best[y] = w;
				}
		for (size_t y = 0; y < n; y++)
			p[x * n + y] = x == y ? 0 : best[y];
	}
}

/* The option that beats every other by d, or SIZE_MAX. */
static size_t condorcet_winner(size_t n, const int64_t *d)
{
	for (size_t x = 0; x < n; x++) {
		size_t wins = 0;
		for (size_t y = 0; y < n; y++)
			wins += y != x && d[x * n + y] > d[y * n + x];
		if (wins == n - 1)
			return x;
	}
	return SIZE_MAX;
}

/* 200 elections with complete rankings and 200 with partial ones: d and
 * p match a plain recount, and a Condorcet winner, when there is one,
 * stands alone in position 1. */
static void test_schulze_random(void **state)
{
	size_t winners = 0;

	(void)state;
	for (uint64_t seed = 0; seed < 400; seed++) {
		uint64_t rng = seed * 7919;
		bool complete = seed < 200;
		struct election e;
		struct tally_result r;
		int64_t d[MAX_OPTIONS * MAX_OPTIONS], p[MAX_OPTIONS * MAX_OPTIONS];
		size_t n = pick(&rng, 3, 6), voters = pick(&rng, 1, 50), w;

		election_init(&e, TALLY_SCHULZE, n);
		for (size_t v = 0; v < voters; v++)
			add_random_ballot(&e, &rng, complete);
		count(&e, &r);
		recount_d(&e, d);
		recount_p(n, d, p);
		for (size_t i = 0; i < n * n; i++) {
			if (r.d[i] != d[i] || r.p[i] != p[i])
				fail_msg("seed %llu cell %zu: d %lld p %lld, recount %lld %lld",
					 (unsigned long long)seed, i, (long long)r.d[i],
					 (long long)r.p[i], (long long)d[i], (long long)p[i]);
			if (complete && i % (n + 1) != 0)
				assert_int_equal(d[i] + d[(i % n) * n + i / n], voters);
		}
		w = condorcet_winner(n, d);
		if (w != SIZE_MAX) {
			winners++;
			assert_int_equal(r.rows[0].option, w);
			assert_int_equal(r.rows[0].position, 1);
			assert_int_equal(r.rows[1].position, 2);
		}
		tally_free(&r);
	}
	/* Most random elections have a Condorcet winner; the check ran. */
	assert_true(winners > 200);
}

/* The case: on A>C>B, A>B>C, C>B>A, C>B>A nobody beats A (A–B and
 * A–C are 2 to 2) and nobody beats C (C beats B 3 to 1): both are winners
 * and share position 1; B, beaten by C, comes after them, never level with
 * A. Ordering by options beaten would name C alone and put A level with B. */
static void test_schulze_winners_by_definition(void **state)
{
	struct election e;
	struct tally_result r;

	(void)state;
	election_init(&e, TALLY_SCHULZE, 3);
	add_ranking(&e, 1, "A>C>B");
	add_ranking(&e, 1, "A>B>C");
	add_ranking(&e, 2, "C>B>A");
	count(&e, &r);
	assert_int_equal(r.p[2 * 3 + 1], 3); /* p[C][B] */
	assert_int_equal(r.p[0 * 3 + 1], 0); /* p[A][B] */
	ROWS(&r, L(0, 2, 1), L(1, 1, 3), L(0, 1, 0));
	assert_tie_without_lot(&r);
	tally_free(&r);
}

/* Strongest paths by their definition, without any path algorithm: p[x][y]
 * is the largest link strength t such that y can be reached from x along
 * links of strength ≥ t (a search per threshold). */
static void definition_p(size_t n, const int64_t *d, int64_t *p)
{
	for (size_t x = 0; x < n; x++)
		for (size_t y = 0; y < n; y++) {
			p[x * n + y] = 0;
			if (x == y)
				continue;
			for (size_t a = 0; a < n; a++)
				for (size_t b = 0; b < n; b++) {
					int64_t t = d[a * n + b];
					bool seen[MAX_OPTIONS] = { false }, grew = true;

					if (a == b || t <= d[b * n + a] || t <= p[x * n + y])
						continue;
					seen[x] = true;
					while (grew) {
						grew = false;
						for (size_t u = 0; u < n; u++)
							for (size_t w = 0; w < n; w++)
								if (seen[u] && !seen[w] &&
								    d[u * n + w] > d[w * n + u] &&
								    d[u * n + w] >= t)
									seen[w] = grew = true;
					}
					if (seen[y])
						p[x * n + y] = t;
				}
		}
}

/* Random profiles with few voters, so that ties are common: the positions
 * are those of the definition (winners of what is left, round by round),
 * and no option shares a position with, or comes before, one that beats
 * it. */
static void test_schulze_positions_by_definition(void **state)
{
	size_t shared = 0;

	(void)state;
	for (uint64_t seed = 0; seed < 3000; seed++) {
		uint64_t rng = seed * 104729 + 17;
		struct election e;
		struct tally_result r;
		int64_t d[MAX_OPTIONS * MAX_OPTIONS], p[MAX_OPTIONS * MAX_OPTIONS];
		size_t n = pick(&rng, 2, 6), voters = pick(&rng, 1, 5);
		size_t level[MAX_OPTIONS] = { 0 }, place[MAX_OPTIONS] = { 0 }, placed = 0;

		election_init(&e, TALLY_SCHULZE, n);
		for (size_t v = 0; v < voters; v++)
			add_random_ballot(&e, &rng, seed % 2 == 0);
		count(&e, &r);
		recount_d(&e, d);
		definition_p(n, d, p);
		for (size_t round = 1; placed < n; round++) {
			size_t in_round = 0;
			for (size_t a = 0; a < n; a++) {
				bool beaten = false;
				if (level[a])
					continue;
				for (size_t b = 0; b < n; b++)
					if (b != a && (!level[b] || level[b] == round) &&
					    p[b * n + a] > p[a * n + b])
						beaten = true;
				if (!beaten) {
					level[a] = round;
					place[a] = placed + 1;
					in_round++;
				}
			}
			assert_true(in_round > 0);
			for (size_t a = 0; a < n; a++)
				if (level[a] == round && in_round > 1)
					place[a] = placed + 1;
			shared += in_round > 1;
			placed += in_round;
		}
		for (size_t i = 0; i < n; i++) {
			size_t o = r.rows[i].option;
			if (r.rows[i].position != place[o])
				fail_msg("seed %llu: option %zu at position %zu, by definition %zu",
					 (unsigned long long)seed, o, r.rows[i].position, place[o]);
			for (size_t j = 0; j < i; j++) {
				size_t q = r.rows[j].option;
				assert_false(p[o * n + q] > p[q * n + o]);
			}
		}
		tally_free(&r);
	}
	/* Ties were common, so the shared positions were tested. */
	assert_true(shared > 500);
}

/* With two options borda and schulze both follow the majority, and tie
 * when it is even. */
static void test_two_options_majority(void **state)
{
	static const char *const ballots[] = { "A>B", "B>A", "A", "B" };

	(void)state;
	for (uint64_t seed = 0; seed < 200; seed++) {
		uint64_t rng = seed + 1000;
		size_t voters = pick(&rng, 1, 50), for_a = 0, for_b = 0;
		struct election borda, schulze;

		election_init(&borda, TALLY_BORDA, 2);
		election_init(&schulze, TALLY_SCHULZE, 2);
		for (size_t v = 0; v < voters; v++) {
			size_t b = pick(&rng, 0, 3);
			add_ranking(&borda, 1, ballots[b]);
			add_ranking(&schulze, 1, ballots[b]);
			*(b % 2 == 0 ? &for_a : &for_b) += 1;
		}
		for (int m = 0; m < 2; m++) {
			struct tally_result r;

			count(m ? &schulze : &borda, &r);
			if (for_a == for_b) {
				assert_int_equal(r.rows[0].position, 1);
				assert_int_equal(r.rows[1].position, 1);
				assert_true(r.tie);
			} else {
				assert_int_equal(r.rows[0].option, for_a > for_b ? 0 : 1);
				assert_int_equal(r.rows[1].position, 2);
			}
			tally_free(&r);
		}
	}
}

/* Every method is a full row of the table, found back by its name. */
static void test_method_table(void **state)
{
	(void)state;
	for (int m = 0; m < TALLY_NMETHODS; m++) {
		const struct tally_method_info *info = tally_method((enum tally_method)m);
		enum tally_method back;
		assert_non_null(info->name);
		assert_non_null(info->label);
		assert_non_null(info->value_word);
		assert_non_null(info->count);
		assert_non_null(info->check);
		assert_true(tally_method_parse(info->name, &back));
		assert_int_equal(back, m);
		/* a budget method names its Pabulib rule; only budget methods do */
		assert_int_equal(info->pabulib_rule != NULL, tally_method_has(back, TALLY_BUDGET));
	}
	assert_true(tally_method_has(TALLY_APPROVAL, TALLY_PAPER | TALLY_SHARE_OF_VOTERS));
	assert_int_equal(tally_method(TALLY_SCHULZE)->mark, TALLY_MARK_RANK);
	assert_false(tally_method_has(TALLY_SCHULZE, TALLY_DISTINCT_RANKS));
}

/* The view of a result with 70 options: every row, positions shared across
 * row 64 (the panel kept 64 rows, so row 64 lost its "="). One voter ticks
 * options 1..63: they share position 1, the other seven position 64. */
static void test_view_of_70_options(void **state)
{
	enum { N = 70, TICKED = 63 };
	size_t start[2] = { 0, TICKED };
	uint32_t option[TICKED];
	int64_t value[TICKED];
	struct tally_input in = { .method = TALLY_APPROVAL, .noptions = N, .nvoters = 1,
				  .start = start, .option = option, .value = value };
	struct tally_result r;
	struct tally_view v;
	struct pact_err err;

	(void)state;
	for (uint32_t i = 0; i < TICKED; i++) {
		option[i] = i;
		value[i] = 1;
	}
	assert_int_equal(tally_run(&in, &r, &err), PACT_OK);
	assert_int_equal(tally_view_make(&in, &r, &v, &err), PACT_OK);
	assert_int_equal(v.nrows, N);
	assert_string_equal(v.rows[62].pos, "1=");
	assert_string_equal(v.rows[62].value_text, "1 (100%)");
	assert_string_equal(v.rows[63].pos, "64=");
	assert_string_equal(v.rows[63].label, "64= ");
	assert_string_equal(v.rows[69].pos, "64=");
	assert_string_equal(v.rows[69].value_text, "0 (0%)");
	assert_string_equal(v.share_note, "Percentage: the share of the voters who ticked the option.");
	assert_string_equal(v.details, v.share_note);
	assert_string_equal(v.ties, "Ties: tied options share a position; no lot.");
	tally_view_free(&v);
	tally_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_dots),
		cmocka_unit_test(test_check_scores),
		cmocka_unit_test(test_check_ranks),
		cmocka_unit_test(test_check_approvals),
		cmocka_unit_test(test_check_any_method),
		cmocka_unit_test(test_dot),
		cmocka_unit_test(test_approval),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_score_means_follow_lot),
		cmocka_unit_test(test_borda),
		cmocka_unit_test(test_no_voters),
		cmocka_unit_test(test_schulze_wikipedia),
		cmocka_unit_test(test_schulze_partial),
		cmocka_unit_test(test_schulze_random),
		cmocka_unit_test(test_schulze_winners_by_definition),
		cmocka_unit_test(test_schulze_positions_by_definition),
		cmocka_unit_test(test_two_options_majority),
		cmocka_unit_test(test_method_table),
		cmocka_unit_test(test_view_of_70_options),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
