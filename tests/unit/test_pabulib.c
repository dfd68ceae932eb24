/* Unit tests of the Pabulib reader and writer: a hand-made file of each
 * vote type read and checked mark by mark (costs and budget in cents, points,
 * ranks), every refusal with its exact FILE:LINE:COLUMN message, the amount
 * parser, the writer's exact output, and write→read round trips. The files
 * live in a fresh folder the tests run in, so messages name "t.pb". */
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
#include <sys/stat.h>
#include <unistd.h>

#include "ballot_file.h"
#include "pabulib.h"
#include "tally.h"

static char folder[PATH_MAX], home[PATH_MAX];

/* --- files ----------------------------------------------------------------- */

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = calloc(1, 65536);
	size_t n;

	assert_non_null(f);
	assert_non_null(s);
	n = fread(s, 1, 65535, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* text with the first occurrence of old replaced by new (the caller frees). */
static char *replace(const char *text, const char *old, const char *new)
{
	const char *at = strstr(text, old);
	size_t n = strlen(text) - strlen(old) + strlen(new) + 1;
	char *s = malloc(n);

	if (!at)
		fail_msg("'%s' is not in the file", old);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(at - text), text, new, at + strlen(old));
	return s;
}

/* --- the example files (line numbers matter to the messages) ------------- */

static const char approval_pb[] =
	"META\n"                                   /* 1 */
	"key;value\n"                              /* 2 */
	"description;Municipal PB in Wieliczka\n"  /* 3 */
	"country;Poland\n"                         /* 4 */
	"unit;Wieliczka\n"                         /* 5 */
	"instance;2020\n"                          /* 6 */
	"num_projects;3\n"                         /* 7 */
	"num_votes;4\n"                            /* 8 */
	"budget;2500.50\n"                         /* 9 */
	"vote_type;approval\n"                     /* 10 */
	"rule;greedy\n"                            /* 11 */
	"date_begin;16.09.2023\n"                  /* 12 */
	"date_end;04.10.2023\n"                    /* 13 */
	"min_length;1\n"                           /* 14 */
	"max_length;2\n"                           /* 15 */
	"language;pl\n"                            /* 16 */
	"PROJECTS\n"                               /* 17 */
	"project_id;cost;category;name\n"          /* 18 */
	"1;600;culture, education;Park\n"          /* 19 */
	"2;1234.56;sport;Pool\n"                   /* 20 */
	"4;1400;culture;\n"                        /* 21 */
	"VOTES\n"                                  /* 22 */
	"voter_id;age;sex;vote\n"                  /* 23 */
	"v1;34;f;1,2\n"                            /* 24 */
	"v2;51;m;4\n"                              /* 25 */
	"v3;23;m;2, 4\n"                           /* 26 */
	"v4;19;f;1\n";                             /* 27 */

static const char cumulative_pb[] =
	"META\n"                                   /* 1 */
	"key;value\n"                              /* 2 */
	"description;Cumulative test\n"            /* 3 */
	"country;Netherlands\n"                    /* 4 */
	"unit;Utrecht\n"                           /* 5 */
	"instance;2026\n"                          /* 6 */
	"num_projects;3\n"                         /* 7 */
	"num_votes;3\n"                            /* 8 */
	"budget;100000\n"                          /* 9 */
	"vote_type;cumulative\n"                   /* 10 */
	"rule;greedy\n"                            /* 11 */
	"date_begin;2026\n"                        /* 12 */
	"date_end;2026\n"                          /* 13 */
	"max_sum_points;10\n"                      /* 14 */
	"PROJECTS\n"                               /* 15 */
	"project_id;cost;name\n"                   /* 16 */
	"A;40000;Trees\n"                          /* 17 */
	"B;30000.5;Benches\n"                      /* 18 */
	"C;50000;Lights\n"                         /* 19 */
	"VOTES\n"                                  /* 20 */
	"voter_id;vote;points;district\n"          /* 21 */
	"1;A,B;6,4;Noord\n"                        /* 22 */
	"2;C,A,B;5.0,5,0;Zuid\n"                   /* 23 */
	"3;B;10;Oost\n";                           /* 24 */

static const char scoring_pb[] =
	"META\n"                                   /* 1 */
	"key;value\n"                              /* 2 */
	"description;Scoring test\n"               /* 3 */
	"country;Netherlands\n"                    /* 4 */
	"unit;Utrecht\n"                           /* 5 */
	"instance;2026\n"                          /* 6 */
	"num_projects;3\n"                         /* 7 */
	"num_votes;2\n"                            /* 8 */
	"budget;1000,25\n"                         /* 9 */
	"vote_type;scoring\n"                      /* 10 */
	"rule;unknown\n"                           /* 11 */
	"date_begin;2026\n"                        /* 12 */
	"date_end;2026\n"                          /* 13 */
	"min_points;-2\n"                          /* 14 */
	"max_points;2\n"                           /* 15 */
	"PROJECTS\n"                               /* 16 */
	"project_id;cost\n"                        /* 17 */
	"p1;100\n"                                 /* 18 */
	"p2;200\n"                                 /* 19 */
	"p3;300\n"                                 /* 20 */
	"VOTES\n"                                  /* 21 */
	"voter_id;vote;points\n"                   /* 22 */
	"a;p1,p2,p3;2,-2,0\n"                      /* 23 */
	"b;p3;1\n";                                /* 24 */

static const char ordinal_pb[] =
	"META\n"                                   /* 1 */
	"key;value\n"                              /* 2 */
	"description;Ordinal test\n"               /* 3 */
	"country;Netherlands\n"                    /* 4 */
	"unit;Utrecht\n"                           /* 5 */
	"instance;2026\n"                          /* 6 */
	"num_projects;3\n"                         /* 7 */
	"num_votes;2\n"                            /* 8 */
	"budget;20000\n"                           /* 9 */
	"vote_type;ordinal\n"                      /* 10 */
	"rule;unknown\n"                           /* 11 */
	"date_begin;2026\n"                        /* 12 */
	"date_end;2026\n"                          /* 13 */
	"PROJECTS\n"                               /* 14 */
	"project_id;cost;name;votes\n"             /* 15 */
	"10;5000;Library;2\n"                      /* 16 */
	"20;7000;Skatepark;1\n"                    /* 17 */
	"30;9000;Library;1\n"                      /* 18 */
	"VOTES\n"                                  /* 19 */
	"voter_id;vote\n"                          /* 20 */
	"x;20,10,30\n"                             /* 21 */
	"y;10\n";                                  /* 22 */

/* --- reading --------------------------------------------------------------- */

struct got {
	struct ballots b;
	struct pabulib_info info;
	struct tally_input in;
};

static void read_ok(const char *text, struct got *g)
{
	struct pact_err err = { 0 };

	write_text("t.pb", text);
	memset(g, 0, sizeof *g);
	ballots_init(&g->b);
	if (pabulib_read("t.pb", &g->b, &g->info, &err) != PACT_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(ballots_finish(&g->b, &g->in, &err), PACT_OK);
}

static void got_free(struct got *g)
{
	ballots_free(&g->b);
	pabulib_info_free(&g->info);
}

static void read_fails(const char *text, const char *want)
{
	struct pact_err err = { 0 };
	struct ballots b;
	struct pabulib_info info;

	write_text("t.pb", text);
	ballots_init(&b);
	assert_int_equal(pabulib_read("t.pb", &b, &info, &err), PACT_EINPUT);
	assert_string_equal(err.msg, want);
	ballots_free(&b);
	pabulib_info_free(&info);
}

/* A variant of base with old replaced by new must be refused with want. */
static void variant_fails(const char *base, const char *old, const char *new, const char *want)
{
	char *text = replace(base, old, new);

	read_fails(text, want);
	free(text);
}

/* Voter v (by label) has exactly the marks "option=value ..." in order. */
static void assert_marks(const struct got *g, size_t v, const char *voter, const char *want)
{
	char have[512] = "";
	size_t len = 0;

	assert_true(v < g->in.nvoters);
	assert_string_equal(ballots_voter_name(&g->b, v), voter);
	for (size_t i = g->in.start[v]; i < g->in.start[v + 1]; i++)
		len += (size_t)snprintf(have + len, sizeof have - len, "%s%s=%lld", len ? " " : "",
					g->in.names[g->in.option[i]], (long long)g->in.value[i]);
	assert_string_equal(have, want);
}

static void test_read_approval(void **state)
{
	struct got g;

	(void)state;
	read_ok(approval_pb, &g);
	assert_int_equal(g.info.meta.vote_type, PABULIB_APPROVAL);
	assert_int_equal(g.info.meta.budget, 250050);
	assert_int_equal(g.info.budget_line, 9);
	assert_int_equal(g.info.meta_line, 1);
	assert_int_equal(g.info.meta.min_length, 1);
	assert_int_equal(g.info.meta.max_length, 2);
	assert_true(g.info.meta.max_points == PABULIB_UNSET);
	assert_string_equal(g.info.meta.description, "Municipal PB in Wieliczka");
	assert_string_equal(g.info.meta.country, "Poland");
	assert_string_equal(g.info.meta.rule, "greedy");
	assert_string_equal(g.info.meta.date_end, "04.10.2023");
	assert_string_equal(g.info.meta.language, "pl");
	assert_null(g.info.meta.subunit);
	/* Projects: labels from names, the nameless one by its id; exact cents. */
	assert_int_equal(g.in.noptions, 3);
	assert_string_equal(g.in.names[0], "Park");
	assert_string_equal(g.in.names[1], "Pool");
	assert_string_equal(g.in.names[2], "4");
	assert_int_equal(g.in.costs[0], 60000);
	assert_int_equal(g.in.costs[1], 123456);
	assert_int_equal(g.in.costs[2], 140000);
	assert_int_equal(g.info.nprojects, 3);
	assert_string_equal(g.info.project_ids[0], "1");
	assert_string_equal(g.info.project_ids[1], "2");
	assert_string_equal(g.info.project_ids[2], "4");
	assert_string_equal(g.info.project_names[0], "Park");
	assert_null(g.info.project_names[2]);
	/* Votes: 1 per approved project; age and sex are nowhere. */
	assert_int_equal(g.in.nvoters, 4);
	assert_int_equal(g.info.nvotes, 4);
	assert_int_equal(g.info.empty_votes, 0);
	assert_marks(&g, 0, "v1", "Park=1 Pool=1");
	assert_marks(&g, 1, "v2", "4=1");
	assert_marks(&g, 2, "v3", "Pool=1 4=1");
	assert_marks(&g, 3, "v4", "Park=1");
	assert_int_equal(g.in.start[4], 6);
	/* Marks know their place for later messages (column 'vote' is 4). */
	assert_int_equal(g.b.line[0], 24);
	assert_int_equal(g.b.col_option, 4);
	got_free(&g);
}

static void test_read_cumulative(void **state)
{
	struct got g;

	(void)state;
	read_ok(cumulative_pb, &g);
	assert_int_equal(g.info.meta.vote_type, PABULIB_CUMULATIVE);
	assert_int_equal(g.info.meta.budget, 10000000);
	assert_int_equal(g.info.meta.max_sum_points, 10);
	assert_true(g.info.meta.min_length == PABULIB_UNSET);
	assert_int_equal(g.in.costs[0], 4000000);
	assert_int_equal(g.in.costs[1], 3000050);
	assert_int_equal(g.in.costs[2], 5000000);
	assert_int_equal(g.in.nvoters, 3);
	assert_marks(&g, 0, "1", "Trees=6 Benches=4");
	/* "5.0" is 5 points; the 0 points for B make no mark. */
	assert_marks(&g, 1, "2", "Lights=5 Trees=5");
	assert_marks(&g, 2, "3", "Benches=10");
	assert_int_equal(g.b.col_value, 3);
	got_free(&g);
}

/* A mark the count refuses is found in the file: line and column. */
static void test_refused_mark_located(void **state)
{
	struct pact_err err;
	char where[256];
	size_t mark;
	struct got g;

	(void)state;
	read_ok(cumulative_pb, &g);
	g.in.method = TALLY_DOT;
	g.in.dots = 8;
	assert_int_equal(tally_check(&g.in, &mark, &err), PACT_EINPUT);
	assert_int_equal(mark, 1); /* voter 1's 4 points for Benches pass 8 */
	ballots_where(&g.b, mark, false, where, sizeof where);
	assert_string_equal(where, "t.pb:22:3");
	assert_string_equal(ballots_mark_voter(&g.b, mark), "1");
	got_free(&g);
}

static void test_read_scoring(void **state)
{
	struct got g;

	(void)state;
	read_ok(scoring_pb, &g);
	assert_int_equal(g.info.meta.vote_type, PABULIB_SCORING);
	assert_int_equal(g.info.meta.budget, 100025); /* "1000,25": a decimal comma */
	assert_int_equal(g.info.meta.min_points, -2);
	assert_int_equal(g.info.meta.max_points, 2);
	assert_string_equal(g.in.names[0], "p1");
	assert_int_equal(g.in.costs[2], 30000);
	assert_marks(&g, 0, "a", "p1=2 p2=-2 p3=0");
	assert_marks(&g, 1, "b", "p3=1");
	got_free(&g);
}

static void test_read_ordinal(void **state)
{
	struct got g;

	(void)state;
	read_ok(ordinal_pb, &g);
	assert_int_equal(g.info.meta.vote_type, PABULIB_ORDINAL);
	assert_int_equal(g.info.meta.budget, 2000000);
	/* Two projects called Library: both get their id after the name. */
	assert_string_equal(g.in.names[0], "Library (10)");
	assert_string_equal(g.in.names[1], "Skatepark");
	assert_string_equal(g.in.names[2], "Library (30)");
	assert_string_equal(g.info.project_names[0], "Library");
	/* Ranks in the order listed, 1 = most preferred. */
	assert_marks(&g, 0, "x", "Skatepark=1 Library (10)=2 Library (30)=3");
	assert_marks(&g, 1, "y", "Library (10)=1");
	got_free(&g);
}

static void test_read_variants(void **state)
{
	struct got g;
	char *text, *more;

	(void)state;
	/* choose-1 is approval of one project; "None" is no name (pabutools);
	 * titles in any case, blank rows and a byte order mark are fine. */
	text = replace(approval_pb, "vote_type;approval\nrule;greedy\n",
		       "vote_type;choose-1\nrule;greedy\n;;\n");
	more = replace(text, "max_length;2\n", "");
	free(text);
	text = replace(more, "1;600;culture, education;Park", "1;600;x;None");
	free(more);
	more = replace(text, "VOTES\nvoter_id;age;sex;vote\nv1;34;f;1,2\n",
		       "votes\nvoter_id;age;sex;vote\n\nv1;34;f;1\n");
	free(text);
	text = replace(more, "v3;23;m;2, 4", "v3;23;m;2");
	free(more);
	more = replace(text, "META", "\xEF\xBB\xBFMETA");
	free(text);
	read_ok(more, &g);
	free(more);
	assert_int_equal(g.info.meta.vote_type, PABULIB_APPROVAL);
	assert_int_equal(g.info.meta.max_length, 1);
	assert_string_equal(g.in.names[0], "1");
	assert_null(g.info.project_names[0]);
	assert_marks(&g, 0, "v1", "1=1");
	got_free(&g);

	/* min_length 0 allows empty votes; each is a voter without marks (in
	 * Equal Shares it still has its share of the budget). */
	text = replace(approval_pb, "min_length;1", "min_length;0");
	more = replace(text, "v2;51;m;4", "v2;51;m;");
	free(text);
	read_ok(more, &g);
	free(more);
	assert_int_equal(g.info.nvotes, 4);
	assert_int_equal(g.info.empty_votes, 1);
	assert_int_equal(g.in.nvoters, 4);
	assert_marks(&g, 1, "v2", "");
	assert_marks(&g, 2, "v3", "Pool=1 4=1");
	got_free(&g);

	/* A name shared by a project and another's "name (ID)" label. */
	text = replace(approval_pb, "4;1400;culture;", "4;1400;culture;Park (1)");
	more = replace(text, "2;1234.56;sport;Pool", "2;1234.56;sport;Park");
	free(text);
	read_ok(more, &g);
	free(more);
	assert_string_equal(g.in.names[0], "Park (1)");
	assert_string_equal(g.in.names[1], "Park (2)");
	assert_string_equal(g.in.names[2], "Park (1) (4)");
	got_free(&g);
}

static void test_refusals_meta(void **state)
{
	(void)state;
	variant_fails(approval_pb, "budget;2500.50", "budget;abc",
		      "t.pb:9:2: META 'budget': 'abc' is not a valid amount; Pabulib writes amounts like 106165.64");
	variant_fails(approval_pb, "budget;2500.50", "budget;2500.505",
		      "t.pb:9:2: META 'budget': '2500.505' has more than 2 decimals; pact counts in cents");
	variant_fails(approval_pb, "budget;2500.50", "budget;1.500.000",
		      "t.pb:9:2: META 'budget': '1.500.000' is not a valid amount; Pabulib writes amounts like 106165.64");
	variant_fails(approval_pb, "budget;2500.50", "budget;-5",
		      "t.pb:9:2: META 'budget': '-5' is not a valid amount; Pabulib writes amounts like 106165.64");
	variant_fails(approval_pb, "rule;greedy\n", "",
		      "t.pb:1: META has no 'rule', which Pabulib requires");
	variant_fails(approval_pb, "vote_type;approval", "vote_type;quadratic",
		      "t.pb:10:2: META 'vote_type': 'quadratic' is not a vote type; Pabulib has approval, cumulative, scoring, ordinal and choose-1");
	variant_fails(approval_pb, "num_projects;3", "num_projects;4",
		      "t.pb:7:2: META 'num_projects' is 4, but PROJECTS lists 3 projects");
	variant_fails(approval_pb, "num_votes;4", "num_votes;5",
		      "t.pb:8:2: META 'num_votes' is 5, but VOTES lists 4 votes");
	variant_fails(approval_pb, "num_votes;4", "num_votes;four",
		      "t.pb:8:2: META 'num_votes': 'four' is not a whole number; write for example 12");
	variant_fails(approval_pb, "language;pl", "country;Poland",
		      "t.pb:16:1: META 'country' is given twice (first on line 4)");
	variant_fails(approval_pb, "language;pl", "language;pl;en",
		      "t.pb:16:3: a field beyond the 2 columns of the META header; a value with ';' must be in double quotes");
	variant_fails(approval_pb, "key;value", "name;value",
		      "t.pb:2:1: the META header must be key;value, not 'name;value'");
	variant_fails(cumulative_pb, "max_sum_points;10", "max_sum_points;ten",
		      "t.pb:14:2: META 'max_sum_points': 'ten' is not a number of points; write for example 3");
}

static void test_refusals_sections(void **state)
{
	(void)state;
	variant_fails(approval_pb, "META\n", "oops\nMETA\n",
		      "t.pb:1:1: a row before any section; a Pabulib file starts with a line META");
	read_fails("", "t.pb: no META section; a Pabulib file starts with a line META");
	variant_fails(approval_pb, "language;pl\n", "language;pl\nVOTES\n",
		      "t.pb:17:1: VOTES before PROJECTS; a Pabulib file has the sections META, PROJECTS and VOTES in that order");
	variant_fails(approval_pb, "v4;19;f;1\n", "v4;19;f;1\nMETA\n",
		      "t.pb:28:1: a second META section (the first is on line 1)");
	variant_fails(approval_pb, "VOTES\nvoter_id;age;sex;vote\nv1;34;f;1,2\nv2;51;m;4\nv3;23;m;2, 4\nv4;19;f;1\n", "",
		      "t.pb: no VOTES section after line 17");
	variant_fails(approval_pb, "project_id;cost;category;name\n", "",
		      "t.pb:18: the PROJECTS header has no column 'project_id'");
	variant_fails(approval_pb, "project_id;cost;category;name", "project_id;price;category;name",
		      "t.pb:18: the PROJECTS header has no column 'cost'");
	variant_fails(approval_pb, "project_id;cost;category;name", "project_id;cost;cost;name",
		      "t.pb:18:3: the PROJECTS header has the column 'cost' twice");
	variant_fails(cumulative_pb, "voter_id;vote;points;district", "voter_id;vote;district",
		      "t.pb:21: the VOTES header has no column 'points'");
	variant_fails(approval_pb, "PROJECTS\nproject_id;cost;category;name\n1;600;culture, education;Park\n2;1234.56;sport;Pool\n4;1400;culture;\n",
		      "PROJECTS\nproject_id;cost;category;name\n",
		      "t.pb:17: PROJECTS lists no projects");
	variant_fails(approval_pb, "v4;19;f;1\n", "v4;19;f;1\nVOTES\n",
		      "t.pb:28:1: a second VOTES section (the first is on line 22)");
}

static void test_refusals_projects(void **state)
{
	(void)state;
	variant_fails(approval_pb, "4;1400;culture;", "2;1400;culture;",
		      "t.pb:21:1: project '2' is listed twice (first on line 20)");
	variant_fails(approval_pb, "4;1400;culture;", "4;1400,001;culture;",
		      "t.pb:21:2: column 'cost': '1400,001' has more than 2 decimals; pact counts in cents");
	variant_fails(approval_pb, "4;1400;culture;", "4;1400.000;culture;\n5;1.5e3;x;",
		      "t.pb:22:2: column 'cost': '1.5e3' is not a valid amount; Pabulib writes amounts like 106165.64");
	variant_fails(approval_pb, "4;1400;culture;", "4;1000000000000.01;culture;",
		      "t.pb:21:2: column 'cost': '1000000000000.01' is more than 1000000000000");
	variant_fails(approval_pb, "4;1400;culture;", "4;0;culture;",
		      "t.pb:21:2: column 'cost': 0; a project costs more than 0");
	variant_fails(approval_pb, "4;1400;culture;", ";1400;culture;",
		      "t.pb:21:1: column 'project_id': empty");
	variant_fails(approval_pb, "4;1400;culture;", "\"4,5\";1400;culture;",
		      "t.pb:21:1: column 'project_id': '4,5' has a comma, which separates the projects of a vote");
	variant_fails(approval_pb, "4;1400;culture;", "4;1400;culture;Lights;extra",
		      "t.pb:21:5: a field beyond the 4 columns of the PROJECTS header; a value with ';' must be in double quotes");
}

static void test_refusals_votes(void **state)
{
	(void)state;
	variant_fails(approval_pb, "v3;23;m;2, 4", "v3;23;m;2,17",
		      "t.pb:26:4: column 'vote': project '17' is not in PROJECTS");
	variant_fails(approval_pb, "v3;23;m;2, 4", "v1;23;m;2",
		      "t.pb:26:1: voter 'v1' is listed twice (first on line 24)");
	variant_fails(approval_pb, "v3;23;m;2, 4", "v3;23;m;4,4",
		      "t.pb:26:4: column 'vote': project '4' is listed twice");
	variant_fails(approval_pb, "v3;23;m;2, 4", "v3;23;m;1,2,4",
		      "t.pb:26:4: column 'vote': 3 projects; META max_length is 2");
	variant_fails(approval_pb, "v3;23;m;2, 4", "v3;23;m;",
		      "t.pb:26:4: column 'vote': 0 projects; META min_length is 1");
	variant_fails(cumulative_pb, "3;B;10;Oost", "3;;;Oost",
		      "t.pb:24:2: column 'vote': empty; a Pabulib vote names at least 1 project unless META min_length is 0");
	variant_fails(approval_pb, "min_length;1", "min_length;2",
		      "t.pb:25:4: column 'vote': 1 project; META min_length is 2");
	variant_fails(approval_pb, "v3;23;m;2, 4", "v3;23;m;,4",
		      "t.pb:26:4: column 'vote': an empty project id in the list");
	variant_fails(approval_pb, "v3;23;m;2, 4", ";23;m;2",
		      "t.pb:26:1: column 'voter_id': empty");
	variant_fails(cumulative_pb, "1;A,B;6,4;Noord", "1;A,B;6;Noord",
		      "t.pb:22:3: column 'points': its list and that of 'vote' differ in length (1 and 2)");
	variant_fails(cumulative_pb, "1;A,B;6,4;Noord", "1;A,B;6,2.5;Noord",
		      "t.pb:22:3: column 'points': project 'B': '2.5' is not a whole number of points");
	variant_fails(cumulative_pb, "1;A,B;6,4;Noord", "1;A,B;6,x;Noord",
		      "t.pb:22:3: column 'points': project 'B': 'x' is not a number of points; write for example 3");
	variant_fails(cumulative_pb, "1;A,B;6,4;Noord", "1;A,B;6,-1;Noord",
		      "t.pb:22:3: column 'points': project 'B' gets -1; cumulative points are not negative");
	variant_fails(cumulative_pb, "max_sum_points;10", "max_sum_points;10\nmin_length;2",
		      "t.pb:25:2: column 'vote': 1 project; META min_length is 2");
	variant_fails(cumulative_pb, "1;A,B;6,4;Noord", "1;A,B;6,5;Noord",
		      "t.pb:22:3: column 'points': 11 in all; META max_sum_points is 10");
	variant_fails(scoring_pb, "b;p3;1", "b;p3;3",
		      "t.pb:24:3: column 'points': project 'p3' gets 3; META max_points is 2");
	variant_fails(scoring_pb, "b;p3;1", "b;p3;-3",
		      "t.pb:24:3: column 'points': project 'p3' gets -3; META min_points is -2");
}

/* --- amounts --------------------------------------------------------------- */

static void test_amounts(void **state)
{
	static const struct {
		const char *in;
		int64_t cents;
	} good[] = {
		{ "0", 0 },           { "2500", 250000 },      { "106165.64", 10616564 },
		{ "12,5", 1250 },     { "12.50", 1250 },       { "1.500", 150 },
		{ " 7 ", 700 },       { "1400.000", 140000 },  { "0007.1", 710 },
		{ "1000000000000", INT64_C(100000000000000) },
	};
	static const char *const bad[] = { "", "abc", "-1", "+1", "1.", ".5", "1 000", "1,000.50",
					   "1.2.3", "1e3", "1,005", "1000000000001",
					   "99999999999999999999999" };
	struct pact_err err;
	char out[32];
	int64_t cents;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (pabulib_amount(good[i].in, &cents, &err) != PACT_OK)
			fail_msg("'%s': %s", good[i].in, err.msg);
		assert_int_equal(cents, good[i].cents);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (pabulib_amount(bad[i], &cents, &err) == PACT_OK)
			fail_msg("'%s' read as %lld cents", bad[i], (long long)cents);
	pabulib_amount_format(150000, out);
	assert_string_equal(out, "1500");
	pabulib_amount_format(10616564, out);
	assert_string_equal(out, "106165.64");
	pabulib_amount_format(50, out);
	assert_string_equal(out, "0.50");
	pabulib_amount_format(0, out);
	assert_string_equal(out, "0");
}

/* --- writing ----------------------------------------------------------------- */

static struct pabulib_meta plain_meta(enum pabulib_vote type)
{
	struct pabulib_meta m = {
		.budget = 10616564, .vote_type = type,
		.min_length = PABULIB_UNSET, .max_length = PABULIB_UNSET,
		.min_sum_cost = PABULIB_UNSET, .max_sum_cost = PABULIB_UNSET,
		.min_points = PABULIB_UNSET, .max_points = PABULIB_UNSET,
		.min_sum_points = PABULIB_UNSET, .max_sum_points = PABULIB_UNSET,
		.default_score = PABULIB_UNSET,
		.description = "Test", .country = "Netherlands", .unit = "Utrecht",
		.instance = "2026", .date_begin = "2026", .date_end = "2026",
	};
	return m;
}

static void test_write_approval(void **state)
{
	static const struct pabulib_project projects[] = {
		{ "1", "Park", 150000 }, { "2", "Pool; heated", 50 }, { "3", NULL, 99 },
	};
	static const char *const voters[] = { "a", "b" };
	static const size_t start[] = { 0, 2, 3 };
	static const uint32_t option[] = { 0, 1, 0 };
	static const int64_t value[] = { 1, 1, 1 };
	struct pabulib_doc doc = { .meta = plain_meta(PABULIB_APPROVAL), .nprojects = 3,
				   .projects = projects, .nvoters = 2, .voters = voters,
				   .start = start, .option = option, .value = value };
	struct pact_err err;
	struct got g;
	char *text;

	(void)state;
	doc.meta.rule = "greedy";
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_OK);
	text = read_text("out.pb");
	assert_string_equal(text,
			    "META\n"
			    "key;value\n"
			    "description;Test\n"
			    "country;Netherlands\n"
			    "unit;Utrecht\n"
			    "instance;2026\n"
			    "num_projects;3\n"
			    "num_votes;2\n"
			    "budget;106165.64\n"
			    "vote_type;approval\n"
			    "rule;greedy\n"
			    "date_begin;2026\n"
			    "date_end;2026\n"
			    "PROJECTS\n"
			    "project_id;cost;votes;name\n"
			    "1;1500;2;Park\n"
			    "2;0.50;1;\"Pool; heated\"\n"
			    "3;0.99;0;\n"
			    "VOTES\n"
			    "voter_id;vote\n"
			    "a;1,2\n"
			    "b;1\n");
	read_ok(text, &g);
	free(text);
	assert_int_equal(g.info.meta.budget, 10616564);
	assert_string_equal(g.in.names[1], "Pool; heated");
	assert_int_equal(g.in.costs[1], 50);
	assert_marks(&g, 0, "a", "Park=1 Pool; heated=1");
	got_free(&g);
}

static void test_write_points_and_ranks(void **state)
{
	static const struct pabulib_project projects[] = { { "A", "Trees", 100 }, { "B", "", 200 } };
	static const char *const voters[] = { "1", "2", "3" };
	static const size_t start[] = { 0, 2, 3, 4 };
	static const uint32_t option[] = { 1, 0, 0, 1 };
	static const int64_t value[] = { 3, 7, 0, 2 };
	struct pabulib_doc doc = { .meta = plain_meta(PABULIB_CUMULATIVE), .nprojects = 2,
				   .projects = projects, .nvoters = 3, .voters = voters,
				   .start = start, .option = option, .value = value };
	struct pact_err err;
	char *text;

	(void)state;
	doc.meta.max_sum_points = 10;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_OK);
	text = read_text("out.pb");
	/* Voter 2's only mark has 0 points: an empty vote, so min_length 0. */
	assert_non_null(strstr(text, "rule;unknown\n"));
	assert_non_null(strstr(text, "date_end;2026\nmin_length;0\nmax_sum_points;10\nPROJECTS\n"
				     "project_id;cost;votes;score;name\n"
				     "A;1;1;7;Trees\n"
				     "B;2;2;5;\n"
				     "VOTES\nvoter_id;vote;points\n1;B,A;3,7\n2;;\n3;B;2\n"));
	free(text);

	/* Ordinal: written by rank whatever the order of the marks. */
	doc.meta = plain_meta(PABULIB_ORDINAL);
	doc.nvoters = 1;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_OK);
	text = read_text("out.pb");
	assert_non_null(strstr(text, "PROJECTS\nproject_id;cost;votes;name\nA;1;1;Trees\nB;2;1;\n"
				     "VOTES\nvoter_id;vote\n1;B,A\n"));
	free(text);
}

static void test_write_refusals(void **state)
{
	static const struct pabulib_project projects[] = { { "A", "Trees", 100 }, { "B", "", 200 } };
	struct pabulib_project bad_projects[] = { { "A", "Trees", 100 }, { "A,B", "", 200 } };
	const char *voters[] = { "1", "2" };
	size_t start[] = { 0, 2, 3 };
	static const uint32_t option[] = { 1, 0, 0 };
	int64_t value[] = { 2, 2, 1 };
	struct pabulib_doc doc = { .meta = plain_meta(PABULIB_ORDINAL), .nprojects = 2,
				   .projects = projects, .nvoters = 2, .voters = voters,
				   .start = start, .option = option, .value = value };
	struct pact_err err;

	(void)state;
	unlink("out.pb");
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "voter '1': rank 2 is given twice; Pabulib ordinal votes cannot tie");
	value[0] = 1;
	voters[1] = "1";
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "voter '1' is listed twice");
	voters[1] = "votes";
	doc.meta.min_length = 0;
	start[2] = 2; /* voter 2 votes for nothing */
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "voter 2, id 'votes': with an empty vote it would read as the start of a section");
	start[2] = 3;
	doc.meta.min_length = PABULIB_UNSET;
	voters[1] = "2";
	doc.projects = bad_projects;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "project 2, id 'A,B': it has a comma, which separates the projects of a vote");
	bad_projects[1].id = "B";
	bad_projects[1].cost = 0;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "project 'B': a cost of 0 cents is out of range");
	doc.projects = projects;
	doc.meta.max_length = 1;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "voter '1': 2 projects; META max_length is 1");
	/* Nothing was written by the refusals. */
	assert_int_equal(access("out.pb", F_OK), -1);
	doc.meta.max_length = 2;
	doc.nprojects = 0;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "no projects to write; a Pabulib file has at least one");
	doc.nprojects = 2;
	assert_int_equal(pabulib_write("out.pb", &doc, &err), PACT_OK);
}

/* --- round trips ----------------------------------------------------------- */

static void assert_same_text(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/* g read from a file; written out and read back it must be the same. */
static void round_trip(const char *text)
{
	struct got g, h;
	struct pabulib_project *projects;
	const char **voters;
	struct pact_err err;
	struct pabulib_doc doc;

	read_ok(text, &g);
	projects = calloc(g.info.nprojects, sizeof *projects);
	voters = calloc(g.in.nvoters + 1, sizeof *voters);
	assert_true(projects && voters);
	for (size_t i = 0; i < g.info.nprojects; i++)
		projects[i] = (struct pabulib_project){ g.info.project_ids[i],
							g.info.project_names[i], g.b.costs[i] };
	for (size_t v = 0; v < g.in.nvoters; v++)
		voters[v] = ballots_voter_name(&g.b, v);
	doc = (struct pabulib_doc){ .meta = g.info.meta, .nprojects = g.info.nprojects,
				    .projects = projects, .nvoters = g.in.nvoters, .voters = voters,
				    .start = g.in.start, .option = g.in.option, .value = g.in.value };
	if (pabulib_write("rt.pb", &doc, &err) != PACT_OK)
		fail_msg("%s", err.msg);
	memset(&h, 0, sizeof h);
	ballots_init(&h.b);
	if (pabulib_read("rt.pb", &h.b, &h.info, &err) != PACT_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(ballots_finish(&h.b, &h.in, &err), PACT_OK);

	assert_int_equal(h.info.meta.budget, g.info.meta.budget);
	assert_int_equal(h.info.meta.vote_type, g.info.meta.vote_type);
	assert_true(h.info.meta.min_length == g.info.meta.min_length);
	assert_true(h.info.meta.max_length == g.info.meta.max_length);
	assert_true(h.info.meta.min_points == g.info.meta.min_points);
	assert_true(h.info.meta.max_points == g.info.meta.max_points);
	assert_true(h.info.meta.max_sum_points == g.info.meta.max_sum_points);
	assert_same_text(h.info.meta.description, g.info.meta.description);
	assert_same_text(h.info.meta.rule, g.info.meta.rule);
	assert_same_text(h.info.meta.date_begin, g.info.meta.date_begin);
	assert_same_text(h.info.meta.language, g.info.meta.language);
	assert_int_equal(h.in.noptions, g.in.noptions);
	for (size_t o = 0; o < g.in.noptions; o++) {
		assert_string_equal(h.in.names[o], g.in.names[o]);
		assert_int_equal(h.in.costs[o], g.in.costs[o]);
		assert_string_equal(h.info.project_ids[o], g.info.project_ids[o]);
		assert_same_text(h.info.project_names[o], g.info.project_names[o]);
	}
	assert_int_equal(h.in.nvoters, g.in.nvoters);
	for (size_t v = 0; v < g.in.nvoters; v++) {
		assert_string_equal(ballots_voter_name(&h.b, v), ballots_voter_name(&g.b, v));
		assert_int_equal(h.in.start[v + 1], g.in.start[v + 1]);
	}
	for (size_t i = 0; i < g.in.start[g.in.nvoters]; i++) {
		assert_int_equal(h.in.option[i], g.in.option[i]);
		assert_int_equal(h.in.value[i], g.in.value[i]);
	}
	free(projects);
	free(voters);
	got_free(&g);
	got_free(&h);
}

static void test_round_trips(void **state)
{
	(void)state;
	round_trip(approval_pb);
	round_trip(cumulative_pb);
	round_trip(scoring_pb);
	round_trip(ordinal_pb);
}

/* The files come out the way the writer wrote them from what it read:
 * age, sex and district were not kept, so they are not written. */
static void test_unused_columns_not_kept(void **state)
{
	struct got g;
	struct pabulib_project projects[3];
	const char *voters[4];
	struct pact_err err;
	char *text;

	(void)state;
	read_ok(approval_pb, &g);
	for (size_t i = 0; i < 3; i++)
		projects[i] = (struct pabulib_project){ g.info.project_ids[i], g.info.project_names[i],
							g.b.costs[i] };
	for (size_t v = 0; v < 4; v++)
		voters[v] = ballots_voter_name(&g.b, v);
	assert_int_equal(pabulib_write("out.pb",
				       &(struct pabulib_doc){ .meta = g.info.meta, .nprojects = 3,
							     .projects = projects, .nvoters = 4,
							     .voters = voters, .start = g.in.start,
							     .option = g.in.option, .value = g.in.value },
				       &err),
			 PACT_OK);
	text = read_text("out.pb");
	assert_null(strstr(text, ";age"));
	assert_null(strstr(text, "sex;"));
	assert_null(strstr(text, "culture"));
	assert_null(strstr(text, ";34;"));
	assert_non_null(strstr(text, "VOTES\nvoter_id;vote\nv1;1,2\nv2;4\nv3;2,4\nv4;1\n"));
	free(text);
	got_free(&g);
}

/* --- the folder the tests run in (and back, where LSan finds its file) -- */

static int enter_folder(void **state)
{
	(void)state;
	snprintf(folder, sizeof folder, "/tmp/pact-pabulib-%d", (int)getpid());
	if (!getcwd(home, sizeof home) || mkdir(folder, 0700) != 0 || chdir(folder) != 0)
		return -1;
	return 0;
}

static int leave_folder(void **state)
{
	(void)state;
	unlink("t.pb");
	unlink("rt.pb");
	unlink("out.pb");
	if (chdir(home) != 0)
		return -1;
	return rmdir(folder);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_approval),
		cmocka_unit_test(test_read_cumulative),
		cmocka_unit_test(test_refused_mark_located),
		cmocka_unit_test(test_read_scoring),
		cmocka_unit_test(test_read_ordinal),
		cmocka_unit_test(test_read_variants),
		cmocka_unit_test(test_refusals_meta),
		cmocka_unit_test(test_refusals_sections),
		cmocka_unit_test(test_refusals_projects),
		cmocka_unit_test(test_refusals_votes),
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_write_approval),
		cmocka_unit_test(test_write_points_and_ranks),
		cmocka_unit_test(test_write_refusals),
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_unused_columns_not_kept),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("pabulib", tests, enter_folder, leave_folder);
}
