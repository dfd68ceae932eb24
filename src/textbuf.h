/* An editable UTF-8 text with a cursor: the model behind every text input.
 * Editing works on characters (a code point with its combining marks), never
 * on bytes, so multi-byte text such as "coöperatie" edits correctly. */
#ifndef PACT_TEXTBUF_H
#define PACT_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct textbuf {
	char *s;          /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;       /* cursor, a byte offset on a character boundary */
	size_t max_bytes; /* longest text accepted */
	bool multiline;   /* accepts '\n' */
	int goal_col;     /* column kept while moving up and down, -1 if none */
};

void textbuf_init(struct textbuf *tb, size_t max_bytes, bool multiline);
void textbuf_free(struct textbuf *tb);

/* Replace the whole text (cursor to the end); false if it is too long or
 * not valid UTF-8. */
bool textbuf_set(struct textbuf *tb, const char *text);
void textbuf_clear(struct textbuf *tb);

/* Insert a character at the cursor. Control characters are refused (a
 * newline only in a multi-line buffer). False when refused or full. */
bool textbuf_insert(struct textbuf *tb, uint32_t cp);

void textbuf_backspace(struct textbuf *tb);
void textbuf_delete(struct textbuf *tb);
void textbuf_left(struct textbuf *tb);
void textbuf_right(struct textbuf *tb);
void textbuf_home(struct textbuf *tb);     /* start of the current line */
void textbuf_end(struct textbuf *tb);      /* end of the current line */
void textbuf_kill_back(struct textbuf *tb);  /* Ctrl-U: line start to cursor */
void textbuf_kill_fwd(struct textbuf *tb);   /* Ctrl-K: cursor to line end */
void textbuf_kill_word(struct textbuf *tb);  /* Ctrl-W: word before cursor */

/* Move to the row above or below in the text wrapped at width columns,
 * keeping the column. False when there is no such row. */
bool textbuf_up(struct textbuf *tb, int width);
bool textbuf_down(struct textbuf *tb, int width);

/* Where the cursor is in the text wrapped at width: row and column. */
void textbuf_cursor_pos(const struct textbuf *tb, int width, size_t *row, int *col);

#endif
