/* Pabulib participatory-budgeting files (.pb): read into ballots, written
 * from a poll's ballots.
 *
 * The format, from pabulib.org/format (the site's format page; its checker
 * is github.com/pabulib/checker) and the reference reader and writer
 * parse_pabulib / write_pabulib in pabutools/election/pabulib.py
 * (github.com/COMSOC-Community/pabutools), as described in Faliszewski et
 * al., "Participatory Budgeting: Data, Tools, and Analysis" (IJCAI 2023,
 * arXiv:2305.11035): one UTF-8 text file of three CSV tables with ';'
 * between fields and CSV's double-quote quoting, each after a title line
 * META, PROJECTS or VOTES, in that order (the checker refuses another order
 * or a section twice):
 *   META      header key;value, then key;value rows. Required: description,
 *             country, unit, instance, num_projects, num_votes (which must
 *             match the rows), budget, vote_type (approval, ordinal,
 *             cumulative, scoring, choose-1), rule, date_begin, date_end.
 *             Optional, among many: subunit, language, currency, comment,
 *             and limits on a vote: min_length (default 1), max_length
 *             (default num_projects), min_sum_cost, max_sum_cost (approval),
 *             min_points, max_points, min_sum_points, max_sum_points
 *             (cumulative; scoring has min/max_points and default_score).
 *   PROJECTS  a header starting project_id;cost, then optional columns
 *             (votes, score, name, category, target, selected, latitude, …),
 *             then one row per project.
 *   VOTES     a header starting voter_id, with vote and (cumulative,
 *             scoring) points, and optional columns (age, sex,
 *             voting_method, district, neighborhood, …); one row per voter.
 *             vote lists project_ids separated by ','; ordinal from the most
 *             preferred; points gives the points in the same order.
 * Budget and costs may have decimals ("106165.64"); pabutools also takes
 * ',' as the decimal point. pabutools writes "None" for a missing value.
 *
 * pact reads strictly and names FILE:LINE:COLUMN: the sections in that
 * order, each once; amounts become exact cents (at most 2 decimals that are
 * not 0), points must be whole; a field past the header's columns is
 * refused (pabutools fails on it too: an unquoted ';'). Column names and
 * titles are matched in any case, META keys exactly. Unknown META keys and
 * unused columns are skipped and nothing of them is kept (age, sex, … are
 * personal data). Blank rows are skipped, as pabutools does; "None" as a
 * name is no name. 0 cumulative points count as not listed (no mark, not
 * in the length), as the format page allows. The writer writes what the
 * reader reads back to the same ballots. */
#include "pabulib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "csv.h"
#include "csvin.h"
#include "i18n.h"
#include "strmap.h"
#include "text.h"
#include "utf8.h"
#include "value.h"

#define CENTS_MAX (PABULIB_EUROS_MAX * 100)
/* Ids longer than this are refused: every mark looks its option up by label. */
#define ID_MAX 200
/* Option labels from names are cut to this many characters. */
#define LABEL_CHARS 200

/* --- META keys ------------------------------------------------------------ */

enum kind { K_TEXT, K_COUNT, K_AMOUNT, K_POINTS, K_VOTE_TYPE, K_NUM_PROJECTS, K_NUM_VOTES };

struct meta_key {
	const char *key;
	enum kind kind;
	size_t off;           /* of the value in struct pabulib_meta */
	bool required;
	const char *fallback; /* written for a required text that is NULL */
};

#define TEXT(k, req, fb) { #k, K_TEXT, offsetof(struct pabulib_meta, k), req, fb }
#define NUMBER(k, kind) { #k, kind, offsetof(struct pabulib_meta, k), false, NULL }

/* In the order pabulib_write writes them (the checker's order). */
static const struct meta_key meta_keys[] = {
	TEXT(description, true, ""),
	TEXT(country, true, ""),
	TEXT(unit, true, ""),
	TEXT(subunit, false, NULL),
	TEXT(instance, true, ""),
	{ "num_projects", K_NUM_PROJECTS, 0, true, NULL },
	{ "num_votes", K_NUM_VOTES, 0, true, NULL },
	{ "budget", K_AMOUNT, offsetof(struct pabulib_meta, budget), true, NULL },
	{ "vote_type", K_VOTE_TYPE, offsetof(struct pabulib_meta, vote_type), true, NULL },
	TEXT(rule, true, "unknown"),
	TEXT(date_begin, true, ""),
	TEXT(date_end, true, ""),
	NUMBER(min_length, K_COUNT),
	NUMBER(max_length, K_COUNT),
	NUMBER(min_sum_cost, K_AMOUNT),
	NUMBER(max_sum_cost, K_AMOUNT),
	NUMBER(min_points, K_POINTS),
	NUMBER(max_points, K_POINTS),
	NUMBER(min_sum_points, K_POINTS),
	NUMBER(max_sum_points, K_POINTS),
	NUMBER(default_score, K_POINTS),
	TEXT(language, false, NULL),
	TEXT(currency, false, NULL),
	TEXT(comment, false, NULL),
};
#define NKEYS (sizeof meta_keys / sizeof meta_keys[0])

static const char **text_slot(struct pabulib_meta *m, const struct meta_key *k)
{
	return (const char **)(void *)((char *)m + k->off);
}

static int64_t *int_slot(struct pabulib_meta *m, const struct meta_key *k)
{
	return (int64_t *)(void *)((char *)m + k->off);
}

/* Where key is in meta_keys. */
static size_t key_index(const char *key)
{
	size_t k = 0;

	while (k < NKEYS - 1 && strcmp(meta_keys[k].key, key) != 0)
		k++;
	return k;
}

static const char *const vote_names[] = { "approval", "cumulative", "scoring", "ordinal" };

const char *pabulib_vote_name(enum pabulib_vote v)
{
	return (unsigned)v < 4 ? vote_names[v] : "";
}

static void meta_init(struct pabulib_meta *m)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < NKEYS; i++)
		if (meta_keys[i].kind == K_COUNT || meta_keys[i].kind == K_POINTS ||
		    (meta_keys[i].kind == K_AMOUNT && !meta_keys[i].required))
			*int_slot(m, &meta_keys[i]) = PABULIB_UNSET;
}

static void meta_free(struct pabulib_meta *m)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (meta_keys[i].kind == K_TEXT)
			free((char *)*text_slot(m, &meta_keys[i]));
}

/* --- numbers ---------------------------------------------------------------- */

/* The n bytes at p are all c. */
static bool all_are(const char *p, size_t n, char c)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != c)
			return false;
	return true;
}

/* The digits at p (n of them) as a number no larger than max; false when
 * larger. */
static bool digits_value(const char *p, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++) {
		uint64_t d = (uint64_t)(p[i] - '0');
		if (v > (max - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

int pabulib_amount(const char *s, int64_t *cents, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];
	size_t n = strlen(s), i, dec = 0;
	const char *p = s;
	uint64_t euros, frac = 0;

	text_trim(&p, &n);
	i = value_digit_run(p, n);
	if (i < n && i > 0 && (p[i] == '.' || p[i] == ',')) {
		dec = value_digit_run(p + i + 1, n - i - 1);
		if (dec == 0 || i + 1 + dec != n)
			dec = 0, i = 0;
	}
	if (i == 0 || (dec == 0 && i != n))
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a valid amount; Pabulib writes amounts like 106165.64"),
			       value_quote_str(s, q));
	if (dec > 2 && !all_are(p + i + 3, dec - 2, '0'))
		return err_set(err, PACT_EINPUT, _("'%s' has more than 2 decimals; pact counts in cents"),
			       value_quote_str(s, q));
	if (dec >= 1)
		frac = (uint64_t)(p[i + 1] - '0') * 10 + (dec >= 2 ? (uint64_t)(p[i + 2] - '0') : 0);
	if (!digits_value(p, i, (uint64_t)PABULIB_EUROS_MAX, &euros) ||
	    (euros == (uint64_t)PABULIB_EUROS_MAX && frac > 0))
		return err_set(err, PACT_EINPUT, _("'%s' is more than %lld"), value_quote_str(s, q),
			       (long long)PABULIB_EUROS_MAX);
	*cents = (int64_t)(euros * 100 + frac);
	return PACT_OK;
}

void pabulib_amount_format(int64_t cents, char out[32])
{
	const char *sign = cents < 0 ? "-" : "";
	uint64_t mag = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;

	if (mag % 100 == 0)
		snprintf(out, 32, "%s%llu", sign, (unsigned long long)(mag / 100));
	else
		snprintf(out, 32, "%s%llu.%02llu", sign, (unsigned long long)(mag / 100),
			 (unsigned long long)(mag % 100));
}

/* Whole points, "-3" or "7", or with only zeros after a decimal point
 * ("7.0", as pabutools writes them); at most PABULIB_POINTS_MAX either way. */
static int parse_points(const char *s, int64_t *out, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];
	size_t n = strlen(s), i = 0, d;
	const char *p = s;
	bool neg = false;
	uint64_t v;

	text_trim(&p, &n);
	if (n > 0 && p[0] == '-')
		neg = true, i = 1;
	d = value_digit_run(p + i, n - i);
	if (d == 0 ||
	    (i + d < n && (p[i + d] != '.' || i + d + 1 == n ||
			   value_digit_run(p + i + d + 1, n - i - d - 1) != n - i - d - 1)))
		return err_set(err, PACT_EINPUT, _("'%s' is not a number of points; write for example 3"),
			       value_quote_str(s, q));
	if (i + d < n && !all_are(p + i + d + 1, n - i - d - 1, '0'))
		return err_set(err, PACT_EINPUT, _("'%s' is not a whole number of points"),
			       value_quote_str(s, q));
	if (!digits_value(p + i, d, (uint64_t)PABULIB_POINTS_MAX, &v))
		return err_set(err, PACT_EINPUT, _("'%s' is beyond %lld points"),
			       value_quote_str(s, q), (long long)PABULIB_POINTS_MAX);
	*out = neg ? -(int64_t)v : (int64_t)v;
	return PACT_OK;
}

/* --- the limits on one vote, for the reader and the writer ---------------- */

static int check_length(const struct pabulib_meta *m, size_t k, struct pact_err *why)
{
	if (k == 0 && m->min_length == PABULIB_UNSET)
		return err_set(why, PACT_EINPUT, "%s",
			       _("empty; a Pabulib vote names at least 1 project unless META min_length is 0"));
	if (m->min_length != PABULIB_UNSET && (int64_t)k < m->min_length)
		return err_set(why, PACT_EINPUT,
			       ngettext("%zu project; META min_length is %lld",
					"%zu projects; META min_length is %lld", k),
			       k, (long long)m->min_length);
	if (m->max_length != PABULIB_UNSET && (int64_t)k > m->max_length)
		return err_set(why, PACT_EINPUT,
			       ngettext("%zu project; META max_length is %lld",
					"%zu projects; META max_length is %lld", k),
			       k, (long long)m->max_length);
	return PACT_OK;
}

static int check_points(const struct pabulib_meta *m, int64_t p, struct pact_err *why)
{
	if (m->vote_type == PABULIB_CUMULATIVE && p < 0)
		return err_set(why, PACT_EINPUT, _("gets %lld; cumulative points are not negative"),
			       (long long)p);
	if (m->min_points != PABULIB_UNSET && p < m->min_points)
		return err_set(why, PACT_EINPUT, _("gets %lld; META min_points is %lld"),
			       (long long)p, (long long)m->min_points);
	if (m->max_points != PABULIB_UNSET && p > m->max_points)
		return err_set(why, PACT_EINPUT, _("gets %lld; META max_points is %lld"),
			       (long long)p, (long long)m->max_points);
	return PACT_OK;
}

/* sum is the vote's total of points; overflow means beyond any limit. */
static int check_sum(const struct pabulib_meta *m, int64_t sum, bool overflow,
		     struct pact_err *why)
{
	if (m->min_sum_points != PABULIB_UNSET && !overflow && sum < m->min_sum_points)
		return err_set(why, PACT_EINPUT, _("%lld in all; META min_sum_points is %lld"),
			       (long long)sum, (long long)m->min_sum_points);
	if (m->max_sum_points != PABULIB_UNSET && (overflow || sum > m->max_sum_points))
		return err_set(why, PACT_EINPUT, _("%lld in all; META max_sum_points is %lld"),
			       (long long)sum, (long long)m->max_sum_points);
	return PACT_OK;
}

static bool uses_points(enum pabulib_vote v)
{
	return v == PABULIB_CUMULATIVE || v == PABULIB_SCORING;
}

/* --- reading ------------------------------------------------------------------ */

enum section { SEC_NONE, SEC_META, SEC_PROJECTS, SEC_VOTES };
static const char *const section_names[] = { "", "META", "PROJECTS", "VOTES" };

struct project {
	char *id, *name;
	int64_t cost;
	long line;
};

struct reader {
	const char *file;
	struct ballots *b;
	struct pabulib_meta meta;
	int64_t num_projects, num_votes;
	bool choose_one;
	long key_line[NKEYS]; /* 0 until the key is read */
	enum section sec;
	long sec_line[4];
	bool want_header;    /* the next row is the section's header */
	size_t ncols;        /* fields in the section's header */
	/* PROJECTS */
	int col_id, col_cost, col_name;
	struct project *projects;
	size_t nprojects, capprojects;
	struct strmap ids;
	/* VOTES */
	int col_voter, col_vote, col_points;
	struct strmap voters;
	long *voter_line;
	size_t capvoters;
	size_t *stamp;       /* by project: the vote row that last named it */
	size_t nvotes, empty_votes;
};

/* A copy of s; *oom is set when there is no memory for it. */
static char *dup_or_null(const char *s, bool *oom)
{
	char *d = strdup(s);

	if (!d)
		*oom = true;
	return d;
}

/* Leading and trailing spaces and tabs cut off, in place. */
static char *trim_mut(char *s)
{
	size_t n = strlen(s);
	const char *p = s;

	text_trim(&p, &n);
	s[(size_t)(p - s) + n] = '\0';
	return s + (p - s);
}

/* Field col of the row, "" when the row is shorter. */
static char *field(char **fields, size_t n, int col)
{
	static char empty[1];

	if (col < 0 || (size_t)col >= n) {
		empty[0] = '\0';
		return empty;
	}
	return fields[col];
}

static bool is_blank_row(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!value_is_blank(fields[i]))
			return false;
	return true;
}

/* The section a title row starts: its first field is META, PROJECTS or
 * VOTES in any case and the other fields are empty. */
static enum section title(char **fields, size_t n)
{
	const char *p = n ? fields[0] : "";
	size_t len = strlen(p);

	text_trim(&p, &len);
	if (n == 0 || !is_blank_row(fields + 1, n - 1))
		return SEC_NONE;
	for (int s = SEC_META; s <= SEC_VOTES; s++)
		if (len == strlen(section_names[s]) && strncasecmp(p, section_names[s], len) == 0)
			return (enum section)s;
	return SEC_NONE;
}

static int nomem(struct pact_err *err)
{
	return err_nomem(err);
}

/* "choose-1" (one project per vote) is approval with max_length 1. */
static bool vote_type(const char *value, enum pabulib_vote *type, bool *choose_one)
{
	const char *p = value;
	size_t n = strlen(value);

	text_trim(&p, &n);
	for (int t = 0; t < 4; t++)
		if (n == strlen(vote_names[t]) && strncasecmp(p, vote_names[t], n) == 0) {
			*type = (enum pabulib_vote)t;
			return true;
		}
	*type = PABULIB_APPROVAL;
	*choose_one = n == 8 && strncasecmp(p, "choose-1", 8) == 0;
	return *choose_one;
}

/* The value of META key number k into r. */
static int meta_value(struct reader *r, size_t k, const char *value, long line,
		      struct pact_err *err)
{
	const struct meta_key *key = &meta_keys[k];
	struct pact_err why;
	char q[VALUE_QUOTE_SIZE];
	int64_t v = 0;
	int rc = PACT_OK;
	bool oom = false;

	switch (key->kind) {
	case K_TEXT:
		*text_slot(&r->meta, key) = dup_or_null(value, &oom);
		return oom ? nomem(err) : PACT_OK;
	case K_COUNT:
	case K_NUM_PROJECTS:
	case K_NUM_VOTES:
		rc = value_int(value, 0, INT32_MAX, &v, &why);
		break;
	case K_AMOUNT:
		rc = pabulib_amount(value, &v, &why);
		break;
	case K_POINTS:
		rc = parse_points(value, &v, &why);
		break;
	case K_VOTE_TYPE:
		if (vote_type(value, &r->meta.vote_type, &r->choose_one))
			return PACT_OK;
		return err_set(err, PACT_EINPUT,
			       _("%s:%ld:2: META 'vote_type': '%s' is not a vote type; Pabulib has "
				 "approval, cumulative, scoring, ordinal and choose-1"),
			       r->file, line, value_quote_str(value, q));
	}
	if (rc != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:2: META '%s': %s"), r->file, line, key->key,
			       why.msg);
	if (key->kind == K_NUM_PROJECTS)
		r->num_projects = v;
	else if (key->kind == K_NUM_VOTES)
		r->num_votes = v;
	else
		*int_slot(&r->meta, key) = v;
	return PACT_OK;
}

/* A field past the header's columns that is not empty. */
static int check_width(struct reader *r, char **fields, size_t n, long line, struct pact_err *err)
{
	for (size_t f = r->ncols; f < n; f++)
		if (!value_is_blank(fields[f]))
			return err_set(err, PACT_EINPUT,
				       _("%s:%ld:%zu: a field beyond the %zu columns of the %s header; a value with ';' must be in double quotes"),
				       r->file, line, f + 1, r->ncols, section_names[r->sec]);
	return PACT_OK;
}

static int meta_row(struct reader *r, char **fields, size_t n, long line, struct pact_err *err)
{
	const char *key = trim_mut(fields[0]);
	int rc = check_width(r, fields, n, line, err);
	size_t k = 0;

	if (rc != PACT_OK)
		return rc;
	if (!*key)
		return err_set(err, PACT_EINPUT, _("%s:%ld:1: META: a row without a key"), r->file,
			       line);
	while (k < NKEYS && strcmp(key, meta_keys[k].key) != 0)
		k++;
	if (k == NKEYS)
		return PACT_OK; /* a key pact does not use */
	if (r->key_line[k])
		return err_set(err, PACT_EINPUT, _("%s:%ld:1: META '%s' is given twice (first on line %ld)"),
			       r->file, line, meta_keys[k].key, r->key_line[k]);
	r->key_line[k] = line;
	return meta_value(r, k, field(fields, n, 1), line, err);
}

static bool same_name(const char *field_text, const char *name)
{
	const char *p = field_text;
	size_t n = strlen(p);

	text_trim(&p, &n);
	return n == strlen(name) && strncasecmp(p, name, n) == 0;
}

/* The columns of a PROJECTS or VOTES header: cols[i] gets the index of
 * names[i] (-1 when absent); the first nrequired must be there. */
static int header_columns(struct reader *r, char **fields, size_t n, long line,
			  const char *const *names, int *cols, size_t nnames, size_t nrequired,
			  struct pact_err *err)
{
	for (size_t i = 0; i < nnames; i++)
		cols[i] = -1;
	for (size_t f = 0; f < n; f++)
		for (size_t i = 0; i < nnames; i++) {
			if (!same_name(fields[f], names[i]))
				continue;
			if (cols[i] >= 0)
				return err_set(err, PACT_EINPUT,
					       _("%s:%ld:%zu: the %s header has the column '%s' twice"),
					       r->file, line, f + 1, section_names[r->sec], names[i]);
			cols[i] = (int)f;
		}
	for (size_t i = 0; i < nrequired; i++)
		if (cols[i] < 0)
			return err_set(err, PACT_EINPUT, _("%s:%ld: the %s header has no column '%s'"),
				       r->file, line, section_names[r->sec], names[i]);
	r->ncols = n;
	return PACT_OK;
}

static int header(struct reader *r, char **fields, size_t n, long line, struct pact_err *err)
{
	static const char *const project_cols[] = { "project_id", "cost", "name" };
	static const char *const vote_cols[] = { "voter_id", "vote", "points" };
	char q[VALUE_QUOTE_SIZE], q2[VALUE_QUOTE_SIZE];
	int cols[3], rc;

	switch (r->sec) {
	case SEC_META:
		if (n < 2 || !same_name(fields[0], "key") || !same_name(fields[1], "value"))
			return err_set(err, PACT_EINPUT,
				       _("%s:%ld:1: the META header must be key;value, not '%s;%s'"),
				       r->file, line, value_quote_str(fields[0], q),
				       value_quote_str(field(fields, n, 1), q2));
		r->ncols = 2;
		return check_width(r, fields, n, line, err);
	case SEC_PROJECTS:
		rc = header_columns(r, fields, n, line, project_cols, cols, 3, 2, err);
		r->col_id = cols[0], r->col_cost = cols[1], r->col_name = cols[2];
		return rc;
	case SEC_VOTES:
		rc = header_columns(r, fields, n, line, vote_cols, cols, 3,
				    uses_points(r->meta.vote_type) ? 3 : 2, err);
		r->col_voter = cols[0], r->col_vote = cols[1];
		r->col_points = uses_points(r->meta.vote_type) ? cols[2] : -1;
		r->b->col_option = r->col_vote + 1;
		r->b->col_value = (r->col_points >= 0 ? r->col_points : r->col_vote) + 1;
		return rc;
	case SEC_NONE:
		break;
	}
	return PACT_OK;
}

/* An id for a project or a voter: not empty, not too long. */
static int check_id(struct reader *r, const char *id, const char *column, int col, long line,
		    struct pact_err *err)
{
	if (!*id)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column '%s': empty"), r->file, line,
			       col + 1, column);
	if (strlen(id) > ID_MAX)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column '%s': longer than %d bytes"),
			       r->file, line, col + 1, column, ID_MAX);
	return PACT_OK;
}

static int project_row(struct reader *r, char **fields, size_t n, long line, struct pact_err *err)
{
	char *id = trim_mut(field(fields, n, r->col_id));
	char *name = trim_mut(field(fields, n, r->col_name));
	struct project *p;
	struct pact_err why;
	char q[VALUE_QUOTE_SIZE];
	size_t num;
	bool added, oom = false;
	int64_t cost;
	int rc = check_width(r, fields, n, line, err);

	if (rc == PACT_OK)
		rc = check_id(r, id, "project_id", r->col_id, line, err);
	if (rc != PACT_OK)
		return rc;
	if (strchr(id, ','))
		return err_set(err, PACT_EINPUT,
			       _("%s:%ld:%d: column 'project_id': '%s' has a comma, which separates the projects of a vote"),
			       r->file, line, r->col_id + 1, value_quote_str(id, q));
	if (strmap_get(&r->ids, id, &num))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: project '%s' is listed twice (first on line %ld)"),
			       r->file, line, r->col_id + 1, value_quote_str(id, q),
			       r->projects[num].line);
	if (pabulib_amount(field(fields, n, r->col_cost), &cost, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'cost': %s"), r->file, line,
			       r->col_cost + 1, why.msg);
	if (cost == 0)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'cost': 0; a project costs more than 0"),
			       r->file, line, r->col_cost + 1);
	p = array_room(r->projects, r->nprojects, &r->capprojects, sizeof *p);
	if (!p || !strmap_intern(&r->ids, id, &num, &added))
		return nomem(err);
	r->projects = p;
	p += r->nprojects++;
	p->id = dup_or_null(id, &oom);
	p->name = *name && strcasecmp(name, "none") != 0 ? dup_or_null(name, &oom) : NULL;
	p->cost = cost;
	p->line = line;
	return oom ? nomem(err) : PACT_OK;
}

/* The next item of a ','-separated list at *p (cut off in place and
 * trimmed); *p moves past it, to NULL after the last. */
static char *next_item(char **p)
{
	char *item = *p, *comma = strchr(item, ',');

	if (comma) {
		*comma = '\0';
		*p = comma + 1;
	} else {
		*p = NULL;
	}
	return trim_mut(item);
}

static size_t count_items(const char *s)
{
	size_t k = *s ? 1 : 0;

	for (; *s; s++)
		k += *s == ',';
	return k;
}

/* One item of a vote: its project number and the value of its mark. */
static int vote_item(struct reader *r, char *id, char *points, size_t rank, size_t *o,
		     int64_t *value, long line, struct pact_err *err)
{
	struct pact_err why;
	char q[VALUE_QUOTE_SIZE];

	if (!*id)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'vote': an empty project id in the list"),
			       r->file, line, r->col_vote + 1);
	if (!strmap_get(&r->ids, id, o))
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'vote': project '%s' is not in PROJECTS"),
			       r->file, line, r->col_vote + 1, value_quote_str(id, q));
	if (r->stamp[*o] == r->nvotes)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'vote': project '%s' is listed twice"),
			       r->file, line, r->col_vote + 1, value_quote_str(id, q));
	r->stamp[*o] = r->nvotes;
	*value = r->meta.vote_type == PABULIB_ORDINAL ? (int64_t)rank : 1;
	if (!points)
		return PACT_OK;
	if (parse_points(points, value, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'points': project '%s': %s"),
			       r->file, line, r->col_points + 1, value_quote_str(id, q), why.msg);
	if (check_points(&r->meta, *value, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'points': project '%s' %s"),
			       r->file, line, r->col_points + 1, value_quote_str(id, q), why.msg);
	return PACT_OK;
}

/* The marks of a vote; *nmarks gets how many (0 points make none). */
static int vote_marks(struct reader *r, const char *voter, char *vote, char *points, long line,
		      size_t *nmarks, struct pact_err *err)
{
	struct pact_err why;
	int64_t sum = 0, value;
	bool overflow = false;
	size_t o;
	int rc;

	for (size_t rank = 1; vote; rank++) {
		char *id = next_item(&vote), *pts = points ? next_item(&points) : NULL;
		rc = vote_item(r, id, pts, rank, &o, &value, line, err);
		if (rc != PACT_OK)
			return rc;
		overflow = overflow || __builtin_add_overflow(sum, value, &sum);
		if (r->meta.vote_type == PABULIB_CUMULATIVE && value == 0)
			continue;
		rc = ballots_add_mark(r->b, voter, r->b->names[o], value, line, &why);
		if (rc != PACT_OK) {
			*err = why;
			return rc;
		}
		++*nmarks;
	}
	if (uses_points(r->meta.vote_type) && check_sum(&r->meta, sum, overflow, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'points': %s"), r->file, line,
			       r->col_points + 1, why.msg);
	return PACT_OK;
}

static int vote_row(struct reader *r, char **fields, size_t n, long line, struct pact_err *err)
{
	char *voter = trim_mut(field(fields, n, r->col_voter));
	char *vote = trim_mut(field(fields, n, r->col_vote));
	char *points = r->col_points >= 0 ? trim_mut(field(fields, n, r->col_points)) : NULL;
	struct pact_err why;
	char q[VALUE_QUOTE_SIZE];
	size_t num, k = count_items(vote), nmarks = 0;
	bool added;
	long *lines;
	int rc = check_width(r, fields, n, line, err);

	if (rc == PACT_OK)
		rc = check_id(r, voter, "voter_id", r->col_voter, line, err);
	if (rc != PACT_OK)
		return rc;
	if (!strmap_intern(&r->voters, voter, &num, &added))
		return nomem(err);
	if (!added)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: voter '%s' is listed twice (first on line %ld)"),
			       r->file, line, r->col_voter + 1, value_quote_str(voter, q),
			       r->voter_line[num]);
	if (!(lines = array_room(r->voter_line, num, &r->capvoters, sizeof *lines)))
		return nomem(err);
	r->voter_line = lines;
	lines[num] = line;
	r->nvotes++;
	if (points && count_items(points) != k)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'points': its list and that of 'vote' differ in length (%zu and %zu)"),
			       r->file, line, r->col_points + 1, count_items(points), k);
	if (k > 0 && (rc = vote_marks(r, voter, vote, points, line, &nmarks, err)) != PACT_OK)
		return rc;
	/* 0 points are as good as not listed, in the length too. */
	if (check_length(&r->meta, r->meta.vote_type == PABULIB_CUMULATIVE ? nmarks : k, &why) !=
	    PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'vote': %s"), r->file, line,
			       r->col_vote + 1, why.msg);
	/* An empty vote is still a voter (with a share, in Equal Shares). */
	if (nmarks == 0) {
		r->empty_votes++;
		return ballots_add_voter(r->b, voter, err);
	}
	return PACT_OK;
}

/* META is complete: every required key is there. */
static int finish_meta(struct reader *r, struct pact_err *err)
{
	for (size_t k = 0; k < NKEYS; k++)
		if (meta_keys[k].required && !r->key_line[k])
			return err_set(err, PACT_EINPUT, _("%s:%ld: META has no '%s', which Pabulib requires"),
				       r->file, r->sec_line[SEC_META], meta_keys[k].key);
	if (r->choose_one && r->meta.max_length == PABULIB_UNSET)
		r->meta.max_length = 1;
	return PACT_OK;
}

static char *concat_id(const char *label, const char *id)
{
	size_t n = strlen(label) + strlen(id) + 4;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s (%s)", label, id);
	return s;
}

/* Project p's name cut to LABEL_CHARS code points, or its id. */
static char *base_label(const struct project *p)
{
	size_t len, n = 0;
	char *s;

	if (!p->name)
		return strdup(p->id);
	len = strlen(p->name);
	for (size_t chars = 0; n < len && chars < LABEL_CHARS; chars++) {
		uint32_t cp;
		size_t k = utf8_decode(p->name + n, len - n, &cp);
		n += k ? k : 1;
	}
	if (n == len)
		return strdup(p->name);
	if ((s = malloc(n + 4))) {
		memcpy(s, p->name, n);
		memcpy(s + n, "\xE2\x80\xA6", 4); /* … */
	}
	return s;
}

/* The options: each project under its label. A name two projects share
 * gets " (ID)" after it; so does a label some other project already has. */
static int add_options(struct reader *r, struct pact_err *err)
{
	struct strmap names;
	size_t *count = calloc(r->nprojects, sizeof *count), *which = calloc(r->nprojects, sizeof *which);
	char **labels = calloc(r->nprojects, sizeof *labels);
	int rc = PACT_OK;
	bool added;

	strmap_init(&names);
	for (size_t i = 0; count && which && labels && i < r->nprojects && rc == PACT_OK; i++)
		if (!(labels[i] = base_label(&r->projects[i])) ||
		    !strmap_intern(&names, labels[i], &which[i], &added))
			rc = nomem(err);
		else
			count[which[i]]++;
	if (!count || !which || !labels)
		rc = nomem(err);
	for (size_t i = 0; i < r->nprojects && rc == PACT_OK; i++) {
		size_t o;
		bool shared = r->projects[i].name && count[which[i]] > 1;
		while (rc == PACT_OK && (shared || strmap_get(&r->b->options, labels[i], &o))) {
			char *longer = concat_id(labels[i], r->projects[i].id);
			shared = false;
			free(labels[i]);
			if (!(labels[i] = longer))
				rc = nomem(err);
		}
		if (rc == PACT_OK)
			rc = ballots_add_option(r->b, labels[i], r->projects[i].cost, err);
	}
	for (size_t i = 0; labels && i < r->nprojects; i++)
		free(labels[i]);
	free(labels), free(which), free(count);
	strmap_free(&names);
	r->b->from_file = true;
	return rc;
}

/* PROJECTS is complete: the options are made. */
static int finish_projects(struct reader *r, struct pact_err *err)
{
	size_t k = key_index("num_projects");
	int rc;

	if (r->nprojects == 0)
		return err_set(err, PACT_EINPUT, _("%s:%ld: PROJECTS lists no projects"), r->file,
			       r->sec_line[SEC_PROJECTS]);
	if (r->num_projects != (int64_t)r->nprojects)
		return err_set(err, PACT_EINPUT,
			       ngettext("%s:%ld:2: META 'num_projects' is %lld, but PROJECTS lists %zu project",
					"%s:%ld:2: META 'num_projects' is %lld, but PROJECTS lists %zu projects",
					r->nprojects),
			       r->file, r->key_line[k], (long long)r->num_projects, r->nprojects);
	rc = add_options(r, err);
	if (rc == PACT_OK && !(r->stamp = calloc(r->nprojects, sizeof *r->stamp)))
		rc = nomem(err);
	return rc;
}

static int finish_votes(struct reader *r, struct pact_err *err)
{
	size_t k = key_index("num_votes");

	if (r->num_votes != (int64_t)r->nvotes)
		return err_set(err, PACT_EINPUT,
			       ngettext("%s:%ld:2: META 'num_votes' is %lld, but VOTES lists %zu vote",
					"%s:%ld:2: META 'num_votes' is %lld, but VOTES lists %zu votes",
					r->nvotes),
			       r->file, r->key_line[k], (long long)r->num_votes, r->nvotes);
	return PACT_OK;
}

/* The section that ends when another starts or the file ends. */
static int finish_section(struct reader *r, struct pact_err *err)
{
	if (r->want_header)
		return err_set(err, PACT_EINPUT, _("%s:%ld: the %s section has no header row"),
			       r->file, r->sec_line[r->sec], section_names[r->sec]);
	switch (r->sec) {
	case SEC_META:
		return finish_meta(r, err);
	case SEC_PROJECTS:
		return finish_projects(r, err);
	case SEC_VOTES:
		return finish_votes(r, err);
	case SEC_NONE:
		break;
	}
	return PACT_OK;
}

static int start_section(struct reader *r, enum section s, long line, struct pact_err *err)
{
	int rc;

	if (r->sec_line[s])
		return err_set(err, PACT_EINPUT, _("%s:%ld:1: a second %s section (the first is on line %ld)"),
			       r->file, line, section_names[s], r->sec_line[s]);
	if (s != r->sec + 1)
		return err_set(err, PACT_EINPUT,
			       _("%s:%ld:1: %s before %s; a Pabulib file has the sections META, PROJECTS and VOTES in that order"),
			       r->file, line, section_names[s], section_names[r->sec + 1]);
	if ((rc = finish_section(r, err)) != PACT_OK)
		return rc;
	r->sec = s;
	r->sec_line[s] = line;
	r->want_header = true;
	return PACT_OK;
}

static int on_record(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct reader *r = ctx;
	enum section s;

	if (is_blank_row(fields, n))
		return PACT_OK;
	if ((s = title(fields, n)) != SEC_NONE)
		return start_section(r, s, line, err);
	if (r->sec == SEC_NONE)
		return err_set(err, PACT_EINPUT,
			       _("%s:%ld:1: a row before any section; a Pabulib file starts with a line META"),
			       r->file, line);
	if (r->want_header) {
		r->want_header = false;
		return header(r, fields, n, line, err);
	}
	switch (r->sec) {
	case SEC_META:
		return meta_row(r, fields, n, line, err);
	case SEC_PROJECTS:
		return project_row(r, fields, n, line, err);
	case SEC_VOTES:
		return vote_row(r, fields, n, line, err);
	case SEC_NONE:
		break;
	}
	return PACT_OK;
}

/* What the reader keeps goes to info; the rest is freed. */
static void reader_done(struct reader *r, struct pabulib_info *info)
{
	info->meta = r->meta;
	info->nprojects = r->nprojects;
	info->project_ids = malloc((r->nprojects ? r->nprojects : 1) * sizeof *info->project_ids);
	info->project_names = malloc((r->nprojects ? r->nprojects : 1) * sizeof *info->project_names);
	for (size_t i = 0; i < r->nprojects; i++) {
		if (info->project_ids && info->project_names) {
			info->project_ids[i] = r->projects[i].id;
			info->project_names[i] = r->projects[i].name;
		} else {
			free(r->projects[i].id);
			free(r->projects[i].name);
		}
	}
	if (!info->project_ids || !info->project_names) {
		free(info->project_ids), free(info->project_names);
		info->project_ids = info->project_names = NULL;
		info->nprojects = 0;
	}
	info->nvotes = r->nvotes;
	info->empty_votes = r->empty_votes;
	info->meta_line = r->sec_line[SEC_META];
	info->budget_line = r->key_line[key_index("budget")];
	free(r->projects);
	free(r->voter_line);
	free(r->stamp);
	strmap_free(&r->ids);
	strmap_free(&r->voters);
}

int pabulib_read(const char *path, struct ballots *b, struct pabulib_info *info,
		 struct pact_err *err)
{
	static const struct csvin_opts opts = { .delim = ';' };
	struct reader r = { .file = path, .b = b, .col_id = -1, .col_cost = -1, .col_name = -1,
			    .col_voter = -1, .col_vote = -1, .col_points = -1 };
	int rc;

	memset(info, 0, sizeof *info);
	meta_init(&r.meta);
	strmap_init(&r.ids);
	strmap_init(&r.voters);
	b->file = path;
	rc = csvin_read(path, &opts, on_record, &r, err);
	if (rc == PACT_OK && r.sec == SEC_NONE)
		rc = err_set(err, PACT_EINPUT, _("%s: no META section; a Pabulib file starts with a line META"),
			     path);
	else if (rc == PACT_OK && r.sec != SEC_VOTES && !r.want_header)
		rc = err_set(err, PACT_EINPUT, _("%s: no %s section after line %ld"), path,
			     section_names[r.sec + 1], r.sec_line[r.sec]);
	if (rc == PACT_OK)
		rc = finish_section(&r, err);
	reader_done(&r, info);
	return rc;
}

void pabulib_info_free(struct pabulib_info *info)
{
	meta_free(&info->meta);
	for (size_t i = 0; i < info->nprojects; i++) {
		free(info->project_ids[i]);
		free(info->project_names[i]);
	}
	free(info->project_ids);
	free(info->project_names);
	memset(info, 0, sizeof *info);
}

/* --- writing ------------------------------------------------------------------ */

/* What is written, worked out and checked before the file is opened. */
struct plan {
	int64_t *votes, *score; /* by project: voters marking it, their points */
	size_t *order;          /* the marks to write, voter by voter, in order */
	size_t *vstart;         /* voter v's are order[vstart[v] .. vstart[v + 1]) */
	bool any_empty;         /* a voter with nothing to write */
};

struct ranked {
	int64_t value;
	size_t mark;
};

static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->mark < y->mark ? -1 : x->mark > y->mark;
}

/* A row of this id and nothing else would read as a section title. */
static bool title_word(const char *id)
{
	return strcasecmp(id, "meta") == 0 || strcasecmp(id, "projects") == 0 ||
	       strcasecmp(id, "votes") == 0;
}

/* Why id cannot be written as a project or voter id, or NULL. */
static const char *bad_id(const char *id, bool voter)
{
	size_t n = strlen(id);

	if (n == 0)
		return _("it is empty");
	if (n > ID_MAX)
		return _("it is longer than 200 bytes");
	if (id[0] == ' ' || id[0] == '\t' || id[n - 1] == ' ' || id[n - 1] == '\t')
		return _("it starts or ends with a space");
	if (!voter && strchr(id, ','))
		return _("it has a comma, which separates the projects of a vote");
	return NULL;
}

static int plan_meta(const struct pabulib_meta *m, struct pact_err *err)
{
	if ((unsigned)m->vote_type > PABULIB_ORDINAL)
		return err_set(err, PACT_EINPUT, _("unknown vote type %d"), (int)m->vote_type);
	for (size_t k = 0; k < NKEYS; k++) {
		const struct meta_key *key = &meta_keys[k];
		int64_t v, lo = 0, hi = INT32_MAX;
		if (key->kind != K_COUNT && key->kind != K_AMOUNT && key->kind != K_POINTS)
			continue;
		v = *int_slot((struct pabulib_meta *)m, key);
		if (v == PABULIB_UNSET && !key->required)
			continue;
		if (key->kind == K_AMOUNT)
			hi = CENTS_MAX;
		else if (key->kind == K_POINTS)
			lo = -PABULIB_POINTS_MAX, hi = PABULIB_POINTS_MAX;
		if (v < lo || v > hi)
			return err_set(err, PACT_EINPUT, _("META '%s': %lld is out of range"), key->key,
				       (long long)v);
	}
	return PACT_OK;
}

static int plan_projects(const struct pabulib_doc *doc, struct pact_err *err)
{
	struct strmap ids;
	char q[VALUE_QUOTE_SIZE];
	int rc = PACT_OK;

	if (doc->nprojects == 0)
		return err_set(err, PACT_EINPUT, "%s",
			       _("no projects to write; a Pabulib file has at least one"));
	strmap_init(&ids);
	for (size_t i = 0; i < doc->nprojects && rc == PACT_OK; i++) {
		const struct pabulib_project *p = &doc->projects[i];
		const char *why = bad_id(p->id, false);
		size_t num;
		bool added;
		if (why)
			rc = err_set(err, PACT_EINPUT, _("project %zu, id '%s': %s"), i + 1,
				     value_quote_str(p->id, q), why);
		else if (!strmap_intern(&ids, p->id, &num, &added))
			rc = nomem(err);
		else if (!added)
			rc = err_set(err, PACT_EINPUT, _("project '%s' is listed twice"),
				     value_quote_str(p->id, q));
		else if (p->cost < 1 || p->cost > CENTS_MAX)
			rc = err_set(err, PACT_EINPUT, _("project '%s': a cost of %lld cents is out of range"),
				     value_quote_str(p->id, q), (long long)p->cost);
	}
	strmap_free(&ids);
	return rc;
}

/* Voter v's marks into pl->order from *at on: checked, without 0 points
 * for cumulative, by rank for ordinal. */
static int plan_voter(const struct pabulib_doc *doc, size_t v, struct plan *pl, size_t *at,
		      size_t *stamp, struct ranked *tmp, struct pact_err *err)
{
	const struct pabulib_meta *m = &doc->meta;
	const char *voter = doc->voters[v];
	char q[VALUE_QUOTE_SIZE], q2[VALUE_QUOTE_SIZE];
	struct pact_err why;
	size_t k = 0;
	int64_t sum = 0;
	bool overflow = false;

	for (size_t i = doc->start[v]; i < doc->start[v + 1]; i++) {
		uint32_t o = doc->option[i];
		if (o >= doc->nprojects)
			return err_set(err, PACT_EINPUT,
				       ngettext("voter '%s': a mark for project number %lu; there is %zu "
						"project",
						"voter '%s': a mark for project number %lu; there are %zu "
						"projects",
						(unsigned long)doc->nprojects),
				       value_quote_str(voter, q), (unsigned long)o, doc->nprojects);
		if (stamp[o] == v + 1)
			return err_set(err, PACT_EINPUT, _("voter '%s': project '%s' is marked twice"),
				       value_quote_str(voter, q),
				       value_quote_str(doc->projects[o].id, q2));
		stamp[o] = v + 1;
		if (uses_points(m->vote_type) && check_points(m, doc->value[i], &why) != PACT_OK)
			return err_set(err, PACT_EINPUT, _("voter '%s': project '%s' %s"),
				       value_quote_str(voter, q),
				       value_quote_str(doc->projects[o].id, q2), why.msg);
		if (m->vote_type == PABULIB_CUMULATIVE && doc->value[i] == 0)
			continue;
		overflow = overflow || __builtin_add_overflow(sum, doc->value[i], &sum);
		tmp[k++] = (struct ranked){ doc->value[i], i };
	}
	if (m->vote_type == PABULIB_ORDINAL) {
		qsort(tmp, k, sizeof *tmp, by_rank);
		for (size_t i = 1; i < k; i++)
			if (tmp[i].value == tmp[i - 1].value)
				return err_set(err, PACT_EINPUT, _("voter '%s': rank %lld is given twice; Pabulib ordinal votes cannot tie"),
					       value_quote_str(voter, q), (long long)tmp[i].value);
	}
	if (k == 0 && title_word(voter))
		return err_set(err, PACT_EINPUT, _("voter %zu, id '%s': %s"), v + 1,
			       value_quote_str(voter, q),
			       _("with an empty vote it would read as the start of a section"));
	if (k == 0 && m->min_length == PABULIB_UNSET)
		pl->any_empty = true;
	else if (check_length(m, k, &why) != PACT_OK ||
		 (uses_points(m->vote_type) && check_sum(m, sum, overflow, &why) != PACT_OK))
		return err_set(err, PACT_EINPUT, _("voter '%s': %s"), value_quote_str(voter, q),
			       why.msg);
	for (size_t i = 0; i < k; i++) {
		uint32_t o = doc->option[tmp[i].mark];
		pl->order[(*at)++] = tmp[i].mark;
		pl->votes[o]++;
		if (uses_points(m->vote_type) &&
		    __builtin_add_overflow(pl->score[o], tmp[i].value, &pl->score[o]))
			return err_set(err, PACT_EINPUT, _("project '%s': its score is too large to write"),
				       value_quote_str(doc->projects[o].id, q));
	}
	return PACT_OK;
}

static int plan_voters(const struct pabulib_doc *doc, struct plan *pl, struct pact_err *err)
{
	size_t nmarks = doc->nvoters ? doc->start[doc->nvoters] : 0, at = 0;
	size_t *stamp = calloc(doc->nprojects + 1, sizeof *stamp);
	struct ranked *tmp = malloc((nmarks + 1) * sizeof *tmp);
	struct strmap ids;
	char q[VALUE_QUOTE_SIZE];
	int rc = PACT_OK;

	pl->order = malloc((nmarks + 1) * sizeof *pl->order);
	pl->vstart = malloc((doc->nvoters + 1) * sizeof *pl->vstart);
	strmap_init(&ids);
	if (!stamp || !tmp || !pl->order || !pl->vstart)
		rc = nomem(err);
	for (size_t v = 0; v < doc->nvoters && rc == PACT_OK; v++) {
		const char *why = bad_id(doc->voters[v], true);
		size_t num;
		bool added;
		pl->vstart[v] = at;
		if (why)
			rc = err_set(err, PACT_EINPUT, _("voter %zu, id '%s': %s"), v + 1,
				     value_quote_str(doc->voters[v], q), why);
		else if (!strmap_intern(&ids, doc->voters[v], &num, &added))
			rc = nomem(err);
		else if (!added)
			rc = err_set(err, PACT_EINPUT, _("voter '%s' is listed twice"),
				     value_quote_str(doc->voters[v], q));
		else
			rc = plan_voter(doc, v, pl, &at, stamp, tmp, err);
	}
	if (rc == PACT_OK)
		pl->vstart[doc->nvoters] = at;
	strmap_free(&ids);
	free(stamp);
	free(tmp);
	return rc;
}

static void plan_free(struct plan *pl)
{
	free(pl->votes);
	free(pl->score);
	free(pl->order);
	free(pl->vstart);
}

static int plan(const struct pabulib_doc *doc, struct plan *pl, struct pact_err *err)
{
	int rc = plan_meta(&doc->meta, err);

	memset(pl, 0, sizeof *pl);
	if (rc == PACT_OK)
		rc = plan_projects(doc, err);
	if (rc != PACT_OK)
		return rc;
	pl->votes = calloc(doc->nprojects + 1, sizeof *pl->votes);
	pl->score = calloc(doc->nprojects + 1, sizeof *pl->score);
	if (!pl->votes || !pl->score)
		return nomem(err);
	return plan_voters(doc, pl, err);
}

static void put_row(struct csv_out *w, const char *a, const char *b)
{
	csv_out_field(w, a);
	if (b)
		csv_out_field(w, b);
	csv_out_end_row(w);
}

static void write_meta(struct csv_out *w, const struct pabulib_doc *doc, const struct plan *pl)
{
	put_row(w, "META", NULL);
	put_row(w, "key", "value");
	for (size_t k = 0; k < NKEYS; k++) {
		const struct meta_key *key = &meta_keys[k];
		struct pabulib_meta *m = (struct pabulib_meta *)&doc->meta;
		const char *text;
		char num[32];
		int64_t v = 0;
		switch (key->kind) {
		case K_TEXT:
			text = *text_slot(m, key) ? *text_slot(m, key) : key->fallback;
			if (text)
				put_row(w, key->key, text);
			continue;
		case K_VOTE_TYPE:
			put_row(w, key->key, pabulib_vote_name(doc->meta.vote_type));
			continue;
		case K_NUM_PROJECTS:
		case K_NUM_VOTES:
			v = (int64_t)(key->kind == K_NUM_PROJECTS ? doc->nprojects : doc->nvoters);
			break;
		case K_AMOUNT:
		case K_COUNT:
		case K_POINTS:
			v = *int_slot(m, key);
			if (v == PABULIB_UNSET && pl->any_empty && strcmp(key->key, "min_length") == 0)
				v = 0;
			if (v == PABULIB_UNSET)
				continue;
			break;
		}
		if (key->kind == K_AMOUNT)
			pabulib_amount_format(v, num);
		else
			snprintf(num, sizeof num, "%lld", (long long)v);
		put_row(w, key->key, num);
	}
}

static void write_projects(struct csv_out *w, const struct pabulib_doc *doc, const struct plan *pl)
{
	static const char *const header[] = { "project_id", "cost", "votes", "name", NULL };
	static const char *const header_score[] = { "project_id", "cost", "votes", "score", "name",
						    NULL };
	bool points = uses_points(doc->meta.vote_type);

	put_row(w, "PROJECTS", NULL);
	csv_out_header(w, points ? header_score : header);
	for (size_t i = 0; i < doc->nprojects; i++) {
		char cost[32];
		pabulib_amount_format(doc->projects[i].cost, cost);
		csv_out_field(w, doc->projects[i].id);
		csv_out_field(w, cost);
		csv_out_int(w, pl->votes[i]);
		if (points)
			csv_out_int(w, pl->score[i]);
		csv_out_field(w, doc->projects[i].name);
		csv_out_end_row(w);
	}
}

struct buf {
	char *s;
	size_t len, cap;
};

static bool buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	char *more = array_room(b->s, b->len + n + 1, &b->cap, 1); /* ",", s and a NUL */

	if (!more)
		return false;
	b->s = more;
	if (b->len)
		b->s[b->len++] = ',';
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
	return true;
}

static int write_votes(struct csv_out *w, const struct pabulib_doc *doc, const struct plan *pl,
		       struct pact_err *err)
{
	static const char *const header[] = { "voter_id", "vote", NULL };
	static const char *const header_points[] = { "voter_id", "vote", "points", NULL };
	bool points = uses_points(doc->meta.vote_type);
	struct buf vote = { 0 }, pts = { 0 };
	int rc = PACT_OK;

	put_row(w, "VOTES", NULL);
	csv_out_header(w, points ? header_points : header);
	for (size_t v = 0; v < doc->nvoters && rc == PACT_OK; v++) {
		vote.len = pts.len = 0;
		for (size_t i = pl->vstart[v]; i < pl->vstart[v + 1] && rc == PACT_OK; i++) {
			size_t mark = pl->order[i];
			char num[32];
			snprintf(num, sizeof num, "%lld", (long long)doc->value[mark]);
			if (!buf_add(&vote, doc->projects[doc->option[mark]].id) ||
			    (points && !buf_add(&pts, num)))
				rc = nomem(err);
		}
		csv_out_field(w, doc->voters[v]);
		csv_out_field(w, vote.len ? vote.s : "");
		if (points)
			csv_out_field(w, pts.len ? pts.s : "");
		csv_out_end_row(w);
	}
	free(vote.s);
	free(pts.s);
	return rc;
}

int pabulib_write(const char *path, const struct pabulib_doc *doc, struct pact_err *err)
{
	static const struct csv_out_opts opts = { .delim = ';' };
	struct csv_out w;
	struct plan pl;
	int rc = plan(doc, &pl, err);

	if (rc == PACT_OK)
		rc = csv_out_open(&w, path, &opts, err);
	if (rc == PACT_OK) {
		write_meta(&w, doc, &pl);
		write_projects(&w, doc, &pl);
		rc = write_votes(&w, doc, &pl, err);
		if (rc == PACT_OK)
			rc = csv_out_close(&w, err);
		else
			csv_out_abort(&w);
	}
	plan_free(&pl);
	return rc;
}
