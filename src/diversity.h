/* Diversity along the handbook's dimensions ("jong en oud, gezinnen en
 * alleenwonenden maar ook achtergrond, cultuur en hoog- of
 * laaggeletterdheid"): the programme's groups per dimension, counts of
 * people per group for a session or an experiment (never people), shown
 * with the under-5 suppression of suppress.c, and the city's own figures
 * (the reference population) for the afspiegeling. */
#ifndef PACT_DIVERSITY_H
#define PACT_DIVERSITY_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "pager.h"
#include "suppress.h"

enum { DIVERSITY_DIMENSIONS = 5 };
/* "age", "household", "background", "culture", "literacy"; NULL-terminated. */
extern const char *const diversity_dimension_keys[DIVERSITY_DIMENSIONS + 1];
/* Their names for people, untranslated (N_()). */
extern const char *const diversity_dimension_labels[DIVERSITY_DIMENSIONS + 1];
int diversity_dimension_index(const char *key);
/* A group's name for people: the handbook's household and literacy groups
 * (stored as family, single, other, high, low) translated, others as they are. */
const char *diversity_group_label(int dim, const char *name);

/* The most people one count may hold, and the longest group name. */
#define DIVERSITY_PEOPLE_MAX 10000000
#define DIVERSITY_GROUP_MAX 60

/* The period (a year "2024" or a quarter "2024-Q1") of an SQL date
 * expression d, as SQL; quarter is an SQL boolean expression. */
#define DIVERSITY_PERIOD_SQL(d, quarter)                                                       \
	"(CASE WHEN " quarter " THEN substr(" d ", 1, 4) || '-Q' || "                          \
	"((CAST(substr(" d ", 6, 2) AS INTEGER) + 2) / 3) ELSE substr(" d ", 1, 4) END)"

/* --- the groups -------------------------------------------------------- */

struct diversity_group {
	int64_t id;
	int dim;
	char *name;
	bool example;
};

/* Every group, by dimension (in the handbook's order), then position. */
int diversity_groups_load(sqlite3 *db, struct diversity_group **groups, size_t *n,
			  struct pact_err *err);
void diversity_groups_free(struct diversity_group *groups, size_t n);

/* The groups as a list: id, dimension, group, and a note for an example
 * and for the city's figure. */
int diversity_group_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
int diversity_group_add(sqlite3 *db, const char *dimension, const char *name,
			struct pact_err *err);
/* Renaming renames the group in the counts and the city's figures too. */
int diversity_group_rename(sqlite3 *db, int64_t id, const char *name, struct pact_err *err);
/* The counts keep the group's name. */
int diversity_group_delete(sqlite3 *db, int64_t id, struct pact_err *err);

/* --- the counts of a session or an experiment --------------------------- */

enum diversity_owner { DIVERSITY_SESSION, DIVERSITY_EXPERIMENT };

/* One line of the counts form: a group of the list, or one a count names
 * that the list no longer has; people -1 where nothing is counted. */
struct diversity_line {
	int dim;
	char *group;
	int64_t people;
};

int diversity_lines_get(sqlite3 *db, enum diversity_owner owner, int64_t id,
			struct diversity_line **lines, size_t *n, struct pact_err *err);
void diversity_lines_free(struct diversity_line *lines, size_t n);

/* The form's label of a line: "Age band: 18-29". */
void diversity_line_label(const struct diversity_line *l, char *out, size_t size);

/* Store the counts of the lines at once: people[i] is the text typed for
 * lines[i] ("" removes its count). Every text is checked first, and a
 * wrong one named with its line ("Age band: 18-29: …"); nothing changes then. */
int diversity_save(sqlite3 *db, enum diversity_owner owner, int64_t id,
		   const struct diversity_line *lines, const char *const *people, size_t n,
		   struct pact_err *err);

/* --- counts as they may be shown ---------------------------------------- */

struct diversity_cell {
	int dim;
	char *group;
	int64_t people; /* the true count; show it only as diversity_count_text does */
	enum suppress_mark mark;
};

/* The counts of one owner (id > 0), or summed over every session and
 * experiment (id 0) whose period (DIVERSITY_PERIOD_SQL of the session's
 * date, or the experiment's end else start date) is period (NULL: any;
 * quarter says which kind of period). Each owner's dimension is suppressed
 * as suppress_dimension says, a dimension that cannot be shown pooled; a
 * sum shows a number only where every owner shows it (suppress_sum_add).
 * Cells by dimension, then in the groups' order. */
int diversity_cells(sqlite3 *db, enum diversity_owner owner, int64_t id, const char *period,
		    bool quarter, struct diversity_cell **cells, size_t *n, struct pact_err *err);
void diversity_cells_free(struct diversity_cell *cells, size_t n);
/* "12", "<5" or "x". */
void diversity_count_text(const struct diversity_cell *c, char out[24]);
/* The people counted in dimension dim (the sum of its cells). */
int64_t diversity_dimension_total(const struct diversity_cell *cells, size_t n, int dim);

/* The counts of an owner in words, for the card view and the session
 * view: a heading and per dimension its groups with their counts as they
 * may be shown; nothing when there are none. */
int diversity_describe(sqlite3 *db, enum diversity_owner owner, int64_t id, FILE *out,
		       struct pact_err *err);

/* --- the reference population -------------------------------------------- */

/* The city's figures as a list: id, dimension, group, figure, source. */
int population_pager(struct pager *p, sqlite3 *db, struct pact_err *err);
/* Add (id 0) or change the city's figure of a group; people is the text
 * typed (a count of residents or a percentage). */
int population_save(sqlite3 *db, int64_t id, const char *dimension, const char *group,
		    const char *people, const char *source, struct pact_err *err);
int population_delete(sqlite3 *db, int64_t id, struct pact_err *err);
/* The city's figure of a group, and the dimension's total (0 when the
 * programme entered none). */
int population_share(sqlite3 *db, int dim, const char *group, int64_t *people, int64_t *total,
		     struct pact_err *err);

#endif
