/* Unit tests of the werkvormen catalogue: the shipped file, seeding a new
 * database, recommending forms for a need, and the Library's list. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "card.h"
#include "cases.h"
#include "csvin.h"
#include "db.h"
#include "sql.h"
#include "werkvorm.h"
#include "testdb.h"

/* --- the shipped catalogue ---------------------------------------------- */

enum { F_ID, F_NAME, F_NAME_NL, F_DESC, F_DESC_NL, F_RUNGS, F_MIN, F_MAX, F_MINUTES, F_COST,
       F_LITERACY, F_MODE, F_TYPE, F_CORE, NFIELDS };

#define MAX_FORMS 100

struct catalogue {
	char *cell[MAX_FORMS + 1][NFIELDS]; /* row 0 is the header */
	size_t rows;
	int bad_width; /* a record whose field count is not NFIELDS */
};

static int keep_record(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct catalogue *c = ctx;

	(void)line;
	(void)err;
	if (n != NFIELDS || c->rows > MAX_FORMS) {
		c->bad_width++;
		return PACT_OK;
	}
	for (size_t f = 0; f < n; f++)
		c->cell[c->rows][f] = strdup(fields[f]);
	c->rows++;
	return PACT_OK;
}

static void catalogue_free(struct catalogue *c)
{
	for (size_t r = 0; r < c->rows; r++)
		for (size_t f = 0; f < NFIELDS; f++)
			free(c->cell[r][f]);
}

/* The number of sentences: ". " inside, plus the final full stop. */
static int sentences(const char *s)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, ". ")); p++)
		n++;
	return n + (strlen(s) > 0 && s[strlen(s) - 1] == '.');
}

static void check_form(char **cell)
{
	char rungs[256], *save = NULL;
	int nrungs = 0;

	bool means = strcmp(cell[F_TYPE], "communicatie") == 0;

	for (size_t f = 0; f < NFIELDS; f++)
		assert_true(f == F_RUNGS || strlen(cell[f]) > 0);
	assert_true(means || strcmp(cell[F_TYPE], "werkvorm") == 0);
	assert_true(strcmp(cell[F_CORE], "0") == 0 || strcmp(cell[F_CORE], "1") == 0);
	/* A communication means is advised at no rung and is no core work form. */
	if (means) {
		assert_string_equal(cell[F_RUNGS], "");
		assert_string_equal(cell[F_CORE], "0");
	}
	assert_int_equal(strlen(cell[F_ID]), 36);
	assert_in_range(sentences(cell[F_DESC]), 2, 4);
	assert_in_range(sentences(cell[F_DESC_NL]), 2, 4);
	assert_string_not_equal(cell[F_DESC], cell[F_DESC_NL]);
	snprintf(rungs, sizeof rungs, "%s", cell[F_RUNGS]);
	for (char *w = strtok_r(rungs, " ", &save); w; w = strtok_r(NULL, " ", &save), nrungs++)
		if (!rung_valid(w))
			fail_msg("%s: unknown rung '%s'", cell[F_NAME], w);
	assert_true(means || nrungs >= 1);
	assert_true(atoi(cell[F_MIN]) >= 1);
	assert_true(atoi(cell[F_MAX]) >= atoi(cell[F_MIN]));
	assert_true(atoi(cell[F_MINUTES]) >= 1);
	assert_non_null(strstr(" low medium high ", cell[F_COST]));
	assert_true(strcmp(cell[F_LITERACY], "0") == 0 || strcmp(cell[F_LITERACY], "1") == 0);
	assert_non_null(strstr(" online offline both ", cell[F_MODE]));
}

/* Whether a form is called name in either language, ignoring ASCII case. */
static bool has_form(const struct catalogue *c, const char *name)
{
	for (size_t r = 1; r < c->rows; r++)
		if (strcasecmp(c->cell[r][F_NAME], name) == 0 ||
		    strcasecmp(c->cell[r][F_NAME_NL], name) == 0)
			return true;
	return false;
}

static void test_catalogue_is_complete(void **state)
{
	static const char *const wanted[] = {
		"informatieavond", "enquête", "wijkschouw", "dropping", "placemat",
		"(no)escape room", "klantreis", "world café", "opreksessie", "co-design studio",
		"burgerberaad (gelote groep)", "buurtbudget", "social-media poll", "ideeënloodser",
		"right to challenge",
	};
	struct catalogue c = { .rows = 0 };
	struct pact_err err;

	(void)state;
	assert_int_equal(csvin_read_mem(pact_werkvormen_csv, strlen(pact_werkvormen_csv),
					"werkvormen.csv", NULL, keep_record, &c, &err),
			 PACT_OK);
	assert_int_equal(c.bad_width, 0);
	assert_string_equal(c.cell[0][F_ID], "id");
	assert_string_equal(c.cell[0][F_MODE], "mode");
	assert_string_equal(c.cell[0][F_TYPE], "type");
	assert_string_equal(c.cell[0][F_CORE], "core");
	assert_true(c.rows - 1 >= 15);
	for (size_t r = 1; r < c.rows; r++) {
		check_form(c.cell[r]);
		for (size_t q = 1; q < r; q++) {
			assert_string_not_equal(c.cell[q][F_ID], c.cell[r][F_ID]);
			assert_string_not_equal(c.cell[q][F_NAME], c.cell[r][F_NAME]);
		}
	}
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
		if (!has_form(&c, wanted[i]))
			fail_msg("the catalogue has no '%s'", wanted[i]);
	catalogue_free(&c);
}

/* The row of the form called name in either language, or 0. */
static size_t form_row(const struct catalogue *c, const char *name)
{
	for (size_t r = 1; r < c->rows; r++)
		if (strcasecmp(c->cell[r][F_NAME], name) == 0 ||
		    strcasecmp(c->cell[r][F_NAME_NL], name) == 0)
			return r;
	return 0;
}

/* The handbook promises ten work forms: exactly ten are marked core, all of
 * them work forms. The communication means its communicatieplan names are
 * communication means, and the dropping sends council members in groups
 * (groepjes), as the handbook says, not in pairs. */
static void test_catalogue_core_ten_and_means(void **state)
{
	static const char *const means[] = {
		"dropping", "raadsbijeenkomst", "snapchat", "placemat", "(no)escaperoom", "beeldtaal",
	};
	struct catalogue c = { .rows = 0 };
	struct pact_err err;
	size_t core = 0, nmeans = 0, r;

	(void)state;
	assert_int_equal(csvin_read_mem(pact_werkvormen_csv, strlen(pact_werkvormen_csv),
					"werkvormen.csv", NULL, keep_record, &c, &err),
			 PACT_OK);
	for (r = 1; r < c.rows; r++) {
		core += strcmp(c.cell[r][F_CORE], "1") == 0;
		nmeans += strcmp(c.cell[r][F_TYPE], "communicatie") == 0;
		if (strcmp(c.cell[r][F_CORE], "1") == 0)
			assert_string_equal(c.cell[r][F_TYPE], "werkvorm");
	}
	assert_int_equal(core, 10);
	assert_int_equal(nmeans, 6);
	for (size_t i = 0; i < sizeof means / sizeof means[0]; i++) {
		if (!(r = form_row(&c, means[i])))
			fail_msg("the catalogue has no '%s'", means[i]);
		assert_string_equal(c.cell[r][F_TYPE], "communicatie");
	}
	r = form_row(&c, "dropping");
	assert_non_null(strstr(c.cell[r][F_DESC_NL], "in groepjes"));
	assert_null(strstr(c.cell[r][F_DESC_NL], "tweetallen"));
	assert_null(strstr(c.cell[r][F_DESC], "pairs"));
	catalogue_free(&c);
}

/* --- the database -------------------------------------------------------- */


static int64_t count_of(sqlite3 *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, NULL, sql, ""), PACT_OK);
	return n;
}

static int64_t count_of_id(sqlite3 *db, const char *sql, int64_t id)
{
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, NULL, sql, "I", id), PACT_OK);
	return n;
}

static int64_t shipped_forms(void)
{
	int64_t lines = 0;

	for (const char *p = pact_werkvormen_csv; *p; p++)
		lines += *p == '\n';
	return lines - 1; /* the shipped descriptions are one line each */
}

static void test_seed_fills_once(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;

	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), 0);
	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), shipped_forms());
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name = 'Neighbourhood walk' "
				      "AND name_nl = 'Wijkschouw' AND low_literacy = 1 AND "
				      "mode = 'offline' AND rungs LIKE '%raadplegen%'"),
			 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE core = 1"), 10);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE type = 'communicatie'"), 6);
	/* The user's edits and deletions stay: the second seed does nothing. */
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE werkvorm SET name_nl = 'Schouw' WHERE name_nl = 'Wijkschouw'; ",
				  ""),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err, "DELETE FROM werkvorm WHERE name = 'Survey'", ""),
			 PACT_OK);
	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), shipped_forms() - 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name_nl = 'Schouw'"), 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name = 'Survey'"), 0);
}

static void test_seed_refuses_inside_a_transaction(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;

	/* Inside someone else's transaction the seed refuses and adds nothing. */
	assert_int_equal(sql_exec(db, &err, "BEGIN", ""), PACT_OK);
	assert_int_not_equal(werkvorm_seed(db, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err, "ROLLBACK", ""), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), 0);
}

/* --- recommending -------------------------------------------------------- */

/* A small catalogue whose order under each rule is known. */
static void fixture(sqlite3 *db)
{
	struct pact_err err;

	assert_int_equal(
		sql_exec(db, &err,
			 "INSERT INTO werkvorm(uuid, name, name_nl, rungs, min_group, max_group, "
			 " minutes, cost, low_literacy, mode) VALUES "
			 "('u1', 'Alpha', 'Alfa', 'adviseren', 5, 20, 60, 'high', 0, 'offline'), "
			 "('u2', 'Bravo', 'Bravo', 'raadplegen adviseren', 5, 20, 60, 'low', 1, 'both'), "
			 "('u3', 'Charlie', '', 'adviseren', 50, 500, 30, 'low', 1, 'offline'), "
			 "('u4', 'Delta', 'Delta', 'adviseren', 5, 20, 240, 'low', 1, 'offline'), "
			 "('u5', 'Echo', 'Echo', 'adviseren', 5, 20, 60, 'low', 0, 'online'), "
			 "('u6', 'Foxtrot', 'Foxtrot', 'informeren', 5, 20, 60, 'low', 1, 'offline'), "
			 "('u7', 'Golf', 'Golf', 'coproduceren', 5, 20, 60, 'low', 1, 'offline')",
			 ""),
		PACT_OK);
}

/* The picks' names joined by spaces. */
static char *names_of(sqlite3 *db, const struct werkvorm_need *need)
{
	static char out[512];
	struct werkvorm_pick *picks;
	struct pact_err err;
	size_t n, o = 0;

	assert_int_equal(werkvorm_recommend(db, need, &picks, &n, &err), PACT_OK);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? " " : "", picks[i].name);
	werkvorm_picks_free(picks, n);
	return out;
}

static void test_recommend_orders_by_the_rules(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_need need = { .rung = "adviseren", .group_size = 10,
				      .minutes_available = 90, .online_ok = true };

	fixture(db);
	/* fits the group; fits the time; cheaper; then by name */
	assert_string_equal(names_of(db, &need), "Bravo Echo Alpha Delta Charlie");
	need.hard_to_reach = true; /* low literacy before time and cost */
	assert_string_equal(names_of(db, &need), "Bravo Delta Echo Alpha Charlie");
	need.online_ok = false; /* Echo runs only online */
	assert_string_equal(names_of(db, &need), "Bravo Delta Alpha Charlie");
	need.group_size = 100; /* only Charlie is made for a hundred */
	assert_string_equal(names_of(db, &need), "Charlie Bravo Delta Alpha");
	need = (struct werkvorm_need){ .rung = "ADVISEREN", .online_ok = true };
	/* nothing known: all fit, by cost then name */
	assert_string_equal(names_of(db, &need), "Bravo Charlie Delta Echo Alpha");
	assert_string_equal(names_of(db, &need), "Bravo Charlie Delta Echo Alpha");
	need.rung = "coproduceren";
	assert_string_equal(names_of(db, &need), "Golf");
	need.rung = "meebeslissen";
	assert_string_equal(names_of(db, &need), "");
}

static void test_recommend_reasons(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_need need = { .rung = "adviseren", .group_size = 10,
				      .minutes_available = 90, .hard_to_reach = true };
	struct werkvorm_pick *p;
	struct pact_err err;
	size_t n;

	fixture(db);
	assert_int_equal(werkvorm_recommend(db, &need, &p, &n, &err), PACT_OK);
	assert_int_equal(n, 4);
	assert_string_equal(p[0].reason,
			    "suits the rung Advise; fits 10 people; works for low literacy; takes 1 hour");
	assert_true(p[0].fits_group && p[0].fits_time && p[0].low_literacy);
	assert_string_equal(p[0].cost, "low");
	assert_string_equal(werkvorm_cost_mark(p[0].cost), "€");
	assert_string_equal(p[1].reason, "suits the rung Advise; fits 10 people; works for low literacy; "
					 "takes 4 hours, more than the time available");
	assert_false(p[1].fits_time);
	assert_string_equal(p[2].reason, "suits the rung Advise; fits 10 people; needs reading and "
					 "writing; takes 1 hour");
	assert_string_equal(werkvorm_cost_mark(p[2].cost), "€€€");
	assert_string_equal(p[3].reason, "suits the rung Advise; made for 50–500 people; works for low "
					 "literacy; takes 30 minutes");
	assert_false(p[3].fits_group);
	werkvorm_picks_free(p, n);

	need.rung = "ladder";
	assert_int_equal(werkvorm_recommend(db, &need, &p, &n, &err), PACT_EINPUT);
	assert_null(p);
	assert_int_equal(n, 0);
	assert_non_null(strstr(err.msg, "'ladder'"));
	assert_non_null(strstr(err.msg, "stad-aan-zet"));
}

static void test_recommend_speaks_dutch(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_need need = { .rung = "adviseren", .online_ok = true };

	fixture(db);
	setenv("LANGUAGE", "nl", 1);
	/* Charlie has no Dutch name and keeps its English one. */
	assert_string_equal(names_of(db, &need), "Bravo Charlie Delta Echo Alfa");
	setenv("LANGUAGE", "en", 1);
}

/* Whether the form with this id lists rung among its rungs. */
static bool form_has_rung(sqlite3 *db, int64_t id, const char *rung)
{
	int64_t n = 0;

	assert_int_equal(sql_int(db, &n, NULL, NULL,
				 "SELECT count(*) FROM werkvorm WHERE id = ? AND "
				 "' ' || rungs || ' ' LIKE '% ' || ? || ' %'",
				 "It", id, rung),
			 PACT_OK);
	return n == 1;
}

static void test_recommend_from_the_catalogue(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_pick *p;
	struct pact_err err;
	size_t n, total = 0;

	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	for (size_t r = 0; rung_ids[r]; r++) {
		struct werkvorm_need need = { .rung = rung_ids[r], .hard_to_reach = true,
					      .online_ok = true };
		assert_int_equal(werkvorm_recommend(db, &need, &p, &n, &err), PACT_OK);
		assert_true(n >= 2); /* every rung has a choice */
		total += n;
		for (size_t i = 0; i < n; i++) {
			assert_true(form_has_rung(db, p[i].id, rung_ids[r]));
			assert_non_null(strstr(p[i].reason, rung_label(rung_ids[r])));
			if (i > 0) /* low literacy first */
				assert_true(p[i - 1].low_literacy >= p[i].low_literacy);
		}
		werkvorm_picks_free(p, n);
	}
	/* every work form suits some rung */
	assert_true(total >= (size_t)count_of(db, "SELECT count(*) FROM werkvorm WHERE type = 'werkvorm'"));

	struct werkvorm_need crowd = { .rung = "raadplegen", .group_size = 200, .online_ok = true };
	assert_int_equal(werkvorm_recommend(db, &crowd, &p, &n, &err), PACT_OK);
	assert_true(n >= 3 && p[0].fits_group && !p[n - 1].fits_group);
	for (size_t i = 0; i < n; i++) {
		assert_true(p[i].fits_group == (p[i].min_group <= 200 && 200 <= p[i].max_group));
		if (i > 0)
			assert_true(p[i - 1].fits_group >= p[i].fits_group);
		if (p[i].fits_group)
			assert_non_null(strstr(p[i].reason, "fits 200 people"));
	}
	werkvorm_picks_free(p, n);
}

static void test_pager_lists_every_form(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager pg;
	const struct pager_row *r;

	fixture(db);
	assert_int_equal(werkvorm_pager(&pg, db, WERKVORM_ALL, &err), PACT_OK);
	assert_int_equal(pager_count(&pg), 7);
	r = pager_get(&pg, 0);
	assert_string_equal(r->cols[0], "Alpha");
	assert_string_equal(r->cols[1], "Advise"); /* the rung by its name */
	assert_string_equal(r->cols[2], "€€€");
	assert_string_equal(r->cols[3], "");
	r = pager_get(&pg, 1);
	assert_string_equal(r->cols[0], "Bravo");
	assert_string_equal(r->cols[2], "€");
	assert_string_equal(r->cols[3], "✓");
	assert_string_equal(pager_get(&pg, 6)->cols[0], "Golf");
	pager_close(&pg);
}

/* A means in the fixture's catalogue, with a rung as an older file may
 * have, and Alpha and Golf marked core. */
static void fixture_means(sqlite3 *db)
{
	struct pact_err err;

	fixture(db);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO werkvorm(uuid, name, name_nl, rungs, cost, low_literacy, "
				  " type) VALUES ('u8', 'Hotel', 'Hotel', 'adviseren informeren', 'high', 1, "
				  " 'communicatie')",
				  ""),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE werkvorm SET core = 1 WHERE name IN ('Alpha', 'Golf')", ""),
			 PACT_OK);
}

/* The Library's list marks core forms and communication means, and shows
 * only the core or only the means when asked. */
static void test_pager_marks_core_and_means(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager pg;
	const struct pager_row *r;
	int64_t n = -1;

	fixture_means(db);
	assert_int_equal(werkvorm_pager(&pg, db, WERKVORM_ALL, &err), PACT_OK);
	assert_int_equal(pager_count(&pg), 8);
	r = pager_get(&pg, 0);
	assert_string_equal(r->cols[0], "Alpha");
	assert_string_equal(r->cols[4], "core");
	assert_string_equal(pager_get(&pg, 1)->cols[4], "");
	r = pager_get(&pg, 7);
	assert_string_equal(r->cols[0], "Hotel");
	assert_string_equal(r->cols[1], "communication means"); /* not its rungs */
	assert_string_equal(r->cols[2], ""); /* no cost, no literacy mark: no session */
	assert_string_equal(r->cols[3], "");
	assert_string_equal(r->cols[4], "");
	pager_close(&pg);

	assert_int_equal(werkvorm_pager(&pg, db, WERKVORM_CORE, &err), PACT_OK);
	assert_int_equal(pager_count(&pg), 2);
	assert_string_equal(pager_get(&pg, 0)->cols[0], "Alpha");
	assert_string_equal(pager_get(&pg, 1)->cols[0], "Golf");
	pager_close(&pg);
	assert_int_equal(werkvorm_pager(&pg, db, WERKVORM_MEANS, &err), PACT_OK);
	assert_int_equal(pager_count(&pg), 1);
	assert_string_equal(pager_get(&pg, 0)->cols[0], "Hotel");
	pager_close(&pg);

	assert_int_equal(werkvorm_count(db, WERKVORM_CORE, &n, &err), PACT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(werkvorm_count(db, WERKVORM_MEANS, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(werkvorm_count(db, WERKVORM_ALL, &n, &err), PACT_OK);
	assert_int_equal(n, 8);
}

/* A communication means is never advised as a work form, not even when an
 * older file left it a rung; nor offered by the card form's picker. */
static void test_means_are_not_advised(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_need need = { .rung = "adviseren", .online_ok = true };
	struct pact_err err;
	char **names;

	fixture_means(db);
	assert_string_equal(names_of(db, &need), "Bravo Charlie Delta Echo Alpha");
	need.rung = "informeren";
	assert_string_equal(names_of(db, &need), "Foxtrot");
	names = card_werkvorm_names(db, false, &err);
	assert_non_null(names);
	for (size_t i = 0; names[i]; i++)
		assert_string_not_equal(names[i], "Hotel");
	assert_string_equal(names[6], "Golf");
	assert_null(names[7]);
	for (size_t i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

/* The shipped catalogue: no rung's advice holds a communication means. */
static void test_catalogue_advice_has_no_means(void **state)
{
	sqlite3 *db = *state;
	struct werkvorm_pick *p;
	struct pact_err err;
	size_t n;

	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	for (size_t r = 0; rung_ids[r]; r++) {
		struct werkvorm_need need = { .rung = rung_ids[r], .online_ok = true };

		assert_int_equal(werkvorm_recommend(db, &need, &p, &n, &err), PACT_OK);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(count_of_id(db, "SELECT count(*) FROM werkvorm WHERE id = ? "
							 "AND type = 'communicatie'",
						     p[i].id),
					 0);
		werkvorm_picks_free(p, n);
	}
}

/* A file from before schema 13 (the shipped catalogue as it was, the
 * dropping in pairs) comes up with the ten core marks, the three old forms
 * as communication means with the handbook's text, and the three means the
 * handbook adds; a form the user renamed keeps its name. */
static void test_older_catalogue_migrates(void **state)
{
	sqlite3 *db;
	struct pact_err err;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(db_migrate(db, 0, 12, &err), PACT_OK);
	assert_int_equal(
		sql_exec(db, &err,
			 "INSERT INTO werkvorm(uuid, name, name_nl, description, description_nl, rungs) "
			 "VALUES ('3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f03', 'Neighbourhood walk', "
			 " 'Wijkschouw', 'x', 'x', 'raadplegen'), "
			 "('3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f04', 'Dropping', 'Dropping', "
			 " 'Council members are dropped in pairs in a neighbourhood.', "
			 " 'Raadsleden worden in tweetallen gedropt.', 'raadplegen'), "
			 "('3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f05', 'Placemat', 'Placemat', "
			 " 'Our own placemat text.', 'Onze eigen tekst.', 'raadplegen'), "
			 "('3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f13', 'Social-media poll', '', '', '', "
			 " 'raadplegen'), "
			 "('u-own', 'Snapchat', 'Snapchat', 'Our own.', '', 'informeren')",
			 ""),
		PACT_OK);
	assert_int_equal(db_migrate(db, 12, db_schema_latest(), &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE core = 1 AND "
				      "name = 'Neighbourhood walk'"),
			 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE core = 1"), 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE type = 'communicatie' "
				      "AND name IN ('Dropping', 'Placemat')"),
			 2);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name = 'Dropping' AND "
				      "description_nl LIKE '%in groepjes%' AND rungs = ''"),
			 1);
	/* an edited text stays */
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name = 'Placemat' AND "
				      "description = 'Our own placemat text.'"),
			 1);
	/* the council meeting and visual language are added; the user's own
	 * Snapchat stays the only one */
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE type = 'communicatie' AND "
				      "name_nl IN ('Raadsbijeenkomst', 'Beeldtaal')"),
			 2);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE name = 'Snapchat'"), 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm WHERE uuid = 'u-own' AND "
				      "type = 'werkvorm'"),
			 1);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), 7);
	/* a means cannot be marked core */
	assert_int_not_equal(sql_exec(db, &err, "UPDATE werkvorm SET core = 1 WHERE name = 'Dropping'",
				      ""),
			     PACT_OK);
	sqlite3_close(db);
}

/* Enter in the Library: a means says what it is and leaves out the
 * session facts it does not have; a core form says it is one of the ten,
 * an example; another form says neither. */
static void test_describe_core_and_means(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char *text;

	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	text = cases_describe_werkvorm(db, count_of(db, "SELECT id FROM werkvorm WHERE name = 'Snapchat'"));
	assert_string_equal(text,
			    "Snapchat\n\nSnapchat is a social-media app for sharing photos and short videos "
			    "that disappear after they are seen; many young people use it. The "
			    "handbook's communication plan says the programme uses Snapchat.\n\n"
			    "A communication means from the handbook's communication plan, not a work "
			    "form: the Wizard does not advise it.\n\nExperiments that used it\n"
			    "  none yet\n");
	free(text);
	text = cases_describe_werkvorm(db, count_of(db, "SELECT id FROM werkvorm WHERE name = "
							"'Neighbourhood walk'"));
	assert_non_null(strstr(text, "\nOnline or offline: offline\nOne of the programme's ten core "
				     "work forms (kern). The handbook does not name the ten: the "
				     "marks pact ships are an example to edit.\n"));
	free(text);
	text = cases_describe_werkvorm(db, count_of(db, "SELECT id FROM werkvorm WHERE name = 'Survey'"));
	assert_null(strstr(text, "core"));
	assert_null(strstr(text, "communication means"));
	free(text);
	/* the window's title says which of the two it shows */
	assert_string_equal(cases_werkvorm_title(db, count_of(db, "SELECT id FROM werkvorm WHERE "
								  "name = 'Snapchat'")),
			    "Communication means");
	assert_string_equal(cases_werkvorm_title(db, count_of(db, "SELECT id FROM werkvorm WHERE "
								  "name = 'Survey'")),
			    "Work form");
}

/* A new file: the migration adds nothing, so the seed fills it whole. */
static void test_new_file_is_seeded_whole(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;

	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), 0);
	assert_int_equal(werkvorm_seed(db, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM werkvorm"), shipped_forms());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue_is_complete),
		cmocka_unit_test_setup_teardown(test_seed_fills_once, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_seed_refuses_inside_a_transaction, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_recommend_orders_by_the_rules, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_recommend_reasons, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_recommend_speaks_dutch, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_recommend_from_the_catalogue, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_pager_lists_every_form, open_db, close_db),
		cmocka_unit_test(test_catalogue_core_ten_and_means),
		cmocka_unit_test_setup_teardown(test_pager_marks_core_and_means, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_means_are_not_advised, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_catalogue_advice_has_no_means, open_db, close_db),
		cmocka_unit_test(test_older_catalogue_migrates),
		cmocka_unit_test_setup_teardown(test_new_file_is_seeded_whole, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_describe_core_and_means, open_db, close_db),
	};

	setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", "en", 1);
	return cmocka_run_group_tests_name("werkvorm", tests, NULL, NULL);
}
