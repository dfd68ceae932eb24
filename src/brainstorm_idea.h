/* Ideas of a session, and the clusters they are grouped in. Every change is
 * one committed transaction. */
#ifndef PACT_IDEA_H
#define PACT_IDEA_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

#define IDEA_MAX_CHARS 2000

/* Check and clean typed text the way every idea is: see text_clean. */
int idea_clean(const char *text, char **out, struct pact_err *err);

/* Add an idea to the session's current round (late when its time is up or
 * it was ended); participant_id 0 is anonymous. */
int idea_add(sqlite3 *db, int64_t session_id, const char *text, int64_t participant_id,
	     int64_t now, int64_t *id, struct pact_err *err);
int idea_edit(sqlite3 *db, int64_t id, const char *text, struct pact_err *err);
/* The idea's text; the caller frees it. NULL when there is no such idea. */
char *idea_text(sqlite3 *db, int64_t id);
int idea_session(sqlite3 *db, int64_t id, int64_t *session_id, struct pact_err *err);

/* What undoing a delete or a merge needs. Other records are named by UUID
 * and looked up again when the undo is applied: meanwhile another pact may
 * have given a row id to a new record, or forgotten the participant. */
struct idea_undo {
	int64_t id;  /* the row id it had: taken again only when still free */
	char *uuid;  /* the idea */
	/* The UUIDs of its session, round, cluster, author and the idea it was
	 * merged into ("" for none); for a merge, merged_into is the idea it
	 * went into and the others are not used. */
	char *session, *round, *cluster, *participant, *merged_into;
	char *text, *created_at, *updated_at;
	int late;
	char **merged; /* UUIDs of the ideas that were merged into it */
	size_t nmerged;
};

int idea_delete(sqlite3 *db, int64_t id, struct idea_undo *undo, struct pact_err *err);
/* Puts the idea back with its own UUID, under a fresh row id when its old
 * one was taken. A round, cluster, idea or participant that is gone, or a
 * participant forgotten, is left out; PACT_EINPUT when its session is gone
 * or the idea is there already. */
int idea_restore(sqlite3 *db, const struct idea_undo *undo, struct pact_err *err);
void idea_undo_free(struct idea_undo *undo);

/* 0 takes the idea out of its round / cluster. */
int idea_set_round(sqlite3 *db, int64_t id, int64_t round_id, struct pact_err *err);
int idea_set_cluster(sqlite3 *db, int64_t id, int64_t cluster_id, struct pact_err *err);
/* The cluster the idea is in, 0 for none. */
int idea_cluster(sqlite3 *db, int64_t id, int64_t *cluster_id, struct pact_err *err);

/* Merge a duplicate: from is hidden from lists but kept, linked to into
 * (and so are the ideas merged into from before). undo (may be NULL)
 * receives what idea_unmerge needs to take it back. */
int idea_merge(sqlite3 *db, int64_t from, int64_t into, struct idea_undo *undo,
	       struct pact_err *err);
/* PACT_EINPUT when the merged idea is gone. */
int idea_unmerge(sqlite3 *db, const struct idea_undo *undo, struct pact_err *err);

/* Ideas not merged away, in the session. */
int idea_count(sqlite3 *db, int64_t session_id, int64_t *count, struct pact_err *err);

enum idea_view {
	IDEA_BY_TIME,    /* newest first */
	IDEA_BY_CLUSTER, /* a header row per cluster (id -cluster, or 0 for the rest) */
};

/* Columns: 0 idea text (with "(+n)" for merged duplicates; a header row's
 * name and count), 1 late label, 2 round, 3 cluster, 4 participant alias.
 * late_label and rest_label are shown as given (translated by the caller). */
int idea_pager(struct pager *p, sqlite3 *db, int64_t session_id, enum idea_view view,
	       const char *late_label, const char *rest_label, struct pact_err *err);

/* Clusters. */
int cluster_add(sqlite3 *db, int64_t session_id, const char *name, int64_t *id,
		struct pact_err *err);
int cluster_rename(sqlite3 *db, int64_t id, const char *name, struct pact_err *err);
/* The cluster's name (to be freed), or NULL. */
char *cluster_name(sqlite3 *db, int64_t id);
/* Its ideas stay, unclustered. */
int cluster_delete(sqlite3 *db, int64_t id, struct pact_err *err);
/* Columns: name, number of ideas. */
int cluster_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err);

#endif
