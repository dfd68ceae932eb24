/* The deck of stretch prompts: a text file of cards, one "en:" and one
 * "nl:" line each, blank lines between cards, # for notes. */
#include "brainstorm_deck.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "datafile.h"
#include "i18n.h"
#include "path.h"
#include "text.h"
#include "utf8.h"

/* A deck file bigger than this is not a deck of prompts. */
#define DECK_FILE_MAX (1024 * 1024)

enum { LANG_EN, LANG_NL, LANG_COUNT };

static const char *const lang_field[LANG_COUNT] = { "en", "nl" };

struct parser {
	const char *name;
	struct pact_err *err;
	struct deck deck;
	size_t cap;
	size_t line;           /* number of the line being read, from 1 */
	size_t card_line;      /* line where the open card starts; 0 when none */
	char *text[LANG_COUNT]; /* the open card's texts so far */
};

__attribute__((format(printf, 3, 4)))
static int fail(struct parser *p, size_t line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(p->err, PACT_EINPUT, "%s:%zu: %s", p->name, line, msg);
}

static int check_text(struct parser *p, int lang, const char *s, size_t n)
{
	size_t i = 0, chars = 0;
	uint32_t cp;

	if (n == 0)
		return fail(p, p->line, _("\"%s:\" has no text after the colon"), lang_field[lang]);
	while (i < n) {
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		if (utf8_is_control(cp))
			return fail(p, p->line, _("the text contains a control character (U+%04X); "
						  "remove it"), (unsigned)cp);
		chars++;
	}
	if (chars > DECK_TEXT_MAX)
		return fail(p, p->line, _("the text is %zu characters long; a card holds at most %d"),
			    chars, DECK_TEXT_MAX);
	return PACT_OK;
}

static int add_text(struct parser *p, int lang, const char *s, size_t n)
{
	if (p->text[lang])
		return fail(p, p->line, _("a second \"%s:\" line in the card that starts at line %zu; "
					  "put a blank line between cards"),
			    lang_field[lang], p->card_line);
	if (check_text(p, lang, s, n) != PACT_OK)
		return PACT_EINPUT;
	p->text[lang] = malloc(n + 1);
	if (!p->text[lang])
		return err_nomem(p->err);
	memcpy(p->text[lang], s, n);
	p->text[lang][n] = '\0';
	if (p->card_line == 0)
		p->card_line = p->line;
	return PACT_OK;
}

/* Finish the open card, if any, and add it to the deck. */
static int close_card(struct parser *p)
{
	struct deck_card *cards;

	if (p->card_line == 0)
		return PACT_OK;
	for (int lang = 0; lang < LANG_COUNT; lang++)
		if (!p->text[lang])
			return fail(p, p->card_line, _("the card has no \"%s:\" line"), lang_field[lang]);
	if (!(cards = array_room(p->deck.cards, p->deck.n, &p->cap, sizeof *cards)))
		return err_nomem(p->err);
	p->deck.cards = cards;
	p->deck.cards[p->deck.n++] = (struct deck_card){ p->text[LANG_EN], p->text[LANG_NL] };
	p->text[LANG_EN] = p->text[LANG_NL] = NULL;
	p->card_line = 0;
	return PACT_OK;
}

static int parse_line(struct parser *p, const char *s, size_t n)
{
	const char *colon, *field, *text;
	size_t bad, field_n, text_n;
	char quoted[128];

	if (!utf8_valid(s, n, &bad))
		return fail(p, p->line, _("not valid UTF-8 (at byte %zu of the line); save the file "
					  "as UTF-8"), bad + 1);
	text_trim(&s, &n);
	if (n == 0)
		return close_card(p);
	if (s[0] == '#')
		return PACT_OK;
	colon = memchr(s, ':', n);
	if (!colon)
		return fail(p, p->line, _("a line must start with \"en:\" or \"nl:\" (or # for a note)"));
	field = s, field_n = (size_t)(colon - s);
	text = colon + 1, text_n = n - field_n - 1;
	text_trim(&field, &field_n);
	text_trim(&text, &text_n);
	for (int lang = 0; lang < LANG_COUNT; lang++)
		if (field_n == 2 && memcmp(field, lang_field[lang], 2) == 0)
			return add_text(p, lang, text, text_n);
	utf8_quote(field, field_n, 20, quoted, sizeof quoted);
	return fail(p, p->line, _("unknown field \"%s:\"; only \"en:\" and \"nl:\" are allowed "
				  "(or # for a note)"), quoted);
}

static int parse_lines(struct parser *p, const char *text, size_t len)
{
	size_t pos = 0;
	int rc;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		pos += n + (nl ? 1 : 0);
		p->line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if ((rc = parse_line(p, s, n)) != PACT_OK)
			return rc;
	}
	if ((rc = close_card(p)) != PACT_OK)
		return rc;
	if (p->deck.n == 0)
		return fail(p, p->line ? p->line : 1,
			    _("the deck has no cards; a card is an \"en:\" line and an \"nl:\" line"));
	return PACT_OK;
}

int deck_parse(const char *text, size_t len, const char *name, struct deck *out,
	       struct pact_err *err)
{
	struct parser p = { .name = name, .err = err };
	int rc;

	out->cards = NULL;
	out->n = 0;
	if ((rc = parse_lines(&p, text, len)) != PACT_OK) {
		free(p.text[LANG_EN]);
		free(p.text[LANG_NL]);
		deck_free(&p.deck);
		return rc;
	}
	*out = p.deck;
	return PACT_OK;
}

int deck_load_file(const char *path, struct deck *out, struct pact_err *err)
{
	struct pact_err why;
	char *text = NULL;
	size_t len = 0;
	int rc;

	out->cards = NULL;
	out->n = 0;
	if (datafile_read(path, DECK_FILE_MAX, &text, &len, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, "%s: %s", path, why.msg);
	rc = deck_parse(text, len, path, out, err);
	free(text);
	return rc;
}

static int load_builtin(struct deck *out, struct pact_err *err)
{
	return deck_parse(pact_prompts_txt, strlen(pact_prompts_txt), _("built-in prompts.txt"),
			  out, err);
}

int deck_load_default(struct deck *out, struct pact_err *err)
{
	char path[PATH_MAX];
	struct pact_err user_err;
	struct stat st;

	if (!path_user_file("prompts.txt", path, sizeof path) ||
	    (stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)))
		return load_builtin(out, err);
	if (deck_load_file(path, out, &user_err) == PACT_OK)
		return PACT_OK;
	if (load_builtin(out, err) != PACT_OK)
		return PACT_EINPUT;
	return err_set(err, PACT_EINPUT, "%s", user_err.msg);
}

void deck_free(struct deck *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->cards[i].en);
		free(d->cards[i].nl);
	}
	free(d->cards);
	d->cards = NULL;
	d->n = 0;
}

const char *deck_text(const struct deck *d, size_t i, const char *lang)
{
	bool nl = lang && strncmp(lang, "nl", 2) == 0 &&
		  (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.');

	if (!d || i >= d->n)
		return "";
	return nl ? d->cards[i].nl : d->cards[i].en;
}

/* xorshift64*: small, fast, and good enough to shuffle prompts. */
static uint64_t next_random(uint64_t *seed)
{
	uint64_t x = *seed ? *seed : 0x9E3779B97F4A7C15u;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*seed = x;
	return x * 0x2545F4914F6CDD1Du;
}

/* Uniform in [0, bound), rejecting the few values that would bias it. */
static uint64_t random_below(uint64_t *seed, uint64_t bound)
{
	uint64_t threshold = -bound % bound;

	for (;;) {
		uint64_t r = next_random(seed);
		if (r >= threshold)
			return r % bound;
	}
}

size_t deck_draw(const struct deck *d, size_t previous, uint64_t *seed)
{
	size_t r;

	if (!d || d->n == 0)
		return (size_t)-1;
	if (d->n == 1)
		return 0;
	if (previous >= d->n)
		return (size_t)random_below(seed, d->n);
	r = (size_t)random_below(seed, d->n - 1);
	return r >= previous ? r + 1 : r;
}
