/* Writing a count's result: as text for people (with bars, the IRV round
 * table, the Schulze matrix, the funded list) and as CSV
 * (position,option,value). pact tally and pact poll show share it. */
#ifndef PACT_TALLY_OUT_H
#define PACT_TALLY_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "tally.h"

void tally_print(FILE *out, const struct tally_input *in, const struct tally_result *r);

/* The rows' values added up exactly, as a double: the whole that the
 * percentages are of. */
double tally_total(const struct tally_result *r);

/* An amount in cents as the language writes it: "€ 1.234,56" in Dutch,
 * "€1,234.56" in English. */
void tally_amount_show(int64_t cents, char out[40]);

/* The tie rule in force, in words, for showing before and after a vote. */
void tally_tie_rule(const struct tally_input *in, char *out, size_t outsz);
struct csv_out_opts;
/* position,option,value to path ("-" = stdout); o (NULL: plain CSV) gives
 * the Excel choices: delimiter, BOM, CRLF, formulas neutralised. */
int tally_write_csv(const char *path, const struct csv_out_opts *o, const struct tally_input *in,
		    const struct tally_result *r, struct pact_err *err);

#endif
