/* Sessions and participants. */
#include "brainstorm_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

const struct role_name participant_roles[] = {
	{ "resident", N_("resident") },
	{ "entrepreneur", N_("entrepreneur") },
	{ "institution", N_("institution") },
	{ "civil_servant", N_("civil servant") },
	{ "council_member", N_("council member") },
	{ "other", N_("other") },
	{ NULL, NULL },
};

const struct role_name participant_age_bands[] = {
	{ "under 18", N_("under 18") },
	{ "18-29", "18-29" },
	{ "30-44", "30-44" },
	{ "45-64", "45-64" },
	{ "65+", "65+" },
	{ NULL, NULL },
};

enum { CHOICES_MAX = 16 };

/* "(not given)" and the table's labels into out (CHOICES_MAX entries). */
static const char *const *choices_of(const struct role_name *table, const char **out)
{
	size_t i;

	out[0] = N_("(not given)");
	for (i = 0; table[i].key && i + 2 < CHOICES_MAX; i++)
		out[i + 1] = table[i].label;
	out[i + 1] = NULL;
	return out;
}

const char *const *participant_role_choices(void)
{
	static const char *choices[CHOICES_MAX];

	return choices_of(participant_roles, choices);
}

const char *const *participant_age_choices(void)
{
	static const char *choices[CHOICES_MAX];

	return choices_of(participant_age_bands, choices);
}

static const char *key_of(const struct role_name *table, int choice)
{
	for (int i = 0; choice > 0 && table[i].key; i++)
		if (i == choice - 1)
			return table[i].key;
	return NULL;
}

const char *participant_role_key(int choice)
{
	return key_of(participant_roles, choice);
}

const char *participant_age_key(int choice)
{
	return key_of(participant_age_bands, choice);
}

/* The cleaned fields of a session, each owned here. */
struct clean_session {
	char *title, *question, *facilitator, *location, *date, *notes;
	char retain[11];
	const char *retain_until; /* retain, or NULL when not set */
};

static void clean_free(struct clean_session *c)
{
	free(c->title);
	free(c->question);
	free(c->facilitator);
	free(c->location);
	free(c->date);
	free(c->notes);
}

static int clean_session(const struct session_fields *f, struct clean_session *c,
			 struct pact_err *err)
{
	char today[11];

	memset(c, 0, sizeof *c);
	stamp_date(time(NULL), today);
	if (text_clean(f->title ? f->title : "", _("title"), SESSION_TITLE_MAX, true, false,
		       &c->title, err) ||
	    text_clean(f->question ? f->question : "", _("question"), SESSION_TEXT_MAX, false,
		       false, &c->question, err) ||
	    text_clean(f->facilitator ? f->facilitator : "", _("facilitator"), SESSION_TITLE_MAX,
		       false, false, &c->facilitator, err) ||
	    text_clean(f->location ? f->location : "", _("location"), SESSION_TITLE_MAX, false,
		       false, &c->location, err) ||
	    /* room past 10 characters: a long wrong date gets the date's message */
	    text_clean(f->date && !value_is_blank(f->date) ? f->date : today, _("date"),
		       VALUE_QUOTE_CHARS, true, false, &c->date, err) ||
	    text_clean(f->notes ? f->notes : "", _("notes"), SESSION_NOTES_MAX, false, true,
		       &c->notes, err)) {
		clean_free(c);
		return PACT_EINPUT;
	}
	{
		/* YYYY-MM-DD, or D-M-YYYY as Dutch users write it */
		char iso[11];
		struct pact_err why;
		if (value_date(c->date, iso, &why) != PACT_OK) {
			err_set(err, PACT_EINPUT, "%s: %s", _("date"), why.msg);
			clean_free(c);
			return PACT_EINPUT;
		}
		free(c->date);
		if (!(c->date = strdup(iso))) {
			clean_free(c);
			return err_nomem(err);
		}
	}
	c->retain_until = NULL;
	if (f->retain_until && !value_is_blank(f->retain_until)) {
		struct pact_err why;
		if (value_date(f->retain_until, c->retain, &why) != PACT_OK) {
			err_set(err, PACT_EINPUT, "%s: %s", _("keep personal data until"), why.msg);
			clean_free(c);
			return PACT_EINPUT;
		}
		c->retain_until = c->retain;
	}
	return PACT_OK;
}

int session_create(sqlite3 *db, const struct session_fields *f, int64_t *id, struct pact_err *err)
{
	struct clean_session c;
	char uuid[37], now[21];
	int rc;

	if (clean_session(f, &c, err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	rc = sql_exec(db, err,
		      "INSERT INTO session(uuid, title, question, facilitator, location, date, notes, "
		      "retain_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		      "ttttttttt", uuid, c.title, c.question, c.facilitator, c.location, c.date, c.notes,
		      c.retain_until, now);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	clean_free(&c);
	return rc;
}

int session_update(sqlite3 *db, int64_t id, const struct session_fields *f, struct pact_err *err)
{
	struct clean_session c;
	int rc;

	if (clean_session(f, &c, err) != PACT_OK)
		return PACT_EINPUT;
	rc = sql_exec(db, err,
		      "UPDATE session SET title = ?, question = ?, facilitator = ?, location = ?, "
		      "date = ?, notes = ?, retain_until = ? WHERE id = ?",
		      "tttttttI", c.title, c.question, c.facilitator, c.location, c.date, c.notes,
		      c.retain_until, id);
	clean_free(&c);
	return sql_changed_one(db, rc, err, _("session"));
}

int session_set_archived(sqlite3 *db, int64_t id, bool archived, struct pact_err *err)
{
	return sql_changed_one(db,
			   sql_exec(db, err, "UPDATE session SET archived = ? WHERE id = ?", "dI",
				    archived ? 1 : 0, id),
			   err, _("session"));
}

int session_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	/* Foreign keys cascade to rounds, clusters, participants and ideas. */
	return sql_changed_one(db, sql_exec(db, err, "DELETE FROM session WHERE id = ?", "I", id), err,
			   _("session"));
}

int session_get(sqlite3 *db, int64_t id, struct session *out, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT uuid, title, question, facilitator, location, date, "
				     "notes, archived, coalesce(retain_until, '') FROM session WHERE id = ?",
				     "I", id);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = id;
		snprintf(out->uuid, sizeof out->uuid, "%s", sqlite3_column_text(st, 0));
		out->title = sql_text(st, 1);
		out->question = sql_text(st, 2);
		out->facilitator = sql_text(st, 3);
		out->location = sql_text(st, 4);
		out->date = sql_text(st, 5);
		out->notes = sql_text(st, 6);
		out->archived = sqlite3_column_int(st, 7) != 0;
		out->retain_until = sql_text(st, 8);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return PACT_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, PACT_EINPUT, _("no session %lld"), (long long)id);
	return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
}

void session_free(struct session *s)
{
	free(s->title);
	free(s->question);
	free(s->facilitator);
	free(s->location);
	free(s->date);
	free(s->notes);
	free(s->retain_until);
	memset(s, 0, sizeof *s);
}

int session_find(sqlite3 *db, const char *ref, int64_t *id, struct pact_err *err)
{
	char *end;
	long long n = strtoll(ref, &end, 10);
	int found = 0;

	if (*ref && *end == '\0' && n > 0) {
		if (sql_int(db, id, &found, err, "SELECT id FROM session WHERE id = ?", "I",
			    (int64_t)n))
			return PACT_EDB;
	} else if (sql_int(db, id, &found, err, "SELECT id FROM session WHERE uuid = lower(?)",
			   "t", ref)) {
		return PACT_EDB;
	}
	if (!found)
		return err_set(err, PACT_EINPUT,
			       _("no session '%s' (give its number from 'pact session list', or its "
				 "UUID)"),
			       ref);
	return PACT_OK;
}

int session_pager(struct pager *p, sqlite3 *db, bool archived, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM session WHERE archived = :archived",
			    "SELECT s.id, s.title, showdate(s.date), "
			    " (SELECT count(*) FROM idea i WHERE i.session_id = s.id "
			    "  AND i.merged_into IS NULL), "
			    " " SESSION_PEOPLE_SQL " "
			    "FROM session s WHERE s.archived = :archived "
			    "ORDER BY s.date DESC, s.id DESC LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":archived", archived ? 1 : 0);
		rc = pager_reload(p, err);
	}
	return rc;
}

static bool known_role(const char *role)
{
	for (const struct role_name *r = participant_roles; r->key; r++)
		if (strcmp(r->key, role) == 0)
			return true;
	return false;
}

int participant_add(sqlite3 *db, int64_t session_id, const struct participant_fields *f,
		    int64_t *id, struct pact_err *err)
{
	char *alias = NULL, *name = NULL, *wijk = NULL, *age = NULL, uuid[37];
	int64_t existing = 0;
	int rc = PACT_EINPUT;

	if (text_clean(f->alias ? f->alias : "", _("alias"), 60, true, false, &alias, err) ||
	    text_clean(f->name ? f->name : "", _("name"), 200, false, false, &name, err) ||
	    text_clean(f->wijk ? f->wijk : "", _("neighbourhood"), 100, false, false, &wijk, err) ||
	    text_clean(f->age_band ? f->age_band : "", _("age band"), 20, false, false, &age, err))
		goto out;
	if (*name && !f->consent) {
		err_set(err, PACT_EINPUT,
			_("name: a name is stored only when the participant agrees (consent); "
			  "otherwise give an alias only"));
		goto out;
	}
	if (f->role && *f->role && !known_role(f->role)) {
		err_set(err, PACT_EINPUT,
			_("role: '%s' is not a role; use resident, entrepreneur, institution, "
			  "civil_servant, council_member or other"),
			f->role);
		goto out;
	}
	if ((rc = participant_by_alias(db, session_id, alias, &existing, err)) != PACT_OK)
		goto out;
	if (existing) {
		rc = err_set(err, PACT_EINPUT, _("alias: '%s' is already taken in this session"),
			     alias);
		goto out;
	}
	stamp_uuid(uuid);
	rc = sql_exec(db, err,
		      "INSERT INTO participant(uuid, session_id, alias, name, consent, role, wijk, "
		      "age_band) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		      "tIttdttt", uuid, session_id, alias, *name ? name : NULL, f->consent ? 1 : 0,
		      f->role && *f->role ? f->role : NULL, *wijk ? wijk : NULL, *age ? age : NULL);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
out:
	free(alias);
	free(name);
	free(wijk);
	free(age);
	return rc;
}

int participant_by_alias(sqlite3 *db, int64_t session_id, const char *alias, int64_t *id,
			 struct pact_err *err)
{
	int found;

	*id = 0;
	if (sql_int(db, id, &found, err,
		    "SELECT id FROM participant WHERE session_id = ? AND alias = ? COLLATE NOCASE",
		    "It", session_id,
		    alias))
		return PACT_EDB;
	if (!found)
		*id = 0;
	return PACT_OK;
}

char *participant_alias(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = sql_query(db, NULL, "SELECT alias FROM participant WHERE id = ?", "I", id);
	char *alias = NULL;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		alias = sql_text(st, 0);
	sqlite3_finalize(st);
	return alias;
}

int participant_forget(sqlite3 *db, int64_t id, struct pact_err *err)
{
	/* The tombstone (UUID, kind, date; never the name) commits with the
	 * deletion, so an older copy merged or imported later cannot bring the
	 * person back. */
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT OR IGNORE INTO forgotten(uuid, kind, date) SELECT uuid, "
			      "'participant', date('now', 'localtime') FROM participant WHERE id = ?",
			      "I", id);
	if (rc == PACT_OK)
		rc = sql_changed_one(db, sql_exec(db, err, "DELETE FROM participant WHERE id = ?", "I", id),
				 err, _("participant"));
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

int participant_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM participant WHERE session_id = :session",
			    "SELECT id, alias, coalesce(role, ''), coalesce(wijk, '') "
			    "FROM participant WHERE session_id = :session "
			    "ORDER BY alias COLLATE NOCASE LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":session", session_id);
		rc = pager_reload(p, err);
	}
	return rc;
}
