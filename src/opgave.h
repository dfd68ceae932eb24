/* The opgaven: the main tasks (hoofdopgaven) of the college, a list
 * experiment cards choose from. The handbook counts eight and names none:
 * the ones pact ships are examples until renamed. */
#ifndef PACT_OPGAVE_H
#define PACT_OPGAVE_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

/* The opgaven, by name: rows of id, name and, for a shipped example not
 * yet renamed, a note that says so. */
int opgave_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
/* Every opgave name, in order, NULL-terminated; free with sql_strings_free. */
char **opgave_names(sqlite3 *db, struct pact_err *err);
int opgave_add(sqlite3 *db, const char *name, struct pact_err *err);
/* Renaming renames the opgave on every card that has it. */
int opgave_rename(sqlite3 *db, int64_t id, const char *name, struct pact_err *err);
/* The cards keep the name as text. */
int opgave_delete(sqlite3 *db, int64_t id, struct pact_err *err);

#endif
