/* The picker dialog: choose one row of a list (an opened pager, extra rows
 * included) with the arrow keys or by typing its first letters; Enter
 * chooses, Esc cancels. */
#ifndef PACT_PICKER_H
#define PACT_PICKER_H

#include <stdint.h>

#include "ui/app.h"
#include "widgets/list.h"
#include "pager.h"

/* Called with the chosen row's id; owner and arg are what the opener gave
 * (owner is typically the opening screen's state, which outlives us). */
typedef void (*picker_fn)(struct app *app, void *owner, int64_t arg, int64_t id);

/* Takes over pager (closes and frees it). columns as for the list widget;
 * find_col is searched by typing. */
void picker_open(struct app *app, const char *title, struct pager *pager,
		 const struct list_column *columns, int ncols, int find_col, picker_fn chosen,
		 void *owner, int64_t arg);
/* The same, starting on the row whose id is mark (among the first rows;
 * else on the first row). */
void picker_open_at(struct app *app, const char *title, struct pager *pager,
		    const struct list_column *columns, int ncols, int find_col, int64_t mark,
		    picker_fn chosen, void *owner, int64_t arg);

#endif
