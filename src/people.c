/* The register of the people in the programme (the accelerator pool). */
#include "people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "board.h"
#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

const char *const people_role_keys[PEOPLE_ROLES + 1] = {
	"accelerator", "opgaveteam", "facilitator", "other", NULL,
};
/* TRANSLATORS: the roles of people in the programme; the handbook's Dutch
 * words are versneller, lid opgaveteam, facilitator. */
static const char *const role_labels[PEOPLE_ROLES] = {
	N_("accelerator (versneller)"), N_("member of the opgaveteam"), NULL, NULL,
};
/* TRANSLATORS: the same roles in a word, for a narrow column. */
static const char *const role_short[PEOPLE_ROLES] = {
	N_("accelerator"), N_("opgaveteam"), NULL, NULL,
};

int people_role_index(const char *key)
{
	for (int i = 0; key && i < PEOPLE_ROLES; i++)
		if (strcmp(key, people_role_keys[i]) == 0)
			return i;
	return -1;
}

/* facilitator and other read the same long and short. */
static const char *role_name(const char *key, const char *const *labels)
{
	int i = people_role_index(key);

	if (i < 0)
		return key ? key : "";
	if (i == 2)
		return C_("person", "facilitator");
	if (i == 3)
		return C_("person", "other");
	return _(labels[i]);
}

const char *people_role_label(const char *key)
{
	return role_name(key, role_labels);
}

const char *people_role_short(const char *key)
{
	return role_name(key, role_short);
}

/* --- team lists ---------------------------------------------------------- */

char **people_split(const char *team)
{
	char **out = calloc(1, sizeof *out);
	size_t n = 0, cap = 1;
	const char *p = team ? team : "";

	while (out && *p) {
		size_t len = strcspn(p, ",");
		const char *s = p, *e = p + len;
		p = *e ? e + 1 : e;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e == s)
			continue;
		char **more = array_room(out, n + 1, &cap, sizeof *more);
		if (!more || !(more[n] = strndup(s, (size_t)(e - s)))) {
			sql_strings_free(more ? more : out);
			return NULL;
		}
		out = more;
		out[++n] = NULL;
	}
	return out;
}

char *people_join_team(const char *team)
{
	char **names = people_split(team);
	size_t size = 1;
	char *out;

	if (!names)
		return NULL;
	for (size_t i = 0; names[i]; i++)
		size += strlen(names[i]) + 2;
	if ((out = malloc(size)) != NULL) {
		out[0] = '\0';
		for (size_t i = 0; names[i]; i++) {
			if (i)
				strcat(out, ", ");
			strcat(out, names[i]);
		}
	}
	sql_strings_free(names);
	return out;
}

bool people_team_has(const char *team, const char *name)
{
	char **names = people_split(team);
	bool has = false;

	for (size_t i = 0; names && names[i] && !has; i++)
		has = strcmp(names[i], name) == 0;
	sql_strings_free(names);
	return has;
}

char *people_team_add(const char *team, const char *name)
{
	char *joined = people_join_team(team), *out;
	size_t size;

	if (!joined || people_team_has(joined, name) || !*name)
		return joined;
	size = strlen(joined) + strlen(name) + 3;
	if ((out = malloc(size)) != NULL)
		snprintf(out, size, "%s%s%s", joined, *joined ? ", " : "", name);
	free(joined);
	return out;
}

/* --- the register -------------------------------------------------------- */

/* The checked name, department and contact; the caller frees them. */
struct checked {
	char *name, *department, *contact;
	int role;
};

static void checked_free(struct checked *c)
{
	free(c->name);
	free(c->department);
	free(c->contact);
}

static int check_name(sqlite3 *db, int64_t id, const char *in, char **name, struct pact_err *err)
{
	int64_t other;
	int found;

	if (text_clean(in ? in : "", _("name"), PEOPLE_NAME_MAX, true, false, name, err) != PACT_OK)
		return PACT_EINPUT;
	if (strchr(*name, ','))
		return err_set(err, PACT_EINPUT,
			       _("name: a name cannot hold a comma (a card's team lists names "
				 "separated by commas)"));
	if (sql_int(db, &other, &found, err,
		    "SELECT id FROM person WHERE name = ?1 COLLATE NOCASE AND id <> ?2", "tI", *name,
		    id) != PACT_OK)
		return PACT_EDB;
	if (found)
		return err_set(err, PACT_EINPUT, _("name: \"%s\" is in the register already"), *name);
	return PACT_OK;
}

static int check(sqlite3 *db, int64_t id, const struct person_form *f, struct checked *c,
		 struct pact_err *err)
{
	memset(c, 0, sizeof *c);
	if (check_name(db, id, f->name, &c->name, err) != PACT_OK)
		return err->status;
	if ((c->role = people_role_index(f->role)) < 0)
		return err_set(err, PACT_EINPUT, _("role: unknown role \"%s\""), f->role ? f->role : "");
	if (text_clean(f->department ? f->department : "", _("department"), PEOPLE_DEPARTMENT_MAX,
		       false, false, &c->department, err) != PACT_OK ||
	    text_clean(f->contact ? f->contact : "", _("contact"), PEOPLE_CONTACT_MAX, false, false,
		       &c->contact, err) != PACT_OK)
		return PACT_EINPUT;
	if (c->contact[0] && !f->consent)
		return err_set(err, PACT_EINPUT,
			       _("contact: contact details are kept only when the person agrees "
				 "(consent); say yes to consent or leave contact empty"));
	return PACT_OK;
}

int people_save(sqlite3 *db, int64_t id, const struct person_form *f, int64_t *new_id,
		struct pact_err *err)
{
	struct checked c;
	char uuid[37], now[21];
	int rc = check(db, id, f, &c, err);

	stamp_iso(time(NULL), now);
	if (rc == PACT_OK && id)
		rc = sql_changed_one(db,
				     sql_exec(db, err,
					      "UPDATE person SET name = ?, role = ?, department = ?, "
					      "consent = ?, contact = nullif(?, ''), updated_at = ? "
					      "WHERE id = ?",
					      "ttttttI", c.name, people_role_keys[c.role], c.department,
					      f->consent ? "1" : "0", c.contact, now, id),
				     err, _("person"));
	else if (rc == PACT_OK) {
		stamp_uuid(uuid);
		rc = sql_exec(db, err,
			      "INSERT INTO person(uuid, name, role, department, consent, contact, "
			      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?, ?)",
			      "ttttdttt", uuid, c.name, people_role_keys[c.role], c.department,
			      f->consent ? 1 : 0, c.contact, now, now);
		if (rc == PACT_OK && new_id)
			*new_id = sqlite3_last_insert_rowid(db);
	}
	checked_free(&c);
	return rc;
}

int people_get(sqlite3 *db, int64_t id, struct person *out, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT uuid, name, role, department, coalesce(contact, ''), "
				     "consent FROM person WHERE id = ?",
				     "I", id);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return PACT_EDB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = (struct person){ .id = id, .uuid = sql_text(st, 0), .name = sql_text(st, 1),
					.role = sql_text(st, 2), .department = sql_text(st, 3),
					.contact = sql_text(st, 4),
					.consent = sqlite3_column_int(st, 5) == 1 };
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return out->name && out->contact ? PACT_OK : err_nomem(err);
	return rc == SQLITE_DONE ? err_set(err, PACT_EINPUT, _("There is no such person."))
				 : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

void people_person_free(struct person *p)
{
	free(p->uuid);
	free(p->name);
	free(p->role);
	free(p->department);
	free(p->contact);
	memset(p, 0, sizeof *p);
}

int people_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_changed_one(db, sql_exec(db, err, "DELETE FROM person WHERE id = ?", "I", id),
			       err, _("person"));
}

/* --- forgetting ---------------------------------------------------------- */

/* The team list in SQL with its separators as single commas. */
#define TEAM_LIST "(',' || replace(replace(team, ', ', ','), ' ,', ',') || ',')"

int people_unname_cards(sqlite3 *db, const char *name, struct pact_err *err)
{
	int rc = sql_exec(db, err, "UPDATE experiment SET owner = '' WHERE owner = ?", "t", name);

	/* Where else pact keeps a programme member's name as a whole field: the
	 * facilitator of a session, the author of an advice, who evaluated (a
	 * field that may not be empty: a dash). */
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE session SET facilitator = '' WHERE facilitator = ?",
			      "t", name);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE advice SET author = '' WHERE author = ?", "t", name);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "UPDATE evaluation SET evaluated_by = '-' WHERE evaluated_by = ?", "t",
			      name);

	/* Twice: ",A,A," holds the name twice with one comma between. */
	for (int i = 0; rc == PACT_OK && i < 2; i++)
		rc = sql_exec(db, err,
			      "UPDATE experiment SET team = trim(replace(replace(" TEAM_LIST
			      ", ',' || ?1 || ',', ','), ',', ', '), ', ') "
			      "WHERE instr(" TEAM_LIST ", ',' || ?1 || ',') > 0",
			      "t", name);
	return rc;
}

int people_forget_in(sqlite3 *db, int64_t id, struct pact_err *err)
{
	struct person p;
	int rc = people_get(db, id, &p, err);

	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT OR IGNORE INTO forgotten(uuid, kind, date) "
			      "VALUES (?, 'person', date('now', 'localtime'))",
			      "t", p.uuid);
	if (rc == PACT_OK)
		rc = people_unname_cards(db, p.name, err);
	if (rc == PACT_OK)
		rc = people_delete(db, id, err);
	people_person_free(&p);
	return rc;
}

int people_forget(sqlite3 *db, const char *ref, struct pact_err *err)
{
	char *end;
	long long number = strtoll(ref, &end, 10);
	int64_t id;
	int found;
	int rc = sql_int(db, &id, &found, err,
			 "SELECT id FROM person WHERE uuid = lower(?1) OR (?2 > 0 AND id = ?2)", "tI",
			 ref, (int64_t)(*ref && !*end ? number : 0));

	if (rc != PACT_OK)
		return rc;
	if (!found)
		return err_set(err, PACT_EINPUT,
			       _("no person '%s' (give the number or UUID; pact export people lists "
				 "them)"),
			       ref);
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = people_forget_in(db, id, err);
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

/* --- lists --------------------------------------------------------------- */

char **people_names(sqlite3 *db, struct pact_err *err)
{
	return sql_strings(
		sql_query(db, err, "SELECT name FROM person ORDER BY name COLLATE NOCASE, id", ""));
}

static bool listed(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

char **people_missing(sqlite3 *db, const char *owner, const char *team, struct pact_err *err)
{
	char **all = people_split(team), **out = calloc(1, sizeof *out), *first;
	size_t n = 0, cap = 1, nall = 0;
	int rc = PACT_OK;

	if (!all || !out || !(first = strdup(owner ? owner : ""))) {
		sql_strings_free(all);
		sql_strings_free(out);
		err_nomem(err);
		return NULL;
	}
	/* the owner first, then the team */
	while (all[nall])
		nall++;
	for (size_t i = 0; rc == PACT_OK && i <= nall; i++) {
		char *name = i == 0 ? first : all[i - 1];
		char *clean;
		int64_t id;
		int found = 1;
		if (text_clean(name, "", PEOPLE_NAME_MAX, false, false, &clean, err) != PACT_OK)
			continue;
		if (clean[0] && !listed(out, n, clean))
			rc = sql_int(db, &id, &found, err,
				     "SELECT id FROM person WHERE name = ? COLLATE NOCASE", "t", clean);
		if (rc == PACT_OK && !found) {
			char **more = array_room(out, n + 1, &cap, sizeof *more);
			if (!more) {
				rc = err_nomem(err);
				free(clean);
				break;
			}
			out = more;
			out[n++] = clean;
			out[n] = NULL;
			continue;
		}
		free(clean);
	}
	free(first);
	sql_strings_free(all);
	if (rc != PACT_OK) {
		sql_strings_free(out);
		return NULL;
	}
	return out;
}

int people_add_names(sqlite3 *db, const char *const *names, int64_t *added, struct pact_err *err)
{
	int rc = db_begin(db, err);

	*added = 0;
	for (size_t i = 0; rc == PACT_OK && names && names[i]; i++) {
		struct person_form f = { .name = names[i], .role = "other" };
		struct pact_err why;
		int64_t id;
		int found;
		rc = sql_int(db, &id, &found, err, "SELECT id FROM person WHERE name = ? COLLATE NOCASE",
			     "t", names[i]);
		if (rc != PACT_OK || found)
			continue;
		if ((rc = people_save(db, 0, &f, NULL, &why)) != PACT_OK)
			err_set(err, rc, "%s", why.msg);
		else
			(*added)++;
	}
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK) {
		db_rollback(db);
		*added = 0;
	}
	return rc;
}

#define ROLE_CASE                                                                              \
	"CASE role WHEN 'accelerator' THEN :accelerator WHEN 'opgaveteam' THEN :opgaveteam "   \
	"WHEN 'facilitator' THEN :facilitator WHEN 'other' THEN :other ELSE role END"

static void bind_roles(struct pager *p, const char *(*label)(const char *key))
{
	pager_bind_text(p, ":accelerator", label("accelerator"));
	pager_bind_text(p, ":opgaveteam", label("opgaveteam"));
	pager_bind_text(p, ":facilitator", label("facilitator"));
	pager_bind_text(p, ":other", label("other"));
}

int people_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM person",
			    "SELECT id, name, " ROLE_CASE " FROM person "
			    "ORDER BY name COLLATE NOCASE, id LIMIT :limit OFFSET :offset",
			    err);

	if (rc != PACT_OK)
		return rc;
	bind_roles(p, people_role_label);
	return pager_reload(p, err);
}

#define POOL_COUNT(status)                                                                     \
	"nullif((SELECT count(*) FROM experiment x WHERE x.status = '" status "' AND "          \
	BOARD_CARD_NAMES("person.name") "), 0)"

int people_pool_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM person",
			    "SELECT id, name, " ROLE_CASE ", " POOL_COUNT("idea") ", "
			    POOL_COUNT("preparing") ", " POOL_COUNT("running") ", "
			    POOL_COUNT("evaluating") ", " POOL_COUNT("anchored") ", "
			    POOL_COUNT("stopped") " FROM person "
			    "ORDER BY name COLLATE NOCASE, id LIMIT :limit OFFSET :offset",
			    err);

	if (rc != PACT_OK)
		return rc;
	bind_roles(p, people_role_short);
	return pager_reload(p, err);
}

char *people_describe(sqlite3 *db, int64_t id)
{
	struct person p;
	struct pact_err err;
	sqlite3_stmt *st;
	char *text = NULL;
	size_t size = 0;
	FILE *out;
	int last = -1;

	if (people_get(db, id, &p, &err) != PACT_OK)
		return NULL;
	st = sql_query(db, &err,
		       "SELECT x.status, x.title, fold(x.owner) = fold(?1) FROM experiment x WHERE "
		       BOARD_CARD_NAMES("?1") " ORDER BY CASE x.status WHEN 'idea' THEN 0 "
		       "WHEN 'preparing' THEN 1 WHEN 'running' THEN 2 WHEN 'evaluating' THEN 3 "
		       "WHEN 'anchored' THEN 4 ELSE 5 END, x.position, x.id",
		       "t", p.name);
	if (!st || !(out = open_memstream(&text, &size))) {
		sqlite3_finalize(st);
		people_person_free(&p);
		return NULL;
	}
	fprintf(out, "%s\n%s", p.name, people_role_label(p.role));
	if (p.department[0])
		fprintf(out, " · %s", p.department);
	fprintf(out, "\n");
	if (p.contact[0])
		fprintf(out, "%s: %s\n", _("Contact"), p.contact);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int c = board_status_index((const char *)sqlite3_column_text(st, 0));
		if (c != last)
			fprintf(out, "\n%s\n", c >= 0 ? board_column_name(c) : "?");
		last = c;
		fprintf(out, "  %s (%s)\n", (const char *)sqlite3_column_text(st, 1),
			sqlite3_column_int(st, 2) ? _("owner") : _("team"));
	}
	if (last < 0)
		fprintf(out, "\n%s\n", _("No cards name this person as owner or in the team."));
	sqlite3_finalize(st);
	fclose(out);
	people_person_free(&p);
	return text;
}
