/* Ballot and option files. */
#include "ballot_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "csvin.h"
#include "i18n.h"
#include "value.h"

void ballots_init(struct ballots *b)
{
	memset(b, 0, sizeof *b);
	strmap_init(&b->options);
	strmap_init(&b->voters);
}

void ballots_free(struct ballots *b)
{
	for (size_t i = 0; i < b->voters.n; i++)
		free(b->voter_names[i]);
	free(b->voter_names);
	strmap_free(&b->options);
	strmap_free(&b->voters);
	for (size_t i = 0; i < b->noptions; i++)
		free(b->names[i]);
	free(b->names);
	free(b->costs);
	free(b->paper);
	free(b->voter);
	free(b->option);
	free(b->value);
	free(b->line);
	free(b->start);
	memset(b, 0, sizeof *b);
}

static bool add_option(struct ballots *b, const char *name, size_t *num)
{
	bool added;
	char *copy;
	size_t i;

	if (!strmap_intern(&b->options, name, num, &added))
		return false;
	if (!added)
		return true;
	if (b->noptions == b->capoptions) {
		/* names first, then costs, each kept once grown */
		size_t cap = b->capoptions, cost_cap = b->capoptions;
		char **names = array_room(b->names, b->noptions, &cap, sizeof *names);
		int64_t *costs;

		if (!names)
			return false;
		b->names = names;
		if (!(costs = array_room(b->costs, b->noptions, &cost_cap, sizeof *costs)))
			return false;
		b->capoptions = cap;
		b->costs = costs;
	}
	/* the option has its number in b->options now, so it is counted
	 * even when its name cannot be copied */
	i = b->noptions++;
	b->costs[i] = 0;
	b->names[i] = NULL;
	if (!(copy = strdup(name)))
		return false;
	b->names[i] = copy; /* last: gcc 12's analyser loses it under later stores */
	return true;
}

/* Which header field is which: want[] names, cols[] gets their indexes. */
static int header(const char *file, char **fields, size_t n, const char *const *want,
		  int *cols, size_t nwant, size_t required, struct pact_err *err)
{
	for (size_t w = 0; w < nwant; w++)
		cols[w] = -1;
	for (size_t f = 0; f < n; f++) {
		size_t w = 0;
		while (w < nwant && strcasecmp(fields[f], want[w]) != 0)
			w++;
		if (w == nwant || cols[w] >= 0)
			return err_set(err, PACT_EINPUT,
				       _("%s:1:%zu: unexpected column '%s'; the header is %s"), file,
				       f + 1, fields[f], nwant == 3 ? "voter,option,value" : "option,cost");
		cols[w] = (int)f;
	}
	for (size_t w = 0; w < required; w++)
		if (cols[w] < 0)
			return err_set(err, PACT_EINPUT, _("%s:1: the column '%s' is missing"), file,
				       want[w]);
	return PACT_OK;
}

struct options_ctx {
	struct ballots *b;
	bool need_cost, seen_header;
	int cols[2];
};

static int on_option(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	static const char *const want[] = { "option", "cost" };
	struct options_ctx *c = ctx;
	struct pact_err why;
	size_t num;
	int64_t cost = 0;

	if (!c->seen_header) {
		c->seen_header = true;
		return header(c->b->file, fields, n, want, c->cols, 2, c->need_cost ? 2 : 1, err);
	}
	if (value_is_blank(fields[c->cols[0]]))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'option': empty"), c->b->file,
			       line, c->cols[0] + 1);
	if (strmap_get(&c->b->options, fields[c->cols[0]], &num))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: option '%s' is listed twice"),
			       c->b->file, line, c->cols[0] + 1, fields[c->cols[0]]);
	if (c->cols[1] >= 0 && !(value_is_blank(fields[c->cols[1]]) && !c->need_cost) &&
	    ballots_cost(fields[c->cols[1]], &cost, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'cost': %s"), c->b->file, line,
			       c->cols[1] + 1, why.msg);
	if (!add_option(c->b, fields[c->cols[0]], &num))
		return err_nomem(err);
	c->b->costs[num] = cost;
	return PACT_OK;
}

int ballots_read_options(struct ballots *b, const char *path, bool need_cost,
			 struct pact_err *err)
{
	struct options_ctx c = { .b = b, .need_cost = need_cost };
	int rc;

	b->file = path;
	rc = csvin_read(path, NULL, on_option, &c, err);
	b->from_file = true;
	if (rc == PACT_OK && b->noptions == 0)
		rc = err_set(err, PACT_EINPUT, _("%s: no options"), path);
	return rc;
}

struct ballots_ctx {
	struct ballots *b;
	bool seen_header;
	int cols[3];
};

/* Room for one more mark in the four arrays that hold them side by side;
 * each grows as array_room grows it, and capmarks moves only when all did. */
static bool grow_marks(struct ballots *b)
{
	size_t cap = b->capmarks;
	void *p;

	if (!(p = array_room(b->voter, b->nmarks, &cap, sizeof *b->voter)))
		return false;
	b->voter = p;
	cap = b->capmarks;
	if (!(p = array_room(b->option, b->nmarks, &cap, sizeof *b->option)))
		return false;
	b->option = p;
	cap = b->capmarks;
	if (!(p = array_room(b->value, b->nmarks, &cap, sizeof *b->value)))
		return false;
	b->value = p;
	cap = b->capmarks;
	if (!(p = array_room(b->line, b->nmarks, &cap, sizeof *b->line)))
		return false;
	b->line = p;
	b->capmarks = cap;
	return true;
}

int ballots_cost(const char *text, int64_t *cents, struct pact_err *err)
{
	int rc = value_amount(text, cents, err);

	/* a cost is above 0 and at most a trillion euros (in cents) */
	if (rc == PACT_OK && (*cents <= 0 || *cents > INT64_C(100000000000000)))
		rc = err_set(err, PACT_EINPUT,
			     _("'%s' is out of range; a cost lies between 0.01 and 1,000,000,000,000 "
			       "euros"),
			     text);
	return rc;
}

int ballots_add_option(struct ballots *b, const char *name, int64_t cost, struct pact_err *err)
{
	size_t num;

	if (!add_option(b, name, &num))
		return err_nomem(err);
	b->costs[num] = cost;
	return PACT_OK;
}

const char *ballots_voter_name(const struct ballots *b, size_t v)
{
	return v < b->voters.n ? b->voter_names[v] : "";
}

static bool add_voter(struct ballots *b, const char *name, size_t *num)
{
	bool added;
	char *copy, **names;

	if (!strmap_intern(&b->voters, name, num, &added))
		return false;
	if (!added)
		return true;
	if (!(names = array_room(b->voter_names, *num, &b->capvoters, sizeof *names)))
		return false;
	b->voter_names = names;
	b->voter_names[*num] = NULL;
	if (!(copy = strdup(name)))
		return false;
	b->voter_names[*num] = copy; /* last, as in add_option */
	return true;
}

int ballots_add_voter(struct ballots *b, const char *voter, struct pact_err *err)
{
	size_t v;

	if (!add_voter(b, voter, &v))
		return err_nomem(err);
	return PACT_OK;
}

int ballots_add_mark(struct ballots *b, const char *voter, const char *option, int64_t value,
		     long line, struct pact_err *err)
{
	size_t v, o;

	if (!strmap_get(&b->options, option, &o)) {
		if (b->from_file)
			return err_set(err, PACT_EINPUT, _("unknown option '%s'"), option);
		if (!add_option(b, option, &o))
			return err_nomem(err);
	}
	if (!add_voter(b, voter, &v) || (b->nmarks == b->capmarks && !grow_marks(b)))
		return err_nomem(err);
	b->voter[b->nmarks] = (uint32_t)v;
	b->option[b->nmarks] = (uint32_t)o;
	b->value[b->nmarks] = value;
	b->line[b->nmarks++] = line;
	return PACT_OK;
}

int ballots_add_numbered(struct ballots *b, uint32_t voter, uint32_t option, int64_t value,
			 struct pact_err *err)
{
	if (option >= b->noptions)
		return err_set(err, PACT_EINPUT, _("a mark for option number %lu, of %lu options"),
			       (unsigned long)option + 1, (unsigned long)b->noptions);
	if (b->voters.n || voter + 1 < b->nnumbered || voter > b->nnumbered)
		return err_set(err, PACT_EINPUT, "%s",
			       _("ballots by number must come in order, without gaps"));
	if (b->nmarks == b->capmarks && !grow_marks(b))
		return err_nomem(err);
	b->nnumbered = (size_t)voter + 1;
	b->voter[b->nmarks] = voter;
	b->option[b->nmarks] = option;
	b->value[b->nmarks] = value;
	b->line[b->nmarks++] = 0;
	return PACT_OK;
}

static int on_mark(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	static const char *const want[] = { "voter", "option", "value" };
	struct ballots_ctx *c = ctx;
	struct ballots *b = c->b;
	struct pact_err why;
	int64_t value;
	int rc;

	if (!c->seen_header) {
		c->seen_header = true;
		return header(b->file, fields, n, want, c->cols, 3, 3, err);
	}
	if (value_is_blank(fields[c->cols[0]]))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'voter': empty"), b->file, line,
			       c->cols[0] + 1);
	if (value_is_blank(fields[c->cols[1]]))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'option': empty"), b->file,
			       line, c->cols[1] + 1);
	if (value_int(fields[c->cols[2]], INT64_MIN / 2, INT64_MAX / 2, &value, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'value': %s"), b->file, line,
			       c->cols[2] + 1, why.msg);
	rc = ballots_add_mark(b, fields[c->cols[0]], fields[c->cols[1]], value, line, &why);
	if (rc == PACT_EINPUT)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'option': %s"), b->file, line,
			       c->cols[1] + 1, why.msg);
	if (rc != PACT_OK)
		*err = why;
	return rc;
}

int ballots_read(struct ballots *b, const char *path, struct pact_err *err)
{
	struct ballots_ctx c = { .b = b };
	int rc;

	b->file = path;
	rc = csvin_read(path, NULL, on_mark, &c, err);
	b->col_option = c.cols[1] + 1;
	b->col_value = c.cols[2] + 1;
	if (rc == PACT_OK && !c.seen_header)
		rc = err_set(err, PACT_EINPUT,
			     _("%s: the file is empty; it starts with the header voter,option,value"),
			     path);
	return rc;
}

bool ballots_pabulib_path(const char *path)
{
	size_t n = strlen(path);

	return n > 3 && strcasecmp(path + n - 3, ".pb") == 0;
}

/* Counting sort of the marks by voter, keeping each voter's reading order. */
int ballots_finish(struct ballots *b, struct tally_input *in, struct pact_err *err)
{
	size_t nv = b->voters.n + b->nnumbered, *pos;
	uint32_t *option = malloc((b->nmarks ? b->nmarks : 1) * sizeof *option);
	int64_t *value = malloc((b->nmarks ? b->nmarks : 1) * sizeof *value);
	long *line = malloc((b->nmarks ? b->nmarks : 1) * sizeof *line);

	b->start = calloc(nv + 2, sizeof *b->start);
	pos = calloc(nv + 1, sizeof *pos);
	if (!option || !value || !line || !b->start || !pos) {
		free(option), free(value), free(line), free(pos);
		return err_nomem(err);
	}
	for (size_t i = 0; i < b->nmarks; i++)
		b->start[b->voter[i] + 1]++;
	for (size_t v = 0; v < nv; v++) {
		b->start[v + 1] += b->start[v];
		pos[v] = b->start[v];
	}
	for (size_t i = 0; i < b->nmarks; i++) {
		size_t at = pos[b->voter[i]]++;
		option[at] = b->option[i];
		value[at] = b->value[i];
		line[at] = b->line[i];
	}
	free(pos);
	free(b->option), free(b->value), free(b->line);
	b->option = option, b->value = value, b->line = line;
	in->noptions = b->noptions;
	in->names = (const char *const *)b->names;
	in->costs = b->costs;
	in->nvoters = nv;
	in->start = b->start;
	in->option = b->option;
	in->value = b->value;
	return PACT_OK;
}

void ballots_where(const struct ballots *b, size_t mark, bool option_column, char *out,
		   size_t outsz)
{
	snprintf(out, outsz, "%s:%ld:%d", b->file, mark < b->nmarks ? b->line[mark] : 0L,
		 option_column ? b->col_option : b->col_value);
}

const char *ballots_mark_voter(const struct ballots *b, size_t mark)
{
	size_t lo = 0, hi = b->voters.n;

	/* The voter v with start[v] <= mark < start[v + 1]. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->start[mid] <= mark)
			lo = mid;
		else
			hi = mid;
	}
	return ballots_voter_name(b, lo);
}
