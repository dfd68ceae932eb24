/* Common parts of the count: ranking with ties and lots. */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

uint64_t tally_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

struct ranked {
	size_t option;
	int64_t value;
	uint64_t lot;
};

static int by_value_desc(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	if (x->lot != y->lot)
		return x->lot < y->lot ? -1 : 1;
	return x->option < y->option ? -1 : x->option > y->option;
}

/* Values are compared as integers: two totals that differ by one must not
 * tie, as they would once rounded to a double above 2^53. */
int tally_rank(const struct tally_input *in, const int64_t *values, struct tally_result *out)
{
	return tally_rank_by(in, values, values, out);
}

int tally_rank_by(const struct tally_input *in, const int64_t *key, const int64_t *values,
		  struct tally_result *out)
{
	size_t n = in->noptions;
	struct ranked *r = calloc(n ? n : 1, sizeof *r);
	uint64_t state = in->seed;

	out->rows = calloc(n ? n : 1, sizeof *out->rows);
	if (!r || !out->rows) {
		free(r);
		return PACT_ENOMEM;
	}
	/* Every option draws its lot number up front, in input order, so the
	 * draw depends only on the seed and the options. */
	for (size_t i = 0; i < n; i++) {
		r[i].option = i;
		r[i].value = key[i];
		r[i].lot = in->lot ? tally_random(&state) : 0;
	}
	qsort(r, n, sizeof *r, by_value_desc);
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && r[i].value == r[i - 1].value;
		out->rows[i].option = r[i].option;
		out->rows[i].value = values[r[i].option];
		if (same && !in->lot)
			out->tie = true;
		if (same && in->lot)
			out->lot_drawn = true;
		out->rows[i].position = same && !in->lot ? out->rows[i - 1].position : i + 1;
	}
	out->nrows = n;
	if (out->lot_drawn)
		snprintf(out->note, sizeof out->note,
			 _("Broken by lot with seed %llu; the same seed gives the same draw."),
			 (unsigned long long)in->seed);
	else if (out->tie)
		snprintf(out->note, sizeof out->note, "%s",
			 _("Tied options share a position; no lot."));
	free(r);
	return PACT_OK;
}

const char *tally_option_name(const struct tally_input *in, size_t o, char *buf, size_t size)
{
	if (in->names && in->names[o])
		return in->names[o];
	snprintf(buf, size, "#%zu", o + 1);
	return buf;
}

void tally_free(struct tally_result *out)
{
	free(out->rows);
	free(out->round_votes);
	free(out->exhausted);
	free(out->d);
	free(out->p);
	memset(out, 0, sizeof *out);
}
