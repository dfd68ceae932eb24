/* Unit tests of the stappenplan's decision tree: the built-in tree, every
 * kind of problem with its line (and several in one file), the report,
 * CRLF and BOM, the version, the accessors, and where the default tree
 * comes from. */
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
#include <unistd.h>

#include "tree.h"
#include "werkvorm.h"

/* Lines 1-6 of most test files: one rung. */
#define RUNG_LOW "rung: low\nen: Low\nnl: Laag\npromise-en: We tell\npromise-nl: We vertellen\n\n"

static const char small_tree[] =
	"# a small tree\n"              /* 1 */
	"rung: low\n"                   /* 2 */
	"en: Low\n"
	"nl: Laag\n"
	"promise-en: We tell\n"
	"promise-nl: We vertellen\n"    /* 6 */
	"\n"
	"rung: high\n"                  /* 8 */
	"en: High\n"
	"nl: Hoog\n"
	"promise-en: You decide\n"
	"promise-nl: Jij beslist\n"
	"\n"
	"question: start\n"             /* 14 */
	"en: Room?\n"
	"nl: Ruimte?\n"
	"help-en: Think\n"
	"help-nl: Denk na\n"
	"answer: no -> told\n"          /* 19 */
	"  en: No\n"
	"  nl: Nee\n"
	"answer: yes -> time\n"         /* 22 */
	"  en: Yes\n"
	"  nl: Ja\n"
	"\n"
	"question: time\n"              /* 26 */
	"en: Time?\n"
	"nl: Tijd?\n"
	"answer: little-time -> told\n" /* 29 */
	"  en: Little\n"
	"  nl: Weinig\n"
	"answer: lots -> decided\n"     /* 32 */
	"  en: Lots\n"
	"  nl: Veel\n"
	"\n"
	"outcome: told\n"               /* 36 */
	"rung: low\n"
	"en: Inform them\n"
	"nl: Informeer ze\n"
	"\n"
	"outcome: decided\n"            /* 41 */
	"rung: high\n"
	"en: Let them decide\n"
	"nl: Laat ze beslissen\n";

static const char *const rungs[] = {
	"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "stad-aan-zet",
};

static void parse_ok(const char *text, size_t len, struct tree *t)
{
	struct tree_report rep = { 0 };
	int rc = tree_parse(text, len, "t.txt", t, &rep);

	if (rc != PACT_OK)
		print_error("unexpected problems:\n%s\n", tree_report_text(&rep));
	assert_int_equal(rc, PACT_OK);
	assert_int_equal(rep.n, 0);
	assert_string_equal(tree_report_text(&rep), "");
	tree_report_free(&rep);
}

/* Parse text that must fail; the caller checks and frees rep. */
static void parse_bad(const char *text, struct tree_report *rep)
{
	struct tree t = { .nnodes = 99 };

	assert_int_equal(tree_parse(text, strlen(text), "t.txt", &t, rep), PACT_EINPUT);
	assert_null(t.nodes);
	assert_null(t.rungs);
	assert_int_equal(t.nnodes, 0);
	assert_true(rep->n > 0);
}

/* rep has a problem "t.txt:LINE: …also…". */
static void expect_problem(struct tree_report *rep, size_t line, const char *also)
{
	char prefix[32];

	snprintf(prefix, sizeof prefix, "t.txt:%zu: ", line);
	for (size_t i = 0; i < rep->n; i++)
		if (rep->problems[i].line == line &&
		    strncmp(rep->problems[i].msg, prefix, strlen(prefix)) == 0 &&
		    strstr(rep->problems[i].msg, also))
			return;
	print_error("expected \"%s…%s…\" in:\n%s\n", prefix, also, tree_report_text(rep));
	fail();
}

/* text fails with exactly one problem, at line, containing also. */
static void expect_only(const char *text, size_t line, const char *also)
{
	struct tree_report rep = { 0 };

	parse_bad(text, &rep);
	expect_problem(&rep, line, also);
	if (rep.n != 1)
		print_error("expected one problem, got:\n%s\n", tree_report_text(&rep));
	assert_int_equal(rep.n, 1);
	tree_report_free(&rep);
}

/* The number of paths from node n to an outcome of each rung. */
static void count_paths(const struct tree *t, const struct tree_node *n, size_t *per_rung)
{
	if (n->kind == TREE_OUTCOME) {
		per_rung[n->rung - t->rungs]++;
		return;
	}
	for (size_t i = 0; i < n->nanswers; i++)
		count_paths(t, n->answers[i].next, per_rung);
}

static void test_builtin_tree(void **state)
{
	struct tree t;
	size_t paths[16] = { 0 };
	const struct tree_node *root, *groups;

	(void)state;
	parse_ok(pact_tree_txt, strlen(pact_tree_txt), &t);
	assert_true(t.nquestions >= 7);
	assert_int_equal(t.nquestions + t.noutcomes, t.nnodes);
	root = tree_root(&t);
	assert_non_null(root);
	assert_string_equal(root->id, "room");
	/* the six rungs, in ladder order, each reached by several paths */
	assert_int_equal(t.nrungs, 6);
	assert_true(t.nrungs <= sizeof paths / sizeof paths[0]);
	count_paths(&t, root, paths);
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(t.rungs[i].id, rungs[i]);
		assert_ptr_equal(tree_find_rung(&t, rungs[i]), &t.rungs[i]);
		if (paths[i] < 2)
			print_error("rung %s: %zu paths\n", rungs[i], paths[i]);
		assert_true(paths[i] >= 2);
	}
	/* every question has help, every text both languages */
	for (size_t i = 0; i < t.nnodes; i++) {
		const struct tree_node *n = &t.nodes[i];
		assert_true(*tree_text(n, "en") && *tree_text(n, "nl"));
		assert_string_not_equal(tree_text(n, "en"), tree_text(n, "nl"));
		if (n->kind == TREE_QUESTION)
			assert_true(*tree_help(n, "en") && *tree_help(n, "nl"));
		for (size_t j = 0; j < n->nanswers; j++)
			assert_string_not_equal(tree_str(&n->answers[j].text, "en"),
						tree_str(&n->answers[j].text, "nl"));
	}
	/* the gate and shaping questions, and the answer ids later steps read */
	assert_non_null(tree_find_answer(root, "no-room"));
	assert_non_null(tree_find_answer(tree_find(&t, "initiative"), "city-initiative"));
	assert_non_null(tree_find(&t, "frames"));
	assert_non_null(tree_find(&t, "impact"));
	assert_non_null(tree_find(&t, "goal"));
	groups = tree_find(&t, "groups");
	assert_non_null(tree_find_answer(groups, "hard-to-reach"));
	assert_non_null(tree_find_answer(groups, "large-group"));
	assert_non_null(tree_find_answer(groups, "small-group"));
	assert_non_null(tree_find_answer(tree_find(&t, "time-support"), "little-time"));
	assert_non_null(tree_find_answer(tree_find(&t, "time-responsibility"), "little-time"));
	/* what the answers say for choosing work forms is in the file */
	assert_true(tree_find_answer(groups, "hard-to-reach")->hard_to_reach);
	assert_int_equal(tree_find_answer(groups, "hard-to-reach")->group_size, 0);
	assert_int_equal(tree_find_answer(groups, "large-group")->group_size, 100);
	assert_false(tree_find_answer(groups, "large-group")->hard_to_reach);
	assert_int_equal(tree_find_answer(groups, "small-group")->group_size, 15);
	assert_int_equal(tree_find_answer(tree_find(&t, "time-support"), "little-time")->minutes, 90);
	assert_int_equal(tree_find_answer(tree_find(&t, "time-responsibility"), "little-time")->minutes,
			 90);
	assert_int_equal(tree_find_answer(groups, "small-group")->minutes, 0);
	/* and says what the answer ids said before it was in the file */
	for (size_t i = 0; i < t.nnodes; i++)
		for (size_t j = 0; j < t.nodes[i].nanswers; j++) {
			const struct tree_answer *a = &t.nodes[i].answers[j];
			assert_int_equal(a->hard_to_reach, strcmp(a->id, "hard-to-reach") == 0);
			assert_int_equal(a->group_size, strcmp(a->id, "large-group") == 0   ? 100
							: strcmp(a->id, "small-group") == 0 ? 15
											    : 0);
			assert_int_equal(a->minutes, strcmp(a->id, "little-time") == 0 ? 90 : 0);
		}
	assert_string_equal(tree_find(&t, "inform-no-room")->rung->id, "informeren");
	assert_int_equal(strlen(tree_version(&t)), TREE_VERSION_LEN);
	tree_free(&t);
	assert_null(t.nodes);
	assert_int_equal(t.nnodes, 0);
}

static void test_parse_small(void **state)
{
	struct tree t;
	const struct tree_node *start, *time, *told;
	const struct tree_answer *a;

	(void)state;
	parse_ok(small_tree, strlen(small_tree), &t);
	assert_int_equal(t.nquestions, 2);
	assert_int_equal(t.noutcomes, 2);
	assert_int_equal(t.nrungs, 2);
	assert_string_equal(t.rungs[1].id, "high");
	assert_int_equal(t.rungs[1].line, 8);
	assert_string_equal(tree_str(&t.rungs[1].name, "nl"), "Hoog");
	assert_string_equal(tree_str(&t.rungs[1].promise, "en"), "You decide");

	start = tree_root(&t);
	assert_string_equal(start->id, "start");
	assert_int_equal(start->line, 14);
	assert_int_equal(start->kind, TREE_QUESTION);
	assert_string_equal(tree_text(start, "en"), "Room?");
	assert_string_equal(tree_text(start, "nl_NL.UTF-8"), "Ruimte?");
	assert_string_equal(tree_help(start, "nl"), "Denk na");
	assert_int_equal(start->nanswers, 2);

	a = tree_find_answer(start, "yes");
	assert_int_equal(a->line, 22);
	assert_string_equal(tree_str(&a->text, "nl"), "Ja");
	time = tree_find(&t, "time");
	assert_ptr_equal(a->next, time);
	assert_string_equal(tree_help(time, "en"), "");
	told = tree_find(&t, "told");
	assert_ptr_equal(tree_find_answer(time, "little-time")->next, told);
	assert_int_equal(told->kind, TREE_OUTCOME);
	assert_ptr_equal(told->rung, &t.rungs[0]);
	assert_int_equal(told->rung_line, 37);
	assert_string_equal(tree_text(told, "en"), "Inform them");
	assert_null(tree_find(&t, "nope"));
	assert_null(tree_find_answer(start, "maybe"));
	assert_null(tree_find_rung(&t, "middle"));
	tree_free(&t);
}

static void test_text_language(void **state)
{
	char two[] = "Two", twee[] = "Twee", one[] = "One";
	struct tree_text both = { two, twee }, english = { one, NULL };

	(void)state;
	assert_string_equal(tree_str(&both, "nl"), "Twee");
	assert_string_equal(tree_str(&both, "nl-BE"), "Twee");
	assert_string_equal(tree_str(&both, "en"), "Two");
	assert_string_equal(tree_str(&both, NULL), "Two");
	assert_string_equal(tree_str(&both, "de"), "Two");
	assert_string_equal(tree_str(&both, "nlx"), "Two");
	assert_string_equal(tree_str(&english, "nl"), "");
	assert_string_equal(tree_str(NULL, "nl"), "");
	assert_string_equal(tree_text(NULL, "nl"), "");
	assert_null(tree_root(NULL));
}

static void test_crlf_bom_and_version(void **state)
{
	char crlf[sizeof small_tree * 2 + 8], *o = crlf;
	struct tree a, b, c;

	(void)state;
	o += sprintf(o, "\xEF\xBB\xBF");
	for (const char *s = small_tree; *s; s++)
		o += *s == '\n' ? sprintf(o, "\r\n") : sprintf(o, "%c", *s);
	parse_ok(small_tree, strlen(small_tree), &a);
	parse_ok(crlf, strlen(crlf), &b);
	assert_int_equal(b.nnodes, a.nnodes);
	assert_string_equal(tree_text(tree_root(&b), "nl"), "Ruimte?");
	assert_string_equal(tree_find(&b, "decided")->text.nl, "Laat ze beslissen");
	assert_int_equal(tree_find(&b, "decided")->line, 41);
	/* the same tree saved with CRLF and a BOM keeps its version */
	assert_string_equal(tree_version(&a), tree_version(&b));
	for (size_t i = 0; i < TREE_VERSION_LEN; i++)
		assert_non_null(strchr("0123456789abcdef", tree_version(&a)[i]));
	/* any other change gives another */
	strcpy(crlf, small_tree);
	*strstr(crlf, "Veel") = 'v';
	parse_ok(crlf, strlen(crlf), &c);
	assert_string_not_equal(tree_version(&a), tree_version(&c));
	tree_free(&a);
	tree_free(&b);
	tree_free(&c);
}

static void test_cycle(void **state)
{
	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> b\nen: On\nnl: Aan\n\n"          /* 10 */
		    "question: b\nen: B\nnl: B\n"                   /* 14 */
		    "answer: back -> a\nen: Back\nnl: Terug\n"      /* 17 */
		    "answer: end -> done\nen: End\nnl: Eind\n\n"    /* 20 */
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    17, "round in a circle: a -> b -> a");
	/* an answer back to its own question; the circle need not touch the root */
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> b\nen: On\nnl: Aan\n\n"          /* 10 */
		    "question: b\nen: B\nnl: B\n"                   /* 14 */
		    "answer: again -> b\nen: Again\nnl: Nog eens\n" /* 17 */
		    "answer: end -> done\nen: End\nnl: Eind\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    17, "answer \"again\" leads back to \"b\"");
}

static void test_dangling_answer(void **state)
{
	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n"         /* 10 */
		    "answer: off -> gone\nen: Off\nnl: Uit\n\n"     /* 13 */
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    13, "leads to \"gone\", which is not");
}

static void test_unreachable(void **state)
{
	struct tree_report rep = { 0 };

	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n\n" /* 14 */
		    "outcome: spare\nrung: low\nen: Spare\nnl: Over\n", /* 19 */
		    19, "\"spare\" cannot be reached");
	/* a question and the outcome only it leads to: both unreachable */
	parse_bad(RUNG_LOW
		  "question: a\nen: A\nnl: A\n"                     /* 7 */
		  "answer: on -> done\nen: On\nnl: Aan\n\n"
		  "outcome: done\nrung: low\nen: Done\nnl: Klaar\n\n" /* 14 */
		  "question: island\nen: I\nnl: E\n"                /* 19 */
		  "answer: to -> shore\nen: To\nnl: Naar\n\n"
		  "outcome: shore\nrung: low\nen: Shore\nnl: Kust\n", /* 26 */
		  &rep);
	assert_int_equal(rep.n, 2);
	expect_problem(&rep, 19, "\"island\" cannot be reached");
	expect_problem(&rep, 26, "\"shore\" cannot be reached");
	tree_report_free(&rep);
}

static void test_duplicate_id(void **state)
{
	(void)state;
	/* reported once, at the second block: not also as unreachable */
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n\n" /* 14 */
		    "outcome: done\nrung: low\nen: Again\nnl: Weer\n", /* 19 */
		    19, "\"done\" is already used at line 14");
	/* a question and an outcome share one list of ids */
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n\n"
		    "outcome: a\nrung: low\nen: Again\nnl: Weer\n", /* 19 */
		    19, "\"a\" is already used at line 7");
	expect_only(RUNG_LOW RUNG_LOW                               /* 7 */
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    7, "rung \"low\" is already defined at line 1");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n"         /* 10 */
		    "answer: on -> done\nen: On again\nnl: Weer aan\n\n" /* 13 */
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    13, "already has an answer \"on\" (at line 10)");
}

static void test_unknown_rung(void **state)
{
	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nen: Done\nrung: lowest\nnl: Klaar\n", /* 16 */
		    16, "unknown rung \"lowest\"; the rungs defined in this file are: low");
	expect_only("question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n", /* 9 */
		    9, "\"rung: low\"");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nen: Done\nnl: Klaar\n",         /* 14 */
		    14, "the outcome \"done\" has no \"rung:\" line");
}

static void test_path_without_outcome(void **state)
{
	struct tree_report rep = { 0 };

	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> b\nen: On\nnl: Aan\n\n"
		    "question: b\nen: B\nnl: B\n",                  /* 14 */
		    14, "the question \"b\" has no answers");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"                   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n"
		    "answer: off\nen: Off\nnl: Uit\n\n"             /* 13 */
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    13, "the answer \"off\" leads nowhere");
	parse_bad(RUNG_LOW
		  "question: a\nen: A\nnl: A\n"                     /* 7 */
		  "answer: on ->\nen: On\nnl: Aan\n\n",             /* 10 */
		  &rep);
	expect_problem(&rep, 10, "the answer \"on\" leads nowhere");
	tree_report_free(&rep);
}

static void test_missing_text(void **state)
{
	struct tree_report rep = { 0 };

	(void)state;
	expect_only(RUNG_LOW
		    "question: a\nen: A\n"                          /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    7, "the question \"a\" has no \"nl:\" line");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\n"                  /* 10 */
		    "answer: off -> done\nen: Off\nnl: Uit\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    10, "the answer \"on\" has no \"nl:\" line");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\n",         /* 14 */
		    14, "the outcome \"done\" has no \"nl:\" line");
	expect_only("rung: low\nen: Low\nnl: Laag\npromise-en: We tell\n\n"
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    1, "the rung \"low\" has no \"promise-nl:\" line");
	expect_only(RUNG_LOW
		    "question: a\nen: A\nnl: A\nhelp-en: Think\n"   /* 7 */
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    7, "has \"help-en:\" but no \"help-nl:\"");
	/* the question's own text after its answers goes to the last answer */
	parse_bad(RUNG_LOW
		  "question: a\n"                                   /* 7 */
		  "answer: on -> done\nen: On\nnl: Aan\n"
		  "en: A\n\n"                                       /* 11 */
		  "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		  &rep);
	expect_problem(&rep, 7, "its first answer");
	expect_problem(&rep, 11, "a second \"en:\" line in the block or answer that starts at line 8");
	tree_report_free(&rep);
}

static void test_syntax(void **state)
{
	char *long_text = malloc(TREE_TEXT_MAX * 2 + 200), *o = long_text;
	struct tree_report rep = { 0 };

	(void)state;
	/* unknown fields name what the block takes */
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\ncolour: red\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    10, "unknown field \"colour:\" in a question");
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\nhelp-en: x\n",
		    18, "unknown field \"help-en:\" in an outcome");
	expect_only("rung: low\nen: Low\nnl: Laag\npromise-en: a\npromise-nl: b\nNL: c\n\n"
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    6, "unknown field \"NL:\" in a rung");
	/* a block must start with its kind */
	expect_only(RUNG_LOW "en: stray\nnl: los\n\n"
		    "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    7, "not with \"en:\"");
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\nJust words\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    10, "\"field: text\"");
	/* a missing blank line is reported, and the next block still read */
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    13, "\"outcome:\" starts a new block; put a blank line before it");
	/* ids */
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n"
		    "answer: Off Now -> done\nen: Off\nnl: Uit\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    13, "\"Off Now\" is not a usable id");
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome:\nrung: low\nen: Spare\nnl: Over\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    14, "\"outcome:\" needs an id");
	/* texts */
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl:   \n",
		    17, "\"nl:\" has no text");
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: O\x1b[2Jn\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		    11, "U+001B");
	/* a line that is not UTF-8 is skipped, so its text is missing too */
	parse_bad(RUNG_LOW "question: a\nen: A\nnl: caf\xe9\n"
		  "answer: on -> done\nen: On\nnl: Aan\n\n"
		  "outcome: done\nrung: low\nen: Done\nnl: Klaar\n", &rep);
	expect_problem(&rep, 9, "not valid UTF-8 (at byte 8");
	expect_problem(&rep, 7, "has no \"nl:\"");
	assert_int_equal(rep.n, 2);
	tree_report_free(&rep);
	expect_only(RUNG_LOW "question: a\nen: A\nnl: A\n"
		    "answer: on -> done\nen: On\nnl: Aan\n\n"
		    "outcome: done\nrung: low\nrung: low\nen: Done\nnl: Klaar\n",
		    16, "a second \"rung:\" line");
	o += sprintf(o, RUNG_LOW "question: a\nen: A\nnl: ");
	for (int i = 0; i <= TREE_TEXT_MAX; i++)
		o += sprintf(o, "ë");
	sprintf(o, "\nanswer: on -> done\nen: On\nnl: Aan\n\n"
		   "outcome: done\nrung: low\nen: Done\nnl: Klaar\n");
	expect_only(long_text, 9, "1001 characters");
	free(long_text);
}

static void test_no_questions(void **state)
{
	(void)state;
	expect_only("", 1, "no questions");
	expect_only("\xEF\xBB\xBF", 1, "no questions");
	expect_only(RUNG_LOW "# nothing else\n", 7, "no questions");
}

/* One file with many problems: every one reported, in line order. */
static void test_many_problems(void **state)
{
	static const char text[] =
		"rung: low\nen: Low\nnl: Laag\npromise-en: a\npromise-nl: b\n\n" /* 1-6 */
		"question: a\n"                    /* 7: no nl */
		"en: A\n"
		"answer: on -> b\nen: On\nnl: Aan\n"
		"answer: off -> nowhere\n"         /* 12: dangling, no nl */
		"en: Off\n"
		"\n"
		"question: b\nen: B\nnl: B\n"      /* 15 */
		"answer: back -> a\n"              /* 18: circle */
		"en: Back\nnl: Terug\n"
		"answer: end -> done\nen: End\nnl: Eind\n"
		"\n"
		"outcome: done\n"                  /* 25 */
		"rung: high\n"                     /* 26: unknown rung */
		"en: Done\nnl: Klaar\n"
		"\n"
		"outcome: done\n"                  /* 30: duplicate */
		"rung: low\nen: Again\nnl: Weer\n"
		"\n"
		"question: stuck\nen: S\nnl: S\n"  /* 35: no answers, unreachable */
		"\n"
		"outcome: spare\n"                 /* 39: unreachable */
		"rung: low\nen: Spare\nnl: Over\n";
	static const size_t lines[] = { 7, 12, 12, 18, 26, 30, 35, 35, 39 };
	struct tree_report rep = { 0 };
	const char *all;

	(void)state;
	parse_bad(text, &rep);
	if (rep.n != sizeof lines / sizeof lines[0])
		print_error("%s\n", tree_report_text(&rep));
	assert_int_equal(rep.n, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < rep.n; i++)
		assert_int_equal(rep.problems[i].line, lines[i]);
	expect_problem(&rep, 7, "the question \"a\" has no \"nl:\"");
	expect_problem(&rep, 12, "leads to \"nowhere\"");
	expect_problem(&rep, 12, "the answer \"off\" has no \"nl:\"");
	expect_problem(&rep, 18, "a -> b -> a");
	expect_problem(&rep, 26, "unknown rung \"high\"");
	expect_problem(&rep, 30, "already used at line 25");
	expect_problem(&rep, 35, "has no answers");
	expect_problem(&rep, 35, "\"stuck\" cannot be reached");
	expect_problem(&rep, 39, "\"spare\" cannot be reached");
	/* the text: one message a line, no newline after the last */
	all = tree_report_text(&rep);
	assert_int_equal(strncmp(all, "t.txt:7: ", 9), 0);
	assert_non_null(strstr(all, "\nt.txt:39: "));
	assert_int_not_equal(all[strlen(all) - 1], '\n');
	assert_ptr_equal(tree_report_text(&rep), all);
	tree_report_free(&rep);
	assert_int_equal(rep.n, 0);
	assert_string_equal(tree_report_text(&rep), "");
}

static void test_report_limit(void **state)
{
	size_t size = 64 + 150 * 16, lines = 1;
	char *text = malloc(size), *o = text;
	struct tree_report rep = { 0 };
	struct tree t;
	const char *all;

	(void)state;
	o += sprintf(o, "question: a\nen: A\nnl: A\n");
	for (int i = 0; i < 150; i++)
		o += sprintf(o, "bad%d: x\n", i);
	parse_bad(text, &rep);
	assert_int_equal(rep.n, TREE_PROBLEMS_MAX + 1);
	assert_non_null(strstr(rep.problems[0].msg, "t.txt:4: unknown field \"bad0:\""));
	assert_string_equal(rep.problems[TREE_PROBLEMS_MAX].msg, "t.txt: 51 more problems not listed");
	all = tree_report_text(&rep);
	for (const char *s = all; *s; s++)
		lines += *s == '\n';
	assert_int_equal(lines, TREE_PROBLEMS_MAX + 1);
	/* a report is emptied by the next parse */
	assert_int_equal(tree_parse(small_tree, strlen(small_tree), "t.txt", &t, &rep), PACT_OK);
	assert_int_equal(rep.n, 0);
	tree_free(&t);
	tree_report_free(&rep);
	free(text);
}

static void test_no_report(void **state)
{
	struct tree t;

	(void)state;
	assert_int_equal(tree_parse("question: a\n", 12, "t.txt", &t, NULL), PACT_EINPUT);
	assert_null(t.nodes);
	assert_int_equal(tree_parse(small_tree, strlen(small_tree), "t.txt", &t, NULL), PACT_OK);
	tree_free(&t);
}

static void test_load_file(void **state)
{
	struct tree_report rep = { 0 };
	struct tree t = { .nnodes = 99 };

	(void)state;
	assert_int_equal(tree_load_file("/nonexistent/pact/tree.txt", &t, &rep), PACT_EINPUT);
	assert_int_equal(rep.n, 1);
	assert_int_equal(rep.problems[0].line, 0);
	assert_int_equal(strncmp(tree_report_text(&rep), "/nonexistent/pact/tree.txt: ",
				 strlen("/nonexistent/pact/tree.txt: ")), 0);
	assert_null(t.nodes);
	assert_int_equal(t.nnodes, 0);
	assert_int_equal(tree_load_file("/", &t, &rep), PACT_EINPUT);
	assert_int_equal(rep.n, 1);
	assert_int_equal(strncmp(tree_report_text(&rep), "/: ", 3), 0);
	tree_report_free(&rep);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

/* Load the default tree and check whether it is the built-in one. */
static int load_default(struct tree *t, struct tree_report *rep, int builtin)
{
	int rc = tree_load_default(t, rep);

	if (builtin) {
		assert_non_null(tree_find(t, "room"));
		assert_int_equal(t->nrungs, 6);
	}
	return rc;
}

static void test_load_default(void **state)
{
	char dir[] = "/tmp/pact-tree-XXXXXX", sub[64], path[96], prefix[128];
	char home[64], home_cfg[80], home_sub[96], home_path[128];
	struct tree_report rep = { 0 };
	struct tree t;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/pact", dir);
	snprintf(path, sizeof path, "%s/tree.txt", sub);
	setenv("XDG_CONFIG_HOME", dir, 1);

	/* no user file: the built-in tree, no problems */
	assert_int_equal(load_default(&t, &rep, 1), PACT_OK);
	assert_int_equal(rep.n, 0);
	tree_free(&t);

	/* the user's own tree */
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(path, small_tree);
	assert_int_equal(load_default(&t, &rep, 0), PACT_OK);
	assert_string_equal(tree_root(&t)->id, "start");
	tree_free(&t);

	/* a broken user tree: the built-in one, with all the user file's problems */
	write_file(path, RUNG_LOW "question: a\nen: A\n\nwhat: x\n");
	assert_int_equal(load_default(&t, &rep, 1), PACT_EINPUT);
	assert_int_equal(rep.n, 3);
	snprintf(prefix, sizeof prefix, "%s:7: ", path);
	assert_int_equal(strncmp(rep.problems[0].msg, prefix, strlen(prefix)), 0);
	snprintf(prefix, sizeof prefix, "%s:10: ", path);
	assert_int_equal(strncmp(rep.problems[2].msg, prefix, strlen(prefix)), 0);
	tree_free(&t);

	/* a user "file" that cannot be read counts as broken too */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(load_default(&t, &rep, 1), PACT_EINPUT);
	snprintf(prefix, sizeof prefix, "%s: ", path);
	assert_int_equal(strncmp(tree_report_text(&rep), prefix, strlen(prefix)), 0);
	tree_free(&t);
	assert_int_equal(rmdir(path), 0);

	/* without XDG_CONFIG_HOME: ~/.config/pact/tree.txt */
	snprintf(home, sizeof home, "%s/home", dir);
	snprintf(home_cfg, sizeof home_cfg, "%s/.config", home);
	snprintf(home_sub, sizeof home_sub, "%s/pact", home_cfg);
	snprintf(home_path, sizeof home_path, "%s/tree.txt", home_sub);
	assert_int_equal(mkdir(home, 0700), 0);
	assert_int_equal(mkdir(home_cfg, 0700), 0);
	assert_int_equal(mkdir(home_sub, 0700), 0);
	write_file(home_path, small_tree);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);
	assert_int_equal(load_default(&t, &rep, 0), PACT_OK);
	assert_string_equal(tree_root(&t)->id, "start");
	tree_free(&t);

	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	assert_int_equal(load_default(&t, &rep, 0), PACT_OK);
	assert_string_equal(tree_root(&t)->id, "start");
	tree_free(&t);
	tree_report_free(&rep);

	assert_int_equal(unlink(home_path), 0);
	assert_int_equal(rmdir(home_sub), 0);
	assert_int_equal(rmdir(home_cfg), 0);
	assert_int_equal(rmdir(home), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* Lines 1-6 a rung, 7-9 a question, 10-12 its first answer (indented by
 * two), 13 onwards what the test gives, then an outcome. */
static char *attr_tree(const char *lines)
{
	static char text[1024];

	snprintf(text, sizeof text,
		 RUNG_LOW "question: q\nen: Q\nnl: V\nanswer: a -> done\n  en: A\n  nl: A\n%s\n"
		 "outcome: done\nrung: low\nen: Done\nnl: Klaar\n", lines);
	return text;
}

/* text fails with exactly this one message. */
static void expect_message(const char *text, const char *msg)
{
	struct tree_report rep = { 0 };

	parse_bad(text, &rep);
	assert_int_equal(rep.n, 1);
	assert_string_equal(rep.problems[0].msg, msg);
	tree_report_free(&rep);
}

static const char attr_tree_text[] =
	RUNG_LOW
	"question: who\n"          /* 7 */
	"en: Who?\n"
	"nl: Wie?\n"
	"answer: many -> time\n"   /* 10 */
	"  en: Many\n"
	"  nl: Veel\n"
	"  group-size: 100\n"
	"  hard-to-reach: yes\n"
	"answer: few -> time\n"    /* 15 */
	"  en: Few\n"
	"  nl: Weinig\n"
	"  group-size: 15\n"
	"  hard-to-reach: no\n"
	"\n"
	"question: time\n"         /* 21 */
	"en: Time?\n"
	"nl: Tijd?\n"
	"answer: short -> done\n"
	"  minutes: 90\n"
	"  en: Short\n"
	"  nl: Kort\n"
	"  group-size: 40\n"
	"answer: long -> done\n"
	"  en: Long\n"
	"  nl: Lang\n"
	"\n"
	"outcome: done\n"
	"rung: low\n"
	"en: Done\n"
	"nl: Klaar\n";

/* group-size:, minutes: and hard-to-reach: under an answer, and the
 * request a path makes of them. */
static void test_answer_attributes(void **state)
{
	struct tree t;
	const struct tree_node *who, *time;
	struct werkvorm_need need;
	struct tree_step path[2];

	(void)state;
	parse_ok(attr_tree_text, strlen(attr_tree_text), &t);
	who = tree_find(&t, "who");
	time = tree_find(&t, "time");
	assert_int_equal(who->answers[0].group_size, 100);
	assert_true(who->answers[0].hard_to_reach);
	assert_int_equal(who->answers[0].minutes, 0);
	assert_int_equal(who->answers[1].group_size, 15);
	assert_false(who->answers[1].hard_to_reach);
	assert_int_equal(time->answers[0].minutes, 90);
	assert_int_equal(time->answers[0].group_size, 40);
	assert_int_equal(time->answers[1].minutes, 0);
	assert_int_equal(time->answers[1].group_size, 0);
	/* the text lines after an attribute still belong to the answer */
	assert_string_equal(tree_str(&time->answers[0].text, "nl"), "Kort");

	/* many, then short: the last group size counts, hard to reach stays */
	path[0] = (struct tree_step){ who, 0 };
	path[1] = (struct tree_step){ time, 0 };
	assert_ptr_equal(tree_step_answer(&path[1]), &time->answers[0]);
	tree_need(path, 2, tree_find(&t, "done"), &need);
	assert_string_equal(need.rung, "low");
	assert_int_equal(need.group_size, 40);
	assert_int_equal(need.minutes_available, 90);
	assert_true(need.hard_to_reach);
	assert_true(need.online_ok);
	/* few, then long: the answer that says nothing changes nothing */
	path[0].answer = 1;
	path[1].answer = 1;
	tree_need(path, 2, tree_find(&t, "done"), &need);
	assert_int_equal(need.group_size, 15);
	assert_int_equal(need.minutes_available, 0);
	assert_false(need.hard_to_reach);
	/* no path: only the rung */
	tree_need(NULL, 0, tree_find(&t, "done"), &need);
	assert_string_equal(need.rung, "low");
	assert_int_equal(need.group_size + need.minutes_available, 0);
	assert_false(need.hard_to_reach);
	tree_free(&t);
}

/* A bad attribute names the file, line and column of what is wrong. */
static void test_attribute_problems(void **state)
{
	(void)state;
	expect_message(attr_tree("  group-size: lots\n"),
		       "t.txt:13:15: \"group-size:\" is a whole number from 1 to 100000, not \"lots\"");
	expect_message(attr_tree("minutes: 0\n"),
		       "t.txt:13:10: \"minutes:\" is a whole number from 1 to 100000, not \"0\"");
	expect_message(attr_tree("minutes: 100001\n"),
		       "t.txt:13:10: \"minutes:\" is a whole number from 1 to 100000, not \"100001\"");
	expect_message(attr_tree("minutes: -5\n"),
		       "t.txt:13:10: \"minutes:\" is a whole number from 1 to 100000, not \"-5\"");
	expect_message(attr_tree("minutes: 9 0\n"),
		       "t.txt:13:10: \"minutes:\" is a whole number from 1 to 100000, not \"9 0\"");
	expect_message(attr_tree("group-size:\n"),
		       "t.txt:13:12: \"group-size:\" is a whole number from 1 to 100000, not \"\"");
	expect_message(attr_tree("colour: red\n"),
		       "t.txt:13: unknown field \"colour:\" in a question; a question has en:, "
		       "nl:, help-en:, help-nl: and answer: lines, and an answer may have "
		       "group-size:, minutes:, hard-to-reach:, note-en: and note-nl: lines");
	expect_message(attr_tree("  hard-to-reach:   misschien\n"),
		       "t.txt:13:20: \"hard-to-reach:\" is yes or no, not \"misschien\"");
	expect_message(attr_tree("  group-size: 10\n  group-size: 20\n"),
		       "t.txt:14:3: a second \"group-size:\" line in the answer \"a\" that starts "
		       "at line 10");
	/* before the first answer it belongs to nothing */
	expect_message(RUNG_LOW "question: q\nen: Q\nnl: V\nminutes: 90\n"
		       "answer: a -> done\n  en: A\n  nl: A\n\n"
		       "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		       "t.txt:10:1: \"minutes:\" belongs to an answer; put it under an \"answer:\" "
		       "line of the question \"q\"");
	/* an outcome or a rung takes none */
	expect_only(RUNG_LOW "question: q\nen: Q\nnl: V\nanswer: a -> done\n  en: A\n  nl: A\n\n"
		    "outcome: done\nrung: low\nminutes: 90\nen: Done\nnl: Klaar\n",
		    16, "unknown field \"minutes:\" in an outcome");
}

/* note-en: and note-nl: under an answer: read, in both languages, kept
 * with that answer only. */
static void test_answer_notes(void **state)
{
	const char *text = attr_tree("  note-en: The law asks: say how.\n"
				     "  note-nl: De wet vraagt: zeg hoe.\n");
	const struct tree_node *q;
	struct tree t;

	(void)state;
	parse_ok(text, strlen(text), &t);
	q = tree_find(&t, "q");
	assert_string_equal(tree_note(&q->answers[0], "en"), "The law asks: say how.");
	assert_string_equal(tree_note(&q->answers[0], "nl"), "De wet vraagt: zeg hoe.");
	assert_int_equal(q->answers[0].note_line, 13);
	assert_int_equal(q->answers[0].note_col, 3);
	assert_string_equal(tree_note(NULL, "en"), "");
	tree_free(&t);
	/* an answer without a note has none */
	parse_ok(small_tree, strlen(small_tree), &t);
	q = tree_find(&t, "start");
	assert_null(q->answers[0].note.en);
	assert_string_equal(tree_note(&q->answers[1], "nl"), "");
	tree_free(&t);
}

/* A malformed note is named by file, line and column. */
static void test_note_problems(void **state)
{
	(void)state;
	expect_message(attr_tree("  note-en:\n  note-nl: Zo.\n"),
		       "t.txt:13:11: \"note-en:\" has no text after the colon");
	expect_message(attr_tree("  note-en: So.\n  note-nl: Zo \x01 dus.\n"),
		       "t.txt:14:15: the text contains a control character (U+0001); remove it");
	expect_message(attr_tree("  note-en: So.\n  note-nl: Zo.\n  note-en: Again.\n"),
		       "t.txt:15:3: a second \"note-en:\" line in the answer \"a\" that starts at "
		       "line 10");
	expect_message(attr_tree("    note-nl: Alleen Nederlands.\n"),
		       "t.txt:13:5: the answer \"a\" has \"note-nl:\" but no \"note-en:\"; give the "
		       "note in both languages");
	expect_message(RUNG_LOW "question: q\nen: Q\nnl: V\nnote-en: Early.\n"
		       "answer: a -> done\n  en: A\n  nl: A\n  note-en: N\n  note-nl: N\n\n"
		       "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		       "t.txt:10:1: \"note-en:\" belongs to an answer; put it under an \"answer:\" "
		       "line of the question \"q\"");
	/* the second answer's missing half is reported at its own note line */
	expect_message(RUNG_LOW "question: q\nen: Q\nnl: V\n"
		       "answer: a -> done\n  en: A\n  nl: A\n  note-en: N\n  note-nl: N\n"
		       "answer: b -> done\n  en: B\n  nl: B\n  note-en: Only English.\n\n"
		       "outcome: done\nrung: low\nen: Done\nnl: Klaar\n",
		       "t.txt:18:3: the answer \"b\" has \"note-en:\" but no \"note-nl:\"; give the "
		       "note in both languages");
	/* too long: the column of the text */
	{
		char long_note[TREE_TEXT_MAX + 2], text[TREE_TEXT_MAX + 300];
		memset(long_note, 'x', TREE_TEXT_MAX + 1);
		long_note[TREE_TEXT_MAX + 1] = '\0';
		snprintf(text, sizeof text,
			 RUNG_LOW "question: q\nen: Q\nnl: V\nanswer: a -> done\n  en: A\n  nl: A\n"
			 "  note-en: %s\n  note-nl: Kort.\n\noutcome: done\nrung: low\nen: Done\n"
			 "nl: Klaar\n", long_note);
		expect_message(text, "t.txt:13:12: the text is 1001 characters long; a text holds "
				     "at most 1000");
	}
	/* an outcome takes no note */
	expect_only(RUNG_LOW "question: q\nen: Q\nnl: V\nanswer: a -> done\n  en: A\n  nl: A\n\n"
		    "outcome: done\nrung: low\nnote-en: N\nen: Done\nnl: Klaar\n",
		    16, "unknown field \"note-en:\" in an outcome");
}

/* The article numbers a note cites ("10.7", "7.4"): every digit run with a
 * dot and digits, in order, "," between. */
static void cited_numbers(const char *note, char *out, size_t outsz)
{
	size_t at = 0;

	out[0] = '\0';
	for (const char *s = note; *s; s++) {
		size_t a, b;
		if (!(*s >= '0' && *s <= '9') || (s > note && s[-1] >= '0' && s[-1] <= '9'))
			continue;
		a = strspn(s, "0123456789");
		b = s[a] == '.' ? strspn(s + a + 1, "0123456789") : 0;
		if (b > 0)
			at += (size_t)snprintf(out + at, outsz - at, "%s%.*s", at ? "," : "",
					       (int)(a + 1 + b), s);
		else
			at += (size_t)snprintf(out + at, outsz - at, "%s%.*s", at ? "," : "", (int)a,
					       s);
		s += b > 0 ? a + b : a - 1; /* the loop steps over the last digit */
	}
}

/* The shipped tree asks about the Omgevingswet; each instrument's note
 * cites exactly the provisions allowed for it (and no other numbers), in
 * both languages, and says it is a summary that the programme can edit. */
static void test_builtin_omgevingswet(void **state)
{
	static const struct {
		const char *answer, *numbers, *law_en, *law_nl;
	} expect[] = {
		{ "omgevingsvisie", "10.7", "Omgevingsbesluit, article 10.7",
		  "Omgevingsbesluit, artikel 10.7" },
		{ "programma", "", "duty to give reasons", "motiveringsplicht" },
		{ "omgevingsplan", "10.2", "Omgevingsbesluit, article 10.2",
		  "Omgevingsbesluit, artikel 10.2" },
		{ "omgevingsvergunning", "7.4", "Omgevingsregeling, article 7.4",
		  "Omgevingsregeling, artikel 7.4" },
	};
	const struct tree_node *room, *q;
	const struct tree_answer *no;
	struct tree t;
	char got[200];

	(void)state;
	assert_int_equal(tree_load_builtin(&t, NULL), PACT_OK);
	/* asked once there is room for influence, before the initiative */
	room = tree_root(&t);
	q = tree_find(&t, "omgevingswet");
	assert_non_null(q);
	assert_ptr_equal(tree_find_answer(room, "has-room")->next, q);
	assert_string_equal(tree_text(q, "nl"), "Valt de vraag onder de Omgevingswet?");
	assert_int_equal(q->nanswers, 5);
	no = &q->answers[0];
	assert_string_equal(no->id, "no-omgevingswet");
	assert_null(no->note.en);
	assert_null(no->note.nl);
	for (size_t i = 0; i < q->nanswers; i++)
		assert_string_equal(q->answers[i].next->id, "initiative");
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		const struct tree_answer *a = tree_find_answer(q, expect[i].answer);
		const char *en, *nl;
		assert_non_null(a);
		en = tree_note(a, "en");
		nl = tree_note(a, "nl");
		cited_numbers(en, got, sizeof got);
		if (strcmp(got, expect[i].numbers) != 0)
			print_error("%s (en) cites \"%s\"\n", a->id, got);
		assert_string_equal(got, expect[i].numbers);
		cited_numbers(nl, got, sizeof got);
		assert_string_equal(got, expect[i].numbers);
		assert_non_null(strstr(en, expect[i].law_en));
		assert_non_null(strstr(nl, expect[i].law_nl));
		assert_non_null(strstr(en, "This is a summary, not legal advice."));
		assert_non_null(strstr(nl, "Dit is een samenvatting, geen juridisch advies."));
		assert_non_null(strstr(en, "can change this text"));
		assert_non_null(strstr(nl, "kan deze tekst aanpassen"));
		if (!*expect[i].numbers) {
			assert_null(strstr(en, "article"));
			assert_null(strstr(nl, "artikel"));
		}
	}
	/* the permit note names the council's designation without a number */
	assert_non_null(strstr(tree_note(tree_find_answer(q, "omgevingsvergunning"), "en"),
			       "the municipal council has designated"));
	assert_non_null(strstr(tree_note(tree_find_answer(q, "omgevingsvergunning"), "nl"),
			       "de gemeenteraad daarvoor heeft aangewezen"));
	/* no other answer in the shipped tree has a note */
	for (size_t i = 0; i < t.nnodes; i++)
		for (size_t j = 0; j < t.nodes[i].nanswers && &t.nodes[i] != q; j++)
			assert_null(t.nodes[i].answers[j].note.en);
	tree_free(&t);
}

/* A tree without attribute lines (written for an older pact) reads its
 * answer ids as before; one attribute anywhere turns that off. */
static void test_legacy_attributes(void **state)
{
#define OLD_TREE(LOTS)                                                      \
	RUNG_LOW                                                            \
	"question: groups\nen: G\nnl: G\n"                                    \
	"answer: hard-to-reach -> time\nen: H\nnl: H\n"                       \
	"answer: large-group -> time\nen: L\nnl: L\n"                         \
	"answer: small-group -> time\nen: S\nnl: S\n\n"                       \
	"question: time\nen: T\nnl: T\n"                                      \
	"answer: little-time -> done\nen: L\nnl: L\n"                         \
	"answer: lots -> done\nen: M\nnl: M\n" LOTS "\n"                      \
	"outcome: done\nrung: low\nen: Done\nnl: Klaar\n"
	static const char old[] = OLD_TREE(""), text[] = OLD_TREE("minutes:480\n");
	const struct tree_node *g, *time;
	struct tree t;

	(void)state;
	parse_ok(old, strlen(old), &t);
	g = tree_find(&t, "groups");
	time = tree_find(&t, "time");
	assert_true(g->answers[0].hard_to_reach);
	assert_int_equal(g->answers[0].group_size, 0);
	assert_int_equal(g->answers[1].group_size, 100);
	assert_int_equal(g->answers[2].group_size, 15);
	assert_false(g->answers[2].hard_to_reach);
	assert_int_equal(time->answers[0].minutes, 90);
	assert_int_equal(time->answers[1].minutes, 0);
	tree_free(&t);

	/* "lots" gets minutes: 480, and then the ids mean nothing */
	parse_ok(text, strlen(text), &t);
	g = tree_find(&t, "groups");
	time = tree_find(&t, "time");
	assert_false(g->answers[0].hard_to_reach);
	assert_int_equal(g->answers[1].group_size, 0);
	assert_int_equal(time->answers[0].minutes, 0);
	assert_int_equal(time->answers[1].minutes, 480);
	tree_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_tree),
		cmocka_unit_test(test_parse_small),
		cmocka_unit_test(test_text_language),
		cmocka_unit_test(test_crlf_bom_and_version),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_dangling_answer),
		cmocka_unit_test(test_unreachable),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_unknown_rung),
		cmocka_unit_test(test_path_without_outcome),
		cmocka_unit_test(test_missing_text),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_no_questions),
		cmocka_unit_test(test_many_problems),
		cmocka_unit_test(test_report_limit),
		cmocka_unit_test(test_no_report),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_default),
		cmocka_unit_test(test_answer_attributes),
		cmocka_unit_test(test_attribute_problems),
		cmocka_unit_test(test_legacy_attributes),
		cmocka_unit_test(test_answer_notes),
		cmocka_unit_test(test_note_problems),
		cmocka_unit_test(test_builtin_omgevingswet),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("tree", tests, NULL, NULL);
}
