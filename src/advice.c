/* Advice records. */
#include "advice.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"

int advice_save(sqlite3 *db, const struct advice_fields *f, int64_t *id, struct pact_err *err)
{
	char *title, uuid[37], now[21], today[11];
	int rc;

	if (text_clean(f->title ? f->title : "", _("question (vraagstuk)"), 300, true, false, &title,
		       err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid(uuid);
	stamp_iso(time(NULL), now);
	stamp_date(time(NULL), today);
	if (id && *id > 0) {
		rc = sql_exec(db, err,
			      "UPDATE advice SET tree_version = ?, answers = ?, outcome = ?, rung = ?, "
			      "forms = ? WHERE id = ?",
			      "tttttI", f->tree_version ? f->tree_version : "", f->answers ? f->answers : "",
			      f->outcome ? f->outcome : "", f->rung ? f->rung : "", f->forms ? f->forms : "",
			      *id);
		free(title);
		return rc;
	}
	rc = sql_exec(db, err,
		      "INSERT INTO advice(uuid, title, author, date, tree_version, answers, outcome, "
		      "rung, forms, revision_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		      "ttttttttttt", uuid, title, f->author ? f->author : "", today,
		      f->tree_version ? f->tree_version : "", f->answers ? f->answers : "",
		      f->outcome ? f->outcome : "", f->rung ? f->rung : "", f->forms ? f->forms : "",
		      f->revision_of, now);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	free(title);
	return rc;
}

int advice_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM advice",
			    "SELECT id, title, showdate(date), showrung(rung), author FROM advice ORDER BY id DESC "
			    "LIMIT :limit OFFSET :offset",
			    err);

	return rc == PACT_OK ? pager_reload(p, err) : rc;
}

int advice_get(sqlite3 *db, int64_t id, struct advice_text *out, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT uuid, title, author, date, tree_version, answers, outcome, "
				     "rung, forms FROM advice WHERE id = ?",
				     "I", id);
	char **fields[] = { &out->uuid, &out->title, &out->author, &out->date, &out->tree_version,
			    &out->answers, &out->outcome, &out->rung, &out->forms };
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	for (int i = 0; rc == SQLITE_ROW && i < 9; i++)
		*fields[i] = sql_text(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? PACT_OK
				: err_set(err, PACT_EINPUT, _("no advice %lld"), (long long)id);
}

void advice_text_free(struct advice_text *a)
{
	free(a->uuid), free(a->title), free(a->author), free(a->date), free(a->tree_version);
	free(a->answers), free(a->outcome), free(a->rung), free(a->forms);
	memset(a, 0, sizeof *a);
}
