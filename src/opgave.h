/* The opgaven: the council programme's main tasks, a list experiment cards
 * choose from. */
#ifndef PACT_OPGAVE_H
#define PACT_OPGAVE_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

/* The opgaven, by name: rows of id and name. */
int opgave_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
/* Every opgave name, in order, NULL-terminated; free with sql_strings_free. */
char **opgave_names(sqlite3 *db, struct pact_err *err);
int opgave_add(sqlite3 *db, const char *name, struct pact_err *err);
/* Renaming renames the opgave on every card that has it. */
int opgave_rename(sqlite3 *db, int64_t id, const char *name, struct pact_err *err);
/* The cards keep the name as text. */
int opgave_delete(sqlite3 *db, int64_t id, struct pact_err *err);

#endif
