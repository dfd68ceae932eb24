/* A document writer for the reports people read without pact: one set of
 * calls (headings, paragraphs, facts, lists, tables, bar charts, a time
 * line) and two formats. Markdown stays readable as text and converts with
 * pandoc; HTML is one self-contained file (inline style, charts as inline
 * SVG, nothing fetched from anywhere). Every text given is stored text and
 * is escaped: it shows literally, control characters as visible symbols,
 * never raw. */
#ifndef PACT_REPORT_H
#define PACT_REPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "barchart.h"
#include "err.h"

enum report_format { REPORT_MARKDOWN, REPORT_HTML };

/* "md", "markdown" or "html" (any case); false for anything else. */
bool report_format_parse(const char *name, enum report_format *f);
/* The format a file's name asks for: .md/.markdown or .html/.htm (any
 * case); false when the extension is none of those. */
bool report_format_of_path(const char *path, enum report_format *f);

/* Columns of a table (a table has at most this many). */
enum { REPORT_COLS_MAX = 12 };

struct report {
	FILE *out;
	enum report_format format;
	bool dutch;
	int figures; /* charts so far: their SVG ids */
	int depth;   /* list items open: 0 when no list is open */
	bool facts;  /* a block of facts is open */
	/* the table being collected: cells escaped, written at its end */
	size_t ncols, ncells, cap;
	char align[REPORT_COLS_MAX + 1];
	char **cells;
	char *caption;
	bool nomem;
};

/* Start a document in lang ("nl" or "en": dates and amounts, the HTML
 * lang attribute) with title as its first heading. */
void report_begin(struct report *r, FILE *out, enum report_format format, const char *lang,
		  const char *title);
/* End it (closing what is open); PACT_OK, or PACT_ENOMEM when memory ran
 * out on the way (err set). Writing errors are the stream's (ferror). */
int report_end(struct report *r, struct pact_err *err);

/* A heading below the title: level 2 (a part) or 3 (within one). */
void report_heading(struct report *r, int level, const char *text);
/* A paragraph; its line breaks stay. */
void report_paragraph(struct report *r, const char *text);
/* "label: value"; facts in a row form one block. An empty value is left
 * out. */
void report_fact(struct report *r, const char *label, const char *value);
/* A list item at depth 0, 1, …; items in a row form one list, an item one
 * deeper goes under the one before it. */
void report_item(struct report *r, int depth, const char *text);

/* A table: ncols headings, align one letter a column ('l' or 'r' for
 * numbers), then rows of ncols cells, then the end. */
void report_table_begin(struct report *r, const char *caption, size_t ncols,
			const char *const *head, const char *align);
void report_table_row(struct report *r, const char *const *cells);
void report_table_end(struct report *r);

/* A horizontal bar chart: per row its label, value and the text shown
 * after the bar ("12", "<5"); a hatched row gets a fixed mark, not a bar.
 * A full bar is scale, or the largest value when scale is 0. */
void report_bars(struct report *r, const char *caption, const struct barchart_row *rows,
		 size_t n, int64_t scale);

/* A time line: per row a label and its first and last day (YYYY-MM-DD; a
 * missing last day is the first). Rows without a first day are left out. */
struct report_span {
	const char *label;
	const char *start, *end;
};
void report_timeline(struct report *r, const char *caption, const struct report_span *spans,
		     size_t n);

/* A stored date and an amount in cents as the report's language writes
 * them: "27-11-2026", "€ 1.234,56" in Dutch. */
void report_date(const struct report *r, const char *iso, char out[32]);
void report_amount(const struct report *r, int64_t cents, char out[40]);

/* The session report: what the session was, its rounds, its ideas by
 * cluster, participation in numbers (small groups hidden as in the
 * breakdown), its polls with their results and the cards made from it, in
 * the interface language. Names of participants only when with_names. */
int report_session(sqlite3 *db, int64_t session, FILE *out, enum report_format format,
		   bool with_names, struct pact_err *err);
/* The programme report: the experiments per column and per track, the
 * budget per pot, the monitoring figures and a time line. */
int report_programme(sqlite3 *db, FILE *out, enum report_format format, struct pact_err *err);
/* Either report written into path ("-": stdout): the session report when
 * session is not 0, else the programme report. A file is written whole or
 * not at all (a temporary file renamed into place). */
int report_write(sqlite3 *db, int64_t session, const char *path, enum report_format format,
		 bool with_names, struct pact_err *err);

/* The SVG geometry of bar charts (for the tests): rows BAR_ROW apart,
 * bars from x BAR_X, BAR_WIDTH for a full bar. */
enum { REPORT_SVG_WIDTH = 720, REPORT_BAR_X = 230, REPORT_BAR_WIDTH = 380, REPORT_BAR_ROW = 22,
       REPORT_BAR_TOP = 6, REPORT_BAR_HEIGHT = 16, REPORT_LABEL_COLS = 34 };

#endif
