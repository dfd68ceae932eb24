/* Property tests of counting at the limits of int64_t. For every method,
 * random profiles whose values sit at and just past the limits (INT64_MAX,
 * INT64_MAX/2 + 1, totals of exactly INT64_MAX against INT64_MAX + 1, many
 * voters times large values): the count either equals a reference worked
 * out in __int128 (or by the method's definition) or is refused with
 * PACT_EINPUT. Never a wrong winner, and never undefined behaviour: this
 * runs under UBSan with -fno-sanitize-recover, so a signed overflow aborts. */
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
#include "tally_out.h"

typedef __int128 i128;

#define MAX_OPTIONS 8
#define TOO_LARGE "pact cannot count this exactly"

static const char *const names[MAX_OPTIONS] = { "A", "B", "C", "D", "E", "F", "G", "H" };

/* Values near the top of int64_t, and a few small ones to mix with them. */
static const int64_t edges[] = {
	INT64_MAX,
	INT64_MAX - 1,
	INT64_MAX / 2,
	INT64_MAX / 2 + 1,
	INT64_MAX / 3,
	INT64_C(1000000000000000000),
	INT64_C(1) << 53,
	(INT64_C(1) << 53) + 1,
	1,
	2,
};

#define NEDGES (sizeof edges / sizeof edges[0])

/* --- profiles ------------------------------------------------------------ */

/* Ballots in growing arrays that in points into. */
struct profile {
	struct tally_input in;
	size_t *start;
	uint32_t *option;
	int64_t *value;
	size_t nmarks, capmarks, capvoters;
	int64_t extra[MAX_OPTIONS];
	int64_t costs[MAX_OPTIONS];
};

static void profile_init(struct profile *p, enum tally_method m, size_t noptions)
{
	memset(p, 0, sizeof *p);
	p->in.method = m;
	p->in.noptions = noptions;
	p->in.names = names;
	p->in.costs = p->costs;
	p->capvoters = 16;
	p->start = calloc(p->capvoters + 1, sizeof *p->start);
	assert_non_null(p->start);
	p->in.start = p->start;
}

static void profile_free(struct profile *p)
{
	free(p->start);
	free(p->option);
	free(p->value);
}

/* Points in at the arrays again after they grew. */
static void profile_sync(struct profile *p)
{
	p->in.start = p->start;
	p->in.option = p->option;
	p->in.value = p->value;
}

/* A mark of the voter being written (the one after the last complete). */
static void mark(struct profile *p, uint32_t option, int64_t value)
{
	if (p->nmarks == p->capmarks) {
		p->capmarks = p->capmarks ? 2 * p->capmarks : 64;
		p->option = realloc(p->option, p->capmarks * sizeof *p->option);
		p->value = realloc(p->value, p->capmarks * sizeof *p->value);
		assert_non_null(p->option);
		assert_non_null(p->value);
	}
	p->option[p->nmarks] = option;
	p->value[p->nmarks++] = value;
	profile_sync(p);
}

/* Closes the voter being written. */
static void end_voter(struct profile *p)
{
	if (p->in.nvoters + 1 > p->capvoters) {
		p->capvoters *= 2;
		p->start = realloc(p->start, (p->capvoters + 1) * sizeof *p->start);
		assert_non_null(p->start);
	}
	p->start[++p->in.nvoters] = p->nmarks;
	profile_sync(p);
}

static uint64_t rnd(uint64_t *rng, uint64_t n)
{
	return tally_random(rng) % n;
}

/* An edge value, or now and then any non-negative one. */
static int64_t edge(uint64_t *rng)
{
	uint64_t i = rnd(rng, NEDGES + 1);

	return i == NEDGES ? (int64_t)(tally_random(rng) >> 1) : edges[i];
}

/* The options 0..n-1 in a random order. */
static void shuffle(uint64_t *rng, uint32_t *perm, size_t n)
{
	for (size_t i = 0; i < n; i++)
		perm[i] = (uint32_t)i;
	for (size_t i = n; i > 1; i--) {
		size_t j = rnd(rng, i);
		uint32_t t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
}

static bool fits64(i128 x)
{
	return x >= INT64_MIN && x <= INT64_MAX;
}

static const char *i128_text(i128 x, char *buf)
{
	char tmp[48];
	size_t n = 0;
	unsigned __int128 m = x < 0 ? -(unsigned __int128)x : (unsigned __int128)x;

	do {
		tmp[n++] = (char)('0' + (int)(m % 10));
		m /= 10;
	} while (m);
	if (x < 0)
		tmp[n++] = '-';
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

/* --- the adding methods: dot, approval, score, borda ---------------------- */

/* The exact totals (marks and counts from paper) and marks per option. */
static void exact_totals(const struct tally_input *in, i128 *total, size_t *count)
{
	for (size_t o = 0; o < in->noptions; o++) {
		total[o] = in->extra ? in->extra[o] : 0;
		count[o] = 0;
	}
	for (size_t i = 0; in->nvoters && i < in->start[in->nvoters]; i++) {
		int64_t v = in->value[i];
		if (in->method == TALLY_BORDA)
			v = (int64_t)in->noptions - v;
		else if (in->method == TALLY_APPROVAL)
			v = 1;
		total[in->option[i]] += v;
		count[in->option[i]]++;
	}
}

/* The refusal names an option whose exact total does not fit. */
static void assert_refusal_names_overflow(const struct pact_err *err, const i128 *total,
					  size_t n)
{
	const char *at = strstr(err->msg, "option '");

	if (!strstr(err->msg, TOO_LARGE) || !at)
		fail_msg("refusal without the reason: %s", err->msg);
	at += strlen("option '");
	for (size_t o = 0; o < n; o++)
		if (strncmp(at, names[o], strlen(names[o])) == 0 && at[strlen(names[o])] == '\'') {
			if (fits64(total[o]))
				fail_msg("refusal names %s, whose total fits: %s", names[o], err->msg);
			if (total[o] > 0 ? !strstr(err->msg, "past 9223372036854775807")
					 : !strstr(err->msg, "below -9223372036854775808"))
				fail_msg("refusal does not say which limit: %s", err->msg);
			return;
		}
	fail_msg("refusal names no option: %s", err->msg);
}

struct expected_row {
	size_t option;
	i128 total;
	uint64_t lot;
};

static int by_expected(const void *a, const void *b)
{
	const struct expected_row *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	if (x->lot != y->lot)
		return x->lot < y->lot ? -1 : 1;
	return x->option < y->option ? -1 : 1;
}

/* r ranks every option by its exact value, highest first: tied options
 * share a position, or the seeded lot orders them (each option draws its
 * number in input order), then input order. */
static void assert_ranking_by(const struct tally_input *in, const struct tally_result *r,
			      const i128 *total, const i128 *shown, const char *what)
{
	struct expected_row want[MAX_OPTIONS];
	uint64_t lots = in->seed;
	char a[48];

	for (size_t o = 0; o < in->noptions; o++)
		want[o] = (struct expected_row){ o, total[o], in->lot ? tally_random(&lots) : 0 };
	qsort(want, in->noptions, sizeof *want, by_expected);
	assert_int_equal(r->nrows, in->noptions);
	for (size_t i = 0; i < r->nrows; i++) {
		const struct tally_row *row = &r->rows[i];
		bool tied = i > 0 && !in->lot && want[i].total == want[i - 1].total;
		size_t pos = tied ? r->rows[i - 1].position : i + 1;
		if (row->option != want[i].option || row->value != shown[want[i].option] ||
		    row->position != pos)
			fail_msg("%s: row %zu is %s %lld at %zu; the exact count says %s %s at %zu", what,
				 i, names[row->option], (long long)row->value, row->position,
				 names[want[i].option], i128_text(shown[want[i].option], a), pos);
	}
}

static void assert_ranking(const struct tally_input *in, const struct tally_result *r,
			   const i128 *total, const char *what)
{
	assert_ranking_by(in, r, total, total, what);
}

/* The count of an adding method: refused when some exact total leaves
 * int64_t, and otherwise exactly the ranking by the exact totals. */
static void assert_adding_count(const struct tally_input *in, const char *what)
{
	i128 total[MAX_OPTIONS];
	size_t count[MAX_OPTIONS];
	struct tally_result r;
	struct pact_err err = { 0 };
	bool fits = true;
	char b[48];
	int rc;

	exact_totals(in, total, count);
	for (size_t o = 0; o < in->noptions; o++)
		fits = fits && fits64(total[o]);
	rc = tally_run(in, &r, &err);
	if (!fits) {
		if (rc != PACT_EINPUT)
			fail_msg("%s: a total leaves int64_t, yet the count gave status %d", what, rc);
		assert_refusal_names_overflow(&err, total, in->noptions);
		return;
	}
	if (rc != PACT_OK)
		fail_msg("%s: every total fits, yet: %s", what, err.msg);
	assert_ranking(in, &r, total, what);
	for (size_t i = 0; i < r.nrows; i++) {
		const struct tally_row *row = &r.rows[i];
		if (in->method == TALLY_SCORE &&
		    (row->count != count[row->option] ||
		     row->mean != (count[row->option]
					   ? (double)total[row->option] / (double)count[row->option]
					   : 0.0)))
			fail_msg("%s: %s: mean %g of %zu, expected %s / %zu", what, names[row->option],
				 row->mean, row->count, i128_text(total[row->option], b),
				 count[row->option]);
	}
	tally_free(&r);
}

/* Checks the ballots, and counts them when they pass. */
static void check_and_count(const struct tally_input *in, bool valid, const char *what)
{
	struct pact_err err = { 0 };
	size_t at;
	int rc = tally_check(in, &at, &err);

	if (!valid) {
		if (rc != PACT_EINPUT)
			fail_msg("%s: ballots that break the rules passed the check", what);
		return;
	}
	if (rc != PACT_OK)
		fail_msg("%s: valid ballots refused: %s", what, err.msg);
	assert_adding_count(in, what);
}

/* Paper counts (dot and approval) at the edges, now and then. */
static void maybe_extra(struct profile *p, uint64_t *rng)
{
	if (rnd(rng, 3))
		return;
	for (size_t o = 0; o < p->in.noptions; o++)
		p->extra[o] = rnd(rng, 2) ? edge(rng) : 0;
	p->in.extra = p->extra;
	p->in.extra_voters = 1;
}

/* Dot: D and M at the edges, each voter's dots at the edges, some ballots
 * over D (refused by the check), paper counts added. */
static void test_dot_random_at_limits(void **state)
{
	uint64_t rng = 11;

	(void)state;
	for (int k = 0; k < 3000; k++) {
		struct profile p;
		size_t n = 2 + rnd(&rng, 4), nv = 1 + rnd(&rng, 12);
		bool valid = true;

		profile_init(&p, TALLY_DOT, n);
		p.in.dots = rnd(&rng, 2) ? INT64_MAX : edge(&rng);
		p.in.max_per_option = rnd(&rng, 2) ? p.in.dots : edge(&rng);
		p.in.lot = rnd(&rng, 4) == 0;
		p.in.seed = k;
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			i128 used = 0;
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++) {
				int64_t d = edge(&rng);
				/* Mostly within the voter's dots; now and then not. */
				if (rnd(&rng, 8) && d > p.in.max_per_option)
					d = p.in.max_per_option;
				if (rnd(&rng, 8) && d > p.in.dots - used)
					d = (int64_t)(p.in.dots - used);
				if (d < 1)
					break;
				valid = valid && d <= p.in.max_per_option && used + d <= p.in.dots;
				used += d;
				mark(&p, perm[i], d);
			}
			end_voter(&p);
		}
		maybe_extra(&p, &rng);
		check_and_count(&p.in, valid, "dot");
		profile_free(&p);
	}
}

/* Approval: the counts from paper put each total at INT64_MAX − 1,
 * INT64_MAX or INT64_MAX + 1. */
/* A paper count at the edge: with taken already counted, the total lands
 * on INT64_MAX, one below it, or one past it (kept to INT64_MAX where that
 * is all int64_t holds). Each draw is its own statement, so every compiler
 * draws in the same order. */
static int64_t near_max(uint64_t *rng, int64_t taken)
{
	int64_t below = (int64_t)rnd(rng, 2), past = rnd(rng, 4) == 0;
	int64_t gap = taken + below - past;

	return gap < 0 ? INT64_MAX : INT64_MAX - gap;
}

static void test_approval_paper_counts_at_limits(void **state)
{
	uint64_t rng = 12;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct profile p;
		size_t n = 2 + rnd(&rng, 4), nv = 1 + rnd(&rng, 12), approvals[MAX_OPTIONS] = { 0 };

		profile_init(&p, TALLY_APPROVAL, n);
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++) {
				mark(&p, perm[i], 1);
				approvals[perm[i]]++;
			}
			end_voter(&p);
		}
		for (size_t o = 0; o < n; o++) {
			if (rnd(&rng, 3))
				p.extra[o] = near_max(&rng, (int64_t)approvals[o]);
			else
				p.extra[o] = edge(&rng);
		}
		p.in.extra = p.extra;
		p.in.extra_voters = (size_t)INT64_MAX;
		check_and_count(&p.in, true, "approval");
		profile_free(&p);
	}
}

/* The score ranges at the two ends of int64_t, and scores at their edges:
 * totals pass the top and the bottom. */
static void test_score_random_at_limits(void **state)
{
	static const int64_t ranges[][2] = {
		{ INT64_MIN, INT64_MAX },
		{ INT64_MIN, 0 },
		{ -1, INT64_MAX },
		{ 0, INT64_MAX / 2 + 1 },
		{ INT64_MAX - 3, INT64_MAX },
		{ INT64_MIN, INT64_MIN + 3 },
	};
	uint64_t rng = 13;

	(void)state;
	for (int k = 0; k < 3000; k++) {
		struct profile p;
		size_t n = 2 + rnd(&rng, 4), nv = 1 + rnd(&rng, 12);
		const int64_t *range = ranges[rnd(&rng, sizeof ranges / sizeof ranges[0])];

		profile_init(&p, TALLY_SCORE, n);
		p.in.lo = range[0];
		p.in.hi = range[1];
		p.in.lot = rnd(&rng, 4) == 0;
		p.in.seed = k;
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++) {
				int64_t s = rnd(&rng, 2) ? edge(&rng) : -edge(&rng) - (int64_t)rnd(&rng, 2);
				if (rnd(&rng, 3) == 0)
					s = rnd(&rng, 2) ? p.in.lo : p.in.hi;
				if (s < p.in.lo || s > p.in.hi)
					s = rnd(&rng, 2) ? p.in.lo + (int64_t)rnd(&rng, 2)
							 : p.in.hi - (int64_t)rnd(&rng, 2);
				mark(&p, perm[i], s);
			}
			end_voter(&p);
		}
		check_and_count(&p.in, true, "score");
		profile_free(&p);
	}
}

/* Borda: points are small, so counts from paper (which the library takes
 * for any adding method) carry the totals to the limit. */
static void test_borda_at_limits(void **state)
{
	uint64_t rng = 14;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct profile p;
		size_t n = 2 + rnd(&rng, 5), nv = 1 + rnd(&rng, 12);
		i128 total[MAX_OPTIONS];
		size_t count[MAX_OPTIONS];

		profile_init(&p, TALLY_BORDA, n);
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++)
				mark(&p, perm[i], (int64_t)i + 1);
			end_voter(&p);
		}
		exact_totals(&p.in, total, count);
		for (size_t o = 0; o < n; o++)
			p.extra[o] = near_max(&rng, (int64_t)total[o]);
		p.in.extra = p.extra;
		check_and_count(&p.in, true, "borda");
		profile_free(&p);
	}
}

/* nv voters give option A the value q or q + 1, where q·nv ≤ INT64_MAX <
 * (q + 1)·nv: the first is counted exactly, the second refused. */
static void many_voters(enum tally_method m, size_t nv)
{
	int64_t q = INT64_MAX / (int64_t)nv;

	for (int64_t extra = 0; extra <= 1; extra++) {
		struct profile p;
		char what[64];

		profile_init(&p, m, 2);
		p.in.dots = p.in.max_per_option = q + 2;
		p.in.lo = 0;
		p.in.hi = q + 1;
		for (size_t v = 0; v < nv; v++) {
			mark(&p, 0, q + extra);
			if (v == 0)
				mark(&p, 1, 1);
			end_voter(&p);
		}
		snprintf(what, sizeof what, "%s, %zu voters × %lld", tally_method_name(m), nv,
			 (long long)(q + extra));
		check_and_count(&p.in, true, what);
		profile_free(&p);
	}
}

static void test_many_voters_times_large_values(void **state)
{
	static const size_t counts[] = { 2, 3, 7, 1000, 9300, 65537, 200000 };

	(void)state;
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		many_voters(TALLY_DOT, counts[i]);
		many_voters(TALLY_SCORE, counts[i]);
	}
}

/* The case from the report: 9,300 voters each put 10^18 dots on A, one
 * voter 1 dot on B. The dots of A add up past INT64_MAX; the count is
 * refused, and B never wins. */
static void test_9300_voters_of_10_18_dots(void **state)
{
	struct profile p;
	struct tally_result r;
	struct pact_err err = { 0 };
	size_t at;

	(void)state;
	profile_init(&p, TALLY_DOT, 2);
	p.in.dots = INT64_C(1000000000000000000);
	for (size_t v = 0; v < 9300; v++) {
		mark(&p, 0, INT64_C(1000000000000000000));
		end_voter(&p);
	}
	mark(&p, 1, 1);
	end_voter(&p);
	assert_int_equal(tally_check(&p.in, &at, &err), PACT_OK);
	assert_int_equal(tally_run(&p.in, &r, &err), PACT_EINPUT);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_string_equal(err.msg, "option 'A': the dots add up past 9223372036854775807; pact "
				     "cannot count this exactly");
	assert_null(r.rows);
	assert_int_equal(r.nrows, 0);
	profile_free(&p);
}

/* Totals of exactly INT64_MAX and INT64_MAX − 1 are counted and told apart
 * (as doubles they would be equal); one dot more is refused. */
static void test_sum_exactly_int64_max(void **state)
{
	(void)state;
	for (int more = 0; more <= 1; more++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };
		size_t at;

		profile_init(&p, TALLY_DOT, 2);
		p.in.dots = INT64_MAX;
		mark(&p, 0, INT64_MAX / 2);
		end_voter(&p);
		mark(&p, 0, INT64_MAX / 2 + 1 + more);
		end_voter(&p);
		mark(&p, 1, INT64_MAX - 1);
		end_voter(&p);
		assert_int_equal(tally_check(&p.in, &at, &err), PACT_OK);
		if (more) {
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_EINPUT);
			assert_non_null(strstr(err.msg, "option 'A'"));
		} else {
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
			assert_int_equal(r.rows[0].option, 0);
			assert_int_equal(r.rows[0].position, 1);
			assert_true(r.rows[0].value == INT64_MAX);
			assert_int_equal(r.rows[1].option, 1);
			assert_int_equal(r.rows[1].position, 2);
			assert_true(r.rows[1].value == INT64_MAX - 1);
			assert_false(r.tie);
			tally_free(&r);
		}
		profile_free(&p);
	}
}

/* 2^53 + 1 dots against 2^53: no overflow, but the two are one double
 * apart from nothing; the count must not call them a tie. */
static void test_totals_past_2_53_do_not_tie(void **state)
{
	struct profile p;
	struct tally_result r;
	struct pact_err err = { 0 };

	(void)state;
	profile_init(&p, TALLY_DOT, 2);
	p.in.dots = INT64_C(1) << 53;
	mark(&p, 1, INT64_C(1) << 53);
	end_voter(&p);
	mark(&p, 0, INT64_C(1) << 53);
	end_voter(&p);
	mark(&p, 0, 1);
	end_voter(&p);
	assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
	assert_int_equal(r.rows[0].option, 0);
	assert_int_equal(r.rows[0].position, 1);
	assert_int_equal(r.rows[1].position, 2);
	assert_false(r.tie);
	tally_free(&r);
	profile_free(&p);
}

/* The text result shows the values exactly and the shares of a whole that
 * is itself past INT64_MAX. */
static void test_printed_values_are_exact(void **state)
{
	struct profile p;
	struct tally_result r;
	struct pact_err err = { 0 };
	char *text = NULL;
	size_t size = 0;
	FILE *f;

	(void)state;
	profile_init(&p, TALLY_DOT, 2);
	p.in.dots = INT64_MAX;
	mark(&p, 0, INT64_MAX);
	end_voter(&p);
	mark(&p, 1, INT64_MAX - 1);
	end_voter(&p);
	assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
	f = open_memstream(&text, &size);
	assert_non_null(f);
	tally_print(f, &p.in, &r);
	fclose(f);
	if (!strstr(text, "9223372036854775807") || !strstr(text, "9223372036854775806") ||
	    !strstr(text, "50.0%"))
		fail_msg("not exact: %s", text);
	free(text);
	tally_free(&r);
	profile_free(&p);
}

/* --- Schulze --------------------------------------------------------------- */

/* d by comparing ranks (an unranked option comes after every ranked one),
 * p by the widest paths, the options each beats, and the order by the
 * definition: level 1 for the options nobody beats, then the same on what
 * is left (key = −level). */
static void schulze_reference(const struct tally_input *in, int64_t *d, int64_t *p,
			      int64_t *beats, i128 *key)
{
	size_t n = in->noptions;

	memset(d, 0, n * n * sizeof *d);
	for (size_t v = 0; v < in->nvoters; v++) {
		int64_t rank[MAX_OPTIONS];
		bool ranked[MAX_OPTIONS] = { false };
		for (size_t i = in->start[v]; i < in->start[v + 1]; i++) {
			rank[in->option[i]] = in->value[i];
			ranked[in->option[i]] = true;
		}
		for (size_t x = 0; x < n; x++)
			for (size_t y = 0; y < n; y++)
				if (x != y && ranked[x] && (!ranked[y] || rank[x] < rank[y]))
					d[x * n + y]++;
	}
	for (size_t x = 0; x < n; x++)
		for (size_t y = 0; y < n; y++)
			p[x * n + y] = x != y && d[x * n + y] > d[y * n + x] ? d[x * n + y] : 0;
	for (size_t k = 0; k < n; k++)
		for (size_t x = 0; x < n; x++)
			for (size_t y = 0; y < n; y++) {
				int64_t w = p[x * n + k] < p[k * n + y] ? p[x * n + k] : p[k * n + y];
				if (x != y && x != k && y != k && w > p[x * n + y])
					p[x * n + y] = w;
			}
	for (size_t x = 0; x < n; x++) {
		beats[x] = 0;
		key[x] = 0;
		for (size_t y = 0; y < n; y++)
			beats[x] += p[x * n + y] > p[y * n + x];
	}
	for (i128 level = 1, left = (i128)n; left > 0; level++) {
		bool win[MAX_OPTIONS] = { false };
		for (size_t x = 0; x < n; x++) {
			win[x] = key[x] == 0;
			for (size_t y = 0; y < n && win[x]; y++)
				if (y != x && key[y] == 0 && p[y * n + x] > p[x * n + y])
					win[x] = false;
		}
		for (size_t x = 0; x < n; x++)
			if (win[x]) {
				key[x] = -level;
				left--;
			}
	}
}

/* Ranks at the edges of int64_t, equal ranks and unranked options. */
static void test_schulze_ranks_at_limits(void **state)
{
	uint64_t rng = 15;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };
		size_t n = 2 + rnd(&rng, 5), nv = 1 + rnd(&rng, 30), at;
		int64_t d[MAX_OPTIONS * MAX_OPTIONS], pp[MAX_OPTIONS * MAX_OPTIONS],
			beats[MAX_OPTIONS];
		i128 key[MAX_OPTIONS], total[MAX_OPTIONS];

		profile_init(&p, TALLY_SCHULZE, n);
		p.in.lot = rnd(&rng, 4) == 0;
		p.in.seed = k;
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++) {
				int64_t rank = rnd(&rng, 2) ? edge(&rng) : 1 + (int64_t)rnd(&rng, n);
				mark(&p, perm[i], rank < 1 ? 1 : rank);
			}
			end_voter(&p);
		}
		assert_int_equal(tally_check(&p.in, &at, &err), PACT_OK);
		assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
		schulze_reference(&p.in, d, pp, beats, key);
		assert_memory_equal(r.d, d, n * n * sizeof *d);
		assert_memory_equal(r.p, pp, n * n * sizeof *pp);
		for (size_t o = 0; o < n; o++)
			total[o] = beats[o];
		assert_ranking_by(&p.in, &r, key, total, "schulze");
		tally_free(&r);
		profile_free(&p);
	}
}

/* --- instant-runoff ------------------------------------------------------- */

/* A plain recount: the winner, and its votes in the last round; false when
 * a tie for fewest votes comes up (the tie rules are tested elsewhere). */
static bool irv_reference(const struct tally_input *in, size_t *winner, int64_t *votes_out)
{
	bool gone[MAX_OPTIONS] = { false };
	size_t n = in->noptions, left = n;

	for (;;) {
		int64_t votes[MAX_OPTIONS] = { 0 }, active = 0;
		size_t best = SIZE_MAX, worst = SIZE_MAX, nworst = 0;
		for (size_t v = 0; v < in->nvoters; v++) {
			size_t top = SIZE_MAX;
			int64_t rank = INT64_MAX;
			for (size_t i = in->start[v]; i < in->start[v + 1]; i++)
				if (!gone[in->option[i]] && in->value[i] <= rank) {
					rank = in->value[i];
					top = in->option[i];
				}
			if (top != SIZE_MAX) {
				votes[top]++;
				active++;
			}
		}
		for (size_t o = 0; o < n; o++) {
			if (gone[o])
				continue;
			if (best == SIZE_MAX || votes[o] > votes[best])
				best = o;
			if (worst == SIZE_MAX || votes[o] < votes[worst]) {
				worst = o;
				nworst = 1;
			} else if (votes[o] == votes[worst]) {
				nworst++;
			}
		}
		if (left == 1 || 2 * votes[best] > active) {
			*winner = best;
			*votes_out = votes[best];
			return true;
		}
		if (nworst > 1)
			return false;
		gone[worst] = true;
		left--;
	}
}

/* Ranks at the edges are refused by the check (ranks go up to the number
 * of options); valid ballots, some with many voters, elect the recount's
 * winner. */
static void test_irv_ranks_at_limits(void **state)
{
	uint64_t rng = 16;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct profile p;
		struct pact_err err = { 0 };
		size_t n = 2 + rnd(&rng, 5), nv = 1 + rnd(&rng, k % 10 ? 30 : 3000), at, winner;
		bool valid = true;
		int64_t votes;

		profile_init(&p, TALLY_IRV, n);
		for (size_t v = 0; v < nv; v++) {
			uint32_t perm[MAX_OPTIONS];
			bool used[MAX_OPTIONS + 1] = { false };
			shuffle(&rng, perm, n);
			for (size_t i = 0, len = rnd(&rng, n + 1); i < len; i++) {
				int64_t rank = rnd(&rng, 50) ? (int64_t)i + 1 : edge(&rng);
				bool ok = rank >= 1 && (uint64_t)rank <= n && !used[rank];
				valid = valid && ok;
				if (ok)
					used[rank] = true;
				mark(&p, perm[i], rank);
			}
			end_voter(&p);
		}
		if (!valid) {
			assert_int_equal(tally_check(&p.in, &at, &err), PACT_EINPUT);
		} else {
			struct tally_result r;
			assert_int_equal(tally_check(&p.in, &at, &err), PACT_OK);
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
			if (irv_reference(&p.in, &winner, &votes)) {
				assert_int_equal(r.rows[0].option, winner);
				assert_true(r.rows[0].value == votes);
				assert_int_equal(r.rows[1].position, 2);
			}
			tally_free(&r);
		}
		profile_free(&p);
	}
}

/* --- participatory budgeting ------------------------------------------------ */

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

/* Approval ballots: each voter approves each option with chance 1/2. */
static void random_approvals(struct profile *p, uint64_t *rng, size_t nv, size_t *approvals)
{
	memset(approvals, 0, p->in.noptions * sizeof *approvals);
	for (size_t v = 0; v < nv; v++) {
		for (uint32_t o = 0; o < p->in.noptions; o++)
			if (rnd(rng, 2)) {
				mark(p, o, 1);
				approvals[o]++;
			}
		end_voter(p);
	}
}

static void assert_funded(const struct tally_result *r, const struct tally_input *in,
			  const size_t *want, size_t nwant, i128 remaining, const char *what)
{
	char a[48];

	if (r->nrows != nwant)
		fail_msg("%s: %zu funded, expected %zu", what, r->nrows, nwant);
	for (size_t i = 0; i < nwant; i++) {
		assert_int_equal(r->rows[i].option, want[i]);
		assert_int_equal(r->rows[i].position, i + 1);
		assert_true(r->rows[i].value == in->costs[want[i]]);
	}
	if (r->remaining != remaining)
		fail_msg("%s: %lld left, expected %s", what, (long long)r->remaining,
			 i128_text(remaining, a));
}

/* Greedy with costs and budgets at the edges: exactly the greedy rule on
 * __int128 sums. */
static void test_pb_greedy_at_limits(void **state)
{
	uint64_t rng = 17;

	(void)state;
	for (int k = 0; k < 3000; k++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };
		struct gkey g[MAX_OPTIONS];
		size_t n = 2 + rnd(&rng, 5), approvals[MAX_OPTIONS], want[MAX_OPTIONS], nwant = 0;
		i128 left;

		profile_init(&p, TALLY_PB_GREEDY, n);
		random_approvals(&p, &rng, 1 + rnd(&rng, 10), approvals);
		for (size_t o = 0; o < n; o++) {
			p.costs[o] = edge(&rng) - (int64_t)rnd(&rng, 2);
			p.costs[o] = p.costs[o] < 0 ? 0 : p.costs[o];
		}
		p.in.budget = edge(&rng);
		left = p.in.budget;
		for (size_t o = 0; o < n; o++)
			g[o] = (struct gkey){ o, approvals[o], p.costs[o] };
		qsort(g, n, sizeof *g, by_gkey);
		for (size_t i = 0; i < n; i++)
			if (g[i].approvals && g[i].cost <= left) {
				want[nwant++] = g[i].option;
				left -= g[i].cost;
			}
		assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
		assert_funded(&r, &p.in, want, nwant, left, "pb-greedy");
		tally_free(&r);
		profile_free(&p);
	}
}

/* A cost or a budget below 0 is refused, not summed. */
static void test_pb_negative_amounts_refused(void **state)
{
	static const enum tally_method methods[] = { TALLY_PB_GREEDY, TALLY_PB_MES };

	(void)state;
	for (size_t m = 0; m < 2; m++)
		for (int c = 0; c < 4; c++) {
			struct profile p;
			struct tally_result r;
			struct pact_err err = { 0 };
			size_t approvals[3];
			uint64_t rng = 3;

			profile_init(&p, methods[m], 3);
			random_approvals(&p, &rng, 4, approvals);
			p.costs[0] = p.costs[1] = p.costs[2] = 10;
			p.in.budget = 100;
			if (c == 0)
				p.costs[1] = -1;
			else if (c == 1)
				p.costs[2] = INT64_MIN;
			else if (c == 2)
				p.in.budget = -1;
			else
				p.in.budget = INT64_MIN;
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_EINPUT);
			assert_non_null(strstr(err.msg, "below 0"));
			if (c < 2)
				assert_non_null(strstr(err.msg, c == 0 ? "option 'B'" : "option 'C'"));
			profile_free(&p);
		}
}

/* Equal Shares is the same at any scale: costs and budget times λ fund the
 * same options in the same order (completion none), with λ taking the
 * largest amount to within λ of INT64_MAX, and many voters. */
static void test_pb_mes_scaled_to_the_limit(void **state)
{
	uint64_t rng = 18;

	(void)state;
	for (int k = 0; k < 1500; k++) {
		struct profile p;
		struct tally_result small, big;
		struct pact_err err = { 0 };
		size_t n = 2 + rnd(&rng, 5), nv = 1 + rnd(&rng, k % 5 ? 10 : 2000),
		       approvals[MAX_OPTIONS];
		int64_t top, lambda;

		profile_init(&p, TALLY_PB_MES, n);
		p.in.complete = TALLY_COMPLETE_NONE;
		random_approvals(&p, &rng, nv, approvals);
		p.in.budget = 1 + (int64_t)rnd(&rng, 60);
		top = p.in.budget;
		for (size_t o = 0; o < n; o++) {
			p.costs[o] = 1 + (int64_t)rnd(&rng, 30);
			top = p.costs[o] > top ? p.costs[o] : top;
		}
		assert_int_equal(tally_run(&p.in, &small, &err), PACT_OK);
		lambda = INT64_MAX / top - (int64_t)rnd(&rng, 3);
		p.in.budget *= lambda;
		for (size_t o = 0; o < n; o++)
			p.costs[o] *= lambda;
		assert_int_equal(tally_run(&p.in, &big, &err), PACT_OK);
		assert_int_equal(big.nrows, small.nrows);
		for (size_t i = 0; i < small.nrows; i++) {
			assert_int_equal(big.rows[i].option, small.rows[i].option);
			assert_true(big.rows[i].value == p.costs[small.rows[i].option]);
		}
		assert_true(big.remaining == small.remaining * lambda);
		tally_free(&small);
		tally_free(&big);
		profile_free(&p);
	}
}

static int by_cost(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->option < y->option ? -1 : 1;
}

/* Everyone approves everything: every option costs each voter the same
 * share of its cost, so Equal Shares buys the cheapest first while the
 * budget holds, and add1 (whose first larger outcome breaks the budget)
 * keeps that: the longest prefix by cost that fits. Costs and budgets at
 * the edges; past INT64_MAX in all, add1 is refused. */
static void test_pb_mes_add1_at_limits(void **state)
{
	static const size_t voters[] = { 1, 2, 3, 9300 };
	uint64_t rng = 19;

	(void)state;
	for (int k = 0; k < 400; k++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };
		struct gkey g[MAX_OPTIONS];
		size_t n = 1 + rnd(&rng, 4), nv = voters[rnd(&rng, 4)], want[MAX_OPTIONS], nwant = 0;
		i128 sum = 0, left;
		int rc;

		profile_init(&p, TALLY_PB_MES, n);
		for (size_t v = 0; v < nv; v++) {
			for (uint32_t o = 0; o < n; o++)
				mark(&p, o, 1);
			end_voter(&p);
		}
		for (size_t o = 0; o < n; o++) {
			p.costs[o] = edge(&rng) - (int64_t)rnd(&rng, 2);
			p.costs[o] = p.costs[o] < 1 ? 1 : p.costs[o];
			g[o] = (struct gkey){ o, nv, p.costs[o] };
			sum += p.costs[o];
		}
		p.in.budget = rnd(&rng, 2) ? edge(&rng) : (int64_t)(sum > INT64_MAX ? INT64_MAX : sum);
		left = p.in.budget;
		qsort(g, n, sizeof *g, by_cost);
		for (size_t i = 0; i < n && g[i].cost <= left; i++) {
			want[nwant++] = g[i].option;
			left -= g[i].cost;
		}
		rc = tally_run(&p.in, &r, &err);
		if (sum > INT64_MAX) {
			if (rc != PACT_EINPUT || !strstr(err.msg, "add up past 9223372036854775807"))
				fail_msg("approved costs past INT64_MAX: status %d, %s", rc, err.msg);
		} else {
			assert_int_equal(rc, PACT_OK);
			assert_funded(&r, &p.in, want, nwant, left, "pb-mes add1");
			tally_free(&r);
		}
		profile_free(&p);
	}
}

/* Approved costs of exactly INT64_MAX complete with add1; one more is
 * refused with add1, and still counted without completion and greedily. */
static void test_pb_approved_costs_exactly_int64_max(void **state)
{
	(void)state;
	for (int more = 0; more <= 1; more++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };

		profile_init(&p, TALLY_PB_MES, 2);
		for (size_t v = 0; v < 3; v++) {
			mark(&p, 0, 1);
			mark(&p, 1, 1);
			end_voter(&p);
		}
		p.costs[0] = INT64_MAX / 2;
		p.costs[1] = INT64_MAX / 2 + 1 + more;
		p.in.budget = INT64_MAX / 2 + 1;
		if (more) {
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_EINPUT);
			assert_string_equal(err.msg, "the costs of the approved options add up past "
						     "9223372036854775807; pact cannot complete Equal "
						     "Shares (add1) exactly");
		} else {
			assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
			assert_funded(&r, &p.in, (const size_t[]){ 0 }, 1, 1, "exactly INT64_MAX");
			tally_free(&r);
		}
		p.in.complete = TALLY_COMPLETE_NONE;
		assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
		assert_funded(&r, &p.in, (const size_t[]){ 0 }, 1, 1, "none");
		tally_free(&r);
		p.in.method = TALLY_PB_GREEDY;
		assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
		assert_funded(&r, &p.in, (const size_t[]){ 0 }, 1, 1, "greedy");
		tally_free(&r);
		profile_free(&p);
	}
}

/* Random approvals with costs and budgets at the edges (completion none;
 * add1 is the structured tests above, as its search for k can take
 * minutes on random ballots with costs this large): no undefined
 * behaviour, and the funded options, each approved and funded once, cost
 * at most the budget, and the rest is left, exactly. */
static void test_pb_mes_random_at_limits(void **state)
{
	uint64_t rng = 20;

	(void)state;
	for (int k = 0; k < 2000; k++) {
		struct profile p;
		struct tally_result r;
		struct pact_err err = { 0 };
		size_t n = 2 + rnd(&rng, 5), approvals[MAX_OPTIONS];
		bool seen[MAX_OPTIONS] = { false };
		i128 spent = 0;

		profile_init(&p, TALLY_PB_MES, n);
		p.in.complete = TALLY_COMPLETE_NONE;
		random_approvals(&p, &rng, 1 + rnd(&rng, k % 10 ? 12 : 3000), approvals);
		for (size_t o = 0; o < n; o++) {
			p.costs[o] = edge(&rng) / (1 + (int64_t)rnd(&rng, 4)) - (int64_t)rnd(&rng, 2);
			p.costs[o] = p.costs[o] < 1 ? 1 : p.costs[o];
		}
		p.in.budget = edge(&rng);
		assert_int_equal(tally_run(&p.in, &r, &err), PACT_OK);
		for (size_t i = 0; i < r.nrows; i++) {
			size_t o = r.rows[i].option;
			assert_false(seen[o]);
			assert_true(approvals[o] > 0);
			seen[o] = true;
			spent += p.costs[o];
		}
		assert_true(spent <= p.in.budget);
		assert_true(r.remaining == p.in.budget - spent);
		tally_free(&r);
		profile_free(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_9300_voters_of_10_18_dots),
		cmocka_unit_test(test_sum_exactly_int64_max),
		cmocka_unit_test(test_totals_past_2_53_do_not_tie),
		cmocka_unit_test(test_printed_values_are_exact),
		cmocka_unit_test(test_dot_random_at_limits),
		cmocka_unit_test(test_approval_paper_counts_at_limits),
		cmocka_unit_test(test_score_random_at_limits),
		cmocka_unit_test(test_borda_at_limits),
		cmocka_unit_test(test_many_voters_times_large_values),
		cmocka_unit_test(test_schulze_ranks_at_limits),
		cmocka_unit_test(test_irv_ranks_at_limits),
		cmocka_unit_test(test_pb_greedy_at_limits),
		cmocka_unit_test(test_pb_negative_amounts_refused),
		cmocka_unit_test(test_pb_mes_scaled_to_the_limit),
		cmocka_unit_test(test_pb_mes_add1_at_limits),
		cmocka_unit_test(test_pb_approved_costs_exactly_int64_max),
		cmocka_unit_test(test_pb_mes_random_at_limits),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("tally_limits", tests, NULL, NULL);
}
