/* Text input widget. */
#include "widgets/input.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

enum {
	IA_LEFT = 1, IA_RIGHT, IA_HOME, IA_END, IA_BACKSPACE, IA_DELETE, IA_KILL_BACK,
	IA_KILL_FWD, IA_KILL_WORD, IA_UP, IA_DOWN, IA_ENTER, IA_DONE, IA_CANCEL,
};

const struct key_binding input_keys[] = {
	{ K_FN(KEY_LEFT), IA_LEFT, NULL, N_("Move the cursor left") },
	{ K_FN(KEY_RIGHT), IA_RIGHT, NULL, N_("Move the cursor right") },
	{ K_FN(KEY_HOME), IA_HOME, NULL, N_("Start of the line") },
	{ K_CTRL('a'), IA_HOME, NULL, NULL },
	{ K_FN(KEY_END), IA_END, NULL, N_("End of the line") },
	{ K_CTRL('e'), IA_END, NULL, NULL },
	{ K_FN(KEY_BACKSPACE), IA_BACKSPACE, NULL, N_("Delete the character before the cursor") },
	{ K_FN(KEY_DC), IA_DELETE, NULL, N_("Delete the character under the cursor") },
	{ K_CTRL('u'), IA_KILL_BACK, NULL, N_("Delete to the start of the line") },
	{ K_CTRL('k'), IA_KILL_FWD, NULL, N_("Delete to the end of the line") },
	{ K_CTRL('w'), IA_KILL_WORD, NULL, N_("Delete the word before the cursor") },
	{ K_FN(KEY_UP), IA_UP, NULL, N_("Row up (multi-line text)") },
	{ K_FN(KEY_DOWN), IA_DOWN, NULL, N_("Row down (multi-line text)") },
	{ K_ENTER, IA_ENTER, N_("Save"), N_("Save (in multi-line text: new line)") },
	{ K_CTRL('d'), IA_DONE, NULL, N_("Save multi-line text") },
	{ K_FN(KEY_F(2)), IA_DONE, NULL, NULL },
	{ K_ESC, IA_CANCEL, N_("Cancel"), N_("Cancel the editing") },
	{ 0, 0, NULL, NULL },
};

void input_init(struct input *in, size_t max_bytes, bool multiline)
{
	memset(in, 0, sizeof *in);
	textbuf_init(&in->tb, max_bytes, multiline);
	in->width = 40;
}

void input_free(struct input *in)
{
	textbuf_free(&in->tb);
}

static enum input_outcome edit(struct input *in, int action)
{
	struct textbuf *tb = &in->tb;

	switch (action) {
	case IA_LEFT: textbuf_left(tb); break;
	case IA_RIGHT: textbuf_right(tb); break;
	case IA_HOME: textbuf_home(tb); break;
	case IA_END: textbuf_end(tb); break;
	case IA_BACKSPACE: textbuf_backspace(tb); break;
	case IA_DELETE: textbuf_delete(tb); break;
	case IA_KILL_BACK: textbuf_kill_back(tb); break;
	case IA_KILL_FWD: textbuf_kill_fwd(tb); break;
	case IA_KILL_WORD: textbuf_kill_word(tb); break;
	case IA_UP:
		if (!tb->multiline)
			return INPUT_NOT_MINE;
		textbuf_up(tb, in->width);
		break;
	case IA_DOWN:
		if (!tb->multiline)
			return INPUT_NOT_MINE;
		textbuf_down(tb, in->width);
		break;
	case IA_ENTER:
		if (!tb->multiline)
			return INPUT_ACCEPT;
		textbuf_insert(tb, '\n');
		break;
	case IA_DONE: return tb->multiline ? INPUT_ACCEPT : INPUT_NOT_MINE;
	case IA_CANCEL: return INPUT_CANCEL;
	default: return INPUT_NOT_MINE;
	}
	return INPUT_EDITED;
}

void input_select_all(struct input *in)
{
	in->selected = in->tb.len > 0;
	textbuf_end(&in->tb);
}

enum input_outcome input_key(struct input *in, int key)
{
	enum input_outcome out;

	for (const struct key_binding *b = input_keys; b->key; b++)
		if (b->key == key) {
			/* A key that moves or deletes edits the selected text. */
			if ((out = edit(in, b->action)) == INPUT_EDITED)
				in->selected = false;
			return out;
		}
	if (key >= 0x20 && key < 0x110000 && key != 0x7f) {
		if (in->selected)
			textbuf_clear(&in->tb);
		in->selected = false;
		textbuf_insert(&in->tb, (uint32_t)key);
		return INPUT_EDITED;
	}
	return INPUT_NOT_MINE;
}

/* Draw bytes [start, end) of the text from display column skip on, in
 * width columns at (y, x); returns the column of byte offset cur relative
 * to x, or -1 if cur is not in the range. */
static int draw_span(struct app *app, struct input *in, size_t start, size_t end, int skip,
		     int y, int x, int width, enum role role)
{
	const char *s = in->tb.s ? in->tb.s : "";
	int col = 0, cursor = -1;
	size_t i = start;

	while (i <= end) {
		char vis[UTF8_CLUSTER_MAX];
		int w;
		size_t next;
		if (i == in->tb.cur)
			cursor = col - skip;
		if (i == end)
			break;
		/* a character as the terminal draws it: an emoji family is one */
		next = utf8_cluster(s, end, i, vis, sizeof vis, &w);
		if (in->tb.cur > i && in->tb.cur < next)
			cursor = col + w - skip; /* typed into a cluster: after it */
		if (col >= skip && col - skip + w <= width)
			draw_text(app, y, x + col - skip, w, vis, role);
		col += w;
		i = next;
	}
	return cursor;
}

/* A PIN shows as one '*' a character, never the characters. */
static void draw_masked(struct app *app, struct input *in, const struct rect *r, enum role role)
{
	char stars[256];
	int n = 0, cursor = 0;

	for (size_t i = 0; in->tb.s && i < in->tb.len && n < (int)sizeof stars - 1; i++) {
		if (((unsigned char)in->tb.s[i] & 0xC0) == 0x80)
			continue; /* a UTF-8 continuation byte */
		if (i < in->tb.cur)
			cursor++;
		stars[n++] = '*';
	}
	stars[n] = '\0';
	draw_text(app, r->y, r->x, r->w, stars, role);
	app->cursor_on = true;
	app->cursor_y = r->y;
	app->cursor_x = r->x + (cursor < r->w ? cursor : r->w - 1);
}

static void draw_single(struct app *app, struct input *in, const struct rect *r, enum role role)
{
	char head[4096];
	size_t n = in->tb.cur < sizeof head - 1 ? in->tb.cur : sizeof head - 1;
	int col, cursor;

	memcpy(head, in->tb.s ? in->tb.s : "", n);
	head[n] = '\0';
	col = utf8_width(head);
	if (col < in->scroll)
		in->scroll = col;
	if (col >= in->scroll + r->w)
		in->scroll = col - r->w + 1;
	/* Selected text is marked the way a search match is. */
	cursor = draw_span(app, in, 0, in->tb.len, in->scroll, r->y, r->x, r->w,
			   in->selected ? ROLE_MATCH : role);
	if (cursor >= 0) {
		app->cursor_on = true;
		app->cursor_y = r->y;
		app->cursor_x = r->x + cursor;
	}
}

static void draw_multi(struct app *app, struct input *in, const struct rect *r, enum role role)
{
	const char *s = in->tb.s ? in->tb.s : "";
	size_t count = wrap_text(s, r->w, NULL, 0), row;
	struct wrap_row *rows = calloc(count, sizeof *rows);
	int col;

	if (!rows)
		return;
	wrap_text(s, r->w, rows, count);
	textbuf_cursor_pos(&in->tb, r->w, &row, &col);
	if ((int)row < in->scroll)
		in->scroll = (int)row;
	if ((int)row >= in->scroll + r->h)
		in->scroll = (int)row - r->h + 1;
	for (int i = 0; i < r->h && (size_t)(in->scroll + i) < count; i++) {
		const struct wrap_row *wr = &rows[in->scroll + i];
		draw_span(app, in, wr->start, wr->end, 0, r->y + i, r->x, r->w, role);
	}
	app->cursor_on = true;
	app->cursor_y = r->y + (int)row - in->scroll;
	app->cursor_x = r->x + (col < r->w ? col : r->w - 1);
	free(rows);
}

void input_draw(struct app *app, struct input *in, const struct rect *r, enum role role)
{
	in->width = r->w > 0 ? r->w : 1;
	for (int i = 0; i < r->h; i++)
		draw_fill(app, r->y + i, r->x, r->w, role);
	if (in->masked)
		draw_masked(app, in, r, role);
	else if (in->tb.multiline)
		draw_multi(app, in, r, role);
	else
		draw_single(app, in, r, role);
}
