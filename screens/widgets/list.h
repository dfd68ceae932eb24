/* The list widget: a scrolling window on a pager (an SQL query), with a
 * selection, Up/Down, PgUp/PgDn, Home/End and type-to-find. */
#ifndef PACT_LIST_H
#define PACT_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/app.h"
#include "pager.h"

struct list_column {
	const char *title; /* N_() */
	int width;         /* display columns; 0 takes what is left */
	int col;           /* the pager column shown here */
};

struct list_view {
	struct pager *pager;
	const struct list_column *columns;
	int ncols;
	int find_col;      /* column searched by type-to-find */
	const char *empty; /* N_() shown when there are no rows */
	bool headings;     /* rows with an id of 0 or less are headings */
	int64_t sel, top;
	int page;          /* rows shown by the last draw */
	char find[64];
	double find_at;    /* when the last find key came */
};

/* The list's own keys, for the help overlay of the screen that holds it. */
extern const struct key_binding list_keys[];

void list_init(struct list_view *lv, struct pager *pager, const struct list_column *columns,
	       int ncols, int find_col, const char *empty);

/* Header, rows and position ("12/1000") in area. */
void list_draw(struct app *app, struct list_view *lv, const struct rect *area);

/* A navigation key from list_keys; false if it is not one. */
bool list_key(struct list_view *lv, int key);

/* A printable character for type-to-find; now is the time in seconds (a
 * pause of over a second starts a new search). False if not printable or
 * nothing matches. */
bool list_find(struct list_view *lv, int key, double now);

/* Keep the selection in range after the pager reloaded. */
void list_clamp(struct list_view *lv);

/* After the rows changed (another terminal added some), mark the row
 * with this id again if it is near where it was. */
void list_follow(struct list_view *lv, int64_t id);

/* The id of the selected row, or -1. */
int64_t list_selected_id(struct list_view *lv);

#endif
