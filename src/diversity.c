/* Diversity: the groups, the counts of a session or an experiment, their
 * suppressed sums, and the city's figures. */
#include "diversity.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

const char *const diversity_dimension_keys[DIVERSITY_DIMENSIONS + 1] = {
	"age", "household", "background", "culture", "literacy", NULL,
};
const char *const diversity_dimension_labels[DIVERSITY_DIMENSIONS + 1] = {
	N_("Age band"), N_("Household"), N_("Background"), N_("Language or culture"),
	N_("Literacy"), NULL,
};

/* The dimensions in the handbook's order, as SQL over a dimension key. */
#define DIM_ORDER(d)                                                                           \
	"(CASE " d " WHEN 'age' THEN 0 WHEN 'household' THEN 1 WHEN 'background' THEN 2 "      \
	"WHEN 'culture' THEN 3 ELSE 4 END)"

int diversity_dimension_index(const char *key)
{
	for (int i = 0; key && i < DIVERSITY_DIMENSIONS; i++)
		if (strcmp(diversity_dimension_keys[i], key) == 0)
			return i;
	return -1;
}

const char *diversity_group_label(int dim, const char *name)
{
	static const struct {
		int dim;
		const char *key, *label;
	} known[] = {
		{ 1, "family", N_("family") }, { 1, "single", N_("living alone") },
		{ 1, "other", N_("other household") }, { 4, "high", N_("high literacy") },
		{ 4, "low", N_("low literacy") },
	};

	for (size_t i = 0; name && i < sizeof known / sizeof known[0]; i++)
		if (known[i].dim == dim && strcmp(known[i].key, name) == 0)
			return _(known[i].label);
	return name ? name : "";
}

static int db_error(sqlite3 *db, struct pact_err *err)
{
	return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

static int dimension_error(const char *key, struct pact_err *err)
{
	return err_set(err, PACT_EINPUT,
		       _("dimension: '%.60s' is not a dimension; write age, household, background, "
			 "culture or literacy"),
		       key ? key : "");
}

/* --- the groups -------------------------------------------------------- */

int diversity_groups_load(sqlite3 *db, struct diversity_group **groups, size_t *n,
			  struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT id, dimension, name, example FROM diversity_group "
				     "ORDER BY " DIM_ORDER("dimension") ", position, name, id",
				     "");
	size_t cap = 0;
	int rc;

	*groups = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct diversity_group *more = array_room(*groups, *n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*groups = more;
		more[*n] = (struct diversity_group){
			.id = sqlite3_column_int64(st, 0),
			.dim = diversity_dimension_index((const char *)sqlite3_column_text(st, 1)),
			.name = sql_text(st, 2),
			.example = sqlite3_column_int(st, 3) != 0,
		};
		if (!more[(*n)++].name) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return PACT_OK;
	diversity_groups_free(*groups, *n);
	*groups = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? err_nomem(err) : db_error(db, err);
}

void diversity_groups_free(struct diversity_group *groups, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(groups[i].name);
	free(groups);
}

int diversity_group_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(
		p, db, "SELECT count(*) FROM diversity_group",
		"SELECT g.id, CASE g.dimension WHEN 'age' THEN :age WHEN 'household' THEN :household "
		"WHEN 'background' THEN :background WHEN 'culture' THEN :culture ELSE :literacy END, "
		"g.name, CASE WHEN g.example THEN :example ELSE '' END, "
		"coalesce((SELECT :city || ' ' || p.people FROM population p WHERE p.dimension = "
		"g.dimension AND p.grp = g.name), '') FROM diversity_group g "
		"ORDER BY " DIM_ORDER("g.dimension") ", g.position, g.name, g.id "
		"LIMIT :limit OFFSET :offset",
		err);
	static const char *const names[] = { ":age", ":household", ":background", ":culture",
					     ":literacy" };

	if (rc != PACT_OK)
		return rc;
	for (int d = 0; d < DIVERSITY_DIMENSIONS; d++)
		pager_bind_text(p, names[d], _(diversity_dimension_labels[d]));
	pager_bind_text(p, ":example", _("example to edit"));
	pager_bind_text(p, ":city", _("city:"));
	return pager_reload(p, err);
}

/* A cleaned group name that dimension dim has no other group of. */
static int group_name(sqlite3 *db, int64_t id, const char *dim, const char *in, char **name,
		      struct pact_err *err)
{
	int64_t other;
	int found;

	if (text_clean(in ? in : "", _("group"), DIVERSITY_GROUP_MAX, true, false, name, err) !=
	    PACT_OK)
		return PACT_EINPUT;
	if (sql_int(db, &other, &found, err,
		    "SELECT id FROM diversity_group WHERE dimension = coalesce(?1, (SELECT dimension "
		    "FROM diversity_group WHERE id = ?3)) AND name = ?2 AND id <> ?3",
		    "ttI", dim, *name, id) != PACT_OK) {
		free(*name);
		return PACT_EDB;
	}
	if (found) {
		err_set(err, PACT_EINPUT, _("group: \"%s\" is on the list already"), *name);
		free(*name);
		return PACT_EINPUT;
	}
	return PACT_OK;
}

int diversity_group_add(sqlite3 *db, const char *dimension, const char *in,
			struct pact_err *err)
{
	char *name, uuid[37];
	int rc;

	if (diversity_dimension_index(dimension) < 0)
		return dimension_error(dimension, err);
	if ((rc = group_name(db, 0, dimension, in, &name, err)) != PACT_OK)
		return rc;
	stamp_uuid_ordered(uuid);
	rc = sql_exec(db, err,
		      "INSERT INTO diversity_group(uuid, dimension, name, position) VALUES (?, ?, ?, "
		      "(SELECT coalesce(max(position), 0) + 1 FROM diversity_group WHERE dimension "
		      "= ?2))",
		      "ttt", uuid, dimension, name);
	free(name);
	return rc;
}

int diversity_group_rename(sqlite3 *db, int64_t id, const char *in, struct pact_err *err)
{
	static const char *const moves[] = {
		"UPDATE diversity_count SET grp = ?1 WHERE (dimension, grp) = (SELECT dimension, "
		"name FROM diversity_group WHERE id = ?2)",
		"UPDATE population SET grp = ?1 WHERE (dimension, grp) = (SELECT dimension, name "
		"FROM diversity_group WHERE id = ?2)",
		"UPDATE diversity_group SET name = ?1 WHERE id = ?2",
	};
	char *name;
	int rc;

	if ((rc = group_name(db, id, NULL, in, &name, err)) != PACT_OK)
		return rc;
	rc = db_begin(db, err);
	for (size_t i = 0; rc == PACT_OK && i < 3; i++)
		rc = sql_exec(db, err, moves[i], "tI", name, id);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	free(name);
	return rc;
}

int diversity_group_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	int rc = sql_exec(db, err, "DELETE FROM diversity_group WHERE id = ?", "I", id);

	return sql_changed_one(db, rc, err, _("group"));
}

/* --- the counts of a session or an experiment --------------------------- */

static int owner_exists(sqlite3 *db, enum diversity_owner owner, int64_t id,
			struct pact_err *err)
{
	int64_t found_id;
	int found = 0;
	int rc = sql_int(db, &found_id, &found, err,
			 owner == DIVERSITY_SESSION ? "SELECT id FROM session WHERE id = ?"
						    : "SELECT id FROM experiment WHERE id = ?",
			 "I", id);

	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT, "%s",
			     owner == DIVERSITY_SESSION ? _("There is no such session.")
							: _("There is no such card."));
	return rc;
}

#define OWNER_FIELD(o) ((o) == DIVERSITY_SESSION ? "session_id" : "experiment_id")

void diversity_lines_free(struct diversity_line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i].group);
	free(lines);
}

int diversity_lines_get(sqlite3 *db, enum diversity_owner owner, int64_t id,
			struct diversity_line **lines, size_t *n, struct pact_err *err)
{
	/* the list's groups, then groups only a count names */
	static const char sql_session[] =
		"SELECT g.dimension, g.name, c.people, " DIM_ORDER("g.dimension") ", g.position "
		"FROM diversity_group g LEFT JOIN diversity_count c ON c.session_id = ?1 AND "
		"c.dimension = g.dimension AND c.grp = g.name UNION ALL SELECT c.dimension, c.grp, "
		"c.people, " DIM_ORDER("c.dimension") ", 1e9 FROM diversity_count c WHERE "
		"c.session_id = ?1 AND NOT EXISTS (SELECT 1 FROM diversity_group g WHERE "
		"g.dimension = c.dimension AND g.name = c.grp) ORDER BY 4, 5, 2";
	static const char sql_experiment[] =
		"SELECT g.dimension, g.name, c.people, " DIM_ORDER("g.dimension") ", g.position "
		"FROM diversity_group g LEFT JOIN diversity_count c ON c.experiment_id = ?1 AND "
		"c.dimension = g.dimension AND c.grp = g.name UNION ALL SELECT c.dimension, c.grp, "
		"c.people, " DIM_ORDER("c.dimension") ", 1e9 FROM diversity_count c WHERE "
		"c.experiment_id = ?1 AND NOT EXISTS (SELECT 1 FROM diversity_group g WHERE "
		"g.dimension = c.dimension AND g.name = c.grp) ORDER BY 4, 5, 2";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = owner_exists(db, owner, id, err);

	*lines = NULL;
	*n = 0;
	if (rc != PACT_OK)
		return rc;
	st = sql_query(db, err, owner == DIVERSITY_SESSION ? sql_session : sql_experiment, "I",
		       id);
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct diversity_line *more = array_room(*lines, *n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*lines = more;
		more[*n] = (struct diversity_line){
			.dim = diversity_dimension_index((const char *)sqlite3_column_text(st, 0)),
			.group = sql_text(st, 1),
			.people = sqlite3_column_type(st, 2) == SQLITE_NULL
					  ? -1
					  : sqlite3_column_int64(st, 2),
		};
		if (!more[(*n)++].group) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return PACT_OK;
	diversity_lines_free(*lines, *n);
	*lines = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? err_nomem(err) : db_error(db, err);
}

void diversity_line_label(const struct diversity_line *l, char *out, size_t size)
{
	snprintf(out, size, "%s: %s",
		 l->dim >= 0 ? _(diversity_dimension_labels[l->dim]) : "?",
		 diversity_group_label(l->dim, l->group));
}

/* One line's count: removed (people < 0), changed, or added. */
static int store_count(sqlite3 *db, enum diversity_owner owner, int64_t id,
		       const struct diversity_line *l, int64_t people, struct pact_err *err)
{
	char sql[400], uuid[37], now[21];
	const char *dim = diversity_dimension_keys[l->dim];
	int rc;

	if (people < 0) {
		snprintf(sql, sizeof sql,
			 "DELETE FROM diversity_count WHERE %s = ? AND dimension = ? AND grp = ?",
			 OWNER_FIELD(owner));
		return sql_exec(db, err, sql, "Itt", id, dim, l->group);
	}
	stamp_iso(time(NULL), now);
	snprintf(sql, sizeof sql,
		 "UPDATE diversity_count SET people = ?4, updated_at = ?5 WHERE %s = ?1 AND "
		 "dimension = ?2 AND grp = ?3 AND people <> ?4",
		 OWNER_FIELD(owner));
	if ((rc = sql_exec(db, err, sql, "IttIt", id, dim, l->group, people, now)) != PACT_OK)
		return rc;
	snprintf(sql, sizeof sql,
		 "INSERT INTO diversity_count(uuid, %s, dimension, grp, people, created_at, "
		 "updated_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6 WHERE NOT EXISTS (SELECT 1 FROM "
		 "diversity_count WHERE %s = ?2 AND dimension = ?3 AND grp = ?4)",
		 OWNER_FIELD(owner), OWNER_FIELD(owner));
	stamp_uuid_ordered(uuid);
	return sql_exec(db, err, sql, "tIttIt", uuid, id, dim, l->group, people, now);
}

int diversity_save(sqlite3 *db, enum diversity_owner owner, int64_t id,
		   const struct diversity_line *lines, const char *const *people, size_t n,
		   struct pact_err *err)
{
	int64_t *count = calloc(n ? n : 1, sizeof *count);
	int rc = count ? PACT_OK : err_nomem(err);

	for (size_t i = 0; rc == PACT_OK && i < n; i++) {
		char label[200];

		if (lines[i].dim < 0)
			return free(count), dimension_error("", err);
		count[i] = -1;
		if (!people[i] || value_is_blank(people[i]))
			continue;
		if (value_int(people[i], 0, DIVERSITY_PEOPLE_MAX, &count[i], err) != PACT_OK) {
			diversity_line_label(&lines[i], label, sizeof label);
			rc = err_set(err, PACT_EINPUT, "%s: %s", label, err->msg);
		}
	}
	if (rc == PACT_OK)
		rc = db_begin(db, err);
	if (rc == PACT_OK) {
		rc = owner_exists(db, owner, id, err);
		for (size_t i = 0; rc == PACT_OK && i < n; i++)
			rc = store_count(db, owner, id, &lines[i], count[i], err);
		rc = rc == PACT_OK ? db_commit(db, err) : rc;
		if (rc != PACT_OK)
			db_rollback(db);
	}
	free(count);
	return rc;
}

/* --- counts as they may be shown ---------------------------------------- */

void diversity_cells_free(struct diversity_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i].group);
	free(cells);
}

void diversity_count_text(const struct diversity_cell *c, char out[24])
{
	suppress_count_text(c->people, c->mark, out);
}

int64_t diversity_dimension_total(const struct diversity_cell *cells, size_t n, int dim)
{
	int64_t total = 0;

	for (size_t i = 0; i < n; i++)
		if (cells[i].dim == dim)
			total += cells[i].people;
	return total;
}

/* The sums being made: one per dimension and group, in the order met. */
struct summing {
	struct diversity_cell *cells;
	struct suppress_sum *sums;
	size_t n, cap, scap;
};

static bool sum_add(struct summing *s, int dim, const char *group, int64_t people,
		    enum suppress_mark mark)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->cells[i].dim == dim && strcmp(s->cells[i].group, group) == 0)
			break;
	if (i == s->n) {
		struct diversity_cell *more = array_room(s->cells, s->n, &s->cap, sizeof *more);
		struct suppress_sum *sums;

		if (!more)
			return false;
		s->cells = more;
		if (!(sums = array_room(s->sums, s->n, &s->scap, sizeof *sums)))
			return false;
		s->sums = sums;
		sums[s->n] = (struct suppress_sum){ 0 };
		more[s->n] = (struct diversity_cell){ .dim = dim, .group = strdup(group) };
		if (!more[s->n++].group)
			return false;
	}
	suppress_sum_add(&s->sums[i], people, mark);
	return true;
}

/* One owner's dimension (count[0..k), with their groups): suppressed, then
 * added to the sums. */
static bool block_done(struct summing *s, int dim, char **group, int64_t *count, size_t k)
{
	enum suppress_mark mark[64];

	if (!k)
		return true;
	if (k > 64 || !suppress_dimension(count, mark, k))
		for (size_t i = 0; i < k && i < 64; i++)
			mark[i] = SUPPRESS_MASKED;
	for (size_t i = 0; i < k; i++)
		if (!sum_add(s, dim, group[i], count[i], i < 64 ? mark[i] : SUPPRESS_MASKED))
			return false;
	return true;
}

int diversity_cells(sqlite3 *db, enum diversity_owner owner, int64_t id, const char *period,
		    bool quarter, struct diversity_cell **cells, size_t *n, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT CASE WHEN c.session_id IS NOT NULL THEN 's' || c.session_id ELSE 'e' || "
		"c.experiment_id END AS owner, c.dimension, c.grp, c.people FROM diversity_count c "
		"LEFT JOIN session s ON s.id = c.session_id LEFT JOIN experiment x ON x.id = "
		"c.experiment_id LEFT JOIN diversity_group g ON g.dimension = c.dimension AND "
		"g.name = c.grp WHERE c.people > 0 AND (?1 = 0 OR (?2 = 0 AND c.session_id = ?1) "
		"OR (?2 = 1 AND c.experiment_id = ?1)) AND (?3 IS NULL OR " DIVERSITY_PERIOD_SQL(
			"coalesce(s.date, x.end_date, x.start_date)", "?4") " = ?3) "
		"ORDER BY owner, " DIM_ORDER("c.dimension") ", g.position IS NULL, g.position, c.grp",
		"IdtI", id, owner == DIVERSITY_SESSION ? 0 : 1, period, (int64_t)quarter);
	struct summing s = { 0 };
	char *owner_at = NULL, *group[64];
	int64_t count[64];
	size_t k = 0;
	int dim = -1, rc;
	bool ok = true;

	*cells = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 0);
		int d = diversity_dimension_index((const char *)sqlite3_column_text(st, 1));

		if (!owner_at || strcmp(owner_at, who) != 0 || d != dim) {
			ok = block_done(&s, dim, group, count, k);
			for (size_t i = 0; i < k; i++)
				free(group[i]);
			k = 0;
			free(owner_at);
			owner_at = strdup(who);
			dim = d;
			ok = ok && owner_at;
		}
		if (ok && k < 64 && d >= 0) {
			count[k] = sqlite3_column_int64(st, 3);
			ok = (group[k++] = sql_text(st, 2)) != NULL;
		}
	}
	if (ok)
		ok = block_done(&s, dim, group, count, k);
	for (size_t i = 0; i < k; i++)
		free(group[i]);
	free(owner_at);
	sqlite3_finalize(st);
	for (size_t i = 0; i < s.n; i++) {
		s.cells[i].people = s.sums[i].count;
		s.cells[i].mark = s.sums[i].mark;
	}
	free(s.sums);
	if (ok && rc == SQLITE_DONE) {
		*cells = s.cells;
		*n = s.n;
		return PACT_OK;
	}
	diversity_cells_free(s.cells, s.n);
	return !ok ? err_nomem(err) : db_error(db, err);
}

int diversity_describe(sqlite3 *db, enum diversity_owner owner, int64_t id, FILE *out,
		       struct pact_err *err)
{
	struct diversity_cell *c;
	size_t n;
	bool hidden = false;
	int rc = diversity_cells(db, owner, id, NULL, false, &c, &n, err);

	if (rc != PACT_OK || !n) {
		return rc;
	}
	fprintf(out, "\n%s\n", _("Diversity (counts of people, never names)"));
	for (int d = 0; d < DIVERSITY_DIMENSIONS; d++) {
		const char *sep = "";
		bool any = false;

		for (size_t i = 0; i < n; i++) {
			char shown[24];

			if (c[i].dim != d)
				continue;
			if (!any)
				fprintf(out, "  %s: ", _(diversity_dimension_labels[d]));
			any = true;
			diversity_count_text(&c[i], shown);
			hidden |= c[i].mark != SUPPRESS_SHOWN;
			fprintf(out, "%s%s %s", sep, diversity_group_label(d, c[i].group), shown);
			sep = " · ";
		}
		if (any)
			fputc('\n', out);
	}
	if (hidden)
		fprintf(out, _("Groups of fewer than %d people are shown as <%d, so that nobody can be "
			       "picked out.\n"),
			SUPPRESS_MIN, SUPPRESS_MIN);
	diversity_cells_free(c, n);
	return PACT_OK;
}

/* --- the reference population -------------------------------------------- */

int population_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(
		p, db, "SELECT count(*) FROM population",
		"SELECT id, CASE dimension WHEN 'age' THEN :age WHEN 'household' THEN :household "
		"WHEN 'background' THEN :background WHEN 'culture' THEN :culture ELSE :literacy END, "
		"grp, people, source FROM population ORDER BY " DIM_ORDER("dimension") ", grp, id "
		"LIMIT :limit OFFSET :offset",
		err);
	static const char *const names[] = { ":age", ":household", ":background", ":culture",
					     ":literacy" };

	if (rc != PACT_OK)
		return rc;
	for (int d = 0; d < DIVERSITY_DIMENSIONS; d++)
		pager_bind_text(p, names[d], _(diversity_dimension_labels[d]));
	return pager_reload(p, err);
}

int population_save(sqlite3 *db, int64_t id, const char *dimension, const char *group,
		    const char *people, const char *source, struct pact_err *err)
{
	char *g = NULL, *src = NULL, uuid[37], now[21];
	int64_t count;
	int rc;

	if (diversity_dimension_index(dimension) < 0)
		return dimension_error(dimension, err);
	if (text_clean(group ? group : "", _("group"), DIVERSITY_GROUP_MAX, true, false, &g, err) !=
	    PACT_OK)
		return PACT_EINPUT;
	if (value_int(people ? people : "", 0, INT64_C(100000000), &count, err) != PACT_OK) {
		free(g);
		return err_set(err, PACT_EINPUT, "%s: %s", _("figure"), err->msg);
	}
	if (text_clean(source ? source : "", _("source"), 300, false, false, &src, err) !=
	    PACT_OK) {
		free(g);
		return PACT_EINPUT;
	}
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	if (id)
		rc = sql_changed_one(db,
				     sql_exec(db, err,
					      "UPDATE population SET dimension = ?, grp = ?, people = ?, "
					      "source = ? WHERE id = ?",
					      "ttItI", dimension, g, count, src, id),
				     err, _("figure"));
	else
		rc = sql_exec(db, err,
			      "INSERT INTO population(uuid, dimension, grp, people, source, "
			      "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(dimension, grp) DO "
			      "UPDATE SET people = excluded.people, source = excluded.source",
			      "tttIt" "t", uuid, dimension, g, count, src, now);
	free(g);
	free(src);
	return rc;
}

int population_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	int rc = sql_exec(db, err, "DELETE FROM population WHERE id = ?", "I", id);

	return sql_changed_one(db, rc, err, _("figure"));
}

int population_share(sqlite3 *db, int dim, const char *group, int64_t *people, int64_t *total,
		     struct pact_err *err)
{
	int found = 0;
	int rc = sql_int(db, total, NULL, err,
			 "SELECT coalesce(sum(people), 0) FROM population WHERE dimension = ?", "t",
			 diversity_dimension_keys[dim]);

	*people = 0;
	if (rc == PACT_OK)
		rc = sql_int(db, people, &found, err,
			     "SELECT people FROM population WHERE dimension = ? AND grp = ?", "tt",
			     diversity_dimension_keys[dim], group);
	if (!found)
		*people = 0;
	return rc;
}
