/* Unit tests of the typed cell values read and written by CSV import and
 * export: accepted forms, refused forms with their messages, boundaries. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "stamp.h"
#include "value.h"

/* A refused cell: status PACT_EINPUT in the return value and in err (the
 * test's struct pact_err), a message that starts by quoting got as 'got'
 * (what is wrong comes first) and contains words. A macro so a failure
 * names the line of the case. */
#define assert_refused(call, words, got)                                                   \
	do {                                                                                \
		err_clear(&err);                                                             \
		assert_int_equal((call), PACT_EINPUT);                                       \
		assert_int_equal(err.status, PACT_EINPUT);                                   \
		if (!strstr(err.msg, (words)))                                               \
			fail_msg("message \"%s\" lacks \"%s\"", err.msg, (words));            \
		if (strncmp(err.msg, "'" got "' ", strlen("'" got "' ")) != 0)              \
			fail_msg("message \"%s\" does not start with '%s'", err.msg, (got));  \
	} while (0)

/* --- blank and whole numbers ------------------------------------------- */

static void test_blank(void **state)
{
	(void)state;
	assert_true(value_is_blank(""));
	assert_true(value_is_blank("   "));
	assert_true(value_is_blank("\t \t"));
	assert_false(value_is_blank(" a "));
	assert_false(value_is_blank("0"));
	assert_false(value_is_blank("\n"));
	assert_false(value_is_blank("\xC2\xA0"));
}

static void test_int_accepted(void **state)
{
	struct pact_err err = { 0 };
	int64_t v;

	(void)state;
	assert_int_equal(value_int("42", 0, 100, &v, &err), PACT_OK);
	assert_int_equal(v, 42);
	assert_int_equal(value_int(" -17 ", -100, 100, &v, &err), PACT_OK);
	assert_int_equal(v, -17);
	assert_int_equal(value_int("\t+5\t", 0, 100, &v, &err), PACT_OK);
	assert_int_equal(v, 5);
	assert_int_equal(value_int("007", 0, 100, &v, &err), PACT_OK);
	assert_int_equal(v, 7);
	assert_int_equal(value_int("-0", 0, 0, &v, &err), PACT_OK);
	assert_int_equal(v, 0);
	/* The bounds themselves are inside. */
	assert_int_equal(value_int("1", 1, 10, &v, &err), PACT_OK);
	assert_int_equal(v, 1);
	assert_int_equal(value_int("10", 1, 10, &v, &err), PACT_OK);
	assert_int_equal(v, 10);
	assert_int_equal(value_int("9223372036854775807", INT64_MIN, INT64_MAX, &v, &err), PACT_OK);
	assert_true(v == INT64_MAX);
	assert_int_equal(value_int("-9223372036854775808", INT64_MIN, INT64_MAX, &v, &err),
			 PACT_OK);
	assert_true(v == INT64_MIN);
}

static void test_int_refused(void **state)
{
	struct pact_err err = { 0 };
	int64_t v;

	(void)state;
	/* The hint names only numbers that would be taken: the range when it is
	 * narrow or leaves 12 out, an example when it is wide. */
	assert_refused(value_int("abc", 0, 10, &v, &err), "is not a whole number; write a whole number from 0 to 10", "abc");
	assert_refused(value_int("1.5", 0, 10, &v, &err), "is not a whole number; write a whole number from 0 to 10", "1.5");
	assert_refused(value_int("1 000", 0, 9999, &v, &err), "is not a whole number; write for example 12", "1 000");
	assert_refused(value_int(" 12a ", 0, 100, &v, &err), "is not a whole number; write a whole number from 0 to 100", "12a");
	assert_refused(value_int("-", 0, 10, &v, &err), "is not a whole number; write a whole number from 0 to 10", "-");
	assert_refused(value_int("+", 0, 10, &v, &err), "is not a whole number; write a whole number from 0 to 10", "+");
	assert_refused(value_int("--1", -10, 10, &v, &err), "is not a whole number; write a whole number from -10 to 10", "--1");
	assert_refused(value_int("0x10", 0, 100, &v, &err), "is not a whole number; write a whole number from 0 to 100", "0x10");
	assert_refused(value_int("x", 0, INT64_MAX, &v, &err), "is not a whole number; write for example 12", "x");
	assert_refused(value_int("x", 100, INT64_MAX, &v, &err), "is not a whole number; write a whole number of at least 100", "x");
	assert_refused(value_int("x", INT64_MIN, 5, &v, &err), "is not a whole number; write a whole number of at most 5", "x");
	assert_refused(value_int("x", 1900, 9999, &v, &err), "is not a whole number; write a whole number from 1900 to 9999", "x");
	/* Nothing typed: said so, not quoted as ''. */
	err_clear(&err);
	assert_int_equal(value_int("", 1, 5, &v, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "empty; write a whole number from 1 to 5");
	assert_int_equal(value_int("   ", 0, INT64_MAX, &v, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "empty; write for example 12");
	/* Outside the range: the message gives it. */
	assert_refused(value_int("0", 1, 10, &v, &err), "is too small; write a whole number from 1 to 10", "0");
	assert_refused(value_int("11", 1, 10, &v, &err), "is too large; write a whole number from 1 to 10", "11");
	assert_refused(value_int("-1", 0, INT64_MAX, &v, &err), "is too small; write a whole number of at least 0",
		       "-1");
	assert_refused(value_int("6", INT64_MIN, 5, &v, &err), "is too large; write a whole number of at most 5", "6");
	assert_refused(value_int("9223372036854775808", INT64_MIN, INT64_MAX, &v, &err),
		       "too large; write a whole number of at most 9223372036854775807", "9223372036854775808");
	assert_refused(value_int("-9223372036854775809", -5, INT64_MAX, &v, &err),
		       "too small; write a whole number of at least -5", "-9223372036854775809");
	assert_refused(value_int("99999999999999999999999", 0, 10, &v, &err), "too large; write a whole number from 0 to 10",
		       "99999999999999999999999");
	/* err may be NULL. */
	assert_int_equal(value_int("x", 0, 1, &v, NULL), PACT_EINPUT);
}

/* A range of whole numbers, "LO..HI", LO below HI. */
static void test_range_accepted(void **state)
{
	struct pact_err err = { 0 };
	int64_t lo = 99, hi = 99;

	(void)state;
	assert_int_equal(value_range("0..5", INT64_MIN, INT64_MAX, &lo, &hi, &err), PACT_OK);
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 5);
	assert_int_equal(value_range(" -2 .. +2\t", -10, 10, &lo, &hi, &err), PACT_OK);
	assert_int_equal(lo, -2);
	assert_int_equal(hi, 2);
	assert_int_equal(value_range("-5..-1", -10, 10, &lo, &hi, &err), PACT_OK);
	assert_int_equal(lo, -5);
	assert_int_equal(hi, -1);
	assert_int_equal(value_range("1..10", 1, 10, &lo, &hi, &err), PACT_OK);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 10);
	assert_int_equal(value_range("-9223372036854775808..9223372036854775807", INT64_MIN,
				     INT64_MAX, &lo, &hi, &err),
			 PACT_OK);
	assert_true(lo == INT64_MIN);
	assert_true(hi == INT64_MAX);
}

/* The message quotes the whole range, or the side that is out of bounds. */
static void test_range_refused(void **state)
{
	static const char *const not_range[] = {
		"5", "", "0..", "..5", "0-5", "0.5", "a..5", "0..b", "1...5", "0..5..9", "1.0..5",
		"0,,5", "0 5",
	};
	struct pact_err err = { 0 };
	int64_t lo = 99, hi = 99;
	char want[200];

	(void)state;
	for (size_t i = 0; i < sizeof not_range / sizeof not_range[0]; i++) {
		assert_int_equal(value_range(not_range[i], INT64_MIN, INT64_MAX, &lo, &hi, &err),
				 PACT_EINPUT);
		snprintf(want, sizeof want,
			 "'%s' is not a range; write the lowest and the highest whole number with "
			 ".. between, for example 0..5",
			 not_range[i]);
		assert_string_equal(err.msg, want);
	}
	assert_int_equal(value_range(" 5..5 ", 0, 10, &lo, &hi, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'5..5' is not a range; the first number must be below the "
				     "second, for example 0..5");
	assert_int_equal(value_range("9..2", 0, 10, &lo, &hi, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'9..2' is not a range; the first number must be below the "
				     "second, for example 0..5");
	assert_int_equal(value_range("0..11", 0, 10, &lo, &hi, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'11' is too large; write a whole number from 0 to 10");
	assert_int_equal(value_range("-1..3", 0, 10, &lo, &hi, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'-1' is too small; write a whole number from 0 to 10");
	assert_int_equal(value_range("0..99999999999999999999", INT64_MIN, INT64_MAX, &lo, &hi,
				     &err),
			 PACT_EINPUT);
	assert_string_equal(err.msg, "'99999999999999999999' is too large; write a whole number of "
				     "at most 9223372036854775807");
	/* Nothing is stored from a refused range; err may be NULL. */
	assert_int_equal(lo, 99);
	assert_int_equal(hi, 99);
	assert_int_equal(value_range("x", 0, 1, &lo, &hi, NULL), PACT_EINPUT);
}

/* A terminal size, "COLSxROWS", as key scripts write <resize 80x24>. */
static void test_size(void **state)
{
	static const char *const not_size[] = { "80", "", "x24", "80x", "80 24", "80*24",
						"80X24", "80x24x3", "8.0x24", "axb" };
	struct pact_err err = { 0 };
	int cols = 99, rows = 99;
	char want[200];

	(void)state;
	assert_int_equal(value_size("80x24", &cols, &rows, &err), PACT_OK);
	assert_int_equal(cols, 80);
	assert_int_equal(rows, 24);
	assert_int_equal(value_size(" 60 x 16 ", &cols, &rows, &err), PACT_OK);
	assert_int_equal(cols, 60);
	assert_int_equal(rows, 16);
	assert_int_equal(value_size("1x1000", &cols, &rows, &err), PACT_OK);
	assert_int_equal(cols, 1);
	assert_int_equal(rows, 1000);
	for (size_t i = 0; i < sizeof not_size / sizeof not_size[0]; i++) {
		assert_int_equal(value_size(not_size[i], &cols, &rows, &err), PACT_EINPUT);
		snprintf(want, sizeof want,
			 "'%s' is not a terminal size; write columns x rows, for example 80x24",
			 not_size[i]);
		assert_string_equal(err.msg, want);
	}
	assert_int_equal(value_size("0x24", &cols, &rows, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'0' is too small; write a whole number from 1 to 1000");
	assert_int_equal(value_size("80x1001", &cols, &rows, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'1001' is too large; write a whole number from 1 to 1000");
	assert_int_equal(value_size("-80x24", &cols, &rows, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'-80' is too small; write a whole number from 1 to 1000");
	/* Nothing is stored from a refused size. */
	assert_int_equal(cols, 1);
	assert_int_equal(rows, 1000);
}

/* The quoting and digit helpers value.c and pabulib.c share. */
static void test_quote_and_digits(void **state)
{
	char q[VALUE_QUOTE_SIZE], cell[60];

	(void)state;
	assert_string_equal(value_quote("abcdef", 3, q), "abc");
	assert_ptr_equal(value_quote("abc", 3, q), q);
	assert_string_equal(value_quote_str("café\t\x1b[2J", q), "café??[2J");
	assert_string_equal(value_quote_str("", q), "");
	memset(cell, 'y', 45);
	cell[45] = '\0';
	assert_string_equal(value_quote_str(cell, q), "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…");
	assert_int_equal(value_digit_run("2026-11", 7), 4);
	assert_int_equal(value_digit_run("2026", 2), 2);
	assert_int_equal(value_digit_run("x12", 3), 0);
	assert_int_equal(value_digit_run("", 0), 0);
	assert_int_equal(value_digit_run("0123456789a", 11), 10);
}

/* Long cells are cut in messages, control characters made harmless. */
static void test_message_quotes_safely(void **state)
{
	bool b;
	char cell[201];
	int64_t v;
	struct pact_err err = { 0 };

	(void)state;
	memset(cell, 'x', 200);
	cell[200] = '\0';
	assert_int_equal(value_int(cell, 0, 1, &v, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not"));
	assert_null(strstr(err.msg, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
	assert_refused(value_int("1\n2\x1b[2J", 0, 1, &v, &err), "whole number", "1?2?[2J");
	assert_refused(value_bool(" café ", &b, &err), "yes or no", "café");
}

/* --- amounts ----------------------------------------------------------- */

static void test_amount_accepted(void **state)
{
	static const struct {
		const char *in;
		int64_t cents;
	} cases[] = {
		{ "1.500", 150000 },          /* one '.' and three digits: thousands */
		{ "1,5", 150 },               /* one ',' and one digit: decimals */
		{ "1.234.567,89", 123456789 },
		{ "€ 250.000", 25000000 },
		{ "1,234.56", 123456 },       /* both: the last one is decimal */
		{ "1.000,5", 100050 },
		{ "1,234", 123400 },
		{ "1.000.000", 100000000 },
		{ "0,5", 50 },
		{ "0.05", 5 },
		{ "12", 1200 },
		{ "007,5", 750 },
		{ "12.34", 1234 },
		{ "12,3", 1230 },
		{ "0", 0 },
		{ "-0", 0 },
		{ "  -0,01  ", -1 },
		{ "-€ 1.000,00", -100000 },
		{ "€ -1.000,00", -100000 },
		{ "- € 1.000,00", -100000 },
		{ "-1.000,00 €", -100000 },
		{ "€12,50", 1250 },
		{ "12,50 €", 1250 },
		{ "12,50€", 1250 },
		{ "EUR 12.50", 1250 },
		{ "12.50 eur", 1250 },
		{ "-12.50 EUR", -1250 },
		{ "Eur-7", -700 },
		{ "€\xC2\xA0" "1.000", 100000 },   /* no-break space */
		{ "1\xE2\x80\xAF" "€", 100 },      /* narrow no-break space */
		{ "90000000000000", INT64_C(9000000000000000) },
		{ "-90.000.000.000.000,00", -INT64_C(9000000000000000) },
	};
	struct pact_err err = { 0 };
	int64_t cents;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cents = 12345;
		if (value_amount(cases[i].in, &cents, &err) != PACT_OK)
			fail_msg("'%s' refused: %s", cases[i].in, err.msg);
		if (cents != cases[i].cents)
			fail_msg("'%s' gave %lld cents, not %lld", cases[i].in, (long long)cents,
				 (long long)cases[i].cents);
	}
}

/* Dates on screen: 27-11-2026 in Dutch, 2026-11-27 in English; a time
 * after the date stays; what is not a date is shown as it is. */
static void test_date_show(void **state)
{
	char out[32];

	(void)state;
	value_date_show("2026-11-27", true, out);
	assert_string_equal(out, "27-11-2026");
	value_date_show("2026-11-27", false, out);
	assert_string_equal(out, "2026-11-27");
	value_date_show("2019-03-01 10:15", true, out);
	assert_string_equal(out, "01-03-2019 10:15");
	value_date_show("27-11-2026", true, out);
	assert_string_equal(out, "27-11-2026");
	value_date_show("gisteren", true, out);
	assert_string_equal(out, "gisteren");
	value_date_show("", true, out);
	assert_string_equal(out, "");
	value_date_show(NULL, true, out);
	assert_string_equal(out, "");
}

static void test_amount_show(void **state)
{
	static const struct {
		int64_t cents;
		const char *nl, *en;
	} cases[] = {
		{ 0, "€ 0,00", "€0.00" },
		{ 5, "€ 0,05", "€0.05" },
		{ 123456, "€ 1.234,56", "€1,234.56" },
		{ 10000000, "€ 100.000,00", "€100,000.00" },
		{ 15000000, "€ 150.000,00", "€150,000.00" },
		{ 99999, "€ 999,99", "€999.99" },
		{ 100000, "€ 1.000,00", "€1,000.00" },
		{ -123456, "€ -1.234,56", "-€1,234.56" },
		{ -50, "€ -0,50", "-€0.50" },
		{ 123456789012, "€ 1.234.567.890,12", "€1,234,567,890.12" },
		{ INT64_MIN, "€ -92.233.720.368.547.758,08", "-€92,233,720,368,547,758.08" },
	};
	char out[40];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		value_amount_show(cases[i].cents, true, out);
		assert_string_equal(out, cases[i].nl);
		value_amount_show(cases[i].cents, false, out);
		assert_string_equal(out, cases[i].en);
	}
}

static void test_amount_refused(void **state)
{
	static const char *const bad[] = {
		"1,2,3", "12.3456", "1.23.4", "abc", "", "   ", "€", "-", "EUR",
		"1,", "5.", ".5", ",5", "1..5", "1.,5", "1,234.567", "1.2,50", "0.500",
		"1234.567", "12,345,67", "1.234,56.78", "--5", "- -5", "€ € 5", "5 € €", "€5€",
		"5-", "5 -", "+5", "1 000", "5 euro", "EURO 5", "5e3", "1,5,", "€ 1.000,00 -",
		"1.000,001", "1,00.00",
	};
	struct pact_err err = { 0 };
	int64_t cents;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char got[64];
		if (value_amount(bad[i], &cents, &err) != PACT_EINPUT)
			fail_msg("'%s' accepted as %lld cents", bad[i], (long long)cents);
		snprintf(got, sizeof got, "'%s' ", bad[i][0] == ' ' ? "" : bad[i]);
		if (!strstr(err.msg, "is not a valid amount; write for example 1234.56 or €1,500") ||
		    strncmp(err.msg, got, strlen(got)) != 0)
			fail_msg("'%s': message \"%s\"", bad[i], err.msg);
	}
	assert_refused(value_amount("1,2,3", &cents, &err),
		       "is not a valid amount; write for example 1234.56 or €1,500", "1,2,3");
	/* Beyond ±9e15 cents. */
	assert_refused(value_amount("90000000000000,01", &cents, &err),
		       "is out of range; an amount lies between -90000000000000 and 90000000000000 euros", "90000000000000,01");
	assert_refused(value_amount("€ -90.000.000.000.001", &cents, &err),
		       "between -90000000000000 and 90000000000000 euros", "€ -90.000.000.000.001");
	assert_refused(value_amount("99999999999999999999999999", &cents, &err),
		       "out of range", "99999999999999999999999999");
}

static void test_amount_csv(void **state)
{
	char out[32];
	struct pact_err err = { 0 };
	int64_t back;
	static const int64_t round[] = { 0, 1, -1, 50, -50, 123456, -100000,
					 INT64_C(9000000000000000), -INT64_C(9000000000000000) };

	(void)state;
	value_amount_csv(123456, false, out);
	assert_string_equal(out, "1234.56");
	value_amount_csv(-50, false, out);
	assert_string_equal(out, "-0.50");
	value_amount_csv(0, false, out);
	assert_string_equal(out, "0.00");
	value_amount_csv(5, false, out);
	assert_string_equal(out, "0.05");
	value_amount_csv(150000, false, out);
	assert_string_equal(out, "1500.00");
	value_amount_csv(123456, true, out);
	assert_string_equal(out, "1234,56");
	value_amount_csv(-100000, true, out);
	assert_string_equal(out, "-1000,00");
	value_amount_csv(123456789, true, out);
	assert_string_equal(out, "1234567,89");
	value_amount_csv(INT64_C(9000000000000000), false, out);
	assert_string_equal(out, "90000000000000.00");
	value_amount_csv(INT64_MIN, false, out);
	assert_string_equal(out, "-92233720368547758.08");
	/* What is written reads back the same, in both forms. */
	for (size_t i = 0; i < sizeof round / sizeof round[0]; i++)
		for (int comma = 0; comma < 2; comma++) {
			value_amount_csv(round[i], comma, out);
			assert_int_equal(value_amount(out, &back, &err), PACT_OK);
			assert_true(back == round[i]);
		}
}

/* --- dates ------------------------------------------------------------- */

static void test_date_accepted(void **state)
{
	static const char *const cases[][2] = {
		{ "2026-11-27", "2026-11-27" }, { "27-11-2026", "2026-11-27" },
		{ "7-3-2026", "2026-03-07" },   { "07/03/2026", "2026-03-07" },
		{ "7.3.2026", "2026-03-07" },   { "7/03/2026", "2026-03-07" },
		{ " 1-1-2000\t", "2000-01-01" }, { "31-12-2026", "2026-12-31" },
		{ "29-02-2024", "2024-02-29" }, /* leap year */
		{ "2000-02-29", "2000-02-29" }, /* divisible by 400: leap */
		{ "1900-01-01", "1900-01-01" }, { "9999-12-31", "9999-12-31" },
		{ "30-4-2026", "2026-04-30" },
	};
	struct pact_err err = { 0 };
	char out[11];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(out, 'z', sizeof out);
		if (value_date(cases[i][0], out, &err) != PACT_OK)
			fail_msg("'%s' refused: %s", cases[i][0], err.msg);
		assert_string_equal(out, cases[i][1]);
	}
}

static void test_date_refused(void **state)
{
	static const char *const bad[] = {
		"31-02-2026", "29-02-2026", /* not a leap year */
		"1900-02-29",               /* divisible by 100, not 400 */
		"2026-13-01", "2026-00-10", "2026-04-31", "00-01-2026", "32-1-2026",
		"2026-1-5",   "2026/11/27", "7-3/2026",   "27-11-26",   "123-1-2026",
		"1-123-2026", "27 11 2026", "",           "abc",        "2026-11-27x",
		"1899-12-31", "2026-11-27T10:00:00Z",     "27-11-20260", "-1-1-2026",
		"2026-11-2",  "27-11-2026.",
	};
	struct pact_err err = { 0 };
	char out[11];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char got[64];
		if (value_date(bad[i], out, &err) != PACT_EINPUT)
			fail_msg("'%s' accepted as %s", bad[i], out);
		snprintf(got, sizeof got, "'%s' ", bad[i]);
		if (!strstr(err.msg, "is not a valid date; write for example 2026-11-27 or 27-11-2026") ||
		    !strstr(err.msg, got))
			fail_msg("'%s': message \"%s\"", bad[i], err.msg);
	}
	assert_refused(value_date(" 31-02-2026 ", out, &err),
		       "is not a valid date; write for example 2026-11-27 or 27-11-2026", "31-02-2026");
}

/* --- yes/no ------------------------------------------------------------ */

static void test_bool(void **state)
{
	static const char *const yes[] = { "1",  "yes", "YES", "Yes", "y", "Y",
					   "true", "True", "ja", "JA", "j", "J", " yes\t" };
	static const char *const no[] = { "0", "no", "No", "n", "N", "false",
					  "FALSE", "nee", "Nee", "  n  " };
	static const char *const bad[] = { "maybe", "2", "yess", "ye", "t", "f", "on", "10", "nej" };
	struct pact_err err = { 0 };
	bool b;

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		b = false;
		assert_int_equal(value_bool(yes[i], &b, &err), PACT_OK);
		assert_true(b);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		b = true;
		assert_int_equal(value_bool(no[i], &b, &err), PACT_OK);
		assert_false(b);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (value_bool(bad[i], &b, &err) != PACT_EINPUT)
			fail_msg("'%s' accepted", bad[i]);
	assert_refused(value_bool("maybe", &b, &err), "is not yes or no; write yes or no", "maybe");
	assert_refused(value_bool("", &b, &err), "ja/nee", "");
}

/* --- timestamps -------------------------------------------------------- */

static void test_timestamp_accepted(void **state)
{
	static const char *const cases[][2] = {
		{ "2026-11-27T14:30:00Z", "2026-11-27T14:30:00Z" },
		{ "2026-11-27 14:30:00", "2026-11-27T14:30:00Z" },
		{ "2026-11-27T14:30:00", "2026-11-27T14:30:00Z" },
		{ " 2026-11-27 14:30:00Z ", "2026-11-27T14:30:00Z" },
		{ "2026-11-27t14:30:00z", "2026-11-27T14:30:00Z" },
		{ "2026-11-27T14:30:00+01:00", "2026-11-27T13:30:00Z" },
		{ "2026-11-27T14:30:00+0100", "2026-11-27T13:30:00Z" },
		{ "2026-11-27 14:30:00+01", "2026-11-27T13:30:00Z" },
		{ "2026-11-27T14:30:00-05:00", "2026-11-27T19:30:00Z" },
		{ "2026-11-27T10:00:00+05:30", "2026-11-27T04:30:00Z" },
		{ "2026-11-27T14:30:00+00:00", "2026-11-27T14:30:00Z" },
		{ "2026-11-27T14:30:00-0000", "2026-11-27T14:30:00Z" },
		{ "2026-11-27T14:30:00.123Z", "2026-11-27T14:30:00Z" },
		{ "2026-11-27T14:30:00.999999+01:00", "2026-11-27T13:30:00Z" },
		{ "2026-11-27T23:59:59Z", "2026-11-27T23:59:59Z" },
		{ "2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z" },
		/* Offsets that cross midnight, a month, a year and Feb 29. */
		{ "2026-11-27T00:30:00+01:00", "2026-11-26T23:30:00Z" },
		{ "2026-11-27T23:30:00-01:00", "2026-11-28T00:30:00Z" },
		{ "2026-12-01T00:15:00+02:00", "2026-11-30T22:15:00Z" },
		{ "2027-01-01T00:15:00+02:00", "2026-12-31T22:15:00Z" },
		{ "2026-12-31T23:00:00-14:00", "2027-01-01T13:00:00Z" },
		{ "2024-02-28T23:00:00-02:00", "2024-02-29T01:00:00Z" },
		{ "2026-02-28T23:00:00-02:00", "2026-03-01T01:00:00Z" },
		{ "2024-03-01T00:30:00+0100", "2024-02-29T23:30:00Z" },
		{ "2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z" },
	};
	struct pact_err err = { 0 };
	char out[21];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(out, 'z', sizeof out);
		if (value_timestamp(cases[i][0], out, &err) != PACT_OK)
			fail_msg("'%s' refused: %s", cases[i][0], err.msg);
		if (strcmp(out, cases[i][1]) != 0)
			fail_msg("'%s' gave %s, not %s", cases[i][0], out, cases[i][1]);
	}
	/* What pact writes reads back unchanged. */
	stamp_iso(1790000000, out);
	{
		char back[21];
		assert_int_equal(value_timestamp(out, back, &err), PACT_OK);
		assert_string_equal(back, out);
	}
}

static void test_timestamp_refused(void **state)
{
	static const char *const bad[] = {
		"2026-11-27T24:00:00Z", "2026-11-27T23:60:00Z", "2026-11-27T23:59:60Z",
		"2026-02-29T10:00:00Z", "2026-11-31T10:00:00Z", "2026-11-27",
		"2026-11-27T14:30Z", "2026-11-27T14:30:00ZZ", "2026-11-27T14:30:00+1:00",
		"2026-11-27T14:30:00+01:0", "2026-11-27T14:30:00+01:", "2026-11-27T14:30:00+1",
		"2026-11-27T14:30:00+15:00", "2026-11-27T14:30:00+14:01",
		"2026-11-27T14:30:00+01:60", "2026-11-27T14:30:00 +01:00", "2026-11-27T14:30:00+01-00",
		"2026-11-27T14:30:00Z+01:00", "2026-11-27T14:30:00+01:00Z",
		"27-11-2026 14:30:00", "2026-11-27T14:30:00.Z", "2026-11-27T14:30:00.",
		"2026-11-27X14:30:00Z", "2026-11-27T14-30-00Z", "2026-11-27T4:30:00Z",
		"", "now", "1900-01-01T00:30:00+01:00", /* 1899 in UTC */
		"9999-12-31T23:30:00-01:00",             /* year 10000 in UTC */
	};
	struct pact_err err = { 0 };
	char out[21];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char got[64];
		if (value_timestamp(bad[i], out, &err) != PACT_EINPUT)
			fail_msg("'%s' accepted as %s", bad[i], out);
		snprintf(got, sizeof got, "'%s' ", bad[i]);
		if (!strstr(err.msg, "is not a valid date and time; write for example 2026-11-27T14:30:00Z") ||
		    !strstr(err.msg, got))
			fail_msg("'%s': message \"%s\"", bad[i], err.msg);
	}
}

/* --- UUIDs ------------------------------------------------------------- */

static void test_uuid(void **state)
{
	static const char *const bad[] = {
		"123e4567-e89b-12d3-a456-42661417400",   /* 35 */
		"123e4567-e89b-12d3-a456-4266141740000", /* 37 */
		"123e4567e89b12d3a456426614174000",      /* no dashes */
		"123e4567-e89b-12d3-a456-42661417400g",
		"123e4567e-89b-12d3-a456-426614174000",
		"{123e4567-e89b-12d3-a456-42661417400}",
		"123e4567 e89b 12d3 a456 426614174000",
		"",
	};
	struct pact_err err = { 0 };
	char out[37], fresh[37];

	(void)state;
	assert_int_equal(value_uuid("123e4567-e89b-12d3-a456-426614174000", out, &err), PACT_OK);
	assert_string_equal(out, "123e4567-e89b-12d3-a456-426614174000");
	assert_int_equal(value_uuid(" 123E4567-E89B-12D3-A456-426614174ABC\t", out, &err),
			 PACT_OK);
	assert_string_equal(out, "123e4567-e89b-12d3-a456-426614174abc");
	stamp_uuid(fresh);
	assert_int_equal(value_uuid(fresh, out, &err), PACT_OK);
	assert_string_equal(out, fresh);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char got[64];
		if (value_uuid(bad[i], out, &err) != PACT_EINPUT)
			fail_msg("'%s' accepted", bad[i]);
		snprintf(got, sizeof got, "'%s' ", bad[i]);
		if (!strstr(err.msg, "is not a valid UUID; a UUID looks like") || !strstr(err.msg, got))
			fail_msg("'%s': message \"%s\"", bad[i], err.msg);
	}
}

/* --- choices ----------------------------------------------------------- */

static void test_enum(void **state)
{
	static const char *const roles[] = { "resident", "entrepreneur", "visitor", "official",
					     NULL };
	static const char *const nl[] = { "inwoner", "café", NULL };
	static const char *const none[] = { NULL };
	struct pact_err err = { 0 };
	int i = -1;

	(void)state;
	assert_int_equal(value_enum("resident", roles, &i, &err), PACT_OK);
	assert_int_equal(i, 0);
	assert_int_equal(value_enum("Entrepreneur", roles, &i, &err), PACT_OK);
	assert_int_equal(i, 1);
	assert_int_equal(value_enum(" OFFICIAL\t", roles, &i, &err), PACT_OK);
	assert_int_equal(i, 3);
	assert_int_equal(value_enum("CAFÉ", nl, &i, &err), PACT_OK);
	assert_int_equal(i, 1);

	assert_int_equal(value_enum("mayor", roles, &i, &err), PACT_EINPUT);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_string_equal(err.msg,
			    "'mayor' is not one of the choices; write one of: resident, entrepreneur, "
			    "visitor, official");
	assert_refused(value_enum("", roles, &i, &err), "one of: resident, entrepreneur", "");
	assert_refused(value_enum("res", roles, &i, &err), "one of: resident", "res");
	assert_refused(value_enum("residents", roles, &i, &err), "official", "residents");
	assert_refused(value_enum("cafe", nl, &i, &err), "one of: inwoner, café", "cafe");
	assert_refused(value_enum("x", none, &i, &err), "is not one of the choices", "x");
}

/* A list of keys too long for a message is cut with "…"; the cell still shows. */
static void test_enum_long_list(void **state)
{
	static char names[60][24];
	const char *keys[61];
	struct pact_err err = { 0 };
	int i;

	(void)state;
	for (int k = 0; k < 60; k++) {
		snprintf(names[k], sizeof names[k], "choice%02d", k);
		keys[k] = names[k];
	}
	keys[60] = NULL;
	assert_int_equal(value_enum("choice59", keys, &i, &err), PACT_OK);
	assert_int_equal(i, 59);
	assert_int_equal(value_enum("mayor", keys, &i, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "'mayor' is not one of the choices; write one of: choice00, choice01, "));
	assert_non_null(strstr(err.msg, ", …"));
	assert_null(strstr(err.msg, "choice59"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_int_accepted),
		cmocka_unit_test(test_int_refused),
		cmocka_unit_test(test_range_accepted),
		cmocka_unit_test(test_range_refused),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_quote_and_digits),
		cmocka_unit_test(test_message_quotes_safely),
		cmocka_unit_test(test_amount_accepted),
		cmocka_unit_test(test_date_show),
		cmocka_unit_test(test_amount_show),
		cmocka_unit_test(test_amount_refused),
		cmocka_unit_test(test_amount_csv),
		cmocka_unit_test(test_date_accepted),
		cmocka_unit_test(test_date_refused),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_timestamp_accepted),
		cmocka_unit_test(test_timestamp_refused),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_enum_long_list),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
