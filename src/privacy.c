/* Participants' personal data: breakdowns with small groups hidden (the
 * rules are in suppress.c), retention and purge. */
#include "privacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "barchart.h"
#include "db.h"
#include "i18n.h"
#include "secret.h"
#include "brainstorm_session.h"
#include "sql.h"

static const char *const dimension_keys[PRIVACY_DIMENSIONS] = { "role", "wijk", "age_band" };
static const char *const dimension_names[PRIVACY_DIMENSIONS] = {
	N_("Role"), N_("Neighbourhood (wijk)"), N_("Age band"),
};

const char *privacy_dimension_key(int d)
{
	return d >= 0 && d < PRIVACY_DIMENSIONS ? dimension_keys[d] : "";
}

const char *privacy_dimension_name(int d)
{
	return d >= 0 && d < PRIVACY_DIMENSIONS ? _(dimension_names[d]) : "";
}

/* One session's count of one group, as read. */
struct cell {
	int64_t session;
	char *group;
	int64_t people;
};

static void cells_free(struct cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i].group);
	free(cells);
}

/* Dimension d's counts per session and group, sessions in order. */
static int read_cells(sqlite3 *db, int d, int64_t session, struct cell **cells, size_t *n,
		      struct pact_err *err)
{
	/* The column is chosen from a fixed list, never from input. */
	static const char *const sql[PRIVACY_DIMENSIONS] = {
		"SELECT session_id, coalesce(role, ''), count(*) FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2",
		"SELECT session_id, coalesce(wijk, ''), count(*) FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2",
		"SELECT session_id, coalesce(age_band, ''), count(*) FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2",
	};
	sqlite3_stmt *st = sql_query(db, err, sql[d], "I", session);
	size_t cap = 0;
	int rc = SQLITE_DONE;

	*cells = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cell *more = array_room(*cells, *n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*cells = more;
		more[*n] = (struct cell){ sqlite3_column_int64(st, 0), sql_text(st, 1),
					  sqlite3_column_int64(st, 2) };
		if (!more[(*n)++].group) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return PACT_OK;
	cells_free(*cells, *n);
	*cells = NULL;
	*n = 0;
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

/* The groups of one dimension as they are being summed over sessions. */
struct summing {
	struct privacy_group *groups;
	size_t n, cap, first; /* this dimension's groups are [first, n) */
	int dimension;
};

/* Add a session's count (as that session shows it) to the group's sum. */
static bool sum_into(struct summing *s, const char *name, bool pooled, int64_t people,
		     enum suppress_mark mark)
{
	struct privacy_group *g = NULL;
	struct suppress_sum sum;

	for (size_t i = s->first; i < s->n && !g; i++)
		if (s->groups[i].pooled == pooled && strcmp(s->groups[i].group, name) == 0)
			g = &s->groups[i];
	if (!g) {
		struct privacy_group *more = array_room(s->groups, s->n, &s->cap, sizeof *more);
		char *copy = strdup(name);

		if (!more || !copy) {
			free(copy);
			if (more)
				s->groups = more;
			return false;
		}
		s->groups = more;
		g = &s->groups[s->n++];
		*g = (struct privacy_group){ .dimension = s->dimension, .group = copy, .pooled = pooled };
	}
	sum = (struct suppress_sum){ g->people, g->mark, g->sessions };
	suppress_sum_add(&sum, people, mark);
	g->people = sum.count;
	g->mark = sum.mark;
	g->sessions = sum.tables;
	return true;
}

/* One session's groups of the dimension, suppressed as that session's own
 * breakdown shows them, added to the sums. When no group can be shown
 * safely, the session's people go to the one row "not broken down", which
 * shows the session's total as the session list does. */
static bool add_session(struct summing *s, const struct cell *cells, size_t n)
{
	int64_t *count = calloc(n, sizeof *count), total = 0;
	enum suppress_mark *mark = calloc(n, sizeof *mark);
	bool ok = count && mark;

	for (size_t i = 0; ok && i < n; i++)
		total += count[i] = cells[i].people;
	if (ok && suppress_dimension(count, mark, n))
		for (size_t i = 0; ok && i < n; i++)
			ok = sum_into(s, cells[i].group, false, count[i], mark[i]);
	else if (ok)
		ok = sum_into(s, "*", true, total,
			      total < PRIVACY_MIN_GROUP ? SUPPRESS_SMALL : SUPPRESS_SHOWN);
	free(count);
	free(mark);
	return ok;
}

/* Shown groups first, biggest first; hidden ones after them by name, so
 * that their order tells nothing of their size; the pooled row last. */
static int group_order(const void *a, const void *b)
{
	const struct privacy_group *x = a, *y = b;
	bool xs = x->mark == SUPPRESS_SHOWN, ys = y->mark == SUPPRESS_SHOWN;

	if (x->pooled != y->pooled)
		return x->pooled ? 1 : -1;
	if (xs != ys)
		return xs ? -1 : 1;
	if (xs && x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return strcmp(x->group, y->group);
}

static int add_dimension(sqlite3 *db, int64_t session, struct summing *s, struct pact_err *err)
{
	struct cell *cells;
	size_t n;
	int rc = read_cells(db, s->dimension, session, &cells, &n, err);

	for (size_t start = 0, end; rc == PACT_OK && start < n; start = end) {
		for (end = start; end < n && cells[end].session == cells[start].session; end++)
			;
		if (!add_session(s, cells + start, end - start))
			rc = err_nomem(err);
	}
	cells_free(cells, n);
	if (rc == PACT_OK && s->n > s->first)
		qsort(s->groups + s->first, s->n - s->first, sizeof *s->groups, group_order);
	return rc;
}

int privacy_breakdown(sqlite3 *db, int64_t session, struct privacy_group **groups, size_t *n,
		      struct pact_err *err)
{
	struct summing s = { 0 };
	int rc = PACT_OK;

	for (int d = 0; d < PRIVACY_DIMENSIONS && rc == PACT_OK; d++) {
		s.first = s.n;
		s.dimension = d;
		rc = add_dimension(db, session, &s, err);
	}
	if (rc != PACT_OK) {
		privacy_groups_free(s.groups, s.n);
		s.groups = NULL;
		s.n = 0;
	}
	*groups = s.groups;
	*n = s.n;
	return rc;
}

void privacy_groups_free(struct privacy_group *groups, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(groups[i].group);
	free(groups);
}

void privacy_count_text(const struct privacy_group *g, char out[24])
{
	suppress_count_text(g->people, g->mark, out);
}

const char *privacy_group_label(const struct privacy_group *g)
{
	if (g->pooled)
		return _("not broken down");
	if (!g->group[0])
		return _("not given");
	if (g->dimension == PRIVACY_ROLE)
		for (const struct role_name *r = participant_roles; r->key; r++)
			if (strcmp(r->key, g->group) == 0)
				return _(r->label);
	return g->group;
}

void privacy_legend(FILE *out, const struct privacy_group *groups, size_t n)
{
	bool masked = false, pooled = false;

	for (size_t i = 0; i < n; i++) {
		masked |= groups[i].mark == SUPPRESS_MASKED;
		pooled |= groups[i].pooled;
	}
	fprintf(out, _("Groups of fewer than %d people are shown as <%d, so that nobody can be "
		       "picked out.\n"),
		PRIVACY_MIN_GROUP, PRIVACY_MIN_GROUP);
	if (masked)
		fprintf(out, "%s\n", _("x: hidden as well, so that a small group cannot be worked "
				       "out from the total and the other groups."));
	if (pooled)
		fprintf(out, "%s\n", _("not broken down: too few people to show any group without "
				       "singling someone out."));
}

char *privacy_breakdown_report(const struct privacy_group *groups, size_t n, int width,
			       bool unicode)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (!out)
		return NULL;
	if (!n)
		fprintf(out, "%s\n", _("No participants yet: nothing to break down."));
	for (int d = 0; d < PRIVACY_DIMENSIONS; d++) {
		struct barchart_row *rows = calloc(n ? n : 1, sizeof *rows);
		int nrows = 0;

		for (size_t i = 0; rows && i < n; i++) {
			if (groups[i].dimension != d)
				continue;
			/* a hidden count gets a fixed mark: a bar would show its size */
			rows[nrows].label = privacy_group_label(&groups[i]);
			rows[nrows].hatched = groups[i].mark != SUPPRESS_SHOWN;
			rows[nrows].value = rows[nrows].hatched ? 0 : groups[i].people;
			privacy_count_text(&groups[i], rows[nrows].shown);
			nrows++;
		}
		if (nrows)
			barchart_chart(out, privacy_dimension_name(d), rows, nrows, 0, width, unicode);
		free(rows);
	}
	if (n)
		privacy_legend(out, groups, n);
	fclose(out);
	return text;
}

/* A voter's label on a ballot may be a name (a live voter in an open poll
 * may give one; an imported file may carry them): it goes as well. */
#define DUE "retain_until IS NOT NULL AND retain_until < ?1 AND " \
	    "(EXISTS (SELECT 1 FROM participant p WHERE p.session_id = session.id) OR " \
	    "EXISTS (SELECT 1 FROM ballot b JOIN poll v ON v.id = b.poll_id " \
	    "WHERE v.session_id = session.id AND b.voter IS NOT NULL))"

int privacy_due(sqlite3 *db, const char *today, int64_t *sessions, struct pact_err *err)
{
	return sql_int(db, sessions, NULL, err, "SELECT count(*) FROM session WHERE " DUE, "t",
		       today);
}

/* The voters' labels on the ballots of the polls of sessions due; those
 * ballots then join the poll's unlabelled set, which is written again in a
 * random order with only the poll's date (secret_shuffle), so that neither
 * their place in the file nor a time is left to tell whose they were. */
static int purge_voters(sqlite3 *db, const char *today, int64_t *voters, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT DISTINCT b.poll_id FROM ballot b JOIN poll v ON v.id = "
				     "b.poll_id JOIN session ON session.id = v.session_id WHERE "
				     "b.voter IS NOT NULL AND " DUE,
				     "t", today);
	int64_t *polls = NULL;
	size_t n = 0, cap = 0;
	int rc = st ? PACT_OK : PACT_EDB, step;

	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *p = array_room(polls, n, &cap, sizeof *p);
		if (!p) {
			rc = err_nomem(err);
			break;
		}
		polls = p;
		polls[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; rc == PACT_OK && i < n; i++) {
		rc = sql_exec(db, err, "UPDATE ballot SET voter = NULL WHERE poll_id = ? AND voter IS NOT NULL",
			      "I", polls[i]);
		if (rc == PACT_OK)
			*voters += sqlite3_changes(db);
		if (rc == PACT_OK)
			rc = secret_shuffle(db, polls[i], err);
	}
	free(polls);
	return rc;
}

int privacy_purge(sqlite3 *db, const char *today, int64_t *sessions, int64_t *people,
		  int64_t *voters, struct pact_err *err)
{
	int rc = db_begin(db, err);

	*sessions = *people = *voters = 0;
	if (rc == PACT_OK)
		rc = privacy_due(db, today, sessions, err);
	/* Tombstones, as for one forgotten participant: a merge of an older
	 * copy must not bring the purged names back. */
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT OR IGNORE INTO forgotten(uuid, kind, date) "
			      "SELECT uuid, 'participant', ?1 FROM participant WHERE session_id IN "
			      "(SELECT id FROM session WHERE " DUE ")",
			      "t", today);
	if (rc == PACT_OK)
		rc = purge_voters(db, today, voters, err);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "DELETE FROM participant WHERE session_id IN "
			      "(SELECT id FROM session WHERE " DUE ")",
			      "t", today);
	if (rc == PACT_OK) {
		*people = sqlite3_changes(db);
		rc = db_commit(db, err);
	}
	if (rc != PACT_OK) {
		db_rollback(db);
		*sessions = *people = *voters = 0;
	}
	return rc;
}

int privacy_forget(sqlite3 *db, const char *ref, struct pact_err *err)
{
	char *end;
	long long number = strtoll(ref, &end, 10);
	int64_t id;
	int found;
	int rc = sql_int(db, &id, &found, err,
			 "SELECT id FROM participant WHERE uuid = lower(?1) OR (?2 > 0 AND id = ?2)",
			 "tI", ref, (int64_t)(*ref && !*end ? number : 0));

	if (rc != PACT_OK)
		return rc;
	if (!found)
		return err_set(err, PACT_EINPUT,
			       _("no participant '%s' (give the number or UUID; pact export "
				 "participants lists them)"),
			       ref);
	return participant_forget(db, id, err);
}

int privacy_scrub(sqlite3 *db, const char *path, struct pact_err *err)
{
	struct pact_err why;

	if (db_checkpoint_truncate(db, &why) == PACT_OK)
		return PACT_OK;
	return err_set(err, PACT_EDB,
		       _("%s; what was removed is still in %s until the log is emptied: once the "
			 "other program has stopped reading, run pact check and it is gone"),
		       why.msg, path);
}

bool privacy_mode_warning(const char *path, char *out, size_t outsz)
{
	struct stat st;

	if (stat(path, &st) != 0 || !(st.st_mode & 077))
		return false;
	snprintf(out, outsz,
		 _("%s can be read by other users of this computer (mode %04o); it holds "
		   "personal data: chmod 600 it"),
		 path, (unsigned)(st.st_mode & 07777));
	return true;
}
