/* Unit tests of the report writer (report.c): escaping of hostile text in
 * Markdown and HTML, dates and amounts per language, the format chosen by
 * a file's name, and the SVG geometry of a small chart and a time line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

static const char hostile[] = "<script>alert(1)</script> a|b *x* \x1b[31mred \"q\" 'a' & #h";

/* The document written by fn in format f ("en"), from its first heading's
 * end on; the caller frees it. */
static char *written(enum report_format f, void (*fn)(struct report *r))
{
	char *buf = NULL;
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);
	struct report r;

	assert_non_null(o);
	report_begin(&r, o, f, "en", "T");
	fn(&r);
	assert_int_equal(report_end(&r, NULL), PACT_OK);
	buf = text_stream_close(o, &buf);
	assert_non_null(buf);
	return buf;
}

static void hostile_paragraph(struct report *r)
{
	report_paragraph(r, hostile);
}

static void hostile_cell(struct report *r)
{
	const char *head[] = { "n" };
	const char *cell[] = { "a|b\nc" };

	report_table_begin(r, NULL, 1, head, "l");
	report_table_row(r, cell);
	report_table_end(r);
}

static void test_markdown_escapes_everything(void **state)
{
	char *md = written(REPORT_MARKDOWN, hostile_paragraph);

	(void)state;
	assert_string_equal(md, "# T\n\n\\<script\\>alert(1)\\</script\\> a\\|b \\*x\\* "
				"\xe2\x90\x9b\\[31mred \"q\" 'a' \\& \\#h\n\n");
	free(md);
	md = written(REPORT_MARKDOWN, hostile_cell);
	assert_string_equal(md, "# T\n\n| n      |\n|--------|\n| a\\|b c |\n\n");
	free(md);
}

static void test_html_escapes_everything(void **state)
{
	char *html = written(REPORT_HTML, hostile_paragraph), *p = strstr(html, "<p>");

	(void)state;
	assert_non_null(p);
	assert_string_equal(p, "<p>&lt;script&gt;alert(1)&lt;/script&gt; a|b *x* "
			       "\xe2\x90\x9b[31mred &quot;q&quot; &#39;a&#39; &amp; #h</p>\n"
			       "</body>\n</html>\n");
	assert_non_null(strstr(html, "<html lang=\"en\">"));
	assert_null(strchr(html, '\x1b'));
	free(html);
}

/* A line break stays in a paragraph; a block start after it is escaped. */
static void lines(struct report *r)
{
	report_paragraph(r, "one\n- two\n1. three");
}

static void test_paragraph_lines(void **state)
{
	char *md = written(REPORT_MARKDOWN, lines), *html = written(REPORT_HTML, lines);

	(void)state;
	assert_string_equal(md, "# T\n\none\\\n\\- two\\\n1\\. three\n\n");
	assert_non_null(strstr(html, "<p>one<br>\n- two<br>\n1. three</p>"));
	free(md);
	free(html);
}

static void test_dates_and_amounts_follow_the_language(void **state)
{
	struct report nl = { .dutch = true }, en = { .dutch = false };
	char date[32], amount[40];

	(void)state;
	report_date(&nl, "2026-11-27", date);
	assert_string_equal(date, "27-11-2026");
	report_date(&en, "2026-11-27", date);
	assert_string_equal(date, "2026-11-27");
	report_amount(&nl, 123456, amount);
	assert_string_equal(amount, "€ 1.234,56");
	report_amount(&en, 123456, amount);
	assert_string_equal(amount, "€1,234.56");
}

static void test_format_by_name(void **state)
{
	enum report_format f = REPORT_HTML;

	(void)state;
	assert_true(report_format_of_path("a/verslag.MD", &f));
	assert_int_equal(f, REPORT_MARKDOWN);
	assert_true(report_format_of_path("v.markdown", &f) && f == REPORT_MARKDOWN);
	assert_true(report_format_of_path("v.htm", &f) && f == REPORT_HTML);
	assert_true(report_format_of_path("v.html", &f) && f == REPORT_HTML);
	assert_false(report_format_of_path("v.txt", &f));
	assert_false(report_format_of_path("dir.md/v", &f));
	assert_false(report_format_of_path("v", &f));
	assert_true(report_format_parse("markdown", &f) && f == REPORT_MARKDOWN);
	assert_false(report_format_parse("pdf", &f));
}

static void chart(struct report *r)
{
	struct barchart_row rows[3] = { { .label = "A<b>", .value = 4, .shown = "4" },
					{ .label = "B", .value = 2, .shown = "2" },
					{ .label = "C", .hatched = true, .shown = "<5" } };

	report_bars(r, "Votes", rows, 3, 0);
}

/* Rows 22 apart from y 6, bars from x 230, 380 wide for the largest. */
static void test_bar_chart_geometry(void **state)
{
	char *html = written(REPORT_HTML, chart), *md = written(REPORT_MARKDOWN, chart);

	(void)state;
	assert_non_null(strstr(html, "<svg width=\"720\" height=\"78\" viewBox=\"0 0 720 78\""));
	assert_non_null(strstr(html, "<title id=\"fig1-t\">Votes</title>"));
	assert_non_null(strstr(html, "<desc id=\"fig1-d\">A&lt;b&gt;: 4; B: 2; C: &lt;5</desc>"));
	assert_non_null(strstr(html, "<text x=\"222\" y=\"19\" text-anchor=\"end\">A&lt;b&gt;</text>"
				     "<rect class=\"bar\" x=\"230\" y=\"8\" width=\"380\" height=\"16\"/>"
				     "<text x=\"616\" y=\"19\">4</text>"));
	assert_non_null(strstr(html, "<rect class=\"bar\" x=\"230\" y=\"30\" width=\"190\" "
				     "height=\"16\"/><text x=\"426\" y=\"41\">2</text>"));
	assert_non_null(strstr(html, "<rect class=\"hatch\" x=\"230\" y=\"52\" width=\"16\""));
	/* Markdown: the chart as text, in a code block */
	assert_non_null(strstr(md, "    Votes\n      A<b> "));
	free(html);
	free(md);
}

static void timeline(struct report *r)
{
	struct report_span spans[3] = { { "A", "2026-01-01", "2026-01-10" },
					{ "B", "2026-01-06", "" },
					{ "no date", NULL, NULL } };

	report_timeline(r, "Time", spans, 3);
}

/* Ten days over 470 pixels: 47 a day. */
static void test_timeline_geometry(void **state)
{
	char *html = written(REPORT_HTML, timeline), *md = written(REPORT_MARKDOWN, timeline);

	(void)state;
	assert_non_null(strstr(html, "<rect class=\"bar\" x=\"230\" y=\"8\" width=\"470\""));
	assert_non_null(strstr(html, "<rect class=\"bar\" x=\"465\" y=\"30\" width=\"47\""));
	assert_null(strstr(html, "no date"));
	assert_non_null(strstr(html, ">2026-01-01</text><text x=\"700\" y=\"66\" "
				     "text-anchor=\"end\">2026-01-10</text>"));
	assert_non_null(strstr(md, "2026-01-06 – 2026-01-06\n"));
	free(html);
	free(md);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown_escapes_everything),
		cmocka_unit_test(test_html_escapes_everything),
		cmocka_unit_test(test_paragraph_lines),
		cmocka_unit_test(test_dates_and_amounts_follow_the_language),
		cmocka_unit_test(test_format_by_name),
		cmocka_unit_test(test_bar_chart_geometry),
		cmocka_unit_test(test_timeline_geometry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
