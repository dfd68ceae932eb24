/* Demo data: the experiments of the programme "Pact met de stad" as cards
 * in sensible columns, a few with evaluations (so the Library and the
 * charts have something to show), and the 2019 budget pots. Shipped as
 * data/demo.*.csv (Dutch) and data/demo.en.*.csv (English), read through
 * the CSV registry in the language of the user. */
#ifndef PACT_DEMO_H
#define PACT_DEMO_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"

extern const char pact_demo_budgets_csv[];
extern const char pact_demo_experiments_csv[];
extern const char pact_demo_evaluations_csv[];
extern const char pact_demo_en_experiments_csv[];
extern const char pact_demo_en_evaluations_csv[];

struct demo_counts {
	int64_t pots, experiments, evaluations;
};

/* Fill an empty database, all or nothing. A database that holds records
 * of its own (sessions, advice, polls, cards, pots) is refused with
 * PACT_EINPUT and left as it was; the shipped work forms and opgaven do
 * not count. */
int demo_fill(sqlite3 *db, struct demo_counts *counts, struct pact_err *err);

#endif
