/* Statistical disclosure control for the counts of people pact shows.
 *
 * What a reader may know: every count shown, the total of each session (the
 * session list shows it), that a "<5" is 1 to 4, that an "x" in a
 * session's breakdown is 5 or more (it is not a small group, and empty
 * groups are simply not listed), and these rules. Against that:
 *
 * 1. Primary: a group of 1 to 4 people is shown as "<5". A group nobody
 *    belongs to is not listed (a true zero; it says nothing about anyone).
 * 2. Secondary, per dimension of one session (role, wijk, age band, each
 *    with its "not given" group): when the small groups could be worked out
 *    from the total and the shown groups, more groups are hidden as "x":
 *    the smallest one that makes the small groups uncertain, or, when no
 *    single one does, the smallest and then look again. Uncertain means
 *    that every small group can still have two sizes; suppress_safe says
 *    when (at least two hidden groups, and their sum not at its least or,
 *    with small groups only, at its most). When even hiding every group
 *    would not do (six people: five residents and one entrepreneur), the
 *    dimension is not broken down at all: only its total is shown.
 * 3. All sessions together: a group's number is shown only when every
 *    session that lists the group shows its number there; a group hidden in
 *    any session is hidden in the sum ("x"), or keeps its session's mark
 *    when only that session has the group. People of sessions where a
 *    dimension is not broken down are counted in one row of their own. So
 *    each number in the sum is the sum of numbers shown already, and the
 *    sum tells nothing that the sessions do not (suppress_sum_add).
 * 4. The session list shows a session's total by rule 1 ("<5" for 1 to 4),
 *    and rule 2 assumes the total known, so subtracting gains nothing.
 * 5. Rows of people (an export without names): a combination of session
 *    and quasi-identifiers (role, wijk, age band) shared by fewer than 5
 *    people is written with its last identifiers as "*" until at least 5
 *    rows of the session read alike. Should 1 to 4 rows stay over, rows of
 *    the smallest groups join them as all "*" (leaving the few out would
 *    say that they fit no group shown); only a session of fewer than 5
 *    people is left out whole.
 */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The smallest and largest a hidden count can be for someone who knows
 * its mark: small ones 1..SUPPRESS_MIN-1, masked ones SUPPRESS_MIN or
 * more. Every small count can take two values exactly when the hidden sum
 * is not at its least, nor (with no masked count to absorb the rest) at
 * its most, and there are two hidden counts to share it. */
bool suppress_safe(const int64_t *count, const enum suppress_mark *mark, size_t n)
{
	int64_t small = 0, masked = 0, slack = 0, room = 0;

	for (size_t i = 0; i < n; i++) {
		if (mark[i] == SUPPRESS_SMALL) {
			small++;
			slack += count[i] - 1;
			room += SUPPRESS_MIN - 1 - count[i];
		} else if (mark[i] == SUPPRESS_MASKED) {
			masked++;
			slack += count[i] - SUPPRESS_MIN;
		}
	}
	if (!small)
		return true;
	if (masked)
		return slack >= 1;
	return small >= 2 && slack >= 1 && room >= 1;
}

/* The smallest shown count whose masking makes the pattern safe (want_safe)
 * or the smallest shown count at all; n when there is none. */
static size_t smallest_shown(const int64_t *count, enum suppress_mark *mark, size_t n,
			     bool want_safe)
{
	size_t best = n;

	for (size_t i = 0; i < n; i++) {
		if (mark[i] != SUPPRESS_SHOWN || (best < n && count[i] >= count[best]))
			continue;
		mark[i] = SUPPRESS_MASKED;
		if (!want_safe || suppress_safe(count, mark, n))
			best = i;
		mark[i] = SUPPRESS_SHOWN;
	}
	return best;
}

bool suppress_dimension(const int64_t *count, enum suppress_mark *mark, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mark[i] = count[i] < SUPPRESS_MIN ? SUPPRESS_SMALL : SUPPRESS_SHOWN;
	while (!suppress_safe(count, mark, n)) {
		size_t i = smallest_shown(count, mark, n, true);

		if (i == n && (i = smallest_shown(count, mark, n, false)) == n)
			return false;
		mark[i] = SUPPRESS_MASKED;
	}
	return true;
}

void suppress_sum_add(struct suppress_sum *sum, int64_t count, enum suppress_mark mark)
{
	if (sum->tables++ == 0) {
		sum->count = count;
		sum->mark = mark;
		return;
	}
	sum->count += count;
	if (sum->mark != SUPPRESS_SHOWN || mark != SUPPRESS_SHOWN)
		sum->mark = SUPPRESS_MASKED;
}

/* Rows sorted by scope and quasi-identifiers, so that the rows sharing
 * the first j values of a row are next to each other, for every j. */
struct kanon_row {
	const char *const *v;
	size_t nq, idx;
};

static const char *value_at(const struct kanon_row *r, size_t j)
{
	return r->v[j] ? r->v[j] : "";
}

static int compare_rows(const void *a, const void *b)
{
	const struct kanon_row *x = a, *y = b;

	for (size_t j = 0; j <= x->nq; j++) {
		int c = strcmp(value_at(x, j), value_at(y, j));
		if (c)
			return c;
	}
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static bool same_prefix(const struct kanon_row *x, const struct kanon_row *y, size_t len)
{
	for (size_t j = 0; j < len; j++)
		if (strcmp(value_at(x, j), value_at(y, j)) != 0)
			return false;
	return true;
}

/* Place, at lvl, the rows not placed yet (level -1) whose first len values
 * (scope included) are shared by at least SUPPRESS_MIN such rows. */
static void place_level(const struct kanon_row *rows, size_t nrows, size_t len, int lvl,
			int *level)
{
	for (size_t start = 0, end; start < nrows; start = end) {
		size_t open = 0;

		for (end = start; end < nrows && same_prefix(&rows[start], &rows[end], len); end++)
			open += level[rows[end].idx] < 0;
		if (open < SUPPRESS_MIN)
			continue;
		for (size_t r = start; r < end; r++)
			if (level[rows[r].idx] < 0)
				level[rows[r].idx] = lvl;
	}
}

/* Whether rows x and y are written alike (same level, same shown values). */
static bool written_alike(const struct kanon_row *x, const struct kanon_row *y, const int *level)
{
	int l = level[x->idx];

	return l == level[y->idx] && same_prefix(x, y, 1 + x->nq - (size_t)l);
}

static size_t group_size(const struct kanon_row *rows, size_t n, size_t r, const int *level)
{
	size_t size = 0;

	for (size_t o = 0; o < n; o++)
		size += level[rows[o].idx] >= 0 && written_alike(&rows[r], &rows[o], level);
	return size;
}

/* Unplace up to take rows written alike with row r. */
static size_t unplace(const struct kanon_row *rows, size_t n, size_t r, size_t take, int *level)
{
	size_t taken = 0;

	for (size_t o = n; o-- > 0 && taken < take;)
		if (o != r && level[rows[o].idx] >= 0 && written_alike(&rows[r], &rows[o], level)) {
			level[rows[o].idx] = -1;
			taken++;
		}
	if (taken < take) {
		level[rows[r].idx] = -1;
		taken++;
	}
	return taken;
}

/* A scope where 1..4 rows stay unplaced but 5 or more rows in all: rather
 * than leave those few out (which would tell that they differ from every
 * group shown), generalise rows of the smallest groups with them: a few of
 * a group that stays 5 or more, else a whole group, until they are 5. */
static void fill_last(const struct kanon_row *rows, size_t n, int *level)
{
	size_t open = 0;

	for (size_t r = 0; r < n; r++)
		open += level[rows[r].idx] < 0;
	while (open && open < SUPPRESS_MIN && open < n) {
		size_t need = SUPPRESS_MIN - open, part = n, whole = n, part_size = 0, whole_size = 0;

		for (size_t r = 0; r < n; r++) {
			size_t size = level[rows[r].idx] >= 0 ? group_size(rows, n, r, level) : 0;
			if (size >= need + SUPPRESS_MIN && (part == n || size < part_size))
				part = r, part_size = size;
			if (size && (whole == n || size < whole_size))
				whole = r, whole_size = size;
		}
		open += part < n ? unplace(rows, n, part, need, level)
				 : unplace(rows, n, whole, whole_size, level);
	}
}

bool suppress_kanon(const char *const *values, size_t nrows, size_t nq, int *level)
{
	struct kanon_row *rows = nrows ? calloc(nrows, sizeof *rows) : NULL;

	if (nrows && !rows)
		return false;
	for (size_t r = 0; r < nrows; r++) {
		rows[r] = (struct kanon_row){ values + r * (nq + 1), nq, r };
		level[r] = -1;
	}
	if (nrows)
		qsort(rows, nrows, sizeof *rows, compare_rows);
	for (size_t lvl = 0; lvl <= nq && nrows; lvl++)
		place_level(rows, nrows, 1 + nq - lvl, (int)lvl, level);
	for (size_t start = 0, end; start < nrows; start = end) {
		for (end = start; end < nrows && same_prefix(&rows[start], &rows[end], 1); end++)
			;
		fill_last(rows + start, end - start, level);
		place_level(rows + start, end - start, 1, (int)nq, level);
	}
	for (size_t r = 0; r < nrows; r++)
		if (level[r] < 0)
			level[r] = (int)nq + 1;
	free(rows);
	return true;
}

void suppress_count_text(int64_t count, enum suppress_mark mark, char out[24])
{
	if (mark == SUPPRESS_SMALL)
		snprintf(out, 24, "<%d", SUPPRESS_MIN);
	else if (mark == SUPPRESS_MASKED)
		snprintf(out, 24, "x");
	else
		snprintf(out, 24, "%lld", (long long)count);
}
