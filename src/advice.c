/* Advice records. */
#include "advice.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "werkvorm.h"

int advice_save(sqlite3 *db, const struct advice_fields *f, int64_t *id, struct pact_err *err)
{
	char *title, uuid[37], now[21], today[11];
	int rc;

	if (text_clean(f->title ? f->title : "", _("question (vraagstuk)"), 300, true, false, &title,
		       err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
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

char *advice_answers_format(const struct tree_step *path, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	for (size_t i = 0; f && i < n; i++) {
		const struct tree_answer *a = tree_step_answer(&path[i]);
		fprintf(f, "%s%s=%s", i ? " " : "", path[i].q->id, a ? a->id : "");
	}
	return text_stream_close(f, &buf);
}

void advice_answers_free(struct advice_answer *answers, size_t n)
{
	for (size_t i = 0; answers && i < n; i++) {
		free(answers[i].question);
		free(answers[i].answer);
	}
	free(answers);
}

/* The pair "question=answer" (len bytes from s, the "=" at q, or q == len
 * when there is none) at the end of *list; false when out of memory. */
static bool add_answer(struct advice_answer **list, size_t *count, size_t *cap, const char *s,
		       size_t q, size_t len)
{
	struct advice_answer *more = array_room(*list, *count, cap, sizeof *more);
	char *question, *answer;

	if (!more)
		return false;
	*list = more;
	question = strndup(s, q);
	answer = strndup(s + (q < len ? q + 1 : len), q < len ? len - q - 1 : 0);
	if (!question || !answer) {
		free(question);
		free(answer);
		return false;
	}
	more[*count].answer = answer;
	more[(*count)++].question = question; /* last: gcc 12's analyser loses it under later stores */
	return true;
}

int advice_answers_parse(const char *stored, struct advice_answer **out, size_t *n,
			 struct pact_err *err)
{
	struct advice_answer *list = NULL;
	size_t count = 0, cap = 0;
	const char *s = stored ? stored : "";

	*out = NULL;
	*n = 0;
	for (;;) {
		size_t len, q;

		s += strspn(s, " ");
		if (!*s)
			break;
		len = strcspn(s, " ");
		q = strcspn(s, "=");
		if (q > len)
			q = len;
		if (!add_answer(&list, &count, &cap, s, q, len)) {
			advice_answers_free(list, count);
			return err_nomem(err);
		}
		s += len;
	}
	*out = list;
	*n = count;
	return PACT_OK;
}

size_t advice_answers_path(const struct tree *t, const struct advice_answer *answers, size_t n,
			   struct tree_step *path, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k < max; i++) {
		const struct tree_node *q = tree_find(t, answers[i].question);
		const struct tree_answer *a = tree_find_answer(q, answers[i].answer);
		if (q && q->kind == TREE_QUESTION && a)
			path[k++] = (struct tree_step){ q, (size_t)(a - q->answers) };
	}
	return k;
}

char *advice_forms_format(const struct werkvorm_pick *picks, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	for (size_t i = 0; f && i < n && i < ADVICE_FORMS_MAX; i++)
		fprintf(f, "%s%s", i ? "; " : "", picks[i].name);
	return text_stream_close(f, &buf);
}
