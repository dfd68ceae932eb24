/* Unit tests of the stretch-prompt deck: the built-in deck, every parse
 * error with its line, CRLF and BOM, where the default deck comes from,
 * drawing cards and picking the language. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brainstorm_deck.h"

static const char small_deck[] =
	"# three cards\n"
	"en: One\n"
	"nl: Een\n"
	"\n"
	"nl: Twee\n"
	"en: Two\n"
	"\n"
	"en: Three\n"
	"# a note inside a card\n"
	"nl: Drie\n";

static void parse_ok(const char *text, size_t len, struct deck *d)
{
	struct pact_err err = { 0 };
	int rc = deck_parse(text, len, "t.txt", d, &err);

	if (rc != PACT_OK)
		print_error("unexpected error: %s\n", err.msg);
	assert_int_equal(rc, PACT_OK);
}

/* text must fail with a message that starts with "t.txt:LINE: " and, when
 * given, contains also. */
static void expect_error_len(const char *text, size_t len, int line, const char *also)
{
	struct deck d = { (struct deck_card *)&d, 99 };
	struct pact_err err = { 0 };
	char prefix[32];

	snprintf(prefix, sizeof prefix, "t.txt:%d: ", line);
	assert_int_equal(deck_parse(text, len, "t.txt", &d, &err), PACT_EINPUT);
	if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
		print_error("expected \"%s…\", got \"%s\"\n", prefix, err.msg);
	assert_int_equal(strncmp(err.msg, prefix, strlen(prefix)), 0);
	if (also)
		assert_non_null(strstr(err.msg, also));
	assert_int_equal(err.status, PACT_EINPUT);
	assert_null(d.cards);
	assert_int_equal(d.n, 0);
}

static void expect_error(const char *text, int line, const char *also)
{
	expect_error_len(text, strlen(text), line, also);
}

static void test_builtin_deck(void **state)
{
	struct deck d;

	(void)state;
	parse_ok(pact_prompts_txt, strlen(pact_prompts_txt), &d);
	assert_true(d.n >= 40);
	for (size_t i = 0; i < d.n; i++) {
		assert_true(strlen(d.cards[i].en) > 0);
		assert_true(strlen(d.cards[i].nl) > 0);
		assert_string_not_equal(d.cards[i].en, d.cards[i].nl);
	}
	assert_string_equal(d.cards[0].en, "What if the budget were zero?");
	deck_free(&d);
	assert_null(d.cards);
	assert_int_equal(d.n, 0);
}

static void test_parse_cards(void **state)
{
	struct deck d;

	(void)state;
	parse_ok(small_deck, strlen(small_deck), &d);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.cards[0].en, "One");
	assert_string_equal(d.cards[0].nl, "Een");
	assert_string_equal(d.cards[1].en, "Two");
	assert_string_equal(d.cards[1].nl, "Twee");
	assert_string_equal(d.cards[2].en, "Three");
	assert_string_equal(d.cards[2].nl, "Drie");
	deck_free(&d);
}

static void test_crlf_bom_and_spaces(void **state)
{
	static const char text[] = "\xEF\xBB\xBF" "en: Hello there \r\n"
				   "nl:\tHallo daar\t\r\n"
				   "\r\n"
				   "  \t \r\n"
				   "  en :  Café: 10 to 12 \r\n"
				   "nl: Café: 10 tot 12";
	struct deck d;

	(void)state;
	parse_ok(text, strlen(text), &d);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.cards[0].en, "Hello there");
	assert_string_equal(d.cards[0].nl, "Hallo daar");
	assert_string_equal(d.cards[1].en, "Café: 10 to 12");
	assert_string_equal(d.cards[1].nl, "Café: 10 tot 12");
	deck_free(&d);
	/* a BOM anywhere but the start is not one */
	expect_error("en: a\nnl: b\n\n\xEF\xBB\xBF" "en: c\nnl: d\n", 4, "\"en:\"");
}

static void test_unknown_field(void **state)
{
	(void)state;
	expect_error("en: a\nnl: b\n\nfr: c\n", 4, "\"fr:\"");
	expect_error("en: a\nnl: b\n\nfr: c\n", 4, "\"en:\" and \"nl:\"");
	expect_error("en: a\nNL: b\n", 2, "\"NL:\"");
	expect_error("en: a\nnl: b\nJust some words\n", 3, "\"en:\" or \"nl:\"");
	expect_error("\n\n\nen a\n", 4, NULL);
}

static void test_language_twice(void **state)
{
	(void)state;
	expect_error("# x\nen: a\nnl: b\nen: c\nnl: d\n", 4, "line 2");
	expect_error("en: a\nnl: b\nnl: c\n", 3, "\"nl:\"");
}

static void test_missing_language(void **state)
{
	(void)state;
	/* reported at the line where the card starts */
	expect_error("en: a\nnl: b\n\n# note\n\nen: c\n\nen: d\nnl: e\n", 6, "\"nl:\"");
	expect_error("en: a\nnl: b\n\n\nnl: c", 5, "\"en:\"");
	expect_error("# only English\nen: a\n", 2, "\"nl:\"");
}

static void test_empty_text(void **state)
{
	(void)state;
	expect_error("en: a\nnl:   \n", 2, "\"nl:\"");
	expect_error("en:\nnl: b\n", 1, "\"en:\"");
	expect_error("en: a\nnl: \t\r\n", 2, NULL);
}

static void test_text_length(void **state)
{
	char text[2048];
	char *p = text;
	struct deck d;

	(void)state;
	/* 300 code points of two bytes each is fine: the limit counts characters */
	p += sprintf(p, "en: a\nnl: ");
	for (int i = 0; i < DECK_TEXT_MAX; i++)
		p += sprintf(p, "ë");
	parse_ok(text, strlen(text), &d);
	assert_int_equal(strlen(d.cards[0].nl), 2 * DECK_TEXT_MAX);
	deck_free(&d);
	sprintf(p, "ë\n");
	expect_error(text, 2, "301");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_error("en: a\nnl: caf\xe9\n", 2, "UTF-8");
	expect_error("en: a\nnl: b\n\n# Latin-1 note: caf\xe9\n", 4, "UTF-8");
	expect_error("\xed\xa0\x80: x\n", 1, "UTF-8");
}

static void test_control_characters(void **state)
{
	(void)state;
	expect_error("en: a\x1b[2Jb\nnl: b\n", 1, "U+001B");
	expect_error("en: a\nnl: b\tc\n", 2, "U+0009");
	expect_error("en: a\nnl: b\rc\n", 2, "U+000D");
	expect_error("en: a\nnl: b\xc2\x9b" "1m\n", 2, "U+009B");
	expect_error("en: a\xe2\x80\xae" "b\nnl: b\n", 1, "U+202E");
	expect_error("en: a\x7f\nnl: b\n", 1, "U+007F");
	expect_error_len("en: a\0b\nnl: c\n", 14, 1, "U+0000");
}

static void test_no_cards(void **state)
{
	(void)state;
	expect_error("", 1, "no cards");
	expect_error("\xEF\xBB\xBF", 1, "no cards");
	expect_error("# only\n# notes\n\n", 3, "no cards");
}

static void test_load_file(void **state)
{
	struct pact_err err = { 0 };
	struct deck d = { (struct deck_card *)&d, 99 };

	(void)state;
	assert_int_equal(deck_load_file("/nonexistent/pact/prompts.txt", &d, &err), PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, "/nonexistent/pact/prompts.txt: ",
				 strlen("/nonexistent/pact/prompts.txt: ")), 0);
	assert_null(d.cards);
	assert_int_equal(d.n, 0);
	assert_int_equal(deck_load_file("/", &d, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "/: not a regular file");
	assert_null(d.cards);
}

/* A file over the size limit is refused whole, with the reason and path;
 * one just under it is read. */
static void test_load_file_size(void **state)
{
	char path[] = "/tmp/pact-deck-XXXXXX";
	struct pact_err err = { 0 };
	struct deck d;
	const char card[] = "en: Big\nnl: Groot\n#";
	size_t limit = 1024 * 1024, i;
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	fputs(card, f);
	for (i = strlen(card); i < limit - 1; i++)
		fputc('x', f);
	fputc('\n', f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(deck_load_file(path, &d, &err), PACT_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.cards[0].nl, "Groot");
	deck_free(&d);

	f = fopen(path, "ab");
	assert_non_null(f);
	fputc('\n', f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(deck_load_file(path, &d, &err), PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, path, strlen(path)), 0);
	assert_non_null(strstr(err.msg, ": too large (more than 1024 KiB)"));
	assert_null(d.cards);
	unlink(path);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static size_t builtin_count(void)
{
	struct deck d;
	size_t n;

	parse_ok(pact_prompts_txt, strlen(pact_prompts_txt), &d);
	n = d.n;
	deck_free(&d);
	return n;
}

/* Load the default deck and check whether it is the built-in one. */
static int load_default(struct deck *d, struct pact_err *err, int builtin)
{
	int rc = deck_load_default(d, err);

	if (builtin) {
		assert_int_equal(d->n, builtin_count());
		assert_string_equal(d->cards[0].en, "What if the budget were zero?");
	}
	return rc;
}

static void test_load_default(void **state)
{
	char dir[] = "/tmp/pact-deck-XXXXXX", sub[64], path[96], prefix[128];
	char home[64], home_cfg[80], home_sub[96], home_path[128];
	struct pact_err err = { 0 };
	struct deck d;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/pact", dir);
	snprintf(path, sizeof path, "%s/prompts.txt", sub);
	setenv("XDG_CONFIG_HOME", dir, 1);

	/* no user file: the built-in deck, no error */
	assert_int_equal(load_default(&d, &err, 1), PACT_OK);
	deck_free(&d);

	/* the user's own deck */
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(path, "en: Mine\nnl: Van mij\n");
	assert_int_equal(load_default(&d, &err, 0), PACT_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(deck_text(&d, 0, "nl"), "Van mij");
	deck_free(&d);

	/* a broken user deck: the built-in one, with the user file's message */
	write_file(path, "en: Mine\nnl: Van mij\n\nde: Meins\n");
	assert_int_equal(load_default(&d, &err, 1), PACT_EINPUT);
	snprintf(prefix, sizeof prefix, "%s:4: ", path);
	assert_int_equal(strncmp(err.msg, prefix, strlen(prefix)), 0);
	assert_int_equal(err.status, PACT_EINPUT);
	deck_free(&d);

	/* a user "file" that cannot be read counts as broken too */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(load_default(&d, &err, 1), PACT_EINPUT);
	snprintf(prefix, sizeof prefix, "%s: ", path);
	assert_int_equal(strncmp(err.msg, prefix, strlen(prefix)), 0);
	deck_free(&d);
	assert_int_equal(rmdir(path), 0);

	/* without XDG_CONFIG_HOME: ~/.config/pact/prompts.txt */
	snprintf(home, sizeof home, "%s/home", dir);
	snprintf(home_cfg, sizeof home_cfg, "%s/.config", home);
	snprintf(home_sub, sizeof home_sub, "%s/pact", home_cfg);
	snprintf(home_path, sizeof home_path, "%s/prompts.txt", home_sub);
	assert_int_equal(mkdir(home, 0700), 0);
	assert_int_equal(mkdir(home_cfg, 0700), 0);
	assert_int_equal(mkdir(home_sub, 0700), 0);
	write_file(home_path, "en: From home\nnl: Van thuis\n");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);
	assert_int_equal(load_default(&d, &err, 0), PACT_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(deck_text(&d, 0, "en"), "From home");
	deck_free(&d);

	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	assert_int_equal(load_default(&d, &err, 0), PACT_OK);
	assert_string_equal(deck_text(&d, 0, "en"), "From home");
	deck_free(&d);

	assert_int_equal(unlink(home_path), 0);
	assert_int_equal(rmdir(home_sub), 0);
	assert_int_equal(rmdir(home_cfg), 0);
	assert_int_equal(rmdir(home), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* Draw many cards: never the previous one, and every card comes up. */
static void check_draws(const struct deck *d, uint64_t seed, int draws)
{
	size_t previous = (size_t)-1;
	int *seen = calloc(d->n, sizeof *seen);

	assert_non_null(seen);
	for (int i = 0; i < draws; i++) {
		size_t card = deck_draw(d, previous, &seed);
		assert_true(card < d->n);
		assert_true(card != previous);
		seen[card]++;
		previous = card;
	}
	for (size_t i = 0; i < d->n; i++)
		assert_true(seen[i] > 0);
	free(seen);
}

static void test_draw(void **state)
{
	struct deck d, one;
	uint64_t a = 12345, b = 12345, seed = 7;
	int seen[3] = { 0 }, first[3] = { 0 };

	(void)state;
	parse_ok(pact_prompts_txt, strlen(pact_prompts_txt), &d);
	check_draws(&d, 1, 20000);
	check_draws(&d, 0, 20000); /* a zero seed must not get stuck */
	check_draws(&d, UINT64_MAX, 20000);
	deck_free(&d);

	parse_ok(small_deck, strlen(small_deck), &d);
	check_draws(&d, 99, 1000);
	/* with the previous card fixed, both others come up, the previous never */
	for (int i = 0; i < 300; i++)
		seen[deck_draw(&d, 1, &seed)]++;
	assert_int_equal(seen[1], 0);
	assert_true(seen[0] > 50 && seen[2] > 50);
	/* with no previous card, any card can come first */
	for (int i = 0; i < 300; i++)
		first[deck_draw(&d, (size_t)-1, &seed)]++;
	assert_true(first[0] > 50 && first[1] > 50 && first[2] > 50);
	/* deterministic for a given seed */
	for (int i = 0; i < 100; i++)
		assert_int_equal(deck_draw(&d, (size_t)i % 3, &a), deck_draw(&d, (size_t)i % 3, &b));
	deck_free(&d);

	parse_ok("en: Only\nnl: Enige\n", 19, &one);
	assert_int_equal(deck_draw(&one, 0, &seed), 0);
	assert_int_equal(deck_draw(&one, (size_t)-1, &seed), 0);
	deck_free(&one);
	assert_int_equal(deck_draw(&one, (size_t)-1, &seed), (size_t)-1);
}

static void test_text_language(void **state)
{
	struct deck d;

	(void)state;
	parse_ok(small_deck, strlen(small_deck), &d);
	assert_string_equal(deck_text(&d, 1, "nl"), "Twee");
	assert_string_equal(deck_text(&d, 1, "en"), "Two");
	assert_string_equal(deck_text(&d, 1, NULL), "Two");
	assert_string_equal(deck_text(&d, 1, "de"), "Two");
	assert_string_equal(deck_text(&d, 1, "nl_NL"), "Twee");
	assert_string_equal(deck_text(&d, 1, "nlx"), "Two");
	assert_string_equal(deck_text(&d, 3, "nl"), "");
	deck_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_deck),
		cmocka_unit_test(test_parse_cards),
		cmocka_unit_test(test_crlf_bom_and_spaces),
		cmocka_unit_test(test_unknown_field),
		cmocka_unit_test(test_language_twice),
		cmocka_unit_test(test_missing_language),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_text_length),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_no_cards),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_file_size),
		cmocka_unit_test(test_load_default),
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_text_language),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("deck", tests, NULL, NULL);
}
