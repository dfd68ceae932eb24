/* Filling an empty database with the demo data. */
#include "demo.h"

#include <stdbool.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "import.h"
#include "kind.h"
#include "sql.h"

/* The records people make, and what each is called in the refusal. */
static const struct {
	const char *sql, *what;
} owned[] = {
	{ "SELECT count(*) FROM session", N_("brainstorm sessions") },
	{ "SELECT count(*) FROM advice", N_("advice") },
	{ "SELECT count(*) FROM poll", N_("polls") },
	{ "SELECT count(*) FROM experiment", N_("experiments") },
	{ "SELECT count(*) FROM budget_pot", N_("budget pots") },
};

static int refuse_if_used(sqlite3 *db, struct pact_err *err)
{
	for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
		int64_t n;
		int rc = sql_int(db, &n, NULL, err, owned[i].sql, "");

		if (rc != PACT_OK)
			return rc;
		if (n > 0)
			return err_set(err, PACT_EINPUT,
				       _("the database is not empty (%s: %lld); pact demo only "
					 "fills an empty one, so that nothing of yours is mixed with "
					 "demo data. Use --db FILE for a new file."),
				       _(owned[i].what), (long long)n);
	}
	return PACT_OK;
}

static int load(sqlite3 *db, const char *kind, const char *text, const char *name,
		int64_t *added, struct pact_err *err)
{
	const struct kind *k = kind_find(kind);
	struct import_stats stats = { 0 };
	int rc;

	if (!k)
		return err_set(err, PACT_EDB, _("the %s kind is not declared"), kind);
	rc = import_text(db, k, text, name, &stats, err);
	*added = stats.added;
	return rc;
}

int demo_fill(sqlite3 *db, struct demo_counts *counts, struct pact_err *err)
{
	bool dutch = strcmp(i18n_lang(), "nl") == 0;
	int rc = db_begin(db, err);

	*counts = (struct demo_counts){ 0 };
	if (rc != PACT_OK)
		return rc;
	rc = refuse_if_used(db, err);
	if (rc == PACT_OK)
		rc = load(db, "budgets", pact_demo_budgets_csv, "demo.budgets.csv", &counts->pots, err);
	if (rc == PACT_OK)
		rc = load(db, "experiments", dutch ? pact_demo_experiments_csv
						   : pact_demo_en_experiments_csv,
			  "demo.experiments.csv", &counts->experiments, err);
	if (rc == PACT_OK)
		rc = load(db, "evaluations", dutch ? pact_demo_evaluations_csv
						   : pact_demo_en_evaluations_csv,
			  "demo.evaluations.csv", &counts->evaluations, err);
	/* Each card's history starts in the column it is in. */
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT INTO experiment_event(experiment_id, at, from_status, to_status) "
			      "SELECT id, created_at, NULL, status FROM experiment",
			      "");
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	*counts = (struct demo_counts){ 0 };
	return rc;
}
