/* Unit tests of personal-data handling: breakdowns hide groups under five
 * and whatever would let one be worked out (checked by brute force against
 * everything a reader sees), an export's rows single out nobody, sessions
 * past their keep-until date are purged (ideas stay, anonymous), one
 * participant can be forgotten, forgetting is final (tombstones that
 * imports respect, keep-until dates that only move earlier, a -wal that is
 * emptied), and a readable file is warned about. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "import.h"
#include "kind.h"
#include "privacy.h"
#include "brainstorm_session.h"
#include "sql.h"
#include "stamp.h"
#include "suppress.h"
#include "testdb.h"

static int64_t session_with(sqlite3 *db, const char *title, const char *retain)
{
	struct pact_err err;
	int64_t id;

	assert_int_equal(session_create(db, &(struct session_fields){ .title = title,
								     .retain_until = retain },
					&id, &err),
			 PACT_OK);
	return id;
}

static void people(sqlite3 *db, int64_t session, int n, const char *role, const char *wijk)
{
	struct pact_err err;

	for (int i = 0; i < n; i++)
		assert_int_equal(sql_exec(db, &err,
					  "INSERT INTO participant(uuid, session_id, alias, name, consent, "
					  "role, wijk) VALUES (lower(printf('%s-%s-4%s-8%s-%s', "
					  "hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), "
					  "substr(hex(randomblob(2)), 2), hex(randomblob(6)))), ?, "
					  "'p' || (SELECT count(*) FROM participant), 'Naam', 1, ?, ?)",
					  "Itt", session, role, wijk),
				 PACT_OK);
}

static void test_breakdown_hides_small_groups(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct privacy_group *g;
	size_t n;
	char shown[24], *text;
	int64_t s = session_with(db, "Wijk", NULL), other = session_with(db, "Ander", NULL);

	people(db, s, 6, "resident", "Oost");
	people(db, s, 4, "entrepreneur", "Oost");
	people(db, s, 1, NULL, "West");
	people(db, other, 9, "institution", NULL);
	assert_int_equal(privacy_breakdown(db, s, &g, &n, &err), PACT_OK);
	/* role: resident 6, entrepreneur 4, not given 1; wijk: Oost 10, West 1; age: not given 11.
	 * Hidden groups come after the shown ones by name ("" first), so that
	 * their order says nothing of their size. */
	assert_int_equal(n, 6);
	assert_string_equal(g[0].group, "resident");
	privacy_count_text(&g[0], shown);
	assert_string_equal(shown, "6");
	assert_string_equal(g[1].group, "");
	assert_int_equal(g[1].mark, SUPPRESS_SMALL);
	assert_string_equal(g[2].group, "entrepreneur");
	assert_int_equal(g[2].mark, SUPPRESS_SMALL);
	privacy_count_text(&g[2], shown);
	assert_string_equal(shown, "<5");
	/* West's 1 would be the total 11 minus Oost's 10: Oost is hidden too */
	assert_int_equal(g[3].dimension, PRIVACY_WIJK);
	assert_string_equal(g[3].group, "Oost");
	assert_int_equal(g[3].people, 10);
	assert_int_equal(g[3].mark, SUPPRESS_MASKED);
	privacy_count_text(&g[3], shown);
	assert_string_equal(shown, "x");
	assert_int_equal(g[4].mark, SUPPRESS_SMALL);
	text = privacy_breakdown_report(g, n, 60, false);
	assert_non_null(strstr(text, "Role\n"));
	assert_non_null(strstr(text, " <5\n"));
	assert_null(strstr(text, " 4\n")); /* the hidden number never shows */
	assert_null(strstr(text, " 1\n"));
	assert_null(strstr(text, " 10\n"));
	assert_non_null(strstr(text, " x\n"));
	assert_non_null(strstr(text, "not given"));
	free(text);
	privacy_groups_free(g, n);
	/* every session together */
	assert_int_equal(privacy_breakdown(db, 0, &g, &n, &err), PACT_OK);
	assert_string_equal(g[0].group, "institution");
	assert_int_equal(g[0].people, 9);
	privacy_groups_free(g, n);
}

/* --- what a reader can work out ------------------------------------------
 * A brute-force adversary: every hidden count is unknown within what its
 * mark says (a "<5" is 1..4, an "x" 5 or more, never more than the total);
 * the hidden counts of each session add up to its total (public: the
 * session list) minus its shown counts, and the numbers shown for all
 * sessions together tie the sessions' hidden counts of a group. Every
 * assignment that fits is tried; a small count must keep two values. */
#define MAXVARS 32
#define MAXSETS 8
#define MAXGROUPS 16
#define MAXV 128

struct puzzle {
	size_t nvars;
	int64_t lo[MAXVARS], hi[MAXVARS], truth[MAXVARS];
	bool small[MAXVARS];
	int set_of[MAXVARS], group_of[MAXVARS];
	int64_t set_sum[MAXSETS];
	bool group_known[MAXGROUPS];
	int64_t group_lo[MAXGROUPS], group_hi[MAXGROUPS];
	unsigned char seen[MAXVARS][MAXV];
};

static void puzzle_var(struct puzzle *p, int set, int group, enum suppress_mark mark,
		       int64_t truth)
{
	size_t v = p->nvars++;

	assert_true(v < MAXVARS);
	p->set_of[v] = set;
	p->group_of[v] = group;
	p->small[v] = mark == SUPPRESS_SMALL;
	p->lo[v] = p->small[v] ? 1 : SUPPRESS_MIN;
	p->hi[v] = p->small[v] ? SUPPRESS_MIN - 1 : MAXV - 1;
	p->truth[v] = truth;
}

static void solve(struct puzzle *p, size_t i, int64_t *set_acc, int64_t *group_acc, int64_t *val)
{
	if (i == p->nvars) {
		for (int s = 0; s < MAXSETS; s++)
			if (set_acc[s] != p->set_sum[s])
				return;
		for (int g = 0; g < MAXGROUPS; g++)
			if (p->group_known[g] && (group_acc[g] < p->group_lo[g] ||
						  group_acc[g] > p->group_hi[g]))
				return;
		for (size_t v = 0; v < p->nvars; v++)
			p->seen[v][val[v]] = 1;
		return;
	}
	for (int64_t x = p->lo[i]; x <= p->hi[i] && set_acc[p->set_of[i]] + x <= p->set_sum[p->set_of[i]];
	     x++) {
		bool last = i + 1 == p->nvars || p->set_of[i + 1] != p->set_of[i];
		if (last && set_acc[p->set_of[i]] + x != p->set_sum[p->set_of[i]])
			continue; /* the session's hidden counts must add up */
		val[i] = x;
		set_acc[p->set_of[i]] += x;
		if (p->group_of[i] >= 0)
			group_acc[p->group_of[i]] += x;
		solve(p, i + 1, set_acc, group_acc, val);
		set_acc[p->set_of[i]] -= x;
		if (p->group_of[i] >= 0)
			group_acc[p->group_of[i]] -= x;
	}
}

/* Whether every small count can take two values; the truth must fit. */
static bool every_small_uncertain(struct puzzle *p)
{
	int64_t set_acc[MAXSETS] = { 0 }, group_acc[MAXGROUPS] = { 0 }, val[MAXVARS];
	bool uncertain = true;

	solve(p, 0, set_acc, group_acc, val);
	for (size_t v = 0; v < p->nvars; v++) {
		int values = 0;
		for (int x = 0; x < MAXV; x++)
			values += p->seen[v][x];
		assert_true(p->seen[v][p->truth[v]]);
		if (p->small[v] && values < 2)
			uncertain = false;
	}
	return uncertain;
}

/* One dimension of one session, its total public. The same search, done
 * as dynamic programming over the sums the other hidden counts can reach
 * together (every assignment is still counted; tables are bigger here). */
static bool table_uncertain(const int64_t *count, const enum suppress_mark *mark, size_t n)
{
	int64_t sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += mark[i] == SUPPRESS_SHOWN ? 0 : count[i];
	assert_true(sum < MAXV);
	for (size_t v = 0; v < n; v++) {
		unsigned char reach[MAXV] = { 1 };
		int values = 0;

		if (mark[v] != SUPPRESS_SMALL)
			continue;
		for (size_t o = 0; o < n; o++) {
			unsigned char next[MAXV] = { 0 };
			int64_t lo = mark[o] == SUPPRESS_SMALL ? 1 : SUPPRESS_MIN,
				hi = mark[o] == SUPPRESS_SMALL ? SUPPRESS_MIN - 1 : MAXV - 1;
			if (o == v || mark[o] == SUPPRESS_SHOWN)
				continue;
			for (int64_t s = 0; s <= sum; s++)
				for (int64_t x = lo; x <= hi && s + x <= sum && reach[s]; x++)
					next[s + x] = 1;
			memcpy(reach, next, sizeof reach);
		}
		for (int64_t x = 1; x < SUPPRESS_MIN; x++)
			values += sum - x >= 0 && reach[sum - x];
		assert_true(reach[sum - count[v]]); /* the truth fits */
		if (values < 2)
			return false;
	}
	return true;
}

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static void test_suppress_random_tables(void **state)
{
	unsigned seed = 20261127;

	(void)state;
	for (int trial = 0; trial < 20000; trial++) {
		int64_t count[6];
		enum suppress_mark mark[6], other[6];
		size_t n = 1 + next_random(&seed) % 6;
		bool ok;

		for (size_t i = 0; i < n; i++)
			count[i] = next_random(&seed) % 10 < 5 ? 1 + next_random(&seed) % 4
							       : 5 + next_random(&seed) % 10;
		ok = suppress_dimension(count, mark, n);
		if (ok) {
			for (size_t i = 0; i < n; i++)
				assert_true((count[i] < SUPPRESS_MIN) == (mark[i] == SUPPRESS_SMALL));
			if (!table_uncertain(count, mark, n))
				fail_msg("trial %d: a small group can be worked out", trial);
		}
		/* The closed rule agrees with the brute force on every pattern, and
		 * a dimension is withheld only when no pattern would do. */
		for (unsigned bits = 0; bits < 1u << n; bits++) {
			bool uncertain;
			for (size_t i = 0; i < n; i++)
				other[i] = count[i] < SUPPRESS_MIN ? SUPPRESS_SMALL
					   : bits >> i & 1 ? SUPPRESS_MASKED : SUPPRESS_SHOWN;
			uncertain = table_uncertain(count, other, n);
			assert_int_equal(suppress_safe(count, other, n), uncertain);
			if (!ok && uncertain)
				fail_msg("trial %d: withheld although a pattern protects it", trial);
		}
	}
}

static void test_suppress_chooses_few_and_small(void **state)
{
	enum suppress_mark m[4];

	(void)state;
	/* five and one of six: whatever is hidden, the one is 1 */
	assert_false(suppress_dimension((int64_t[]){ 5, 1 }, m, 2));
	/* seven and one: hiding the seven leaves the one 1..3 */
	assert_true(suppress_dimension((int64_t[]){ 7, 1 }, m, 2));
	assert_int_equal(m[0], SUPPRESS_MASKED);
	assert_int_equal(m[1], SUPPRESS_SMALL);
	/* the smallest group that does it (a 5 beside a 1 would not) */
	assert_true(suppress_dimension((int64_t[]){ 20, 5, 6, 1 }, m, 4));
	assert_int_equal(m[0], SUPPRESS_SHOWN);
	assert_int_equal(m[1], SUPPRESS_SHOWN);
	assert_int_equal(m[2], SUPPRESS_MASKED);
	/* two small ones that can trade places need nothing more */
	assert_true(suppress_dimension((int64_t[]){ 12, 2, 1 }, m, 3));
	assert_int_equal(m[0], SUPPRESS_SHOWN);
	/* ... but two fours are eight, and eight is only 4 + 4 */
	assert_true(suppress_dimension((int64_t[]){ 12, 4, 4 }, m, 3));
	assert_int_equal(m[0], SUPPRESS_MASKED);
	/* nothing small, nothing hidden */
	assert_true(suppress_dimension((int64_t[]){ 5, 9 }, m, 2));
	assert_int_equal(m[0], SUPPRESS_SHOWN);
	assert_int_equal(m[1], SUPPRESS_SHOWN);
}

static void person(sqlite3 *db, int64_t session, const char *role, const char *wijk,
		   const char *age)
{
	struct pact_err err;

	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO participant(uuid, session_id, alias, role, wijk, age_band) "
				  "VALUES (lower(hex(randomblob(16))), ?, 'p' || (SELECT count(*) FROM "
				  "participant), ?, ?, ?)",
				  "Ittt", session, role, wijk, age),
			 PACT_OK);
}

static int64_t session_total(sqlite3 *db, int64_t session)
{
	struct pact_err err;
	int64_t n;

	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM participant WHERE session_id = ?", "I", session),
			 PACT_OK);
	return n;
}

/* The group's number in puzzle p (added when new). */
static int group_index(const char **names, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	assert_true(*n < MAXGROUPS);
	names[*n] = name;
	return (*n)++;
}

/* Dimension d as a reader of every session's breakdown, the session list
 * and the breakdown of all sessions sees it. */
static bool dimension_uncertain(struct privacy_group **per, size_t *nper, int64_t *total,
				int nsessions, const struct privacy_group *all, size_t nall, int d)
{
	struct puzzle p = { 0 };
	const char *names[MAXGROUPS];
	int64_t known[MAXGROUPS] = { 0 }, withheld = 0;
	int ngroups = 0;

	for (int s = 0; s < nsessions; s++) {
		p.set_sum[s] = total[s];
		for (size_t i = 0; i < nper[s]; i++) {
			const struct privacy_group *g = &per[s][i];
			int gi;
			if (g->dimension != d)
				continue;
			if (g->pooled) {
				/* not broken down: the session's total, as the session list shows it */
				assert_int_equal(g->people, total[s]);
				assert_int_equal(g->mark, total[s] < 5 ? SUPPRESS_SMALL : SUPPRESS_SHOWN);
				withheld += total[s];
				p.set_sum[s] = 0;
				continue;
			}
			gi = group_index(names, &ngroups, g->group);
			if (g->mark == SUPPRESS_SHOWN) {
				p.set_sum[s] -= g->people;
				known[gi] += g->people;
			} else {
				puzzle_var(&p, s, gi, g->mark, g->people);
			}
		}
	}
	for (size_t i = 0; i < nall; i++) {
		const struct privacy_group *g = &all[i];
		int gi;
		if (g->dimension != d)
			continue;
		if (g->pooled) {
			assert_int_equal(g->people, withheld);
			continue;
		}
		gi = group_index(names, &ngroups, g->group);
		if (g->mark == SUPPRESS_SHOWN) {
			p.group_known[gi] = true;
			p.group_lo[gi] = p.group_hi[gi] = g->people - known[gi];
		} else if (g->mark == SUPPRESS_SMALL) {
			p.group_known[gi] = true;
			p.group_lo[gi] = 1 - known[gi];
			p.group_hi[gi] = SUPPRESS_MIN - 1 - known[gi];
		}
	}
	return every_small_uncertain(&p);
}

/* Random sessions: no small group of any session can be worked out from
 * the session's breakdown, the session list, the other sessions and the
 * breakdown of all sessions together. */
static void test_breakdowns_across_sessions(void **state)
{
	static const char *const roles[] = { "resident", "resident", "entrepreneur", NULL };
	static const char *const wijken[] = { "Oost", "Oost", "West", "Noord", NULL };
	static const char *const ages[] = { "30-44", "65+", NULL };
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t sessions[3], total[3];
	unsigned seed = 7;

	for (int s = 0; s < 3; s++)
		sessions[s] = session_with(db, "S", NULL);
	for (int trial = 0; trial < 150; trial++) {
		struct privacy_group *per[3], *all;
		size_t nper[3], nall;

		assert_int_equal(sql_exec(db, &err, "BEGIN", ""), PACT_OK);
		assert_int_equal(sql_exec(db, &err, "DELETE FROM participant", ""), PACT_OK);
		for (int s = 0; s < 3; s++) {
			int people = (int)(next_random(&seed) % 13);
			for (int i = 0; i < people; i++)
				person(db, sessions[s], roles[next_random(&seed) % 4],
				       wijken[next_random(&seed) % 5], ages[next_random(&seed) % 3]);
		}
		assert_int_equal(sql_exec(db, &err, "COMMIT", ""), PACT_OK);
		for (int s = 0; s < 3; s++) {
			total[s] = session_total(db, sessions[s]);
			assert_int_equal(privacy_breakdown(db, sessions[s], &per[s], &nper[s], &err),
					 PACT_OK);
		}
		assert_int_equal(privacy_breakdown(db, 0, &all, &nall, &err), PACT_OK);
		for (int d = 0; d < PRIVACY_DIMENSIONS; d++)
			if (!dimension_uncertain(per, nper, total, 3, all, nall, d))
				fail_msg("trial %d, %s: a small group can be worked out", trial,
					 privacy_dimension_key(d));
		for (int s = 0; s < 3; s++)
			privacy_groups_free(per[s], nper[s]);
		privacy_groups_free(all, nall);
	}
}

/* One entrepreneur among nine residents in one session: the breakdown of
 * all sessions, less the other session's, must not give the one away. */
static void test_all_sessions_minus_one_session(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct privacy_group *g;
	size_t n;
	char shown[24];
	int64_t a = session_with(db, "A", NULL), b = session_with(db, "B", NULL);

	people(db, a, 9, "resident", "Oost");
	people(db, a, 1, "entrepreneur", "Oost");
	people(db, b, 6, "resident", "Oost");
	people(db, b, 6, "entrepreneur", "Oost");
	assert_int_equal(privacy_breakdown(db, 0, &g, &n, &err), PACT_OK);
	/* B shows 6 and 6; were "entrepreneur 7" shown here, A's one would be 7 - 6 */
	for (size_t i = 0; i < n; i++) {
		if (g[i].dimension != PRIVACY_ROLE)
			continue;
		privacy_count_text(&g[i], shown);
		assert_string_equal(shown, "x");
	}
	assert_int_equal(g[2].dimension, PRIVACY_WIJK);
	assert_string_equal(g[2].group, "Oost");
	privacy_count_text(&g[2], shown);
	assert_string_equal(shown, "22"); /* shown in both sessions: the sum */
	privacy_groups_free(g, n);
}

/* A hidden group's bar is the same fixed mark whatever its size. */
static void test_hidden_bar_is_a_fixed_mark(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char *text[2], *line[2];

	for (int round = 0; round < 2; round++) {
		struct privacy_group *g;
		size_t n;
		int64_t s = session_with(db, "S", NULL);

		people(db, s, 20, "resident", "Oost");
		people(db, s, round ? 3 : 1, "entrepreneur", "Oost");
		people(db, s, round ? 4 : 2, "institution", "Oost");
		assert_int_equal(privacy_breakdown(db, s, &g, &n, &err), PACT_OK);
		text[round] = privacy_breakdown_report(g, n, 60, round == 0);
		privacy_groups_free(g, n);
		assert_non_null(line[round] = strstr(text[round], "entrepreneur"));
		*strchr(line[round], '\n') = '\0';
	}
	assert_non_null(strstr(line[0], "\u2591\u2591\u2591"));
	assert_non_null(strstr(line[1], "///"));
	assert_null(strstr(line[1], "#"));
	assert_non_null(strstr(text[1], "####")); /* the residents' bar */
	free(text[0]);
	free(text[1]);
}

/* Whether rows r and o of v (4 values a row) share their first len values. */
static bool same_values(const char **v, size_t r, size_t o, size_t len)
{
	for (size_t j = 0; j < len; j++)
		if (strcmp(v[r * 4 + j] ? v[r * 4 + j] : "", v[o * 4 + j] ? v[o * 4 + j] : ""))
			return false;
	return true;
}

/* Rows of random people: every row written stands for at least five rows
 * of its session written alike; a row is left out only when its session
 * has fewer than five; and a row is generalised part of the way only when
 * fewer than five would share it otherwise. */
static void test_kanon_random_rows(void **state)
{
	static const char *const pick[4][4] = {
		{ "1", "2", "2", "2" }, { "a", "b", NULL, "a" }, { "Oost", "West", "Oost", "Noord" },
		{ "30-44", "65+", "30-44", NULL },
	};
	unsigned seed = 11;

	(void)state;
	for (int trial = 0; trial < 300; trial++) {
		size_t n = next_random(&seed) % 60;
		const char *v[60 * 4];
		int level[60];

		for (size_t r = 0; r < n; r++)
			for (size_t j = 0; j < 4; j++)
				v[r * 4 + j] = pick[j][next_random(&seed) % 4];
		assert_true(suppress_kanon(v, n, 3, level));
		for (size_t r = 0; r < n; r++) {
			size_t alike = 0, before = 0, scope = 0;
			assert_true(level[r] >= 0 && level[r] <= 4);
			for (size_t o = 0; o < n; o++) {
				scope += strcmp(v[r * 4], v[o * 4]) == 0;
				alike += level[o] == level[r] && same_values(v, r, o, 4 - (size_t)level[r]);
				/* one level less, fewer than five would share it (rows of
				 * level 3 may have joined the few left over: not counted) */
				before += level[r] > 0 && level[o] >= level[r] && level[o] < 3 &&
					  same_values(v, r, o, 5 - (size_t)level[r]);
			}
			assert_true((level[r] == 4) == (scope < SUPPRESS_MIN));
			if (level[r] < 4)
				assert_true(alike >= SUPPRESS_MIN);
			if (level[r] > 0 && level[r] < 3)
				assert_true(before < SUPPRESS_MIN);
		}
	}
	/* one of six differs from the five others in everything: it is not
	 * left out (that would tell it fits none of them); all six become * */
	{
		const char *v[] = { "1", "a", "Oost", "30-44", "1", "a", "Oost", "30-44",
				    "1", "a", "Oost", "30-44", "1", "a", "Oost", "30-44",
				    "1", "a", "Oost", "30-44", "1", "b", "West", "65+" };
		int level[6];

		assert_true(suppress_kanon(v, 6, 3, level));
		for (int r = 0; r < 6; r++)
			assert_int_equal(level[r], 3);
	}
}

static void test_purge_after_keep_until(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t old = session_with(db, "Oud", "1-1-2020"), later = session_with(db, "Later", "2030-01-01"),
		none = session_with(db, "Geen", ""), due, sessions, removed, voters, n;
	struct session s;

	assert_int_equal(session_get(db, old, &s, &err), PACT_OK);
	assert_string_equal(s.retain_until, "2020-01-01");
	session_free(&s);
	assert_int_equal(session_create(db, &(struct session_fields){ .title = "X",
								     .retain_until = "morgen" },
					NULL, &err),
			 PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, "keep personal data until: ", 26), 0);
	people(db, old, 3, "resident", NULL);
	people(db, later, 2, "resident", NULL);
	people(db, none, 2, "resident", NULL);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO idea(uuid, session_id, participant_id, text, created_at, "
				  "updated_at) SELECT 'i1', ?, min(id), 'Bankjes', 'x', 'x' FROM "
				  "participant WHERE session_id = ?",
				  "II", old, old),
			 PACT_OK);
	assert_int_equal(privacy_due(db, "2026-11-27", &due, &err), PACT_OK);
	assert_int_equal(due, 1);
	assert_int_equal(privacy_purge(db, "2026-11-27", &sessions, &removed, &voters, &err), PACT_OK);
	assert_int_equal(sessions, 1);
	assert_int_equal(removed, 3);
	assert_int_equal(voters, 0);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM participant", ""), PACT_OK);
	assert_int_equal(n, 4);
	/* the idea stays, without a name */
	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM idea WHERE text = 'Bankjes' AND participant_id IS NULL",
				 ""),
			 PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(privacy_due(db, "2026-11-27", &due, &err), PACT_OK);
	assert_int_equal(due, 0);
	/* on the day itself nothing is due yet */
	assert_int_equal(privacy_due(db, "2030-01-01", &due, &err), PACT_OK);
	assert_int_equal(due, 0);
	assert_int_equal(privacy_due(db, "2030-01-02", &due, &err), PACT_OK);
	assert_int_equal(due, 1);
}

static void test_forget_one(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = session_with(db, "Wijk", NULL), n;
	sqlite3_stmt *st;
	char uuid[64];

	people(db, s, 2, "resident", NULL);
	st = sql_query(db, &err, "SELECT upper(uuid) FROM participant WHERE id = 2", "");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(uuid, sizeof uuid, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_OK);
	assert_int_equal(privacy_forget(db, uuid, &err), PACT_OK);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM participant", ""), PACT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "no participant '1'"));
	assert_int_equal(privacy_forget(db, "x'; DROP TABLE participant; --", &err), PACT_EINPUT);
}

static int64_t count(sqlite3 *db, const char *sql)
{
	struct pact_err err;
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, ""), PACT_OK);
	return n;
}

static void import_csv(sqlite3 *db, const char *kind, const char *csv, struct import_stats *st)
{
	struct pact_err err;

	memset(st, 0, sizeof *st);
	if (import_text(db, kind_find(kind), csv, "t.csv", st, &err) != PACT_OK)
		fail_msg("%s", err.msg);
}

#define ANS "aaaaaaaa-0000-4000-8000-000000000001"

static void test_forget_leaves_a_tombstone_that_imports_respect(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;
	char today[11], want[128];
	sqlite3_stmt *q;

	session_with(db, "Wijkavond", NULL);
	import_csv(db, "participants",
		   "id,session,alias,name,consent,wijk\n" ANS ",Wijkavond,Ans,Zeldzame Geheimnaam,1,Oost\n"
		   "aaaaaaaa-0000-4000-8000-000000000002,Wijkavond,Bas,,0,West\n",
		   &st);
	import_csv(db, "ideas", "session,idea,participant\nWijkavond,Meer bankjes," ANS "\n", &st);
	assert_int_equal(privacy_forget(db, "AAAAAAAA-0000-4000-8000-000000000001", &err), PACT_OK);
	/* the tombstone: the UUID, the kind and the date; no name, nothing else */
	stamp_date(time(NULL), today);
	snprintf(want, sizeof want, "%s|participant|%s", ANS, today);
	q = sql_query(db, &err, "SELECT uuid || '|' || kind || '|' || date FROM forgotten", "");
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), want);
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_table_info('forgotten')"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM idea WHERE participant_id IS NULL"), 1);
	/* an older CSV with the person: skipped, the other row updated */
	import_csv(db, "participants",
		   "id,session,alias,name,consent\n" ANS ",Wijkavond,Ans,Zeldzame Geheimnaam,1\n"
		   "aaaaaaaa-0000-4000-8000-000000000002,Wijkavond,Bas,,0\n",
		   &st);
	assert_int_equal(st.forgotten, 1);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.updated, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM participant WHERE uuid = '" ANS "' OR "
				   "name IS NOT NULL OR alias = 'Ans'"),
			 0);
	/* ideas naming the forgotten person by UUID come in without a participant */
	import_csv(db, "ideas",
		   "session,idea,participant\n"
		   "Wijkavond,Een speeltuin,AAAAAAAA-0000-4000-8000-000000000001\n",
		   &st);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.unlinked, 1);
	assert_int_equal(st.forgotten, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM idea WHERE participant_id IS NULL"), 2);
	assert_int_equal(count(db, "SELECT count(*) FROM participant"), 1);
	/* forgetting again is refused, and the tombstone stays one */
	assert_int_equal(privacy_forget(db, ANS, &err), PACT_EINPUT);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten"), 1);
}

static void test_forgotten_required_reference_skips_the_row(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;

	/* Only participants are forgotten today; a row that cannot stand
	 * without a forgotten record is skipped, not stored half. */
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO forgotten VALUES ('bbbbbbbb-0000-4000-8000-000000000001', "
				  "'session', '2026-01-01')",
				  ""),
			 PACT_OK);
	import_csv(db, "ideas",
		   "id,session,idea,merged_into\n"
		   "eeeeeeee-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000001,Weg ermee,"
		   "eeeeeeee-0000-4000-8000-000000000002\n",
		   &st);
	assert_int_equal(st.forgotten, 1);
	assert_int_equal(st.rows, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM idea"), 0);
	/* a UUID nobody forgot is still an error that names the cell */
	assert_int_equal(import_text(db, kind_find("ideas"),
				     "session,idea\nbbbbbbbb-0000-4000-8000-000000000002,Weg ermee\n",
				     "t.csv", &st, &err),
			 PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:2:1: column 'session': no session"));
}

/* A participants CSV of the people of session 1 as they were, with the
 * name "Terug". */
static void older_csv(sqlite3 *db, char *csv, size_t size)
{
	struct pact_err err;
	sqlite3_stmt *q = sql_query(db, &err, "SELECT uuid FROM was WHERE session_id = 1", "");
	size_t n = (size_t)snprintf(csv, size, "id,session,alias,name,consent\n");

	for (int i = 0; sqlite3_step(q) == SQLITE_ROW; i++)
		n += (size_t)snprintf(csv + n, size - n, "%s,Oud,p%d,Terug,1\n",
				      sqlite3_column_text(q, 0), i);
	sqlite3_finalize(q);
}

static void test_purge_leaves_tombstones(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;
	int64_t old = session_with(db, "Oud", "2020-01-01"), sessions, removed, voters;
	char csv[1024];

	people(db, old, 3, "resident", NULL);
	people(db, session_with(db, "Nieuw", "2099-01-01"), 1, "resident", NULL);
	assert_int_equal(sql_exec(db, &err,
				  "CREATE TEMP TABLE was AS SELECT uuid, session_id FROM participant", ""),
			 PACT_OK);
	assert_int_equal(privacy_purge(db, "2026-11-27", &sessions, &removed, &voters, &err), PACT_OK);
	assert_int_equal(removed, 3);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten f JOIN was w USING (uuid) WHERE "
				   "f.kind = 'participant' AND f.date = '2026-11-27' AND w.session_id = 1"),
			 3);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten"), 3);
	/* the purged people do not come back with an older CSV */
	older_csv(db, csv, sizeof csv);
	import_csv(db, "participants", csv, &st);
	assert_int_equal(st.forgotten, 3);
	assert_int_equal(st.rows, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM participant WHERE session_id = 1"), 0);
}

static void test_keep_until_only_moves_earlier(void **state)
{
	sqlite3 *db = *state;
	struct import_stats st;
	sqlite3_stmt *q;
	struct pact_err err;
	const char *want[] = { "A|2025-06-01", "B|2025-01-01", "C|2027-01-01", "D|2026-01-01",
			       "E|" };

	import_csv(db, "sessions",
		   "id,title,retain_until\n"
		   "cccccccc-0000-4000-8000-00000000000a,A,2030-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000b,B,2025-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000c,C,\n"
		   "cccccccc-0000-4000-8000-00000000000d,D,2026-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000e,E,\n",
		   &st);
	/* earlier wins; a date wins over none; none and none stays none */
	import_csv(db, "sessions",
		   "id,title,retain_until\n"
		   "cccccccc-0000-4000-8000-00000000000a,A,1-6-2025\n"
		   "cccccccc-0000-4000-8000-00000000000b,B,2030-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000c,C,2027-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000d,D,\n"
		   "cccccccc-0000-4000-8000-00000000000e,E,\n",
		   &st);
	assert_int_equal(st.updated, 5);
	/* a file without the column leaves every date alone */
	import_csv(db, "sessions", "id,title\ncccccccc-0000-4000-8000-00000000000b,B\n", &st);
	q = sql_query(db, &err,
		      "SELECT title || '|' || coalesce(retain_until, '') FROM session ORDER BY title",
		      "");
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(q, 0), want[i]);
	}
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
}

static void test_scrub_empties_the_wal_or_says_why(void **state)
{
	sqlite3 *db = *state, *reader;
	struct pact_err err;
	struct stat st;
	char wal[PATH_MAX + 8];
	int64_t s = session_with(db, "Wijk", NULL), n;

	snprintf(wal, sizeof wal, "%s-wal", testdb_path);
	people(db, s, 2, "resident", NULL);
	/* another connection in the middle of reading holds the log */
	assert_int_equal(db_open(testdb_path, &reader, &err), PACT_OK);
	assert_int_equal(sql_exec(reader, &err, "BEGIN", ""), PACT_OK);
	assert_int_equal(sql_int(reader, &n, NULL, &err, "SELECT count(*) FROM participant", ""),
			 PACT_OK);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_OK);
	assert_int_equal(db_checkpoint_truncate(db, &err), PACT_EDB);
	assert_int_equal(privacy_scrub(db, testdb_path, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "another program is reading the database"));
	assert_non_null(strstr(err.msg, "what was removed is still in "));
	assert_non_null(strstr(err.msg, "run pact check"));
	assert_int_equal(stat(wal, &st), 0);
	assert_true(st.st_size > 0);
	/* once it has finished, the log is emptied to zero bytes */
	assert_int_equal(sql_exec(reader, &err, "COMMIT", ""), PACT_OK);
	assert_int_equal(privacy_scrub(db, testdb_path, &err), PACT_OK);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_size, 0);
	/* an idle second connection does not stand in the way */
	assert_int_equal(privacy_forget(db, "2", &err), PACT_OK);
	assert_int_equal(db_checkpoint_truncate(db, &err), PACT_OK);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_size, 0);
	db_close(reader);
}

static void test_mode_warning(void **state)
{
	char msg[512];

	(void)state;
	chmod(testdb_path, 0600);
	assert_false(privacy_mode_warning(testdb_path, msg, sizeof msg));
	chmod(testdb_path, 0644);
	assert_true(privacy_mode_warning(testdb_path, msg, sizeof msg));
	assert_non_null(strstr(msg, "can be read by other users of this computer (mode 0644)"));
	chmod(testdb_path, 0600);
	assert_false(privacy_mode_warning("/nonexistent/pact.db", msg, sizeof msg));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_breakdown_hides_small_groups, open_db, close_db),
		cmocka_unit_test(test_suppress_random_tables),
		cmocka_unit_test(test_suppress_chooses_few_and_small),
		cmocka_unit_test_setup_teardown(test_breakdowns_across_sessions, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_all_sessions_minus_one_session, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_hidden_bar_is_a_fixed_mark, open_db, close_db),
		cmocka_unit_test(test_kanon_random_rows),
		cmocka_unit_test_setup_teardown(test_purge_after_keep_until, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forget_one, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forget_leaves_a_tombstone_that_imports_respect,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forgotten_required_reference_skips_the_row,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_purge_leaves_tombstones, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_keep_until_only_moves_earlier, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_scrub_empties_the_wal_or_says_why, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_mode_warning, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("privacy", tests, NULL, NULL);
}
