/* The counts that add marks up option by option: dot (dots), approval
 * (approvals), score (total score, with mean and count) and borda (n − rank
 * points for the option at rank r). One pass over the marks. */
#include "tally.h"

#include <stdlib.h>

#include "i18n.h"

/* Sums each option's points and counts its marks. The method test sits
 * inside the loop; it is the same for every mark, so it predicts well. */
static void add_marks(const struct tally_input *in, int64_t *total, size_t *count)
{
	int64_t n = (int64_t)in->noptions;
	size_t last = in->nvoters ? in->start[in->nvoters] : 0;

	for (size_t i = in->nvoters ? in->start[0] : 0; i < last; i++) {
		uint32_t o = in->option[i];
		int64_t v = in->value[i];

		if (in->method == TALLY_BORDA)
			v = n - v;
		else if (in->method == TALLY_APPROVAL)
			v = 1;
		total[o] += v;
		count[o]++;
	}
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
	int64_t *total = calloc(n, sizeof *total);
	size_t *count = calloc(n, sizeof *count);
	double *values = calloc(n, sizeof *values);
	int rc = PACT_EDB;

	if (!total || !count || !values)
		goto done;
	add_marks(in, total, count);
	for (size_t o = 0; in->extra && o < in->noptions; o++)
		total[o] += in->extra[o];
	for (size_t o = 0; o < in->noptions; o++)
		values[o] = (double)total[o];
	rc = tally_rank(in, values, false, out);
	if (rc == PACT_OK && in->method == TALLY_SCORE)
		fill_means(out, total, count);
done:
	if (rc)
		err_set(err, rc, "%s", _("out of memory"));
	free(total);
	free(count);
	free(values);
	return rc;
}
