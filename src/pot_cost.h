/* Costs booked on a budget pot that are no experiment (developing
 * instruments, guiding the organisation): add, change, delete, and the
 * list the screens show. A cost counts as spent (and planned) money of its
 * pot; see pot_budgets. */
#ifndef PACT_POT_COST_H
#define PACT_POT_COST_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

/* A cost as a form shows it: the amount as typed back ("1250.00", with a
 * decimal comma in Dutch), the date YYYY-MM-DD. */
struct pot_cost_form {
	int64_t pot_id;
	char *description;
	char date[11];
	char amount[32];
};

/* A new cost on pot_id: description (required, at most 300 characters),
 * date as value_date reads it ("2019-03-01", "1-3-2019"), amount in euros
 * as typed ("1.250,00"; required, not negative). The message names the
 * field. *id gets the new cost's id (id may be NULL). */
int pot_cost_add(sqlite3 *db, int64_t pot_id, const char *description, const char *date,
		 const char *amount, int64_t *id, struct pact_err *err);
/* Change every field of cost id, its pot too. */
int pot_cost_edit(sqlite3 *db, int64_t id, int64_t pot_id, const char *description,
		  const char *date, const char *amount, struct pact_err *err);
int pot_cost_delete(sqlite3 *db, int64_t id, struct pact_err *err);

/* Cost id for the form; free with pot_cost_form_free. */
int pot_cost_get(sqlite3 *db, int64_t id, bool dutch, struct pot_cost_form *out,
		 struct pact_err *err);
void pot_cost_form_free(struct pot_cost_form *c);

/* The costs of pot_id by date: rows of id, description, date, amount,
 * date and amount as the language writes them. */
int pot_cost_pager(struct pager *p, sqlite3 *db, int64_t pot_id, bool dutch,
		   struct pact_err *err);

#endif
