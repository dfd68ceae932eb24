/* Unit tests of err.c: err_set returns its status; out of memory is a
 * status of its own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>

#include "err.h"

static void test_err_set_returns_status(void **state)
{
	struct pact_err err;

	(void)state;
	assert_int_equal(err_set(&err, PACT_EINPUT, "%s:%d: %s", "a.csv", 3, "bad"), 3);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_string_equal(err.msg, "a.csv:3: bad");
	assert_int_equal(err_set(NULL, PACT_EDB, "ignored %d", 1), 4);
	err_clear(&err);
	assert_int_equal(err.status, PACT_OK);
	assert_string_equal(err.msg, "");
}

static void test_out_of_memory(void **state)
{
	struct pact_err err = { 0 };

	(void)state;
	setenv("LC_ALL", "C", 1);
	setlocale(LC_ALL, "");
	assert_int_equal(PACT_ENOMEM, 5);
	assert_int_equal(err_nomem(&err), 5);
	assert_int_equal(err.status, PACT_ENOMEM);
	assert_string_equal(err.msg, "out of memory");
	assert_int_equal(err_nomem(NULL), PACT_ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_err_set_returns_status),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
