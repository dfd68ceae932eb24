/* The counts that add marks up option by option: dot (dots), approval
 * (approvals), score (total score, with mean and count) and borda (n − p
 * points for the option a ballot puts in place p). Borda reads a ballot by
 * its order, as IRV and Schulze do: ranks 1, 3 without 2 are places 1 and
 * 2, so a gap never costs an option points. One pass over the marks. The sums are
 * kept in __int128, which no number of int64_t marks that fits in memory
 * can overflow, so the order of the marks does not matter (scores may be
 * negative); a total that does not fit int64_t refuses the count. */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

typedef __int128 wide;

/* The refusal for option o, whose total passes the top (up) or the bottom
 * of int64_t (only scores can go below 0). */
static int too_large(const struct tally_input *in, size_t o, bool up, struct pact_err *err)
{
	char buf[32];
	const char *name = tally_option_name(in, o, buf, sizeof buf);

	/* The table's formats are each "option '%s': … %lld …" (msgfmt -c
	 * checks that every translation keeps them). */
	if (up) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		return err_set(err, PACT_EINPUT, _(tally_method(in->method)->too_large), name,
			       (long long)INT64_MAX);
#pragma GCC diagnostic pop
	}
	return err_set(err, PACT_EINPUT,
		       _("option '%s': the scores add up below %lld; pact cannot count this "
			 "exactly"),
		       name, (long long)INT64_MIN);
}

/* A tick counts 1; dots and scores count as given. */
static int64_t points(const struct tally_input *in, int64_t v)
{
	return tally_method(in->method)->mark == TALLY_MARK_TICK ? 1 : v;
}

static int by_rank(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Borda: n − place points for each of voter v's marks, place 1 the best.
 * The ranks are distinct and within 1..n (tally_check makes sure), so
 * ranks 1..k without a gap are the places themselves; otherwise a rank's
 * place is its position among the ballot's ranks, sorted into sorted (n
 * entries). The points cannot overflow. */
static void add_borda_ballot(const struct tally_input *in, size_t v, int64_t *sorted,
			     wide *sum, size_t *count)
{
	size_t first = in->start[v], k = in->start[v + 1] - first;
	int64_t n = (int64_t)in->noptions, most = 0;

	for (size_t i = 0; i < k; i++)
		most = in->value[first + i] > most ? in->value[first + i] : most;
	if (most != (int64_t)k) {
		memcpy(sorted, in->value + first, k * sizeof *sorted);
		qsort(sorted, k, sizeof *sorted, by_rank);
	}
	for (size_t i = first; i < first + k; i++) {
		int64_t place = in->value[i];
		if (most != (int64_t)k)
			place = (const int64_t *)bsearch(&in->value[i], sorted, k, sizeof *sorted,
							 by_rank) - sorted + 1;
		sum[in->option[i]] += n - place;
		count[in->option[i]]++;
	}
}

/* Sums each option's points and counts its marks, then adds the counts from
 * paper. Borda reads each ballot by its order; the others add mark by mark. */
static int add_marks(const struct tally_input *in, bool borda, wide *sum, size_t *count)
{
	size_t last = in->nvoters ? in->start[in->nvoters] : 0;

	if (borda) {
		int64_t *sorted = calloc(in->noptions + 1, sizeof *sorted);
		if (!sorted)
			return PACT_ENOMEM;
		for (size_t v = 0; v < in->nvoters; v++)
			add_borda_ballot(in, v, sorted, sum, count);
		free(sorted);
	} else {
		for (size_t i = in->nvoters ? in->start[0] : 0; i < last; i++) {
			uint32_t o = in->option[i];

			sum[o] += points(in, in->value[i]);
			count[o]++;
		}
	}
	for (size_t o = 0; in->extra && o < in->noptions; o++)
		sum[o] += in->extra[o];
	return PACT_OK;
}

/* The totals as int64_t, or the refusal of the first that does not fit. */
static int narrow(const struct tally_input *in, const wide *sum, int64_t *total,
		  struct pact_err *err)
{
	for (size_t o = 0; o < in->noptions; o++) {
		if (sum[o] > INT64_MAX || sum[o] < INT64_MIN)
			return too_large(in, o, sum[o] > 0, err);
		total[o] = (int64_t)sum[o];
	}
	return PACT_OK;
}

/* Rows are in ranked order; the mean and count follow their option. */
static void fill_means(struct tally_result *out, const int64_t *total, const size_t *count)
{
	for (size_t i = 0; i < out->nrows; i++) {
		struct tally_row *row = &out->rows[i];
		size_t c = count[row->option];

		row->count = c;
		row->mean = c ? (double)total[row->option] / (double)c : 0.0;
	}
}

static int count_sums(const struct tally_input *in, bool borda, struct tally_result *out,
		      struct pact_err *err)
{
	size_t n = in->noptions ? in->noptions : 1;
	wide *sum = calloc(n, sizeof *sum);
	int64_t *total = calloc(n, sizeof *total);
	size_t *count = calloc(n, sizeof *count);
	int rc = PACT_ENOMEM;

	if (!sum || !total || !count || add_marks(in, borda, sum, count))
		goto done;
	if ((rc = narrow(in, sum, total, err)) != PACT_OK)
		goto done;
	rc = tally_rank(in, total, out);
	if (rc == PACT_OK && tally_method_has(in->method, TALLY_MEANS))
		fill_means(out, total, count);
done:
	if (rc == PACT_ENOMEM)
		err_nomem(err);
	free(sum);
	free(total);
	free(count);
	return rc;
}

int tally_count_simple(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err)
{
	return count_sums(in, false, out, err);
}

int tally_count_borda(const struct tally_input *in, struct tally_result *out,
		      struct pact_err *err)
{
	return count_sums(in, true, out, err);
}
