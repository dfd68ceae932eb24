/* The text input widget: single or multi-line UTF-8 editing on a textbuf.
 * Keys: characters insert; Left/Right move by character; Home/End (Ctrl-A,
 * Ctrl-E) go to the line's ends; Backspace/Delete; Ctrl-U, Ctrl-K and
 * Ctrl-W delete to the line start, to the line end, and the word before
 * the cursor. Single line: Enter accepts. Multi-line: Enter starts a new
 * line, Up/Down move between rows, Ctrl-D or F2 accepts. Esc cancels.
 * A default can be shown selected: the first character typed replaces
 * it, while moving the cursor or Backspace first edits it. */
#ifndef PACT_INPUT_H
#define PACT_INPUT_H

#include "ui/app.h"
#include "textbuf.h"

struct input {
	struct textbuf tb;
	int scroll; /* first column (single line) or row (multi-line) shown */
	int width;  /* columns of the last draw, for Up/Down */
	bool masked; /* a PIN: each character drawn as '*' */
	bool selected; /* the whole text is selected: typing replaces it */
};

enum input_outcome {
	INPUT_NOT_MINE, /* not an editing key */
	INPUT_EDITED,   /* the text or the cursor changed (or a key was refused) */
	INPUT_ACCEPT,   /* Enter (single line) or Ctrl-D / F2 (multi-line) */
	INPUT_CANCEL,   /* Esc */
};

extern const struct key_binding input_keys[];

void input_init(struct input *in, size_t max_bytes, bool multiline);
void input_free(struct input *in);

enum input_outcome input_key(struct input *in, int key);

/* Select the whole text (if any), the cursor at its end, as a form shows a
 * default; the next key decides whether it is replaced or edited. */
void input_select_all(struct input *in);

/* Draw in r (one row for a single line) and put the cursor there. */
void input_draw(struct app *app, struct input *in, const struct rect *r, enum role role);

#endif
