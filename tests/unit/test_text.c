/* Unit tests of the text core: UTF-8, widths, visible control characters,
 * wrapping, the editable buffer and bar text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "barchart.h"
#include "text.h"
#include "textbuf.h"
#include "utf8.h"
#include "wrap.h"

static void test_decode_and_validate(void **state)
{
	uint32_t cp;
	size_t bad = 99;

	(void)state;
	assert_int_equal(utf8_decode("\xc3\xaf", 2, &cp), 2);
	assert_int_equal(cp, 0xEF);
	assert_int_equal(utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* overlong, surrogate, truncated, stray continuation */
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xe2\x82", 2, &cp), 0);
	assert_int_equal(utf8_decode("\x80", 1, &cp), 0);
	assert_true(utf8_valid("coöperatie", strlen("coöperatie"), NULL));
	assert_false(utf8_valid("ab\xffz", 4, &bad));
	assert_int_equal(bad, 2);
}

/* What searches compare: lower case, Latin letters without accents,
 * combining accents dropped, everything else kept. */
static void test_search_key(void **state)
{
	static const char *const cases[][2] = {
		{ "Ideeënloodser", "ideeenloodser" },
		{ "CASUÏSTIEK", "casuistiek" },
		{ "Zoë Çelik-Øberg", "zoe celik-oberg" },
		{ "Łódź Ærø", "lodz æro" },
		{ "e\u0301e\u0308n", "een" }, /* decomposed accents */
		{ "Straße 12", "straße 12" },
		{ "中文 ﬁ", "中文 ﬁ" },
		{ "", "" },
	};
	char *key;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		key = utf8_search_key(cases[i][0]);
		assert_non_null(key);
		assert_string_equal(key, cases[i][1]);
		free(key);
	}
	/* invalid bytes are left out, never read past */
	key = utf8_search_key("a\xff\xc3");
	assert_string_equal(key, "a");
	free(key);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("casuïstiek"), 10);
	assert_int_equal(utf8_width("€ 250.000"), 9);
	assert_int_equal(utf8_width("日本"), 4);
	assert_int_equal(utf8_width("e\xcc\x81"), 1); /* e + combining acute */
	assert_int_equal(utf8_width("a\x1b[2J"), 6);  /* ^[ is two columns */
}

/* Emoji as ncurses counts them (and tmux 3.3a draws them): wcwidth of each
 * code point, a ZWJ left out of what is drawn; combining marks take no
 * column. */
#define FAMILY "\U0001F468\u200D\U0001F469\u200D\U0001F467" /* man ZWJ woman ZWJ girl */
#define FAMILY_DRAWN "\U0001F468\U0001F469\U0001F467"         /* …without the ZWJs */
#define FAMILY4 FAMILY "\u200D\U0001F466"                     /* … ZWJ boy */
#define THUMB_TONE "\U0001F44D\U0001F3FD"                      /* thumbs up, medium skin */
#define HEART "\u2764\uFE0F"                                   /* heart, emoji style */
#define FLAG_NL "\U0001F1F3\U0001F1F1"                         /* regional N, L */
#define RAINBOW "\U0001F3F3\uFE0F\u200D\U0001F308"             /* white flag ZWJ rainbow */
static void test_cluster_widths(void **state)
{
	static const struct {
		const char *text;
		int width;
	} cases[] = {
		{ FAMILY, 6 },                        /* 2 + 2 + 2 */
		{ FAMILY4, 8 },
		{ THUMB_TONE, 4 },                    /* the skin tone is two more */
		{ HEART, 1 },                         /* U+FE0F adds nothing */
		{ FLAG_NL, 2 },                       /* 1 + 1 */
		{ RAINBOW, 3 },                       /* 1 + 0 + 2 */
		{ FLAG_NL FLAG_NL "\U0001F1F3", 5 }, /* two flags and a lone indicator */
		{ "a" FAMILY "b", 8 },
		{ "e\u0301\u0308", 1 },              /* two combining marks */
		{ "\u0301", 0 },                      /* a mark without a base */
		{ "1\uFE0F\u20E3", 1 },              /* keycap one */
		{ "\U0001F44D", 2 },
		{ "\u2764", 1 },                      /* heart, text style */
		{ "\u65E5\u0301", 2 },               /* a wide letter with a mark */
		{ "\u200D\U0001F469", 2 },           /* a ZWJ without a base */
		{ "Licht " FAMILY " en " THUMB_TONE, 20 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_width(cases[i].text) != cases[i].width)
			fail_msg("case %zu: width %d, not %d", i, utf8_width(cases[i].text),
				 cases[i].width);
}

/* What is drawn of a cluster: the ZWJs left out, the rest as it is. */
static void test_cluster_drawn(void **state)
{
	char out[UTF8_CLUSTER_MAX];
	int w;

	(void)state;
	assert_int_equal(utf8_cluster(RAINBOW, strlen(RAINBOW), 0, out, sizeof out, &w),
			 strlen(RAINBOW));
	assert_string_equal(out, "\U0001F3F3\uFE0F\U0001F308");
	assert_int_equal(w, 3);
	utf8_cluster(THUMB_TONE "x", strlen(THUMB_TONE) + 1, 0, out, sizeof out, &w);
	assert_string_equal(out, THUMB_TONE);
	assert_int_equal(w, 4);
	utf8_cluster(HEART, strlen(HEART), 0, out, sizeof out, &w);
	assert_string_equal(out, HEART);
	assert_int_equal(w, 1);
	utf8_cluster("e\u0301", 3, 0, out, sizeof out, &w);
	assert_string_equal(out, "e\u0301");
	assert_int_equal(w, 1);
	/* a skin tone that does not fit is left out, and so are its columns */
	utf8_cluster(THUMB_TONE, strlen(THUMB_TONE), 0, out, 6, &w);
	assert_string_equal(out, "\U0001F44D");
	assert_int_equal(w, 2);
}

/* A cluster is never split: not by fitting, wrapping or stepping. */
static void test_clusters_stay_whole(void **state)
{
	const char *s = "ab" FAMILY "cd";
	struct wrap_row rows[8];
	char out[128];
	int w;

	(void)state;
	assert_int_equal(utf8_fit(s, 3, out, sizeof out), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(utf8_fit(s, 7, out, sizeof out), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(utf8_fit(s, 8, out, sizeof out), 8);
	assert_string_equal(out, "ab" FAMILY_DRAWN);
	assert_int_equal(utf8_cluster(s, strlen(s), 2, out, sizeof out, &w), 2 + strlen(FAMILY));
	assert_int_equal(w, 6);
	assert_string_equal(out, FAMILY_DRAWN);
	assert_int_equal(utf8_next(s, strlen(s), 2), 2 + strlen(FAMILY));
	assert_int_equal(utf8_prev(s, 2 + strlen(FAMILY)), 2);
	assert_int_equal(utf8_prev(FLAG_NL FLAG_NL, 2 * strlen(FLAG_NL)), strlen(FLAG_NL));
	assert_int_equal(utf8_prev(THUMB_TONE, strlen(THUMB_TONE)), 0);
	/* seven columns: the family goes to the next row whole */
	assert_int_equal(wrap_text("ab" FAMILY, 7, rows, 8), 2);
	assert_int_equal(rows[0].end, 2);
	assert_int_equal(rows[1].start, 2);
	assert_int_equal(rows[1].end, 2 + strlen(FAMILY));
	/* cut with dots: the dots take the last column */
	assert_int_equal(utf8_fit_cut("Meer groen in de straat", 12, true, out, sizeof out), 11);
	assert_string_equal(out, "Meer groen\u2026");
	assert_int_equal(utf8_fit_cut("Meer groen", 10, true, out, sizeof out), 10);
	assert_string_equal(out, "Meer groen");
	assert_int_equal(utf8_fit_cut("ab" FAMILY "cd", 8, false, out, sizeof out), 3);
	assert_string_equal(out, "ab~");
	/* without Unicode on the screen an emoji is one '?' */
	utf8_set_display_unicode(false);
	w = utf8_width("a" FAMILY "e\u0301");
	utf8_fit("a" FAMILY "e\u0301", 40, out, sizeof out);
	utf8_set_display_unicode(true);
	assert_int_equal(w, 3);
	assert_string_equal(out, "a?e");
}

static void test_visible_controls(void **state)
{
	char out[64];

	(void)state;
	utf8_fit("x\x1b]0;evil\x07y", 40, out, sizeof out);
	assert_string_equal(out, "x^[]0;evil^Gy");
	utf8_fit("\xc2\x9b" "1m", 40, out, sizeof out); /* C1 CSI */
	assert_string_equal(out, "<U+009B>1m");
	utf8_fit("a\xe2\x80\xae" "b", 40, out, sizeof out); /* right-to-left override */
	assert_string_equal(out, "a<U+202E>b");
	utf8_fit("a\nb\tc", 40, out, sizeof out); /* a line break shows as one column */
	assert_string_equal(out, "a\u21b5b^Ic");
	utf8_fit("\x7f", 40, out, sizeof out);
	assert_string_equal(out, "^?");
	/* one character's form is a string of its own, whatever was in the buffer */
	{
		static const uint32_t cps[] = { 'a', 0x1b, 0x9b, 0xe9, 0x4e2d };
		static const char *const shown[] = { "a", "^[", "<U+009B>", "\xc3\xa9", "\xe4\xb8\xad" };
		char vis[16];
		int w;
		for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
			memset(vis, 'X', sizeof vis);
			assert_int_equal(utf8_visible(cps[i], vis, &w), strlen(shown[i]));
			assert_string_equal(vis, shown[i]);
		}
	}
}

static void test_fit_never_splits_wide_chars(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(utf8_fit("日本語", 5, out, sizeof out), 4);
	assert_string_equal(out, "日本");
	assert_int_equal(utf8_fit("coöperatie", 4, out, sizeof out), 4);
	assert_string_equal(out, "coöp");
}

static void test_no_unicode_display(void **state)
{
	char out[64], arrows[64];
	int w;

	(void)state;
	utf8_set_display_unicode(false);
	utf8_fit("€ coö", 40, out, sizeof out);
	/* arrows and the ellipsis have ASCII stand-ins, measured as drawn */
	utf8_fit("← → ↑ ↓ meer…", 40, arrows, sizeof arrows);
	w = utf8_width("Stopped →…");
	utf8_set_display_unicode(true);
	assert_string_equal(out, "? co?");
	assert_string_equal(arrows, "< > ^ v meer...");
	assert_int_equal(w, 12);
}

static void test_cluster_steps(void **state)
{
	const char *s = "ae\xcc\x81z"; /* a, e + combining acute, z */

	(void)state;
	assert_int_equal(utf8_next(s, strlen(s), 1), 4);
	assert_int_equal(utf8_prev(s, 4), 1);
	assert_int_equal(utf8_prev(s, 1), 0);
	assert_true(utf8_starts_with_fold("Coöperatie", "COÖP"));
	assert_false(utf8_starts_with_fold("Co", "Coö"));
}

static void test_wrap(void **state)
{
	struct wrap_row rows[8];

	(void)state;
	assert_int_equal(wrap_text("aaa bbb ccc", 7, rows, 8), 2);
	assert_int_equal(rows[0].start, 0);
	assert_int_equal(rows[0].end, 7);
	assert_int_equal(rows[1].start, 8);
	assert_int_equal(wrap_text("one\ntwo", 40, rows, 8), 2);
	assert_int_equal(rows[1].start, 4);
	assert_int_equal(wrap_text("", 10, rows, 8), 1);
	assert_int_equal(wrap_text("x\n", 10, rows, 8), 2);
	assert_int_equal(wrap_text("abcdefgh", 3, rows, 8), 3); /* no space: hard break */
	assert_int_equal(wrap_text("日本語", 4, rows, 8), 2);
}

static void type(struct textbuf *tb, const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		assert_true(textbuf_insert(tb, cp));
	}
}

static void test_textbuf_editing(void **state)
{
	struct textbuf tb;

	(void)state;
	textbuf_init(&tb, 100, false);
	type(&tb, "cooperatie");
	for (int i = 0; i < 7; i++)
		textbuf_left(&tb);
	textbuf_backspace(&tb);
	type(&tb, "ö");
	assert_string_equal(tb.s, "coöperatie");
	textbuf_home(&tb);
	textbuf_delete(&tb);
	assert_string_equal(tb.s, "oöperatie");
	textbuf_right(&tb);
	textbuf_delete(&tb); /* deletes the two-byte ö whole */
	assert_string_equal(tb.s, "operatie");
	textbuf_end(&tb);
	type(&tb, " €");
	textbuf_backspace(&tb);
	assert_string_equal(tb.s, "operatie ");
	textbuf_left(&tb);
	textbuf_kill_back(&tb);
	assert_string_equal(tb.s, " ");
	assert_false(textbuf_insert(&tb, '\n'));
	assert_false(textbuf_insert(&tb, 0x1b));
	textbuf_free(&tb);
}

static void test_textbuf_limits_and_words(void **state)
{
	struct textbuf tb;

	(void)state;
	textbuf_init(&tb, 4, false);
	type(&tb, "ab");
	assert_false(textbuf_insert(&tb, 0x20AC)); /* 5 bytes would not fit */
	assert_string_equal(tb.s, "ab");
	assert_false(textbuf_set(&tb, "toolong"));
	assert_false(textbuf_set(&tb, "\xff"));
	assert_true(textbuf_set(&tb, "a b"));
	textbuf_kill_word(&tb);
	assert_string_equal(tb.s, "a ");
	textbuf_home(&tb);
	textbuf_kill_fwd(&tb);
	assert_string_equal(tb.s, "");
	textbuf_free(&tb);
}

static void test_textbuf_multiline(void **state)
{
	struct textbuf tb;
	size_t row;
	int col;

	(void)state;
	textbuf_init(&tb, 1000, true);
	type(&tb, "first line\nsecond");
	textbuf_cursor_pos(&tb, 40, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 6);
	assert_true(textbuf_up(&tb, 40));
	assert_int_equal(tb.cur, 6);
	assert_false(textbuf_up(&tb, 40));
	textbuf_end(&tb);
	assert_int_equal(tb.cur, 10);
	assert_true(textbuf_down(&tb, 40));
	assert_int_equal(tb.cur, strlen("first line\nsecond"));
	textbuf_home(&tb);
	assert_int_equal(tb.cur, 11);
	textbuf_free(&tb);
}

static void test_barchart(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(barchart_bar(10, 10, 4, false, out, sizeof out), 4);
	assert_string_equal(out, "####");
	assert_int_equal(barchart_bar(5, 10, 4, false, out, sizeof out), 2);
	assert_string_equal(out, "##");
	assert_int_equal(barchart_bar(1, 8, 1, true, out, sizeof out), 1);
	assert_string_equal(out, "\u258f");
	assert_int_equal(barchart_bar(9, 16, 2, true, out, sizeof out), 2);
	assert_string_equal(out, "\u2588\u258f");
	assert_int_equal(barchart_bar(0, 10, 4, true, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(barchart_bar(50, 10, 3, true, out, sizeof out), 3);
}

/* Quoting for messages: controls, bidi overrides and bad bytes as '?',
 * cut with "…", never past the buffer; trimming spaces and tabs. */
static void test_quote_and_trim(void **state)
{
	char out[64], tiny[12];
	const char *s = " \t kaart \t";
	size_t n = strlen(s);

	(void)state;
	utf8_quote("ab\x1b]0;x\x07" "c", 9, 30, out, sizeof out);
	assert_string_equal(out, "ab?]0;x?c");
	utf8_quote("a\xe2\x80\xae" "b\xff" "c", 7, 30, out, sizeof out);
	assert_string_equal(out, "a?b?c");
	utf8_quote("coöperatie", strlen("coöperatie"), 4, out, sizeof out);
	assert_string_equal(out, "coöp…");
	utf8_quote("abcdefghijklmnopqrstuvwxyz", 26, 30, tiny, sizeof tiny);
	assert_true(strlen(tiny) < sizeof tiny);
	assert_int_equal(strncmp(tiny, "abc", 3), 0);
	text_trim(&s, &n);
	assert_int_equal(n, 5);
	assert_int_equal(strncmp(s, "kaart", 5), 0);
	s = " \t";
	n = 2;
	text_trim(&s, &n);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_and_validate),
		cmocka_unit_test(test_quote_and_trim),
		cmocka_unit_test(test_search_key),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_visible_controls),
		cmocka_unit_test(test_fit_never_splits_wide_chars),
		cmocka_unit_test(test_no_unicode_display),
		cmocka_unit_test(test_cluster_steps),
		cmocka_unit_test(test_cluster_widths),
		cmocka_unit_test(test_cluster_drawn),
		cmocka_unit_test(test_clusters_stay_whole),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_textbuf_editing),
		cmocka_unit_test(test_textbuf_limits_and_words),
		cmocka_unit_test(test_textbuf_multiline),
		cmocka_unit_test(test_barchart),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
