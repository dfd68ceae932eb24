/* A scrolling overlay of plain text (a count's full report: the IRV round
 * table, the Schulze matrices). */
#ifndef PACT_TEXTVIEW_H
#define PACT_TEXTVIEW_H

#include <stdint.h>

#include "ui/app.h"

/* Takes a copy of text. */
void textview_open(struct app *app, const char *title, const char *text);

/* A text laid out for the width it is shown in: gen writes it for width
 * columns (again each frame, so a resize or new ballots show) and returns
 * it to be freed, or NULL to keep what is shown. */
typedef char *(*textview_gen)(void *ctx, int width);
void textview_open_gen(struct app *app, const char *title, textview_gen gen, void *ctx);
/* The same with keys of the opener's besides scrolling and closing: a key
 * of keys (a table ending in a zero entry, kept by the caller) calls
 * fn(app, owner, arg, its action) with the text still open. */
typedef void (*textview_fn)(struct app *app, void *owner, int64_t arg, int action);
void textview_open_keys(struct app *app, const char *title, const char *text,
			const struct key_binding *keys, textview_fn fn, void *owner, int64_t arg);
/* The same with text made by make(app, arg), made again whenever the data
 * change (a card's view after one of its keys opened a form that saved);
 * NULL from make keeps the text shown. */
typedef char *(*textview_make)(struct app *app, int64_t arg);
void textview_open_live(struct app *app, const char *title, textview_make make,
			const struct key_binding *keys, textview_fn fn, void *owner, int64_t arg);

#endif
