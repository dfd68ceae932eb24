/* Unit tests of array_room: growth and its refusal of sizes that would
 * overflow size_t. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "array.h"

static void test_grows_by_doubling(void **state)
{
	size_t cap = 0;
	int *a = NULL, *b;

	(void)state;
	a = array_room(a, 0, &cap, sizeof *a);
	assert_non_null(a);
	assert_int_equal(cap, 16);
	b = array_room(a, 15, &cap, sizeof *a); /* still fits: the same array */
	assert_ptr_equal(b, a);
	assert_int_equal(cap, 16);
	a = array_room(a, 16, &cap, sizeof *a);
	assert_non_null(a);
	assert_int_equal(cap, 32);
	a[31] = 7;
	a = array_room(a, 100, &cap, sizeof *a); /* doubled until element 100 fits */
	assert_non_null(a);
	assert_int_equal(cap, 128);
	assert_int_equal(a[31], 7);
	a[127] = 1;
	free(a);
}

static void test_refuses_overflow(void **state)
{
	size_t cap = 16;
	char *a = malloc(16 * 8), *b;

	(void)state;
	assert_non_null(a);
	/* 32 elements of SIZE_MAX / 16 bytes do not fit in a size_t */
	b = array_room(a, 16, &cap, SIZE_MAX / 16);
	assert_null(b);
	assert_int_equal(cap, 16); /* unchanged, and a is still ours */
	/* the element count itself cannot double past SIZE_MAX */
	b = array_room(a, SIZE_MAX, &cap, 1);
	assert_null(b);
	assert_int_equal(cap, 16);
	b = array_room(a, SIZE_MAX / 2 + 1, &cap, 1);
	assert_null(b);
	assert_int_equal(cap, 16);
	/* the last size that fits is only a matter of memory, not of arithmetic */
	b = array_room(a, 16, &cap, 8);
	assert_non_null(b);
	assert_int_equal(cap, 32);
	free(b);
}

static void test_from_nothing_with_overflowing_size(void **state)
{
	size_t cap = 0;

	(void)state;
	assert_null(array_room(NULL, 0, &cap, SIZE_MAX / 8)); /* 16 × that overflows */
	assert_int_equal(cap, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grows_by_doubling),
		cmocka_unit_test(test_refuses_overflow),
		cmocka_unit_test(test_from_nothing_with_overflowing_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
