/* Ballot editor. */
#include "panels/vote/ballot_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

enum { BK_UP = 1, BK_DOWN, BK_PGUP, BK_PGDN, BK_HOME, BK_END, BK_MORE, BK_LESS, BK_TOGGLE, BK_BACK, BK_CLEAR };

const struct key_binding ballot_keys[] = {
	{ K_FN(KEY_UP), BK_UP, NULL, N_("Previous option") },
	{ K_FN(KEY_DOWN), BK_DOWN, NULL, N_("Next option") },
	{ K_FN(KEY_PPAGE), BK_PGUP, NULL, NULL },
	{ K_FN(KEY_NPAGE), BK_PGDN, NULL, NULL },
	{ K_FN(KEY_HOME), BK_HOME, NULL, N_("Home and End: the first and the last option") },
	{ K_FN(KEY_END), BK_END, NULL, NULL },
	{ '+', BK_MORE, NULL, N_("One more (dot, score)") },
	{ K_FN(KEY_RIGHT), BK_MORE, NULL, NULL },
	{ '-', BK_LESS, NULL, N_("One less") },
	{ K_FN(KEY_LEFT), BK_LESS, NULL, NULL },
	{ ' ', BK_TOGGLE, NULL, N_("Mark or unmark (approval; the next rank when ranking)") },
	{ K_FN(KEY_BACKSPACE), BK_BACK, NULL, N_("Take the last digit away") },
	{ K_FN(KEY_DC), BK_CLEAR, NULL, N_("Take the mark away") },
	{ 0, 0, NULL, NULL },
};

void ballot_init(struct ballot_edit *b, enum tally_method method, int64_t dots, int64_t lo,
		 int64_t hi, char **names, size_t n)
{
	memset(b, 0, sizeof *b);
	b->method = method;
	b->mark = tally_method(method)->mark;
	b->dots = dots ? dots : 5;
	b->lo = lo;
	b->hi = lo == 0 && hi == 0 ? 5 : hi;
	b->names = names;
	b->n = n;
	b->values = calloc(n ? n : 1, sizeof *b->values);
	b->set = calloc(n ? n : 1, sizeof *b->set);
	b->rows = 1;
	b->fresh = true;
}

void ballot_free(struct ballot_edit *b)
{
	free(b->values);
	free(b->set);
	b->values = NULL;
	b->set = NULL;
}

void ballot_clear(struct ballot_edit *b)
{
	memset(b->values, 0, (b->n ? b->n : 1) * sizeof *b->values);
	memset(b->set, 0, (b->n ? b->n : 1) * sizeof *b->set);
	b->sel = b->top = 0;
	b->fresh = true;
}

bool ballot_has_marks(const struct ballot_edit *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->set[i])
			return true;
	return false;
}

static bool ranked(const struct ballot_edit *b)
{
	return b->mark == TALLY_MARK_RANK;
}

static bool ticks(const struct ballot_edit *b)
{
	return b->mark == TALLY_MARK_TICK;
}

/* Ranking: Space gives the next free rank, or takes the rank away (and the
 * ranks behind it move up). */
static void toggle_rank(struct ballot_edit *b)
{
	int64_t r = b->values[b->sel], next = 1;

	if (r) {
		for (size_t i = 0; i < b->n; i++)
			if (b->values[i] > r)
				b->values[i]--;
		b->values[b->sel] = 0;
		b->set[b->sel] = false;
		return;
	}
	for (size_t i = 0; i < b->n; i++)
		if (b->values[i] >= next)
			next = b->values[i] + 1;
	b->values[b->sel] = next;
}

/* Digits build the number: the first on an option just reached starts
 * it (a count typed again replaces the old one), one that would pass the
 * largest value starts a new number. */
static void set_digit(struct ballot_edit *b, int digit)
{
	int64_t max = b->counts		? 999999
		      : ranked(b)		? (int64_t)b->n
		      : b->mark == TALLY_MARK_SCORE ? b->hi
		      : ticks(b)		? 1
						: b->dots;
	int64_t v = b->set[b->sel] && !b->fresh ? b->values[b->sel] * 10 + digit : digit;

	if (v > max)
		v = digit > max ? max : digit;
	b->values[b->sel] = v;
	b->set[b->sel] = v != 0 || b->mark == TALLY_MARK_SCORE;
}

bool ballot_key(struct ballot_edit *b, int key)
{
	const struct key_binding *k = ballot_keys;
	size_t page = b->rows > 1 ? (size_t)b->rows - 1 : 1, was = b->sel;

	if (key >= '0' && key <= '9' && b->n) {
		set_digit(b, key - '0');
		b->fresh = false;
		return true;
	}
	while (k->key && k->key != key)
		k++;
	if (!k->key || !b->n)
		return false;
	switch (k->action) {
	case BK_UP: b->sel = b->sel ? b->sel - 1 : 0; break;
	case BK_DOWN: b->sel = b->sel + 1 < b->n ? b->sel + 1 : b->sel; break;
	case BK_PGUP: b->sel = b->sel > page ? b->sel - page : 0; break;
	case BK_PGDN: b->sel = b->sel + page < b->n ? b->sel + page : b->n - 1; break;
	case BK_HOME: b->sel = 0; break;
	case BK_END: b->sel = b->n - 1; break;
	case BK_MORE: b->values[b->sel] += ticks(b) && !b->counts ? !b->values[b->sel] : 1; break;
	case BK_LESS: b->values[b->sel] -= b->values[b->sel] > 0; break;
	case BK_TOGGLE:
		if (ranked(b))
			toggle_rank(b);
		else
			/* a count from paper: one more, as with + */
			b->values[b->sel] = ticks(b) && !b->counts ? !b->values[b->sel]
								   : b->values[b->sel] + 1;
		break;
	case BK_BACK: b->values[b->sel] /= 10; break;
	case BK_CLEAR: b->values[b->sel] = 0; b->set[b->sel] = false; break;
	}
	if (k->action >= BK_MORE && k->action <= BK_BACK)
		b->set[b->sel] = b->values[b->sel] != 0 ||
				 (b->mark == TALLY_MARK_SCORE && b->set[b->sel] && k->action != BK_TOGGLE);
	if (k->action == BK_TOGGLE && b->mark == TALLY_MARK_SCORE)
		b->set[b->sel] = true;
	b->fresh = b->sel != was;
	return true;
}

static void summary(const struct ballot_edit *b, char *out, size_t outsz)
{
	int64_t sum = 0, marked = 0, most;

	/* Saturating: the count itself refuses what cannot be counted exactly. */
	for (size_t i = 0; i < b->n; i++) {
		if (__builtin_add_overflow(sum, b->values[i], &sum))
			sum = INT64_MAX;
		marked += b->set[i];
	}
	if (__builtin_mul_overflow(b->voters, b->dots, &most))
		most = INT64_MAX;
	if (b->counts && b->mark == TALLY_MARK_DOTS)
		snprintf(out, outsz,
			 _("Dots counted: %lld of at most %lld (voters × dots each: %lld × %lld)"),
			 (long long)sum, (long long)most, (long long)b->voters, (long long)b->dots);
	else if (b->counts)
		snprintf(out, outsz, _("Approvals counted: %lld; voters: %lld"), (long long)sum,
			 (long long)b->voters);
	else if (b->mark == TALLY_MARK_DOTS)
		snprintf(out, outsz, _("Dots left: %lld of %lld"), (long long)(b->dots - sum),
			 (long long)b->dots);
	else if (ranked(b))
		snprintf(out, outsz, _("%lld ranked — Space gives the next rank"), (long long)marked);
	else if (b->mark == TALLY_MARK_SCORE)
		snprintf(out, outsz, _("Scores from %lld to %lld; %lld scored"), (long long)b->lo,
			 (long long)b->hi, (long long)marked);
	else
		snprintf(out, outsz, _("%lld marked — Space marks or unmarks"), (long long)marked);
}

/* The value column of option o: its dots, score or rank, a tick, or ".". */
static void value_text(const struct ballot_edit *b, size_t o, char *out, size_t outsz)
{
	if (!b->set[o])
		snprintf(out, outsz, "    .");
	else if (ticks(b) && !b->counts)
		snprintf(out, outsz, "    %s", utf8_display_unicode() ? "\u2713" : "x");
	else
		snprintf(out, outsz, "%5lld", (long long)b->values[o]);
}

/* The options, one a row; the marked one over as many rows as its whole
 * text needs (up to half the list), so a voter can read a long option. */
void ballot_draw(struct app *app, struct ballot_edit *b, const struct rect *r)
{
	char value[32], line[128];
	int namew = r->w - 8, selh = 1, y = r->y;

	b->rows = r->h - 1 > 1 ? r->h - 1 : 1;
	if (b->n) {
		int most = b->rows / 2 > 1 ? b->rows / 2 : 1;
		selh = namew > 0 ? (int)wrap_text(b->names[b->sel], namew, NULL, 0) : 1;
		selh = selh < most ? selh : most;
	}
	if (b->sel < b->top)
		b->top = b->sel;
	while ((int)(b->sel - b->top) + selh > b->rows)
		b->top++;
	for (size_t o = b->top; o < b->n && y < r->y + b->rows; o++) {
		enum role role = o == b->sel ? ROLE_SELECTED : ROLE_NORMAL;
		int h = o == b->sel ? selh : 1;
		h = h < r->y + b->rows - y ? h : r->y + b->rows - y;
		value_text(b, o, value, sizeof value);
		for (int k = 0; k < h; k++)
			draw_fill(app, y + k, r->x, r->w, role);
		draw_text(app, y, r->x + 1, 5, value, role);
		if (h > 1)
			draw_wrapped_cut(app, &(struct rect){ y, r->x + 7, h, namew }, b->names[o], role);
		else
			draw_text_cut(app, y, r->x + 7, namew, b->names[o], role);
		y += h;
	}
	summary(b, line, sizeof line);
	draw_text_cut(app, r->y + r->h - 1, r->x + 1, r->w - 2, line, ROLE_TITLE);
}

size_t ballot_marks(const struct ballot_edit *b, uint32_t *options, int64_t *values)
{
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->set[i]) {
			options[n] = (uint32_t)i;
			values[n++] = b->values[i];
		}
	return n;
}
