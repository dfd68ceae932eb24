/* A poll's ballots in and out of Pabulib files (.pb), the format in which
 * cities publish participatory-budgeting votes (see pabulib.c). */
#include "poll.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_file.h"
#include "i18n.h"
#include "pabulib.h"
#include "sql.h"

/* Which methods count which vote type: approval ballots mark with 1,
 * cumulative ones hand out points like dots, scoring ones give scores,
 * ordinal ones rank. */
static bool suits(enum pabulib_vote type, enum tally_method m)
{
	static const enum tally_mark mark_of[] = {
		[PABULIB_APPROVAL] = TALLY_MARK_TICK,
		[PABULIB_CUMULATIVE] = TALLY_MARK_DOTS,
		[PABULIB_SCORING] = TALLY_MARK_SCORE,
		[PABULIB_ORDINAL] = TALLY_MARK_RANK,
	};

	return (size_t)type < sizeof mark_of / sizeof mark_of[0] &&
	       mark_of[type] == tally_method(m)->mark;
}

int poll_read_pabulib(const char *path, enum tally_method method, struct ballots *b,
		      struct pact_err *err)
{
	struct pabulib_info info;
	struct ballots pb;
	struct pact_err why;
	int rc;

	ballots_init(&pb);
	rc = pabulib_read(path, &pb, &info, err);
	if (rc == PACT_OK && !suits(info.meta.vote_type, method))
		rc = err_set(err, PACT_EINPUT,
			     _("%s: the ballots are of the type '%s'; a poll counted with '%s' takes "
			       "other ballots"),
			     path, pabulib_vote_name(info.meta.vote_type), tally_method_label(method));
	b->file = path;
	b->col_option = pb.col_option;
	b->col_value = pb.col_value;
	/* The voters (empty ballots too), then the marks in reading order,
	 * onto the poll's options by name. */
	for (size_t v = 0; rc == PACT_OK && v < pb.voters.n; v++)
		rc = ballots_add_voter(b, ballots_voter_name(&pb, v), err);
	for (size_t i = 0; rc == PACT_OK && i < pb.nmarks; i++) {
		rc = ballots_add_mark(b, ballots_voter_name(&pb, pb.voter[i]), pb.names[pb.option[i]],
				      pb.value[i], pb.line[i], &why);
		if (rc == PACT_EINPUT)
			rc = err_set(err, PACT_EINPUT, _("%s:%ld:%d: column 'vote': %s"), path,
				     pb.line[i], pb.col_option, why.msg);
		else if (rc != PACT_OK)
			*err = why;
	}
	pabulib_info_free(&info);
	ballots_free(&pb);
	return rc;
}

/* The ballots as voter,option,value exports them: labelled ones by label,
 * secret ones numbered in their (random) order. */
static int load_for_export(sqlite3 *db, int64_t poll_id, bool with_names, struct ballots *b,
			   struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, poll_ballots_sql, "II", poll_id, (int64_t)with_names);
	int rc = PACT_OK, step = SQLITE_DONE;

	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = ballots_add_mark(b, (const char *)sqlite3_column_text(st, 0),
				      (const char *)sqlite3_column_text(st, 1),
				      sqlite3_column_int64(st, 2), 0, err);
	sqlite3_finalize(st);
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	return rc;
}

int poll_export_pabulib(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err)
{
	struct poll_info info;
	struct ballots b;
	struct tally_input in = { 0 };
	struct pabulib_project *projects = NULL;
	char (*ids)[24] = NULL, year[5];
	int rc;

	(void)o; /* a .pb file is always ;-separated UTF-8 */
	*count = 0;
	ballots_init(&b);
	if ((rc = poll_get(db, poll_id, &info, err)) != PACT_OK)
		return rc;
	if (!tally_method_has(info.params.method, TALLY_BUDGET))
		return err_set(err, PACT_EINPUT,
			       _("poll %lld counts with '%s'; a Pabulib file holds a budget poll "
				 "('%s' or '%s'): export its ballots as CSV instead"),
			       (long long)poll_id, tally_method_label(info.params.method),
			       tally_method_label(TALLY_PB_GREEDY), tally_method_label(TALLY_PB_MES));
	if ((rc = poll_sealed(&info, err)) != PACT_OK)
		return rc;
	rc = poll_load_options(db, poll_id, &b, err);
	if (rc == PACT_OK)
		rc = load_for_export(db, poll_id, with_names, &b, err);
	if (rc == PACT_OK)
		rc = ballots_finish(&b, &in, err);
	projects = calloc(b.noptions + 1, sizeof *projects);
	ids = calloc(b.noptions + 1, sizeof *ids);
	if (rc == PACT_OK && (!projects || !ids))
		rc = err_nomem(err);
	if (rc == PACT_OK) {
		struct pabulib_doc doc = {
			.meta = { .budget = info.params.budget,
				  .vote_type = PABULIB_APPROVAL,
				  .description = info.title,
				  .rule = tally_method(info.params.method)->pabulib_rule,
				  .currency = "EUR" },
			.nprojects = b.noptions,
			.projects = projects,
			.nvoters = in.nvoters,
			.voters = (const char *const *)b.voter_names,
			.start = in.start,
			.option = in.option,
			.value = in.value,
		};
		struct pabulib_meta *m = &doc.meta;
		/* no limits on a ballot's length or points */
		m->min_length = m->max_length = m->min_sum_cost = m->max_sum_cost = PABULIB_UNSET;
		m->min_points = m->max_points = m->min_sum_points = m->max_sum_points = PABULIB_UNSET;
		m->default_score = PABULIB_UNSET;
		snprintf(year, sizeof year, "%.4s", info.created);
		doc.meta.instance = year;
		doc.meta.date_begin = info.created;
		for (size_t i = 0; i < b.noptions; i++) {
			snprintf(ids[i], sizeof ids[i], "%zu", i + 1);
			projects[i] = (struct pabulib_project){ ids[i], b.names[i], b.costs[i] };
		}
		rc = pabulib_write(path, &doc, err);
	}
	if (rc == PACT_OK)
		*count = (int64_t)in.nvoters;
	free(projects);
	free(ids);
	ballots_free(&b);
	return rc;
}
