/* Typed cell values for CSV import and export: parsers that read what
 * people type in spreadsheets (whole numbers, euro amounts, dates, yes/no,
 * timestamps, UUIDs, fixed choices) and the formatters that write them back.
 * Every parser ignores surrounding spaces and tabs, stores its value and
 * returns PACT_OK, or returns PACT_EINPUT with a message that quotes the
 * cell, says what is wrong with it and gives an example ("'abc' is not a
 * whole number; write for example 12"); the caller adds the file, line,
 * column and field. Input is valid UTF-8. */
#ifndef PACT_VALUE_H
#define PACT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* A cell as messages quote it: the n bytes at s cut after VALUE_QUOTE_CHARS
 * characters, control characters as '?' so a cell cannot drive the
 * terminal. Returns out. */
#define VALUE_QUOTE_CHARS 40
#define VALUE_QUOTE_SIZE (VALUE_QUOTE_CHARS * 4 + 4)
const char *value_quote(const char *s, size_t n, char out[VALUE_QUOTE_SIZE]);
/* The same for the whole string s. */
const char *value_quote_str(const char *s, char out[VALUE_QUOTE_SIZE]);

/* Number of ASCII digits at the start of the n bytes at p. */
size_t value_digit_run(const char *p, size_t n);

/* True when s is empty or only spaces and tabs. */
bool value_is_blank(const char *s);

/* A whole number with an optional sign, within [min, max]. A refusal says
 * what to write: an example that fits a wide range, else the range ("write
 * a whole number from 1 to 5"); blank input is "empty; …", not quoted. */
int value_int(const char *s, int64_t min, int64_t max, int64_t *out, struct pact_err *err);

/* A range "LO..HI" of two whole numbers within [min, max], LO below HI:
 * "0..5", "-2..2", " 1 .. 10 ". */
int value_range(const char *s, int64_t min, int64_t max, int64_t *lo, int64_t *hi,
		struct pact_err *err);

/* A terminal size "COLSxROWS" ("80x24"), each from 1 to VALUE_SIZE_MAX. */
#define VALUE_SIZE_MAX 1000
int value_size(const char *s, int *cols, int *rows, struct pact_err *err);

/* An amount in euros as integer cents: "1.500" (1500 euros), "1,5", "€ -1.234,56",
 * "1,234.56 EUR". If both ',' and '.' occur the last one is the decimal
 * separator and the other groups thousands; with one kind, it is decimal when
 * once and followed by 1 or 2 final digits, else it groups thousands (groups of
 * exactly 3 digits). At most ±9e15 cents. */
int value_amount(const char *s, int64_t *cents, struct pact_err *err);

/* cents as "1234.56" / "-0.50", or with decimal_comma "1234,56"; no thousands
 * separators. */
void value_amount_csv(int64_t cents, bool decimal_comma, char out[32]);

/* cents for the screen, as the language writes amounts: Dutch "€ 1.234,56"
 * and "€ -1.234,56", English "€1,234.56" and "-€1,234.56". */
void value_amount_show(int64_t cents, bool dutch, char out[40]);

/* A stored date ("YYYY-MM-DD…") for the screen: Dutch "27-11-2026",
 * English "2026-11-27"; anything else is copied as it is. */
void value_date_show(const char *iso, bool dutch, char out[32]);

/* A calendar date, "YYYY-MM-DD" or "D-M-YYYY" (separator '-', '/' or '.',
 * day and month of one or two digits), years 1900 to 9999; out "YYYY-MM-DD". */
int value_date(const char *s, char out[11], struct pact_err *err);

/* 1/0, yes/no, y/n, true/false, ja/nee, j/n in any case. */
int value_bool(const char *s, bool *out, struct pact_err *err);

/* "YYYY-MM-DDTHH:MM:SS" with 'T' or a space, then 'Z', nothing (UTC) or an
 * offset +HH:MM, +HHMM or +HH; fractions of a second are dropped. out is the
 * UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
int value_timestamp(const char *s, char out[21], struct pact_err *err);

/* A UUID written 8-4-4-4-12 in hex digits of any case; out in lower case. */
int value_uuid(const char *s, char out[37], struct pact_err *err);

/* s equals one of the NULL-terminated keys, ignoring case; *index gets its
 * position. The message lists the keys. */
int value_enum(const char *s, const char *const *keys, int *index, struct pact_err *err);

/* An optional amount typed in a form field: blank is 0, else as
 * value_amount, never negative; a message starts with the field's name
 * ("planned: …"). */
int value_amount_field(const char *s, const char *field, int64_t *cents, struct pact_err *err);

#endif
