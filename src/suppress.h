/* Statistical disclosure control: which counts of a table of people may be
 * shown (primary and secondary cell suppression), and how far rows of
 * people must be generalised so that none is singled out (k-anonymity).
 * Pure functions on arrays; privacy.c and export.c feed them. */
#ifndef PACT_SUPPRESS_H
#define PACT_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Groups smaller than this are never shown with their number, and no row
 * of an anonymised export stands for fewer people. */
#define SUPPRESS_MIN 5

#define SUPPRESS_STR_(x) #x
#define SUPPRESS_STR(x) SUPPRESS_STR_(x)

/* SQL for a count of people n as shown everywhere: "<5" for 1 to 4, else
 * the number (0 stays 0). n is an SQL expression, evaluated twice. */
#define SUPPRESS_COUNT_SQL(n)                                                                  \
	"(CASE WHEN " n " BETWEEN 1 AND " SUPPRESS_STR(SUPPRESS_MIN) " - 1 THEN '<' || "     \
	SUPPRESS_STR(SUPPRESS_MIN) " ELSE " n " END)"

enum suppress_mark {
	SUPPRESS_SHOWN,  /* the number */
	SUPPRESS_SMALL,  /* 1 to SUPPRESS_MIN - 1 people: "<5" (primary) */
	SUPPRESS_MASKED, /* hidden so that a small group cannot be worked out: "x" (secondary) */
};

/* One dimension of a table whose total is public (every count > 0, the
 * total their sum): marks the small counts SUPPRESS_SMALL and as many
 * others SUPPRESS_MASKED as are needed that no small count can be worked
 * out. false when no choice of hidden counts protects them: then no group
 * of the dimension may be shown, only the total. */
bool suppress_dimension(const int64_t *count, enum suppress_mark *mark, size_t n);

/* Whether the marked pattern protects every small count: given the total,
 * the shown counts and that a small count is 1..4 and a masked one at
 * least 5, each small count can still take two values. */
bool suppress_safe(const int64_t *count, const enum suppress_mark *mark, size_t n);

/* A group's count over several tables (all sessions), from what each table
 * shows: the sum of the numbers while every table shows its number, else
 * hidden ("x"); a group only one table lists keeps that table's mark. So
 * the sum tells nothing the tables do not. Start from all zeros. */
struct suppress_sum {
	int64_t count; /* the true sum; show it only when mark says so */
	enum suppress_mark mark;
	int tables;    /* how many tables list the group */
};
void suppress_sum_add(struct suppress_sum *sum, int64_t count, enum suppress_mark mark);

/* A count as it may be shown under its mark: the number, "<5" or "x". */
void suppress_count_text(int64_t count, enum suppress_mark mark, char out[24]);

/* k-anonymity by generalisation: row r has nq + 1 values at
 * values[r * (nq + 1)], first its scope (rows of different scopes never
 * share a group; a session), then its quasi-identifiers. level[r] gets how
 * many of its last quasi-identifiers must be written as "*" so that at
 * least SUPPRESS_MIN rows of its scope are written alike; nq + 1 when even
 * with all of them as "*" fewer remain: the row is left out. NULL values
 * count as "". false when out of memory. */
bool suppress_kanon(const char *const *values, size_t nrows, size_t nq, int *level);

#endif
