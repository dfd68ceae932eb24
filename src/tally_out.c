/* Results as text and CSV. */
#include "tally_out.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "barchart.h"
#include "csv.h"
#include "i18n.h"
#include "utf8.h"
#include "value.h"

static const char *value_label(enum tally_method m)
{
	return _(tally_method(m)->value_word);
}

/* Text padded to width display columns, cut with "…" when longer (names
 * may hold any UTF-8). */
static void pad(FILE *out, const char *text, int width, bool unicode)
{
	char buf[512];
	int used = utf8_fit_cut(text, width, unicode, buf, sizeof buf);

	fputs(buf, out);
	for (; used < width; used++)
		fputc(' ', out);
}

/* Text right-aligned in width display columns. */
static void pad_left(FILE *out, const char *text, int width)
{
	for (int used = utf8_width(text); used < width; used++)
		fputc(' ', out);
	fputs(text, out);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* A number printed with a decimal point, written as the language writes
 * it: a decimal comma in Dutch. */
static const char *decimal(char *num)
{
	char *dot = strchr(num, '.');

	if (dot && strcmp(i18n_lang(), "nl") == 0)
		*dot = ',';
	return num;
}

static bool is_pb(const struct tally_input *in)
{
	return tally_method_has(in->method, TALLY_BUDGET);
}

void tally_amount_show(int64_t cents, char out[40])
{
	value_amount_show(cents, strcmp(i18n_lang(), "nl") == 0, out);
}

double tally_share_whole(const struct tally_input *in, const struct tally_result *r)
{
	__int128 total = 0; /* 2^64 rows of 2^63 at most: no overflow */

	if (tally_method_has(in->method, TALLY_SHARE_OF_VOTERS))
		return (double)(in->nvoters + in->extra_voters);
	if (!tally_method_has(in->method, TALLY_SHARES))
		return 0;
	for (size_t i = 0; i < r->nrows; i++)
		total += r->rows[i].value;
	return total > 0 ? (double)total : 0;
}

const char *tally_share_note(enum tally_method m)
{
	const char *note = tally_method(m)->share_note;

	return note ? _(note) : "";
}

static void view_row(const struct tally_input *in, const struct tally_result *r, size_t i,
		     double whole, struct tally_view_row *v)
{
	const struct tally_row *row = &r->rows[i];
	const char *name = in->names ? in->names[row->option] : "";
	char num[32];
	size_t size = strlen(name) + 32;
	char *label = malloc(size);

	v->option = row->option;
	v->position = row->position;
	v->shared = (i > 0 && r->rows[i - 1].position == row->position) ||
		    (i + 1 < r->nrows && r->rows[i + 1].position == row->position);
	v->value = row->value;
	v->mean = row->mean;
	v->count = row->count;
	v->share = whole > 0 ? 100.0 * (double)row->value / whole : -1;
	snprintf(v->pos, sizeof v->pos, "%zu%s", row->position, v->shared ? "=" : "");
	if (label)
		snprintf(label, size, "%zu%s %s", row->position, v->shared ? "=" : ".", name);
	snprintf(num, sizeof num, "%lld", (long long)row->value);
	if (whole > 0)
		snprintf(v->value_text, sizeof v->value_text, "%s (%.0f%%)", num, v->share);
	else if (is_pb(in))
		tally_amount_show(row->value, v->value_text);
	else
		snprintf(v->value_text, sizeof v->value_text, "%s", num);
	snprintf(v->big, sizeof v->big, "%s", is_pb(in) ? "" : num);
	v->label = label; /* NULL when out of memory */
}

/* The line under a chart: the round count, the budget, what the value or
 * the percentage is. */
static void view_details(const struct tally_input *in, const struct tally_result *r,
			 struct tally_view *v)
{
	const char *note = tally_method(in->method)->value_note;

	if (r->nrounds && r->exhausted)
		snprintf(v->details, sizeof v->details,
			 _("Rounds: %zu; exhausted ballots in the last round: %lld"), r->nrounds,
			 (long long)r->exhausted[r->nrounds - 1]);
	else if (v->budget[0])
		snprintf(v->details, sizeof v->details, "%s", v->budget);
	else if (note)
		snprintf(v->details, sizeof v->details, "%s", _(note));
	else
		snprintf(v->details, sizeof v->details, "%s", v->share_note);
}

int tally_view_make(const struct tally_input *in, const struct tally_result *r,
		    struct tally_view *out, struct pact_err *err)
{
	memset(out, 0, sizeof *out);
	out->whole = tally_share_whole(in, r);
	out->share_note = out->whole > 0 ? tally_share_note(in->method) : "";
	out->rows = calloc(r->nrows ? r->nrows : 1, sizeof *out->rows);
	if (!out->rows)
		return err_nomem(err);
	out->nrows = r->nrows;
	for (size_t i = 0; i < r->nrows; i++) {
		view_row(in, r, i, out->whole, &out->rows[i]);
		if (!out->rows[i].label) {
			tally_view_free(out);
			return err_nomem(err);
		}
	}
	if (is_pb(in)) {
		char budget[40], funded[40], left[40];
		tally_amount_show(in->budget, budget);
		tally_amount_show(in->budget - r->remaining, funded);
		tally_amount_show(r->remaining, left);
		snprintf(out->budget, sizeof out->budget, _("Budget %s; funded %s; left %s"), budget,
			 funded, left);
	}
	view_details(in, r, out);
	tally_ties(in, r, out->ties, sizeof out->ties);
	return PACT_OK;
}

void tally_view_free(struct tally_view *v)
{
	for (size_t i = 0; v->rows && i < v->nrows; i++)
		free(v->rows[i].label);
	free(v->rows);
	memset(v, 0, sizeof *v);
}

/* The cells of one ranking row as text, measured before any is printed. */
struct rank_cells {
	char value[40], mean[96], pct[72];
};

static void rank_cells(const struct tally_input *in, const struct tally_view_row *row,
		       struct rank_cells *c)
{
	char num[64];

	c->mean[0] = c->pct[0] = '\0';
	if (is_pb(in))
		tally_amount_show(row->value, c->value);
	else
		snprintf(c->value, sizeof c->value, "%lld", (long long)row->value);
	if (tally_method_has(in->method, TALLY_MEANS)) {
		snprintf(num, sizeof num, "%.2f", row->mean);
		snprintf(c->mean, sizeof c->mean, _("(mean %s of %zu)"), decimal(num), row->count);
	}
	if (row->share >= 0) {
		snprintf(num, sizeof num, "%.1f", row->share);
		snprintf(c->pct, sizeof c->pct, "%s%%", decimal(num));
	}
}

/* The ranking, one line an option: position, name, value, (mean,)
 * percentage and a bar that takes the room left of o->width. A name cut
 * short ends in "…". */
static void print_ranking(FILE *out, const struct tally_input *in, const struct tally_view *v,
			  const struct tally_print_opts *o)
{
	int64_t max = 0;
	int namew = 0, valw = 1, meanw = 0, pctw = 0, fixed, barw, want;
	struct rank_cells *cells = calloc(v->nrows ? v->nrows : 1, sizeof *cells);
	char bar[1024];

	if (!cells)
		return;
	for (size_t i = 0; i < v->nrows; i++) {
		rank_cells(in, &v->rows[i], &cells[i]);
		namew = max_int(namew, utf8_width(in->names[v->rows[i].option]));
		valw = max_int(valw, utf8_width(cells[i].value));
		meanw = max_int(meanw, utf8_width(cells[i].mean));
		pctw = max_int(pctw, utf8_width(cells[i].pct));
		max = v->rows[i].value > max ? v->rows[i].value : max;
	}
	/* "  1= " name " " value ["  " mean] ["  " pct] "  " bar */
	fixed = 5 + 1 + valw + (meanw ? 2 + meanw : 0) + (pctw ? 2 + pctw : 0) + 2;
	/* the names give way to a bar of 10, but keep 14 columns (the bar
	 * shrinks to 5 for them) */
	want = namew < 14 ? namew : 14;
	namew = namew < o->width - fixed - 10 ? namew : o->width - fixed - 10;
	if (namew < want)
		namew = max_int(want < o->width - fixed - 5 ? want : o->width - fixed - 5, 8);
	barw = max_int(1, o->width - fixed - namew);
	for (size_t i = 0; i < v->nrows; i++) {
		const struct tally_view_row *row = &v->rows[i];
		fprintf(out, "%3zu%s ", row->position, row->shared ? "=" : " ");
		pad(out, in->names[row->option], namew, o->unicode);
		fputc(' ', out);
		pad_left(out, cells[i].value, valw);
		if (meanw) {
			fputs("  ", out);
			pad(out, cells[i].mean, meanw, o->unicode);
		}
		if (pctw) {
			fputs("  ", out);
			pad_left(out, cells[i].pct, pctw);
		}
		barchart_bar((double)row->value, (double)max, barw, o->unicode, bar, sizeof bar);
		fprintf(out, "%s%s\n", bar[0] ? "  " : "", bar);
	}
	free(cells);
}

/* A table of whole numbers (INT64_MIN shows as "-") with a label before
 * each row and a heading over each column, in blocks of columns that fit
 * width: a wide table is never wrapped line by line. */
struct table {
	const char *corner;            /* over the row labels */
	const char *const *rows;       /* nrows labels */
	size_t nrows, ncols;
	const char *const *heads;      /* ncols headings */
	const int64_t *cells;          /* nrows × ncols, row-major */
};

static void print_table(FILE *out, const struct table *t, const struct tally_print_opts *o)
{
	int labelw = utf8_width(t->corner), cellw = 1, per;
	char num[32];

	for (size_t i = 0; i < t->nrows; i++)
		labelw = max_int(labelw, utf8_width(t->rows[i]));
	for (size_t j = 0; j < t->ncols; j++)
		cellw = max_int(cellw, utf8_width(t->heads[j]));
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		if (t->cells[k] != INT64_MIN)
			cellw = max_int(cellw, snprintf(num, sizeof num, "%lld", (long long)t->cells[k]));
	cellw += 2; /* room between the columns */
	/* the labels give way so that every column fits, but keep 12 */
	if (labelw > o->width - 2 - (int)t->ncols * cellw)
		labelw = max_int(12, o->width - 2 - (int)t->ncols * cellw);
	per = max_int(1, (o->width - 2 - labelw) / cellw);
	for (size_t from = 0; from < t->ncols; from += (size_t)per) {
		size_t to = from + (size_t)per < t->ncols ? from + (size_t)per : t->ncols;
		if (from > 0)
			fputc('\n', out);
		fputs("  ", out);
		pad(out, t->corner, labelw, o->unicode);
		for (size_t j = from; j < to; j++)
			pad_left(out, t->heads[j], cellw);
		fputc('\n', out);
		for (size_t i = 0; i < t->nrows; i++) {
			fputs("  ", out);
			pad(out, t->rows[i], labelw, o->unicode);
			for (size_t j = from; j < to; j++) {
				int64_t v = t->cells[i * t->ncols + j];
				if (v == INT64_MIN)
					snprintf(num, sizeof num, "-");
				else
					snprintf(num, sizeof num, "%lld", (long long)v);
				pad_left(out, num, cellw);
			}
			fputc('\n', out);
		}
	}
}

/* n empty strings of room bytes each, with the array pointing at them, in
 * one block that one free() releases; NULL when out of memory. */
static char **string_block(size_t n, size_t room)
{
	size_t each, size;
	char **s;

	if (__builtin_add_overflow(room, sizeof *s, &each) ||
	    __builtin_mul_overflow(n ? n : 1, each, &size) || !(s = calloc(1, size)))
		return NULL;
	for (size_t i = 0; i < n; i++)
		s[i] = (char *)(s + n) + i * room;
	return s;
}

/* n strings "1", "2", … for column headings (one block); NULL when out of
 * memory. */
static char **numbers(size_t n)
{
	char **s = string_block(n, 24);

	for (size_t i = 0; s && i < n; i++)
		snprintf(s[i], 24, "%zu", i + 1);
	return s;
}

static void print_irv_rounds(FILE *out, const struct tally_input *in, const struct tally_result *r,
			     const struct tally_print_opts *o)
{
	size_t n = in->noptions, rows = n + 1, cols = r->nrounds;
	const char **labels = calloc(rows, sizeof *labels);
	int64_t *cells = calloc(rows * (cols ? cols : 1), sizeof *cells);
	char **heads = numbers(cols);

	if (labels && cells && heads) {
		for (size_t k = 0; k < rows * cols; k++) {
			size_t opt = k / cols, round = k % cols;
			int64_t v = opt < n ? r->round_votes[round * n + opt] : r->exhausted[round];
			cells[k] = v < 0 ? INT64_MIN : v;
		}
		for (size_t i = 0; i < n; i++)
			labels[i] = in->names[i];
		labels[n] = _("exhausted");
		fprintf(out, "\n%s\n", _("Rounds (votes; - once eliminated):"));
		print_table(out,
			    &(struct table){ _("Round"), labels, rows, cols,
					     (const char *const *)heads, cells },
			    o);
	}
	free(labels);
	free(cells);
	free(heads);
}

/* A Schulze matrix: each row's option numbered, the numbers heading the
 * columns (the row labels are the legend). */
static void print_matrix(FILE *out, const struct tally_input *in, const int64_t *m,
			 const char *title, const struct tally_print_opts *o)
{
	size_t n = in->noptions;
	size_t room = 32;
	char **labels, **heads = numbers(n);
	int64_t *cells = malloc((n ? n : 1) * (n ? n : 1) * sizeof *cells);
	int digits = snprintf(NULL, 0, "%zu", n);

	for (size_t x = 0; x < n; x++)
		if (strlen(in->names[x]) + 32 > room)
			room = strlen(in->names[x]) + 32;
	labels = string_block(n, room);
	if (labels && heads && cells) {
		for (size_t x = 0; x < n; x++)
			snprintf(labels[x], room, "%*zu %s", digits, x + 1, in->names[x]);
		for (size_t k = 0; k < n * n; k++)
			cells[k] = k / n == k % n ? INT64_MIN : m[k];
		fprintf(out, "\n%s\n", title);
		print_table(out,
			    &(struct table){ "", (const char *const *)labels, n, n,
					     (const char *const *)heads, cells },
			    o);
	}
	free(labels);
	free(heads);
	free(cells);
}

void tally_tie_rule(const struct tally_input *in, char *out, size_t outsz)
{
	const struct tally_method_info *m = tally_method(in->method);
	const char *rule = in->points && m->tie_rule_points ? m->tie_rule_points : m->tie_rule;

	if (in->lot)
		snprintf(out, outsz, _("Tie rule: by lot with seed %llu."),
			 (unsigned long long)in->seed);
	else
		snprintf(out, outsz, "%s",
			 rule ? _(rule) : _("Tie rule: tied options share a position; no lot."));
}

void tally_ties(const struct tally_input *in, const struct tally_result *r, char *out,
		size_t outsz)
{
	if (r->note[0]) {
		char note[sizeof r->note];
		/* the note's sentence goes on after "Ties:": "Ties: tied options …" */
		snprintf(note, sizeof note, "%s", r->note);
		if (note[0] >= 'A' && note[0] <= 'Z' && note[1] >= 'a' && note[1] <= 'z')
			note[0] = (char)(note[0] - 'A' + 'a');
		snprintf(out, outsz, _("Ties: %s"), note);
	} else
		tally_tie_rule(in, out, outsz);
}

void tally_print_as(FILE *out, const struct tally_input *in, const struct tally_result *r,
		    const struct tally_print_opts *o)
{
	char method[160], voters[64], options[64];
	size_t nv = in->nvoters + in->extra_voters;
	struct tally_view view;
	struct pact_err err;

	if (o->method_id)
		snprintf(method, sizeof method, "%s [%s]", tally_method_label(in->method),
			 tally_method_name(in->method));
	else
		snprintf(method, sizeof method, "%s", tally_method_label(in->method));
	snprintf(voters, sizeof voters, ngettext("%zu voter", "%zu voters", (unsigned long)nv), nv);
	snprintf(options, sizeof options,
		 ngettext("%zu option", "%zu options", (unsigned long)in->noptions), in->noptions);
	fprintf(out, _("%s — %s, %s; value: %s\n"), method, voters, options,
		value_label(in->method));
	if (tally_view_make(in, r, &view, &err) != PACT_OK)
		return;
	print_ranking(out, in, &view, o);
	if (view.share_note[0])
		fprintf(out, "%s\n", view.share_note);
	if (view.budget[0])
		fprintf(out, "%s\n", view.budget);
	fprintf(out, "%s\n", view.ties);
	tally_view_free(&view);
	if (r->round_votes)
		print_irv_rounds(out, in, r, o);
	if (r->d) {
		print_matrix(out, in, r->d, _("Voters preferring the row to the column (d):"), o);
		print_matrix(out, in, r->p, _("Strongest paths (p):"), o);
	}
}

void tally_print(FILE *out, const struct tally_input *in, const struct tally_result *r)
{
	struct tally_print_opts o = { .width = 80,
				      .unicode = strcmp(nl_langinfo(CODESET), "UTF-8") == 0,
				      .method_id = true };

	tally_print_as(out, in, r, &o);
}

int tally_write_csv(const char *path, const struct csv_out_opts *o, const struct tally_input *in,
		    const struct tally_result *r, struct pact_err *err)
{
	static const char *const header[] = { "position", "option", "value", NULL };
	struct csv_out w;
	char amount[32];
	int rc = csv_out_open(&w, path, o, err);

	if (rc != PACT_OK)
		return rc;
	rc = csv_out_header(&w, header);
	for (size_t i = 0; rc == PACT_OK && i < r->nrows; i++) {
		/* a number, so a negative score is never taken for a formula */
		rc = csv_out_int(&w, (long long)r->rows[i].position);
		if (rc == PACT_OK)
			rc = csv_out_field(&w, in->names[r->rows[i].option]);
		/* budget methods: the cost in euros with a decimal point, or the
		 * decimal comma of Dutch Excel (its ';' files, see export_excel) */
		if (rc == PACT_OK && is_pb(in)) {
			value_amount_csv(r->rows[i].value, o && o->excel && o->delim == ';', amount);
			rc = csv_out_field(&w, amount);
		} else if (rc == PACT_OK) {
			rc = csv_out_int(&w, (long long)r->rows[i].value);
		}
		if (rc == PACT_OK)
			rc = csv_out_end_row(&w);
	}
	return csv_out_close(&w, err);
}
