/* Brainstorm sessions (opreksessies) and their participants. */
#ifndef PACT_SESSION_H
#define PACT_SESSION_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"
#include "suppress.h"

#define SESSION_TITLE_MAX 200
#define SESSION_TEXT_MAX 1000
#define SESSION_NOTES_MAX 10000

struct session_fields {
	const char *title;       /* required */
	const char *question;    /* the central question */
	const char *facilitator;
	const char *location;
	const char *date;        /* YYYY-MM-DD; NULL or "" = today */
	const char *notes;       /* may span lines */
	/* Keep participants' personal data until this date (YYYY-MM-DD or
	 * D-M-YYYY); NULL or "" = no date set. */
	const char *retain_until;
};

struct session {
	int64_t id;
	char uuid[37];
	char *title, *question, *facilitator, *location, *date, *notes;
	char *retain_until; /* "" when not set */
	bool archived;
};

int session_create(sqlite3 *db, const struct session_fields *f, int64_t *id, struct pact_err *err);
int session_update(sqlite3 *db, int64_t id, const struct session_fields *f, struct pact_err *err);
int session_set_archived(sqlite3 *db, int64_t id, bool archived, struct pact_err *err);
/* Gone with its ideas, rounds, clusters and participants. */
int session_delete(sqlite3 *db, int64_t id, struct pact_err *err);
int session_get(sqlite3 *db, int64_t id, struct session *out, struct pact_err *err);
void session_free(struct session *s);

/* A session named on the command line: its number, or its UUID. */
int session_find(sqlite3 *db, const char *ref, int64_t *id, struct pact_err *err);

/* A session's number of participants as lists show it (session s): "<5"
 * for 1 to 4, as in the breakdowns, else the number. The breakdowns take
 * this total as known (suppress.c), so it gives nothing away. */
#define SESSION_PEOPLE_SQL                                                                     \
	SUPPRESS_COUNT_SQL("(SELECT count(*) FROM participant p WHERE p.session_id = s.id)")

/* Sessions newest first: columns title, date, ideas, participants (as
 * SESSION_PEOPLE_SQL). */
int session_pager(struct pager *p, sqlite3 *db, bool archived, struct pact_err *err);

/* Participants. Roles are stored by key (see participant_roles). */
struct participant_fields {
	const char *alias;   /* required */
	const char *name;    /* stored only when consent */
	bool consent;
	const char *role;    /* a key of participant_roles, or NULL */
	const char *wijk;
	const char *age_band;
};

struct role_name {
	const char *key;   /* stored */
	const char *label; /* N_() */
};
/* The roles and the age bands a participant may give, each ending with
 * {NULL, NULL}. */
extern const struct role_name participant_roles[];
extern const struct role_name participant_age_bands[];

/* What a form offers for them: "(not given)", then the labels in table
 * order; NULL-terminated, untranslated (N_()). */
const char *const *participant_role_choices(void);
const char *const *participant_age_choices(void);
/* The key stored for choice i of those: NULL for "(not given)" (0) or a
 * choice that is not there. */
const char *participant_role_key(int choice);
const char *participant_age_key(int choice);

int participant_add(sqlite3 *db, int64_t session_id, const struct participant_fields *f,
		    int64_t *id, struct pact_err *err);
/* The participant with this alias in the session; *id = 0 if none. */
int participant_by_alias(sqlite3 *db, int64_t session_id, const char *alias, int64_t *id,
			 struct pact_err *err);
/* The participant's alias (the caller frees it), NULL if there is none. */
char *participant_alias(sqlite3 *db, int64_t id);
/* Remove a participant; their ideas stay, anonymous. */
int participant_forget(sqlite3 *db, int64_t id, struct pact_err *err);
/* Columns: alias, role label, wijk. */
int participant_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err);

#endif
