/* The ballot rules of every counting method, checked before a count, and
 * the dispatch from a method to the file that counts it. Messages name the
 * rule, not the voter (the input has no voter names): the caller, who knows
 * the voter behind *mark, puts that in front. */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#define DEFAULT_DOTS 5
#define DEFAULT_LO 0
#define DEFAULT_HI 5

/* Per-voter memory of what was seen: an entry equals the voter's stamp
 * (index + 1) when that option or rank has been seen on this ballot. */
struct seen {
	size_t *option; /* noptions entries */
	size_t *rank;   /* noptions + 1 entries; NULL unless the method has distinct ranks */
};

static bool distinct_ranks(enum tally_method m)
{
	return tally_method_has(m, TALLY_DISTINCT_RANKS);
}

static int fill_rules(const struct tally_input *in, struct tally_rules *r, struct pact_err *err)
{
	enum tally_mark mark = tally_method(in->method)->mark;

	r->dots = in->dots ? in->dots : DEFAULT_DOTS;
	r->per_option = in->max_per_option ? in->max_per_option : r->dots;
	r->lo = in->lo;
	r->hi = in->hi;
	if (in->lo == 0 && in->hi == 0) {
		r->lo = DEFAULT_LO;
		r->hi = DEFAULT_HI;
	}
	if (mark == TALLY_MARK_DOTS && (r->dots < 1 || r->per_option < 1))
		return err_set(err, PACT_EINPUT,
			       _("dots per voter (%lld) and per option (%lld) must be at least 1"),
			       (long long)r->dots, (long long)r->per_option);
	if (mark == TALLY_MARK_SCORE && r->lo > r->hi)
		return err_set(err, PACT_EINPUT, _("the score range %lld..%lld is empty"),
			       (long long)r->lo, (long long)r->hi);
	return PACT_OK;
}

int tally_check_dots(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err)
{
	(void)in;
	if (v < 1)
		return err_set(err, PACT_EINPUT,
			       _("puts %lld dots on an option; a mark needs at least 1"), (long long)v);
	if (v > r->per_option)
		return err_set(err, PACT_EINPUT, _("puts %lld dots on one option; at most %lld"),
			       (long long)v, (long long)r->per_option);
	return PACT_OK;
}

/* A tick is 1; a method that takes points (pb-greedy) takes any from 0
 * when the ballots give points. */
int tally_check_tick(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err)
{
	(void)r;
	if (in->points && tally_method_has(in->method, TALLY_POINTS)) {
		if (v < 0)
			return err_set(err, PACT_EINPUT,
				       _("gives %lld points to an option; points cannot be below 0"),
				       (long long)v);
		return PACT_OK;
	}
	if (v != 1)
		return err_set(err, PACT_EINPUT, _("approval ballots mark options with 1, not %lld"),
			       (long long)v);
	return PACT_OK;
}

int tally_check_score(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		      struct pact_err *err)
{
	(void)in;
	if (v < r->lo || v > r->hi)
		return err_set(err, PACT_EINPUT, _("score %lld is outside %lld..%lld"), (long long)v,
			       (long long)r->lo, (long long)r->hi);
	return PACT_OK;
}

int tally_check_rank(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err)
{
	(void)r;
	if (v < 1)
		return err_set(err, PACT_EINPUT, _("rank %lld: ranks start at 1"), (long long)v);
	if (distinct_ranks(in->method) && (uint64_t)v > in->noptions)
		return err_set(err, PACT_EINPUT,
			       _("rank %lld: ranks go up to %zu, the number of options"), (long long)v,
			       in->noptions);
	return PACT_OK;
}

/* The total of a voter's dots, for the message; saturates instead of
 * overflowing. */
static int64_t voter_dots(const struct tally_input *in, size_t v)
{
	int64_t total = 0;

	for (size_t i = in->start[v]; i < in->start[v + 1]; i++) {
		int64_t d = in->value[i] > 0 ? in->value[i] : 0;
		total = d > INT64_MAX - total ? INT64_MAX : total + d;
	}
	return total;
}

/* Voter v's ballot, mark by mark; stops at the first mark that breaks a
 * rule and leaves its index in *mark. */
static int check_voter(const struct tally_input *in, const struct tally_rules *r, size_t v,
		       struct seen *seen, size_t *mark, struct pact_err *err)
{
	size_t stamp = v + 1;
	int64_t total = 0;
	const struct tally_method_info *m = tally_method(in->method);

	for (size_t i = in->start[v]; i < in->start[v + 1]; i++) {
		uint32_t o = in->option[i];
		int64_t val = in->value[i];
		int rc;

		*mark = i;
		if (o >= in->noptions)
			return tally_option_range_error(o, in->noptions, err);
		if (seen->option[o] == stamp)
			return err_set(err, PACT_EINPUT, "%s", _("marks the same option twice"));
		seen->option[o] = stamp;
		rc = m->check(in, r, val, err);
		if (rc)
			return rc;
		if (seen->rank) {
			if (seen->rank[val] == stamp)
				return err_set(err, PACT_EINPUT, _("rank %lld given twice"),
					       (long long)val);
			seen->rank[val] = stamp;
		}
		if (m->mark == TALLY_MARK_DOTS) {
			if (val > r->dots - total)
				return err_set(err, PACT_EINPUT, _("gives %lld dots in all; each voter has %lld"),
					       (long long)voter_dots(in, v), (long long)r->dots);
			total += val;
		}
	}
	return PACT_OK;
}

int tally_option_range_record(size_t option, size_t noptions, struct pact_err *err)
{
	return err_set(err, PACT_EINPUT,
		       ngettext("marks option number %zu; there is %zu option",
				"marks option number %zu; there are %zu options",
				(unsigned long)noptions),
		       option + 1, noptions);
}

int tally_check(const struct tally_input *in, size_t *mark, struct pact_err *err)
{
	struct tally_rules r;
	struct seen seen;
	size_t n = in->noptions;
	bool ranks;
	int rc = fill_rules(in, &r, err);

	*mark = 0;
	if (rc)
		return rc;
	if (in->points && tally_method_has(in->method, TALLY_BUDGET) &&
	    !tally_method_has(in->method, TALLY_POINTS))
		return err_set(err, PACT_EINPUT,
			       _("gives points; '%s' counts approvals only; count ballots with "
				 "points (cumulative or scoring) with '%s'"),
			       tally_method_label(in->method), tally_method_label(TALLY_PB_GREEDY));
	ranks = distinct_ranks(in->method);
	seen.option = calloc(n ? n : 1, sizeof *seen.option);
	seen.rank = ranks ? calloc(n + 1, sizeof *seen.rank) : NULL;
	if (!seen.option || (ranks && !seen.rank)) {
		rc = err_nomem(err);
		goto done;
	}
	for (size_t v = 0; v < in->nvoters && !rc; v++)
		rc = check_voter(in, &r, v, &seen, mark, err);
done:
	free(seen.option);
	free(seen.rank);
	return rc;
}

int tally_run(const struct tally_input *in, struct tally_result *out, struct pact_err *err)
{
	memset(out, 0, sizeof *out);
	if ((unsigned)in->method >= TALLY_NMETHODS)
		return err_set(err, PACT_EUSAGE, _("unknown counting method %d"), (int)in->method);
	return tally_method(in->method)->count(in, out, err);
}
