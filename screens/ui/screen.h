/* The screen interface: every panel, overlay and dialog is a table of
 * functions plus a key table; the main loop calls through them and never
 * asks which screen is active. */
#ifndef PACT_SCREEN_H
#define PACT_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/keys.h"

struct app;

struct rect {
	int y, x, h, w;
};

/* What a text_input hook did with a key. */
enum input_result {
	INPUT_IGNORED, /* not for the input: dispatch it through the key tables */
	INPUT_HANDLED, /* consumed */
};

/* What one panel asks another to show (app_show): a session from a card
 * made of its ideas, a poll's results, a card on the Board. */
enum show_what { SHOW_SESSION = 1, SHOW_POLL, SHOW_CARD };
struct show_request {
	enum show_what what;
	int64_t id;
};
/* What a panel did with a show request. */
enum show_result {
	SHOW_NOT_MINE, /* this panel shows no such thing */
	SHOW_SHOWN,    /* shown: the panel comes into view */
	SHOW_REFUSED,  /* not now, or not there: a message says why */
};

struct screen_ops {
	const char *name;  /* stable identifier, e.g. "board" */
	const char *title; /* N_() tab or overlay title */
	const struct key_binding *keys; /* ends with a zero entry */
	/* For screens whose keys change with their mode: the table in force
	 * now (used instead of keys when set). */
	const struct key_binding *(*current_keys)(struct app *app, void *state);
	bool modal;        /* an overlay that keeps the global keys away */
	/* Life of the state: panels are created when the app starts; pushed
	 * screens are created by whoever opens them and destroyed when popped. */
	void *(*create)(struct app *app);
	void (*destroy)(struct app *app, void *state);
	/* Called when the screen becomes visible / stops being visible. */
	void (*enter)(struct app *app, void *state);
	void (*leave)(struct app *app, void *state);
	void (*draw)(struct app *app, void *state, const struct rect *area);
	void (*action)(struct app *app, void *state, int action);
	/* Sees every key first while the screen edits text. */
	enum input_result (*text_input)(struct app *app, void *state, int key);
	/* Sees keys no table knows (type-to-find in lists). */
	void (*fallback)(struct app *app, void *state, int key);
	/* True while printable keys go into a text field (so the global
	 * single-letter keys, like q and ?, are typed, not obeyed). */
	bool (*typing)(struct app *app, void *state);
	/* For a screen whose keys either type or command: the mode now, first
	 * on the status line ("TYPING — Esc for commands", brief: "TYPING"
	 * beside a message); NULL for none. */
	const char *(*mode)(struct app *app, void *state, bool brief);
	/* True while the screen must not be left by any key (secret voting):
	 * the global keys are off. */
	bool (*locked)(struct app *app, void *state);
	/* True when leaving now would lose typed text. */
	bool (*has_unsaved)(struct app *app, void *state);
	/* What quitting would lose, asked before quitting when this screen is
	 * the only one with something unsaved ("Quit pact? The answers so far
	 * are not kept."); unset: the question about typed text. */
	const char *(*quit_question)(struct app *app, void *state);
	/* A second passed; true when the screen needs a redraw. */
	bool (*tick)(struct app *app, void *state);
	/* The database changed (this pact's own write or another's): read
	 * again what is shown, keeping the selection. The application loop
	 * calls it for the screens in view; a panel out of view gets it when
	 * it comes into view. Screens never reload after their own writes. */
	void (*data_changed)(struct app *app, void *state);
	/* Another panel asks this one to show something (app_show). The
	 * panel reads what it needs itself; it never learns who asked. */
	enum show_result (*show)(struct app *app, void *state, const struct show_request *req);
};

/* The key table a screen has in force now. */
static inline const struct key_binding *screen_keys(const struct screen_ops *ops,
						    struct app *app, void *state)
{
	return ops->current_keys ? ops->current_keys(app, state) : ops->keys;
}

#endif
