/* Editable UTF-8 buffer. */
#include "textbuf.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "utf8.h"
#include "wrap.h"

void textbuf_init(struct textbuf *tb, size_t max_bytes, bool multiline)
{
	memset(tb, 0, sizeof *tb);
	tb->max_bytes = max_bytes;
	tb->multiline = multiline;
	tb->goal_col = -1;
}

void textbuf_free(struct textbuf *tb)
{
	free(tb->s);
	tb->s = NULL;
	tb->len = tb->cap = tb->cur = 0;
}

static bool reserve(struct textbuf *tb, size_t need)
{
	char *p = array_room(tb->s, need, &tb->cap, 1); /* need bytes and a NUL */

	if (!p)
		return false;
	if (!tb->s)
		p[0] = '\0';
	tb->s = p;
	return true;
}

static void remove_range(struct textbuf *tb, size_t from, size_t to)
{
	memmove(tb->s + from, tb->s + to, tb->len - to + 1);
	tb->len -= to - from;
	tb->cur = from;
	tb->goal_col = -1;
}

bool textbuf_set(struct textbuf *tb, const char *text)
{
	size_t n = strlen(text);

	if (n > tb->max_bytes || !utf8_valid(text, n, NULL) || !reserve(tb, n))
		return false;
	memcpy(tb->s, text, n + 1);
	tb->len = tb->cur = n;
	tb->goal_col = -1;
	return true;
}

void textbuf_clear(struct textbuf *tb)
{
	if (tb->s)
		tb->s[0] = '\0';
	tb->len = tb->cur = 0;
	tb->goal_col = -1;
}

bool textbuf_insert(struct textbuf *tb, uint32_t cp)
{
	char enc[4];
	size_t n;

	if ((cp < 0x20 && !(cp == '\n' && tb->multiline)) || cp == 0x7F ||
	    (cp >= 0x80 && cp <= 0x9F))
		return false;
	n = utf8_encode(cp, enc);
	if (n == 0 || tb->len + n > tb->max_bytes || !reserve(tb, tb->len + n))
		return false;
	memmove(tb->s + tb->cur + n, tb->s + tb->cur, tb->len - tb->cur + 1);
	memcpy(tb->s + tb->cur, enc, n);
	tb->len += n;
	tb->cur += n;
	tb->goal_col = -1;
	return true;
}

void textbuf_backspace(struct textbuf *tb)
{
	if (tb->cur > 0)
		remove_range(tb, utf8_prev(tb->s, tb->cur), tb->cur);
}

void textbuf_delete(struct textbuf *tb)
{
	if (tb->cur < tb->len)
		remove_range(tb, tb->cur, utf8_next(tb->s, tb->len, tb->cur));
}

void textbuf_left(struct textbuf *tb)
{
	if (tb->cur > 0)
		tb->cur = utf8_prev(tb->s, tb->cur);
	tb->goal_col = -1;
}

void textbuf_right(struct textbuf *tb)
{
	if (tb->cur < tb->len)
		tb->cur = utf8_next(tb->s, tb->len, tb->cur);
	tb->goal_col = -1;
}

static size_t line_start(const struct textbuf *tb)
{
	size_t i = tb->cur;

	while (i > 0 && tb->s[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct textbuf *tb)
{
	size_t i = tb->cur;

	while (i < tb->len && tb->s[i] != '\n')
		i++;
	return i;
}

void textbuf_home(struct textbuf *tb)
{
	tb->cur = line_start(tb);
	tb->goal_col = -1;
}

void textbuf_end(struct textbuf *tb)
{
	tb->cur = line_end(tb);
	tb->goal_col = -1;
}

void textbuf_kill_back(struct textbuf *tb)
{
	remove_range(tb, line_start(tb), tb->cur);
}

void textbuf_kill_fwd(struct textbuf *tb)
{
	size_t end = line_end(tb);

	remove_range(tb, tb->cur, end);
}

void textbuf_kill_word(struct textbuf *tb)
{
	size_t i = tb->cur;

	while (i > 0 && tb->s[i - 1] == ' ')
		i--;
	while (i > 0 && tb->s[i - 1] != ' ' && tb->s[i - 1] != '\n')
		i = utf8_prev(tb->s, i);
	remove_range(tb, i, tb->cur);
}

/* Column of byte offset pos within a wrapped row starting at start. */
static int col_of(const char *s, size_t start, size_t pos)
{
	char tmp[4096];
	size_t n = pos - start < sizeof tmp - 1 ? pos - start : sizeof tmp - 1;

	memcpy(tmp, s + start, n);
	tmp[n] = '\0';
	return utf8_width(tmp);
}

/* The wrapped rows of the text; the caller frees them. */
static struct wrap_row *layout(const struct textbuf *tb, int width, size_t *count)
{
	const char *s = tb->s ? tb->s : "";
	size_t n = wrap_text(s, width, NULL, 0);
	struct wrap_row *rows = calloc(n, sizeof *rows);

	if (rows)
		wrap_text(s, width, rows, n);
	*count = rows ? n : 0;
	return rows;
}

/* The row holding the cursor: the last row that starts at or before it. */
static size_t cursor_row(const struct wrap_row *rows, size_t count, size_t cur)
{
	size_t r = 0;

	while (r + 1 < count && rows[r + 1].start <= cur)
		r++;
	return r;
}

void textbuf_cursor_pos(const struct textbuf *tb, int width, size_t *row, int *col)
{
	size_t count;
	struct wrap_row *rows = layout(tb, width, &count);

	*row = 0;
	*col = 0;
	if (!rows)
		return;
	*row = cursor_row(rows, count, tb->cur);
	*col = col_of(tb->s ? tb->s : "", rows[*row].start, tb->cur);
	free(rows);
}

/* Byte offset in row r closest to column goal. */
static size_t offset_at_col(const struct textbuf *tb, const struct wrap_row *r, int goal)
{
	size_t i = r->start;
	int cols = 0;

	while (i < r->end) {
		size_t next = utf8_next(tb->s, r->end, i);
		int w = col_of(tb->s, i, next);
		if (cols + w > goal)
			break;
		cols += w;
		i = next;
	}
	return i;
}

static bool move_rows(struct textbuf *tb, int width, int delta)
{
	size_t count, r;
	int col, goal;
	struct wrap_row *rows = layout(tb, width, &count);
	bool moved = false;

	if (!rows)
		return false;
	r = cursor_row(rows, count, tb->cur);
	col = col_of(tb->s ? tb->s : "", rows[r].start, tb->cur);
	goal = tb->goal_col >= 0 ? tb->goal_col : col;
	if ((delta < 0 && r > 0) || (delta > 0 && r + 1 < count)) {
		tb->cur = offset_at_col(tb, &rows[delta < 0 ? r - 1 : r + 1], goal);
		tb->goal_col = goal;
		moved = true;
	}
	free(rows);
	return moved;
}

bool textbuf_up(struct textbuf *tb, int width)
{
	return move_rows(tb, width, -1);
}

bool textbuf_down(struct textbuf *tb, int width)
{
	return move_rows(tb, width, 1);
}
