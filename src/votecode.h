/* Voter codes for live voting: made in bulk for printing, each used once,
 * kept only as salted hashes. */
#ifndef PACT_VOTECODE_H
#define PACT_VOTECODE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"

#define VOTECODE_SIZE 8 /* "7KQ-M4P" and a NUL */
#define VOTECODE_MAX 5000

/* A typed code as pact writes it: capitals, the dash in the middle;
 * spaces and dashes typed anywhere are ignored. */
int votecode_normalise(const char *typed, char out[VOTECODE_SIZE], struct pact_err *err);

/* count new codes for the poll; *codes (free it) holds them, the file only
 * their hashes. */
int votecode_make(sqlite3 *db, int64_t poll_id, int64_t count, char (**codes)[VOTECODE_SIZE],
		  struct pact_err *err);

/* PACT_OK when the code belongs to the poll and is unused; else a message
 * that says which. */
int votecode_check(sqlite3 *db, int64_t poll_id, const char *typed, struct pact_err *err);

/* Mark the code used; call inside the transaction that stores the ballot. */
int votecode_use(sqlite3 *db, int64_t poll_id, const char *typed, struct pact_err *err);

int votecode_counts(sqlite3 *db, int64_t poll_id, int64_t *total, int64_t *used,
		    struct pact_err *err);

/* The codes one a line (csv: with the header "code"), to path ("-" is
 * stdout); a file is made 0600 and replaced whole. */
int votecode_write(const char *path, bool csv, char (*codes)[VOTECODE_SIZE], int64_t count,
		   struct pact_err *err);

#endif
