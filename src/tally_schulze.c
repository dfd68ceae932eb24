/* Schulze: how many voters prefer each option to each other (d), the
 * strength of the strongest path between them (p, by the widest-path
 * variant of Floyd–Warshall, with winning votes: a pair's link is d[x][y]
 * where x wins the pair, else 0), and the order by the method's definition
 * (Schulze 2011, Social Choice and Welfare 36, §4): the winners are every
 * option a with p[a][b] ≥ p[b][a] for each other b; they share position 1.
 * The rest of the order is built the same way on what is left, with the
 * same p. The relation p[a][b] > p[b][a] is transitive (ibid., §4.1), so
 * each round has at least one winner and an option is never placed level
 * with one that beats it. Each row shows how many options it beats.
 * Ballots may rank some options and give equal ranks; unranked options come
 * after every ranked one, equal among themselves. */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* d is the hot part: every ballot touches up to n × n cells. The counts
 * are gathered in 32-bit cells, four at a time in GCC vectors (-O2 leaves
 * this loop scalar otherwise), over rows padded to a multiple of four, and
 * moved into d before a cell could overflow. */
#define LANES 4
typedef uint32_t counts4 __attribute__((vector_size(16)));
typedef int32_t levels4 __attribute__((vector_size(16)));

struct pairs {
	size_t n, width;  /* options; row width, padded */
	uint32_t *acc;    /* n rows of width cells */
	uint32_t added;   /* ballots in acc */
	int32_t *level;   /* a ballot's rank of each option; n + 1 = unranked,
			   * 0 in the padding, whose cells so never count */
	int64_t *sorted;  /* the ranks of a ballot whose ranks go beyond n */
};

static void flush(struct pairs *s, int64_t *d)
{
	for (size_t x = 0; x < s->n; x++)
		for (size_t y = 0; y < s->n; y++)
			d[x * s->n + y] += s->acc[x * s->width + y];
	memset(s->acc, 0, s->n * s->width * sizeof *s->acc);
	s->added = 0;
}

static int by_rank(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Levels keep the order of the ranks; they are the ranks themselves unless
 * one is beyond n, when the ballot's ranks are numbered by their order. */
static void set_levels(const struct tally_input *in, struct pairs *s, size_t first,
		       size_t last)
{
	size_t k = last - first;
	bool small = true;

	for (size_t i = first; i < last; i++)
		small = small && (uint64_t)in->value[i] <= s->n;
	if (small) {
		for (size_t i = first; i < last; i++)
			s->level[in->option[i]] = (int32_t)in->value[i];
		return;
	}
	for (size_t i = first; i < last; i++)
		s->sorted[i - first] = in->value[i];
	qsort(s->sorted, k, sizeof *s->sorted, by_rank);
	for (size_t i = first; i < last; i++) {
		const int64_t *at = bsearch(&in->value[i], s->sorted, k, sizeof *s->sorted, by_rank);
		s->level[in->option[i]] = (int32_t)(at - s->sorted) + 1;
	}
}

/* row[y] += lx < level[y] for every y; a true comparison is all ones,
 * that is -1, so it is subtracted. */
static void add_row(uint32_t *row, const int32_t *level, int32_t lx, size_t width)
{
	levels4 x = { lx, lx, lx, lx };

	for (size_t y = 0; y < width; y += LANES) {
		counts4 c;
		levels4 l;

		memcpy(&c, row + y, sizeof c);
		memcpy(&l, level + y, sizeof l);
		c -= (counts4)(x < l);
		memcpy(row + y, &c, sizeof c);
	}
}

/* One ballot: every ranked option x is preferred to each y of a worse
 * level, unranked options included. Unranked options prefer nothing. */
static void add_ballot(const struct tally_input *in, struct pairs *s, size_t v)
{
	size_t first = in->start[v], last = in->start[v + 1];

	set_levels(in, s, first, last);
	for (size_t i = first; i < last; i++) {
		uint32_t o = in->option[i];
		add_row(s->acc + o * s->width, s->level, s->level[o], s->width);
	}
	for (size_t i = first; i < last; i++)
		s->level[in->option[i]] = (int32_t)s->n + 1;
}

static int count_pairs(const struct tally_input *in, int64_t *d)
{
	size_t n = in->noptions, width = (n + LANES - 1) / LANES * LANES;
	struct pairs s = { .n = n, .width = width };
	size_t most = 1;
	int rc = PACT_ENOMEM;

	for (size_t v = 0; v < in->nvoters; v++)
		if (in->start[v + 1] - in->start[v] > most)
			most = in->start[v + 1] - in->start[v];
	s.acc = calloc(n ? n * width : 1, sizeof *s.acc);
	s.level = calloc(width ? width : 1, sizeof *s.level);
	s.sorted = malloc(most * sizeof *s.sorted);
	if (!s.acc || !s.level || !s.sorted)
		goto done;
	for (size_t o = 0; o < n; o++)
		s.level[o] = (int32_t)n + 1;
	for (size_t v = 0; v < in->nvoters; v++) {
		if (s.added == UINT32_MAX)
			flush(&s, d);
		add_ballot(in, &s, v);
		s.added++;
	}
	flush(&s, d);
	rc = PACT_OK;
done:
	free(s.acc);
	free(s.level);
	free(s.sorted);
	return rc;
}

/* p[x][y] starts as d[x][y] where x wins the pair, else 0, and grows to the
 * strength of the strongest path: the weakest link, maximised over paths. */
static void strongest_paths(size_t n, const int64_t *d, int64_t *p)
{
	for (size_t x = 0; x < n; x++)
		for (size_t y = 0; y < n; y++)
			p[x * n + y] = x != y && d[x * n + y] > d[y * n + x] ? d[x * n + y] : 0;
	for (size_t k = 0; k < n; k++)
		for (size_t x = 0; x < n; x++) {
			int64_t via = p[x * n + k];

			if (x == k || via == 0)
				continue;
			for (size_t y = 0; y < n; y++) {
				int64_t w = via < p[k * n + y] ? via : p[k * n + y];

				if (y != x && y != k && w > p[x * n + y])
					p[x * n + y] = w;
			}
		}
}

/* level[a] = 1 for the winners, 2 for the winners of the rest, and so on:
 * a round's winners are the options left that no option left beats. */
static void winner_levels(size_t n, const int64_t *p, int64_t *level)
{
	size_t placed = 0;

	for (int64_t round = 1; placed < n; round++) {
		size_t before = placed;
		for (size_t a = 0; a < n; a++) {
			bool beaten = level[a] != 0;
			for (size_t b = 0; b < n && !beaten; b++)
				beaten = (level[b] == 0 || level[b] == round) && b != a &&
					 p[b * n + a] > p[a * n + b];
			if (!beaten)
				level[a] = round;
		}
		for (size_t a = 0; a < n; a++)
			placed += level[a] == round;
		if (placed == before) /* cannot happen: the relation is transitive */
			for (size_t a = 0; a < n; a++)
				if (level[a] == 0)
					level[a] = round, placed++;
	}
}

int tally_count_schulze(const struct tally_input *in, struct tally_result *out,
			struct pact_err *err)
{
	size_t n = in->noptions, cells = n ? n * n : 1;
	int64_t *beats = calloc(n ? n : 1, sizeof *beats);
	int64_t *key = calloc(n ? n : 1, sizeof *key);
	int rc = PACT_ENOMEM;

	out->d = calloc(cells, sizeof *out->d);
	out->p = calloc(cells, sizeof *out->p);
	if (!beats || !key || !out->d || !out->p || count_pairs(in, out->d))
		goto done;
	strongest_paths(n, out->d, out->p);
	for (size_t x = 0; x < n; x++)
		for (size_t y = 0; y < n; y++)
			beats[x] += out->p[x * n + y] > out->p[y * n + x];
	winner_levels(n, out->p, key);
	for (size_t x = 0; x < n; x++)
		key[x] = -key[x];
	rc = tally_rank_by(in, key, beats, out);
done:
	if (rc)
		err_nomem(err);
	free(beats);
	free(key);
	return rc;
}
