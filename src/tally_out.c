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
	switch (m) {
	case TALLY_DOT: return _("dots");
	case TALLY_APPROVAL: return _("approvals");
	case TALLY_SCORE: return _("total score");
	case TALLY_BORDA: return _("points");
	case TALLY_IRV: return _("votes in the last round");
	case TALLY_SCHULZE: return _("options beaten");
	default: return _("cost");
	}
}

/* Text padded to width display columns (names may hold any UTF-8). */
static void pad(FILE *out, const char *text, int width)
{
	char buf[512];
	int used = utf8_fit(text, width, buf, sizeof buf);

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
	return in->method == TALLY_PB_GREEDY || in->method == TALLY_PB_MES;
}

void tally_amount_show(int64_t cents, char out[40])
{
	value_amount_show(cents, strcmp(i18n_lang(), "nl") == 0, out);
}

double tally_total(const struct tally_result *r)
{
	__int128 total = 0; /* 2^64 rows of 2^63 at most: no overflow */

	for (size_t i = 0; i < r->nrows; i++)
		total += r->rows[i].value;
	return (double)total;
}

static void print_ranking(FILE *out, const struct tally_input *in, const struct tally_result *r)
{
	bool unicode = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	double total = tally_total(r);
	int64_t max = 0;
	int namew = 8;
	char bar[256], num[64], amount[40];

	for (size_t i = 0; i < r->nrows; i++) {
		int w = utf8_width(in->names[r->rows[i].option]);
		namew = w > namew ? w : namew;
		max = r->rows[i].value > max ? r->rows[i].value : max;
	}
	namew = namew > 40 ? 40 : namew;
	for (size_t i = 0; i < r->nrows; i++) {
		const struct tally_row *row = &r->rows[i];
		bool shared = (i > 0 && r->rows[i - 1].position == row->position) ||
			      (i + 1 < r->nrows && r->rows[i + 1].position == row->position);
		fprintf(out, "%3zu%s ", row->position, shared ? "=" : " ");
		pad(out, in->names[row->option], namew);
		if (is_pb(in)) {
			tally_amount_show(row->value, amount);
			fprintf(out, " ");
			pad_left(out, amount, 16);
		} else {
			fprintf(out, " %10lld", (long long)row->value);
		}
		if (in->method == TALLY_SCORE) {
			snprintf(num, sizeof num, "%.2f", row->mean);
			fprintf(out, _("  (mean %s of %zu)"), decimal(num), row->count);
		}
		if (total > 0 && in->method != TALLY_SCHULZE && in->method != TALLY_IRV && !is_pb(in)) {
			snprintf(num, sizeof num, "%5.1f", 100.0 * (double)row->value / total);
			fprintf(out, " %s%%", decimal(num));
		}
		barchart_bar((double)row->value, (double)max, 30, unicode, bar, sizeof bar);
		fprintf(out, "  %s\n", bar);
	}
}

static void print_irv_rounds(FILE *out, const struct tally_input *in, const struct tally_result *r)
{
	fprintf(out, "\n%s\n", _("Rounds (votes; - once eliminated):"));
	for (size_t o = 0; o < in->noptions; o++) {
		fprintf(out, "  ");
		pad(out, in->names[o], 30);
		for (size_t k = 0; k < r->nrounds; k++) {
			int64_t v = r->round_votes[k * in->noptions + o];
			if (v < 0)
				fprintf(out, " %7s", "-");
			else
				fprintf(out, " %7lld", (long long)v);
		}
		fprintf(out, "\n");
	}
	fprintf(out, "  ");
	pad(out, _("exhausted"), 30);
	for (size_t k = 0; k < r->nrounds; k++)
		fprintf(out, " %7lld", (long long)r->exhausted[k]);
	fprintf(out, "\n");
}

static void print_matrix(FILE *out, const struct tally_input *in, const int64_t *m,
			 const char *title)
{
	fprintf(out, "\n%s\n", title);
	for (size_t x = 0; x < in->noptions; x++) {
		fprintf(out, "  ");
		pad(out, in->names[x], 30);
		for (size_t y = 0; y < in->noptions; y++)
			if (x == y)
				fprintf(out, " %6s", "-");
			else
				fprintf(out, " %6lld", (long long)m[x * in->noptions + y]);
		fprintf(out, "\n");
	}
}

void tally_tie_rule(const struct tally_input *in, char *out, size_t outsz)
{
	if (in->lot)
		snprintf(out, outsz, _("Tie rule: ties are broken by lot, seed %llu."),
			 (unsigned long long)in->seed);
	else if (in->method == TALLY_PB_GREEDY && in->points)
		snprintf(out, outsz, "%s",
			 _("Tie rule: equal points go to the lower cost, then to the option listed "
			   "first."));
	else if (in->method == TALLY_PB_GREEDY)
		snprintf(out, outsz, "%s",
			 _("Tie rule: equal approvals go to the lower cost, then to the option listed "
			   "first."));
	else if (in->method == TALLY_PB_MES)
		snprintf(out, outsz, "%s",
			 _("Tie rule: equal payments go to the lower cost, then to more approvals, "
			   "then to the option listed first."));
	else if (in->method == TALLY_IRV)
		snprintf(out, outsz, "%s",
			 _("Tie rule: a tie for fewest votes goes by the latest earlier round where "
			   "the options differed; if none, every way is followed and a tie that "
			   "matters is declared."));
	else
		snprintf(out, outsz, "%s", _("Tie rule: tied options share a position; no lot."));
}

void tally_print(FILE *out, const struct tally_input *in, const struct tally_result *r)
{
	char rule[512], budget[40], funded[40], left[40], voters[64], options[64];
	size_t nv = in->nvoters + in->extra_voters;

	tally_tie_rule(in, rule, sizeof rule);
	snprintf(voters, sizeof voters, ngettext("%zu voter", "%zu voters", (unsigned long)nv), nv);
	snprintf(options, sizeof options,
		 ngettext("%zu option", "%zu options", (unsigned long)in->noptions), in->noptions);
	fprintf(out, _("%s — %s, %s; value: %s\n"), tally_method_name(in->method), voters, options,
		value_label(in->method));
	fprintf(out, "%s\n", rule);
	print_ranking(out, in, r);
	if (is_pb(in)) {
		tally_amount_show(in->budget, budget);
		tally_amount_show(in->budget - r->remaining, funded);
		tally_amount_show(r->remaining, left);
		fprintf(out, _("Budget %s; funded %s; left %s\n"), budget, funded, left);
	}
	if (in->method == TALLY_IRV && r->round_votes)
		print_irv_rounds(out, in, r);
	if (in->method == TALLY_SCHULZE && r->d) {
		print_matrix(out, in, r->d, _("Voters preferring the row to the column (d):"));
		print_matrix(out, in, r->p, _("Strongest paths (p):"));
	}
	fprintf(out, "%s%s\n", r->note[0] ? _("Ties: ") : _("Ties: none."), r->note);
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
		if ((rc = csv_out_int(&w, (long long)r->rows[i].position)) != PACT_OK ||
		    (rc = csv_out_field(&w, in->names[r->rows[i].option])) != PACT_OK)
			break;
		/* budget methods: the cost in euros with a decimal point, or the
		 * decimal comma of Dutch Excel (its ';' files, see export_excel) */
		if (is_pb(in)) {
			value_amount_csv(r->rows[i].value, o && o->excel && o->delim == ';', amount);
			rc = csv_out_field(&w, amount);
		} else {
			rc = csv_out_int(&w, (long long)r->rows[i].value);
		}
		if (rc == PACT_OK)
			rc = csv_out_end_row(&w);
	}
	return csv_out_close(&w, err);
}
