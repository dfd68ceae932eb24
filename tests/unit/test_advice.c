/* Unit tests of saved advice: the answers as stored and read back (old
 * advices too), the work forms' line, the request a stored path makes, the
 * run's and a stored advice's texts, and writing the Markdown statement,
 * also when the write fails. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "advice.h"
#include "advice_text.h"
#include "sql.h"
#include "tree.h"
#include "werkvorm.h"
#include "testdb.h"
#include "testlang.h"

static const char tree_text_[] =
	"rung: informeren\nen: Inform\nnl: Informeren\npromise-en: We tell\npromise-nl: We vertellen\n\n"
	"rung: stad-aan-zet\nen: The city leads\nnl: De stad aan zet\n"
	"promise-en: You lead\npromise-nl: Jij leidt\n\n"
	"question: room\nen: Room?\nnl: Ruimte?\n"
	"answer: yes -> who\n  en: Yes\n  nl: Ja\n"
	"answer: no -> told\n  en: No\n  nl: Nee\n\n"
	"question: who\nen: Who?\nnl: Wie?\n"
	"answer: many -> told\n  en: Many\n  nl: Veel\n  group-size: 100\n  hard-to-reach: yes\n"
	"answer: city -> theirs\n  en: The city\n  nl: De stad\n  minutes: 90\n\n"
	"outcome: told\nrung: informeren\nen: Tell them.\nnl: Vertel het.\n\n"
	"outcome: theirs\nrung: stad-aan-zet\nen: Let them lead.\nnl: Laat ze leiden.\n";

static void load(struct tree *t)
{
	struct tree_report rep = { 0 };

	assert_int_equal(tree_parse(tree_text_, strlen(tree_text_), "t.txt", t, &rep), PACT_OK);
	tree_report_free(&rep);
}

/* The whole file at path. */
static char *slurp(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_answers_round_trip(void **state)
{
	struct tree t;
	struct tree_step path[2], back[4];
	struct advice_answer *a;
	size_t n;
	char *s;

	(void)state;
	load(&t);
	path[0] = (struct tree_step){ tree_find(&t, "room"), 0 };
	path[1] = (struct tree_step){ tree_find(&t, "who"), 1 };
	s = advice_answers_format(path, 2);
	assert_string_equal(s, "room=yes who=city");
	assert_int_equal(advice_answers_parse(s, &a, &n, NULL), PACT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].question, "room");
	assert_string_equal(a[0].answer, "yes");
	assert_string_equal(a[1].question, "who");
	assert_string_equal(a[1].answer, "city");
	assert_int_equal(advice_answers_path(&t, a, n, back, 4), 2);
	assert_ptr_equal(back[1].q, path[1].q);
	assert_int_equal(back[1].answer, 1);
	advice_answers_free(a, n);
	free(s);
	s = advice_answers_format(NULL, 0);
	assert_string_equal(s, "");
	free(s);

	/* as older advices and a changed tree leave them: extra spaces, a pair
	 * without "=", ids the tree no longer has */
	assert_int_equal(advice_answers_parse("  room=no  gone=x who  who=many=2 who=many ", &a, &n,
					      NULL), PACT_OK);
	assert_int_equal(n, 5);
	assert_string_equal(a[1].question, "gone");
	assert_string_equal(a[2].question, "who");
	assert_string_equal(a[2].answer, "");
	assert_string_equal(a[3].answer, "many=2");
	assert_int_equal(advice_answers_path(&t, a, n, back, 4), 2);
	assert_ptr_equal(back[0].q, tree_find(&t, "room"));
	assert_int_equal(back[0].answer, 1);
	assert_ptr_equal(back[1].q, tree_find(&t, "who"));
	assert_int_equal(back[1].answer, 0);
	assert_int_equal(advice_answers_path(&t, a, n, back, 1), 1);
	advice_answers_free(a, n);
	assert_int_equal(advice_answers_parse("", &a, &n, NULL), PACT_OK);
	assert_int_equal(n, 0);
	advice_answers_free(a, n);
	tree_free(&t);
}

/* The built-in tree's ids as stored by an older pact give the same
 * request as the values in the file. */
static void test_stored_path_request(void **state)
{
	struct tree t;
	struct tree_report rep = { 0 };
	struct advice_answer *a;
	struct tree_step path[16];
	struct werkvorm_need need;
	size_t n, k;

	(void)state;
	assert_int_equal(tree_load_builtin(&t, &rep), PACT_OK);
	assert_int_equal(advice_answers_parse("room=has-room initiative=municipality-initiative "
					      "frames=frames-clear impact=large-impact-many "
					      "groups=hard-to-reach", &a, &n, NULL), PACT_OK);
	k = advice_answers_path(&t, a, n, path, 16);
	assert_int_equal(k, 5);
	tree_need(path, k, tree_find(&t, "inform-no-room"), &need);
	assert_string_equal(need.rung, "informeren");
	assert_true(need.hard_to_reach);
	assert_int_equal(need.group_size, 0);
	assert_int_equal(need.minutes_available, 0);
	path[4].answer = 1; /* large-group */
	tree_need(path, k, tree_find(&t, "inform-no-room"), &need);
	assert_false(need.hard_to_reach);
	assert_int_equal(need.group_size, 100);
	advice_answers_free(a, n);
	tree_free(&t);
}

static void test_forms_format(void **state)
{
	char names[7][8] = { "A", "B", "C", "D", "E", "F", "G" };
	struct werkvorm_pick picks[7] = { 0 };
	char *s;

	(void)state;
	for (int i = 0; i < 7; i++)
		picks[i].name = names[i];
	s = advice_forms_format(picks, 7);
	assert_string_equal(s, "A; B; C; D; E");
	free(s);
	s = advice_forms_format(picks, 1);
	assert_string_equal(s, "A");
	free(s);
	s = advice_forms_format(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

static const char run_statement[] =
	"# Bankjes\n\nBy Ans, advice 7.\n\n"
	"## Advice: The city leads\n\nYou lead\n\n## Why\n\n"
	"- Room? Yes\n- Who? The city\n"
	"\nLet them lead.\n\nWork forms, best first:\n\n"
	"1. Walk — fits\n2. Table — also\n"
	"\nChecklist:\n"
	"- Agree what the municipality does and what the initiators keep in their own hands.\n"
	"- Name one contact person.\n"
	"- Plan the evaluation.\n"
	"- Choose monitoring indicators: the number of participants and the diversity of who "
	"took part.";

/* The run as a statement, written to a file: every byte as expected; an
 * existing file only replaced when asked. */
static void test_run_statement(void **state)
{
	char walk[] = "Walk", fits[] = "fits", table[] = "Table", also[] = "also";
	struct werkvorm_pick picks[2] = { { .name = walk, .reason = fits },
					  { .name = table, .reason = also } };
	char dir[] = "/tmp/pact-advice-XXXXXX", path[300], shown[300];
	struct tree t;
	struct tree_step steps[2];
	struct advice_run run;
	struct pact_err err;
	char *text;

	(void)state;
	load(&t);
	steps[0] = (struct tree_step){ tree_find(&t, "room"), 0 };
	steps[1] = (struct tree_step){ tree_find(&t, "who"), 1 };
	run = (struct advice_run){ "Bankjes", "Ans", 7, steps, 2, tree_find(&t, "theirs"), picks, 2 };
	text = advice_run_string(&run, true, "en");
	assert_string_equal(text, run_statement);
	free(text);
	/* on screen: no heading, the other checklist for another rung */
	steps[1].answer = 0;
	run.outcome = tree_find(&t, "told");
	run.npicks = 0;
	run.author = "";
	text = advice_run_string(&run, false, "nl");
	assert_string_equal(text, "Advice: Informeren\nWe vertellen\n\nWhy:\n"
				  "- Ruimte? Ja\n- Wie? Veel\n\nVertel het.\n\nWork forms, best first:\n\n"
				  "\nChecklist:\n"
				  "- Tell people what they can influence and what they cannot.\n"
				  "- Say who decides, and when.\n"
				  "- Plan the evaluation.\n"
				  "- Choose monitoring indicators: the number of participants and the "
				  "diversity of who took part.");
	free(text);

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/advies.md", dir);
	run = (struct advice_run){ "Bankjes", "Ans", 7, steps, 2, tree_find(&t, "theirs"), picks, 2 };
	steps[1].answer = 1;
	assert_int_equal(advice_statement_save(NULL, &t, &run, 7, "en", path, false, shown,
					       sizeof shown, &err), PACT_OK);
	assert_string_equal(shown, path);
	assert_string_equal(slurp(path), run_statement);
	/* there already: refused, and left as it was */
	assert_int_equal(advice_write_file(path, false, "other", shown, sizeof shown, &err),
			 PACT_EINPUT);
	assert_non_null(strstr(err.msg, "exists already"));
	assert_string_equal(slurp(path), run_statement);
	assert_int_equal(advice_write_file(path, true, "other", shown, sizeof shown, &err), PACT_OK);
	assert_string_equal(slurp(path), "other");
	/* ~/ is the home directory */
	setenv("HOME", dir, 1);
	assert_int_equal(advice_write_file("~/b.md", false, "b", shown, sizeof shown, &err),
			 PACT_OK);
	snprintf(path, sizeof path, "%s/b.md", dir);
	assert_string_equal(shown, path);
	assert_string_equal(slurp(path), "b");
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof path, "%s/advies.md", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	tree_free(&t);
}

/* A write that fails is an error naming the file, and what was half
 * written is not left behind as if saved. */
static void test_statement_write_fails(void **state)
{
	char dir[] = "/tmp/pact-advice-XXXXXX", path[300], shown[300], want[400], *big;
	struct rlimit old, small = { 4096, 4096 };
	struct pact_err err;
	struct stat st;

	(void)state;
	/* a full disk: the bytes wait in the buffer, fclose finds out */
	assert_int_equal(advice_write_file("/dev/full", true, "# statement\n", shown, sizeof shown,
					   &err), PACT_EINPUT);
	assert_string_equal(err.msg, "file: cannot write /dev/full: No space left on device");
	assert_int_equal(advice_write_file("/dev/full", false, "# statement\n", shown, sizeof shown,
					   &err), PACT_EINPUT);
	assert_string_equal(err.msg, "file: /dev/full exists already; choose another name, or yes "
				     "to replace it");
	assert_int_equal(advice_write_file("/nonexistent/a.md", false, "x", shown, sizeof shown,
					   &err), PACT_EINPUT);
	assert_string_equal(err.msg, "file: cannot write /nonexistent/a.md: No such file or directory");
	assert_int_equal(advice_write_file("", false, "x", shown, sizeof shown, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "file: give a file name");

	/* a file too big for the limit: the part written is removed again */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/big.md", dir);
	assert_non_null(big = malloc(20000));
	memset(big, 'x', 19999);
	big[19999] = '\0';
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small.rlim_max = old.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(advice_write_file(path, false, big, shown, sizeof shown, &err), PACT_EINPUT);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	snprintf(want, sizeof want, "file: cannot write %s: File too large", path);
	assert_string_equal(err.msg, want);
	assert_int_equal(stat(path, &st), -1);
	free(big);
	assert_int_equal(rmdir(dir), 0);
}

/* A stored advice read back and as a statement, through the tree; an id
 * the tree no longer has is written as stored. */
static void test_stored_texts(void **state)
{
	sqlite3 *db = *state;
	struct advice_fields f = { "Bankjes", "Ans", "abc123", "room=yes who=city gone=away",
				   "theirs", "stad-aan-zet", "Walk; Table", NULL };
	char dir[] = "/tmp/pact-advice-XXXXXX", path[300], shown[300], expect[2048];
	struct advice_text a;
	struct pact_err err;
	int64_t id = 0;
	struct tree t;
	char *text;

	load(&t);
	assert_int_equal(advice_save(db, &f, &id, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err, "UPDATE advice SET date = '2026-12-05'", ""), PACT_OK);
	assert_int_equal(advice_get(db, id, &a, &err), PACT_OK);
	text = advice_stored_string(&t, &a, id, false, "en");
	assert_string_equal(text, "Bankjes\nBy Ans on 2026-12-05\n\nAdvice: The city leads\nYou lead\n\n"
				  "Why:\n- Room? Yes\n- Who? The city\n- gone away\n\nLet them lead.\n\n"
				  "Work forms: Walk; Table\n\nTree version: abc123\n");
	free(text);
	advice_text_free(&a);

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/s.md", dir);
	assert_int_equal(advice_statement_save(db, &t, NULL, id, "en", path, false, shown,
					       sizeof shown, &err), PACT_OK);
	snprintf(expect, sizeof expect,
		 "# Bankjes\n\nBy Ans, advice %lld.\n\n"
		 "## Advice: The city leads\n\nYou lead\n\n## Why\n\n"
		 "- Room? Yes\n- Who? The city\n- gone away\n"
		 "\nLet them lead.\n\nWork forms, best first:\n\n1. Walk\n2. Table\n"
		 "\nChecklist:\n"
		 "- Agree what the municipality does and what the initiators keep in their own "
		 "hands.\n- Name one contact person.\n- Plan the evaluation.\n"
		 "- Choose monitoring indicators: the number of participants and the diversity of "
		 "who took part.", (long long)id);
	assert_string_equal(slurp(path), expect);
	assert_int_equal(unlink(path), 0);
	/* no such advice */
	assert_int_equal(advice_statement_save(db, &t, NULL, id + 1, "en", path, false, shown,
					       sizeof shown, &err), PACT_EINPUT);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(rmdir(dir), 0);
	tree_free(&t);
}

/* The tree above with a note on the answer "city" (line 14). */
static void load_with_note(struct tree *t)
{
	static char text[sizeof tree_text_ + 200];
	const char *at = strstr(tree_text_, "  minutes: 90\n");
	struct tree_report rep = { 0 };

	snprintf(text, sizeof text, "%.*s  note-en: The law asks you to say how.\n"
		 "  note-nl: De wet vraagt te zeggen hoe.\n%s",
		 (int)(at - tree_text_), tree_text_, at);
	assert_int_equal(tree_parse(text, strlen(text), "t.txt", t, &rep), PACT_OK);
	tree_report_free(&rep);
}

/* An answer's note is in the advice on screen and in the statement, in
 * the language asked for, after the outcome; a path that does not pass
 * the answer has none; a stored advice finds it again through its ids. */
static void test_notes_in_advice(void **state)
{
	sqlite3 *db = *state;
	struct advice_fields f = { "Bankjes", "Ans", "abc123", NULL, "theirs", "stad-aan-zet",
				   "Walk", NULL };
	struct tree_step steps[2];
	struct advice_run run;
	struct advice_text a;
	struct pact_err err;
	int64_t id = 0;
	struct tree t;
	char *text, *answers;

	load_with_note(&t);
	steps[0] = (struct tree_step){ tree_find(&t, "room"), 0 };
	steps[1] = (struct tree_step){ tree_find(&t, "who"), 1 };
	run = (struct advice_run){ "Bankjes", "Ans", 7, steps, 2, tree_find(&t, "theirs"), NULL, 0 };
	text = advice_run_string(&run, false, "en");
	assert_non_null(strstr(text, "\nLet them lead.\n\nNotes on your answers:\n\n"
				     "The law asks you to say how.\n\nWork forms, best first:\n"));
	free(text);
	text = advice_run_string(&run, true, "nl");
	assert_non_null(strstr(text, "\nLaat ze leiden.\n\n## Notes on your answers\n\n"
				     "De wet vraagt te zeggen hoe.\n\nWork forms, best first:\n"));
	free(text);
	/* the other answer: no note, no heading */
	steps[1].answer = 0;
	run.outcome = tree_find(&t, "told");
	text = advice_run_string(&run, true, "en");
	assert_null(strstr(text, "Notes on your answers"));
	assert_null(strstr(text, "The law asks"));
	free(text);

	/* saved and read back: the note again, on screen and in the statement */
	steps[1].answer = 1;
	assert_non_null(answers = advice_answers_format(steps, 2));
	f.answers = answers;
	assert_int_equal(advice_save(db, &f, &id, &err), PACT_OK);
	free(answers);
	assert_int_equal(advice_get(db, id, &a, &err), PACT_OK);
	text = advice_stored_string(&t, &a, id, false, "en");
	assert_non_null(strstr(text, "\nLet them lead.\n\nNotes on your answers:\n\n"
				     "The law asks you to say how.\n\nWork forms: Walk\n"));
	free(text);
	text = advice_stored_string(&t, &a, id, true, "nl");
	assert_non_null(strstr(text, "## Notes on your answers\n\nDe wet vraagt te zeggen hoe.\n\n"
				     "Work forms, best first:\n\n1. Walk\n"));
	free(text);
	advice_text_free(&a);
	tree_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers_round_trip),
		cmocka_unit_test(test_stored_path_request),
		cmocka_unit_test(test_forms_format),
		cmocka_unit_test(test_run_statement),
		cmocka_unit_test(test_statement_write_fails),
		cmocka_unit_test_setup_teardown(test_stored_texts, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_notes_in_advice, open_db, close_db),
	};

	return cmocka_run_group_tests_name("advice", tests, english, NULL);
}
