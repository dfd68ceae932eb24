/* Typed cell values for CSV import and export: parsing what spreadsheets and
 * people write, formatting what pact writes back. */
#include "value.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "text.h"
#include "utf8.h"

/* The largest amount in cents, either way; whole euros are capped just above
 * it while reading so the arithmetic cannot overflow. */
#define AMOUNT_MAX INT64_C(9000000000000000)
#define EUROS_CAP (UINT64_C(9000000000000000) / 100)

enum { FORM_OK, FORM_BAD, FORM_BIG };

/* The cell without surrounding spaces and tabs: *n bytes from the result. */
static const char *trim(const char *s, size_t *n)
{
	*n = strlen(s);
	text_trim(&s, n);
	return s;
}

const char *value_quote(const char *s, size_t n, char out[VALUE_QUOTE_SIZE])
{
	utf8_quote(s, n, VALUE_QUOTE_CHARS, out, VALUE_QUOTE_SIZE);
	return out;
}

const char *value_quote_str(const char *s, char out[VALUE_QUOTE_SIZE])
{
	return value_quote(s, strlen(s), out);
}

size_t value_digit_run(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	return i;
}

/* Value of the n (at most 4) bytes at p, or -1 unless all are digits. */
static int number(const char *p, size_t n)
{
	int v = 0;

	if (n == 0 || value_digit_run(p, n) != n)
		return -1;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* The n bytes at a equal the string b, ignoring case. */
static bool eq_fold(const char *a, size_t n, const char *b)
{
	size_t bn = strlen(b), i = 0, j = 0;

	while (i < n && j < bn) {
		uint32_t ca, cb;
		size_t ka = utf8_decode(a + i, n - i, &ca), kb = utf8_decode(b + j, bn - j, &cb);
		if (utf8_fold(ca) != utf8_fold(cb))
			return false;
		i += ka ? ka : 1;
		j += kb ? kb : 1;
	}
	return i == n && j == bn;
}

bool value_is_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* --- whole numbers ---------------------------------------------------- */

/* What is wrong first, then what to write instead; below says which side
 * of the range the number fell. */
static int int_range_error(const char *q, bool below, int64_t min, int64_t max,
			   struct pact_err *err)
{
	if (below && max == INT64_MAX)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is too small; write a whole number of at least %lld"), q,
			       (long long)min);
	if (!below && min == INT64_MIN)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is too large; write a whole number of at most %lld"), q,
			       (long long)max);
	return err_set(err, PACT_EINPUT,
		       below ? _("'%s' is too small; write a whole number from %lld to %lld")
			     : _("'%s' is too large; write a whole number from %lld to %lld"),
		       q, (long long)min, (long long)max);
}

/* What to write instead, for a whole number in [min, max]: an example when
 * the range is wide and holds it, else the range ("from 1 to 5"), so the
 * hint never names a number that would be refused. */
static void int_hint(int64_t min, int64_t max, char out[128])
{
	if (min <= 12 && max >= 12 && max - 1000 >= min)
		snprintf(out, 128, "%s", _("write for example 12"));
	else if (max == INT64_MAX)
		snprintf(out, 128, _("write a whole number of at least %lld"), (long long)min);
	else if (min == INT64_MIN)
		snprintf(out, 128, _("write a whole number of at most %lld"), (long long)max);
	else
		snprintf(out, 128, _("write a whole number from %lld to %lld"), (long long)min,
			 (long long)max);
}

int value_int(const char *s, int64_t min, int64_t max, int64_t *out, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE], hint[128];
	size_t n, i = 0;
	const char *p = trim(s, &n);
	uint64_t mag = 0, limit;
	bool neg = false;

	if (n > 0 && (p[0] == '-' || p[0] == '+'))
		neg = p[i++] == '-';
	if (i == n || value_digit_run(p + i, n - i) != n - i) {
		int_hint(min, max, hint);
		if (n == 0)
			return err_set(err, PACT_EINPUT, _("empty; %s"), hint);
		return err_set(err, PACT_EINPUT, _("'%s' is not a whole number; %s"),
			       value_quote(p, n, q), hint);
	}
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		uint64_t d = (uint64_t)(p[i] - '0');
		if (mag > (limit - d) / 10)
			return int_range_error(value_quote(p, n, q), neg, min, max, err);
		mag = mag * 10 + d;
	}
	*out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
	if (*out < min || *out > max)
		return int_range_error(value_quote(p, n, q), *out < min, min, max, err);
	return PACT_OK;
}

/* The n bytes at p, without surrounding spaces and tabs, are a whole
 * number in form: an optional sign, then digits. */
static bool whole_form(const char *p, size_t n)
{
	text_trim(&p, &n);
	if (n > 0 && (p[0] == '-' || p[0] == '+'))
		p++, n--;
	return n > 0 && value_digit_run(p, n) == n;
}

/* Two whole numbers with sep between, in the n bytes at p: *a is where
 * sep starts (its first place). False when sep is missing, a side is not a
 * whole number in form, or a side is too long to quote. */
static bool pair_form(const char *p, size_t n, const char *sep, size_t *a)
{
	size_t k = strlen(sep);
	const char *at = NULL;

	for (size_t i = 0; !at && i + k <= n; i++)
		if (memcmp(p + i, sep, k) == 0)
			at = p + i;
	if (!at)
		return false;
	*a = (size_t)(at - p);
	return *a < VALUE_QUOTE_SIZE && n - *a - k < VALUE_QUOTE_SIZE && whole_form(p, *a) &&
	       whole_form(at + k, n - *a - k);
}

/* What a refused pair gets told. */
enum pair_message { PAIR_NOT_RANGE, PAIR_RANGE_ORDER, PAIR_NOT_SIZE };

static int pair_refused(const char *p, size_t n, enum pair_message m, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];

	value_quote(p, n, q);
	if (m == PAIR_RANGE_ORDER)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a range; the first number must be below the second, for "
				 "example 0..5"),
			       q);
	if (m == PAIR_NOT_SIZE)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a terminal size; write columns x rows, for example "
				 "80x24"),
			       q);
	return err_set(err, PACT_EINPUT,
		       _("'%s' is not a range; write the lowest and the highest whole number with .. "
			 "between, for example 0..5"),
		       q);
}

/* Two whole numbers in [min, max] with sep between, in the n bytes at p,
 * into v; not in that form: message m. A side out of bounds is quoted
 * alone by value_int. */
static int read_pair(const char *p, size_t n, const char *sep, int64_t min, int64_t max,
		     int64_t v[2], enum pair_message m, struct pact_err *err)
{
	char side[VALUE_QUOTE_SIZE];
	size_t a, k = strlen(sep);
	int rc;

	if (!pair_form(p, n, sep, &a))
		return pair_refused(p, n, m, err);
	snprintf(side, sizeof side, "%.*s", (int)a, p);
	if ((rc = value_int(side, min, max, &v[0], err)) != PACT_OK)
		return rc;
	snprintf(side, sizeof side, "%.*s", (int)(n - a - k), p + a + k);
	return value_int(side, min, max, &v[1], err);
}

int value_range(const char *s, int64_t min, int64_t max, int64_t *lo, int64_t *hi,
		struct pact_err *err)
{
	size_t n;
	const char *p = trim(s, &n);
	int64_t v[2];
	int rc = read_pair(p, n, "..", min, max, v, PAIR_NOT_RANGE, err);

	if (rc == PACT_OK && v[0] >= v[1])
		rc = pair_refused(p, n, PAIR_RANGE_ORDER, err);
	if (rc == PACT_OK) {
		*lo = v[0];
		*hi = v[1];
	}
	return rc;
}

int value_size(const char *s, int *cols, int *rows, struct pact_err *err)
{
	size_t n;
	const char *p = trim(s, &n);
	int64_t v[2];
	int rc = read_pair(p, n, "x", 1, VALUE_SIZE_MAX, v, PAIR_NOT_SIZE, err);

	if (rc == PACT_OK) {
		*cols = (int)v[0];
		*rows = (int)v[1];
	}
	return rc;
}

/* --- amounts ---------------------------------------------------------- */

/* Bytes of the space at p: space, tab, no-break space or narrow no-break
 * space (spreadsheets write the last two around "€"); 0 if none. */
static size_t space_len(const char *p, size_t n)
{
	if (n >= 1 && (p[0] == ' ' || p[0] == '\t'))
		return 1;
	if (n >= 2 && memcmp(p, "\xC2\xA0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(p, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

static size_t skip_spaces(const char *p, size_t n, size_t i)
{
	size_t k;

	while ((k = space_len(p + i, n - i)) > 0)
		i += k;
	return i;
}

/* Bytes of "€" or "EUR" (any case) at p; 0 if neither. */
static size_t currency_len(const char *p, size_t n)
{
	if (n >= 3 && memcmp(p, "€", 3) == 0)
		return 3;
	if (n >= 3 && (p[0] | 32) == 'e' && (p[1] | 32) == 'u' && (p[2] | 32) == 'r')
		return 3;
	return 0;
}

/* Offset of the last c in the n bytes at p, n if none. */
static size_t last_of(const char *p, size_t n, char c)
{
	for (size_t i = n; i > 0; i--)
		if (p[i - 1] == c)
			return i - 1;
	return n;
}

static size_t count_of(const char *p, size_t n, char c)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += p[i] == c;
	return k;
}

/* Whole euros from plain digits (sep 0) or from digits grouped by sep:
 * 1 to 3 digits without a leading zero, then groups of exactly 3. */
static bool whole_euros(const char *p, size_t n, char sep, uint64_t *v)
{
	size_t group = 0, groups = 0;

	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (sep && p[i] == sep) {
			if (group == 0 || group > 3 || (groups > 0 && group != 3))
				return false;
			groups++;
			group = 0;
		} else if (p[i] >= '0' && p[i] <= '9') {
			if (*v <= EUROS_CAP)
				*v = *v * 10 + (uint64_t)(p[i] - '0');
			group++;
		} else {
			return false;
		}
	}
	if (sep && (groups == 0 || group != 3 || p[0] == '0'))
		return false;
	return group > 0;
}

/* The digits and separators of an amount, e.g. "1.234,56", as cents. */
static int amount_digits(const char *p, size_t n, uint64_t *cents)
{
	size_t dot = last_of(p, n, '.'), comma = last_of(p, n, ','), dec = n;
	char group = 0;
	uint64_t euros, frac = 0;

	if (dot < n && comma < n) {
		dec = dot > comma ? dot : comma;
		group = dot > comma ? ',' : '.';
	} else if (dot < n || comma < n) {
		char sep = dot < n ? '.' : ',';
		size_t at = dot < n ? dot : comma;
		if (count_of(p, n, sep) == 1 && n - at - 1 >= 1 && n - at - 1 <= 2)
			dec = at;
		else
			group = sep;
	}
	if (dec < n) {
		size_t k = n - dec - 1;
		if (k < 1 || k > 2 || value_digit_run(p + dec + 1, k) != k)
			return FORM_BAD;
		frac = (uint64_t)(p[dec + 1] - '0') * 10 + (k == 2 ? (uint64_t)(p[dec + 2] - '0') : 0);
	}
	if (!whole_euros(p, dec, group, &euros))
		return FORM_BAD;
	if (euros > EUROS_CAP || euros * 100 + frac > (uint64_t)AMOUNT_MAX)
		return FORM_BIG;
	*cents = euros * 100 + frac;
	return FORM_OK;
}

/* An amount with its sign and currency: [-] [€|EUR] [-] digits [€|EUR], spaces
 * between, one sign and one currency at most. */
static int amount_form(const char *p, size_t n, int64_t *cents)
{
	size_t i = 0, start, k;
	bool neg = false, cur = false;
	uint64_t v;
	int r;

	for (;;) {
		i = skip_spaces(p, n, i);
		if (!neg && i < n && p[i] == '-') {
			neg = true;
			i++;
		} else if (!cur && (k = currency_len(p + i, n - i)) > 0) {
			cur = true;
			i += k;
		} else {
			break;
		}
	}
	for (start = i; i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == ',');)
		i++;
	if (i == start)
		return FORM_BAD;
	if ((r = amount_digits(p + start, i - start, &v)) != FORM_OK)
		return r;
	i = skip_spaces(p, n, i);
	if (!cur && (k = currency_len(p + i, n - i)) > 0)
		i = skip_spaces(p, n, i + k);
	if (i != n)
		return FORM_BAD;
	*cents = neg ? -(int64_t)v : (int64_t)v;
	return FORM_OK;
}

int value_amount(const char *s, int64_t *cents, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];
	size_t n;
	const char *p = trim(s, &n);
	int r = amount_form(p, n, cents);

	if (r == FORM_BAD)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a valid amount; write for example 1234.56 or €1,500"),
			       value_quote(p, n, q));
	if (r == FORM_BIG)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is out of range; an amount lies between -%lld and %lld euros"),
			       value_quote(p, n, q), (long long)(AMOUNT_MAX / 100),
			       (long long)(AMOUNT_MAX / 100));
	return PACT_OK;
}

void value_amount_csv(int64_t cents, bool decimal_comma, char out[32])
{
	uint64_t m = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;

	snprintf(out, 32, "%s%" PRIu64 "%c%02" PRIu64, cents < 0 ? "-" : "", m / 100,
		 decimal_comma ? ',' : '.', m % 100);
}

void value_date_show(const char *iso, bool dutch, char out[32])
{
	bool is_date = iso && strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-';

	for (int i = 0; is_date && i < 10; i++)
		if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
			is_date = false;
	if (is_date && dutch)
		snprintf(out, 32, "%.2s-%.2s-%.4s%.21s", iso + 8, iso + 5, iso, iso + 10);
	else
		snprintf(out, 32, "%s", iso ? iso : "");
}

void value_amount_show(int64_t cents, bool dutch, char out[40])
{
	uint64_t m = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents, euros = m / 100;
	char digits[24], grouped[32];
	size_t n, i, o = 0;

	n = (size_t)snprintf(digits, sizeof digits, "%" PRIu64, euros);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = dutch ? '.' : ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	if (dutch)
		snprintf(out, 40, "€ %s%s,%02" PRIu64, cents < 0 ? "-" : "", grouped, m % 100);
	else
		snprintf(out, 40, "%s€%s.%02" PRIu64, cents < 0 ? "-" : "", grouped, m % 100);
}

/* --- dates and times -------------------------------------------------- */

static bool real_date(int y, int m, int d)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && leap);
}

/* "YYYY-MM-DD" in the first 10 of the n bytes at p. */
static bool iso_date(const char *p, size_t n, int *y, int *m, int *d)
{
	if (n < 10 || p[4] != '-' || p[7] != '-')
		return false;
	*y = number(p, 4);
	*m = number(p + 5, 2);
	*d = number(p + 8, 2);
	return *y >= 0 && *m >= 0 && *d >= 0;
}

/* "D-M-YYYY", "DD/MM/YYYY", "D.M.YYYY"…: the n bytes at p exactly. */
static bool dmy_date(const char *p, size_t n, int *y, int *m, int *d)
{
	size_t a = value_digit_run(p, n), b, c;
	char sep;

	if (a < 1 || a > 2 || a == n || !strchr("-/.", p[a]) || p[a] == '\0')
		return false;
	sep = p[a];
	b = value_digit_run(p + a + 1, n - a - 1);
	if (b < 1 || b > 2 || a + 1 + b >= n || p[a + 1 + b] != sep)
		return false;
	c = value_digit_run(p + a + b + 2, n - a - b - 2);
	if (c != 4 || a + b + 2 + c != n)
		return false;
	*d = number(p, a);
	*m = number(p + a + 1, b);
	*y = number(p + a + b + 2, 4);
	return true;
}

int value_date(const char *s, char out[11], struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];
	size_t n;
	const char *p = trim(s, &n);
	int y, m, d;

	if (!((n == 10 && iso_date(p, n, &y, &m, &d)) || dmy_date(p, n, &y, &m, &d)) ||
	    !real_date(y, m, d))
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a valid date; write for example 2026-11-27 or 27-11-2026"),
			       value_quote(p, n, q));
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100,
		 (unsigned)d % 100);
	return PACT_OK;
}

/* The zone after a time: nothing or "Z" (UTC), or +HH:MM, +HHMM or +HH; *off
 * gets seconds east of UTC. Real zones lie within 14 hours. */
static bool zone(const char *p, size_t n, long *off)
{
	int h, m = 0;

	*off = 0;
	if (n == 0 || (n == 1 && (p[0] == 'Z' || p[0] == 'z')))
		return true;
	if (p[0] != '+' && p[0] != '-')
		return false;
	h = number(p + 1, n >= 3 ? 2 : 0);
	if (n == 5)
		m = number(p + 3, 2);
	else if (n == 6 && p[3] == ':')
		m = number(p + 4, 2);
	else if (n != 3)
		return false;
	if (h < 0 || m < 0 || m > 59 || h * 60 + m > 14 * 60)
		return false;
	*off = (p[0] == '-' ? -1L : 1L) * (h * 3600L + m * 60L);
	return true;
}

/* "YYYY-MM-DDTHH:MM:SS[.fff][zone]" into a broken-down time and its zone. */
static bool stamp_form(const char *p, size_t n, struct tm *tm, long *off)
{
	int y, mo, d, h, mi, sec;
	size_t i = 19;

	if (n < 19 || !iso_date(p, n, &y, &mo, &d) || !real_date(y, mo, d))
		return false;
	if ((p[10] != 'T' && p[10] != 't' && p[10] != ' ') || p[13] != ':' || p[16] != ':')
		return false;
	h = number(p + 11, 2);
	mi = number(p + 14, 2);
	sec = number(p + 17, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
		return false;
	if (i < n && p[i] == '.') {
		size_t k = value_digit_run(p + i + 1, n - i - 1);
		if (k == 0)
			return false;
		i += 1 + k;
	}
	if (!zone(p + i, n - i, off))
		return false;
	*tm = (struct tm){ .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			   .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	return true;
}

int value_timestamp(const char *s, char out[21], struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE];
	size_t n;
	const char *p = trim(s, &n);
	struct tm tm, utc;
	long off;
	time_t t;

	if (stamp_form(p, n, &tm, &off) && n == 20 && p[10] == 'T' && p[19] == 'Z' &&
	    tm.tm_year >= 0) {
		memcpy(out, p, 20); /* the form pact writes: a real UTC time already */
		out[20] = '\0';
		return PACT_OK;
	}
	if (stamp_form(p, n, &tm, &off)) {
		t = timegm(&tm) - off;
		if (gmtime_r(&t, &utc) && utc.tm_year >= 0 && utc.tm_year <= 9999 - 1900) {
			strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
			return PACT_OK;
		}
	}
	return err_set(err, PACT_EINPUT,
		       _("'%s' is not a valid date and time; write for example 2026-11-27T14:30:00Z"),
		       value_quote(p, n, q));
}

/* --- yes/no, identifiers, choices ------------------------------------- */

/* Position of the n bytes at p among words (ignoring case), or -1. */
static int word_index(const char *p, size_t n, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (eq_fold(p, n, words[i]))
			return i;
	return -1;
}

int value_bool(const char *s, bool *out, struct pact_err *err)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "ja", "j", NULL };
	static const char *const no[] = { "0", "no", "n", "false", "nee", NULL };
	char q[VALUE_QUOTE_SIZE];
	size_t n;
	const char *p = trim(s, &n);
	bool is_yes = word_index(p, n, yes) >= 0;

	if (!is_yes && word_index(p, n, no) < 0)
		return err_set(
			err, PACT_EINPUT,
			_("'%s' is not yes or no; write yes or no (or 1/0, y/n, true/false, ja/nee, j/n)"),
			value_quote(p, n, q));
	*out = is_yes;
	return PACT_OK;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f');
}

int value_uuid(const char *s, char out[37], struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE], u[37];
	size_t n;
	const char *p = trim(s, &n);
	bool ok = n == 36;

	for (size_t i = 0; ok && i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		ok = dash ? p[i] == '-' : is_hex(p[i]);
		u[i] = (char)(p[i] >= 'A' && p[i] <= 'F' ? p[i] | 32 : p[i]);
	}
	if (!ok)
		return err_set(
			err, PACT_EINPUT,
			_("'%s' is not a valid UUID; a UUID looks like 123e4567-e89b-12d3-a456-426614174000"),
			value_quote(p, n, q));
	memcpy(out, u, 36);
	out[36] = '\0';
	return PACT_OK;
}

/* The keys joined by ", " into out, ending in "…" when they do not fit. */
static void join_keys(const char *const *keys, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; keys[i]; i++) {
		size_t k = strlen(keys[i]);
		if (len + k + 2 + sizeof "…" > size) {
			snprintf(out + len, size - len, "%s…", i > 0 ? ", " : "");
			return;
		}
		len += (size_t)snprintf(out + len, size - len, "%s%s", i > 0 ? ", " : "", keys[i]);
	}
}

int value_enum(const char *s, const char *const *keys, int *index, struct pact_err *err)
{
	char q[VALUE_QUOTE_SIZE], list[280];
	size_t n;
	const char *p = trim(s, &n);

	int i = word_index(p, n, keys);

	if (i < 0) {
		join_keys(keys, list, sizeof list);
		return err_set(err, PACT_EINPUT, _("'%s' is not one of the choices; write one of: %s"),
			       value_quote(p, n, q), list);
	}
	*index = i;
	return PACT_OK;
}

int value_amount_field(const char *s, const char *field, int64_t *cents, struct pact_err *err)
{
	struct pact_err why;

	*cents = 0;
	if (!s || value_is_blank(s))
		return PACT_OK;
	if (value_amount(s, cents, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, "%s: %s", field, why.msg);
	if (*cents < 0)
		return err_set(err, PACT_EINPUT, _("%s: '%s' is negative; an amount is 0 or more"),
			       field, s);
	return PACT_OK;
}
