/* Participants' personal data (AVG/GDPR): breakdowns that never show a
 * group of fewer than PRIVACY_MIN_GROUP people, the retention date of a
 * session and the purge after it, and a warning when the database file can
 * be read by others. */
#ifndef PACT_PRIVACY_H
#define PACT_PRIVACY_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "suppress.h"

/* Groups smaller than this are shown as "<5", never with their number. */
#define PRIVACY_MIN_GROUP SUPPRESS_MIN

enum privacy_dimension { PRIVACY_ROLE, PRIVACY_WIJK, PRIVACY_AGE, PRIVACY_DIMENSIONS };

/* The dimension's key as in CSV ("role", "wijk", "age_band") and its name
 * for people. */
const char *privacy_dimension_key(int d);
const char *privacy_dimension_name(int d);

struct privacy_group {
	int dimension;
	char *group;    /* as stored ("" when not given); roles by key; "*" when pooled */
	bool pooled;    /* the people whose groups in this dimension cannot be shown */
	int64_t people; /* the true count; show it only as privacy_count_text does */
	enum suppress_mark mark;
	int sessions;   /* how many sessions' breakdowns list the group */
};

/* The participants of a session (0: of every session) counted by role,
 * neighbourhood and age band; each dimension's shown groups biggest first,
 * then the hidden ones by name. Small groups are hidden, and more where a
 * small one could be worked out, by the rules in suppress.c: a session's
 * total is public; the breakdown of all sessions shows a number only where
 * every session shows it. */
int privacy_breakdown(sqlite3 *db, int64_t session, struct privacy_group **groups, size_t *n,
		      struct pact_err *err);
void privacy_groups_free(struct privacy_group *groups, size_t n);

/* What a group's count may be shown as: the number, "<5" or "x". */
void privacy_count_text(const struct privacy_group *g, char out[24]);

/* A group's name for people: roles translated, "" as "not given". */
const char *privacy_group_label(const struct privacy_group *g);
/* What the marks in the breakdown mean, for the marks that are there. */
void privacy_legend(FILE *out, const struct privacy_group *groups, size_t n);

/* The breakdown as bar charts, width columns wide; hidden groups get a
 * fixed hatched mark instead of a bar. The caller frees it. */
char *privacy_breakdown_report(const struct privacy_group *groups, size_t n, int width,
			       bool unicode);

/* Sessions past their retention date (before today, "YYYY-MM-DD") that
 * still hold participants or ballots with a voter's name. */
int privacy_due(sqlite3 *db, const char *today, int64_t *sessions, struct pact_err *err);

/* Remove the participants (names and demographics) of every session past
 * its retention date; their ideas stay, anonymous. One transaction, which
 * also leaves a tombstone for each (see privacy_forget). The voters' names
 * on the ballots of those sessions' polls go too (*voters: how many); the
 * ballots stay, unlabelled and in a random order. */
int privacy_purge(sqlite3 *db, const char *today, int64_t *sessions, int64_t *people,
		  int64_t *voters, struct pact_err *err);

/* Forget one participant (by number or UUID): name and demographics go,
 * the ideas stay without a name. A tombstone in the table forgotten keeps
 * the UUID, the kind and the date (nothing else), so that merges and
 * imports skip the record from then on. */
int privacy_forget(sqlite3 *db, const char *ref, struct pact_err *err);

/* After forgetting or purging: empty the write-ahead log, so that nothing
 * removed stays in the -wal beside the database at path (secure_delete
 * has already overwritten it in the file itself). When another program
 * keeps reading the file, PACT_EDB and a warning for people in err; what
 * was forgotten stays forgotten either way. */
int privacy_scrub(sqlite3 *db, const char *path, struct pact_err *err);

/* When the file at path can be read or written by others than its owner:
 * true, with a warning in out. */
bool privacy_mode_warning(const char *path, char *out, size_t outsz);

#endif
