/* The register of the people in the programme: the accelerator pool
 * (versnellers), members of the opgaveteam, facilitators and others, with
 * their department or team and, only when they agree, how to reach them.
 * Cards name their owner and team members from it as text (the team as
 * names separated by commas); renaming a person renames them on the cards
 * (trigger person_rename), forgetting one takes the name off the cards. */
#ifndef PACT_PEOPLE_H
#define PACT_PEOPLE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

#define PEOPLE_NAME_MAX 200
#define PEOPLE_DEPARTMENT_MAX 200
#define PEOPLE_CONTACT_MAX 200

/* The roles as stored and in CSV: accelerator, opgaveteam, facilitator,
 * other; NULL-terminated. */
enum { PEOPLE_ROLES = 4 };
extern const char *const people_role_keys[PEOPLE_ROLES + 1];
/* A role's name in the screens' language ("accelerator (versneller)",
 * "versneller"); a key it does not know as it is. */
const char *people_role_label(const char *key);
/* The same in a word, for a narrow column ("accelerator", "versneller"). */
const char *people_role_short(const char *key);
int people_role_index(const char *key); /* -1 when unknown */

/* A person as a form gives it (texts as typed). */
struct person_form {
	const char *name, *role, *department, *contact;
	bool consent;
};

/* A stored person; free with people_person_free. */
struct person {
	int64_t id;
	char *uuid, *name, *role, *department, *contact;
	bool consent;
};

/* Add (id 0; *new_id gets the id, new_id may be NULL) or change person id.
 * The name is required, has no comma (a team lists names separated by
 * commas) and no other person has it (case ignored); contact details only
 * with consent. A refusal names its field ("contact: …"); nothing changes
 * then. A new name is the new name on every card too. */
int people_save(sqlite3 *db, int64_t id, const struct person_form *f, int64_t *new_id,
		struct pact_err *err);
int people_get(sqlite3 *db, int64_t id, struct person *out, struct pact_err *err);
void people_person_free(struct person *p);

/* Off the register; the cards keep the name as text. */
int people_delete(sqlite3 *db, int64_t id, struct pact_err *err);

/* Forget a person (by number or UUID): the record goes, a tombstone keeps
 * the UUID, the kind and the date, and the name goes off every card (owner
 * emptied, taken out of the team) and the other fields people_unname_cards
 * names. One transaction. */
int people_forget(sqlite3 *db, const char *ref, struct pact_err *err);
/* The same for person id inside the caller's transaction. */
int people_forget_in(sqlite3 *db, int64_t id, struct pact_err *err);
/* Take name off every card (owner, team) and wherever else it is a whole
 * field (a session's facilitator, an advice's author, who evaluated), inside
 * the caller's transaction. */
int people_unname_cards(sqlite3 *db, const char *name, struct pact_err *err);

/* Every name, in order, NULL-terminated; free with sql_strings_free. */
char **people_names(sqlite3 *db, struct pact_err *err);

/* The team text split into names (trimmed, empty ones left out),
 * NULL-terminated; free with sql_strings_free. NULL when out of memory. */
char **people_split(const char *team);
/* The team written back as "A, B, C" into a new string (the caller frees). */
char *people_join_team(const char *team);
/* Whether the team lists name (exactly, after trimming). */
bool people_team_has(const char *team, const char *name);
/* The team with name added at the end (when it is not there yet), as a new
 * string the caller frees. */
char *people_team_add(const char *team, const char *name);

/* The names of owner and team that are not in the register (each once, in
 * order), NULL-terminated; free with sql_strings_free. An empty list when
 * all are there. */
char **people_missing(sqlite3 *db, const char *owner, const char *team, struct pact_err *err);
/* Add these names to the register with role other; names already there are
 * left as they are. One transaction; *added says how many were new. */
int people_add_names(sqlite3 *db, const char *const *names, int64_t *added, struct pact_err *err);

/* The register for a picker: rows of id, name, role (in words). */
int people_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
/* The pool: rows of id, name, role (in a word), then for each column of the
 * board (idea … stopped) how many cards the person owns or is in the team
 * of ("" for none). */
int people_pool_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
/* A person's cards in words: per column, each title with "owner" or
 * "team". NULL when there is no such person; the caller frees it. */
char *people_describe(sqlite3 *db, int64_t id);

#endif
