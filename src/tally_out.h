/* Writing a count's result: as text for people (with bars, the IRV round
 * table, the Schulze matrix, the funded list) and as CSV
 * (position,option,value). pact tally and pact poll show share it. */
#ifndef PACT_TALLY_OUT_H
#define PACT_TALLY_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "tally.h"

/* How the text report is laid out: names cut with "…" and bars scaled so
 * no line is wider than width; Unicode blocks or '#'; the method's
 * command-line name after its plain name (for scripts), or not (on the
 * screens). */
struct tally_print_opts {
	int width;
	bool unicode;
	bool method_id;
};
void tally_print_as(FILE *out, const struct tally_input *in, const struct tally_result *r,
		    const struct tally_print_opts *o);
/* The same in 80 columns, Unicode when the locale's is, with the method's
 * name: pact tally and pact poll show. */
void tally_print(FILE *out, const struct tally_input *in, const struct tally_result *r);

/* The whole that a row's percentage is a share of: the voters for
 * approval (each may tick every option, so "2 of 2 voters" is 100%), the
 * rows' values added up for dots, scores and Borda points; 0 when the
 * method shows no percentage (IRV, Schulze, the budget methods) or the
 * whole is not above 0. */
double tally_share_whole(const struct tally_input *in, const struct tally_result *r);
/* One sentence on what the percentages are of, for under a result ("" for
 * a method without them). */
const char *tally_share_note(enum tally_method m);

/* An amount in cents as the language writes it: "€ 1.234,56" in Dutch,
 * "€1,234.56" in English. */
void tally_amount_show(int64_t cents, char out[40]);

/* The tie rule in force, in words, for showing before a vote. */
void tally_tie_rule(const struct tally_input *in, char *out, size_t outsz);
/* After the count, once: what the tie rule decided ("Ties: …", the
 * result's note) when it decided anything, else the rule itself. */
void tally_ties(const struct tally_input *in, const struct tally_result *r, char *out,
		size_t outsz);
/* A result as rows to show, worked out once for the Vote panel, the
 * projector and pact tally / pact poll show: positions with ties marked,
 * values and percentages as text, and the lines that go under them. */
struct tally_view_row {
	size_t option, position;
	bool shared;          /* tied: another row has the same position */
	int64_t value;
	double mean;          /* means (score): mean over count voters */
	size_t count;
	double share;         /* percentage of the whole, or -1 when none */
	char pos[24];         /* "1=" or "1" */
	char *label;          /* "1= name" or "1. name" (the name whole) */
	char value_text[64];  /* "3 (25%)", "€1,234.00" or "3" */
	char big[32];         /* the value for large digits; "" for an amount */
};
struct tally_view {
	struct tally_view_row *rows;
	size_t nrows;
	double whole;             /* what the shares are of (tally_share_whole) */
	const char *share_note;   /* "" when no percentages show */
	char budget[160];         /* budget methods: "Budget …; funded …; left …", else "" */
	char details[512];        /* one line under the chart: rounds, budget, value, shares */
	char ties[1024];          /* tally_ties */
};
/* out is the caller's; tally_view_free it. PACT_ENOMEM (out of memory) with
 * err set, or PACT_OK. */
int tally_view_make(const struct tally_input *in, const struct tally_result *r,
		    struct tally_view *out, struct pact_err *err);
void tally_view_free(struct tally_view *v);

struct csv_out_opts;
/* position,option,value to path ("-" = stdout); o (NULL: plain CSV) gives
 * the Excel choices: delimiter, BOM, CRLF, formulas neutralised. */
int tally_write_csv(const char *path, const struct csv_out_opts *o, const struct tally_input *in,
		    const struct tally_result *r, struct pact_err *err);

#endif
