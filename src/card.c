/* An experiment card: its fields as people edit them, and the card in words. */
#include "card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "board.h"
#include "card_comm.h"
#include "diversity.h"
#include "evaluation.h"
#include "card_source.h"
#include "i18n.h"
#include "people.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

const char *const card_group_keys[CARD_GROUPS + 1] = {
	"residents", "entrepreneurs", "institutions", "others", NULL,
};
const char *const card_group_labels[CARD_GROUPS + 1] = {
	N_("Residents"), N_("Entrepreneurs"), N_("Institutions"), N_("Others"), NULL,
};

bool card_has_group(const char *groups, int g)
{
	size_t n;
	const char *p;

	if (!groups || g < 0 || g >= CARD_GROUPS)
		return false;
	n = strlen(card_group_keys[g]);
	for (p = groups; (p = strstr(p, card_group_keys[g])) != NULL; p += n)
		if ((p == groups || p[-1] == ',' || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return true;
	return false;
}

/* cents as people type them back in the form. */
static char *amount_text(int64_t cents, bool dutch)
{
	char out[32];

	if (cents == 0)
		return strdup("");
	value_amount_csv(cents, dutch, out);
	if (strlen(out) > 3 && strcmp(out + strlen(out) - 3, dutch ? ",00" : ".00") == 0)
		out[strlen(out) - 3] = '\0';
	return strdup(out);
}

/* Field i of the card's row as the form shows it; NULL when out of memory. */
static char *field_text(sqlite3_stmt *st, int i, bool dutch)
{
	if (i == CF_PLANNED || i == CF_SPENT)
		return amount_text(sqlite3_column_int64(st, i), dutch);
	if (i == CF_REACHED && sqlite3_column_int64(st, i) == 0)
		return strdup("");
	return sql_text(st, i);
}

int card_get(sqlite3 *db, int64_t id, bool dutch, char *v[CARD_FIELDS], struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT title, description, track, opgave, owner, team, rung, "
				     "showform(werkvorm), coalesce(showdate(start_date), ''), "
				     "coalesce(showdate(end_date), ''), "
				     "coalesce(pot_id, 0), planned, spent, reached, groups, notes, focus "
				     "FROM experiment WHERE id = ?",
				     "I", id);
	int rc;

	memset(v, 0, sizeof(char *) * CARD_FIELDS);
	if (!st)
		return PACT_EDB;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? err_set(err, PACT_EINPUT, _("There is no such card."))
					 : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	}
	rc = PACT_OK;
	for (int i = 0; i < CARD_FIELDS && rc == PACT_OK; i++) {
		char *text = field_text(st, i, dutch);

		if (!text)
			rc = err_nomem(err);
		v[i] = text; /* last, as gcc 12's analyser loses it under later stores */
	}
	sqlite3_finalize(st);
	if (rc != PACT_OK) {
		for (int j = 0; j < CARD_FIELDS; j++)
			free(v[j]);
		memset(v, 0, sizeof(char *) * CARD_FIELDS);
	}
	return rc;
}

/* An optional date field: NULL when blank, else the date in out. */
static int date_field(const char *in, const char *field, char out[11], const char **value,
		      struct pact_err *err)
{
	struct pact_err why;

	*value = NULL;
	if (!in || value_is_blank(in))
		return PACT_OK;
	if (value_date(in, out, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, "%s: %s", field, why.msg);
	*value = out;
	return PACT_OK;
}

/* The groups field: keys separated by commas (or spaces), each known;
 * stored in the order of card_group_keys. */
static int groups_field(const char *in, char out[128], struct pact_err *err)
{
	bool on[CARD_GROUPS] = { false };
	const char *p = in ? in : "";

	while (*p) {
		size_t n = strcspn(p, ", ");
		int g = -1;

		for (int i = 0; n && i < CARD_GROUPS; i++)
			if (strlen(card_group_keys[i]) == n && strncmp(p, card_group_keys[i], n) == 0)
				g = i;
		if (n && g < 0)
			return err_set(err, PACT_EINPUT,
				       _("target groups: '%.*s' is not a target group; write residents, "
					 "entrepreneurs, institutions or others"),
				       (int)(n > 60 ? 60 : n), p);
		if (g >= 0)
			on[g] = true;
		p += n;
		p += strspn(p, ", ");
	}
	out[0] = '\0';
	for (int i = 0; i < CARD_GROUPS; i++)
		if (on[i]) {
			if (out[0])
				strcat(out, ",");
			strcat(out, card_group_keys[i]);
		}
	return PACT_OK;
}

int card_save(sqlite3 *db, int64_t id, const char *const v[CARD_FIELDS], struct pact_err *err)
{
	static const struct {
		int field;
		const char *name;
		size_t max;
		bool required, multiline;
	} texts[] = {
		{ CF_TITLE, N_("title"), 300, true, false },
		{ CF_DESCRIPTION, N_("description"), 8000, false, true },
		{ CF_OPGAVE, N_("opgave"), 200, false, false },
		{ CF_OWNER, N_("owner"), 200, false, false },
		{ CF_TEAM, N_("team"), 400, false, false },
		{ CF_RUNG, N_("rung"), 100, false, false },
		{ CF_WERKVORM, N_("work form"), 200, false, false },
		{ CF_NOTES, N_("notes"), 8000, false, true },
	};
	enum { NTEXTS = sizeof texts / sizeof texts[0] };
	char *t[CARD_FIELDS] = { 0 }, start[11], end[11], groups[128], now[21];
	const char *start_v, *end_v;
	int64_t planned, spent, reached = 0, pot = 0;
	struct pact_err why;
	bool focus = false;
	int track, rc = PACT_OK, found;

	for (size_t i = 0; i < NTEXTS && rc == PACT_OK; i++)
		rc = text_clean(v[texts[i].field] ? v[texts[i].field] : "", _(texts[i].name),
				texts[i].max, texts[i].required, texts[i].multiline,
				&t[texts[i].field], err);
	if (rc != PACT_OK)
		goto out;
	/* The team as the register's rename and forget read it: "A, B, C". */
	{
		char *team = people_join_team(t[CF_TEAM]);
		if (!team) {
			rc = err_nomem(err);
			goto out;
		}
		free(t[CF_TEAM]);
		t[CF_TEAM] = team;
	}
	rc = PACT_EINPUT;
	if ((track = board_track_index(v[CF_TRACK])) < 0) {
		err_set(err, PACT_EINPUT, _("track: unknown track \"%s\""),
			v[CF_TRACK] ? v[CF_TRACK] : "");
		goto out;
	}
	if (date_field(v[CF_START], _("start date"), start, &start_v, err) != PACT_OK ||
	    date_field(v[CF_END], _("end date"), end, &end_v, err) != PACT_OK)
		goto out;
	if (start_v && end_v && strcmp(end_v, start_v) < 0) {
		/* as the form shows dates: 28-02-2027 in Dutch */
		bool dutch = strcmp(i18n_lang(), "nl") == 0;
		char end_s[32], start_s[32];

		value_date_show(end_v, dutch, end_s);
		value_date_show(start_v, dutch, start_s);
		err_set(err, PACT_EINPUT, _("end date: %s is before the start date %s"), end_s,
			start_s);
		goto out;
	}
	if (value_amount_field(v[CF_PLANNED], _("planned"), &planned, err) != PACT_OK ||
	    value_amount_field(v[CF_SPENT], _("spent"), &spent, err) != PACT_OK)
		goto out;
	/* A count may be written with thousands separators ("1.200"). */
	if (v[CF_REACHED] && !value_is_blank(v[CF_REACHED]) &&
	    value_int(v[CF_REACHED], 0, 100000000, &reached, &why) != PACT_OK) {
		if (value_amount(v[CF_REACHED], &reached, &why) != PACT_OK || reached % 100 != 0 ||
		    reached < 0 || reached / 100 > 100000000) {
			err_set(err, PACT_EINPUT,
				_("people reached: '%s' is not a whole number of people; write for "
				  "example 40"),
				v[CF_REACHED]);
			goto out;
		}
		reached /= 100;
	}
	if (v[CF_POT] && !value_is_blank(v[CF_POT]) &&
	    value_int(v[CF_POT], 0, INT64_MAX, &pot, &why) != PACT_OK) {
		err_set(err, PACT_EINPUT, "%s: %s", _("budget pot"), why.msg);
		goto out;
	}
	if (pot) {
		if (sql_int(db, &pot, &found, err, "SELECT id FROM budget_pot WHERE id = ?", "I",
			    pot) != PACT_OK)
			goto out;
		if (!found) {
			err_set(err, PACT_EINPUT, _("budget pot: there is no such pot"));
			goto out;
		}
	}
	if (groups_field(v[CF_GROUPS], groups, err) != PACT_OK)
		goto out;
	if (v[CF_FOCUS] && !value_is_blank(v[CF_FOCUS]) &&
	    value_bool(v[CF_FOCUS], &focus, &why) != PACT_OK) {
		err_set(err, PACT_EINPUT, "%s: %s", _("focus experiment"), why.msg);
		goto out;
	}
	stamp_iso(time(NULL), now);
	rc = sql_exec(db, err,
		      "UPDATE experiment SET title = ?, description = ?, track = ?, opgave = ?, "
		      "owner = ?, team = ?, rung = ?, werkvorm = ?, start_date = ?, end_date = ?, "
		      "pot_id = nullif(?, 0), planned = ?, spent = ?, reached = ?, groups = ?, "
		      "notes = ?, focus = ?, updated_at = ? WHERE id = ?",
		      "ttttttttttIIIIttItI", t[CF_TITLE], t[CF_DESCRIPTION], board_track_keys[track],
		      t[CF_OPGAVE], t[CF_OWNER], t[CF_TEAM], t[CF_RUNG], t[CF_WERKVORM], start_v, end_v,
		      pot, planned, spent, reached, groups, t[CF_NOTES], (int64_t)focus, now, id);
	if (rc == PACT_OK && sqlite3_changes(db) == 0)
		rc = err_set(err, PACT_EINPUT, _("There is no such card."));
out:
	for (int i = 0; i < CARD_FIELDS; i++)
		free(t[i]);
	return rc;
}

char **card_werkvorm_names(sqlite3 *db, bool dutch, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT CASE WHEN ?1 AND name_nl <> '' THEN name_nl ELSE name END "
				     "AS shown FROM werkvorm WHERE type = 'werkvorm' "
				     "ORDER BY shown COLLATE NOCASE, id",
				     "d", dutch ? 1 : 0);

	return sql_strings(st);
}

const char *const card_rung_keys[] = {
	"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "stad-aan-zet",
	NULL,
};

/* The card's evaluation in short: the goal, and the answers about fit,
 * public value and diversity. Nothing when it has none. */
static void card_evaluation_describe(sqlite3 *db, int64_t id, FILE *out)
{
	int64_t ev = evaluation_of(db, EVAL_EXPERIMENT, id), goal = 0;

	if (!ev || sql_int(db, &goal, NULL, NULL, "SELECT goal FROM evaluation WHERE id = ?", "I",
			   ev) != PACT_OK)
		return;
	fprintf(out, "\n%s\n", _("Evaluation"));
	fprintf(out, "%s: %lld / 5\n", _("Goal reached"), (long long)goal);
	evaluation_facts_write(db, ev, out);
}

char *card_describe(sqlite3 *db, int64_t id)
{
	static const char *const labels[] = {
		NULL, NULL, N_("Owner"), N_("Track"), N_("Rung"), N_("Work form"), N_("Column"),
		N_("Opgave"), N_("Team"), N_("Start"), N_("End"), N_("Budget pot"), N_("Planned"),
		N_("Spent"), N_("People reached"), N_("Target groups"), N_("Notes"),
	};
	enum { NLABELS = sizeof labels / sizeof labels[0] };
	struct pact_err err;
	sqlite3_stmt *st = sql_query(db, &err,
				     "SELECT x.title, x.description, x.owner, x.track, showrung(x.rung), "
				     "showform(x.werkvorm), "
				     "x.status, x.opgave, x.team, coalesce(showdate(x.start_date), ''), "
				     "coalesce(showdate(x.end_date), ''), coalesce(p.name || ' (' || p.year || ')', ''), "
				     "x.planned, x.spent, x.reached, x.groups, x.notes, "
				     "showdate(substr(x.created_at, 1, 10)) || ' ' || substr(x.created_at, 12, 5), "
				     "x.focus "
				     "FROM experiment x LEFT JOIN budget_pot p ON p.id = x.pot_id "
				     "WHERE x.id = ?",
				     "I", id);
	bool dutch = strcmp(i18n_lang(), "nl") == 0;
	char *text = NULL, amount[40], *source = NULL, *made = NULL;
	size_t size = 0;
	FILE *out;

	if (!st || sqlite3_step(st) != SQLITE_ROW || !(out = open_memstream(&text, &size))) {
		sqlite3_finalize(st);
		return NULL;
	}
	/* where it came from, when it came from a session: under the title,
	 * and first in its history, at the time it was made */
	if (card_source_text(db, id, &source, &err) != PACT_OK || !source[0] ||
	    !(made = sql_text(st, NLABELS))) {
		free(source);
		source = NULL;
	}
	for (int i = 0; i < NLABELS; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);

		v = v ? v : "";
		if (i == 3)
			v = board_track_name(board_track_index(v));
		else if (i == 6)
			v = board_column_name(board_status_index(v));
		else if (i == 12 || i == 13) {
			value_amount_show(sqlite3_column_int64(st, i), dutch, amount);
			v = sqlite3_column_int64(st, i) ? amount : "";
		} else if (i == 14 && sqlite3_column_int64(st, i) == 0)
			v = "";
		if (i == 0) {
			fprintf(out, "%s\n\n", v);
			if (source)
				fprintf(out, "%s\n\n", source);
			if (sqlite3_column_int(st, NLABELS + 1))
				fprintf(out, "%s\n\n", _("Focus experiment of the opgaveteam"));
		} else if (i == 15 && v[0]) {
			fprintf(out, "%s:", _(labels[i]));
			for (int g = 0; g < CARD_GROUPS; g++)
				if (card_has_group(v, g))
					fprintf(out, " %s", _(card_group_labels[g]));
			fputc('\n', out);
		} else if (i == 1 && v[0])
			fprintf(out, "%s\n\n", v);
		else if (i == 16 && v[0])
			fprintf(out, "\n%s\n%s\n", _(labels[i]), v);
		else if (i == 1 || i == 15 || i == 16)
			;
		else if (i < 7)
			fprintf(out, "%s: %s\n", _(labels[i]), v[0] ? v : "—");
		else if (v[0])
			fprintf(out, "%s: %s\n", _(labels[i]), v);
	}
	sqlite3_finalize(st);
	card_comm_describe(db, id, out, &err); /* no plan shown is better than no card */
	card_evaluation_describe(db, id, out);
	diversity_describe(db, DIVERSITY_EXPERIMENT, id, out, &err);
	fprintf(out, "\n%s\n", _("History"));
	if (source)
		fprintf(out, "  %s  %s\n", made, source);
	free(source), free(made);
	st = sql_query(db, &err,
		       "SELECT showdate(substr(at, 1, 10)) || ' ' || substr(at, 12, 5), from_status, "
		       "to_status FROM experiment_event "
		       "WHERE experiment_id = ? ORDER BY id",
		       "I", id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(st, 0);
		int from = board_status_index((const char *)sqlite3_column_text(st, 1));
		int to = board_status_index((const char *)sqlite3_column_text(st, 2));

		if (from < 0)
			fprintf(out, "  %s  %s %s\n", at, _("new in"), board_column_name(to));
		else
			fprintf(out, "  %s  %s → %s\n", at, board_column_name(from),
				board_column_name(to));
	}
	sqlite3_finalize(st);
	fclose(out);
	return text;
}
