/* The counts that add marks up option by option: dot (dots), approval
 * (approvals), score (total score, with mean and count) and borda (n − rank
 * points for the option at rank r). One pass over the marks. The sums are
 * kept in __int128, which no number of int64_t marks that fits in memory
 * can overflow, so the order of the marks does not matter (scores may be
 * negative); a total that does not fit int64_t refuses the count. */
#include "tally.h"

#include <stdlib.h>

#include "i18n.h"

typedef __int128 wide;

/* The refusal for option o, whose total passes the top (up) or the bottom
 * of int64_t. */
static int too_large(const struct tally_input *in, size_t o, bool up, struct pact_err *err)
{
	char buf[32];
	const char *name = tally_option_name(in, o, buf, sizeof buf);

	switch (in->method) {
	case TALLY_DOT:
		return err_set(err, PACT_EINPUT,
			       _("option '%s': the dots add up past %lld; pact cannot count this exactly"),
			       name, (long long)INT64_MAX);
	case TALLY_APPROVAL:
		return err_set(err, PACT_EINPUT,
			       _("option '%s': the approvals add up past %lld; pact cannot count this "
				 "exactly"),
			       name, (long long)INT64_MAX);
	case TALLY_BORDA:
		return err_set(err, PACT_EINPUT,
			       _("option '%s': the Borda points add up past %lld; pact cannot count "
				 "this exactly"),
			       name, (long long)INT64_MAX);
	default:
		if (up)
			return err_set(err, PACT_EINPUT,
				       _("option '%s': the scores add up past %lld; pact cannot count "
					 "this exactly"),
				       name, (long long)INT64_MAX);
		return err_set(err, PACT_EINPUT,
			       _("option '%s': the scores add up below %lld; pact cannot count this "
				 "exactly"),
			       name, (long long)INT64_MIN);
	}
}

/* A mark's points: a rank within 1..n (as tally_check makes sure) gives
 * n − rank, which cannot overflow. */
static int64_t points(const struct tally_input *in, int64_t v)
{
	if (in->method == TALLY_BORDA)
		return (int64_t)in->noptions - v;
	return in->method == TALLY_APPROVAL ? 1 : v;
}

/* Sums each option's points and counts its marks, then adds the counts from
 * paper. The method test sits inside the loop; it is the same for every
 * mark, so it predicts well. */
static void add_marks(const struct tally_input *in, wide *sum, size_t *count)
{
	size_t last = in->nvoters ? in->start[in->nvoters] : 0;

	for (size_t i = in->nvoters ? in->start[0] : 0; i < last; i++) {
		uint32_t o = in->option[i];

		sum[o] += points(in, in->value[i]);
		count[o]++;
	}
	for (size_t o = 0; in->extra && o < in->noptions; o++)
		sum[o] += in->extra[o];
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

int tally_count_simple(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err)
{
	size_t n = in->noptions ? in->noptions : 1;
	wide *sum = calloc(n, sizeof *sum);
	int64_t *total = calloc(n, sizeof *total);
	size_t *count = calloc(n, sizeof *count);
	int rc = PACT_EDB;

	if (!sum || !total || !count)
		goto done;
	add_marks(in, sum, count);
	if ((rc = narrow(in, sum, total, err)) != PACT_OK)
		goto done;
	rc = tally_rank(in, total, out);
	if (rc == PACT_OK && in->method == TALLY_SCORE)
		fill_means(out, total, count);
done:
	if (rc == PACT_EDB)
		err_set(err, rc, "%s", _("out of memory"));
	free(sum);
	free(total);
	free(count);
	return rc;
}
