/* An experiment card's fields as people edit them, the work forms and rungs
 * they choose from, and the card in words for its detail view. The card's
 * place on the board is board.h; the lists it chooses from are opgave.h
 * and pot.h. */
#ifndef PACT_CARD_H
#define PACT_CARD_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"

/* The target groups an experiment can reach, stored in experiment.groups
 * as a comma-separated list of these keys. */
enum { CARD_GROUPS = 4 };
extern const char *const card_group_keys[CARD_GROUPS + 1];   /* NULL-terminated */
extern const char *const card_group_labels[CARD_GROUPS + 1]; /* untranslated */

/* Whether the stored list names group g (0 … CARD_GROUPS-1). */
bool card_has_group(const char *groups, int g);

/* The card's fields as text, in the order of enum card_field. Amounts are
 * euros as people type them ("1.234,56"), dates YYYY-MM-DD or D-M-YYYY, pot
 * the budget pot's id as a number ("" or "0": none). */
enum card_field {
	CF_TITLE, CF_DESCRIPTION, CF_TRACK, CF_OPGAVE, CF_OWNER, CF_TEAM, CF_RUNG, CF_WERKVORM,
	CF_START, CF_END, CF_POT, CF_PLANNED, CF_SPENT, CF_REACHED, CF_GROUPS, CF_NOTES,
	CF_FOCUS, /* "1": one of the opgaveteam's focus experiments, else "0" */
	CARD_FIELDS
};

/* The stored card as text (amounts in the language's way of writing them
 * when dutch, else "1234.56"); v[i] are copies the caller frees. PACT_EINPUT
 * when there is no such card. */
int card_get(sqlite3 *db, int64_t id, bool dutch, char *v[CARD_FIELDS], struct pact_err *err);

/* Check every field and store them all; a wrong field is named in err
 * ("planned: expected an amount in euros, got 'x'") and nothing changes. */
int card_save(sqlite3 *db, int64_t id, const char *const v[CARD_FIELDS], struct pact_err *err);

/* The rungs of the participation ladder, lowest first, NULL-terminated. */
extern const char *const card_rung_keys[];
/* Every work form's name in the language (Dutch names when dutch),
 * NULL-terminated; free with sql_strings_free. */
char **card_werkvorm_names(sqlite3 *db, bool dutch, struct pact_err *err);

/* The card in words for its detail view: title, owner, track, rung, work
 * form, column, its communication plan (card_comm.h) and its history of
 * column changes. NULL when there is no such card; the caller frees it. */
char *card_describe(sqlite3 *db, int64_t id);

#endif
