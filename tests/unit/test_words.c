/* Unit tests of how messages name things, in Dutch and in English, through
 * the real catalogue (build/locale, made by make): counting methods by
 * their plain names, never their command-line ids; numbers that agree with
 * their nouns; one message where three files said the same thing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "tally.h"

#include "testlang.h"

/* One voter who marks option number mark (0-based) of noptions. */
struct one_mark {
	struct tally_input in;
	size_t start[2];
	uint32_t option[1];
	int64_t value[1];
	int64_t costs[4];
};

static void one_mark(struct one_mark *e, enum tally_method m, size_t noptions, uint32_t mark)
{
	memset(e, 0, sizeof *e);
	e->in.method = m;
	e->in.noptions = noptions;
	e->in.nvoters = 1;
	e->start[1] = 1;
	e->option[0] = mark;
	e->value[0] = 1;
	e->in.start = e->start;
	e->in.option = e->option;
	e->in.value = e->value;
	for (size_t i = 0; i < 4; i++)
		e->costs[i] = 100;
	e->in.costs = e->costs;
	e->in.budget = 200;
}

/* The message of tally_check (run = false) or of the count itself. */
static const char *refusal(struct one_mark *e, bool run, struct pact_err *err)
{
	struct tally_result r;
	size_t mark;

	if (run)
		assert_int_equal(tally_run(&e->in, &r, err), PACT_EINPUT);
	else
		assert_int_equal(tally_check(&e->in, &mark, err), PACT_EINPUT);
	return err->msg;
}

/* Equal Shares refuses ballots with points by the methods' plain names,
 * in the language of the screens. */
static void test_equal_shares_and_points_by_name(void **state)
{
	struct one_mark e;
	struct pact_err err;

	(void)state;
	one_mark(&e, TALLY_PB_MES, 2, 0);
	e.in.points = true;
	speak("en");
	assert_string_equal(refusal(&e, false, &err),
			    "gives points; 'Budget: equal shares' counts approvals only; count "
			    "ballots with points (cumulative or scoring) with 'Budget: most votes'");
	speak("nl");
	assert_string_equal(refusal(&e, false, &err),
			    "geeft punten; 'Budget: gelijke delen' telt alleen goedkeuringen; tel "
			    "stembiljetten met punten (cumulatief of met cijfers) met "
			    "'Budget: meeste stemmen'");
}

/* A mark past the last option: one message, whichever file finds it, with
 * the number of options agreeing with its noun. */
static void test_option_out_of_range_agrees(void **state)
{
	struct one_mark e;
	struct pact_err err;
	static const enum tally_method counted[] = { TALLY_IRV, TALLY_PB_GREEDY, TALLY_PB_MES };

	(void)state;
	speak("en");
	one_mark(&e, TALLY_DOT, 1, 1);
	assert_string_equal(refusal(&e, false, &err), "marks option number 2; there is 1 option");
	one_mark(&e, TALLY_APPROVAL, 2, 4);
	assert_string_equal(refusal(&e, false, &err), "marks option number 5; there are 2 options");
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
		one_mark(&e, counted[i], 1, 1);
		assert_string_equal(refusal(&e, true, &err),
				    "marks option number 2; there is 1 option");
		one_mark(&e, counted[i], 3, 3);
		assert_string_equal(refusal(&e, true, &err),
				    "marks option number 4; there are 3 options");
	}
	speak("nl");
	one_mark(&e, TALLY_DOT, 1, 1);
	assert_string_equal(refusal(&e, false, &err), "kiest optie nummer 2; er is 1 optie");
	one_mark(&e, TALLY_IRV, 2, 2);
	assert_string_equal(refusal(&e, true, &err), "kiest optie nummer 3; er zijn 2 opties");
	one_mark(&e, TALLY_PB_GREEDY, 1, 1);
	assert_string_equal(refusal(&e, true, &err), "kiest optie nummer 2; er is 1 optie");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_equal_shares_and_points_by_name, english),
		cmocka_unit_test_teardown(test_option_out_of_range_agrees, english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
