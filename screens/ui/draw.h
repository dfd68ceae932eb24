/* Drawing helpers: text measured in display columns, with control
 * characters made visible, never sent raw to the terminal. */
#ifndef PACT_DRAW_H
#define PACT_DRAW_H

#include <curses.h>

#include "ui/app.h"

/* Draw text at (y, x) in at most max_cols columns; returns the columns
 * used. Text that does not fit is cut (with "…" when ellipsis is set). */
int draw_text(struct app *app, int y, int x, int max_cols, const char *text, enum role role);
int draw_text_cut(struct app *app, int y, int x, int max_cols, const char *text, enum role role);

/* Fill n columns with spaces in a role's colours. */
void draw_fill(struct app *app, int y, int x, int n, enum role role);

/* Fill a rectangle, draw a frame around it and a title on the frame. */
void draw_frame(struct app *app, const struct rect *r, const char *title, enum role role);

/* Word-wrapped text in a rectangle, starting skip rows down the text;
 * returns the rows the whole text needs. */
int draw_wrapped(struct app *app, const struct rect *r, const char *text, int skip,
		 enum role role);

/* The same, where a line that is a list item ("- ", "1. ") goes on under
 * its text, not under its mark. */
int draw_wrapped_items(struct app *app, const struct rect *r, const char *text, int skip,
		       enum role role);

/* Blank the rows of area that an overlay's box takes, from edge to edge:
 * nothing of the screen below (a list's "3/12") shows beside the box. */
void draw_band(struct app *app, const struct rect *area, const struct rect *box);

/* Word-wrapped text in a rectangle; when it needs more rows than there
 * are, the last row ends in "…". Returns the rows drawn. */
int draw_wrapped_cut(struct app *app, const struct rect *r, const char *text, enum role role);

/* The text of screen row y as UTF-8, trailing blanks removed (for the
 * headless dump and the tests). Returns out. */
char *draw_read_line(int y, char *out, size_t outsz);

/* A rectangle of w×h centred in area, clipped to it. */
struct rect rect_centre(const struct rect *area, int w, int h);

#endif
