/* The report writer: Markdown and self-contained HTML from the same calls.
 * Every text is escaped on its way out (escape_to), so stored text can
 * never become markup, a link or a terminal command. */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"
#include "utf8.h"
#include "value.h"

bool report_format_parse(const char *name, enum report_format *f)
{
	if (strcasecmp(name, "md") == 0 || strcasecmp(name, "markdown") == 0)
		*f = REPORT_MARKDOWN;
	else if (strcasecmp(name, "html") == 0)
		*f = REPORT_HTML;
	else
		return false;
	return true;
}

bool report_format_of_path(const char *path, enum report_format *f)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && slash > dot))
		return false;
	if (strcasecmp(dot, ".htm") == 0) {
		*f = REPORT_HTML;
		return true;
	}
	return report_format_parse(dot + 1, f);
}

/* --- escaping --------------------------------------------------------------- */

enum text_mode {
	TEXT_INLINE, /* one line: line breaks and tabs become spaces */
	TEXT_LINES,  /* line breaks stay (as hard breaks) */
	TEXT_PLAIN,  /* Markdown code block: no escapes, only safe characters */
	TEXT_CELL,   /* a table cell: one line, no block starts there */
};

/* What a code point is written as when it may not be written as it is:
 * control characters as their visible symbol (ESC as U+241B), other
 * characters that are no text (C1, bidirectional controls, non-characters,
 * broken UTF-8) as U+FFFD. 0 when it may stay. */
static uint32_t replacement(uint32_t cp, bool bad)
{
	if (bad)
		return 0xFFFD;
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if (utf8_is_control(cp) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 0xFFFD;
	return 0;
}

/* Markdown punctuation that always gets a backslash (pandoc's extensions
 * included: math $, citations @, sub- and superscript ~ ^, attributes { }).
 * Quotes stay as they are: pandoc at most curls them, and "Do's" reads
 * better than "Do\'s". */
static bool md_special(int c)
{
	return c && strchr("\\`*_{}[]<>#|~^$@&", c) != NULL;
}

/* Characters that start a block only at the start of a line. */
static bool md_line_start(int c)
{
	return c && strchr("-+=:", c) != NULL;
}

static void put_cp(FILE *o, uint32_t cp)
{
	char buf[4];
	size_t n = utf8_encode(cp, buf);

	fwrite(buf, 1, n, o);
}

static void put_md_char(FILE *o, char c, bool *line_start, bool *digits, char prev)
{
	bool escape = md_special(c) || (*line_start && md_line_start(c)) ||
		      (*digits && (c == '.' || c == ')')) || (c == '-' && prev == '-');

	if (escape)
		fputc('\\', o);
	fputc(c, o);
	*digits = (*line_start || *digits) && c >= '0' && c <= '9';
	*line_start = c == ' ' && *line_start;
}

static void put_html_char(FILE *o, char c)
{
	switch (c) {
	case '&': fputs("&amp;", o); break;
	case '<': fputs("&lt;", o); break;
	case '>': fputs("&gt;", o); break;
	case '"': fputs("&quot;", o); break;
	case '\'': fputs("&#39;", o); break;
	default: fputc(c, o);
	}
}

static void line_break(FILE *o, enum report_format f, enum text_mode mode)
{
	if (mode != TEXT_LINES)
		fputc(' ', o);
	else if (f == REPORT_HTML)
		fputs("<br>\n", o);
	else
		fputs("\\\n", o);
}

/* s escaped for format f into o. */
static void escape_to(FILE *o, enum report_format f, enum text_mode mode, const char *s)
{
	size_t len = strlen(s), i = 0;
	bool line_start = mode != TEXT_CELL, digits = false;
	char prev = 0;

	while (i < len) {
		uint32_t cp, rep;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (cp == '\r' && s[i + 1] == '\n') {
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\t' || cp == '\r') {
			line_break(o, f, cp == '\n' ? mode : TEXT_INLINE);
			line_start = cp == '\n' && mode == TEXT_LINES;
			digits = false;
		} else if ((rep = replacement(cp, n == 0)) != 0) {
			put_cp(o, rep);
			line_start = digits = false;
		} else if (n == 1 && mode == TEXT_PLAIN) {
			fputc((char)cp, o);
		} else if (n == 1 && f == REPORT_HTML) {
			put_html_char(o, (char)cp);
		} else if (n == 1) {
			put_md_char(o, (char)cp, &line_start, &digits, prev);
		} else {
			fwrite(s + i, 1, n, o);
			line_start = digits = false;
		}
		prev = n == 1 ? (char)cp : 0;
		i += n ? n : 1;
	}
}

/* The same into a new string (NULL when out of memory). */
static char *escaped(enum report_format f, enum text_mode mode, const char *s)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);

	if (!o)
		return NULL;
	escape_to(o, f, mode, s ? s : "");
	return text_stream_close(o, &buf);
}

static void put(struct report *r, const char *s)
{
	escape_to(r->out, r->format, TEXT_INLINE, s ? s : "");
}

/* --- the document ----------------------------------------------------------- */

static const char style[] =
	"body{font-family:sans-serif;max-width:52em;margin:1em auto;padding:0 1em;color:#111;"
	"line-height:1.4}\n"
	"h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.5em}"
	"h3{font-size:1.1em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1em}\n"
	"th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}\n"
	"th{background:#eee}.num{text-align:right}\n"
	"caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
	"dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}"
	"dt{font-weight:bold}dd{margin:0}\n"
	"figure{margin:1em 0}figcaption{font-weight:bold}\n"
	"svg{max-width:100%;height:auto}svg text{font-family:sans-serif;font-size:12px;fill:#111}\n"
	".bar{fill:#2a6ebb}.hatch{fill:#fff;stroke:#555;stroke-dasharray:3 2}"
	".axis{stroke:#999}\n"
	"@media print{body{max-width:none;margin:0;font-size:11pt}"
	"table,figure,dl{page-break-inside:avoid;break-inside:avoid}"
	"h2,h3{page-break-after:avoid;break-after:avoid}.bar{fill:#444}th{background:none}}\n";

void report_begin(struct report *r, FILE *out, enum report_format format, const char *lang,
		  const char *title)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->format = format;
	r->dutch = lang && strcmp(lang, "nl") == 0;
	if (format == REPORT_MARKDOWN) {
		fputs("# ", out);
		put(r, title);
		fputs("\n\n", out);
		return;
	}
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		r->dutch ? "nl" : "en");
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	put(r, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
	put(r, title);
	fputs("</h1>\n", out);
}

/* Close an open list or block of facts before anything else. */
static void close_blocks(struct report *r)
{
	if (r->facts) {
		fputs(r->format == REPORT_HTML ? "</dl>\n" : "\n", r->out);
		r->facts = false;
	}
	if (r->depth && r->format == REPORT_MARKDOWN)
		fputc('\n', r->out);
	for (; r->depth > 0; r->depth--)
		if (r->format == REPORT_HTML)
			fputs("</li></ul>\n", r->out);
}

int report_end(struct report *r, struct pact_err *err)
{
	close_blocks(r);
	if (r->format == REPORT_HTML)
		fputs("</body>\n</html>\n", r->out);
	if (r->nomem)
		return err_nomem(err);
	return PACT_OK;
}

void report_heading(struct report *r, int level, const char *text)
{
	level = level < 2 ? 2 : level > 4 ? 4 : level;
	close_blocks(r);
	if (r->format == REPORT_HTML) {
		fprintf(r->out, "<h%d>", level);
		put(r, text);
		fprintf(r->out, "</h%d>\n", level);
		return;
	}
	fprintf(r->out, "%.*s ", level, "####");
	put(r, text);
	fputs("\n\n", r->out);
}

void report_paragraph(struct report *r, const char *text)
{
	close_blocks(r);
	fputs(r->format == REPORT_HTML ? "<p>" : "", r->out);
	escape_to(r->out, r->format, TEXT_LINES, text ? text : "");
	fputs(r->format == REPORT_HTML ? "</p>\n" : "\n\n", r->out);
}

void report_fact(struct report *r, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (!r->facts) {
		close_blocks(r);
		r->facts = true;
		if (r->format == REPORT_HTML)
			fputs("<dl>\n", r->out);
	}
	fputs(r->format == REPORT_HTML ? "<dt>" : "- **", r->out);
	put(r, label);
	fputs(r->format == REPORT_HTML ? "</dt><dd>" : ":** ", r->out);
	put(r, value);
	fputs(r->format == REPORT_HTML ? "</dd>\n" : "\n", r->out);
}

void report_item(struct report *r, int depth, const char *text)
{
	if (r->facts)
		close_blocks(r);
	depth = depth < 0 ? 0 : depth > r->depth ? r->depth : depth; /* one deeper at most */
	if (r->format == REPORT_MARKDOWN) {
		fprintf(r->out, "%*s- ", depth * 4, "");
		put(r, text);
		fputc('\n', r->out);
		r->depth = depth + 1;
		return;
	}
	if (depth == r->depth) /* deeper: a new list inside the open item */
		fputs("<ul>\n", r->out);
	else
		fputs("</li>\n", r->out);
	for (; r->depth > depth + 1; r->depth--)
		fputs("</ul></li>\n", r->out);
	r->depth = depth + 1;
	fputs("<li>", r->out);
	put(r, text);
}

/* --- tables ----------------------------------------------------------------- */

static void add_cell(struct report *r, const char *text)
{
	char **more = array_room(r->cells, r->ncells, &r->cap, sizeof *more);
	char *cell = more ? escaped(r->format, TEXT_CELL, text) : NULL;

	if (more)
		r->cells = more;
	if (!cell) {
		r->nomem = true;
		return;
	}
	r->cells[r->ncells++] = cell;
}

void report_table_begin(struct report *r, const char *caption, size_t ncols,
			const char *const *head, const char *align)
{
	close_blocks(r);
	r->ncols = ncols > REPORT_COLS_MAX ? REPORT_COLS_MAX : ncols;
	snprintf(r->align, sizeof r->align, "%s", align);
	free(r->caption);
	r->caption = caption ? strdup(caption) : NULL;
	if (caption && !r->caption)
		r->nomem = true;
	report_table_row(r, head);
}

void report_table_row(struct report *r, const char *const *cells)
{
	for (size_t c = 0; c < r->ncols; c++)
		add_cell(r, cells[c]);
}

static bool right(const struct report *r, size_t c)
{
	return c < strlen(r->align) && r->align[c] == 'r';
}

static void md_table(struct report *r)
{
	int w[REPORT_COLS_MAX] = { 0 };

	if (r->caption) {
		fputs("**", r->out);
		put(r, r->caption);
		fputs("**\n\n", r->out);
	}
	for (size_t k = 0; k < r->ncols; k++)
		w[k] = 3; /* "---" at least */
	for (size_t i = 0; i < r->ncells; i++) {
		int cw = utf8_width(r->cells[i]);
		w[i % r->ncols] = cw > w[i % r->ncols] ? cw : w[i % r->ncols];
	}
	for (size_t i = 0; i < r->ncells; i++) {
		size_t c = i % r->ncols;
		int pad = w[c] - utf8_width(r->cells[i]);

		fprintf(r->out, "| %*s%s%*s ", right(r, c) ? pad : 0, "", r->cells[i],
			right(r, c) ? 0 : pad, "");
		if (c + 1 < r->ncols)
			continue;
		fputs("|\n", r->out);
		if (i + 1 != r->ncols)
			continue;
		for (size_t k = 0; k < r->ncols; k++) { /* under the heading */
			fputc('|', r->out);
			for (int d = 0; d < w[k] + (right(r, k) ? 1 : 2); d++)
				fputc('-', r->out);
			fputs(right(r, k) ? ":" : "", r->out);
		}
		fputs("|\n", r->out);
	}
	fputc('\n', r->out);
}

static void html_table(struct report *r)
{
	fputs("<table>\n", r->out);
	if (r->caption) {
		fputs("<caption>", r->out);
		put(r, r->caption);
		fputs("</caption>\n", r->out);
	}
	for (size_t i = 0; i < r->ncells; i++) {
		size_t c = i % r->ncols;
		const char *cell = i < r->ncols ? "th" : "td";

		if (i == 0)
			fputs("<thead>\n", r->out);
		if (i == r->ncols)
			fputs("<tbody>\n", r->out);
		fputs(c == 0 ? "<tr>" : "", r->out);
		fprintf(r->out, "<%s%s>%s</%s>", cell, right(r, c) ? " class=\"num\"" : "",
			r->cells[i], cell);
		fputs(c + 1 == r->ncols ? "</tr>\n" : "", r->out);
		if (i + 1 == r->ncols)
			fputs("</thead>\n", r->out);
	}
	if (r->ncells > r->ncols)
		fputs("</tbody>\n", r->out);
	fputs("</table>\n", r->out);
}

void report_table_end(struct report *r)
{
	if (r->ncols && r->ncells >= r->ncols) {
		r->ncells -= r->ncells % r->ncols; /* a row cut short by lack of memory */
		if (r->format == REPORT_HTML)
			html_table(r);
		else
			md_table(r);
	}
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	free(r->caption);
	r->cells = NULL;
	r->caption = NULL;
	r->ncells = r->cap = r->ncols = 0;
}

/* --- charts ----------------------------------------------------------------- */

/* Text in a Markdown code block: each line indented four spaces, so pandoc
 * shows it as it is (no fence that a line could close). */
static void md_code_block(struct report *r, const char *text)
{
	const char *line = text;
	size_t len = strlen(text);

	while (len && text[len - 1] == '\n') /* no empty lines at its end */
		len--;
	while (line && line < text + len) {
		const char *end = memchr(line, '\n', (size_t)(text + len - line));
		size_t n = end ? (size_t)(end - line) : (size_t)(text + len - line);

		char *copy = strndup(line, n);

		if (!copy)
			r->nomem = true;
		else if (n) { /* safe whatever the lines hold */
			fputs("    ", r->out);
			escape_to(r->out, REPORT_MARKDOWN, TEXT_PLAIN, copy);
		}
		free(copy);
		fputc('\n', r->out);
		line = end ? end + 1 : NULL;
	}
	fputc('\n', r->out);
}

/* The caption above the chart, then "<svg …>" with its title and description; the caller
 * writes the shapes and figure_end. */
static void figure_begin(struct report *r, const char *caption, int height, const char *desc)
{
	int id = ++r->figures;

	fputs("<figure>\n<figcaption>", r->out);
	put(r, caption);
	fputs("</figcaption>\n", r->out);
	fprintf(r->out,
		"<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
		"aria-labelledby=\"fig%d-t fig%d-d\">\n<title id=\"fig%d-t\">",
		REPORT_SVG_WIDTH, height, REPORT_SVG_WIDTH, height, id, id, id);
	put(r, caption);
	fprintf(r->out, "</title>\n<desc id=\"fig%d-d\">", id);
	put(r, desc);
	fputs("</desc>\n", r->out);
}

static void figure_end(struct report *r)
{
	fputs("</svg>\n</figure>\n", r->out);
}

/* A label cut to fit beside a chart, in its visible form. */
static void short_label(const char *label, char *out, size_t outsz)
{
	char *flat = escaped(REPORT_MARKDOWN, TEXT_PLAIN, label);

	utf8_fit_cut(flat ? flat : "", REPORT_LABEL_COLS, true, out, outsz);
	free(flat);
}

/* "label: shown; label: shown", for the chart's description. */
static char *bars_desc(const struct barchart_row *rows, size_t n)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);

	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++)
		fprintf(o, "%s%s: %s", i ? "; " : "", rows[i].label,
			rows[i].shown + strspn(rows[i].shown, " "));
	return text_stream_close(o, &buf);
}

/* A chart's row up to its bar: a group titled "name: what" (a tooltip and
 * what a screen reader says), and the short label before the bar. */
static void svg_row_begin(struct report *r, const char *name, const char *what,
			  const char *label, int y)
{
	fputs("<g><title>", r->out);
	put(r, name);
	fputs(": ", r->out);
	put(r, what);
	fprintf(r->out, "</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", REPORT_BAR_X - 8,
		y + 13);
	put(r, label);
	fputs("</text>", r->out);
}

static void svg_bars(struct report *r, const char *caption, const struct barchart_row *rows,
		     size_t n, int64_t max)
{
	int height = 2 * REPORT_BAR_TOP + REPORT_BAR_ROW * (int)n;
	char *desc = bars_desc(rows, n), label[REPORT_LABEL_COLS * 8];

	if (!desc)
		r->nomem = true;
	figure_begin(r, caption, height, desc ? desc : "");
	free(desc);
	for (size_t i = 0; i < n; i++) {
		/* the text chart's padding ("  0%") means nothing beside a bar */
		const char *shown = rows[i].shown + strspn(rows[i].shown, " ");
		int y = REPORT_BAR_TOP + REPORT_BAR_ROW * (int)i, w = 0;

		if (!rows[i].hatched && max > 0 && rows[i].value > 0)
			w = (int)(REPORT_BAR_WIDTH *
				  ((double)(rows[i].value > max ? max : rows[i].value) / (double)max) +
				  0.5);
		if (rows[i].hatched)
			w = REPORT_BAR_HEIGHT;
		short_label(rows[i].label, label, sizeof label);
		svg_row_begin(r, rows[i].label, shown, label, y);
		fprintf(r->out, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
			rows[i].hatched ? "hatch" : "bar", REPORT_BAR_X, y + 2, w, REPORT_BAR_HEIGHT);
		fprintf(r->out, "<text x=\"%d\" y=\"%d\">", REPORT_BAR_X + w + 6, y + 13);
		put(r, shown);
		fputs("</text></g>\n", r->out);
	}
	figure_end(r);
}

void report_bars(struct report *r, const char *caption, const struct barchart_row *rows,
		 size_t n, int64_t scale)
{
	int64_t max = 0;

	close_blocks(r);
	for (size_t i = 0; i < n; i++)
		max = !rows[i].hatched && rows[i].value > max ? rows[i].value : max;
	max = scale ? scale : max;
	if (r->format == REPORT_HTML) {
		svg_bars(r, caption, rows, n, max);
		return;
	}
	char *buf = NULL, *head = escaped(REPORT_MARKDOWN, TEXT_PLAIN, caption);
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);

	if (o && head)
		barchart_chart(o, head, rows, (int)n, max, 72, true);
	buf = o ? text_stream_close(o, &buf) : NULL;
	if (!buf || !head)
		r->nomem = true;
	else
		md_code_block(r, buf);
	free(buf);
	free(head);
}

/* Days since 1970-01-01 of "YYYY-MM-DD…" (H. Hinnant's days_from_civil);
 * false when it is not such a date. */
static bool day_number(const char *iso, long *day)
{
	int y, m, d;
	char tail;

	if (!iso || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return false;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*day = era * 146097 + doe - 719468;
	return true;
}

struct span_days {
	long from, to;
	const struct report_span *span;
	const char *last; /* its last day as given, else its first */
};

/* The spans with a first day, as day numbers; *lo and *hi the range. */
static size_t span_days(const struct report_span *spans, size_t n, struct span_days *out,
			long *lo, long *hi)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		struct span_days d = { .span = &spans[i] };

		if (!day_number(spans[i].start, &d.from))
			continue;
		d.last = spans[i].end;
		if (!day_number(spans[i].end, &d.to) || d.to < d.from) {
			d.to = d.from;
			d.last = spans[i].start;
		}
		*lo = k == 0 || d.from < *lo ? d.from : *lo;
		*hi = k == 0 || d.to > *hi ? d.to : *hi;
		out[k++] = d;
	}
	return k;
}

enum { TIMELINE_CELLS = 36 };

static void md_timeline(struct report *r, const char *caption, const struct span_days *d,
			size_t n, long lo, long hi)
{
	char *buf = NULL, label[REPORT_LABEL_COLS * 8], from[32], to[32];
	char *head = escaped(REPORT_MARKDOWN, TEXT_PLAIN, caption);
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);
	double per = (double)TIMELINE_CELLS / (double)(hi - lo + 1);

	if (!o || !head) {
		free(head);
		if (o)
			fclose(o);
		free(buf);
		r->nomem = true;
		return;
	}
	fprintf(o, "%s\n", head);
	for (size_t i = 0; i < n; i++) {
		int a = (int)((double)(d[i].from - lo) * per), b = (int)((double)(d[i].to - lo + 1) * per);
		int used;

		b = b <= a ? a + 1 : b;
		short_label(d[i].span->label, label, sizeof label);
		used = utf8_width(label);
		report_date(r, d[i].span->start, from);
		report_date(r, d[i].last, to);
		fprintf(o, "  %s%*s ", label, REPORT_LABEL_COLS - used, "");
		for (int c = 0; c < TIMELINE_CELLS; c++)
			fputs(c >= a && c < b ? "█" : "·", o);
		fprintf(o, " %s – %s\n", from, to);
	}
	free(head);
	buf = text_stream_close(o, &buf);
	if (!buf)
		r->nomem = true;
	else
		md_code_block(r, buf);
	free(buf);
}

/* Under the time line: its first day at the left, its last at the right. */
static void axis_dates(struct report *r, const struct span_days *d, size_t n, long lo, long hi,
		       int y, int width)
{
	const char *first = "", *last = "";
	char shown[32];

	for (size_t i = 0; i < n; i++) {
		if (d[i].from == lo && !*first)
			first = d[i].span->start;
		if (d[i].to == hi && !*last)
			last = d[i].last;
	}
	report_date(r, first, shown);
	fprintf(r->out, "<text x=\"%d\" y=\"%d\">", REPORT_BAR_X, y);
	put(r, shown);
	report_date(r, last, shown);
	fprintf(r->out, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", REPORT_BAR_X + width, y);
	put(r, shown);
	fputs("</text>\n", r->out);
}

static void svg_timeline(struct report *r, const char *caption, const struct span_days *d,
			 size_t n, long lo, long hi)
{
	int height = 2 * REPORT_BAR_TOP + REPORT_BAR_ROW * ((int)n + 1);
	int width = REPORT_SVG_WIDTH - REPORT_BAR_X - 20, axis = REPORT_BAR_TOP + REPORT_BAR_ROW * (int)n;
	double per = (double)width / (double)(hi - lo + 1);
	char label[REPORT_LABEL_COLS * 8], from[32], to[32], dates[80], *buf = NULL;
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);

	for (size_t i = 0; o && i < n; i++) {
		report_date(r, d[i].span->start, from);
		report_date(r, d[i].last, to);
		fprintf(o, "%s%s: %s – %s", i ? "; " : "", d[i].span->label, from, to);
	}
	buf = o ? text_stream_close(o, &buf) : NULL;
	if (!buf)
		r->nomem = true;
	figure_begin(r, caption, height, buf ? buf : "");
	free(buf);
	for (size_t i = 0; i < n; i++) {
		int y = REPORT_BAR_TOP + REPORT_BAR_ROW * (int)i;
		int x = REPORT_BAR_X + (int)((double)(d[i].from - lo) * per + 0.5);
		int w = (int)((double)(d[i].to - d[i].from + 1) * per + 0.5);

		w = w < 3 ? 3 : w;
		short_label(d[i].span->label, label, sizeof label);
		report_date(r, d[i].span->start, from);
		report_date(r, d[i].last, to);
		snprintf(dates, sizeof dates, "%s – %s", from, to);
		svg_row_begin(r, d[i].span->label, dates, label, y);
		fprintf(r->out, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></g>\n",
			x, y + 2, w, REPORT_BAR_HEIGHT);
	}
	fprintf(r->out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
		REPORT_BAR_X, axis + 2, REPORT_BAR_X + width, axis + 2);
	axis_dates(r, d, n, lo, hi, axis + 16, width);
	figure_end(r);
}

void report_timeline(struct report *r, const char *caption, const struct report_span *spans,
		     size_t n)
{
	struct span_days *d = calloc(n ? n : 1, sizeof *d);
	long lo = 0, hi = 0;
	size_t k;

	close_blocks(r);
	if (!d) {
		r->nomem = true;
		return;
	}
	k = span_days(spans, n, d, &lo, &hi);
	if (k && r->format == REPORT_HTML)
		svg_timeline(r, caption, d, k, lo, hi);
	else if (k)
		md_timeline(r, caption, d, k, lo, hi);
	free(d);
}

void report_date(const struct report *r, const char *iso, char out[32])
{
	value_date_show(iso ? iso : "", r->dutch, out);
}

void report_amount(const struct report *r, int64_t cents, char out[40])
{
	value_amount_show(cents, r->dutch, out);
}

int report_write(sqlite3 *db, int64_t session, const char *path, enum report_format format,
		 bool with_names, struct pact_err *err)
{
	struct csv_out w;
	int rc = csv_out_open(&w, path, NULL, err);

	if (rc != PACT_OK)
		return rc;
	if (session)
		rc = report_session(db, session, w.fp, format, with_names, err);
	else
		rc = report_programme(db, w.fp, format, err);
	if (rc != PACT_OK) {
		csv_out_abort(&w);
		return rc;
	}
	return csv_out_close(&w, err);
}
