/* The evaluation form's checks and storage, for every kind of subject. */
#define _GNU_SOURCE
#include "evaluation.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

const char *const board_repeat_keys[4] = { "yes", "no", "changes", NULL };
const char *const board_repeat_labels[4] = { N_("yes"), N_("no"), N_("with changes"), NULL };
const char *const evaluation_fits_keys[5] = { "", "yes", "partly", "no", NULL };
const char *const evaluation_fits_labels[5] = { N_("not answered"), N_("yes"), N_("partly"),
						N_("no"), NULL };

/* The evaluation's field that names the subject, and the table it is in. */
static const char *const subject_fields[EVAL_SUBJECTS] = { "experiment_id", "session_id",
							   "advice_id" };
static const char *const subject_tables[EVAL_SUBJECTS] = { "experiment", "session", "advice" };

static bool known_subject(int subject)
{
	return subject >= 0 && subject < EVAL_SUBJECTS;
}

int evaluation_get(sqlite3 *db, int subject, int64_t id, char *v[BOARD_EVAL_FIELDS],
		   struct pact_err *err)
{
	char sql[512];
	sqlite3_stmt *st;
	int rc;

	memset(v, 0, sizeof(char *) * BOARD_EVAL_FIELDS);
	if (!known_subject(subject))
		return err_set(err, PACT_EINPUT, _("nothing to evaluate"));
	snprintf(sql, sizeof sql,
		 "SELECT goal, participants, who, worked, not_worked, dos, donts, repeat, learnings, "
		 "evaluated_by, showdate(date), coalesce(fits, ''), fits_why, "
		 "coalesce(satisfaction, ''), satisfaction_note, coalesce(support, ''), "
		 "support_note, coalesce(legitimacy, ''), legitimacy_note, diversity "
		 "FROM evaluation WHERE %s = ?",
		 subject_fields[subject]);
	if (!(st = sql_query(db, err, sql, "I", id)))
		return PACT_EDB;
	rc = sqlite3_step(st);
	for (int i = 0; rc == SQLITE_ROW && i < BOARD_EVAL_FIELDS; i++)
		v[i] = sql_text(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PACT_OK
						     : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

/* A public-value scale: 1 to 5, or blank for not answered (*out NULL). */
static int scale(const char *in, const char *field, char out[2], const char **value,
		 struct pact_err *err)
{
	struct pact_err why;
	int64_t n;

	*value = NULL;
	if (!in || value_is_blank(in))
		return PACT_OK;
	if (value_int(in, 1, 5, &n, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: %s (or leave it empty: not answered)"), field,
			       why.msg);
	out[0] = (char)('0' + n);
	out[1] = '\0';
	*value = out;
	return PACT_OK;
}

/* The answer to "does it fit Schiedam": NULL when not answered. */
static int fits(const char *in, const char **key, struct pact_err *err)
{
	*key = NULL;
	if (!in || value_is_blank(in))
		return PACT_OK;
	for (int i = 1; evaluation_fits_keys[i]; i++)
		if (strcmp(in, evaluation_fits_keys[i]) == 0) {
			*key = evaluation_fits_keys[i];
			return PACT_OK;
		}
	return err_set(err, PACT_EINPUT,
		       _("fits Schiedam: '%s' is not an answer; write yes, partly or no"), in);
}

enum { NTEXTS = 12 };

/* The checked numbers and choices of the form. */
struct checked {
	int64_t goal, people;
	int repeat;
	char date[11], sat[2], sup[2], leg[2];
	const char *fits, *satisfaction, *support, *legitimacy;
};

static int check_values(const struct board_evaluation *e, struct checked *c, struct pact_err *err)
{
	struct pact_err why;

	c->people = 0;
	c->repeat = -1;
	if (value_int(e->goal ? e->goal : "", 1, 5, &c->goal, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, "%s: %s", _("goal reached"), why.msg);
	if (e->participants && !value_is_blank(e->participants) &&
	    value_int(e->participants, 0, 10000000, &c->people, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, "%s: %s", _("participants"), why.msg);
	for (int i = 0; i < 3; i++)
		if (e->repeat && strcmp(e->repeat, board_repeat_keys[i]) == 0)
			c->repeat = i;
	if (c->repeat < 0)
		return err_set(err, PACT_EINPUT,
			       _("would repeat: '%s' is not an answer; write yes, no or changes"),
			       e->repeat ? e->repeat : "");
	if (e->date && !value_is_blank(e->date)) {
		if (value_date(e->date, c->date, &why) != PACT_OK)
			return err_set(err, PACT_EINPUT, "%s: %s", _("date"), why.msg);
	} else {
		stamp_date(time(NULL), c->date);
	}
	if (fits(e->fits, &c->fits, err) != PACT_OK ||
	    scale(e->satisfaction, _("satisfaction"), c->sat, &c->satisfaction, err) != PACT_OK ||
	    scale(e->support, _("support"), c->sup, &c->support, err) != PACT_OK ||
	    scale(e->legitimacy, _("legitimacy"), c->leg, &c->legitimacy, err) != PACT_OK)
		return PACT_EINPUT;
	return PACT_OK;
}

static int subject_exists(sqlite3 *db, int subject, int64_t id, struct pact_err *err)
{
	char sql[128];
	int found = 0;
	int64_t one;
	int rc;

	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?", subject_tables[subject]);
	rc = sql_int(db, &one, &found, err, sql, "I", id);
	if (rc == PACT_OK && !found && subject == EVAL_SESSION)
		return err_set(err, PACT_EINPUT, _("no session %lld"), (long long)id);
	if (rc == PACT_OK && !found && subject == EVAL_ADVICE)
		return err_set(err, PACT_EINPUT, _("no advice %lld"), (long long)id);
	if (rc == PACT_OK && !found)
		return err_set(err, PACT_EINPUT, _("no experiment %lld"), (long long)id);
	return rc;
}

static int upsert(sqlite3 *db, int subject, int64_t id, const struct checked *c, char *t[NTEXTS],
		  struct pact_err *err)
{
	char sql[1536], uuid[37];

	stamp_uuid_ordered(uuid);
	snprintf(sql, sizeof sql,
		 "INSERT INTO evaluation(uuid, %s, goal, participants, who, worked, not_worked, dos, "
		 "donts, repeat, learnings, evaluated_by, date, fits, fits_why, satisfaction, "
		 "satisfaction_note, support, support_note, legitimacy, legitimacy_note, diversity) "
		 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		 "ON CONFLICT(%s) DO UPDATE SET goal = excluded.goal, participants = "
		 "excluded.participants, who = excluded.who, worked = excluded.worked, not_worked = "
		 "excluded.not_worked, dos = excluded.dos, donts = excluded.donts, repeat = "
		 "excluded.repeat, learnings = excluded.learnings, evaluated_by = "
		 "excluded.evaluated_by, date = excluded.date, fits = excluded.fits, fits_why = "
		 "excluded.fits_why, satisfaction = excluded.satisfaction, satisfaction_note = "
		 "excluded.satisfaction_note, support = excluded.support, support_note = "
		 "excluded.support_note, legitimacy = excluded.legitimacy, legitimacy_note = "
		 "excluded.legitimacy_note, diversity = excluded.diversity",
		 subject_fields[subject], subject_fields[subject]);
	return sql_exec(db, err, sql, "tIIItttttttttttttttttt", uuid, id, c->goal, c->people, t[0],
			t[1], t[2], t[3], t[4], board_repeat_keys[c->repeat], t[5], t[6], c->date,
			c->fits, t[7], c->satisfaction, t[8], c->support, t[9], c->legitimacy, t[10],
			t[11]);
}

int evaluation_store(sqlite3 *db, int subject, int64_t id, const struct board_evaluation *e,
		     struct pact_err *err)
{
	const char *in[NTEXTS] = { e->who, e->worked, e->not_worked, e->dos, e->donts,
				   e->learnings, e->evaluated_by, e->fits_why,
				   e->satisfaction_note, e->support_note, e->legitimacy_note,
				   e->diversity };
	const char *names[NTEXTS] = { _("who took part"), _("what worked"), _("what did not work"),
				      _("do's"), _("don'ts"), _("learnings"), _("evaluated by"),
				      _("why it fits or not"), _("satisfaction note"),
				      _("support note"), _("legitimacy note"),
				      _("diversity reached") };
	char *t[NTEXTS] = { 0 };
	struct checked c;
	int rc;

	if (!known_subject(subject))
		return err_set(err, PACT_EINPUT, _("nothing to evaluate"));
	if ((rc = check_values(e, &c, err)) != PACT_OK)
		return rc;
	for (int i = 0; i < NTEXTS && rc == PACT_OK; i++)
		rc = text_clean(in[i] ? in[i] : "", names[i], 4000, i == 6, true, &t[i], err);
	if (rc == PACT_OK)
		rc = subject_exists(db, subject, id, err);
	if (rc == PACT_OK)
		rc = upsert(db, subject, id, &c, t, err);
	for (int i = 0; i < NTEXTS; i++)
		free(t[i]);
	return rc;
}

int evaluation_save(sqlite3 *db, int subject, int64_t id, const struct board_evaluation *e,
		    struct pact_err *err)
{
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = evaluation_store(db, subject, id, e, err);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

int64_t evaluation_of(sqlite3 *db, int subject, int64_t id)
{
	char sql[128];
	int64_t ev = 0;

	if (!known_subject(subject))
		return 0;
	snprintf(sql, sizeof sql, "SELECT id FROM evaluation WHERE %s = ?", subject_fields[subject]);
	if (sql_int(db, &ev, NULL, NULL, sql, "I", id) != PACT_OK)
		return 0;
	return ev;
}

/* "label" or "label — note", or just the note; NULL when both are empty. */
static char *scale_text(const char *mark, const char *note)
{
	char *s = NULL;

	if (mark[0] && note[0])
		return asprintf(&s, "%s — %s", mark, note) < 0 ? NULL : s;
	if (mark[0] || note[0])
		return strdup(mark[0] ? mark : note);
	return NULL;
}

int evaluation_facts(sqlite3 *db, int64_t evaluation, struct eval_fact f[EVAL_FACTS], int *n,
		     struct pact_err *err)
{
	static const char *const labels[EVAL_FACTS] = { N_("Fits Schiedam"), N_("Satisfaction"),
							N_("Support"), N_("Legitimacy"),
							N_("Diversity reached") };
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT coalesce(fits, ''), fits_why, "
				     "coalesce(satisfaction || ' / 5', ''), satisfaction_note, "
				     "coalesce(support || ' / 5', ''), support_note, "
				     "coalesce(legitimacy || ' / 5', ''), legitimacy_note, '', diversity "
				     "FROM evaluation WHERE id = ?",
				     "I", evaluation);

	*n = 0;
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < EVAL_FACTS; i++) {
			const char *mark = (const char *)sqlite3_column_text(st, 2 * i);
			const char *note = (const char *)sqlite3_column_text(st, 2 * i + 1);
			char *v;

			if (i == 0)
				for (int k = 1; evaluation_fits_keys[k]; k++)
					if (strcmp(mark, evaluation_fits_keys[k]) == 0)
						mark = _(evaluation_fits_labels[k]);
			if ((v = scale_text(mark ? mark : "", note ? note : "")) != NULL)
				f[(*n)++] = (struct eval_fact){ .label = _(labels[i]), .value = v };
		}
	sqlite3_finalize(st);
	return PACT_OK;
}

void evaluation_facts_free(struct eval_fact f[EVAL_FACTS], int n)
{
	for (int i = 0; i < n; i++)
		free(f[i].value);
}

void evaluation_facts_write(sqlite3 *db, int64_t evaluation, FILE *out)
{
	struct eval_fact f[EVAL_FACTS];
	int n;

	if (evaluation_facts(db, evaluation, f, &n, NULL) != PACT_OK)
		return;
	for (int i = 0; i < n; i++)
		fprintf(out, "%s: %s\n", f[i].label, f[i].value);
	evaluation_facts_free(f, n);
}

char *evaluation_subject_title(int subject, const char *title)
{
	char *s = NULL;

	if (subject == EVAL_SESSION)
		return asprintf(&s, _("Session: %s"), title) < 0 ? NULL : s;
	if (subject == EVAL_ADVICE)
		return asprintf(&s, _("Advice: %s"), title) < 0 ? NULL : s;
	return strdup(title);
}
