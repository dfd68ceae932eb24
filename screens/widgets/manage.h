/* A managed list on a pushed screen: the rows of a pager with keys of
 * their own (new, rename, delete…), for clusters and participants. The
 * rows are read again when the database changes (data_changed), after a
 * write from here too. */
#ifndef PACT_MANAGE_H
#define PACT_MANAGE_H

#include <stddef.h>
#include <stdint.h>

#include "ui/app.h"
#include "widgets/list.h"

struct manage;

struct manage_ops {
	const char *title; /* N_() */
	/* A title that names the owner (or NULL: title), written once when the
	 * list opens. */
	void (*title_of)(struct app *app, int64_t owner_id, char *out, size_t size);
	int (*open_pager)(struct pager *p, sqlite3 *db, int64_t owner_id, struct pact_err *err);
	const struct list_column *columns;
	int ncols;
	const struct key_binding *keys; /* the actions; Esc closes */
	/* selected is the marked row's id, or -1 when the list is empty. */
	void (*action)(struct app *app, struct manage *m, int action, int64_t selected);
	int width; /* the box's widest (0: 72 columns) */
};

/* Open it for owner_id (e.g. a session); owner is handed back by
 * manage_owner (the opening screen's state, which outlives this one). */
void manage_open(struct app *app, const struct manage_ops *ops, int64_t owner_id, void *owner);
int64_t manage_owner_id(const struct manage *m);
void *manage_owner(const struct manage *m);
/* The marked row's id (-1 when the list is empty) and its first column. */
int64_t manage_selected(struct manage *m);
const char *manage_selected_text(struct manage *m);
/* The marked row's cell col of the pager ("" when there is none). */
const char *manage_selected_cell(struct manage *m, int col);

#endif
